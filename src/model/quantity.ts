import type { Quantity, Range, Ratio } from '../fhir/r4.js';
import { INTL_TAG, type ZkLocale } from './locale.js';
import { lookupTable } from './text.js';

/**
 * Numbers, units and quantities as a clinician must read them (CLINICAL.md, "Medication"; NHS CUI
 * medication line, ISMP error-prone abbreviations, the Joint Commission "do not use" list):
 * - no trailing zero (`5 mg`, never `5.0 mg`) and always a leading zero (`0.5`);
 * - the locale's decimal separator (`0,5` in Dutch); Dutch writes no thousands separator at all,
 *   English groups thousands with a comma (ISMP: "use commas for dosing units at or above 1,000");
 * - never exponent notation, never `NaN` / `undefined`;
 * - a space between number and unit;
 * - no error-prone unit abbreviations: `U` → unit, `IU` → international unit, `cc` → mL,
 *   `µg` / `ug` → mcg (Dutch: microgram), and counted forms (`{tbl}`) as words, plural per number;
 * - `u` is read by its place: where only a time can stand an hour (Dutch "uur": `ml/u` → `mL/hour`,
 *   a period or duration in `u`), else the amount's unit (`u` → `units`, `u/mL` → `units/mL`),
 *   never written as a bare "u" (ISMP: it is misread as a 0).
 */

const DECIMAL: Record<ZkLocale, string> = { en: '.', nl: ',' };

/**
 * The plain decimal digits of a finite number: `{ sign, int, frac }` with no exponent, no
 * trailing zeros in `frac`. A whole number is given exactly; in any other number, floating-point
 * noise (`0.1 + 0.2`) is rounded away at 15 significant digits, which is more precision than any
 * dose is written with.
 */
function decimalDigits(value: number): { sign: string; int: string; frac: string } {
  // Whole numbers (most doses) are printed as they are: below 1e21 `String` never uses an exponent.
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return { sign: value < 0 ? '-' : '', int: String(Math.abs(value)), frac: '' };
  const rounded = Number(value.toPrecision(15));
  const sign = rounded < 0 ? '-' : '';
  const text = String(Math.abs(rounded)); // shortest round-trip form, maybe with an exponent
  const m = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(text);
  if (!m) return { sign, int: '0', frac: '' };
  let digits = m[1] + (m[2] ?? '');
  let point = m[1].length + Number(m[3] ?? 0); // position of the decimal point within `digits`
  if (point <= 0) {
    digits = '0'.repeat(1 - point) + digits;
    point = 1;
  } else if (point > digits.length) {
    digits = digits + '0'.repeat(point - digits.length);
  }
  const int = digits.slice(0, point).replace(/^0+(?=\d)/, '');
  const frac = digits.slice(point).replace(/0+$/, '');
  return { sign: int === '0' && frac === '' ? '' : sign, int, frac };
}

/**
 * Formats a number for a dose: `formatNumber(0.5, 'nl')` → `0,5`, `formatNumber(5.0, 'en')` → `5`,
 * `formatNumber(12500, 'en')` → `12,500`, `formatNumber(12500, 'nl')` → `12500`,
 * `formatNumber(0.0001, 'en')` → `0.0001`. Returns undefined for anything that is not a finite
 * number, so callers never print `NaN`.
 */
export function formatNumber(value: unknown, locale: ZkLocale): string | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  const { sign, int, frac } = decimalDigits(value);
  const grouped = locale === 'en' && int.length > 3 ? int.replace(/\B(?=(\d{3})+$)/g, ',') : int;
  return sign + grouped + (frac ? DECIMAL[locale] + frac : '');
}

/** A unit written in words or safe symbols, singular and plural, per locale. */
interface UnitWord {
  en: [one: string, other: string];
  nl: [one: string, other: string];
}

const same = (symbol: string): UnitWord => ({ en: [symbol, symbol], nl: [symbol, symbol] });
const words = (en: [string, string], nl: [string, string]): UnitWord => ({ en, nl });

const UNIT = {
  mg: same('mg'),
  g: same('g'),
  kg: same('kg'),
  ng: same('ng'),
  mcg: words(['mcg', 'mcg'], ['microgram', 'microgram']),
  mL: same('mL'),
  L: same('L'),
  mmol: same('mmol'),
  mEq: same('mEq'),
  percent: same('%'),
  unit: words(['unit', 'units'], ['eenheid', 'eenheden']),
  iu: words(['international unit', 'international units'], ['internationale eenheid', 'internationale eenheden']),
  tablet: words(['tablet', 'tablets'], ['tablet', 'tabletten']),
  capsule: words(['capsule', 'capsules'], ['capsule', 'capsules']),
  drop: words(['drop', 'drops'], ['druppel', 'druppels']),
  puff: words(['puff', 'puffs'], ['inhalatie', 'inhalaties']),
  spray: words(['spray', 'sprays'], ['verstuiving', 'verstuivingen']),
  dose: words(['dose', 'doses'], ['dosis', 'doses']),
  sachet: words(['sachet', 'sachets'], ['sachet', 'sachets']),
  patch: words(['patch', 'patches'], ['pleister', 'pleisters']),
  suppository: words(['suppository', 'suppositories'], ['zetpil', 'zetpillen']),
  piece: words(['piece', 'pieces'], ['stuk', 'stuks']),
  application: words(['application', 'applications'], ['applicatie', 'applicaties']),
  ampoule: words(['ampoule', 'ampoules'], ['ampul', 'ampullen']),
  vial: words(['vial', 'vials'], ['flacon', 'flacons']),
  syringe: words(['syringe', 'syringes'], ['spuit', 'spuiten']),
  teaspoon: words(['teaspoon', 'teaspoons'], ['theelepel', 'theelepels']),
  tablespoon: words(['tablespoon', 'tablespoons'], ['eetlepel', 'eetlepels']),
  second: words(['second', 'seconds'], ['seconde', 'seconden']),
  minute: words(['minute', 'minutes'], ['minuut', 'minuten']),
  hour: words(['hour', 'hours'], ['uur', 'uur']),
  day: words(['day', 'days'], ['dag', 'dagen']),
  week: words(['week', 'weeks'], ['week', 'weken']),
  month: words(['month', 'months'], ['maand', 'maanden']),
  year: words(['year', 'years'], ['jaar', 'jaar']),
} satisfies Record<string, UnitWord>;

export type UnitName = keyof typeof UNIT;

/**
 * Known spellings (UCUM codes, annotations, G-Standaard and free-text units, the error-prone
 * abbreviations), case-sensitive first, then lower-cased. Keys are compared after trimming and
 * removing UCUM braces (`{tbl}` → `tbl`) and square brackets (`[iU]` → `iu`, case-insensitively).
 */
const EXACT: Readonly<Record<string, UnitName>> = lookupTable({
  // Case matters: `E` is the Dutch "eenheid", `IE` "internationale eenheid"; `a` is UCUM's year.
  U: 'unit',
  E: 'unit',
  IE: 'iu',
  IU: 'iu',
  L: 'L',
  l: 'L',
  g: 'g',
  mL: 'mL',
  ml: 'mL',
  ML: 'mL',
  min: 'minute',
  s: 'second',
  h: 'hour',
  d: 'day',
  wk: 'week',
  mo: 'month',
  a: 'year',
  '%': 'percent',
});

const LOWER: Readonly<Record<string, UnitName>> = lookupTable({
  mg: 'mg', milligram: 'mg', milligrams: 'mg',
  g: 'g', gram: 'g', grams: 'g',
  kg: 'kg', kilogram: 'kg',
  ng: 'ng', nanogram: 'ng',
  ug: 'mcg', 'µg': 'mcg', 'μg': 'mcg', mcg: 'mcg', microgram: 'mcg', micrograms: 'mcg', microg: 'mcg',
  ml: 'mL', cc: 'mL', milliliter: 'mL', millilitre: 'mL', milliliters: 'mL', millilitres: 'mL', cm3: 'mL',
  liter: 'L', litre: 'L',
  mmol: 'mmol', millimol: 'mmol', 'meq': 'mEq',
  // Not `u`: alone it is no UCUM unit, and Dutch records use it for "uur" (hour). See `timeUnit`.
  unit: 'unit', units: 'unit', 'unit(s)': 'unit', eenheid: 'unit', eenheden: 'unit',
  iu: 'iu', ie: 'iu', 'international unit': 'iu', 'international units': 'iu', 'internationale eenheid': 'iu', 'internationale eenheden': 'iu',
  tbl: 'tablet', tab: 'tablet', tabs: 'tablet', tablet: 'tablet', tablets: 'tablet', 'tablet(s)': 'tablet', tabl: 'tablet', tablet_unit: 'tablet', tabletten: 'tablet', tablett: 'tablet',
  caps: 'capsule', cap: 'capsule', capsule: 'capsule', capsules: 'capsule', 'capsule(s)': 'capsule', capsul: 'capsule',
  drp: 'drop', drop: 'drop', drops: 'drop', gtt: 'drop', druppel: 'drop', druppels: 'drop',
  puff: 'puff', puffs: 'puff', inhalation: 'puff', inhalations: 'puff', inhalatie: 'puff', inhalaties: 'puff', puf: 'puff', pufje: 'puff', pufjes: 'puff',
  spray: 'spray', sprays: 'spray', verstuiving: 'spray', verstuivingen: 'spray',
  dose: 'dose', doses: 'dose', dosis: 'dose',
  sachet: 'sachet', sachets: 'sachet', sach: 'sachet',
  patch: 'patch', patches: 'patch', pleister: 'patch', pleisters: 'patch',
  supp: 'suppository', suppository: 'suppository', suppositories: 'suppository', zetpil: 'suppository', zetpillen: 'suppository',
  piece: 'piece', pieces: 'piece', each: 'piece', ea: 'piece', stuk: 'piece', stuks: 'piece', st: 'piece', stk: 'piece',
  application: 'application', applications: 'application', applicatie: 'application', applicaties: 'application',
  amp: 'ampoule', ampoule: 'ampoule', ampul: 'ampoule',
  vial: 'vial', flacon: 'vial',
  syringe: 'syringe', spuit: 'syringe', wwsp: 'syringe',
  tsp: 'teaspoon', teaspoon: 'teaspoon', theelepel: 'teaspoon',
  tbsp: 'tablespoon', tablespoon: 'tablespoon', eetlepel: 'tablespoon',
  second: 'second', seconds: 'second', sec: 'second',
  minute: 'minute', minutes: 'minute', minuut: 'minute', minuten: 'minute',
  hour: 'hour', hours: 'hour', hr: 'hour', hrs: 'hour', uur: 'hour',
  day: 'day', days: 'day', dag: 'day', dagen: 'day',
  week: 'week', weeks: 'week', weken: 'week',
  month: 'month', months: 'month', maand: 'month', maanden: 'month',
  year: 'year', years: 'year', jaar: 'year',
});

/** `table[key]` for the table's own keys only: a unit called "constructor" is not a unit. */
function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** Looks one simple unit (no `/`) up; undefined when it is not known. */
export function knownUnit(raw: string | undefined): UnitName | undefined {
  if (typeof raw !== 'string') return undefined;
  const trimmed = raw.trim();
  if (!trimmed) return undefined;
  const bare = trimmed.replace(/^\{(.*)\}$/, '$1').replace(/^\[(.*)\]$/, '$1').trim();
  return own(EXACT, trimmed) ?? own(EXACT, bare) ?? own(LOWER, bare.toLowerCase());
}

/** Error-prone spellings that must not reach the screen even inside an unknown unit. */
const BAD_TOKEN: Readonly<Record<string, UnitName>> = lookupTable({ U: 'unit', IU: 'iu', IE: 'iu', cc: 'mL', CC: 'mL', 'µg': 'mcg', 'μg': 'mcg', ug: 'mcg' });

/** Units that count things: a part of one is singular (`0.5 tablet`); in a strength's denominator they are left out. */
const COUNTED: ReadonlySet<UnitName> = new Set<UnitName>([
  'tablet', 'capsule', 'piece', 'dose', 'sachet', 'patch', 'suppository', 'drop', 'puff', 'spray', 'application', 'ampoule', 'vial', 'syringe',
]);

const plural = new Map<string, Intl.PluralRules>();
function pluralCategory(value: number | undefined, locale: ZkLocale): 'one' | 'other' {
  if (value === undefined) return 'other';
  // English and Dutch: 'one' is exactly 1 shown without decimals (Intl rounds to 3 of them first).
  // Integers and numbers far from 1 are decided here: the first Intl.PluralRules of a page costs
  // more than a short list's whole dosage text.
  const distance = Math.abs(Math.abs(value) - 1);
  if (Number.isInteger(value) || !(distance <= 0.001)) return distance === 0 ? 'one' : 'other';
  let rules = plural.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(INTL_TAG[locale]);
    plural.set(locale, rules);
  }
  return rules.select(value) === 'one' ? 'one' : 'other';
}

/**
 * The word for a known unit, singular or plural for `value` (`undefined`: plural). A part of one
 * counted thing is singular, as prescriptions write it (`0.5 tablet`, `0,5 tablet`); a part of a
 * measure is not (`0.5 hours`).
 */
export function unitWord(name: UnitName, value: number | undefined, locale: ZkLocale): string {
  const [one, other] = UNIT[name][locale];
  if (value !== undefined && value > 0 && value < 1 && COUNTED.has(name)) return one;
  return pluralCategory(value, locale) === 'one' ? one : other;
}

/** Cleans an unknown unit: keeps it as written but replaces error-prone tokens inside it. */
function cleanUnknown(raw: string, value: number | undefined, locale: ZkLocale): string {
  return raw
    .trim()
    .replace(/\{([^}]*)\}/g, '$1')
    .replace(/(?<![\p{L}\p{N}])(IU|IE|U|cc|CC|µg|μg|ug)(?![\p{L}\p{N}])/gu, (token: string) => unitWord(BAD_TOKEN[token], value, locale));
}

/**
 * Writes a unit safely for `value`: simple (`mg`, `{tbl}` → `tablets`), compound
 * (`[iU]/mL` → `international units/mL`, `ug/h` → `mcg/hour`; only the first part takes the
 * plural), or unknown (kept as written, error-prone tokens inside it replaced).
 */
export function formatUnit(raw: string | undefined, value: number | undefined, locale: ZkLocale): string | undefined {
  if (raw === undefined) return undefined;
  const text = raw.trim();
  if (!text || text === '1') return undefined; // UCUM unity: a bare count
  // Alone, a unit is what the amount is of: a "u" is a unit (never written "u", which reads as 0).
  const whole = amountUnit(text);
  if (whole) return unitWord(whole, value, locale);
  if (text.includes('/')) {
    const parts = text.split('/');
    return parts
      .map((part, i) => {
        // After a "/" stands what the amount is per: a Dutch "u" there is "uur" (`ml/u`, `E/u`).
        const name = i > 0 ? (timeUnit(part) ?? knownUnit(part)) : amountUnit(part);
        if (name) return unitWord(name, i === 0 ? value : 1, locale);
        return cleanUnknown(part, i === 0 ? value : 1, locale);
      })
      .join('/');
  }
  return cleanUnknown(text, value, locale);
}

const UCUM = 'http://unitsofmeasure.org';
const PQ_TRANSLATION = 'http://hl7.org/fhir/StructureDefinition/iso21090-PQ-translation';

/**
 * The raw unit of a quantity: the UCUM code when it is a known unit (the machine-readable truth),
 * else the human `unit` text, else a UCUM translation from `iso21090-PQ-translation`, else any code.
 */
function rawUnit(q: Quantity): string | undefined {
  const code = typeof q.code === 'string' ? q.code : undefined;
  const unit = typeof q.unit === 'string' ? q.unit : undefined;
  if (code && (q.system === UCUM || q.system === undefined) && code !== '1' && amountUnit(code.split('/')[0])) return code;
  if (unit?.trim()) return unit;
  const translation = Array.isArray(q.extension)
    ? q.extension.find((e) => e?.url === PQ_TRANSLATION)?.valueQuantity
    : undefined;
  if (translation && typeof translation === 'object') {
    const t = rawUnit(translation);
    if (t) return t;
  }
  if (code && q.system === UCUM) return code;
  return undefined;
}

/** The unit of a quantity, written safely for the quantity's own value. */
export function quantityUnit(q: Quantity | undefined, locale: ZkLocale, forValue?: number): string | undefined {
  if (!q || typeof q !== 'object') return undefined;
  const value = forValue ?? (typeof q.value === 'number' ? q.value : undefined);
  return formatUnit(rawUnit(q), value, locale);
}

/** Joins a number and a unit with a (non-breaking) space; the unit may be absent (a bare count). */
function numberWithUnit(number: string, unit: string | undefined): string {
  return unit ? `${number}\u00a0${unit}` : number;
}

/**
 * A quantity as text: `5 mg`, `0,5 mg`, `2 tablets`, `100 units/mL`, `< 5 mg`. Undefined when the
 * quantity has no usable value.
 */
export function formatQuantity(q: Quantity | undefined, locale: ZkLocale): string | undefined {
  if (!q || typeof q !== 'object') return undefined;
  const number = formatNumber(q.value, locale);
  if (number === undefined) return undefined;
  const comparator = typeof q.comparator === 'string' && ['<', '<=', '>=', '>'].includes(q.comparator) ? `${q.comparator}\u00a0` : '';
  return comparator + numberWithUnit(number, quantityUnit(q, locale));
}

/**
 * A range: `1–2 tablets` (one unit, plural for the high value), `1 tablet – 2 capsules` when the
 * units differ, `at least 1 tablet` / `up to 2 tablets` when one side is open.
 */
export function formatRange(range: Range | undefined, locale: ZkLocale): string | undefined {
  if (!range || typeof range !== 'object') return undefined;
  const lowNumber = formatNumber(range.low?.value, locale);
  const highNumber = formatNumber(range.high?.value, locale);
  if (lowNumber !== undefined && highNumber !== undefined) {
    const lowUnit = quantityUnit(range.low, locale, range.high?.value);
    const highUnit = quantityUnit(range.high, locale);
    if (lowUnit === highUnit || lowUnit === undefined) return numberWithUnit(`${lowNumber}–${highNumber}`, highUnit);
    return `${formatQuantity(range.low, locale)} – ${formatQuantity(range.high, locale)}`;
  }
  if (lowNumber !== undefined) return `${locale === 'nl' ? 'minimaal' : 'at least'} ${formatQuantity(range.low, locale)}`;
  if (highNumber !== undefined) return `${locale === 'nl' ? 'maximaal' : 'up to'} ${formatQuantity(range.high, locale)}`;
  return undefined;
}

/**
 * A ratio such as a strength or a concentration: `500 mg` (per tablet, the count left out),
 * `100 units/mL` (denominator 1), `250 mg/5 mL`. Undefined without a numerator value.
 */
export function formatRatio(ratio: Ratio | undefined, locale: ZkLocale): string | undefined {
  if (!ratio || typeof ratio !== 'object') return undefined;
  const numerator = formatQuantity(ratio.numerator, locale);
  if (numerator === undefined) return undefined;
  const d = ratio.denominator;
  if (!d || typeof d !== 'object') return numerator;
  const dValue = typeof d.value === 'number' && Number.isFinite(d.value) ? d.value : undefined;
  const dRaw = rawUnit(d);
  // Per a time (a patch's "mg/24 u", a rate's "mcg/u"): a Dutch "u" there is "uur", as after a "/".
  const dTime = dRaw === undefined ? undefined : timeUnit(dRaw);
  if (dTime) return `${numerator}/${dValue === undefined || dValue === 1 ? unitWord(dTime, 1, locale) : formatDuration(dValue, dRaw, locale)}`;
  const dName = dRaw === undefined ? undefined : knownUnit(dRaw);
  if ((dValue === undefined || dValue === 1) && (dRaw === undefined || (dName !== undefined && COUNTED.has(dName)))) return numerator;
  if (dValue === undefined || dValue === 1) {
    const unit = quantityUnit(d, locale, 1);
    return unit ? `${numerator}/${unit}` : numerator;
  }
  return `${numerator}/${formatQuantity(d, locale) ?? ''}`;
}

/** Time units of `Timing.repeat.periodUnit` and `durationUnit` (UCUM). */
export const TIME_UNIT: Readonly<Record<string, UnitName>> = lookupTable({ s: 'second', min: 'minute', h: 'hour', d: 'day', wk: 'week', mo: 'month', a: 'year' });

/**
 * A unit where an amount stands (a unit alone, or the first part of a compound): there a `u` is a
 * unit (`u`, `u/mL`, `u/kg/u`), as no dose is an amount of hours.
 */
function amountUnit(part: string): UnitName | undefined {
  return part.trim() === 'u' ? 'unit' : knownUnit(part);
}

const TIME_NAME: ReadonlySet<UnitName> = new Set<UnitName>(['second', 'minute', 'hour', 'day', 'week', 'month', 'year']);

/**
 * A unit where only a time can stand (a period, a duration, what a rate is per): the UCUM code,
 * a time word (`hour`, `uur`, `dagen`), or the Dutch `u` (uur, as in `ml/u`). Undefined for
 * anything else. Where an amount stands, a `u` is a unit (see `amountUnit`).
 */
export function timeUnit(raw: string | undefined): UnitName | undefined {
  if (typeof raw !== 'string') return undefined;
  const text = raw.trim();
  if (text === 'u') return 'hour';
  const name = own(TIME_UNIT, text) ?? knownUnit(text);
  return name !== undefined && TIME_NAME.has(name) ? name : undefined;
}

/** `8 hours`, `1 day`, `2 weken`: a number of a time unit in words. */
export function formatDuration(value: number | undefined, unit: string | undefined, locale: ZkLocale): string | undefined {
  const number = formatNumber(value, locale);
  if (number === undefined) return undefined;
  const name = typeof unit !== 'string' ? undefined : (timeUnit(unit) ?? knownUnit(unit));
  if (name) return numberWithUnit(number, unitWord(name, value, locale));
  return numberWithUnit(number, unit === undefined ? undefined : formatUnit(unit, value, locale));
}
