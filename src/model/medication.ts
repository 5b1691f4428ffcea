import type {
  CodeableConcept, Coding, Dosage, Extension, Medication, MedicationRequest, MedicationStatement, Period, Quantity, Reference, Resource,
} from '../fhir/r4.js';
import type { MedicationRecord } from './medication-record.js';
import {
  type CalendarDate, addMonths, compareCalendarDates, dateRange, dayNumber, formatDate, isFullDate, parseFhirDate,
} from './date.js';
import { dosageText, formatPeriod } from './dosage.js';
import { INTL_TAG, type ZkLocale } from './locale.js';
import { type UnitName, formatRatio, timeUnit } from './quantity.js';
import { lookupTable, trimmed } from './text.js';

/**
 * Medication records (MedicationRequest / MedicationStatement with their Medication) → the rows of
 * a medication list that answers "what does the patient take now, and how?" first.
 *
 * **Kinds.** The Dutch Medicatieproces 9 building blocks are told apart by `category` (SNOMED CT,
 * CLINICAL.md) and, failing that, by the profile in `meta.profile`: medication agreement
 * (MedicationRequest, 33633005), dispense request (MedicationRequest, 52711000146108), medication use
 * (MedicationStatement, 422979000). Anything else is a plain medication request or statement.
 *
 * **Current or history.** A record is current when its status is `active`, `on-hold` or `intended`
 * AND its period of use has not ended before today (an end date on today is still current). The
 * period comes from, in order: the Nictiz `ext-TimeInterval.Period` extension (with
 * `ext-TimeInterval.Duration`), `effectivePeriod` / `effectiveDateTime`, the dosage lines'
 * `timing.repeat.boundsPeriod` (with `boundsDuration`). `dispenseRequest.validityPeriod` is how
 * long a prescription may be dispensed, never a period of use.
 *
 * **The recorded status first.** The status text is what the record says; a judgement from dates
 * is shown beside it, never instead of it: "Active — period of use ended 10-Dec-2022" (such a row
 * is history, status key `ended`), "Active — validity period ended 15-Jan-2016" (still current:
 * the record says active). Dutch (Nictiz-profiled) agreements and uses carry no status of their
 * own (MP9: `unknown`): their period of use decides, "Status not known — within the period of
 * use" (current) or "Status not known — period of use ended …" (history).
 * Decisions:
 * - `draft` (a MedicationRequest not yet agreed) is history, shown as "Draft": the patient does not
 *   take it yet.
 * - `unknown`, `not-taken` and a missing status are history ("Status not known", "Not taken"):
 *   current means the record says so.
 * - A current status whose period of use has ended is history (status key `ended`, "Period ended"
 *   as a group), its text the recorded status with the end beside it.
 * - A period that starts after today is still current (it is coming), and says "not yet started".
 * - `entered-in-error` is never current and never merged; it stays in the history view with the
 *   status "Entered in error" (group `error`), so a clinician who saw the item before can see why it
 *   is gone.
 *
 * **Stop type.** The Nictiz `ext-StopType` (a modifier extension; read the same when it is sent as
 * a plain extension) overrides the FHIR status: "onderbroken" (MP9 3.0 385655000, MP9 2.x
 * 113381000146106 "tijdelijk gestopt") is "On hold" and stays current after its period (the pause
 * lasts until a new agreement resumes the medication; the period's end is the moment of the pause);
 * "stopgezet" (MP9 3.0 410546004, MP9 2.x 113371000146109 "definitief gestopt") is "Stopped";
 * "geannuleerd" (MP9 3.0 89925002) is "Cancelled". A stop or pause takes effect at the end of the
 * stop agreement's period of use: until that day the record is current and "Active" (see "A stop
 * for later" below). A stop type with another code counts as a modifier this module does not
 * understand.
 *
 * **Modifiers not understood.** A `modifierExtension` other than the stop type, on the record,
 * its backbone elements or its Medication, may change what the record means (FHIR: never ignore one). Such a record
 * is never shown as plainly current or stopped: its status is "See the record" (`see-record`); it
 * stays in the view its FHIR status and period put it in, so a current one is not hidden.
 *
 * **Merging.** In the current view the same coded medication from several sources is one row that
 * lists its sources ("Medication agreement, Medication use"). The code is the first coding with a
 * system and a code, preferring G-Standaard HPK, then PRK, then GPK; ATC codes (a class of
 * substances, not a product) are never a merge key. Uncoded records are never merged, and history
 * rows are one per record (each has its own period).
 * - A stopped record (FHIR `stopped` or stop type "stopgezet") that may stop a current row's
 *   medication is also shown beside that row: written (else: its period ended) on or after one of
 *   its current records, in the same treatment (`ext-PharmaceuticalTreatment.Identifier`, when both
 *   have one); the newest such stop per kind and treatment. It only adds its status to the
 *   row's statuses by source ("The sources give different statuses"); the row's own status,
 *   dosage, period and view come from its current records alone, so a stop never hides a
 *   medication another record says is used, and a newer stop is never hidden behind an "Active".
 *   It stays in the history as a row of its own too.
 * - A stop for later (a stop type whose period of use has not ended) is "Active" until its end;
 *   beside other records it is a status of its own ("Active, stops after 20-Jun-2025"), and it is
 *   the row's main source only when it is alone (its period then shows the day it stops).
 * - The primary source (its dosage and period shown first, `dosageText`, `start`, `end`) is the
 *   record in effect today: records that have started come before records not yet started, stops
 *   for later last; then the agreement (the prescriber's word), then the newest (written date),
 *   then the most current status.
 * - The row's status is the prescriber's decision: the newest medication agreement's status
 *   (started agreements first), else the primary's status. When the sources give different
 *   statuses, the row keeps each status with the sources that give it (`statusDiffers`,
 *   `statusBySource`), as it does for different dosage texts (`dosageDiffers`, `dosage`).
 */

export type MedicationKind = 'agreement' | 'dispense-request' | 'use' | 'request' | 'statement';
export type MedicationStatusGroup = 'current' | 'history' | 'error';
export type MedicationRowStatus =
  | 'active' | 'on-hold' | 'intended' | 'see-record' | 'ended' | 'stopped' | 'completed' | 'cancelled' | 'draft' | 'not-taken' | 'unknown'
  | 'entered-in-error';
export type MedicationSource = MedicationRequest | MedicationStatement;

/** One distinct dosage text with the sources that give it. */
export interface MedicationDosageGroup {
  kinds: MedicationKind[];
  /** Who gives this text: `Medication agreement` (with a start date when two sources of one kind differ). */
  label: string;
  lines: string[];
}

/** One distinct status with the sources that give it. */
export interface MedicationStatusSource {
  kinds: MedicationKind[];
  /** Who gives this status: `Medication agreement` (with the date it was recorded when two sources of one kind differ). */
  label: string;
  status: MedicationRowStatus;
  /** The status in words, in the row's locale. */
  statusText: string;
}

export interface MedicationRow {
  /** Stable and unique within one `medicationRows` result. */
  key: string;
  /** The medication name in full, never abbreviated. */
  name: string;
  /** Strength of the active ingredients (`500 mg`, `100 units/mL`, `400 mg + 80 mg`). */
  strength?: string;
  /** The dosage lines of the primary source (sequence order). Empty when no source gives a dosage. */
  dosageText: string[];
  /** Every distinct dosage text among the sources, with who gives it. */
  dosage: MedicationDosageGroup[];
  /** True when the merged sources give different dosage texts. */
  dosageDiffers: boolean;
  /** The prescriber's decision: the newest medication agreement's status, else the primary source's. */
  status: MedicationRowStatus;
  /** The status in words, in the row's locale. */
  statusText: string;
  /**
   * When the merged sources give different statuses (`statusDiffers`): every distinct status with
   * who gives it, the row's own status first. Empty when they agree.
   */
  statusBySource: readonly MedicationStatusSource[];
  /** True when the merged sources give different statuses. */
  statusDiffers: boolean;
  statusGroup: MedicationStatusGroup;
  /** The kinds of source, in a fixed order (agreement, dispense request, use, request, statement). */
  kinds: MedicationKind[];
  /** The sources in words: `Medication agreement, Medication use` (`(2)` when a kind occurs twice). */
  kindText: string;
  /** The source resources, primary first. */
  sources: MedicationSource[];
  /** The records behind the row, primary first. */
  records: MedicationRecord[];
  /** The resource that speaks for the row (the medication agreement when there is one). */
  resource: MedicationSource;
  /** FHIR date(Time) of the start and end of the period of use, as written. */
  start?: string;
  end?: string;
  /** `01-Jan-2025 to 31-Mar-2025`, `from 01-Jan-2025`, or '' when there is no period; `(not yet started)` after a period that starts after today. */
  periodText: string;
  /** True when no source has started yet: every period of use starts after today. */
  notStarted: boolean;
  prescriber?: string;
  /** The merge code (`system|code`) when the medication is coded. */
  code?: string;
  /** Lower-cased, accent-free text of everything shown, for filtering. */
  searchText: string;
}

export interface MedicationRowOptions {
  locale: ZkLocale;
  /** Today's calendar date (a full date): decides which periods have ended. */
  today: CalendarDate;
}

type Phrase = Record<ZkLocale, string>;

const KIND_ORDER: readonly MedicationKind[] = ['agreement', 'dispense-request', 'use', 'request', 'statement'];
const KIND_LABEL: Record<MedicationKind, Phrase> = {
  agreement: { en: 'Medication agreement', nl: 'Medicatieafspraak' },
  'dispense-request': { en: 'Dispense request', nl: 'Verstrekkingsverzoek' },
  use: { en: 'Medication use', nl: 'Medicatiegebruik' },
  request: { en: 'Medication request', nl: 'Medicatieverzoek' },
  statement: { en: 'Medication statement', nl: 'Medicatieverklaring' },
};

/** Statuses in display and sort order: current first, entered-in-error last. */
export const STATUS_ORDER: readonly MedicationRowStatus[] = [
  'active', 'on-hold', 'intended', 'see-record', 'ended', 'stopped', 'completed', 'cancelled', 'draft', 'not-taken', 'unknown', 'entered-in-error',
];
const CURRENT_STATUSES: ReadonlySet<string> = new Set(['active', 'on-hold', 'intended']);
const HISTORY_STATUSES: ReadonlySet<string> = new Set(['stopped', 'completed', 'cancelled', 'draft', 'not-taken', 'unknown']);
const STATUS_LABEL: Record<MedicationRowStatus, Phrase> = {
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

const NO_NAME: Phrase = { en: 'Medication name not known', nl: 'Naam geneesmiddel onbekend' };
const NOT_STARTED: Phrase = { en: 'not yet started', nl: 'nog niet gestart' };
const RECORDED: Phrase = { en: 'recorded', nl: 'vastgelegd' };

export function kindLabel(kind: MedicationKind, locale: ZkLocale): string {
  return KIND_LABEL[kind][locale];
}

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

const CATEGORY: Readonly<Record<string, MedicationKind>> = lookupTable({
  '33633005': 'agreement',
  '52711000146108': 'dispense-request',
  '422979000': 'use',
});

const codings = (concept: CodeableConcept | undefined): Coding[] =>
  concept && typeof concept === 'object' && Array.isArray(concept.coding) ? concept.coding.filter((c): c is Coding => !!c && typeof c === 'object') : [];

/** The MP9 kind of a record, from its category (SNOMED CT) or else its profile. */
export function medicationKind(resource: MedicationSource): MedicationKind {
  const isRequest = resource.resourceType === 'MedicationRequest';
  const categories = isRequest
    ? (Array.isArray(resource.category) ? resource.category : [])
    : [(resource).category];
  for (const category of categories) {
    for (const coding of codings(category)) {
      const kind = typeof coding.code === 'string' ? CATEGORY[coding.code] : undefined;
      if (kind && (kind === 'use') !== isRequest) return kind;
    }
  }
  const profiles = Array.isArray(resource.meta?.profile) ? resource.meta.profile.filter((p): p is string => typeof p === 'string') : [];
  if (isRequest && profiles.some((p) => /MedicationAgreement/i.test(p))) return 'agreement';
  if (isRequest && profiles.some((p) => /DispenseRequest/i.test(p))) return 'dispense-request';
  if (!isRequest && profiles.some((p) => /MedicationUse/i.test(p))) return 'use';
  return isRequest ? 'request' : 'statement';
}

/**
 * G-Standaard product code systems, most specific first: HPK (handelsproductcode, `…2.4.4.7`),
 * PRK (voorschrijfproductcode, `…2.4.4.10`), GPK (generieke productcode, `…2.4.4.1`), as Nictiz
 * publishes them. (CLINICAL.md lists HPK and PRK the other way round; the Nictiz OIDs are these.)
 */
export const G_STANDAARD = {
  hpk: 'urn:oid:2.16.840.1.113883.2.4.4.7',
  prk: 'urn:oid:2.16.840.1.113883.2.4.4.10',
  gpk: 'urn:oid:2.16.840.1.113883.2.4.4.1',
} as const;
const PREFERRED_SYSTEMS: readonly string[] = [G_STANDAARD.hpk, G_STANDAARD.prk, G_STANDAARD.gpk];
const NOT_A_PRODUCT = /whocc\.no\/atc|2\.16\.840\.1\.113883\.6\.73$/i;

/** The coding that identifies the product: G-Standaard HPK > PRK > GPK > the first other (not ATC). */
export function preferredCoding(concept: CodeableConcept | undefined): Coding | undefined {
  const usable = codings(concept).filter((c) => trimmed(c.system) && trimmed(c.code) && !NOT_A_PRODUCT.test(c.system ?? ''));
  for (const system of PREFERRED_SYSTEMS) {
    const found = usable.find((c) => c.system === system);
    if (found) return found;
  }
  return usable[0];
}

/** What the record's medication is: the Medication's code, or `medicationCodeableConcept`. */
function recordConcept(record: MedicationRecord): CodeableConcept | undefined {
  return record.concept ?? recordMedication(record)?.code ?? record.resource.medicationCodeableConcept;
}

/** The Medication of a record: as resolved by the client, or found in `contained` by `#id`. */
function recordMedication(record: MedicationRecord): Medication | undefined {
  if (record.medication) return record.medication;
  const ref = trimmed(record.resource.medicationReference?.reference);
  if (!ref?.startsWith('#')) return undefined;
  return containedById(record.resource, ref.slice(1), 'Medication') as Medication | undefined;
}

function containedById(resource: MedicationSource, id: string, ...types: string[]): Resource | undefined {
  const contained = Array.isArray(resource.contained) ? resource.contained : [];
  return contained.find((r) => r && typeof r === 'object' && r.id === id && types.includes(r.resourceType));
}

/** The name in full: `code.text`, else the preferred coding's display, else any display, else the reference's display. */
export function medicationName(record: MedicationRecord): string | undefined {
  const concept = recordConcept(record);
  const text = trimmed(concept?.text);
  if (text) return text;
  const preferred = preferredCoding(concept);
  return trimmed(preferred?.display)
    ?? trimmed(codings(concept).find((c) => trimmed(c.display))?.display)
    ?? trimmed(record.resource.medicationReference?.display);
}

/** Strength of the active ingredients: `500 mg`, `100 units/mL`, `400 mg + 80 mg`. */
export function medicationStrength(medication: Medication | undefined, locale: ZkLocale): string | undefined {
  if (!medication || !Array.isArray(medication.ingredient)) return undefined;
  const parts = medication.ingredient
    .filter((i) => i && typeof i === 'object' && i.isActive !== false)
    .map((i) => formatRatio(i.strength, locale))
    .filter((s): s is string => s !== undefined);
  return parts.length ? parts.join(' + ') : undefined;
}

function dosagesOf(resource: MedicationSource): Dosage[] {
  const list = resource.resourceType === 'MedicationRequest' ? resource.dosageInstruction : (resource).dosage;
  return Array.isArray(list) ? list.filter((d): d is Dosage => !!d && typeof d === 'object') : [];
}

const extensionsOf = (resource: MedicationSource): Extension[] =>
  Array.isArray(resource.extension) ? resource.extension.filter((e): e is Extension => !!e && typeof e === 'object') : [];

function extensionValue<T>(resource: MedicationSource, suffix: string, read: (e: Extension) => T | undefined): T | undefined {
  for (const e of extensionsOf(resource)) {
    if (typeof e.url === 'string' && e.url.endsWith(suffix)) {
      const value = read(e);
      if (value !== undefined) return value;
    }
  }
  return undefined;
}

function renderedText(resource: MedicationSource): string | undefined {
  return extensionValue(resource, '/ext-RenderedDosageInstruction', (e) => trimmed(e.valueString) ?? trimmed(e.valueMarkdown));
}

/** Minutes in one unit of a duration measured in time; months and years count on the calendar. */
const MINUTES_PER: Partial<Record<UnitName, number>> = { second: 1 / 60, minute: 1, hour: 60, day: 1440, week: 10_080 };
const MONTHS_PER: Partial<Record<UnitName, number>> = { month: 1, year: 12 };
const DAY_MINUTES = 1440;
const TIME_OF_DAY = /T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?/;

/** Minutes after midnight of a dateTime's own clock time as written (no zone conversion); 0 for a date. */
function minuteOfDay(value: string): number {
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
function endAfter(start: unknown, duration: Quantity | undefined): string | undefined {
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
function validityEnded(resource: MedicationSource, today: CalendarDate): string | undefined {
  if (resource.resourceType !== 'MedicationRequest') return undefined;
  const validity = resource.dispenseRequest?.validityPeriod;
  const end = validity && typeof validity === 'object' && parseFhirDate(validity.end) ? trimmed(validity.end) : undefined;
  return end && periodEnded(end, today) ? end : undefined;
}

/** Whether a record follows a Dutch (Nictiz) profile, whose agreements and uses carry no status of their own (MP9: `unknown`). */
const isNictiz = (resource: MedicationSource): boolean =>
  Array.isArray(resource.meta?.profile) && resource.meta.profile.some((p) => typeof p === 'string' && p.startsWith('http://nictiz.nl/fhir/'));

function compareDates(a: string | undefined, b: string | undefined): number {
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

type StopTypeStatus = 'on-hold' | 'stopped' | 'cancelled';
const SNOMED_SYSTEMS: ReadonlySet<string> = new Set(['http://snomed.info/sct', 'urn:oid:2.16.840.1.113883.6.96']);

/**
 * Nictiz `ext-StopType` codes (SNOMED CT) → the status they give. MP9 3.0 codes, then the MP9 2.x
 * codes they replaced (both occur in real data).
 */
const STOP_TYPE: Readonly<Record<string, StopTypeStatus>> = lookupTable({
  '385655000': 'on-hold', // onderbroken (suspended), MP9 3.0
  '113381000146106': 'on-hold', // tijdelijk gestopt, MP9 2.x
  '410546004': 'stopped', // stopgezet (discontinued), MP9 3.0
  '113371000146109': 'stopped', // definitief gestopt, MP9 2.x
  '89925002': 'cancelled', // geannuleerd, MP9 3.0
});
const isStopType = (e: Extension): boolean => typeof e.url === 'string' && e.url.endsWith('/ext-StopType');

const extensionList = (value: unknown): Extension[] =>
  (Array.isArray(value) ? value.filter((e): e is Extension => !!e && typeof e === 'object') : []);

/**
 * The stop type of a record (modifier extension, or plain extension): the status it gives,
 * `'not-understood'` for a stop type this module cannot read (an unknown code, or two that disagree),
 * or undefined when there is none.
 */
function stopType(resource: MedicationSource): StopTypeStatus | 'not-understood' | undefined {
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
function unknownModifierOn(element: unknown, stopTypeUnderstood = false): boolean {
  if (!element || typeof element !== 'object') return false;
  const raw = (element as { modifierExtension?: unknown }).modifierExtension;
  if (raw === undefined) return false;
  const modifiers = extensionList(raw);
  return !Array.isArray(raw) || raw.length > modifiers.length || modifiers.some((e) => !(stopTypeUnderstood && isStopType(e)));
}

const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/**
 * Whether a record or its Medication carries a `modifierExtension` this module does not
 * understand. FHIR R4 allows one only on a resource and on its backbone elements, so those are
 * the places looked at (not a walk through every value of every record): the record; its dosages
 * and their timings; a MedicationRequest's dispense request, initial fill and substitution; the
 * Medication, its ingredients and its batch. The stop type on the record itself is understood (see
 * `stopType`).
 */
function hasUnknownModifier(resource: MedicationSource, medication: Medication | undefined): boolean {
  const r = resource as Record<string, unknown>;
  const dosages = [...listOf(r.dosageInstruction), ...listOf(r.dosage)];
  const dispense = r.dispenseRequest as { initialFill?: unknown } | undefined;
  const m = medication as Record<string, unknown> | undefined;
  return unknownModifierOn(resource, true)
    || dosages.some((d) => unknownModifierOn(d) || unknownModifierOn((d as { timing?: unknown } | null)?.timing))
    || unknownModifierOn(dispense) || unknownModifierOn(dispense?.initialFill) || unknownModifierOn(r.substitution)
    || (m !== undefined && (unknownModifierOn(m) || listOf(m.ingredient).some((x) => unknownModifierOn(x)) || unknownModifierOn(m.batch)));
}

type PendingStop = { kind: 'stopped' | 'on-hold'; end: string };

/** A judgement from dates, shown beside the recorded status ("Active — validity period ended 15-Jan-2016"), never instead of it. */
export type DateJudgement =
  | { kind: 'period-ended' | 'validity-ended'; date: string }
  | { kind: 'in-period' };

interface Classified {
  status: MedicationRowStatus;
  group: MedicationStatusGroup;
  /** What the record says (`active`, `unknown` …): the words shown first, also for `ended`. */
  recorded: MedicationRowStatus;
  judgement?: DateJudgement;
  /** A stop or pause recorded for later: the record is "Active" until `end`. */
  pending?: PendingStop;
}

/** `recordStatus`, given the record's period of use, plus the stop for later behind an "Active". */
function classify(resource: MedicationSource, today: CalendarDate, medication: Medication | undefined, period: { start?: string; end?: string }): Classified {
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

function practitionerName(resource: Resource | undefined): string | undefined {
  if (!resource) return undefined;
  const names = Array.isArray(resource.name) ? (resource.name as { text?: unknown; family?: unknown; given?: unknown; prefix?: unknown }[]) : [];
  const name = names.find((n) => n && typeof n === 'object');
  if (typeof resource.name === 'string') return trimmed(resource.name);
  if (!name) return undefined;
  const text = trimmed(name.text);
  if (text) return text;
  const given = Array.isArray(name.given) ? name.given.filter((g): g is string => typeof g === 'string') : [];
  const prefix = Array.isArray(name.prefix) ? name.prefix.filter((g): g is string => typeof g === 'string') : [];
  return trimmed([...prefix, ...given, typeof name.family === 'string' ? name.family : ''].join(' '));
}

/** The prescriber of a MedicationRequest: `requester.display`, or a contained Practitioner's name. */
export function prescriberOf(resource: MedicationSource): string | undefined {
  if (resource.resourceType !== 'MedicationRequest') return undefined;
  const requester: Reference | undefined = resource.requester;
  if (!requester || typeof requester !== 'object') return undefined;
  const display = trimmed(requester.display);
  if (display) return display;
  const ref = trimmed(requester.reference);
  if (ref?.startsWith('#')) return practitionerName(containedById(resource, ref.slice(1), 'Practitioner', 'PractitionerRole', 'Organization'));
  return undefined;
}

/** The date a record was written, for choosing the newest of several sources. */
function writtenOn(resource: MedicationSource): string | undefined {
  return resource.resourceType === 'MedicationRequest' ? trimmed(resource.authoredOn) : trimmed((resource).dateAsserted);
}

/** Normalises text for filtering: lower case, accents removed, any white space one space. */
export function searchable(text: string): string {
  // Plain ASCII (most text) has no accents to take off: NFD would change nothing.
  const base = NON_ASCII.test(text) ? text.normalize('NFD').replace(/\p{M}/gu, '') : text;
  return base.toLowerCase().replace(/\s+/g, ' ');
}
const NON_ASCII = /[^ -~\t\n\r]/;

interface Prepared {
  record: MedicationRecord;
  index: number;
  kind: MedicationKind;
  status: MedicationRowStatus;
  group: MedicationStatusGroup;
  code?: string;
  lines: string[];
  period: { start?: string; end?: string };
  /** The period of use has begun (or has no start): false for a period that starts after today. */
  started: boolean;
  /** When the record was written (`authoredOn`, `dateAsserted`), else the start of its period: for "newest". */
  written?: string;
  /** The Nictiz `ext-PharmaceuticalTreatment.Identifier` (`system|value`): which treatment the record belongs to. */
  treatment?: string;
  /** A stop or pause recorded for later: the record is "Active" until `end`. */
  pendingStop?: PendingStop;
  /** The status the record says, shown first. */
  recorded: MedicationRowStatus;
  /** A judgement from dates, shown beside the recorded status. */
  judgement?: DateJudgement;
}

function prepare(record: MedicationRecord, index: number, options: MedicationRowOptions): Prepared | undefined {
  const resource = record?.resource;
  if (!resource || typeof resource !== 'object' || (resource.resourceType !== 'MedicationRequest' && resource.resourceType !== 'MedicationStatement')) {
    return undefined;
  }
  const period = periodOfUse(resource);
  const { status, group, pending, recorded, judgement } = classify(resource, options.today, recordMedication(record), period);
  const coding = preferredCoding(recordConcept(record));
  // A stop without a written date was made by its end (the moment it stops), not at its start.
  const stopLike = status === 'stopped' || pending !== undefined;
  return {
    record,
    index,
    kind: medicationKind(resource),
    status,
    group,
    code: coding ? `${coding.system}|${coding.code}` : undefined,
    lines: dosageText(dosagesOf(resource), options.locale, { rendered: renderedText(resource) }),
    period,
    started: !periodNotStarted(period.start, options.today),
    written: writtenOn(resource) ?? (stopLike ? period.end ?? period.start : period.start),
    ...(pending ? { pendingStop: pending } : {}),
    recorded,
    ...(judgement ? { judgement } : {}),
    treatment: extensionValue(resource, '/ext-PharmaceuticalTreatment.Identifier', (e) => {
      const id = e.valueIdentifier;
      return id && typeof id.value === 'string' && id.value.trim() ? `${typeof id.system === 'string' ? id.system : ''}|${id.value.trim()}` : undefined;
    }),
  };
}

/**
 * Primary source first: what is in effect today (started before not yet started), then the
 * agreement (the prescriber's word), then the newest, then the most current status, then input order.
 */
function byPrimary(a: Prepared, b: Prepared): number {
  return (
    Number(b.started) - Number(a.started)
    // A stop for later is about the end of the medication, not its dose or period of use.
    || Number(!!a.pendingStop) - Number(!!b.pendingStop)
    || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind)
    || -compareDates(a.written, b.written) // newest first; unknown last
    || STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status)
    || a.index - b.index
  );
}

function kindText(kinds: MedicationKind[], locale: ZkLocale): string {
  const counts = new Map<MedicationKind, number>();
  for (const kind of kinds) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return KIND_ORDER.filter((k) => counts.has(k))
    .map((k) => (counts.get(k)! > 1 ? `${KIND_LABEL[k][locale]} (${counts.get(k)})` : KIND_LABEL[k][locale]))
    .join(', ');
}

/** `Medication agreement (from 01-Jul-2025, not yet started)`: a label with its qualifiers in brackets. */
function withQualifiers(label: string, qualifiers: (string | undefined)[]): string {
  const shown = qualifiers.filter((q): q is string => !!q);
  return shown.length ? `${label} (${shown.join(', ')})` : label;
}

/**
 * Members grouped by `same`, each group labelled by its sources: the kinds in words, plus
 * `qualify(group)` when two groups would otherwise have the same label, plus "not yet started"
 * when none of the group's sources has started.
 */
function sourceGroups<K>(
  members: Prepared[], keyOf: (m: Prepared) => K | undefined, same: (a: K, b: K) => boolean,
  qualify: (group: Prepared[]) => string | undefined, locale: ZkLocale,
): { key: K; members: Prepared[]; kinds: MedicationKind[]; label: string }[] {
  const groups: { key: K; members: Prepared[] }[] = [];
  for (const m of members) {
    const key = keyOf(m);
    if (key === undefined) continue;
    const found = groups.find((g) => same(g.key, key));
    if (found) found.members.push(m);
    else groups.push({ key, members: [m] });
  }
  const labels = groups.map((g) => kindText(g.members.map((m) => m.kind), locale));
  return groups.map((g, i) => {
    const duplicate = labels.filter((l) => l === labels[i]).length > 1;
    const notStarted = g.members.every((m) => !m.started) ? NOT_STARTED[locale] : undefined;
    return {
      key: g.key, members: g.members, kinds: [...new Set(g.members.map((m) => m.kind))],
      label: withQualifiers(labels[i], [duplicate ? qualify(g.members) : undefined, notStarted]),
    };
  });
}

const NO_STATUS_SOURCES: readonly MedicationStatusSource[] = Object.freeze([]);

/** What tells statuses apart by source: the status, and for a stop for later its kind and day. */
function statusKey(m: Prepared): string {
  if (m.pendingStop) return `${m.status}|${m.pendingStop.kind}|${m.pendingStop.end}`;
  return m.judgement ? `${m.status}|${m.judgement.kind}|${'date' in m.judgement ? m.judgement.date : ''}` : m.status;
}

const STOPS_AFTER: Record<'stopped' | 'on-hold', Phrase> = {
  stopped: { en: 'stops after', nl: 'stopt na' },
  'on-hold': { en: 'on hold after', nl: 'onderbroken na' },
};

const JUDGEMENT: Record<DateJudgement['kind'], Phrase> = {
  'period-ended': { en: 'period of use ended', nl: 'gebruiksperiode verstreken op' },
  'validity-ended': { en: 'validity period ended', nl: 'geldigheidsduur verstreken op' },
  'in-period': { en: 'within the period of use', nl: 'binnen de gebruiksperiode' },
};

/**
 * A source's status in words: what the record says (`Active`), with a judgement from dates beside
 * it (`Active — validity period ended 15-Jan-2016`), or for a stop for later
 * `Active, stops after 20-Jun-2025`.
 */
function statusWords(m: Prepared, locale: ZkLocale): string {
  const words = STATUS_LABEL[m.recorded][locale];
  const day = m.pendingStop ? formatDate(m.pendingStop.end, locale)?.replace(/ /g, '\u00a0') : undefined;
  if (m.pendingStop && day) return `${words}, ${STOPS_AFTER[m.pendingStop.kind][locale]} ${day}`;
  const judgement = m.judgement;
  if (!judgement) return words;
  if (judgement.kind === 'in-period') return `${words} — ${JUDGEMENT[judgement.kind][locale]}`;
  const date = formatDate(judgement.date, locale)?.replace(/ /g, '\u00a0');
  return date ? `${words} — ${JUDGEMENT[judgement.kind][locale]} ${date}` : words;
}

/**
 * One row from its records. `stops`: newer stopped records of the same medication, shown only as
 * statuses of their sources beside the row's own: they never set the row's status, dosage, period
 * or view, so a medication that a record still says is used is never moved out of sight by them.
 */
function buildRow(key: string, members: Prepared[], options: MedicationRowOptions, stops: readonly Prepared[] = []): MedicationRow {
  const { locale } = options;
  const sorted = [...members].sort(byPrimary);
  const withStops = stops.length ? [...sorted, ...stops] : sorted;
  const primary = sorted[0];
  // The prescriber's decision: the newest agreement (started ones first), else the primary.
  const decisive = sorted.find((m) => m.kind === 'agreement') ?? primary;
  const resource = decisive.record.resource;
  const name = sorted.map((m) => medicationName(m.record)).find((n) => n !== undefined) ?? NO_NAME[locale];
  const strength = sorted.map((m) => medicationStrength(recordMedication(m.record), locale)).find((s) => s !== undefined);
  const prescriber = sorted.map((m) => prescriberOf(m.record.resource)).find((p) => p !== undefined);

  // Distinct dosage texts, each with the sources that give it.
  const dosageGroups = sourceGroups(sorted, (m) => (m.lines.length ? m.lines : undefined), (a, b) => a.join('\n') === b.join('\n'),
    (g) => formatPeriod(g[0].period.start, undefined, locale), locale);
  const dosage: MedicationDosageGroup[] = dosageGroups.map((g) => ({ kinds: g.kinds, label: g.label, lines: g.key }));

  // When the sources give different statuses: each, the row's own first, with the sources that
  // give it. Most rows agree and share one empty list (a long list holds thousands of rows).
  // A stop for later counts as a status of its own ("Active, stops after 20-Jun-2025").
  const status = decisive.status;
  const own = statusKey(decisive);
  const statusBySource: readonly MedicationStatusSource[] = withStops.some((m) => statusKey(m) !== own)
    ? sourceGroups([...withStops].sort((a, b) => Number(statusKey(b) === own) - Number(statusKey(a) === own)), statusKey, (a, b) => a === b, (g) => {
      const date = formatDate(writtenOn(g[0].record.resource), locale)?.replace(/ /g, '\u00a0');
      return date ? `${RECORDED[locale]} ${date}` : formatPeriod(g[0].period.start, undefined, locale);
    }, locale).map((g) => ({ kinds: g.kinds, label: g.label, status: g.members[0].status, statusText: statusWords(g.members[0], locale) }))
    : NO_STATUS_SOURCES;


  const period = primary.period.start || primary.period.end ? primary.period : (sorted.find((m) => m.period.start || m.period.end)?.period ?? {});
  const notStarted = !sorted.some((m) => m.started);
  const kinds = KIND_ORDER.filter((k) => sorted.some((m) => m.kind === k));
  const text = kindText(sorted.map((m) => m.kind), locale);
  const periodWords = formatPeriod(period.start, period.end, locale) ?? '';
  const periodText = periodWords && periodNotStarted(period.start, options.today) ? `${periodWords} (${NOT_STARTED[locale]})` : periodWords;
  const dosageTextLines = primary.lines.length ? primary.lines : (dosage[0]?.lines ?? []);
  // The row's own stop for later is in its period ("01-Jan-2025 to 20-Jun-2025"): its status is "Active".
  const statusText = decisive.pendingStop ? STATUS_LABEL[decisive.recorded][locale] : statusWords(decisive, locale);
  return {
    key,
    name,
    strength,
    dosageText: dosageTextLines,
    dosage,
    dosageDiffers: dosage.length > 1,
    status,
    statusText,
    statusBySource,
    statusDiffers: statusBySource.length > 0,
    // A merged row holds current records only (stops beside it are not its members).
    statusGroup: decisive.group,
    kinds,
    kindText: text,
    sources: withStops.map((m) => m.record.resource),
    records: withStops.map((m) => m.record),
    resource,
    start: period.start,
    end: period.end,
    periodText,
    notStarted,
    prescriber,
    code: primary.code,
    searchText: searchable([
      name, strength, ...dosage.flatMap((d) => d.lines), statusText, ...statusBySource.map((g) => g.statusText), text, periodText, prescriber,
    ].filter(Boolean).join(' ')),
  };
}

/**
 * Whether a stopped history record is shown beside the current row of its code (see the module
 * notes): it may stop one of the row's records, being written on or after one of the current
 * records (of any kind) in the same treatment, or where either has no treatment identifier.
 * Records without a date are not compared: nothing says the stop came after them.
 */
function stopConcernsRow(stop: Prepared, current: readonly Prepared[]): boolean {
  if (!stop.written) return false;
  return current.some((m) => (!stop.treatment || !m.treatment || m.treatment === stop.treatment)
    && m.written !== undefined && compareDates(stop.written, m.written) >= 0);
}

/**
 * Turns medication records into list rows: current rows merged by medication code, history and
 * entered-in-error rows one per record (a newer stop is also shown beside the current row it may stop).
 * Row order is input order (current rows where their first record was); sort with `sortRows`.
 * Records that are not a MedicationRequest or MedicationStatement are skipped.
 */
export function medicationRows(records: readonly MedicationRecord[], options: MedicationRowOptions): MedicationRow[] {
  const list: readonly MedicationRecord[] = Array.isArray(records) ? records : [];
  const prepared = list
    .map((record, index) => prepare(record, index, options))
    .filter((p): p is Prepared => p !== undefined);

  // Stopped records shown beside a current row: per code, kind and treatment, the newest that qualifies.
  const currentByCode = new Map<string, Prepared[]>();
  for (const p of prepared) {
    if (p.group !== 'current' || !p.code) continue;
    const same = currentByCode.get(p.code);
    if (same) same.push(p);
    else currentByCode.set(p.code, [p]);
  }
  const stopsByKey = new Map<string, Prepared[]>();
  if (currentByCode.size) {
    const newest = new Map<string, Prepared>();
    for (const p of prepared) {
      if (p.group !== 'history' || p.status !== 'stopped' || !p.code) continue;
      const current = currentByCode.get(p.code);
      if (!current || !stopConcernsRow(p, current)) continue;
      const slot = `${p.code}\u0000${p.kind}\u0000${p.treatment ?? ''}`;
      const before = newest.get(slot);
      if (!before || compareDates(p.written, before.written) >= 0) newest.set(slot, p);
    }
    for (const p of newest.values()) {
      const key = `c:${p.code}`;
      const list = stopsByKey.get(key);
      if (list) list.push(p);
      else stopsByKey.set(key, [p]);
    }
  }

  const buckets = new Map<string, Prepared[]>();
  const used = new Set<string>();
  const unique = (base: string): string => {
    let key = base;
    for (let n = 2; used.has(key); n += 1) key = `${base}~${n}`;
    used.add(key);
    return key;
  };
  const order: string[] = [];
  for (const p of prepared) {
    const resource = p.record.resource;
    const merged = p.group === 'current' && p.code;
    const recordKey = `${p.group === 'current' ? 'r' : p.group === 'history' ? 'h' : 'e'}:${resource.resourceType}/${trimmed(resource.id) ?? `#${p.index}`}`;
    const key = merged ? `c:${p.code}` : unique(recordKey);
    if (!buckets.has(key)) {
      buckets.set(key, []);
      order.push(key);
    }
    buckets.get(key)!.push(p);
  }
  return order.map((key) => buildRow(key, buckets.get(key)!, options, stopsByKey.get(key)));
}

/** How many rows of each group there are. */
export function countRows(rows: readonly MedicationRow[]): Record<MedicationStatusGroup, number> {
  const counts = { current: 0, history: 0, error: 0 };
  for (const row of rows) counts[row.statusGroup] += 1;
  return counts;
}

/** The rows to show: the current ones, or every row (current, history and entered-in-error) with history. */
export function visibleRows(rows: readonly MedicationRow[], showHistory: boolean): MedicationRow[] {
  return showHistory ? [...rows] : rows.filter((r) => r.statusGroup === 'current');
}

/** Filter as you type: every word of `query` occurs in the row's text (case and accents ignored). */
export function filterRows(rows: readonly MedicationRow[], query: string | undefined): MedicationRow[] {
  const words = searchable(query ?? '').trim().split(' ').filter(Boolean);
  if (!words.length) return [...rows];
  // Runs on every keystroke over every row: plain loops, no callbacks.
  const out: MedicationRow[] = [];
  for (const row of rows) {
    const text = row.searchText;
    let all = true;
    for (const word of words) {
      if (!text.includes(word)) {
        all = false;
        break;
      }
    }
    if (all) out.push(row);
  }
  return out;
}

export type MedicationSort = 'name' | 'start' | 'status';
export type SortDirection = 'ascending' | 'descending';

const collators = new Map<ZkLocale, Intl.Collator>();
function collator(locale: ZkLocale): Intl.Collator {
  let c = collators.get(locale);
  if (!c) {
    c = new Intl.Collator(INTL_TAG[locale], { numeric: true, sensitivity: 'base' });
    collators.set(locale, c);
  }
  return c;
}

/**
 * Sorts rows by name (locale collation), start date or status (current first). Rows without a
 * start date go last in both directions; ties are broken by name.
 */
export function sortRows(rows: readonly MedicationRow[], sort: MedicationSort, direction: SortDirection, locale: ZkLocale): MedicationRow[] {
  const c = collator(locale);
  const sign = direction === 'descending' ? -1 : 1;
  // Collation is slow and names repeat: rank each distinct name once (names the collator finds
  // equal share a rank), then compare ranks.
  const distinct = [...new Set(rows.map((r) => r.name))].sort(c.compare);
  const rank = new Map<string, number>();
  distinct.forEach((name, i) => rank.set(name, i > 0 && c.compare(distinct[i - 1], name) === 0 ? rank.get(distinct[i - 1])! : i));
  const byName = (a: MedicationRow, b: MedicationRow) => rank.get(a.name)! - rank.get(b.name)!;
  const byKey = (a: MedicationRow, b: MedicationRow) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  const compare = (a: MedicationRow, b: MedicationRow): number => {
    if (sort === 'start') {
      if (!a.start !== !b.start) return a.start ? -1 : 1;
      return sign * compareDates(a.start, b.start) || byName(a, b);
    }
    if (sort === 'status') return sign * (STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status)) || byName(a, b);
    return sign * byName(a, b) || byKey(a, b);
  };
  return [...rows].sort(compare);
}

export interface MedicationGroup {
  status: MedicationRowStatus;
  label: string;
  rows: MedicationRow[];
}

/** Groups rows by status in status order (current statuses first), keeping the row order inside each group. */
export function groupRows(rows: readonly MedicationRow[], locale: ZkLocale): MedicationGroup[] {
  return STATUS_ORDER.map((status) => ({ status, label: STATUS_LABEL[status][locale], rows: rows.filter((r) => r.status === status) }))
    .filter((g) => g.rows.length > 0);
}
