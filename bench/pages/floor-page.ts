// Render benchmark page: the floor (plain Lit, bench/floor.ts) over the same fictional rows.
// Its data source is the rows as JSON text (what a server would send); inserting parses it and
// hands the resources to the element, as a plain Lit app would after a fetch. The zorgkit page's
// data source is a MemoryAdapter, which also hands out copies: both pay for the data once.
import { defineFloorElements, type BenchFloorList } from '../floor.js';
import { medicationRequests } from '../fixtures.mjs';
import { installHarness } from './harness.js';

defineFloorElements();

let source = '';

installHarness({
  prepare(n) {
    source = JSON.stringify(medicationRequests(n));
    return document.createElement('bench-floor-list');
  },
  insert(el, container) {
    (el as BenchFloorList).resources = JSON.parse(source) as BenchFloorList['resources'];
    container.append(el);
  },
  target: (el) => el,
  hasRows: (el) => (el.shadowRoot?.querySelectorAll('tbody tr').length ?? 0) > 0,
  searchInput: (el) => el.shadowRoot?.querySelector('input') ?? null,
  rowCount: (el) => el.shadowRoot?.querySelectorAll('tbody tr').length ?? 0,
  shownCount: (el) => el.shadowRoot?.querySelectorAll('tbody tr').length ?? 0,
});
