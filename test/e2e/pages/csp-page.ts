// One zorgkit component in one reachable state, for the strict-CSP end-to-end test
// (test/e2e/csp.test.mjs). The page is served by scripts/serve.mjs with the strict policy; the
// query names the component and the state: `?component=banner|medication|consent&state=…`.
// When the state is on screen, `window.__zkReady` is `true` (or a sentence saying what went
// wrong) and `window.__zkResult` describes what was rendered.
import '../../../src/components/context/context.js';
import '../../../src/components/patient-banner/patient-banner.js';
import '../../../src/components/medication-list/medication-list.js';
import '../../../src/components/consent-dialog/consent-dialog.js';
import { MemoryAdapter } from '../../../src/adapters/memory.js';
import type { Adapter } from '../../../src/core/adapter.js';
import { ServerError } from '../../../src/core/errors.js';
import type { Consent, MedicationRequest, Patient, Resource } from '../../../src/core/fhir.js';
import type { ZkConsentDialog } from '../../../src/components/consent-dialog/consent-dialog.component.js';
import type { ZkMedicationList } from '../../../src/components/medication-list/medication-list.component.js';

declare global {
  interface Window {
    __zkReady?: true | string;
    __zkResult?: { parts: string[]; text: string; styled: boolean };
  }
}

const params = new URLSearchParams(location.search);
const component = params.get('component') ?? 'banner';
const state = params.get('state') ?? 'loaded';
const main = document.getElementById('main')!;

// ---------------------------------------------------------------------------------------------
// Fictional data

const patient: Patient = {
  resourceType: 'Patient', id: 'p1',
  name: [{ use: 'official', family: 'Jansen', given: ['Anna', 'Maria'], prefix: ['Mevr.'] }, { use: 'usual', given: ['Anja'] }],
  gender: 'female', birthDate: '1961-03-14',
  identifier: [{ system: 'http://fhir.nl/fhir/NamingSystem/bsn', value: '123456782' }, { system: 'http://example.org/mrn', value: 'MRN-77', type: { text: 'Patient number' } }],
  telecom: [{ system: 'phone', value: '06 1234 0001', use: 'mobile' }, { system: 'email', value: 'anna@example.org' }],
  address: [{ use: 'home', line: ['Dorpsstraat 1'], postalCode: '1234 AB', city: 'Testdorp' }],
};

function medication(i: number, status: MedicationRequest['status'] = 'active'): MedicationRequest {
  return {
    resourceType: 'MedicationRequest', id: `mr${i}`, status, intent: 'order', subject: { reference: 'Patient/p1' },
    medicationCodeableConcept: { text: `Medicine ${String(i).padStart(3, '0')} 500 mg tablet` },
    authoredOn: '2025-01-01', requester: { display: 'Dr. De Vries' },
    dosageInstruction: [{ timing: { repeat: { frequency: 2, period: 1, periodUnit: 'd' } }, doseAndRate: [{ doseQuantity: { value: 1, unit: 'tablet' } }] }],
  };
}

function consent(id: string, type: 'permit' | 'deny'): Consent {
  return {
    resourceType: 'Consent', id, status: 'active', meta: { versionId: '1' },
    scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'patient-privacy' }] },
    category: [{ coding: [{ system: 'http://loinc.org', code: '59284-0' }] }], patient: { reference: 'Patient/p1' },
    dateTime: '2025-02-01T10:00:00+01:00', performer: [{ reference: 'Patient/p1' }],
    provision: { type, period: { start: '2025-02-01', end: '2099-12-31' }, actor: [{ role: { text: 'recipient' }, reference: { display: 'Apotheek West' } }] },
  };
}

const allergy: Resource = {
  resourceType: 'AllergyIntolerance', id: 'a1', patient: { reference: 'Patient/p1' },
  code: { coding: [{ system: 'http://snomed.info/sct', code: '91936005', display: 'Penicillin allergy' }] },
};

// ---------------------------------------------------------------------------------------------
// Adapters for the states

const down = () => Promise.reject(new ServerError('The server is down for maintenance.', {
  status: 503, retryable: true,
  outcome: { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'transient', details: { text: 'The server is down for maintenance.' } }] },
}));

/** Every read fails. */
const failing: Adapter = {
  name: 'failing', read: down, search: down, nextPage: down, create: down, update: down,
  launchContext: () => Promise.resolve({}), canWrite: () => true,
};

/** Reads work; a write never answers (the "saving" state stays). */
class NeverAnswers extends MemoryAdapter {
  override create<T extends Resource>(): Promise<{ resource: T; created: boolean }> {
    return new Promise(() => undefined);
  }
}

/** Reads work; a write fails. */
class WriteFails extends MemoryAdapter {
  override create<T extends Resource>(): Promise<{ resource: T; created: boolean }> {
    return down();
  }
}

function adapterFor(): Adapter | undefined {
  const everything = [patient, allergy, medication(1), medication(2), medication(3, 'stopped'), consent('c1', 'permit'), consent('c2', 'deny')];
  switch (state) {
    case 'no-client': return undefined;
    case 'loading': return new MemoryAdapter(everything, { latencyMs: 1_000_000_000 });
    case 'error': return failing;
    case 'not-found': return new MemoryAdapter([]);
    case 'empty': return new MemoryAdapter([patient]);
    case 'no-current': return new MemoryAdapter([patient, medication(3, 'stopped'), medication(4, 'completed')]);
    case 'virtualised': return new MemoryAdapter([patient, ...Array.from({ length: 150 }, (_, i) => medication(i + 10))]);
    case 'saving': case 'close-confirm': return new NeverAnswers(everything);
    case 'failed': return new WriteFails(everything);
    case 'read-only': return new MemoryAdapter(everything, { writable: false });
    default: return new MemoryAdapter(everything);
  }
}

// ---------------------------------------------------------------------------------------------

function partsOf(root: ParentNode): string[] {
  const out = new Set<string>();
  for (const el of root.querySelectorAll('[part]')) for (const p of el.part) out.add(p);
  return [...out].sort();
}

async function until(what: string, condition: () => boolean): Promise<void> {
  const started = performance.now();
  while (!condition()) {
    if (performance.now() - started > 10_000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function click(el: Element, part: string): void {
  const button = el.shadowRoot?.querySelector<HTMLButtonElement>(`[part~="${part}"]`);
  if (!button) throw new Error(`no ${part}`);
  button.click();
}

async function build(): Promise<HTMLElement> {
  const withPatient = state !== 'no-patient';
  const tag = { banner: 'zk-patient-banner', medication: 'zk-medication-list', consent: 'zk-consent-dialog' }[component] ?? 'zk-patient-banner';
  const el = document.createElement(tag);
  if (withPatient) el.setAttribute('patient-id', 'p1');
  if (tag === 'zk-patient-banner') for (const a of ['show-allergies', 'show-call-name', 'expandable', 'expanded']) el.setAttribute(a, '');
  if (tag === 'zk-medication-list') {
    if (state === 'grouped') el.setAttribute('group-by-status', '');
    if (state === 'history') el.setAttribute('show-history', '');
    if (state === 'virtualised') el.setAttribute('virtualize-threshold', '100');
  }
  if (tag === 'zk-consent-dialog') {
    el.setAttribute('recipient', 'Huisartsenpost Oost');
    el.setAttribute('data', 'Medicatie, Allergieën');
    el.setAttribute('purpose', 'TREAT');
    el.setAttribute('until', '2030-12-31');
  }
  const adapter = adapterFor();
  if (adapter) {
    const context = document.createElement('zk-context');
    context.adapter = adapter;
    context.append(el);
    main.append(context);
  } else {
    main.append(el);
  }
  await customElements.whenDefined(tag);
  if (tag === 'zk-consent-dialog') (el as ZkConsentDialog).show();
  return el;
}

/** The part that shows the state has been reached, and what to do to reach it. */
async function reach(el: HTMLElement): Promise<void> {
  const root = () => el.shadowRoot;
  const has = (part: string) => () => !!root()?.querySelector(`[part~="${part}"]`);
  const hasId = (id: string) => () => !!root()?.querySelector(`#${id}`);
  switch (state) {
    case 'loading': return until('the skeleton', has('loading'));
    case 'error': return until('the error with retry', has('retry-button'));
    case 'no-patient': return until('"no patient"', has('no-patient'));
    case 'no-client': return until('"not connected"', has('no-client'));
    case 'not-found': case 'empty': case 'no-current': return until('the empty state', has('empty'));
    default: break;
  }
  if (component === 'banner') return until('the banner', has('banner'));
  if (component === 'medication') {
    if (state === 'virtualised') return until('the virtualised rows', () => (root()?.querySelectorAll('[role="row"][part~="row"]').length ?? 0) > 5);
    await until('the table', has('table'));
    if (state === 'no-match') {
      (el as ZkMedicationList).filter = 'zzz';
      return until('"no match"', has('clear-filter-button'));
    }
    return undefined;
  }
  await until('the decisions so far', has('history'));
  switch (state) {
    case 'confirm':
      click(el, 'permit-button');
      return until('the confirm step', has('record-button'));
    case 'saving': case 'saved': case 'failed': case 'close-confirm':
      click(el, 'deny-button');
      await until('the confirm step', has('record-button'));
      click(el, 'record-button');
      if (state === 'saved') return until('"recorded"', hasId('saved-message'));
      if (state === 'failed') return until('"not recorded"', hasId('failed-message'));
      await until('"saving"', hasId('saving-status'));
      if (state === 'close-confirm') {
        click(el, 'close-button');
        return until('"saving is not finished"', has('close-confirm'));
      }
      return undefined;
    case 'withdraw':
      click(el, 'withdraw-button');
      return until('"withdraw this decision?"', hasId('withdraw-question'));
    case 'read-only':
      return until('the read-only note', has('read-only-note'));
    default:
      return until('the choice', has('permit-button'));
  }
}

void (async () => {
  try {
    const el = await build();
    await reach(el);
    const host = getComputedStyle(el);
    window.__zkResult = {
      parts: partsOf(el.shadowRoot!),
      text: (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim(),
      // The components' styles are constructable stylesheets: under style-src 'self' they must apply.
      styled: el.shadowRoot!.adoptedStyleSheets.length > 0 && host.lineHeight !== 'normal',
    };
    window.__zkReady = true;
  } catch (error) {
    window.__zkReady = String(error);
  }
})();
