import type { CodeableConcept, Dosage, DoseAndRate, Extension, Quantity, Ratio, Timing } from '../fhir/r4.js';
import { formatDate } from './date.js';
import type { ZkLocale } from './locale.js';
import { joinList, lookupTable, list, trimmed } from './text.js';
import {
  TIME_UNIT, type UnitName, formatDuration, formatNumber, formatQuantity, formatRange, formatRatio, formatUnit, knownUnit, quantityUnit, timeUnit, unitWord,
} from './quantity.js';

/**
 * Structured FHIR `Dosage` → a dosage line a clinician reads, in English or Dutch:
 *
 * `1–2 tablets every 8 hours, by mouth, as needed: Pain, max 6 tablets per day`
 * `1–2 tabletten elke 8 uur, oraal, zo nodig: Bij pijn, maximaal 6 tabletten per dag`
 *
 * The reason for "as needed" is coded or free text from the record: it is shown as recorded, in
 * its own language, after the label ("as needed: Bij pijn").
 *
 * Order: dose (or dose range) and rate, then timing (frequency / period, `when`, day of week,
 * time of day, events), then route, duration and bounds, as needed (with its reason), maximum
 * doses and additional instructions. Numbers and units follow the display rules of
 * `./quantity.ts` (no trailing zero, leading zero, locale decimal separator, a space before the
 * unit, no error-prone abbreviations: "every other day", never "QOD"; "once daily", never "QD").
 *
 * Several dosage lines are sorted by `sequence`; a line that starts a later sequence reads
 * "Then …" ("Daarna …"); lines with the same sequence apply at the same time.
 *
 * The prescriber's words win over a structure that would leave something out: a dosage with no
 * dose and no rate, or with a timing whose period has no time unit, is written from `Dosage.text`
 * when there is one ("1-2 tablets up to 6 per day, as needed", not just "As needed"). Only
 * without a text is such a structure written as it is. For the whole resource, the Nictiz
 * `ext-RenderedDosageInstruction` text is shown when no dosage says anything, and also in place
 * of the lines when any of them is such an incomplete structure, unless it is a placeholder
 * (`isPlaceholderText`). Free text is shown as written.
 */

type Phrase = Record<ZkLocale, string>;

const WHEN_SIMPLE: Readonly<Record<string, Phrase>> = lookupTable({
  MORN: { en: 'in the morning', nl: '’s ochtends' },
  'MORN.early': { en: 'early in the morning', nl: 'vroeg in de ochtend' },
  'MORN.late': { en: 'late in the morning', nl: 'laat in de ochtend' },
  NOON: { en: 'at noon', nl: 'rond het middaguur' },
  AFT: { en: 'in the afternoon', nl: '’s middags' },
  'AFT.early': { en: 'early in the afternoon', nl: 'vroeg in de middag' },
  'AFT.late': { en: 'late in the afternoon', nl: 'laat in de middag' },
  EVE: { en: 'in the evening', nl: '’s avonds' },
  'EVE.early': { en: 'early in the evening', nl: 'vroeg in de avond' },
  'EVE.late': { en: 'late in the evening', nl: 'laat in de avond' },
  NIGHT: { en: 'at night', nl: '’s nachts' },
  PHS: { en: 'after sleep', nl: 'na het slapen' },
  HS: { en: 'at bedtime', nl: 'voor het slapengaan' },
  WAKE: { en: 'on waking', nl: 'na het opstaan' },
});

const MEAL: Readonly<Record<string, Phrase>> = lookupTable({
  '': { en: 'a meal', nl: 'de maaltijd' },
  M: { en: 'breakfast', nl: 'het ontbijt' },
  D: { en: 'lunch', nl: 'de lunch' },
  V: { en: 'dinner', nl: 'het avondeten' },
});

const MEAL_RELATION: Record<'AC' | 'PC' | 'C', Phrase> = {
  AC: { en: 'before', nl: 'voor' },
  PC: { en: 'after', nl: 'na' },
  C: { en: 'with', nl: 'bij' },
};

/** `IC…` (inter cibos): between meals, or between one meal and the next. */
const BETWEEN_MEALS: Readonly<Record<string, Phrase>> = lookupTable({
  IC: { en: 'between meals', nl: 'tussen de maaltijden' },
  ICM: { en: 'between breakfast and lunch', nl: 'tussen het ontbijt en de lunch' },
  ICD: { en: 'between lunch and dinner', nl: 'tussen de lunch en het avondeten' },
  ICV: { en: 'between dinner and bedtime', nl: 'tussen het avondeten en het slapengaan' },
});

/** One `Timing.repeat.when` code as words; `offset` (minutes) only applies to before/after meals. */
export function whenText(code: string, offset: number | undefined, locale: ZkLocale): string {
  const simple = WHEN_SIMPLE[code] ?? BETWEEN_MEALS[code];
  if (simple) return simple[locale];
  const meal = /^(AC|PC|C)([MDV]?)$/.exec(code);
  if (meal) {
    const relation = meal[1] as 'AC' | 'PC' | 'C';
    const phrase = `${MEAL_RELATION[relation][locale]} ${MEAL[meal[2]][locale]}`;
    const minutes = relation === 'C' ? undefined : formatDuration(offset, 'min', locale);
    return minutes && offset !== 0 ? `${minutes} ${phrase}` : phrase;
  }
  return code;
}

const DAY: Readonly<Record<string, Phrase>> = lookupTable({
  mon: { en: 'Monday', nl: 'maandag' },
  tue: { en: 'Tuesday', nl: 'dinsdag' },
  wed: { en: 'Wednesday', nl: 'woensdag' },
  thu: { en: 'Thursday', nl: 'donderdag' },
  fri: { en: 'Friday', nl: 'vrijdag' },
  sat: { en: 'Saturday', nl: 'zaterdag' },
  sun: { en: 'Sunday', nl: 'zondag' },
});

const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

/** `2`, or `2–3` with a maximum. */
function numberSpan(low: number, high: number | undefined, locale: ZkLocale): string {
  const lowText = formatNumber(low, locale) ?? '';
  const highText = high !== undefined && high > low ? formatNumber(high, locale) : undefined;
  return highText ? `${lowText}–${highText}` : lowText;
}

const ADVERB: Readonly<Record<string, Phrase>> = lookupTable({
  d: { en: 'daily', nl: 'per dag' },
  wk: { en: 'weekly', nl: 'per week' },
  mo: { en: 'monthly', nl: 'per maand' },
  a: { en: 'yearly', nl: 'per jaar' },
});

/** The UCUM code of a time unit, so `hour` and `uur` read as `h` does. */
const TIME_CODE: Partial<Record<UnitName, string>> = Object.fromEntries(Object.entries(TIME_UNIT).map(([code, name]) => [name, code]));

/** The time unit of a repeat's period; undefined when there is no period or no known time unit. */
function periodUnitName(repeat: NonNullable<Timing['repeat']>): UnitName | undefined {
  return num(repeat.period) === undefined ? undefined : timeUnit(trimmed(repeat.periodUnit));
}

/** False when a repeat has a period whose unit is no time unit (`periodUnit: 'H'`): its words are not sure. */
function periodReadable(repeat: Timing['repeat'] | undefined): boolean {
  return !repeat || typeof repeat !== 'object' || num(repeat.period) === undefined || periodUnitName(repeat) !== undefined;
}

/**
 * Frequency and period as words: `once daily`, `2–3 times daily`, `every 8 hours`,
 * `every other day`, `3 times every 2 days`; nl `1 keer per dag`, `elke 8 uur`, `om de dag`.
 * A period without a known time unit is written with its values as recorded (`1 time per 8 H`),
 * never guessed and never "once".
 */
export function frequencyText(repeat: NonNullable<Timing['repeat']>, locale: ZkLocale): string | undefined {
  const frequency = num(repeat.frequency);
  const frequencyMax = num(repeat.frequencyMax);
  const period = num(repeat.period);
  const periodMax = num(repeat.periodMax);
  const unitName = periodUnitName(repeat);
  const unit = unitName === undefined ? undefined : TIME_CODE[unitName];
  if (period === undefined) {
    if (frequency === undefined) return undefined;
    const times = numberSpan(frequency, frequencyMax, locale);
    return locale === 'nl' ? `${times} keer` : frequency === 1 && frequencyMax === undefined ? 'once' : `${times} times`;
  }
  if (unitName === undefined || unit === undefined) {
    const f = frequency ?? 1;
    const times = numberSpan(f, frequencyMax, locale);
    const word = locale === 'nl' ? 'keer' : f === 1 && frequencyMax === undefined ? 'time' : 'times';
    const span = numberSpan(period, periodMax, locale);
    const raw = trimmed(repeat.periodUnit);
    const written = raw === undefined ? undefined : formatUnit(raw, periodMax ?? period, locale);
    return `${times} ${word} per ${span}${written ? `\u00a0${written}` : ''}`;
  }
  const f = frequency ?? 1;
  const single = f === 1 && (frequencyMax === undefined || frequencyMax <= 1);
  const times = numberSpan(f, frequencyMax, locale);
  const every = locale === 'nl' ? 'elke' : 'every';
  if (period === 1 && periodMax === undefined) {
    const adverb = ADVERB[unit];
    if (adverb) {
      if (locale === 'nl') return `${times} keer ${adverb.nl}`;
      return single ? `once ${adverb.en}` : `${times} times ${adverb.en}`;
    }
    // Hours, minutes, seconds: "every hour" / "3 times per hour".
    const one = unitWord(unitName, 1, locale);
    if (single) return locale === 'nl' ? `${unit === 'h' ? 'elk' : 'elke'} ${one}` : `every ${one}`;
    return locale === 'nl' ? `${times} keer per ${one}` : `${times} times per ${one}`;
  }
  if (single && period === 2 && periodMax === undefined && unit === 'd') return locale === 'nl' ? 'om de dag' : 'every other day';
  const span = numberSpan(period, periodMax, locale);
  const units = unitWord(unitName, periodMax ?? period, locale);
  const periodText = `${span}\u00a0${units}`;
  if (single) return `${every} ${periodText}`;
  return locale === 'nl' ? `${times} keer per ${periodText}` : `${times} times every ${periodText}`;
}

/**
 * Timing abbreviations as repeats: the HL7 timing-abbreviation codes (v3 GTSAbbreviation) and the
 * error-prone ones of the ISMP list, so that a "QD" is written "once daily" and never shown raw.
 */
const ABBREVIATION: Readonly<Record<string, NonNullable<Timing['repeat']>>> = lookupTable({
  QD: { frequency: 1, period: 1, periodUnit: 'd' },
  BID: { frequency: 2, period: 1, periodUnit: 'd' },
  TID: { frequency: 3, period: 1, periodUnit: 'd' },
  QID: { frequency: 4, period: 1, periodUnit: 'd' },
  QOD: { frequency: 1, period: 2, periodUnit: 'd' },
  QH: { frequency: 1, period: 1, periodUnit: 'h' },
  AM: { when: ['MORN'] },
  PM: { when: ['AFT'] },
  BED: { when: ['HS'] },
  HS: { when: ['HS'] },
  QHS: { when: ['HS'] },
  QN: { when: ['NIGHT'] },
  WK: { frequency: 1, period: 1, periodUnit: 'wk' },
  BIW: { frequency: 2, period: 1, periodUnit: 'wk' },
  TIW: { frequency: 3, period: 1, periodUnit: 'wk' },
  MO: { frequency: 1, period: 1, periodUnit: 'mo' },
});

/** One abbreviation (`QD`, `q.d.`, `Q 4 H`) as a repeat; undefined when it is not one. */
function abbreviationRepeat(value: unknown): Timing['repeat'] | undefined {
  if (typeof value !== 'string') return undefined;
  const key = value.replace(/[\s.]/g, '').toUpperCase();
  if (!key) return undefined;
  if (Object.hasOwn(ABBREVIATION, key)) return ABBREVIATION[key];
  const hours = /^Q(\d+)H$/.exec(key);
  if (hours && Number(hours[1]) > 0) return { frequency: 1, period: Number(hours[1]), periodUnit: 'h' };
  return undefined;
}

/**
 * `Timing.code` as a repeat, so a coded "QD" is written "once daily": the codes first, then the
 * text and the displays when they are an abbreviation themselves (`{ text: 'QD' }`).
 */
function codeAsRepeat(code: CodeableConcept | undefined): Timing['repeat'] | undefined {
  if (!code || typeof code !== 'object') return undefined;
  const codings = list(code.coding);
  const candidates = [...codings.map((c) => c?.code), code.text, ...codings.map((c) => c?.display)];
  for (const candidate of candidates) {
    const repeat = abbreviationRepeat(candidate);
    if (repeat) return repeat;
  }
  return undefined;
}

/** `08:00:00` → `08:00`; undefined when not a time. */
function timeText(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^(\d{2}):(\d{2})(?::(\d{2}))?/.exec(value.trim());
  if (!m) return undefined;
  return m[3] && m[3] !== '00' ? `${m[1]}:${m[2]}:${m[3]}` : `${m[1]}:${m[2]}`;
}

/** The repeat a timing is written from: its own, else the one its code stands for. */
function timingRepeat(timing: Timing): Timing['repeat'] | undefined {
  return timing.repeat && typeof timing.repeat === 'object' ? timing.repeat : codeAsRepeat(timing.code);
}

/** All of a timing's "when" parts: frequency, `when`, days of the week, times of day, events. */
export function timingText(timing: Timing | undefined, locale: ZkLocale): string | undefined {
  if (!timing || typeof timing !== 'object') return undefined;
  const repeat = timingRepeat(timing);
  const parts: string[] = [];
  if (repeat) {
    const frequency = frequencyText(repeat, locale);
    if (frequency) parts.push(frequency);
    const when = Array.isArray(repeat.when) ? repeat.when.filter((w): w is string => typeof w === 'string' && w.trim() !== '') : [];
    if (when.length) parts.push(joinList(when.map((w) => whenText(w.trim(), num(repeat.offset), locale)), locale));
    const days = Array.isArray(repeat.dayOfWeek) ? repeat.dayOfWeek.filter((d) => typeof d === 'string' && DAY[d]) : [];
    if (days.length) parts.push(`${locale === 'nl' ? 'op' : 'on'} ${joinList(days.map((d) => DAY[d][locale]), locale)}`);
    const times = Array.isArray(repeat.timeOfDay) ? repeat.timeOfDay.map(timeText).filter((t): t is string => t !== undefined) : [];
    if (times.length) parts.push(`${locale === 'nl' ? 'om' : 'at'} ${joinList(times, locale)}`);
  } else {
    const coded = trimmed(timing.code?.text) ?? trimmed(list(timing.code?.coding).find((c) => trimmed(c?.display))?.display);
    if (coded) parts.push(coded);
  }
  const events = Array.isArray(timing.event) ? timing.event.map((e) => formatDate(e, locale)).filter((e): e is string => e !== undefined) : [];
  if (events.length) parts.push(`${locale === 'nl' ? 'op' : 'on'} ${joinList(events, locale)}`);
  return parts.length ? parts.join(' ') : undefined;
}

/** `for 7 days`, `5 times in total`, `over 30 minutes`: the limits of a repeat. */
function repeatLimits(repeat: Timing['repeat'], locale: ZkLocale, withBoundsPeriod: boolean): string[] {
  if (!repeat || typeof repeat !== 'object') return [];
  const parts: string[] = [];
  const duration = formatDuration(num(repeat.duration), trimmed(repeat.durationUnit), locale);
  if (duration) parts.push(`${locale === 'nl' ? 'in' : 'over'} ${duration}`);
  const bounds = repeat.boundsDuration;
  const boundsText = bounds && typeof bounds === 'object' ? durationQuantity(bounds, locale) : undefined;
  const range = repeat.boundsRange;
  const rangeText = range && typeof range === 'object' ? formatRange(timeRange(range), locale) : undefined;
  if (boundsText ?? rangeText) parts.push(`${locale === 'nl' ? 'gedurende' : 'for'} ${boundsText ?? rangeText}`);
  if (withBoundsPeriod && repeat.boundsPeriod) {
    const period = formatPeriod(repeat.boundsPeriod.start, repeat.boundsPeriod.end, locale);
    if (period) parts.push(period);
  }
  const count = num(repeat.count);
  if (count !== undefined) {
    const countMax = num(repeat.countMax);
    if (count === 1 && countMax === undefined) parts.push(locale === 'nl' ? 'eenmalig' : 'once only');
    else parts.push(locale === 'nl' ? `${numberSpan(count, countMax, locale)} keer in totaal` : `${numberSpan(count, countMax, locale)} times in total`);
  }
  return parts;
}

/** A Duration written with time words (`7 days`, not `7 d`). */
function durationQuantity(q: Quantity, locale: ZkLocale): string | undefined {
  const code = trimmed(q.code) ?? trimmed(q.unit);
  if (code && (timeUnit(code) ?? knownUnit(code))) return formatDuration(num(q.value), code, locale);
  return formatQuantity(q, locale);
}

/** A Range of durations with time words for its units. */
function timeRange(range: { low?: Quantity; high?: Quantity }): { low?: Quantity; high?: Quantity } {
  const words = (q: Quantity | undefined): Quantity | undefined => {
    if (!q || typeof q !== 'object') return undefined;
    const code = trimmed(q.code) ?? trimmed(q.unit);
    const name = timeUnit(code);
    return name ? { ...q, code: undefined, system: undefined, unit: name } : q;
  };
  return { low: words(range.low), high: words(range.high) };
}

/**
 * A period as text: en `01-Jan-2025 to 31-Mar-2025`, `from 01-Jan-2025`, `until 31-Mar-2025`;
 * nl `01 jan 2025 tot en met 31 mrt 2025`, `vanaf 01 jan 2025`, `tot en met 31 mrt 2025`
 * (FHIR period ends are inclusive). Undefined when neither end is a date.
 */
export function formatPeriod(start: unknown, end: unknown, locale: ZkLocale): string | undefined {
  // A date never breaks over two lines (`16 jan 2023` keeps its spaces unbreakable).
  const from = formatDate(start, locale)?.replace(/ /g, '\u00a0');
  const to = formatDate(end, locale)?.replace(/ /g, '\u00a0');
  if (from && to) return locale === 'nl' ? `${from} tot en met ${to}` : `${from} to ${to}`;
  if (from) return locale === 'nl' ? `vanaf ${from}` : `from ${from}`;
  if (to) return locale === 'nl' ? `tot en met ${to}` : `until ${to}`;
  return undefined;
}

/** `per day`, `per 24 hours`: the denominator of a maximum dose or a rate ratio. */
function perText(denominator: Quantity | undefined, locale: ZkLocale): string | undefined {
  if (!denominator || typeof denominator !== 'object') return undefined;
  const value = num(denominator.value) ?? 1;
  const code = trimmed(denominator.code) ?? trimmed(denominator.unit);
  const time = code === undefined ? undefined : (timeUnit(code) ?? knownUnit(code));
  let text: string | undefined;
  if (time && value === 1) text = unitWord(time, 1, locale);
  else if (time) text = formatDuration(value, code, locale);
  else if (value === 1) text = quantityUnit(denominator, locale, 1);
  else text = formatQuantity(denominator, locale);
  return text ? `per ${text}` : undefined;
}

/** `max 6 tablets per day` / `maximaal 6 tabletten per dag`. */
function maxDoseText(ratio: Ratio | undefined, locale: ZkLocale): string | undefined {
  if (!ratio || typeof ratio !== 'object') return undefined;
  const amount = formatQuantity(ratio.numerator, locale);
  if (!amount) return undefined;
  const per = perText(ratio.denominator, locale);
  return `${locale === 'nl' ? 'maximaal' : 'max'} ${amount}${per ? ` ${per}` : ''}`;
}

/** The dose and the rate of the `ordered` doseAndRate (or the first one with a dose). */
function doseAndRateText(entries: DoseAndRate[] | undefined, locale: ZkLocale): { dose?: string; rate?: string } {
  if (!Array.isArray(entries)) return {};
  const valid = entries.filter((e): e is DoseAndRate => !!e && typeof e === 'object');
  const ordered = valid.find((e) => list(e.type?.coding).some((c) => c?.code === 'ordered')) ?? valid[0];
  if (!ordered) return {};
  const dose = formatQuantity(ordered.doseQuantity, locale) ?? formatRange(ordered.doseRange, locale);
  let rate = formatQuantity(ordered.rateQuantity, locale) ?? formatRange(ordered.rateRange, locale);
  if (!rate && ordered.rateRatio && typeof ordered.rateRatio === 'object') {
    const numerator = formatQuantity(ordered.rateRatio.numerator, locale);
    const per = perText(ordered.rateRatio.denominator, locale);
    rate = numerator ? `${numerator}${per ? ` ${per}` : ''}` : formatRatio(ordered.rateRatio, locale);
  }
  return { dose, rate: rate ? `${locale === 'nl' ? 'met een snelheid van' : 'at a rate of'} ${rate}` : undefined };
}

const ROUTE: Readonly<Record<string, Phrase>> = lookupTable({
  '26643006': { en: 'by mouth', nl: 'oraal' },
  '47625008': { en: 'intravenously', nl: 'intraveneus' },
  '78421000': { en: 'intramuscularly', nl: 'intramusculair' },
  '34206005': { en: 'subcutaneously', nl: 'subcutaan' },
  '37161004': { en: 'rectally', nl: 'rectaal' },
  '6064005': { en: 'on the skin', nl: 'cutaan' },
  '46713006': { en: 'in the nose', nl: 'nasaal' },
  '54485002': { en: 'in the eye', nl: 'in het oog' },
  '10547007': { en: 'in the ear', nl: 'in het oor' },
  '37839007': { en: 'under the tongue', nl: 'sublinguaal' },
  '45890007': { en: 'through the skin', nl: 'transdermaal' },
  '16857009': { en: 'vaginally', nl: 'vaginaal' },
  '447694001': { en: 'by inhalation', nl: 'inhalatie' },
});

/** Error-prone route abbreviations (ISMP) written out when a record uses them as its text. */
const ROUTE_ABBREVIATION: Readonly<Record<string, Phrase>> = lookupTable({
  SC: { en: 'subcutaneously', nl: 'subcutaan' },
  SQ: { en: 'subcutaneously', nl: 'subcutaan' },
  'SUB Q': { en: 'subcutaneously', nl: 'subcutaan' },
  IN: { en: 'intranasally', nl: 'intranasaal' },
  IJ: { en: 'by injection', nl: 'als injectie' },
});

function routeText(route: CodeableConcept | undefined, locale: ZkLocale): string | undefined {
  if (!route || typeof route !== 'object') return undefined;
  const codings = Array.isArray(route.coding) ? route.coding : [];
  const snomed = codings.find((c) => c?.system === 'http://snomed.info/sct' && typeof c.code === 'string' && ROUTE[c.code]);
  if (snomed?.code) return ROUTE[snomed.code][locale];
  const text = trimmed(route.text) ?? trimmed(codings.find((c) => trimmed(c?.display))?.display);
  if (!text) return undefined;
  return ROUTE_ABBREVIATION[text.toUpperCase()]?.[locale] ?? text;
}

/** The words of a CodeableConcept: its text, else the first display. */
export function conceptText(concept: CodeableConcept | undefined): string | undefined {
  if (!concept || typeof concept !== 'object') return undefined;
  return trimmed(concept.text) ?? trimmed(Array.isArray(concept.coding) ? concept.coding.find((c) => trimmed(c?.display))?.display : undefined);
}

/** "Pain" → "pain" inside a sentence; "COPD" and "pH" stay as written. */
function inSentence(text: string): string {
  return lowerFirst(text);
}

function asNeededText(dosage: Dosage, locale: ZkLocale): string | undefined {
  const reason = conceptText(dosage.asNeededCodeableConcept);
  // The reason as recorded, in its own language, after a label: "zo nodig: Bij pijn",
  // "as needed: Bij pijn" (never "as needed for pijn": no word dropped, no languages mixed).
  if (reason) return locale === 'nl' ? `zo nodig: ${reason}` : `as needed: ${reason}`;
  if (dosage.asNeededBoolean === true || dosage.asNeededCodeableConcept) return locale === 'nl' ? 'zo nodig' : 'as needed';
  return undefined;
}

const AS_AGREED = /\/ext-AsAgreedIndicator$/;

function asAgreed(extensions: Extension[] | undefined): boolean {
  return Array.isArray(extensions) && extensions.some((e) => typeof e?.url === 'string' && AS_AGREED.test(e.url) && e.valueBoolean === true);
}

export interface DosageLineOptions {
  /** Include `timing.repeat.boundsPeriod` (when several lines follow each other). */
  withBoundsPeriod?: boolean;
}

/**
 * One Dosage as one line of text, or undefined when it says nothing. Structured data when it
 * states a dose or a rate and its timing is readable; else `Dosage.text` when there is one (the
 * prescriber's words, never a line that leaves the dose out); else whatever structure there is.
 */
export function dosageLine(dosage: Dosage | undefined, locale: ZkLocale, options: DosageLineOptions = {}): string | undefined {
  return writeDosage(dosage, locale, options).line;
}

/**
 * A dosage's line, and whether that line is an incomplete structure (no dose and no rate, or a
 * period with no time unit) written only because the dosage has no text of its own.
 */
function writeDosage(dosage: Dosage | undefined, locale: ZkLocale, options: DosageLineOptions): { line?: string; incomplete: boolean } {
  if (!dosage || typeof dosage !== 'object') return { incomplete: false };
  const { dose, rate } = doseAndRateText(dosage.doseAndRate, locale);
  const timing = timingText(dosage.timing, locale);
  const asNeeded = asNeededText(dosage, locale);
  const head = [dose, timing].filter((p): p is string => !!p).join(' ');
  const rest = [
    rate,
    routeText(dosage.route, locale),
    ...repeatLimits(dosage.timing?.repeat, locale, options.withBoundsPeriod ?? false),
    asNeeded,
    maxDoseText(dosage.maxDosePerPeriod, locale),
    dosage.maxDosePerAdministration ? maxPer(dosage.maxDosePerAdministration, locale, 'administration') : undefined,
    dosage.maxDosePerLifetime ? maxPer(dosage.maxDosePerLifetime, locale, 'lifetime') : undefined,
    asAgreed(dosage.extension) ? (locale === 'nl' ? 'volgens afspraak' : 'as agreed') : undefined,
    ...(Array.isArray(dosage.additionalInstruction) ? dosage.additionalInstruction.map((c) => conceptText(c)).map((t) => t && inSentence(t)) : []),
  ].filter((p): p is string => !!p);
  const readableTiming = !dosage.timing || typeof dosage.timing !== 'object' || periodReadable(timingRepeat(dosage.timing));
  const complete = !!(dose || rate) && readableTiming;
  const text = trimmed(dosage.text);
  if (!complete && text) return { line: text, incomplete: false };
  const parts = [head, ...rest].filter((p) => p !== '');
  if (!parts.length) return { incomplete: false };
  return { line: capitalize(parts.join(', ')), incomplete: !complete };
}

function maxPer(q: Quantity, locale: ZkLocale, per: 'administration' | 'lifetime'): string | undefined {
  const amount = formatQuantity(q, locale);
  if (!amount) return undefined;
  if (locale === 'nl') return `maximaal ${amount} ${per === 'administration' ? 'per keer' : 'in totaal'}`;
  return `max ${amount} ${per === 'administration' ? 'per dose' : 'in total'}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

const RENDERED = /\/ext-RenderedDosageInstruction$/;

/**
 * A text that stands in for one a system was to fill in (Nictiz test data: "wordt automatisch
 * gevuld", "Wordt gegenereerd"): never shown as the dosage.
 */
export function isPlaceholderText(text: string): boolean {
  return /^\s*(?:wordt\s+(?:automatisch\s+)?(?:gevuld|gegenereerd)|to be generated|todo)\s*\.?\s*$/i.test(text);
}

/** The Nictiz pre-rendered dosage text (`ext-RenderedDosageInstruction`) on a resource, if any. */
export function renderedDosageInstruction(extensions: Extension[] | undefined): string | undefined {
  if (!Array.isArray(extensions)) return undefined;
  for (const e of extensions) {
    if (typeof e?.url === 'string' && RENDERED.test(e.url)) {
      const text = trimmed(e.valueString) ?? trimmed(e.valueMarkdown);
      if (text) return text;
    }
  }
  return undefined;
}

/**
 * Every dosage of a resource as lines of text, in `sequence` order. A line that starts a later
 * sequence begins with "Then" / "Daarna". `rendered` (the Nictiz rendered text, for the whole
 * resource) is the one line when no dosage says anything, and also when any line would be an
 * incomplete structure (no dose, or a period with no time unit): the rendered text then states
 * what that line would leave out. With nothing at all, the result is empty.
 */
export function dosageText(dosages: readonly Dosage[] | undefined, locale: ZkLocale, options: { rendered?: string } = {}): string[] {
  const list = Array.isArray(dosages) ? dosages.filter((d): d is Dosage => !!d && typeof d === 'object') : [];
  const ordered = list
    .map((dosage, index) => ({ dosage, index, sequence: num(dosage.sequence) ?? Number.POSITIVE_INFINITY }))
    .sort((a, b) => a.sequence - b.sequence || a.index - b.index);
  const sequences = new Set(ordered.map((o) => o.sequence));
  const withBoundsPeriod = ordered.length > 1;
  const lines: string[] = [];
  let incomplete = false;
  let previous: number | undefined;
  for (const { dosage, sequence } of ordered) {
    const written = writeDosage(dosage, locale, { withBoundsPeriod });
    const line = written.line?.trim();
    if (!line) continue;
    incomplete ||= written.incomplete;
    const then = previous !== undefined && sequence !== previous && sequences.size > 1;
    lines.push(then ? `${locale === 'nl' ? 'Daarna' : 'Then'} ${lowerFirst(line)}` : line);
    previous = sequence;
  }
  const rendered = typeof options.rendered === 'string' && !isPlaceholderText(options.rendered) ? options.rendered.trim() : '';
  if ((!lines.length || incomplete) && rendered) return [rendered];
  return lines;
}

function lowerFirst(text: string): string {
  // ASCII first letters with ASCII classes: a \p{…} expression costs about a millisecond to compile.
  const ascii = text.charCodeAt(0) < 128 && text.charCodeAt(1) < 128;
  return (ascii ? /^[A-Z][a-z]/.test(text) : /^\p{Lu}\p{Ll}/u.test(text)) ? text.charAt(0).toLocaleLowerCase() + text.slice(1) : text;
}
