import { css } from 'lit';

/**
 * Styles of `<zk-medication-list>`. Public `--zk-medication-list-*` properties fall back to the
 * shared tokens and are read once into private `--_zk-ml-*` properties.
 */
export const styles = css`
  :host {
    display: block;
    /* The layout follows the element's own width (a 400 px side panel = a phone), not the viewport. */
    container: zk-medication-list / inline-size;
    /* Its own background, so its text stays readable in dark mode on a page that is not. */
    background: var(--_zk-background);
    --_zk-ml-header-background: var(--zk-medication-list-header-background, var(--_zk-surface));
    --_zk-ml-row-border: var(--zk-medication-list-row-border-color, var(--_zk-border));
    --_zk-ml-name-color: var(--zk-medication-list-name-color, var(--_zk-accent));
    --_zk-ml-current-color: var(--zk-medication-list-current-color, var(--_zk-success));
    --_zk-ml-on-hold-color: var(--zk-medication-list-on-hold-color, var(--_zk-warning));
    --_zk-ml-history-color: var(--zk-medication-list-history-color, var(--_zk-muted));
    --_zk-ml-error-color: var(--zk-medication-list-error-color, var(--_zk-danger));
    --_zk-ml-warning-color: var(--zk-medication-list-warning-color, var(--_zk-warning));
    --_zk-ml-cell-padding: var(--zk-medication-list-cell-padding, calc(var(--_zk-space) * 0.75) var(--_zk-space));
    --_zk-ml-label-width: 7.5rem;
    --_zk-ml-columns: minmax(12rem, 2.2fr) minmax(6rem, 0.8fr) minmax(16rem, 3fr) minmax(8rem, 1fr) minmax(8rem, 1.1fr) minmax(8rem, 1fr);
  }

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--_zk-space) calc(var(--_zk-space) * 2);
    margin-block-end: var(--_zk-space);
  }
  .filter {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_zk-space) / 2);
    flex: 1 1 14rem;
    max-width: 24rem;
  }
  .filter label {
    font-weight: 600;
  }
  input[type='search'] {
    font: inherit;
    min-height: 24px;
    padding: calc(var(--_zk-space) / 2) var(--_zk-space);
    color: var(--_zk-text);
    background: var(--_zk-background);
    border: 1px solid var(--_zk-border);
    border-radius: var(--_zk-radius);
  }
  .check {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_zk-space) / 2);
    min-height: 24px;
    cursor: pointer;
  }
  .check input {
    width: 1.25rem;
    height: 1.25rem;
    min-width: 24px;
    min-height: 24px;
    margin: 0;
    accent-color: var(--_zk-accent);
  }

  .count {
    margin: 0 0 calc(var(--_zk-space) / 2);
    color: var(--_zk-muted);
  }

  /*
   * The table never scrolls sideways: below the width it needs it becomes cards (the container query
   * below). Not being a scroller, it is no Tab stop in any engine (Firefox makes every scroller one).
   */
  .caption,
  caption {
    text-align: start;
    font-weight: 600;
    padding-block: calc(var(--_zk-space) / 2);
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  th,
  td,
  .cell {
    text-align: start;
    vertical-align: top;
    padding: var(--_zk-ml-cell-padding);
    border-block-end: 1px solid var(--_zk-ml-row-border);
    /* Words stay whole (a column is never narrower than its longest word); only an overlong word breaks. */
    overflow-wrap: break-word;
  }
  thead th {
    white-space: nowrap;
  }
  thead th,
  .header .cell {
    background: var(--_zk-ml-header-background);
    font-weight: 600;
  }
  th.col-name {
    min-width: 12rem;
  }
  th.col-dosage {
    min-width: 16rem;
  }
  .row-name {
    font-weight: normal;
  }

  /* Virtualised (ARIA) table: rows are grids with the same columns as the header. */
  .virtual {
    min-width: 58rem;
  }
  .virtual .tr {
    display: grid;
    grid-template-columns: var(--_zk-ml-columns);
    width: 100%;
  }
  .virtual .group-row .cell {
    grid-column: 1 / -1;
  }

  .sort {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_zk-space) / 2);
    min-height: 24px;
    padding: 0;
    font: inherit;
    font-weight: 600;
    color: inherit;
    text-align: start;
    background: none;
    border: 0;
    cursor: pointer;
  }
  .sort-icon {
    display: inline-block;
    min-width: 1em;
    color: var(--_zk-muted);
  }
  [aria-sort] .sort-icon {
    color: inherit;
  }

  .name {
    display: inline-block;
    min-height: 24px;
    padding: 0;
    font: inherit;
    font-weight: 600;
    color: var(--_zk-ml-name-color);
    text-align: start;
    text-decoration: underline;
    text-underline-offset: 0.15em;
    white-space: normal;
    overflow-wrap: anywhere;
    background: none;
    border: 0;
    cursor: pointer;
  }

  .sources {
    display: block;
    margin-block-start: calc(var(--_zk-space) / 4);
    font-size: 0.875em;
    color: var(--_zk-muted);
  }

  .lines {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .lines li + li {
    margin-block-start: calc(var(--_zk-space) / 2);
  }
  .differs {
    margin: 0 0 calc(var(--_zk-space) / 2);
    font-weight: 600;
    color: var(--_zk-ml-warning-color);
  }
  .dosage-group + .dosage-group {
    margin-block-start: calc(var(--_zk-space) / 2);
  }
  .dosage-source,
  .status-source {
    display: block;
    font-size: 0.875em;
    color: var(--_zk-muted);
  }
  .status-sources {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .status-sources li + li {
    margin-block-start: calc(var(--_zk-space) / 2);
  }
  /* A value the records do not give ("Not recorded", "No dosage given"): a class on the row per cell. */
  .no-strength > .v-strength,
  .no-dosage > .v-dosage,
  .no-period > .v-period,
  .no-prescriber > .v-prescriber {
    color: var(--_zk-muted);
  }

  .status {
    font-weight: 600;
  }
  .status-current {
    color: var(--_zk-ml-current-color);
  }
  .status-on-hold {
    color: var(--_zk-ml-on-hold-color);
  }
  .status-history {
    color: var(--_zk-ml-history-color);
  }
  .status-error {
    color: var(--_zk-ml-error-color);
  }
  .status-see-record {
    color: var(--_zk-ml-warning-color);
  }
  .row-error > :first-child {
    box-shadow: inset 4px 0 0 var(--_zk-ml-error-color);
  }

  .group-row th,
  .group-row .cell {
    background: var(--_zk-ml-header-background);
    font-weight: 600;
  }

  /*
   * Stacked layout, below the width the table needs: each medication is a card (the name, then
   * every value after its column name), the sortable column headers are a row of sort buttons, and
   * nothing scrolls sideways. Only the display changes: the ARIA roles on the table's elements keep
   * the table, row, header and cell semantics screen readers announce, and the DOM (so the keyboard
   * order) stays the same.
   */
  @container zk-medication-list (max-width: 63.99rem) {
    table,
    thead,
    tbody,
    tr,
    th,
    td,
    caption {
      display: block;
    }
    .virtual {
      min-width: 0;
    }
    .virtual .tr {
      display: block;
      width: auto;
    }
    tr.header,
    .virtual .tr.header {
      display: flex;
      flex-wrap: wrap;
      gap: calc(var(--_zk-space) / 2) calc(var(--_zk-space) * 2);
      padding: calc(var(--_zk-space) / 2) var(--_zk-space);
      background: var(--_zk-ml-header-background);
      border-block-end: 1px solid var(--_zk-ml-row-border);
    }
    thead th,
    .header .cell {
      padding: 0;
      border: 0;
      white-space: normal;
    }
    th.col-name,
    th.col-dosage {
      min-width: 0;
    }
    /* Columns that do not sort are only column names here: shown on each card instead. */
    .header > .col-strength,
    .header > .col-dosage,
    .header > .col-prescriber {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0, 0, 0, 0);
      white-space: nowrap;
    }
    .row {
      padding: var(--_zk-space);
      border-block-end: 1px solid var(--_zk-ml-row-border);
    }
    .row > th,
    .row > td,
    .row > .cell {
      display: flow-root;
      padding: calc(var(--_zk-space) / 4) 0 calc(var(--_zk-space) / 4) var(--_zk-ml-label-width);
      border: 0;
    }
    .row > .row-name {
      padding-inline-start: 0;
      padding-block-end: calc(var(--_zk-space) / 2);
    }
    /* The column name before each value: its text is in the element's sheet per locale (adoptCellLabels). */
    .row > .v::before {
      display: block;
      float: inline-start;
      box-sizing: border-box;
      width: var(--_zk-ml-label-width);
      margin-inline-start: calc(-1 * var(--_zk-ml-label-width));
      padding-inline-end: var(--_zk-space);
      font-size: 0.875em;
      line-height: calc(1.4em / 0.875);
      color: var(--_zk-muted);
      overflow-wrap: anywhere;
    }
    .row-error > :first-child {
      box-shadow: none;
    }
    .row-error {
      box-shadow: inset 4px 0 0 var(--_zk-ml-error-color);
      padding-inline-start: calc(var(--_zk-space) + 4px);
    }
    .group-row th,
    .group-row .cell {
      padding: var(--_zk-ml-cell-padding);
    }
  }

  /* Very narrow: each column name on its own line above its value. */
  @container zk-medication-list (max-width: 19.99rem) {
    .row > td,
    .row > .cell {
      padding-inline-start: 0;
    }
    .row > .v::before {
      float: none;
      width: auto;
      margin-inline-start: 0;
    }
  }

  .empty-actions {
    margin-block-start: var(--_zk-space);
  }

  @media (forced-colors: active) {
    .name {
      color: LinkText;
    }
    .status-current,
    .status-on-hold,
    .status-history,
    .status-error,
    .status-see-record,
    .differs {
      color: CanvasText;
    }
    .row-error > :first-child {
      border-inline-start: 4px solid CanvasText;
      box-shadow: none;
    }
    @container zk-medication-list (max-width: 63.99rem) {
      .row-error > :first-child {
        border-inline-start: 0;
      }
      .row-error {
        border-inline-start: 4px solid CanvasText;
        box-shadow: none;
      }
    }
  }
`;
