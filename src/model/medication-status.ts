import type { Extension, Medication, Period, Quantity } from '../fhir/r4.js';
import {
  type CalendarDate, addMonths, compareCalendarDates, dateRange, dayNumber, isFullDate, parseFhirDate,
} from './date.js';
import type { ZkLocale } from './locale.js';
import { type UnitName, timeUnit } from './quantity.js';
import { lookupTable, trimmed } from './text.js';
import { type MedicationSource, codings, dosagesOf, extensionValue, extensionsOf } from './medication-source.js';

/**
 * The status of one medication record on a day, and its period of use: the rules "Current or
 * history", "The recorded status first", "Stop type" and "Modifiers not understood" of
 * `./medication.ts`.
 */

export type MedicationStatusGroup = 'current' | 'history' | 'error';
export type MedicationRowStatus =
  | 'active' | 'on-hold' | 'intended' | 'see-record' | 'ended' | 'stopped' | 'completed' | 'cancelled' | 'draft' | 'not-taken' | 'unknown'
  | 'entered-in-error';

type Phrase = Record<ZkLocale, string>;

/** Statuses in display and sort order: current first, entered-in-error last. */
export const STATUS_ORDER: readonly MedicationRowStatus[] = [
  'active', 'on-hold', 'intended', 'see-record', 'ended', 'stopped', 'completed', 'cancelled', 'draft', 'not-taken', 'unknown', 'entered-in-error',
];
export const CURRENT_STATUSES: ReadonlySet<string> = new Set(['active', 'on-hold', 'intended']);
export const HISTORY_STATUSES: ReadonlySet<string> = new Set(['stopped', 'completed', 'cancelled', 'draft', 'not-taken', 'unknown']);
export const STATUS_LABEL: Record<MedicationRowStatus, Phrase> = {
  active: { en: 'Active', nl: 'Actief' },
  'on-hold': { en: 'On hold', nl: 'Onderbroken' },
  intended: { en: 'Intended', nl: 'Gepland' },
  'see-record': { en: 'See the record', nl: 'Zie het dossier' },
  ended: { en: 'Period ended', nl: 'Periode verstreken' },
  stopped: { en: 'Stopped', nl: 'Gestopt' },
  completed: { en: 'Completed', nl: 'Afgerond' },
  cancelled: { en: 'Cancelled', nl: 'Geannuleerd' },
  draft: { en: 'Draft', nl: 'Concept' },
  'not-taken': { en: 'Not taken', nl: 'Niet ingenomen' },
  unknown: { en: 'Status not known', nl: 'Status onbekend' },
  'entered-in-error': { en: 'Entered in error', nl: 'Foutief ingevoerd' },
};

export function statusLabel(status: MedicationRowStatus, locale: ZkLocale): string {
  return STATUS_LABEL[status][locale];
}

/**
 * What a status says by itself, for its colour: `current` (active, on hold, intended), `error`
 * (entered in error) or `history` (everything else, "See the record" included). A current row
 * can have a status that is not current ("See the record"): its status is not coloured as current.
 */
export function statusTone(status: MedicationRowStatus): MedicationStatusGroup {
  if (status === 'entered-in-error') return 'error';
  return CURRENT_STATUSES.has(status) ? 'current' : 'history';
}

/** Minutes in one unit of a duration measured in time; months and years count on the calendar. */
export const MINUTES_PER: Partial<Record<UnitName, number>> = { second: 1 / 60, minute: 1, hour: 60, day: 1440, week: 10_080 };
export const MONTHS_PER: Partial<Record<UnitName, number>> = { month: 1, year: 12 };
export const DAY_MINUTES = 1440;
export const TIME_OF_DAY = /T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?/;

/** Minutes after midnight of a dateTime's own clock time as written (no zone conversion); 0 for a date. */
export function minuteOfDay(value: string): number {
  const m = TIME_OF_DAY.exec(value);
  return m ? Number(m[1]) * 60 + Number(m[2]) + Number(m[3] ?? 0) / 60 : 0;
}

/**
 * The last calendar day of a period that starts at `start` (a full date, or a dateTime read on its
 * own clock) and lasts `duration`. A period includes its last day, and ends on the day its last
 * moment falls in: 1 Jan + 7 days → 7 Jan; 14 Jun + 36 h → 15 Jun (noon); 14 Jun + 24 h → 14 Jun;
 * 14 Jun 20:00 + 6 h → 15 Jun. Months and years count on the calendar: 31 Jan + 1 month ends on
 * 28 Feb (the day before 1 Mar), 28 Jan + 1 month on 27 Feb. Hours and minutes are rounded up to
 * the day they end in. A fractional number of months or years (not a whole number of months) has no end.
 */
export function endAfter(start: unknown, duration: Quantity | undefined): string | undefined {
  const date = parseFhirDate(start);
  if (!date || !isFullDate(date) || typeof start !== 'string' || !duration || typeof duration !== 'object') return undefined;
  const value = duration.value;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) return undefined;
  // The same time units the dosage text reads (`d`, `dagen`, `uur`, the Dutch `u`).
  const unit = timeUnit(trimmed(duration.code) ?? trimmed(duration.unit));
  if (unit === undefined) return undefined;
  const clock = minuteOfDay(start.trim());
  let last: number;
  const minutes = MINUTES_PER[unit];
  const monthsPer = MONTHS_PER[unit];
  if (minutes !== undefined) {
    // Minutes from the start day's midnight to the end (exclusive); rounding keeps 7 × 1440 exact.
    const end = Math.round((clock + value * minutes) * 1e6) / 1e6;
    last = dayNumber(date) + Math.ceil(end / DAY_MINUTES) - 1;
  } else if (monthsPer !== undefined && Number.isInteger(value * monthsPer)) {
    const months = value * monthsPer;
    if (date.year + months / 12 > 9999) return undefined;
    // Ends at the same clock time on the target day: on that day when the start had a time, else the day before.
    last = dayNumber(addMonths(date, months)) - (clock > 0 ? 0 : 1);
  } else return undefined;
  const utc = new Date(last * 86_400_000);
  // Far beyond any calendar a clinician uses (or past Date's range): no end date rather than a wrong one.
  if (!Number.isFinite(last) || Number.isNaN(utc.getTime()) || utc.getUTCFullYear() > 9999) return undefined;
  const y = String(utc.getUTCFullYear()).padStart(4, '0');
  return `${y}-${String(utc.getUTCMonth() + 1).padStart(2, '0')}-${String(utc.getUTCDate()).padStart(2, '0')}`;
}

/** The period of use of one record: start and end as written (FHIR date or dateTime). */
export function periodOfUse(resource: MedicationSource): { start?: string; end?: string } {
  const valid = (p: Period | undefined): { start?: string; end?: string } | undefined => {
    if (!p || typeof p !== 'object') return undefined;
    const start = parseFhirDate(p.start) ? trimmed(p.start) : undefined;
    const end = parseFhirDate(p.end) ? trimmed(p.end) : undefined;
    return start || end ? { start, end } : undefined;
  };
  const withDuration = (period: { start?: string; end?: string }, duration: Quantity | undefined) =>
    period.end || !duration ? period : { ...period, end: endAfter(period.start, duration) };
  // nl-core and MP9 put the duration on the Period itself (`valuePeriod.extension`,
  // `effectivePeriod.extension`), as well as beside it.
  const durationOn = (p: Period | undefined): Quantity | undefined => {
    const list = p && typeof p === 'object' && Array.isArray(p.extension) ? p.extension : [];
    const found = list.find((e) => e && typeof e.url === 'string' && e.url.endsWith('/ext-TimeInterval.Duration') && e.valueDuration && typeof e.valueDuration === 'object');
    return found?.valueDuration;
  };

  const extDuration = extensionValue(resource, '/ext-TimeInterval.Duration', (e) => (e.valueDuration && typeof e.valueDuration === 'object' ? e.valueDuration : undefined));
  const extPeriodValue = extensionValue(resource, '/ext-TimeInterval.Period', (e) => (valid(e.valuePeriod) ? e.valuePeriod : undefined));
  const extPeriod = valid(extPeriodValue);
  if (extPeriod) return withDuration(extPeriod, extDuration ?? durationOn(extPeriodValue));

  if (resource.resourceType === 'MedicationStatement') {
    const statement = resource;
    const effective = valid(statement.effectivePeriod);
    if (effective) return withDuration(effective, extDuration ?? durationOn(statement.effectivePeriod));
    if (parseFhirDate(statement.effectiveDateTime)) return withDuration({ start: trimmed(statement.effectiveDateTime) }, extDuration);
  }

  const bounds = dosagesOf(resource).map((d) => d.timing?.repeat).filter((r) => r && typeof r === 'object');
  const periods = bounds.map((r) => valid(r?.boundsPeriod)).filter((p): p is { start?: string; end?: string } => p !== undefined);
  if (periods.length) {
    const byDate = (a: string | undefined, b: string | undefined) => compareDates(a, b);
    const starts = periods.map((p) => p.start).filter((s): s is string => !!s).sort(byDate);
    const ends = periods.map((p) => p.end);
    const start = starts[0];
    // An open-ended line means the whole treatment is open-ended.
    const end = ends.every((e) => e) ? (ends as string[]).sort(byDate)[ends.length - 1] : undefined;
    const single = bounds.length === 1 ? bounds[0]?.boundsDuration : undefined;
    return withDuration({ start, end }, extDuration ?? single);
  }
  // `dispenseRequest.validityPeriod` is how long the prescription may be dispensed, not a period
  // of use: see `validityEnded`.
  return {};
}

/** The end of a MedicationRequest's `dispenseRequest.validityPeriod` when it ended before `today`. */
export function validityEnded(resource: MedicationSource, today: CalendarDate): string | undefined {
  if (resource.resourceType !== 'MedicationRequest') return undefined;
  const validity = resource.dispenseRequest?.validityPeriod;
  const end = validity && typeof validity === 'object' && parseFhirDate(validity.end) ? trimmed(validity.end) : undefined;
  return end && periodEnded(end, today) ? end : undefined;
}

/** Whether a record follows a Dutch (Nictiz) profile, whose agreements and uses carry no status of their own (MP9: `unknown`). */
export const isNictiz = (resource: MedicationSource): boolean =>
  Array.isArray(resource.meta?.profile) && resource.meta.profile.some((p) => typeof p === 'string' && p.startsWith('http://nictiz.nl/fhir/'));

export function compareDates(a: string | undefined, b: string | undefined): number {
  const da = a === undefined ? undefined : parseFhirDate(a);
  const db = b === undefined ? undefined : parseFhirDate(b);
  if (!da && !db) return 0;
  if (!da) return 1;
  if (!db) return -1;
  return compareCalendarDates(dateRange(da).first, dateRange(db).first);
}

/** Whether a period ended before `today`: a partial end date (`2024-05`) ends on its last day. */
export function periodEnded(end: string | undefined, today: CalendarDate): boolean {
  const date = parseFhirDate(end);
  if (!date) return false;
  return compareCalendarDates(dateRange(date).last, dateRange(today).first) < 0;
}

export type StopTypeStatus = 'on-hold' | 'stopped' | 'cancelled';
export const SNOMED_SYSTEMS: ReadonlySet<string> = new Set(['http://snomed.info/sct', 'urn:oid:2.16.840.1.113883.6.96']);

/**
 * Nictiz `ext-StopType` codes (SNOMED CT) → the status they give. MP9 3.0 codes, then the MP9 2.x
 * codes they replaced (both occur in real data).
 */
export const STOP_TYPE: Readonly<Record<string, StopTypeStatus>> = lookupTable({
  '385655000': 'on-hold', // onderbroken (suspended), MP9 3.0
  '113381000146106': 'on-hold', // tijdelijk gestopt, MP9 2.x
  '410546004': 'stopped', // stopgezet (discontinued), MP9 3.0
  '113371000146109': 'stopped', // definitief gestopt, MP9 2.x
  '89925002': 'cancelled', // geannuleerd, MP9 3.0
});
export const isStopType = (e: Extension): boolean => typeof e.url === 'string' && e.url.endsWith('/ext-StopType');

export const extensionList = (value: unknown): Extension[] =>
  (Array.isArray(value) ? value.filter((e): e is Extension => !!e && typeof e === 'object') : []);

/**
 * The stop type of a record (modifier extension, or plain extension): the status it gives,
 * `'not-understood'` for a stop type this module cannot read (an unknown code, or two that disagree),
 * or undefined when there is none.
 */
export function stopType(resource: MedicationSource): StopTypeStatus | 'not-understood' | undefined {
  const found = new Set<StopTypeStatus | 'not-understood'>();
  for (const e of [...extensionList(resource.modifierExtension), ...extensionsOf(resource)]) {
    if (!isStopType(e)) continue;
    const known = codings(e.valueCodeableConcept)
      .filter((c) => typeof c.system === 'string' && SNOMED_SYSTEMS.has(c.system))
      .map((c) => (typeof c.code === 'string' ? STOP_TYPE[c.code.trim()] : undefined))
      .filter((status): status is StopTypeStatus => status !== undefined);
    found.add(known.length && known.every((k) => k === known[0]) ? known[0] : 'not-understood');
  }
  if (found.size > 1) return 'not-understood';
  return [...found][0];
}

/** Whether an element carries a `modifierExtension` this module does not understand. */
export function unknownModifierOn(element: unknown, stopTypeUnderstood = false): boolean {
  if (!element || typeof element !== 'object') return false;
  const raw = (element as { modifierExtension?: unknown }).modifierExtension;
  if (raw === undefined) return false;
  const modifiers = extensionList(raw);
  return !Array.isArray(raw) || raw.length > modifiers.length || modifiers.some((e) => !(stopTypeUnderstood && isStopType(e)));
}

export const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/**
 * Whether a record or its Medication carries a `modifierExtension` this module does not
 * understand. FHIR R4 allows one only on a resource and on its backbone elements, so those are
 * the places looked at (not a walk through every value of every record): the record; its dosages
 * and their timings; a MedicationRequest's dispense request, initial fill and substitution; the
 * Medication, its ingredients and its batch. The stop type on the record itself is understood (see
 * `stopType`).
 */
export function hasUnknownModifier(resource: MedicationSource, medication: Medication | undefined): boolean {
  const r = resource as Record<string, unknown>;
  const dosages = [...listOf(r.dosageInstruction), ...listOf(r.dosage)];
  const dispense = r.dispenseRequest as { initialFill?: unknown } | undefined;
  const m = medication as Record<string, unknown> | undefined;
  return unknownModifierOn(resource, true)
    || dosages.some((d) => unknownModifierOn(d) || unknownModifierOn((d as { timing?: unknown } | null)?.timing))
    || unknownModifierOn(dispense) || unknownModifierOn(dispense?.initialFill) || unknownModifierOn(r.substitution)
    || (m !== undefined && (unknownModifierOn(m) || listOf(m.ingredient).some((x) => unknownModifierOn(x)) || unknownModifierOn(m.batch)));
}

export type PendingStop = { kind: 'stopped' | 'on-hold'; end: string };

/** A judgement from dates, shown beside the recorded status ("Active — validity period ended 15-Jan-2016"), never instead of it. */
export type DateJudgement =
  | { kind: 'period-ended' | 'validity-ended'; date: string }
  | { kind: 'in-period' };

export interface Classified {
  status: MedicationRowStatus;
  group: MedicationStatusGroup;
  /** What the record says (`active`, `unknown` …): the words shown first, also for `ended`. */
  recorded: MedicationRowStatus;
  judgement?: DateJudgement;
  /** A stop or pause recorded for later: the record is "Active" until `end`. */
  pending?: PendingStop;
}

/** `recordStatus`, given the record's period of use, plus the stop for later behind an "Active". */
export function classify(resource: MedicationSource, today: CalendarDate, medication: Medication | undefined, period: { start?: string; end?: string }): Classified {
  const raw = typeof resource.status === 'string' ? resource.status : 'unknown';
  if (raw === 'entered-in-error') return { status: 'entered-in-error', group: 'error', recorded: 'entered-in-error' };
  const stop = raw === 'draft' ? undefined : stopType(resource);
  // A stop (or pause) takes effect at the end of the stop agreement's period of use; until that
  // day the medication is still used (MP9: a stop-MA recorded on day 5 that "runs until day 8").
  const pending: PendingStop | undefined = (stop === 'stopped' || stop === 'on-hold') && period.end !== undefined && !periodEnded(period.end, today)
    ? { kind: stop, end: period.end }
    : undefined;
  let result: Classified;
  const ended = period.end !== undefined && periodEnded(period.end, today);
  if (pending) result = { status: 'active', group: 'current', recorded: 'active', pending };
  else if (stop === 'on-hold') result = { status: 'on-hold', group: 'current', recorded: 'on-hold' };
  else if (stop === 'stopped' || stop === 'cancelled') result = { status: stop, group: 'history', recorded: stop };
  else if (CURRENT_STATUSES.has(raw)) {
    const recorded = raw as MedicationRowStatus;
    const validity = validityEnded(resource, today);
    result = ended ? { status: 'ended', group: 'history', recorded, judgement: { kind: 'period-ended', date: period.end! } }
      : { status: recorded, group: 'current', recorded, ...(validity ? { judgement: { kind: 'validity-ended', date: validity } } : {}) };
  } else {
    const status: MedicationRowStatus = HISTORY_STATUSES.has(raw) ? (raw) : 'unknown';
    result = { status, group: 'history', recorded: status };
    // MP9 agreements and uses have no status of their own (`unknown`): their period of use says
    // whether they are current; the status stays "Status not known", with the period beside it.
    if (status === 'unknown' && !stop && isNictiz(resource) && (period.start || period.end)) {
      result = ended ? { ...result, judgement: { kind: 'period-ended', date: period.end! } } : { ...result, group: 'current', judgement: { kind: 'in-period' } };
    } else if (status === 'unknown' && ended) result = { ...result, judgement: { kind: 'period-ended', date: period.end! } };
  }
  if (stop === 'not-understood' || hasUnknownModifier(resource, medication)) {
    return { status: 'see-record', group: result.group, recorded: 'see-record' };
  }
  return result;
}

/** The status of one record on `today`, and whether it is current, history or an error. */
export function recordStatus(
  resource: MedicationSource, today: CalendarDate, medication?: Medication,
): { status: MedicationRowStatus; group: MedicationStatusGroup } {
  const { status, group } = classify(resource, today, medication, periodOfUse(resource));
  return { status, group };
}

/** Whether a period starts after `today` (a partial start date starts on its first day). */
export function periodNotStarted(start: string | undefined, today: CalendarDate): boolean {
  const date = parseFhirDate(start);
  if (!date) return false;
  return compareCalendarDates(dateRange(date).first, dateRange(today).first) > 0;
}
