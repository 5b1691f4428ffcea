// Render benchmark page: zorgkit's <zk-patient-banner> (with the allergy status) in a <zk-context>
// over a MemoryAdapter holding the fictional bench patient.
import '../../src/components/context/context.js';
import '../../src/components/patient-banner/patient-banner.js';
import { MemoryAdapter } from '../../src/adapters/memory.js';
import { BENCH_PATIENT_ID, benchBundle } from '../fixtures.mjs';
import { installHarness } from './harness.js';

const shown = (el: HTMLElement) => el.shadowRoot?.querySelector('[part~="name"]') != null && el.shadowRoot.querySelector('[aria-busy="true"]') == null;

installHarness({
  prepare() {
    const context = document.createElement('zk-context');
    context.adapter = new MemoryAdapter(benchBundle(0));
    const banner = document.createElement('zk-patient-banner');
    banner.setAttribute('patient-id', BENCH_PATIENT_ID);
    banner.toggleAttribute('show-allergies', true);
    context.append(banner);
    return context;
  },
  target: (el) => el.querySelector('zk-patient-banner'),
  hasRows: shown,
  failure: (el) => el.shadowRoot?.querySelector('[part~="error"]')?.textContent?.replace(/\s+/g, ' ').trim(),
  searchInput: () => null,
  rowCount: (el) => (shown(el) ? 1 : 0),
  shownCount: (el) => (shown(el) ? 1 : 0),
});
