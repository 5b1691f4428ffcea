import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import type { MedicationRecord, UtilityClient } from '../../core/client.js';
import {
  groupRows, statusTone, type MedicationGroup, type MedicationRow, type MedicationSort, type SortDirection,
} from '../../model/medication.js';
import { ZkMedicationSelectEvent } from '../../events/medication-select.js';
import { NO_PATIENT, ZkElement, resolvePatientId } from '../shared/zk-element.js';
import { renderEmpty, renderError, renderLoading, renderNoClient, renderNoPatient, renderSafely } from '../shared/states.js';
import { breakable } from '../shared/breakable.js';
import { lazyModule } from '../shared/lazy.js';
import { sharedStyles } from '../shared/shared.styles.js';
import { styles } from './medication-list.styles.js';
import { RowViews, type Item } from './row-views.js';
import { adoptCellLabels } from './cell-labels.js';
import { addDutch } from '../../i18n/locale.js';
import { templates as nl } from '../../i18n/nl/medication-list.js';

addDutch(nl);

const NO_CLIENT = Symbol('no-client');

interface Loaded {
  readonly client: UtilityClient;
  readonly patientAttr: string | undefined;
  readonly records: MedicationRecord[];
}

type ColumnId = 'name' | 'strength' | 'dosage' | 'status' | 'period' | 'prescriber';
const COLUMNS: readonly ColumnId[] = ['name', 'strength', 'dosage', 'status', 'period', 'prescriber'];
const SORT_OF: Partial<Record<ColumnId, MedicationSort>> = { name: 'name', status: 'status', period: 'start' };
const SORTS: readonly MedicationSort[] = ['name', 'start', 'status'];

type VirtualBody = typeof import('./virtual-body.js').virtualBody;

/**
 * The virtualised body (./virtual-body.ts), loaded for the first list longer than its threshold; if
 * it cannot be loaded the list shows every row in the native table: slower, nothing lost.
 */
const virtualBody = lazyModule(() => import('./virtual-body.js'));

/** How long the result count waits for typing to pause before it is announced. */
const ANNOUNCE_DELAY_MS = 300;

/** What one render shows, computed once per render from the memoised rows. */
interface View {
  /** Every row (current, history, entered-in-error). */
  readonly all: readonly MedicationRow[];
  /** The rows of the current view (current only, or all with history), sorted. */
  readonly base: readonly MedicationRow[];
  /** `base` after the filter. */
  readonly shown: readonly MedicationRow[];
  /** Rows outside the current view: history and entered-in-error. */
  readonly earlier: number;
}

/**
 * The patient's medication, answering "what does the patient take now, and how?" first: one row
 * per current medication (the same coded medication from a medication agreement, a dispense
 * request and a medication use is one row listing its sources under the name), with the name in
 * full, strength, a dosage text generated from the structured dosage, status, period and prescriber. The
 * history (stopped, completed, cancelled, ended, entered-in-error) is one toggle away. Filter as
 * you type; sort by name, start date or status; group by status.
 *
 * A merged row's status is the prescriber's decision (the newest medication agreement's); when its
 * sources give different statuses or dosages, the row says so and shows each with its sources. A
 * period that has not started yet says "not yet started", and a record with a modifier extension
 * this list does not understand shows "See the record" (see `medicationRows` for the rules).
 *
 * A native `<table>` with column headers, a row header (the name) per row and `aria-sort` on the
 * sorted column; the result count is announced politely. Above `virtualize-threshold` rows the body
 * is virtualised (`@lit-labs/virtualizer`) and the table is an ARIA table (`role="table"`,
 * `aria-rowcount`, `aria-rowindex`) so that 1,000+ rows stay smooth.
 *
 * The layout follows the element's own width (a container query): below 64rem each row is a card
 * (the name, then each value after its column name) and the sortable headers are a row of sort
 * buttons, so nothing scrolls sideways down to 320 CSS px. Only CSS changes: the table's elements
 * carry explicit ARIA roles, so screen readers still get a table, and the Tab order is the same.
 *
 * Reads through the UtilityClient only (`getMedications`), and reloads when medication changes
 * through the client. Renders in Dutch or English (follows `<html lang>` or `<zk-context locale>`).
 *
 * @tagname zk-medication-list
 * @summary The patient's current medication, with the full history one step away.
 *
 * @fires {ZkMedicationSelectEvent} zk-medication-select - The user chose a medication (click, Enter or Space on its name). `detail.resource` is the resource that speaks for the row, `detail.row` the row with all its sources.
 *
 * @csspart toolbar - The bar with the filter and the toggles.
 * @csspart filter - The filter `<input type="search">`.
 * @csspart history-toggle - The "Include history" checkbox.
 * @csspart group-toggle - The "Group by status" checkbox.
 * @csspart count - The visible result count ("10 current medications shown").
 * @csspart caption - The table's caption.
 * @csspart table - The table (`<table>`, or the `role="table"` element when virtualised).
 * @csspart sort-button - The sort button in a sortable column header.
 * @csspart group-header - The header row of a status group.
 * @csspart row - One medication row.
 * @csspart name - The medication name (a button that fires `zk-medication-select`).
 * @csspart strength - The strength cell.
 * @csspart dosage - The dosage cell.
 * @csspart status - The status text (also `status-current`, `status-history`, `status-error`: what the status itself says, so "See the record" is `status-history` even in a current row).
 * @csspart period - The period cell.
 * @csspart prescriber - The prescriber cell.
 * @csspart source - The sources under the name ("Medication agreement, Medication use").
 * @csspart show-history-button - "Show history" in the "No current medication" state.
 * @csspart clear-filter-button - "Clear filter" when the filter matches nothing.
 * @csspart state - The shared loading / error / empty / no-patient boxes (also `loading`, `error`, `empty`, `no-patient`, `no-client`, `retry-button`).
 *
 * @cssprop --zk-medication-list-header-background - Background of column and group headers (default `--zk-color-surface`).
 * @cssprop --zk-medication-list-row-border-color - Line between rows (default `--zk-color-border`).
 * @cssprop --zk-medication-list-name-color - Colour of the medication name (default `--zk-color-accent`).
 * @cssprop --zk-medication-list-current-color - Colour of a current status (default `--zk-color-success`).
 * @cssprop --zk-medication-list-on-hold-color - Colour of "On hold": paused, not stopped (default `--zk-color-warning`).
 * @cssprop --zk-medication-list-history-color - Colour of a history status (default `--zk-color-text-muted`).
 * @cssprop --zk-medication-list-error-color - Colour of "Entered in error" and its row marker (default `--zk-color-danger`).
 * @cssprop --zk-medication-list-warning-color - Colour of "The sources give different dosages" / "… statuses" and of "See the record" (default `--zk-color-warning`).
 * @cssprop --zk-medication-list-cell-padding - Padding of every cell.
 * @cssprop --zk-color-text - Text colour (shared token; also `--zk-color-*`, `--zk-font-*`, `--zk-space`, `--zk-radius`).
 */
export class ZkMedicationList extends ZkElement {
  static override styles = [sharedStyles, styles];

  /** The announced result count (polite live region), set after typing pauses. */
  @state() private announcement = '';
  @state() private reloadCount = 0;

  /** The patient whose medication to show. Without it, the launch context's patient. */
  @property({ attribute: 'patient-id' }) patientId: string | undefined;

  /** Whether history (stopped, completed, cancelled, ended, entered in error) is shown with the current medication. */
  @property({ type: Boolean, attribute: 'show-history', reflect: true }) showHistory = false;

  /** Whether rows are grouped by status (current statuses first). */
  @property({ type: Boolean, attribute: 'group-by-status', reflect: true }) groupByStatus = false;

  /** The sort column: `name`, `start` (start date) or `status`. */
  @property({ reflect: true }) sort: MedicationSort = 'name';

  /** `ascending` or `descending`. */
  @property({ attribute: 'sort-direction', reflect: true }) sortDirection: SortDirection = 'ascending';

  /** Filter text: rows whose text contains every word (case and accents ignored). */
  @property() filter = '';

  /** Above this many shown rows the table body is virtualised. */
  @property({ type: Number, attribute: 'virtualize-threshold' }) virtualizeThreshold = 100;

  private readonly medicationsTask = new Task(this, {
    task: async ([client, patientAttr], { signal }): Promise<Loaded | typeof NO_CLIENT | typeof NO_PATIENT> => {
      if (!client) return NO_CLIENT;
      const patientId = await resolvePatientId(client, patientAttr);
      signal.throwIfAborted();
      if (patientId === NO_PATIENT) return NO_PATIENT;
      const records = await client.getMedications(patientId, { signal });
      // A long list shows at once as the virtualised table, not first as a skeleton in its place.
      if (records.length > this.virtualizeThreshold) await virtualBody.load();
      const loaded = { client, patientAttr, records };
      this.#lastLoaded = loaded;
      return loaded;
    },
    args: () => [this.client, this.patientId, this.reloadCount] as const,
  });

  #lastLoaded: Loaded | undefined;
  /** The rows, sorted, filtered and grouped views of the loaded records, each made once per input. */
  readonly #views = new RowViews();
  #currentView: View | undefined;
  #labelSheet: CSSStyleSheet | undefined;
  #pendingAnnouncement: string | undefined;
  #scheduledAnnouncement: string | undefined;
  #announceTimer: ReturnType<typeof setTimeout> | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#announceTimer);
    this.#scheduledAnnouncement = undefined;
    this.#views.stop();
  }

  override willUpdate(changed: PropertyValues<this>): void {
    this.#labelSheet = adoptCellLabels(this.shadowRoot, this.#labelSheet, this.locale, (column) => this.#columnLabel(column));
    if (changed.has('sort') && !SORTS.includes(this.sort)) this.sort = 'name';
    if (changed.has('sortDirection') && this.sortDirection !== 'descending') this.sortDirection = 'ascending';
  }

  override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const all = this.#currentView?.all;
    if (all) this.#views.prepareFilter(all);
    const target = this.#pendingAnnouncement;
    if (target === undefined || target === this.announcement || target === this.#scheduledAnnouncement) return;
    clearTimeout(this.#announceTimer);
    this.#scheduledAnnouncement = target;
    this.#announceTimer = setTimeout(() => {
      this.#scheduledAnnouncement = undefined;
      this.announcement = target;
    }, ANNOUNCE_DELAY_MS);
  }

  /** Reloads when a MedicationRequest or MedicationStatement changes through this client. */
  protected override get followedTypes(): readonly string[] {
    return ['MedicationRequest', 'MedicationStatement'];
  }

  protected override dataChanged(): void {
    this.reloadCount += 1;
  }

  #select(row: MedicationRow): void {
    const event = new ZkMedicationSelectEvent(row);
    this.dispatchEvent(event);
  }

  readonly #onFilterInput = (event: Event): void => {
    this.filter = (event.target as HTMLInputElement).value;
  };

  readonly #onHistoryToggle = (event: Event): void => {
    this.showHistory = (event.target as HTMLInputElement).checked;
  };

  readonly #onGroupToggle = (event: Event): void => {
    this.groupByStatus = (event.target as HTMLInputElement).checked;
  };

  #toggleSort(sort: MedicationSort): void {
    if (this.sort === sort) this.sortDirection = this.sortDirection === 'ascending' ? 'descending' : 'ascending';
    else {
      this.sort = sort;
      this.sortDirection = 'ascending';
    }
  }

  #columnLabel(column: ColumnId): string {
    switch (column) {
      case 'name': return msg('Medication', { id: 'medication-list.col-name' });
      case 'strength': return msg('Strength', { id: 'medication-list.col-strength' });
      case 'dosage': return msg('Dosage', { id: 'medication-list.col-dosage' });
      case 'status': return msg('Status', { id: 'medication-list.col-status' });
      case 'period': return msg('Period', { id: 'medication-list.col-period' });
      case 'prescriber': return msg('Prescriber', { id: 'medication-list.col-prescriber' });
    }
  }

  /** "10 current medications shown", "3 of 75 medications shown". */
  #countText(view: View): string {
    const shown = view.shown.length;
    const total = view.base.length;
    if (shown !== total) return msg(str`${shown} of ${total} medications shown`, { id: 'medication-list.count-filtered' });
    if (this.showHistory) {
      return shown === 1
        ? msg('1 medication shown, including history', { id: 'medication-list.count-all-one' })
        : msg(str`${shown} medications shown, including history`, { id: 'medication-list.count-all' });
    }
    return shown === 1
      ? msg('1 current medication shown', { id: 'medication-list.count-current-one' })
      : msg(str`${shown} current medications shown`, { id: 'medication-list.count-current' });
  }

  #sortText(): string {
    const column = COLUMNS.find((c) => SORT_OF[c] === this.sort) ?? 'name';
    const direction = this.sortDirection === 'descending'
      ? msg('descending', { id: 'medication-list.descending' })
      : msg('ascending', { id: 'medication-list.ascending' });
    return msg(str`Sorted by ${this.#columnLabel(column)}, ${direction}.`, { id: 'medication-list.sorted' });
  }

  /**
   * The filter and the toggles. Their DOM values change only through their own events, which set
   * the bound properties at once, so plain property bindings stay in step (no `live()` needed).
   */
  protected renderToolbar(): TemplateResult {
    const earlier = this.#currentView?.earlier ?? 0;
    return html`<div class="toolbar" part="toolbar">
      <div class="filter">
        <label for="filter">${msg('Filter medication', { id: 'medication-list.filter-label' })}</label>
        <input id="filter" type="search" part="filter" autocomplete="off" spellcheck="false"
          .value=${this.filter} @input=${this.#onFilterInput}>
      </div>
      <label class="check">
        <input type="checkbox" part="history-toggle" .checked=${this.showHistory} @change=${this.#onHistoryToggle}>
        ${msg(str`Include history (${earlier})`, { id: 'medication-list.history-toggle' })}
      </label>
      <label class="check">
        <input type="checkbox" part="group-toggle" .checked=${this.groupByStatus} @change=${this.#onGroupToggle}>
        ${msg('Group by status', { id: 'medication-list.group-toggle' })}
      </label>
    </div>`;
  }

  /** A column header; sortable columns hold a button, and only the sorted one has `aria-sort`. */
  #renderHeader(column: ColumnId, virtual: boolean): TemplateResult {
    const sort = SORT_OF[column];
    const sorted = sort !== undefined && sort === this.sort;
    const ariaSort = sorted ? this.sortDirection : nothing;
    const label = this.#columnLabel(column);
    const content = sort
      ? html`<button type="button" class="sort" part="sort-button" @click=${() => this.#toggleSort(sort)}>
          ${label}<span class="sort-icon" aria-hidden="true">${sorted ? (this.sortDirection === 'ascending' ? '▲' : '▼') : '↕'}</span>
        </button>`
      : label;
    return virtual
      ? html`<div role="columnheader" class="cell col-${column}" aria-sort=${ariaSort}>${content}</div>`
      : html`<th role="columnheader" scope="col" class="col-${column}" aria-sort=${ariaSort}>${content}</th>`;
  }

  /**
   * The dosage lines; every distinct dosage with its sources when merged sources disagree. A single
   * line (most rows) is the cell's text itself, no list around it.
   */
  protected renderDosage(row: MedicationRow): string | TemplateResult | TemplateResult[] {
    if (!row.dosage.length) return msg('No dosage given', { id: 'medication-list.no-dosage' });
    if (!row.dosageDiffers && row.dosageText.length === 1) return breakable(row.dosageText[0]);
    const lines = (items: readonly string[]) => html`<ul class="lines">${items.map((line) => html`<li>${breakable(line)}</li>`)}</ul>`;
    if (!row.dosageDiffers) return lines(row.dosageText);
    return html`<p class="differs"><span aria-hidden="true">⚠ </span>${msg('The sources give different dosages', { id: 'medication-list.dosage-differs' })}</p>
      ${row.dosage.map((group) => html`<div class="dosage-group"><span class="dosage-source">${group.label}</span>${lines(group.lines)}</div>`)}`;
  }

  /**
   * What follows the status when merged sources disagree: the warning and every distinct status
   * with its sources (the status itself is in the row's template).
   */
  protected renderStatusSources(row: MedicationRow): TemplateResult | typeof nothing {
    if (!row.statusDiffers) return nothing;
    return html`<p class="differs"><span aria-hidden="true">⚠ </span>${msg('The sources give different statuses', { id: 'medication-list.status-differs' })}</p>
      <ul class="status-sources">${row.statusBySource.map((group) => html`<li><span class="status-source">${group.label}</span>${group.statusText}</li>`)}</ul>`;
  }

  /**
   * One medication row: the row header (the name, a button that selects the row, and the sources
   * under it), then the other cells. With `rowIndex` (virtualised) the row is an ARIA row with
   * `aria-rowindex`. One template per row (not one per cell): rows are made while scrolling and
   * filtering, and every template instance costs.
   */
  protected renderRow(row: MedicationRow, rowIndex?: number): TemplateResult {
    const select = () => this.#select(row);
    // "Not recorded" / "No dosage given": the same words for eyes and ears, muted by a class on the
    // row (`no-strength` …) rather than an element in each such cell, which took a template and an
    // element per cell to make and lay out.
    const notRecorded = msg('Not recorded', { id: 'medication-list.not-recorded' });
    const missing = (row.strength === undefined ? ' no-strength' : '') + (row.dosage.length ? '' : ' no-dosage')
      + (row.periodText ? '' : ' no-period') + (row.prescriber === undefined ? ' no-prescriber' : '');
    const rowClass = `row row-${row.statusGroup}${missing}`;
    const strength = row.strength ?? notRecorded;
    const dosage = this.renderDosage(row);
    const tone = statusTone(row.status);
    const statusClass = `status status-${tone} status-${row.status}`;
    const statusPart = `status status-${tone}`;
    const statusSources = this.renderStatusSources(row);
    const period = row.periodText || notRecorded;
    const prescriber = row.prescriber ?? notRecorded;
    if (rowIndex === undefined) {
      return html`<tr role="row" class=${rowClass} part="row" data-key=${row.key}>
        <th role="rowheader" scope="row" class="row-name"><button type="button" class="name" part="name" @click=${select}>${breakable(row.name)}</button>
          <span class="sources" part="source">${row.kindText}</span></th>
        <td role="cell" part="strength" class="v v-strength">${strength}</td>
        <td role="cell" part="dosage" class="v v-dosage">${dosage}</td>
        <td role="cell" class="v v-status"><span class=${statusClass} part=${statusPart}>${row.statusText}</span>${statusSources}</td>
        <td role="cell" part="period" class="v v-period">${period}</td>
        <td role="cell" part="prescriber" class="v v-prescriber">${prescriber}</td>
      </tr>`;
    }
    return html`<div role="row" class="tr ${rowClass}" part="row" data-key=${row.key} aria-rowindex=${rowIndex}>
      <div role="rowheader" class="cell row-name"><button type="button" class="name" part="name" @click=${select}>${breakable(row.name)}</button>
        <span class="sources" part="source">${row.kindText}</span></div>
      <div role="cell" class="cell v v-strength" part="strength">${strength}</div>
      <div role="cell" class="cell v v-dosage" part="dosage">${dosage}</div>
      <div role="cell" class="cell v v-status"><span class=${statusClass} part=${statusPart}>${row.statusText}</span>${statusSources}</div>
      <div role="cell" class="cell v v-period" part="period">${period}</div>
      <div role="cell" class="cell v v-prescriber" part="prescriber">${prescriber}</div>
    </div>`;
  }

  #renderGroupHeader(group: MedicationGroup, rowIndex?: number): TemplateResult {
    const text = `${group.label} (${group.rows.length})`;
    if (rowIndex === undefined) {
      return html`<tr role="row" class="group-row" part="group-header" data-key="group:${group.status}"><th role="rowheader" scope="rowgroup" colspan=${COLUMNS.length}>${text}</th></tr>`;
    }
    return html`<div role="row" class="tr group-row" part="group-header" data-key="group:${group.status}" aria-rowindex=${rowIndex}>
      <div role="rowheader" class="cell" aria-colspan=${COLUMNS.length}>${text}</div>
    </div>`;
  }

  #caption(): string {
    return this.showHistory
      ? msg('Medication, including history', { id: 'medication-list.caption-all' })
      : msg('Current medication', { id: 'medication-list.caption-current' });
  }

  /** The table of `rows`: native below `virtualize-threshold`, virtualised ARIA table above it. */
  protected renderTable(rows: readonly MedicationRow[]): TemplateResult {
    if (rows.length > this.virtualizeThreshold) {
      const loaded = virtualBody.module;
      if (loaded) return this.#renderVirtualTable(rows, loaded.virtualBody);
      if (loaded === undefined) {
        void virtualBody.load().then(() => this.requestUpdate());
        return renderLoading(msg('Loading medication', { id: 'medication-list.loading' }));
      }
    }
    const groups = this.groupByStatus ? groupRows(rows, this.locale) : undefined;
    return html`<div class="scroll">
      <table part="table" role="table">
        <caption part="caption">${this.#caption()}</caption>
        <thead><tr role="row" class="header">${COLUMNS.map((c) => this.#renderHeader(c, false))}</tr></thead>
        ${groups
          ? groups.map((g) => html`<tbody>${this.#renderGroupHeader(g)}${g.rows.map((r) => this.renderRow(r))}</tbody>`)
          : html`<tbody>${rows.map((r) => this.renderRow(r))}</tbody>`}
      </table>
    </div>`;
  }

  #renderVirtualTable(rows: readonly MedicationRow[], body: VirtualBody): TemplateResult {
    const items = this.#views.items(rows, this.groupByStatus, this.locale);
    return html`<div class="scroll">
      <div class="caption" id="caption" part="caption">${this.#caption()}</div>
      <div class="virtual" part="table" role="table" aria-labelledby="caption" aria-rowcount=${items.length + 1}>
        <div role="rowgroup"><div role="row" class="tr header" aria-rowindex="1">${COLUMNS.map((c) => this.#renderHeader(c, true))}</div></div>
        <div role="rowgroup" class="body">
          <div virtualizer-sizer aria-hidden="true"></div>
          ${body<Item>(
            items,
            (item) => ('row' in item ? item.row.key : `group:${item.group.status}`),
            (item, index) => ('row' in item ? this.renderRow(item.row, index + 2) : this.#renderGroupHeader(item.group, index + 2)),
          )}
        </div>
      </div>
    </div>`;
  }

  #renderLoaded(loaded: Loaded): TemplateResult {
    const all = this.#views.rows(loaded.records, this.locale);
    if (!all.length) {
      this.#pendingAnnouncement = undefined;
      return renderEmpty(msg('No medication recorded.', { id: 'medication-list.empty' }));
    }
    const counts = this.#views.counts(all);
    const base = this.#views.sorted(all, { showHistory: this.showHistory, sort: this.sort, direction: this.sortDirection, locale: this.locale });
    const shown = this.#views.filtered(base, this.filter);
    const view: View = { all, base, shown, earlier: counts.history + counts.error };
    this.#currentView = view;
    const count = this.#countText(view);
    this.#pendingAnnouncement = `${count}. ${this.#sortText()}`;
    let body: TemplateResult;
    if (!base.length) body = this.#renderNoCurrent(view);
    else if (!shown.length) body = this.#renderNoMatch();
    else body = this.renderTable(shown);
    return html`${this.renderToolbar()}
      <p class="count" part="count">${count}</p>
      <div class="zk-visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
      ${body}`;
  }

  #renderNoCurrent(view: View): TemplateResult {
    const earlier = view.earlier;
    return html`<div class="zk-state zk-empty" part="state empty">
      <p>${msg('No current medication.', { id: 'medication-list.empty-current' })}</p>
      ${earlier > 0
        ? html`<p>${earlier === 1
            ? msg('1 earlier medication is in the history.', { id: 'medication-list.history-hint-one' })
            : msg(str`${earlier} earlier medications are in the history.`, { id: 'medication-list.history-hint' })}</p>
          <button type="button" class="zk-button zk-secondary" part="show-history-button" @click=${() => { this.showHistory = true; }}>
            ${msg('Show history', { id: 'medication-list.show-history-button' })}
          </button>`
        : nothing}
    </div>`;
  }

  #renderNoMatch(): TemplateResult {
    const query = this.filter.trim();
    return html`<div class="zk-state zk-empty" part="state empty">
      <p>${msg(str`No medication matches “${query}”.`, { id: 'medication-list.no-match' })}</p>
      <button type="button" class="zk-button zk-secondary" part="clear-filter-button" @click=${() => { this.filter = ''; }}>
        ${msg('Clear filter', { id: 'medication-list.clear-filter' })}
      </button>
    </div>`;
  }

  #renderResult(result: Loaded | typeof NO_CLIENT | typeof NO_PATIENT): TemplateResult {
    if (result === NO_CLIENT) return renderNoClient();
    if (result === NO_PATIENT) return renderNoPatient();
    return this.#renderLoaded(result);
  }

  #renderPending(): TemplateResult {
    // A reload of the same patient keeps the list on screen; anything else shows the skeleton.
    const last = this.#lastLoaded;
    if (last && last.client === this.client && last.patientAttr === this.patientId) return this.#renderLoaded(last);
    this.#pendingAnnouncement = undefined;
    return renderLoading(msg('Loading medication', { id: 'medication-list.loading' }));
  }

  override render() {
    return this.medicationsTask.render({
      initial: () => this.#renderPending(),
      pending: () => this.#renderPending(),
      complete: (result) => renderSafely(() => this.#renderResult(result), msg('The medication could not be loaded.', { id: 'medication-list.error' }), () => {
        void this.medicationsTask.run();
      }),
      error: (error) => {
        this.#pendingAnnouncement = undefined;
        return renderError(msg('The medication could not be loaded.', { id: 'medication-list.error' }), error, () => {
          void this.medicationsTask.run();
        });
      },
    });
  }
}
