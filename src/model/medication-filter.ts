import { INTL_TAG, type ZkLocale } from './locale.js';
import { nameCollator, type NameCollator } from './collate.js';
import type { MedicationRow } from './medication-row.js';
import { type MedicationRowStatus, type MedicationStatusGroup, STATUS_LABEL, STATUS_ORDER, compareDates } from './medication-status.js';

/** Filtering, sorting, counting and grouping the rows of a medication list. */

/** Normalises text for filtering: lower case, accents removed, any white space one space. */
export function searchable(text: string): string {
  // Plain ASCII (most text) has no accents to take off: NFD would change nothing.
  const base = NON_ASCII.test(text) ? text.normalize('NFD').replace(/\p{M}/gu, '') : text;
  return base.toLowerCase().replace(/\s+/g, ' ');
}
const NON_ASCII = /[^ -~\t\n\r]/;

const searchTexts = new WeakMap<MedicationRow, string>();

/**
 * The row's text for filtering: everything it shows (name, strength, every dosage line, statuses,
 * sources, period, prescriber), `searchable`. Made for a row the first time a filter looks at it
 * and kept: a list that is never filtered never pays for it, and its first paint does not wait for it.
 */
export function searchTextOf(row: MedicationRow): string {
  let text = searchTexts.get(row);
  if (text === undefined) {
    const parts = [row.name, row.strength];
    for (const group of row.dosage) parts.push(...group.lines);
    parts.push(row.statusText);
    for (const group of row.statusBySource) parts.push(group.statusText);
    parts.push(row.kindText, row.periodText, row.prescriber);
    text = searchable(parts.filter(Boolean).join(' '));
    searchTexts.set(row, text);
  }
  return text;
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
  // No filter (every first paint): no text to normalise, so none of its expressions run.
  if (!query?.trim()) return [...rows];
  const words = searchable(query).trim().split(' ').filter(Boolean);
  if (!words.length) return [...rows];
  // Runs on every keystroke over every row: plain loops, no callbacks.
  const out: MedicationRow[] = [];
  for (const row of rows) {
    const text = searchTextOf(row);
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

const collators = new Map<ZkLocale, NameCollator>();
function collator(locale: ZkLocale): NameCollator {
  let c = collators.get(locale);
  if (!c) {
    // ASCII and Latin names without ICU: the first Intl.Collator of a page was a short list's largest cost.
    c = nameCollator(INTL_TAG[locale]);
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
