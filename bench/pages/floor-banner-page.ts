// Render benchmark page: the banner's floor (plain Lit) showing the fictional bench patient.
import { defineFloorElements, type BenchFloorBanner } from '../floor.js';
import { benchPatient } from '../fixtures.mjs';
import { installHarness } from './harness.js';

defineFloorElements();

let source = '';

installHarness({
  prepare() {
    source = JSON.stringify(benchPatient());
    return document.createElement('bench-floor-banner');
  },
  insert(el, container) {
    (el as BenchFloorBanner).patient = JSON.parse(source) as BenchFloorBanner['patient'];
    container.append(el);
  },
  target: (el) => el,
  hasRows: (el) => el.shadowRoot?.querySelector('.name') != null,
  searchInput: () => null,
  rowCount: (el) => (el.shadowRoot?.querySelector('.name') ? 1 : 0),
  shownCount: (el) => (el.shadowRoot?.querySelector('.name') ? 1 : 0),
});
