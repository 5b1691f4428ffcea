// Render benchmark page: zorgkit's <zk-medication-list> in a <zk-context> over a MemoryAdapter
// holding the same fictional rows as the floor page. `show-history` is on, so the list shows every
// row, as the floor does (by default it shows current medication only).
import '../../src/components/context/context.js';
import '../../src/components/medication-list/medication-list.js';
import { MemoryAdapter } from '../../src/adapters/memory.js';
import { UtilityClient } from '../../src/core/client.js';
import { BENCH_PATIENT_ID, benchBundle } from '../fixtures.mjs';
import { deepQueryAll, installHarness } from './harness.js';

/** A rendered medication row (native table row or virtualised ARIA row). */
const ROW = '[part~="row"]';
const rowsOf = (el: HTMLElement): Element[] => (el.shadowRoot ? deepQueryAll(el.shadowRoot, ROW) : []);

installHarness({
  prepare(n) {
    const context = document.createElement('zk-context');
    // The client's default cap (20 pages of 100) keeps a longer list from showing incomplete: the
    // 5,000-row case needs 50 pages, so the cap is raised; page size stays the default.
    context.client = new UtilityClient(new MemoryAdapter(benchBundle(n)), { maxPages: 100 });
    const list = document.createElement('zk-medication-list');
    list.setAttribute('patient-id', BENCH_PATIENT_ID);
    list.toggleAttribute('show-history', true);
    context.append(list);
    return context;
  },
  target: (el) => el.querySelector('zk-medication-list'),
  hasRows: (el) => {
    const root = el.shadowRoot;
    if (!root || root.querySelector('[aria-busy="true"]')) return false;
    return rowsOf(el).length > 0;
  },
  failure: (el) => el.shadowRoot?.querySelector('[part~="error"]')?.textContent?.replace(/\s+/g, ' ').trim(),
  searchInput: (el) => el.shadowRoot?.querySelector<HTMLInputElement>('input[type="search"]') ?? null,
  rowCount: (el) => rowsOf(el).length,
  // "188 of 1000 medications shown" / "1000 medications shown, including history": the first number.
  shownCount: (el) => Number(/\d[\d.,\s]*/.exec(el.shadowRoot?.querySelector('[part~="count"]')?.textContent ?? '')?.[0]?.replace(/[^\d]/g, '') ?? NaN),
});
