// Property-based tests of the three components (issue 9): for generated data of one patient —
// valid, partial and wrong shapes, unknown codes, hostile and huge strings, deep extensions —
// served by a MemoryAdapter, every component ends in a readable state (loaded, empty, or an error
// with "Try again"; never a spinner, never blank), shows no `undefined` / `NaN` / `null` /
// `Invalid Date` / `[object …`, and raises no uncaught error or unhandled rejection.
// One long-lived <zk-context> per component; each run gives it a fresh MemoryAdapter.
import { expect, fixture, html } from '@open-wc/testing';
import fc from 'fast-check';
import '../../src/components/context/context.js';
import '../../src/components/patient-banner/patient-banner.js';
import '../../src/components/medication-list/medication-list.js';
import '../../src/components/consent-dialog/consent-dialog.js';
import type { ZkContext } from '../../src/components/context/context.component.js';
import { MemoryAdapter } from '../../src/adapters/memory.js';
import type { Bundle } from '../../src/core/fhir.js';
import { setLocale } from '../../src/i18n/locale.js';
import { SEED, patientBundle } from './arbitraries.js';
import { collectGlobalErrors, isShown, parts, settle, shadowText, sharedState } from './harness.js';

/** Runs per component property: as many as fit the suite's time budget (at least 100). */
const RUNS = { banner: 250, list: 200, dialog: 150 };
const params = (numRuns: number) => ({ numRuns, seed: SEED, includeErrorInReport: true, endOnFailure: true });

/** What a program writes by mistake: never on screen (generated data never contains it). */
const PROGRAM_TEXT = /\bundefined\b|\bNaN\b|\bnull\b|Invalid Date|\[object /;

type Host = HTMLElement & { updateComplete: Promise<boolean> };

async function mount<E extends Host>(inner: ReturnType<typeof html>): Promise<{ context: ZkContext; el: E }> {
  const context = await fixture<ZkContext>(html`<zk-context>${inner}</zk-context>`);
  const el = context.firstElementChild as E;
  return { context, el };
}

/** Gives the context a fresh store with `bundle` and waits for the element to settle. */
async function load(context: ZkContext, el: Host, bundle: Bundle): Promise<void> {
  context.adapter = new MemoryAdapter(bundle);
  await el.updateComplete;
  await settle(el);
}

/** The checks every component shares: a state that is not loading, readable text, no global error. */
function expectReadableState(el: Host, errors: string[]): string {
  const text = shadowText(el);
  expect(errors, 'uncaught errors / unhandled rejections').to.deep.equal([]);
  expect(sharedState(el), 'still loading after the load finished').to.not.equal('loading');
  expect(text, 'blank component').to.not.equal('');
  const word = PROGRAM_TEXT.exec(text);
  expect(word, `"${word?.[0]}" on screen: …${text.slice(Math.max(0, (word?.index ?? 0) - 60), (word?.index ?? 0) + 60)}…`).to.equal(null);
  if (sharedState(el) === 'error') {
    const retry = parts(el, 'retry-button')[0];
    expect(retry, 'an error without "Try again"').to.not.equal(undefined);
    expect(isShown(retry)).to.equal(true);
  }
  return text;
}

describe('hardening: component properties (generated data, seed 20261122)', function () {
  // Generated data runs 2–3× slower in Firefox than in Chromium, more on a loaded CI machine: the
  // limit is there to catch a hang, not to time the engine.
  this.timeout(180_000);
  let errors: ReturnType<typeof collectGlobalErrors>;

  beforeEach(async () => {
    errors = collectGlobalErrors();
    await setLocale('en');
  });

  afterEach(async () => {
    errors.stop();
    await setLocale(undefined);
  });

  it(`<zk-patient-banner> shows the patient, "not found" or an error with retry for any generated Patient (PAB-0019) — ${RUNS.banner} runs`, async () => {
    const { context, el } = await mount(html`<zk-patient-banner patient-id="p1" show-allergies show-call-name expandable expanded></zk-patient-banner>`);
    await fc.assert(fc.asyncProperty(patientBundle('p1'), fc.constantFrom('en', 'nl'), async (bundle, locale) => {
      await setLocale(locale);
      await load(context, el, bundle);
      expectReadableState(el, errors.errors);
      const banner = parts(el, 'banner')[0];
      const state = sharedState(el);
      expect(banner !== undefined || state === 'error' || state === 'empty', `neither a banner nor an error: ${state}`).to.equal(true);
      if (banner) {
        const name = parts(el, 'name')[0];
        expect(name?.textContent?.trim(), 'the name line is empty (PAB-0019: "Name not known")').to.not.equal('');
        for (const value of parts(el, 'value')) expect(value.textContent?.trim(), 'an empty fact value (PAB-0019)').to.not.equal('');
        for (const label of parts(el, 'label')) expect(label.textContent?.trim(), 'an empty label').to.not.equal('');
        expect(shadowText(el)).to.not.match(/(^|\s)\?(\s|$)/);
      }
    }), params(RUNS.banner));
  });

  it(`<zk-medication-list> shows the table, "no medication" or an error with retry for any generated records — ${RUNS.list} runs`, async () => {
    const { context, el } = await mount(html`<zk-medication-list patient-id="p1" show-history></zk-medication-list>`);
    await fc.assert(fc.asyncProperty(patientBundle('p1'), fc.constantFrom('en', 'nl'), fc.boolean(), async (bundle, locale, grouped) => {
      await setLocale(locale);
      (el as unknown as { groupByStatus: boolean }).groupByStatus = grouped;
      await load(context, el, bundle);
      expectReadableState(el, errors.errors);
      const table = parts(el, 'table')[0];
      const state = sharedState(el);
      expect(table !== undefined || state === 'empty' || state === 'error', `neither a table nor a state: ${state}`).to.equal(true);
      for (const row of parts(el, 'row')) {
        const name = row.querySelector('[part~="name"]');
        expect(name?.textContent?.trim(), 'a row without a medication name').to.not.equal('');
        const status = row.querySelector('[part~="status"]');
        expect(status?.textContent?.trim(), 'a row without a status').to.not.equal('');
        const source = row.querySelector('[part~="source"]');
        expect(source?.textContent?.trim(), 'a row without a source').to.not.equal('');
      }
    }), params(RUNS.list));
  });

  it(`<zk-consent-dialog> lists earlier decisions (or an error with retry) for any generated Consents — ${RUNS.dialog} runs`, async function () {
    // Each run reads the patient as well and renders every Consent in full (nested provisions too).
    this.timeout(30000);
    const { context, el } = await mount(html`<zk-consent-dialog patient-id="p1" recipient="Huisartsenpost Oost" data="Medicatie, Allergieën" purpose="TREAT" until="2030-12-31" open></zk-consent-dialog>`);
    await fc.assert(fc.asyncProperty(patientBundle('p1'), fc.constantFrom('en', 'nl'), async (bundle, locale) => {
      await setLocale(locale);
      await load(context, el, bundle);
      expectReadableState(el, errors.errors);
      const history = parts(el, 'history')[0];
      const state = sharedState(el);
      expect(history !== undefined || state === 'error', `neither the decisions nor an error: ${state}`).to.equal(true);
      for (const item of parts(el, 'consent-item')) {
        const title = item.querySelector('.item-title');
        expect(title?.textContent?.replace(/\s+/g, ''), 'a decision without words').to.not.equal('');
        for (const dd of item.querySelectorAll('dd')) expect(dd.textContent?.trim(), 'an empty detail of a decision').to.not.equal('');
      }
    }), params(RUNS.dialog));
  });

  it('<zk-patient-banner>: a host that sets identifierSystems to a string (plain JS, no converter) still gets the banner, not a spinner', async () => {
    const { context, el } = await mount(html`<zk-patient-banner patient-id="p1"></zk-patient-banner>`);
    (el as unknown as { identifierSystems: unknown }).identifierSystems = 'http://example.org/mrn';
    await load(context, el, { resourceType: 'Bundle', entry: [{ resource: { resourceType: 'Patient', id: 'p1', name: [{ family: 'Jansen' }], identifier: [{ system: 'http://example.org/mrn', value: 'MRN-1' }] } }] });
    expectReadableState(el, errors.errors);
    expect(parts(el, 'banner'), 'the banner').to.have.length(1);
  });
});
