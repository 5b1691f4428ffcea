import type { MedicationRecord } from './medication-record.js';
import { formatDate } from './date.js';
import { dosageText, formatPeriod } from './dosage.js';
import type { ZkLocale } from './locale.js';
import { trimmed } from './text.js';
import {
  type MedicationKind, extensionValue, dosagesOf, medicationKind, medicationName, medicationStrength,
  preferredCoding, prescriberOf, recordConcept, recordMedication, renderedText, writtenOn,
} from './medication-source.js';
import {
  type DateJudgement, type MedicationRowStatus, type MedicationStatusGroup, type PendingStop,
  STATUS_LABEL, STATUS_ORDER, classify, compareDates, periodNotStarted, periodOfUse,
} from './medication-status.js';
import type { MedicationDosageGroup, MedicationRow, MedicationRowOptions, MedicationStatusSource } from './medication-row.js';

export {
  type MedicationKind, type MedicationSource, G_STANDAARD, medicationKind, medicationName, medicationStrength, preferredCoding, prescriberOf,
} from './medication-source.js';
export type { MedicationDosageGroup, MedicationRow, MedicationRowOptions, MedicationStatusSource } from './medication-row.js';
export {
  type MedicationGroup, type MedicationSort, type SortDirection, countRows, filterRows, groupRows, searchable, searchTextOf, sortRows, visibleRows,
} from './medication-filter.js';
export {
  type DateJudgement, type MedicationRowStatus, type MedicationStatusGroup, STATUS_ORDER, periodEnded, periodNotStarted, periodOfUse,
  recordStatus, statusLabel, statusTone,
} from './medication-status.js';

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


type Phrase = Record<ZkLocale, string>;

const KIND_ORDER: readonly MedicationKind[] = ['agreement', 'dispense-request', 'use', 'request', 'statement'];
const KIND_LABEL: Record<MedicationKind, Phrase> = {
  agreement: { en: 'Medication agreement', nl: 'Medicatieafspraak' },
  'dispense-request': { en: 'Dispense request', nl: 'Verstrekkingsverzoek' },
  use: { en: 'Medication use', nl: 'Medicatiegebruik' },
  request: { en: 'Medication request', nl: 'Medicatieverzoek' },
  statement: { en: 'Medication statement', nl: 'Medicatieverklaring' },
};

const NO_NAME: Phrase = { en: 'Medication name not known', nl: 'Naam geneesmiddel onbekend' };
const NOT_STARTED: Phrase = { en: 'not yet started', nl: 'nog niet gestart' };
const RECORDED: Phrase = { en: 'recorded', nl: 'vastgelegd' };

export function kindLabel(kind: MedicationKind, locale: ZkLocale): string {
  return KIND_LABEL[kind][locale];
}

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
