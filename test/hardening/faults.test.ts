// Faults (issue 9): every component over the FhirRestAdapter against the real FHIR test server
// behind the fault proxy. For each fault — 500, 503 with Retry-After, 429, a timeout, a dropped
// connection, an HTML error page, an empty body, 401, 403 — the component ends in its error state
// with "Try again" (never blank, never a spinner forever), and shows the data once the server is
// well again and the user tries again. Consent decisions survive every write fault: afterwards
// there is exactly one Consent on the server, or the dialog says plainly that it was not recorded
// (and "not certain" whenever the server may have stored it); trying again never makes a second.
//
// The proxy is shared by every test file: each rule matches only this test's own paths (a unique
// patient id, and a `_zkt=<id>` marker this test's adapter adds to its own POSTs), is limited to
// the exact number of requests it is meant for, and is used up (not cleared) before the retry.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/components/context/context.js';
import '../../src/components/patient-banner/patient-banner.js';
import '../../src/components/medication-list/medication-list.js';
import '../../src/components/consent-dialog/consent-dialog.js';
import type { ZkContext } from '../../src/components/context/context.component.js';
import type { ZkConsentDialog } from '../../src/components/consent-dialog/consent-dialog.component.js';
import { FhirRestAdapter } from '../../src/adapters/fhir-rest.js';
import type { Consent, MedicationRequest, MedicationStatement, Patient, Resource } from '../../src/core/fhir.js';
import { setLocale } from '../../src/i18n/locale.js';
import { addFault, putResources, removeFault, searchDirect, testServers, type FaultRule } from '../adapters/servers.js';
import { collectGlobalErrors, isShown, parts, shadowText, sharedState } from './harness.js';

/** Short limits, so that every fault ends quickly. */
const ADAPTER = { timeoutMs: 1500, backoffBaseMs: 5, maxAttempts: 2, retryAfterCapMs: 3000 };
/** Longest a component may take to show its error state (503 + Retry-After: 1 twice, on a busy machine). */
const SETTLE_MS = 10_000;

interface FaultCase {
  name: string;
  fault: FaultRule['fault'];
  /** Whether the adapter tries a request again after this fault (so the fault must last two attempts). */
  retried: boolean;
}

const READ_FAULTS: FaultCase[] = [
  { name: '500 with an OperationOutcome', fault: { status: 500 }, retried: false },
  { name: '503 with Retry-After: 1', fault: { status: 503, retryAfter: '1' }, retried: true },
  { name: '429 Too Many Requests', fault: { status: 429 }, retried: true },
  { name: 'a timeout (no answer within the time limit)', fault: { delayMs: 3000 }, retried: false },
  { name: 'a dropped connection', fault: { drop: 'before' }, retried: true },
  { name: 'an HTML error page (502 from a proxy)', fault: { status: 502, body: 'html' }, retried: false },
  { name: 'an empty body (200 with no resource)', fault: { status: 200, body: 'empty' }, retried: false },
  { name: '401 Unauthorized', fault: { status: 401 }, retried: false },
  { name: '403 Forbidden', fault: { status: 403 }, retried: false },
];

interface WriteFaultCase {
  name: string;
  fault: FaultRule['fault'];
  /** POSTs the fault answers: 2 when the adapter retries the conditional create (doubled for drops: Chromium may re-send). */
  times: number;
}

const WRITE_FAULTS: WriteFaultCase[] = [
  { name: '500 with an OperationOutcome', fault: { status: 500 }, times: 1 },
  { name: '503 with Retry-After: 1', fault: { status: 503, retryAfter: '1' }, times: 2 },
  { name: '429 Too Many Requests', fault: { status: 429 }, times: 2 },
  { name: 'a timeout before the server saw the write', fault: { delayMs: 3000 }, times: 1 },
  { name: 'a timeout after the server stored the write', fault: { delayMs: 3000, phase: 'after' }, times: 1 },
  { name: 'a connection dropped before the server saw the write', fault: { drop: 'before' }, times: 4 },
  { name: 'a connection dropped after the server stored the write', fault: { drop: 'after-commit' }, times: 1 },
  { name: 'an HTML error page (502 from a proxy)', fault: { status: 502, body: 'html' }, times: 1 },
  { name: 'an empty body (200 with no resource)', fault: { status: 200, body: 'empty' }, times: 1 },
  { name: '401 Unauthorized', fault: { status: 401 }, times: 1 },
  { name: '403 Forbidden', fault: { status: 403 }, times: 1 },
];

function uniqueId(): string {
  return `hard-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** A patient with two current medications and one earlier decision, stored directly on the server. */
function records(pid: string): Resource[] {
  const patient: Patient = {
    resourceType: 'Patient', id: pid, name: [{ use: 'official', family: 'Faultman', given: ['Fenna'] }], gender: 'female', birthDate: '1980-05-05',
  };
  const request: MedicationRequest = {
    resourceType: 'MedicationRequest', id: `${pid}-mr`, status: 'active', intent: 'order', subject: { reference: `Patient/${pid}` },
    medicationCodeableConcept: { text: 'Metformine 500 mg tablet' }, dosageInstruction: [{ text: 'twice daily' }],
  };
  const statement: MedicationStatement = {
    resourceType: 'MedicationStatement', id: `${pid}-ms`, status: 'active', subject: { reference: `Patient/${pid}` },
    medicationCodeableConcept: { text: 'Paracetamol 500 mg tablet' },
  };
  const earlier: Consent = {
    resourceType: 'Consent', id: `${pid}-c`, status: 'active',
    scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'patient-privacy' }] },
    category: [{ coding: [{ system: 'http://loinc.org', code: '59284-0' }] }], patient: { reference: `Patient/${pid}` },
    dateTime: '2025-01-10T10:00:00+01:00', policyRule: { text: 'opt-in' },
    provision: { type: 'deny', period: { start: '2025-01-10' }, actor: [{ role: { text: 'recipient' }, reference: { display: 'Apotheek West' } }] },
  };
  return [patient, request, statement, earlier];
}

/**
 * An adapter through the proxy whose POSTs carry `_zkt=<pid>`, so a write fault matches only them.
 * `calls` gets the URL of every request the adapter itself makes: what the product did, whatever
 * the browser does underneath (Firefox silently re-sends a dropped GET up to ten times within one
 * fetch, WebKit once, Chromium on a re-used connection).
 */
function adapterFor(proxyUrl: string, pid: string, calls: string[] = []): FhirRestAdapter {
  return new FhirRestAdapter({
    baseUrl: proxyUrl,
    ...ADAPTER,
    fetch: (input, init) => {
      calls.push(decodeURIComponent(input instanceof Request ? input.url : String(input)));
      if (init?.method === 'POST') {
        const url = new URL(input instanceof Request ? input.url : input);
        url.searchParams.set('_zkt', pid);
        return fetch(url, init);
      }
      return fetch(input, init);
    },
  });
}

async function pending(id: number): Promise<boolean> {
  const { faultUrl } = await testServers();
  const { rules } = (await (await fetch(faultUrl)).json()) as { rules: { id: number }[] };
  return rules.some((r) => r.id === id);
}

/**
 * Makes the server well again: uses up what is left of rule `id` with requests of our own to the
 * same path (a dropped request may be re-sent by Chromium itself, so a rule is given room for
 * that and the rest is used up here, never cleared: other test files share the proxy).
 */
async function recover(id: number, method: 'GET' | 'POST', url: string): Promise<void> {
  for (let i = 0; i < 20 && (await pending(id)); i += 1) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 150);
    await fetch(url, { method, signal: controller.signal, ...(method === 'POST' ? { body: '{}', headers: { 'Content-Type': 'application/fhir+json' } } : {}) }).catch(() => undefined);
    clearTimeout(timer);
  }
  expect(await pending(id), `fault rule ${id} could not be used up`).to.equal(false);
}

/** `waitUntil` with a message made when it fails (the state then, not the state before). */
async function waitFor(condition: () => boolean, message: () => string): Promise<void> {
  try {
    await waitUntil(condition, 'condition', { timeout: SETTLE_MS, interval: 20 });
  } catch {
    throw new Error(message());
  }
}

type Host = HTMLElement & { updateComplete: Promise<boolean> };

interface Subject {
  tag: string;
  /** The element, inside a <zk-context> with the adapter. */
  mount(pid: string, adapter: FhirRestAdapter): Promise<Host>;
  /** What its load asks the server for (a path fragment), how many requests one load makes, and one of them. */
  match(pid: string, proxyUrl: string): { pathIncludes: string; requests: number; url: string };
  /** Whether the loaded state shows this patient's data. */
  loaded(el: Host): boolean;
}

async function inContext(adapter: FhirRestAdapter, inner: ReturnType<typeof html>): Promise<Host> {
  const context = await fixture<ZkContext>(html`<zk-context .adapter=${adapter}>${inner}</zk-context>`);
  return context.firstElementChild as Host;
}

const SUBJECTS: Subject[] = [
  {
    tag: 'zk-patient-banner',
    mount: (pid, adapter) => inContext(adapter, html`<zk-patient-banner patient-id=${pid}></zk-patient-banner>`),
    match: (pid, proxyUrl) => ({ pathIncludes: `/Patient/${pid}`, requests: 1, url: `${proxyUrl}/Patient/${pid}` }),
    loaded: (el) => parts(el, 'banner').length === 1 && /FAULTMAN/.test(shadowText(el)),
  },
  {
    tag: 'zk-medication-list',
    mount: (pid, adapter) => inContext(adapter, html`<zk-medication-list patient-id=${pid}></zk-medication-list>`),
    match: (pid, proxyUrl) => ({ pathIncludes: `patient=${pid}`, requests: 2, url: `${proxyUrl}/MedicationStatement?patient=${pid}` }),
    loaded: (el) => parts(el, 'row').length === 2 && /Metformine/.test(shadowText(el)),
  },
  {
    tag: 'zk-consent-dialog',
    mount: (pid, adapter) => inContext(adapter, html`<zk-consent-dialog patient-id=${pid} recipient="Huisartsenpost Oost" data="Medicatie" purpose="TREAT" open></zk-consent-dialog>`),
    match: (pid, proxyUrl) => ({ pathIncludes: `patient=${pid}`, requests: 1, url: `${proxyUrl}/Consent?patient=${pid}` }),
    loaded: (el) => parts(el, 'consent-item').length === 1 && /Apotheek West/.test(shadowText(el)),
  },
];

/** The error state with a visible "Try again", and no skeleton left. */
function inErrorState(el: Host): boolean {
  const retry = parts(el, 'retry-button')[0];
  return sharedState(el) === 'error' && retry !== undefined && isShown(retry) && parts(el, 'loading').length === 0;
}

describe('hardening: faults on the real FHIR server behind the fault proxy', function () {
  this.timeout(30_000);
  let errors: ReturnType<typeof collectGlobalErrors>;

  beforeEach(async () => {
    errors = collectGlobalErrors();
    await setLocale('en');
  });
  afterEach(async () => {
    errors.stop();
    await setLocale(undefined);
    expect(errors.errors, 'uncaught errors / unhandled rejections').to.deep.equal([]);
  });

  for (const subject of SUBJECTS) {
    describe(`<${subject.tag}> loading`, () => {
      for (const c of READ_FAULTS) {
        it(`${c.name}: the error state with "Try again", then the data after the server recovers`, async () => {
          const { fhirUrl, proxyUrl } = await testServers();
          const pid = uniqueId();
          await putResources(fhirUrl, records(pid));
          const { pathIncludes, requests } = subject.match(pid, proxyUrl);
          // The fault lasts until this test removes it, however often the browser re-sends.
          const rule = await addFault({ match: { method: 'GET', pathIncludes }, times: -1, fault: c.fault });
          const calls: string[] = [];
          const el = await subject.mount(pid, adapterFor(proxyUrl, pid, calls));

          await waitFor(() => inErrorState(el), () => `<${subject.tag}> did not show its error state with "Try again" (state: ${sharedState(el) ?? 'loaded'}: ${shadowText(el).slice(0, 160)})`);
          const text = shadowText(el);
          expect(text, 'a message a clinician can read').to.match(/[a-z]{3,}/i);
          expect(text, 'no markup or server internals on screen').to.not.match(/<\/?[a-z]|nginx|Injected by|Exception|stack/i);
          expect((window as { __zkInjectedHtmlRan?: boolean }).__zkInjectedHtmlRan, 'the error page\'s script ran').to.equal(undefined);

          // Each request tried again only after a fault worth retrying, up to the adapter's limit. An
          // element that reads in parallel (the list: two searches) shows its error when the first
          // read has given up; the other's last try may still be on its way, so wait for it, then
          // check that no more come.
          const expected = requests * (c.retried ? ADAPTER.maxAttempts : 1);
          const made = () => calls.filter((u) => u.includes(pathIncludes)).length;
          await waitFor(() => made() >= expected, () => `the adapter made ${made()} of the ${expected} requests expected`);
          await new Promise((resolve) => setTimeout(resolve, 300));
          expect(made(), 'requests the adapter made').to.equal(expected);

          await removeFault(rule);
          (parts(el, 'retry-button')[0] as HTMLButtonElement).click();
          await waitFor(() => subject.loaded(el), () => `<${subject.tag}> did not show the data after "Try again" (state: ${sharedState(el) ?? 'loaded'}: ${shadowText(el).slice(0, 160)})`);
          expect(parts(el, 'retry-button').length).to.equal(0);
        });
      }
    });
  }

  describe('<zk-consent-dialog> recording a decision', () => {
    for (const c of WRITE_FAULTS) {
      it(`${c.name}: exactly one Consent on the server, or a visible "not recorded"; "Try again" records it once`, async () => {
        const { fhirUrl, proxyUrl } = await testServers();
        const pid = uniqueId();
        await putResources(fhirUrl, records(pid));
        const count = async () => (await searchDirect(fhirUrl, `Consent?patient=${pid}`)).filter((r) => r.id !== `${pid}-c`).length;
        const el = (await SUBJECTS[2].mount(pid, adapterFor(proxyUrl, pid))) as unknown as ZkConsentDialog & Host;
        const decisions: Event[] = [];
        el.addEventListener('zk-consent-decision', (e) => decisions.push(e));
        await waitFor(() => SUBJECTS[2].loaded(el), () => `the dialog did not load: ${shadowText(el).slice(0, 160)}`);

        (parts(el, 'permit-button')[0] as HTMLButtonElement).click();
        await el.updateComplete;
        const rule = await addFault({ match: { method: 'POST', pathIncludes: `_zkt=${pid}` }, times: c.times, fault: c.fault });
        (parts(el, 'record-button')[0] as HTMLButtonElement).click();

        const outcome = () => el.shadowRoot!.querySelector('#saved-message, #failed-message');
        await waitFor(() => outcome() !== null, () => `the dialog neither said "recorded" nor "not recorded": ${shadowText(el).slice(0, 200)}`);
        const said = outcome()!;
        const stored = await count();
        expect(stored, 'never more than one Consent for one decision').to.be.at.most(1);
        if (said.id === 'saved-message') {
          expect(stored, 'shown as recorded: the server must hold it').to.equal(1);
          expect(decisions).to.have.length(1);
        } else {
          expect(decisions, 'no decision event for a write that failed').to.have.length(0);
          const text = said.textContent ?? '';
          if (stored === 1) expect(text, 'the server stored it: the dialog must not say "has not been recorded"').to.match(/not certain/i);
          else expect(text).to.match(/not been recorded|not certain/i);
          expect(parts(el, 'retry-button').length, '"Try again" after a failed write').to.be.greaterThan(0);

          await recover(rule, 'POST', `${proxyUrl}/Consent?_zkt=${pid}`);
          (parts(el, 'retry-button')[0] as HTMLButtonElement).click();
          await waitFor(() => el.shadowRoot!.querySelector('#saved-message') !== null, () => `"Try again" did not record the decision: ${shadowText(el).slice(0, 200)}`);
          expect(decisions).to.have.length(1);
        }
        await recover(rule, 'POST', `${proxyUrl}/Consent?_zkt=${pid}`);
        expect(await count(), 'exactly one Consent after the fault and the retry').to.equal(1);
      });
    }
  });
});
