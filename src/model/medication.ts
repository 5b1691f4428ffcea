import type {
  CodeableConcept, Coding, Dosage, Extension, Medication, MedicationRequest, MedicationStatement, Period, Quantity, Reference, Resource,
} from '../core/fhir.js';
import type { MedicationRecord } from '../core/client.js';
import { type CalendarDate, compareCalendarDates, dateRange, dayNumber, isFullDate, parseFhirDate } from './date.js';
import { dosageText, formatPeriod } from './dosage.js';
import { INTL_TAG, type ZkLocale } from './locale.js';
import { formatRatio } from './quantity.js';
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
 * `timing.repeat.boundsPeriod` (with `boundsDuration`), `dispenseRequest.validityPeriod`.
 * Decisions:
 * - `draft` (a MedicationRequest not yet agreed) is history, shown as "Draft": the patient does not
 *   take it yet.
 * - `unknown`, `not-taken` and a missing status are history ("Status not known", "Not taken"):
 *   current means the record says so.
 * - A current status whose period has ended is history with its own status "Period ended".
 * - `entered-in-error` is never current and never merged; it stays in the history view with the
 *   status "Entered in error" (group `error`), so a clinician who saw the item before can see why it
 *   is gone.
 *
 * **Merging.** In the current view the same coded medication from several sources is one row that
 * lists its sources ("Medication agreement, Medication use"). The code is the first coding with a
 * system and a code, preferring G-Standaard HPK, then PRK, then GPK; ATC codes (a class of
 * substances, not a product) are never a merge key. Uncoded records are never merged, and history
 * rows are one per record (each has its own period). When the merged sources give different dosage
 * texts, the row keeps every distinct text with the sources that say it (`dosageDiffers`).
 */

export type MedicationKind = 'agreement' | 'dispense-request' | 'use' | 'request' | 'statement';
export type MedicationStatusGroup = 'current' | 'history' | 'error';
export type MedicationRowStatus =
  | 'active' | 'on-hold' | 'intended' | 'ended' | 'stopped' | 'completed' | 'cancelled' | 'draft' | 'not-taken' | 'unknown' | 'entered-in-error';
export type MedicationSource = MedicationRequest | MedicationStatement;

/** One distinct dosage text with the sources that give it. */
export interface MedicationDosageGroup {
  kinds: MedicationKind[];
  /** Who gives this text: `Medication agreement` (with a start date when two sources of one kind differ). */
  label: string;
  lines: string[];
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
  status: MedicationRowStatus;
  /** The status in words, in the row's locale. */
  statusText: string;
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
  /** `01-Jan-2025 to 31-Mar-2025`, `from 01-Jan-2025`, or '' when there is no period. */
  periodText: string;
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
  'active', 'on-hold', 'intended', 'ended', 'stopped', 'completed', 'cancelled', 'draft', 'not-taken', 'unknown', 'entered-in-error',
];
const STATUS_LABEL: Record<MedicationRowStatus, Phrase> = {
  active: { en: 'Active', nl: 'Actief' },
  'on-hold': { en: 'On hold', nl: 'Onderbroken' },
  intended: { en: 'Intended', nl: 'Gepland' },
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

export function kindLabel(kind: MedicationKind, locale: ZkLocale): string {
  return KIND_LABEL[kind][locale];
}

export function statusLabel(status: MedicationRowStatus, locale: ZkLocale): string {
  return STATUS_LABEL[status][locale];
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

/** A full date plus a duration, minus one day (periods include their last day): 1 Jan + 7 days → 7 Jan. */
function endAfter(start: unknown, duration: Quantity | undefined): string | undefined {
  const date = parseFhirDate(start);
  if (!date || !isFullDate(date) || !duration || typeof duration.value !== 'number' || !Number.isFinite(duration.value) || duration.value <= 0) return undefined;
  const unit = trimmed(duration.code) ?? trimmed(duration.unit);
  const value = duration.value;
  const utc = new Date(0);
  const base = dayNumber(date);
  if (unit === 'd' || unit === 'day' || unit === 'days') utc.setTime((base + Math.ceil(value) - 1) * 86_400_000);
  else if (unit === 'wk' || unit === 'week' || unit === 'weeks') utc.setTime((base + Math.ceil(value * 7) - 1) * 86_400_000);
  else if ((unit === 'mo' || unit === 'a') && Number.isInteger(value)) {
    const months = unit === 'mo' ? value : value * 12;
    const target = date.month - 1 + months;
    const year = date.year + Math.floor(target / 12);
    const month = (target % 12) + 1;
    const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
    utc.setUTCFullYear(year, month - 1, Math.min(date.day, lastDay));
    utc.setTime(utc.getTime() - 86_400_000);
  } else return undefined;
  // Far beyond any calendar a clinician uses (or past Date's range): no end date rather than a wrong one.
  if (Number.isNaN(utc.getTime()) || utc.getUTCFullYear() > 9999) return undefined;
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

  const extDuration = extensionValue(resource, '/ext-TimeInterval.Duration', (e) => (e.valueDuration && typeof e.valueDuration === 'object' ? e.valueDuration : undefined));
  const extPeriod = extensionValue(resource, '/ext-TimeInterval.Period', (e) => valid(e.valuePeriod));
  if (extPeriod) return withDuration(extPeriod, extDuration);

  if (resource.resourceType === 'MedicationStatement') {
    const statement = resource;
    const effective = valid(statement.effectivePeriod);
    if (effective) return withDuration(effective, extDuration);
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

  if (resource.resourceType === 'MedicationRequest') {
    const validity = valid((resource).dispenseRequest?.validityPeriod);
    if (validity) return withDuration(validity, extDuration);
  }
  return {};
}

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

const CURRENT_STATUSES: ReadonlySet<string> = new Set(['active', 'on-hold', 'intended']);
const HISTORY_STATUSES: ReadonlySet<string> = new Set(['stopped', 'completed', 'cancelled', 'draft', 'not-taken', 'unknown']);

/** The status of one record on `today`, and whether it is current, history or an error. */
export function recordStatus(resource: MedicationSource, today: CalendarDate): { status: MedicationRowStatus; group: MedicationStatusGroup } {
  const raw = typeof resource.status === 'string' ? resource.status : 'unknown';
  if (raw === 'entered-in-error') return { status: 'entered-in-error', group: 'error' };
  if (CURRENT_STATUSES.has(raw)) {
    if (periodEnded(periodOfUse(resource).end, today)) return { status: 'ended', group: 'history' };
    return { status: raw, group: 'current' };
  }
  return { status: HISTORY_STATUSES.has(raw) ? (raw) : 'unknown', group: 'history' };
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
}

function prepare(record: MedicationRecord, index: number, options: MedicationRowOptions): Prepared | undefined {
  const resource = record?.resource;
  if (!resource || typeof resource !== 'object' || (resource.resourceType !== 'MedicationRequest' && resource.resourceType !== 'MedicationStatement')) {
    return undefined;
  }
  const { status, group } = recordStatus(resource, options.today);
  const coding = preferredCoding(recordConcept(record));
  return {
    record,
    index,
    kind: medicationKind(resource),
    status,
    group,
    code: coding ? `${coding.system}|${coding.code}` : undefined,
    lines: dosageText(dosagesOf(resource), options.locale, { rendered: renderedText(resource) }),
    period: periodOfUse(resource),
  };
}

/** Primary source first: the agreement (the prescriber's word), then the newest, then input order. */
function byPrimary(a: Prepared, b: Prepared): number {
  return (
    KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind)
    || STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status)
    || -compareDates(writtenOn(a.record.resource), writtenOn(b.record.resource)) // newest first; unknown last
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

function buildRow(key: string, members: Prepared[], options: MedicationRowOptions): MedicationRow {
  const { locale } = options;
  const sorted = [...members].sort(byPrimary);
  const primary = sorted[0];
  const resource = primary.record.resource;
  const name = sorted.map((m) => medicationName(m.record)).find((n) => n !== undefined) ?? NO_NAME[locale];
  const strength = sorted.map((m) => medicationStrength(recordMedication(m.record), locale)).find((s) => s !== undefined);
  const prescriber = sorted.map((m) => prescriberOf(m.record.resource)).find((p) => p !== undefined);

  // Distinct dosage texts, each with the sources that give it.
  const groups: { kinds: MedicationKind[]; starts: (string | undefined)[]; lines: string[] }[] = [];
  for (const m of sorted) {
    if (!m.lines.length) continue;
    const same = groups.find((g) => g.lines.join('\n') === m.lines.join('\n'));
    if (same) {
      same.kinds.push(m.kind);
      same.starts.push(m.period.start);
    } else groups.push({ kinds: [m.kind], starts: [m.period.start], lines: m.lines });
  }
  const labels = groups.map((g) => kindText(g.kinds, locale));
  const dosage: MedicationDosageGroup[] = groups.map((g, i) => {
    const duplicate = labels.filter((l) => l === labels[i]).length > 1;
    const since = duplicate ? formatPeriod(g.starts[0], undefined, locale) : undefined;
    return { kinds: [...new Set(g.kinds)], label: since ? `${labels[i]} (${since})` : labels[i], lines: g.lines };
  });

  const statusRank = Math.min(...sorted.map((m) => STATUS_ORDER.indexOf(m.status)));
  const status = STATUS_ORDER[statusRank];
  const period = primary.period.start || primary.period.end ? primary.period : (sorted.find((m) => m.period.start || m.period.end)?.period ?? {});
  const kinds = KIND_ORDER.filter((k) => sorted.some((m) => m.kind === k));
  const text = kindText(sorted.map((m) => m.kind), locale);
  const periodText = formatPeriod(period.start, period.end, locale) ?? '';
  const dosageTextLines = primary.lines.length ? primary.lines : (groups[0]?.lines ?? []);
  const statusText = STATUS_LABEL[status][locale];
  return {
    key,
    name,
    strength,
    dosageText: dosageTextLines,
    dosage,
    dosageDiffers: dosage.length > 1,
    status,
    statusText,
    statusGroup: primary.group,
    kinds,
    kindText: text,
    sources: sorted.map((m) => m.record.resource),
    records: sorted.map((m) => m.record),
    resource,
    start: period.start,
    end: period.end,
    periodText,
    prescriber,
    code: primary.code,
    searchText: searchable([name, strength, ...dosage.flatMap((d) => d.lines), statusText, text, periodText, prescriber].filter(Boolean).join(' ')),
  };
}

/**
 * Turns medication records into list rows: current rows merged by medication code, history and
 * entered-in-error rows one per record. Row order is input order (current rows where their first
 * record was); sort with `sortRows`. Records that are not a MedicationRequest or
 * MedicationStatement are skipped.
 */
export function medicationRows(records: readonly MedicationRecord[], options: MedicationRowOptions): MedicationRow[] {
  const list: readonly MedicationRecord[] = Array.isArray(records) ? records : [];
  const prepared = list
    .map((record, index) => prepare(record, index, options))
    .filter((p): p is Prepared => p !== undefined);
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
    const recordKey = `${p.group === 'current' ? 'r' : p.group === 'history' ? 'h' : 'e'}:${resource.resourceType}/${trimmed(resource.id) ?? `#${p.index}`}`;
    const key = p.group === 'current' && p.code ? `c:${p.code}` : unique(recordKey);
    if (!buckets.has(key)) {
      buckets.set(key, []);
      order.push(key);
    }
    buckets.get(key)!.push(p);
  }
  return order.map((key) => buildRow(key, buckets.get(key)!, options));
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
