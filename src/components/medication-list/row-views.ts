// What `<zk-medication-list>` derives from the records, each computed once per input and kept:
// the rows, their counts, the sorted view, the filtered rows, the virtualizer's items, and the
// filter text of every row, made in the background after the first paint. No DOM and no Lit: the
// element asks for what one render shows and gets the same arrays back while nothing changed.
import type { MedicationRecord } from '../../core/client.js';
import { today } from '../../model/date.js';
import type { ZkLocale } from '../../model/locale.js';
import {
  countRows, filterRows, groupRows, medicationRows, searchTextOf, sortRows, visibleRows,
  type MedicationGroup, type MedicationRow, type MedicationSort, type SortDirection,
} from '../../model/medication.js';

/** A body item of the virtualised table: a group header or a row. */
export type Item = { readonly group: MedicationGroup } | { readonly row: MedicationRow };

/** How the view is sorted and which rows it holds. */
export interface SortOptions {
  readonly showHistory: boolean;
  readonly sort: MedicationSort;
  readonly direction: SortDirection;
  readonly locale: ZkLocale;
}

/** How many rows' filter text one background step makes (a few ms at most, so typing is not held up). */
const FILTER_TEXT_STEP = 250;

export class RowViews {
  private rowsMemo: { records: MedicationRecord[]; locale: ZkLocale; day: string; rows: MedicationRow[] } | undefined;
  private countsMemo: { rows: readonly MedicationRow[]; counts: ReturnType<typeof countRows> } | undefined;
  private sortMemo: { rows: readonly MedicationRow[]; key: string; sorted: MedicationRow[] } | undefined;
  private filterMemo: { base: readonly MedicationRow[]; filter: string; shown: MedicationRow[] } | undefined;
  private itemsMemo: { rows: readonly MedicationRow[]; key: string; items: Item[] } | undefined;
  /** The rows whose filter text is being made in the background (see `prepareFilter`). */
  private filterPrepared: readonly MedicationRow[] | undefined;
  private filterTimer: ReturnType<typeof setTimeout> | undefined;

  /** Rows for the records, computed once per records, locale and day. */
  rows(records: MedicationRecord[], locale: ZkLocale): MedicationRow[] {
    const t = today();
    const day = `${t.year}-${t.month}-${t.day}`;
    const memo = this.rowsMemo;
    if (memo && memo.records === records && memo.locale === locale && memo.day === day) return memo.rows;
    const rows = medicationRows(records, { locale, today: t });
    this.rowsMemo = { records, locale, day, rows };
    return rows;
  }

  /** How many rows of each group there are, counted once per rows (not on every keystroke). */
  counts(rows: MedicationRow[]): ReturnType<typeof countRows> {
    if (this.countsMemo?.rows !== rows) this.countsMemo = { rows, counts: countRows(rows) };
    return this.countsMemo.counts;
  }

  /** The view's rows sorted, computed once per rows, view, sort and locale (filtering runs over this). */
  sorted(rows: MedicationRow[], options: SortOptions): MedicationRow[] {
    const key = `${options.showHistory}|${options.sort}|${options.direction}|${options.locale}`;
    const memo = this.sortMemo;
    if (memo && memo.rows === rows && memo.key === key) return memo.sorted;
    const sorted = sortRows(visibleRows(rows, options.showHistory), options.sort, options.direction, options.locale);
    this.sortMemo = { rows, key, sorted };
    return sorted;
  }

  /**
   * The sorted rows the filter matches, computed once per sorted rows and filter text: a render
   * for something else (the delayed live-region text) keeps the same array.
   */
  filtered(base: MedicationRow[], filter: string): MedicationRow[] {
    const memo = this.filterMemo;
    if (memo && memo.base === base && memo.filter === filter) return memo.shown;
    const shown = filterRows(base, filter);
    this.filterMemo = { base, filter, shown };
    return shown;
  }

  /**
   * The virtualizer's items (group headers and rows), made once per rows, grouping and locale: it
   * lays out the whole list again whenever it is given a new items array, even an equal one.
   */
  items(rows: readonly MedicationRow[], groupByStatus: boolean, locale: ZkLocale): Item[] {
    const key = `${groupByStatus}|${locale}`;
    const memo = this.itemsMemo;
    if (memo && memo.rows === rows && memo.key === key) return memo.items;
    const items: Item[] = groupByStatus
      ? groupRows(rows, locale).flatMap((group) => [{ group }, ...group.rows.map((row) => ({ row }))])
      : rows.map((row) => ({ row }));
    this.itemsMemo = { rows, key, items };
    return items;
  }

  /**
   * Makes the rows' filter text (`searchTextOf`) after the first paint, a step at a time between
   * frames: the rows show without waiting for it, and the first keystroke finds it ready (at 5,000
   * rows, making it all at once held that keystroke up for several frames). Nothing happens for
   * rows already being prepared.
   */
  prepareFilter(rows: readonly MedicationRow[]): void {
    if (rows === this.filterPrepared) return;
    clearTimeout(this.filterTimer);
    this.filterPrepared = rows;
    let next = 0;
    const step = () => {
      if (this.filterPrepared !== rows) return;
      const end = Math.min(rows.length, next + FILTER_TEXT_STEP);
      for (; next < end; next += 1) searchTextOf(rows[next]);
      if (next < rows.length) this.filterTimer = setTimeout(step, 0);
    };
    // After the frame that shows the rows.
    requestAnimationFrame(() => {
      if (this.filterPrepared === rows) this.filterTimer = setTimeout(step, 0);
    });
  }

  /** Stops the background work (the element left the page). */
  stop(): void {
    clearTimeout(this.filterTimer);
    this.filterPrepared = undefined;
  }
}
