import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import { press, pressWithShift } from '../keys.js';
import '../../src/components/consent-dialog/consent-dialog.js';
import '../../src/components/context/context.js';
import type { ZkConsentDialog } from '../../src/components/consent-dialog/consent-dialog.component.js';
import { MemoryAdapter, type MemoryAdapterOptions } from '../../src/adapters/memory.js';
import { FhirRestAdapter } from '../../src/adapters/fhir-rest.js';
import type { Adapter, CreateOptions, CreateResult, RequestOptions, SearchPage, SearchParams, UpdateOptions } from '../../src/core/adapter.js';
import { NetworkError, ServerError } from '../../src/core/errors.js';
import type { Consent, Resource } from '../../src/core/fhir.js';
import { setLocale } from '../../src/i18n/locale.js';
import type { ConsentRequest } from '../../src/model/consent.js';
import type { ZkConsentDecisionEvent } from '../../src/events/consent-decision.js';
import type { ZkConsentWithdrawEvent } from '../../src/events/consent-withdraw.js';
import type { ZkRequestCloseEvent } from '../../src/events/request-close.js';
import { addFault, putResources, searchDirect, testServers } from '../adapters/servers.js';
import { demoBundle, DEMO_TODAY } from '../../demo/data/demo-data.js';
import { demoConsentRequest } from '../../demo/demo-config.js';
import { englishAndNoLitWarnings } from './helpers.js';

// ------------------------------------------------------------------------------------------------
// Fixtures (fictional)

const request: ConsentRequest = {
  recipient: { organization: { display: 'Huisartsenpost Testdorp', reference: 'Organization/hap-testdorp' } },
  dataClasses: [{ system: 'http://hl7.org/fhir/resource-types', code: 'MedicationStatement', display: 'Medication' }],
  purposes: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason', code: 'TREAT' }],
  period: { end: '2099-12-31' },
  policy: { display: 'Testdorp sharing policy' },
};

const patient = { resourceType: 'Patient', id: 'p1', name: [{ family: 'Testpersoon', given: ['Anna'] }] };

const privacyScope = { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'patient-privacy' }] };

function stored(id: string, type: 'permit' | 'deny' | undefined, extra: Partial<Consent> = {}, period = { start: '2026-01-10', end: '2099-01-01' }): Consent {
  return {
    resourceType: 'Consent',
    id,
    identifier: [{ system: 'urn:ietf:rfc:3986', value: `urn:uuid:00000000-0000-4000-8000-${id.padStart(12, '0').slice(-12)}` }],
    status: 'active',
    scope: privacyScope,
    category: [{ coding: [{ system: 'http://loinc.org', code: '59284-0' }] }],
    patient: { reference: 'Patient/p1' },
    dateTime: '2026-01-10T10:00:00+01:00',
    performer: [{ reference: 'Patient/p1' }],
    policyRule: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'OPTIN' }] },
    provision: {
      ...(type ? { type } : {}),
      period,
      actor: [{ role: { coding: [{ code: 'IRCP' }] }, reference: { display: `Organisation ${id}` } }],
    },
    ...extra,
  };
}

class Deferred {
  resolve!: () => void;
  reject!: (error: unknown) => void;
  readonly promise = new Promise<void>((resolve, reject) => {
    this.resolve = resolve;
    this.reject = reject;
  });
}

/** A real MemoryAdapter with test hooks: hold or fail the next create / search, and record what was sent. */
class TestAdapter extends MemoryAdapter {
  readonly creates: Consent[] = [];
  createGate: Deferred | undefined;
  searchGate: Deferred | undefined;
  failCreates: Error[] = [];
  failSearches: Error[] = [];
  /** Answer every create with this (the server answering with another decision). */
  answerCreate: ((consent: Consent) => Consent) | undefined;

  override async create<T extends Resource>(resource: T, options?: CreateOptions): Promise<CreateResult<T>> {
    this.creates.push(structuredClone(resource) as unknown as Consent);
    if (this.createGate) await this.createGate.promise;
    const failure = this.failCreates.shift();
    if (failure) throw failure;
    const result = await super.create(resource, options);
    if (this.answerCreate) return { resource: this.answerCreate(result.resource as unknown as Consent) as unknown as T, created: true };
    return result;
  }

  override async search<T extends Resource = Resource>(type: string, params: SearchParams, options?: RequestOptions): Promise<SearchPage<T>> {
    if (this.searchGate) await this.searchGate.promise;
    const failure = this.failSearches.shift();
    if (failure) throw failure;
    return super.search<T>(type, params, options);
  }

  async consents(): Promise<Consent[]> {
    return (await super.search<Consent>('Consent', { patient: 'p1' })).matches;
  }
}

function makeAdapter(seed: Resource[] = [patient], options: MemoryAdapterOptions = {}): TestAdapter {
  return new TestAdapter(seed, options);
}

// ------------------------------------------------------------------------------------------------
// Helpers

interface Mounted {
  el: ZkConsentDialog;
  opener: HTMLButtonElement;
}

async function mount(adapter: Adapter, options: { patientId?: string | null; request?: ConsentRequest; attrs?: boolean } = {}): Promise<Mounted> {
  const patientId = options.patientId === undefined ? 'p1' : options.patientId;
  // The fixture root is a Lit element, so fixture() waits for its update, not for an animation frame
  // (a page the runner keeps in the background gets no frames).
  const wrapper = await fixture<HTMLElement>(html`<zk-context .adapter=${adapter}>
    <button id="opener" type="button">Open consent</button>
    ${options.attrs
      ? html`<zk-consent-dialog patient-id=${patientId ?? ''} recipient="Apotheek De Test" purpose="TREAT" data="Medication, Allergies" until="2099-06-30"></zk-consent-dialog>`
      : html`<zk-consent-dialog patient-id=${patientId ?? ''} .request=${options.request ?? request}></zk-consent-dialog>`}
  </zk-context>`);
  const el = wrapper.querySelector('zk-consent-dialog')!;
  const opener = wrapper.querySelector<HTMLButtonElement>('#opener')!;
  opener.addEventListener('click', () => el.show());
  await el.updateComplete;
  return { el, opener };
}

const root = (el: ZkConsentDialog) => el.shadowRoot!;
const dialogOf = (el: ZkConsentDialog) => root(el).querySelector('dialog')!;
const part = (el: ZkConsentDialog, name: string) => root(el).querySelector<HTMLElement>(`[part~="${name}"]`);
const text = (el: ZkConsentDialog) => (dialogOf(el).textContent ?? '').replace(/\s+/g, ' ');

function button(el: ZkConsentDialog, label: string | RegExp): HTMLButtonElement | undefined {
  return [...root(el).querySelectorAll('button')].find((b) => {
    const name = (b.getAttribute('aria-label') ?? b.textContent ?? '').trim();
    return typeof label === 'string' ? name === label : label.test(name);
  });
}

async function click(el: ZkConsentDialog, label: string | RegExp): Promise<void> {
  const b = button(el, label);
  if (!b) throw new Error(`no button "${String(label)}" in: ${text(el)}`);
  b.click();
  await el.updateComplete;
}

/** Opens by a real click on the opener (so focus return can be checked) and waits for the list. */
async function openAndLoad({ el, opener }: Mounted): Promise<void> {
  opener.focus();
  await sendMouseClick(opener);
  await el.updateComplete;
  await waitUntil(() => part(el, 'history') || part(el, 'state') && !part(el, 'loading'), 'the dialog did not finish loading', { timeout: 8000 });
  await el.updateComplete;
}

async function sendMouseClick(target: Element): Promise<void> {
  const r = target.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)] });
}

const activeInDialog = (el: ZkConsentDialog) => {
  const active = root(el).activeElement;
  return active !== null && dialogOf(el).contains(active);
};

/** Every button is at least 24×24 CSS px (WCAG 2.2 2.5.8). */
function expectTargetSizes(el: ZkConsentDialog): void {
  for (const b of root(el).querySelectorAll('button')) {
    const r = b.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    expect(r.width, `width of "${b.textContent?.trim()}"`).to.be.at.least(24);
    expect(r.height, `height of "${b.textContent?.trim()}"`).to.be.at.least(24);
  }
}

async function expectAccessible(el: ZkConsentDialog): Promise<void> {
  await el.updateComplete;
  await expect(el).to.be.accessible();
  expectTargetSizes(el);
}

function events<T extends Event>(target: EventTarget, type: string): T[] {
  const list: T[] = [];
  target.addEventListener(type, (e) => list.push(e as T));
  return list;
}

// ------------------------------------------------------------------------------------------------

/**
 * Opens the dialog, chooses "Yes" and records it while the server holds its answer (the dialog
 * shows "saving"); `serverAnswers()` lets the server answer.
 */
async function recordWhileTheServerWaits() {
  const adapter = makeAdapter();
  const m = await mount(adapter);
  const decisions = events<ZkConsentDecisionEvent>(document, 'zk-consent-decision');
  await openAndLoad(m);
  await click(m.el, 'Yes, I allow this');
  const gate = new Deferred();
  adapter.createGate = gate;
  await click(m.el, 'Record decision');
  await waitUntil(() => adapter.creates.length === 1);
  return { adapter, m, decisions, serverAnswers: () => gate.resolve() };
}

describe('<zk-consent-dialog>', () => {
  englishAndNoLitWarnings();

  describe('opening, focus and closing (WCAG 2.2 modal dialog)', () => {
    it('is closed and renders nothing until opened', async () => {
      const { el } = await mount(makeAdapter());
      expect(dialogOf(el).open).to.equal(false);
      expect(text(el).trim()).to.equal('');
      await expectAccessible(el);
    });

    it('opens modal with showModal(), moves focus to the heading that names it, and is accessible', async () => {
      const m = await mount(makeAdapter());
      await openAndLoad(m);
      const dialog = dialogOf(m.el);
      expect(dialog.open).to.equal(true);
      expect(dialog.matches(':modal')).to.equal(true);
      expect(m.el.open).to.equal(true);
      expect(m.el.hasAttribute('open')).to.equal(true);
      const heading = root(m.el).getElementById(dialog.getAttribute('aria-labelledby')!)!;
      expect(heading.tagName).to.equal('H2');
      expect(heading.textContent?.trim()).to.equal('Sharing your health data');
      expect(root(m.el).activeElement).to.equal(heading);
      await expectAccessible(m.el);
    });

    it('Enter right after opening records nothing', async () => {
      const adapter = makeAdapter();
      const m = await mount(adapter);
      await openAndLoad(m);
      await press('Enter');
      await press('Enter');
      await aTimeout(100);
      await m.el.updateComplete;
      expect(adapter.creates).to.have.length(0);
      expect(await adapter.consents()).to.have.length(0);
      expect(button(m.el, 'Record decision')).to.equal(undefined);
    });

    it('keeps focus inside the open dialog for 50 Tab and 50 Shift+Tab presses', async function () {
      // A hundred round trips to the driver: WebDriver classic (WebKit) takes longer than CDP.
      this.timeout(60_000);
      const adapter = makeAdapter([patient, stored('c1', 'permit')]);
      const m = await mount(adapter);
      await openAndLoad(m);
      const visited = new Set<Element>();
      for (let i = 0; i < 50; i++) {
        await press('Tab');
        expect(activeInDialog(m.el), `after Tab ${i + 1}`).to.equal(true);
        visited.add(root(m.el).activeElement!);
      }
      for (let i = 0; i < 50; i++) {
        await pressWithShift('Tab');
        expect(activeInDialog(m.el), `after Shift+Tab ${i + 1}`).to.equal(true);
      }
      // It cycles through every control: close, permit, deny, withdraw.
      expect(visited.size).to.equal(4);
    });

    it('Escape asks to close with a cancelable zk-request-close (source keyboard); closing returns focus to the opener', async () => {
      const m = await mount(makeAdapter());
      const requests = events<ZkRequestCloseEvent>(document, 'zk-request-close');
      const closes = events<Event>(document, 'zk-consent-close');
      await openAndLoad(m);
      await press('Escape');
      await m.el.updateComplete;
      expect(requests.map((e) => [e.detail.source, e.cancelable, e.composed])).to.deep.equal([['keyboard', true, true]]);
      expect(dialogOf(m.el).open).to.equal(false);
      expect(m.el.open).to.equal(false);
      expect(closes).to.have.length(1);
      expect(document.activeElement).to.equal(m.opener);
    });

    it('stays open when the host vetoes zk-request-close (Escape twice, close button, backdrop)', async () => {
      const m = await mount(makeAdapter());
      const sources: string[] = [];
      m.el.addEventListener('zk-request-close', (e) => {
        sources.push(e.detail.source);
        e.preventDefault();
      });
      await openAndLoad(m);
      await press('Escape');
      await press('Escape');
      await click(m.el, 'Close');
      await sendMouse({ type: 'click', position: [3, 3] });
      await m.el.updateComplete;
      expect(sources).to.deep.equal(['keyboard', 'keyboard', 'close-button', 'backdrop']);
      expect(dialogOf(m.el).open).to.equal(true);
      expect(activeInDialog(m.el)).to.equal(true);
    });

    it('a click on the backdrop asks to close (source backdrop); a click inside does not', async () => {
      const m = await mount(makeAdapter());
      const requests = events<ZkRequestCloseEvent>(m.el, 'zk-request-close');
      await openAndLoad(m);
      await sendMouseClick(part(m.el, 'request')!);
      expect(requests).to.have.length(0);
      await sendMouse({ type: 'click', position: [3, 3] });
      await m.el.updateComplete;
      expect(requests.map((e) => e.detail.source)).to.deep.equal(['backdrop']);
      expect(dialogOf(m.el).open).to.equal(false);
      expect(document.activeElement).to.equal(m.opener);
    });

    it('close() closes without zk-request-close and returns focus; show() opens again', async () => {
      const m = await mount(makeAdapter());
      const requests = events<ZkRequestCloseEvent>(document, 'zk-request-close');
      await openAndLoad(m);
      m.el.close();
      await m.el.updateComplete;
      expect(dialogOf(m.el).open).to.equal(false);
      expect(requests).to.have.length(0);
      expect(document.activeElement).to.equal(m.opener);
      m.el.show();
      await m.el.updateComplete;
      expect(dialogOf(m.el).open).to.equal(true);
    });

    it('stays open when show() follows close() before the close event of that close() arrived', async () => {
      const m = await mount(makeAdapter());
      const closes = events<Event>(document, 'zk-consent-close');
      await openAndLoad(m);
      m.el.close();
      await m.el.updateComplete;
      m.el.show();
      await m.el.updateComplete;
      // Chromium fires the native close event of close() at the next animation frame, so it can
      // arrive after the dialog opened again; a page the runner keeps in the background gets no
      // frames, so the late event is dispatched here as the browser would.
      dialogOf(m.el).dispatchEvent(new Event('close'));
      await m.el.updateComplete;
      expect(dialogOf(m.el).open).to.equal(true);
      expect(m.el.open).to.equal(true);
      expect(closes).to.have.length(0);
    });

    it('opens and closes through the open attribute', async () => {
      const m = await mount(makeAdapter());
      m.el.setAttribute('open', '');
      await m.el.updateComplete;
      expect(dialogOf(m.el).matches(':modal')).to.equal(true);
      m.el.removeAttribute('open');
      await m.el.updateComplete;
      expect(dialogOf(m.el).open).to.equal(false);
    });
  });

  describe('the request in plain words', () => {
    it('shows who, which data, what for, until when and the policy (typed request)', async () => {
      const m = await mount(makeAdapter());
      await openAndLoad(m);
      const t = part(m.el, 'request')!.textContent.replace(/\s+/g, ' ');
      expect(t).to.contain('Huisartsenpost Testdorp');
      expect(t).to.contain('Medication');
      expect(t).to.contain('Treatment');
      expect(t).to.contain('Until 31-Dec-2099');
      expect(t).to.contain('Testdorp sharing policy');
    });

    it('reads the attribute shorthands recipient, purpose, data, until', async () => {
      const m = await mount(makeAdapter(), { attrs: true });
      await openAndLoad(m);
      const t = part(m.el, 'request')!.textContent.replace(/\s+/g, ' ');
      expect(t).to.contain('Apotheek De Test');
      expect(t).to.contain('Medication and Allergies');
      expect(t).to.contain('Treatment');
      expect(t).to.contain('Until 30-Jun-2099');
    });

    it('speaks Dutch when the locale is nl', async () => {
      await setLocale('nl');
      const m = await mount(makeAdapter());
      await openAndLoad(m);
      expect(text(m.el)).to.contain('Uw gezondheidsgegevens delen');
      expect(text(m.el)).to.contain('Tot en met 31 dec 2099');
      expect(button(m.el, 'Ja, ik geef toestemming')).to.not.equal(undefined);
      await expectAccessible(m.el);
    });
  });

  describe('recording a decision (honest saving)', () => {
    it('needs an explicit confirm step that restates the decision; nothing is written before "Record decision"', async () => {
      const adapter = makeAdapter();
      const m = await mount(adapter);
      await openAndLoad(m);
      await click(m.el, 'Yes, I allow this');
      expect(text(m.el)).to.contain('You allow Huisartsenpost Testdorp to see your Medication, for treatment, until 31-Dec-2099.');
      expect(root(m.el).activeElement?.id).to.equal('confirm-heading');
      expect(adapter.creates).to.have.length(0);
      await expectAccessible(m.el);
      await click(m.el, 'Back');
      await click(m.el, 'No, I do not allow this');
      expect(text(m.el)).to.contain('You do not allow Huisartsenpost Testdorp to see your Medication, for treatment.');
      expect(adapter.creates).to.have.length(0);
    });

    it('shows "saving" until the server confirmed; only then success, the announcement and zk-consent-decision with the stored Consent', async () => {
      const { adapter, m, decisions, serverAnswers } = await recordWhileTheServerWaits();
      await m.el.updateComplete;

      const step = part(m.el, 'step')!;
      expect(step.getAttribute('aria-busy')).to.equal('true');
      expect(button(m.el, 'Record decision')!.disabled).to.equal(true);
      expect(button(m.el, 'Back')!.disabled).to.equal(true);
      expect(text(m.el)).to.contain('Saving your decision…');
      expect(text(m.el)).not.to.contain('has been recorded');
      expect(decisions).to.have.length(0);
      expect(activeInDialog(m.el)).to.equal(true);
      await waitUntil(() => root(m.el).querySelector('[role="status"][aria-live]')?.textContent?.includes('Saving'));
      await expectAccessible(m.el);

      serverAnswers();
      await waitUntil(() => decisions.length === 1, 'no zk-consent-decision');
      await m.el.updateComplete;
      const consent = decisions[0].detail.consent;
      expect(consent.id, 'the stored Consent has a server id').to.be.a('string');
      expect(consent.meta?.versionId).to.equal('1');
      expect(consent.provision?.type).to.equal('permit');
      expect(consent.patient?.reference).to.equal('Patient/p1');
      expect(decisions[0].bubbles && decisions[0].composed).to.equal(true);
      expect(text(m.el)).to.contain('Your decision has been recorded.');
      await waitUntil(() => root(m.el).querySelector('[role="status"][aria-live]')?.textContent?.includes('recorded'));
      expect(await adapter.consents()).to.have.length(1);
      await expectAccessible(m.el);
    });

    it('writes the Consent with If-None-Exist on a client-generated urn:uuid identifier, and the performer', async () => {
      const adapter = makeAdapter();
      const m = await mount(adapter);
      const representative = { reference: 'RelatedPerson/r1', display: 'B. Testpersoon' };
      m.el.performer = representative;
      const spy: (string | undefined)[] = [];
      const create = adapter.create.bind(adapter);
      adapter.create = (resource, options) => {
        spy.push(options?.ifNoneExist);
        return create(resource, options);
      };
      await openAndLoad(m);
      await click(m.el, 'No, I do not allow this');
      await click(m.el, 'Record decision');
      await waitUntil(() => text(m.el).includes('has been recorded'));
      const sent = adapter.creates[0];
      expect(sent.identifier?.[0]?.system).to.equal('urn:ietf:rfc:3986');
      expect(sent.identifier?.[0]?.value).to.match(/^urn:uuid:[0-9a-f-]{36}$/);
      expect(spy).to.deep.equal([`identifier=urn%3Aietf%3Arfc%3A3986|${encodeURIComponent(sent.identifier![0].value!)}`]);
      expect(sent.provision?.type).to.equal('deny');
      expect(sent.performer).to.deep.equal([representative]);
    });

    it('on failure stays open with the decision kept, says why in plain words, and "Try again" re-sends the same Consent (one Consent)', async () => {
      const adapter = makeAdapter();
      const m = await mount(adapter);
      const decisions = events<ZkConsentDecisionEvent>(document, 'zk-consent-decision');
      await openAndLoad(m);
      await click(m.el, 'Yes, I allow this');
      adapter.failCreates.push(new ServerError('Service unavailable', { status: 503, retryable: true }));
      await click(m.el, 'Record decision');
      await waitUntil(() => part(m.el, 'step')?.classList.contains('failed'), 'no failed state');
      await m.el.updateComplete;
      expect(dialogOf(m.el).open).to.equal(true);
      const alert = root(m.el).querySelector('[role="alert"]')!;
      expect(alert.textContent).to.contain('Your decision has not been recorded.');
      expect(alert.textContent).to.contain('The server reported a problem.');
      expect(text(m.el)).not.to.contain('has been recorded');
      expect(text(m.el), 'the decision is kept').to.contain('You allow Huisartsenpost Testdorp');
      expect(decisions).to.have.length(0);
      expect(root(m.el).activeElement?.id).to.equal('failed-message');
      await expectAccessible(m.el);

      await click(m.el, 'Try again');
      await waitUntil(() => decisions.length === 1, 'no zk-consent-decision after retry');
      expect(adapter.creates).to.have.length(2);
      expect(adapter.creates[1].identifier).to.deep.equal(adapter.creates[0].identifier);
      expect(adapter.creates[1].dateTime).to.equal(adapter.creates[0].dateTime);
      expect(await adapter.consents()).to.have.length(1);
    });

    it('keeps the failed decision and "Try again" on screen when the list cannot be reloaded either', async () => {
      const adapter = makeAdapter();
      const m = await mount(adapter);
      await openAndLoad(m);
      await click(m.el, 'Yes, I allow this');
      adapter.failCreates.push(new ServerError('Service unavailable', { status: 503 }));
      adapter.failSearches.push(new ServerError('Service unavailable', { status: 503 }));
      await click(m.el, 'Record decision');
      await waitUntil(() => part(m.el, 'error'), 'the list reload did not fail');
      expect(part(m.el, 'step')?.classList.contains('failed')).to.equal(true);
      expect(text(m.el)).to.contain('You allow Huisartsenpost Testdorp');
      await expectAccessible(m.el);
      part(m.el, 'step')!.querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
      await waitUntil(() => text(m.el).includes('Your decision has been recorded.'));
      await waitUntil(() => part(m.el, 'consent-item'));
      expect(await adapter.consents()).to.have.length(1);
    });

    it('after a dropped connection says it is not certain the decision was recorded, and a retry finds the one that was', async () => {
      const adapter = makeAdapter();
      const m = await mount(adapter);
      await openAndLoad(m);
      await click(m.el, 'Yes, I allow this');
      // The write reaches the store, then the answer is lost.
      const create = adapter.create.bind(adapter);
      let dropped = false;
      adapter.create = async (resource, options) => {
        const result = await create(resource, options);
        if (!dropped) {
          dropped = true;
          throw new NetworkError('The connection dropped');
        }
        return result;
      };
      await click(m.el, 'Record decision');
      await waitUntil(() => part(m.el, 'step')?.classList.contains('failed'));
      expect(text(m.el)).to.contain('It is not certain that your decision was recorded.');
      await click(m.el, 'Try again');
      await waitUntil(() => text(m.el).includes('Your decision has been recorded.'));
      expect(await adapter.consents()).to.have.length(1);
    });

    it('goes back to the choice when what is asked changes during the confirm step (never confirms something not shown)', async () => {
      const adapter = makeAdapter();
      const m = await mount(adapter);
      await openAndLoad(m);
      await click(m.el, 'Yes, I allow this');
      m.el.request = { ...request, recipient: { organization: { display: 'Andere Organisatie' } } };
      await m.el.updateComplete;
      expect(button(m.el, 'Record decision')).to.equal(undefined);
      expect(button(m.el, 'Yes, I allow this')).to.not.equal(undefined);
      // The same request in new words (another language) keeps the step.
      await click(m.el, 'Yes, I allow this');
      m.el.request = { ...m.el.request, dataClasses: [] };
      m.el.request = { ...request, recipient: { organization: { display: 'Andere Organisatie' } } };
      await m.el.updateComplete;
      expect(button(m.el, 'Record decision')).to.not.equal(undefined);
      expect(adapter.creates).to.have.length(0);
    });

    it('"Done" after saving asks to close like the close button', async () => {
      const m = await mount(makeAdapter());
      const requests = events<ZkRequestCloseEvent>(m.el, 'zk-request-close');
      await openAndLoad(m);
      await click(m.el, 'Yes, I allow this');
      await click(m.el, 'Record decision');
      await waitUntil(() => button(m.el, 'Done'));
      await click(m.el, 'Done');
      expect(requests.map((e) => e.detail.source)).to.deep.equal(['close-button']);
      expect(dialogOf(m.el).open).to.equal(false);
    });

    it('keeps the identifier when the dialog is closed and opened again after a failure', async () => {
      const adapter = makeAdapter();
      const m = await mount(adapter);
      await openAndLoad(m);
      await click(m.el, 'Yes, I allow this');
      adapter.failCreates.push(new NetworkError('offline'));
      await click(m.el, 'Record decision');
      await waitUntil(() => part(m.el, 'step')?.classList.contains('failed'));
      m.el.close();
      await m.el.updateComplete;
      await openAndLoad(m);
      expect(dialogOf(m.el).open, 'the dialog is open again').to.equal(true);
      expect(text(m.el), 'the failed decision is still there').to.contain('You allow Huisartsenpost Testdorp');
      await click(m.el, 'Back');
      await click(m.el, 'Yes, I allow this');
      await click(m.el, 'Record decision');
      await waitUntil(() => text(m.el).includes('Your decision has been recorded.'));
      expect(adapter.creates.map((c) => c.identifier?.[0]?.value)).to.have.length(2);
      expect(adapter.creates[1].identifier).to.deep.equal(adapter.creates[0].identifier);
    });

    it('never reports a decision as recorded when the server answers with another one', async () => {
      const adapter = makeAdapter();
      adapter.answerCreate = (c) => ({ ...c, provision: { ...c.provision, type: 'deny' } });
      const m = await mount(adapter);
      const decisions = events<ZkConsentDecisionEvent>(document, 'zk-consent-decision');
      await openAndLoad(m);
      await click(m.el, 'Yes, I allow this');
      await click(m.el, 'Record decision');
      await waitUntil(() => part(m.el, 'step')?.classList.contains('failed'));
      expect(text(m.el)).not.to.contain('has been recorded');
      expect(text(m.el)).to.contain('did not confirm your decision as it was sent');
      expect(decisions).to.have.length(0);
    });

    it('closing while saving asks first (accessible); "Keep open" keeps it; "Close anyway" closes and the save still completes', async () => {
      const { m, decisions, serverAnswers } = await recordWhileTheServerWaits();
      await press('Escape');
      await m.el.updateComplete;
      expect(dialogOf(m.el).open).to.equal(true);
      expect(part(m.el, 'close-confirm')?.textContent).to.contain('The decision may or may not be recorded');
      expect(root(m.el).activeElement?.id).to.equal('close-confirm-heading');
      await expectAccessible(m.el);
      await click(m.el, 'Keep open');
      expect(part(m.el, 'close-confirm')).to.equal(null);
      expect(dialogOf(m.el).open).to.equal(true);
      await click(m.el, 'Close');
      await click(m.el, 'Close anyway');
      expect(dialogOf(m.el).open).to.equal(false);
      expect(document.activeElement).to.equal(m.opener);
      serverAnswers();
      await waitUntil(() => decisions.length === 1);
      expect(decisions[0].detail.consent.provision?.type).to.equal('permit');
    });
  });

  describe('earlier decisions', () => {
    const seed = (): Resource[] => [
      patient,
      stored('c-permit', 'permit', { dateTime: '2026-03-01T10:00:00+01:00' }),
      stored('c-deny', 'deny', { dateTime: '2026-02-01T10:00:00+01:00' }),
      stored('c-expired', 'permit', { dateTime: '2020-01-01T10:00:00+01:00' }, { start: '2020-01-01', end: '2021-01-01' }),
      stored('c-withdrawn', 'permit', { status: 'inactive', dateTime: '2025-01-01T10:00:00+01:00' }),
      stored('c-directive', undefined, { scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'treatment' }] }, dateTime: '2024-01-01' }),
      stored('c-modifier', 'permit', { modifierExtension: [{ url: 'https://example.org/only-named-doctor', valueString: 'x' }], dateTime: '2023-01-01' }),
      stored('c-nested', 'permit', { dateTime: '2022-06-01' }),
    ].map((r) => (r.id === 'c-nested' ? { ...r, provision: { ...(r as Consent).provision, provision: [{ type: 'deny' }] } } : r));

    function items(el: ZkConsentDialog): HTMLElement[] {
      return [...root(el).querySelectorAll<HTMLElement>('[part~="consent-item"]')];
    }
    const itemFor = (el: ZkConsentDialog, organisation: string) => items(el).find((li) => li.textContent?.includes(organisation));

    it('lists permits, denies, expired and withdrawn decisions; a Consent that is not its own is read in words, read-only, never a bare Allowed / Not allowed when it has a condition', async () => {
      const m = await mount(makeAdapter(seed()));
      await openAndLoad(m);
      const all = items(m.el);
      expect(all).to.have.length(7);
      const title = (li: HTMLElement) => li.querySelector('strong')!.textContent.trim();
      expect(title(itemFor(m.el, 'Organisation c-permit')!)).to.equal('Allowed');
      expect(title(itemFor(m.el, 'Organisation c-deny')!)).to.equal('Not allowed');
      const expired = itemFor(m.el, 'Organisation c-expired')!;
      expect(expired.textContent).to.contain('Expired');
      expect(expired.textContent).to.contain('From 01-Jan-2020 until 01-Jan-2021');
      expect(expired.textContent).to.contain('Ended on 01-Jan-2021');
      expect(itemFor(m.el, 'Organisation c-withdrawn')!.textContent).to.contain('Withdrawn');
      const readOnly = all.filter((li) => li.textContent?.includes('Read only'));
      expect(readOnly).to.have.length(3);
      for (const li of readOnly) expect(li.querySelector('[part~="withdraw-button"]')).to.equal(null);
      const directive = itemFor(m.el, 'Organisation c-directive')!;
      expect([title(directive), directive.textContent?.includes('Treatment directive')]).to.deep.equal(['No allow or refuse recorded', true]);
      const modifier = itemFor(m.el, 'Organisation c-modifier')!;
      expect(title(modifier)).to.equal('Check the record');
      expect(modifier.querySelector('[part~="check-record"]')!.textContent).to.equal('Check the record: this decision has a condition this screen cannot show.');
      expect(modifier.textContent, 'what is understood is still shown').to.contain('Allowed');
      const nested = itemFor(m.el, 'Organisation c-nested')!;
      expect(title(nested)).to.equal('Allowed, with exceptions');
      expect(nested.textContent).to.contain('Exception: not allowed');
      expect(all.some((li) => /See the record/.test(li.textContent ?? ''))).to.equal(false);
      await expectAccessible(m.el);
    });

    it('offers "Withdraw" only on active decisions it understands that have not expired', async () => {
      const m = await mount(makeAdapter(seed()));
      await openAndLoad(m);
      const withdrawable = items(m.el).filter((li) => li.querySelector('[part~="withdraw-button"]'));
      expect(withdrawable.map((li) => li.querySelector('dd')!.textContent)).to.deep.equal(['Organisation c-permit', 'Organisation c-deny']);
    });

    it('withdraws after a confirm step: status inactive with If-Match, zk-consent-withdraw, list updated', async () => {
      const adapter = makeAdapter(seed());
      const m = await mount(adapter);
      const withdrawals = events<ZkConsentWithdrawEvent>(document, 'zk-consent-withdraw');
      const update = adapter.update.bind(adapter);
      const ifMatch: (string | undefined)[] = [];
      adapter.update = (resource, options?: UpdateOptions) => {
        ifMatch.push(options?.ifMatch);
        return update(resource, options);
      };
      await openAndLoad(m);
      itemFor(m.el, 'Organisation c-permit')!.querySelector<HTMLButtonElement>('[part~="withdraw-button"]')!.click();
      await m.el.updateComplete;
      expect(root(m.el).activeElement?.id).to.equal('withdraw-question');
      expect(ifMatch, 'nothing is withdrawn before the confirm').to.have.length(0);
      await expectAccessible(m.el);
      await click(m.el, 'Withdraw decision');
      await waitUntil(() => withdrawals.length === 1);
      expect(ifMatch).to.deep.equal(['W/"1"']);
      expect(withdrawals[0].detail.consent.status).to.equal('inactive');
      expect((await adapter.read<Consent>('Consent', 'c-permit')).status).to.equal('inactive');
      await waitUntil(() => !itemFor(m.el, 'Organisation c-permit')?.querySelector('[part~="withdraw-button"]')
        && itemFor(m.el, 'Organisation c-permit')?.textContent?.includes('Withdrawn'));
      expect(text(m.el)).to.contain('Your decision has been withdrawn.');
      await expectAccessible(m.el);
    });

    it('a 412 conflict on withdraw reloads the list and explains; nothing is shown as withdrawn', async () => {
      const adapter = makeAdapter(seed());
      const m = await mount(adapter);
      const withdrawals = events<ZkConsentWithdrawEvent>(document, 'zk-consent-withdraw');
      await openAndLoad(m);
      // Someone else changes the decision meanwhile (a new version, still active).
      const current = await adapter.read<Consent>('Consent', 'c-deny');
      await adapter.update({ ...current, provision: { ...current.provision, actor: [{ role: { coding: [{ code: 'IRCP' }] }, reference: { display: 'Organisation c-deny (renamed)' } }] } });
      itemFor(m.el, 'Organisation c-deny')!.querySelector<HTMLButtonElement>('[part~="withdraw-button"]')!.click();
      await m.el.updateComplete;
      await click(m.el, 'Withdraw decision');
      await waitUntil(() => text(m.el).includes('changed elsewhere in the meantime'));
      await waitUntil(() => text(m.el).includes('Organisation c-deny (renamed)'), 'the list was not reloaded');
      expect(withdrawals).to.have.length(0);
      expect((await adapter.read<Consent>('Consent', 'c-deny')).status).to.equal('active');
      expect(root(m.el).activeElement?.id).to.equal('notice');
      await expectAccessible(m.el);
    });

    it('without a request only lists and withdraws (no permit / deny)', async () => {
      const adapter = makeAdapter([patient, stored('c1', 'permit')]);
      const wrapper = await fixture<HTMLElement>(html`<zk-context .adapter=${adapter}><zk-consent-dialog patient-id="p1"></zk-consent-dialog></zk-context>`);
      const el = wrapper.querySelector('zk-consent-dialog')!;
      el.show();
      await waitUntil(() => part(el, 'history'));
      expect(part(el, 'request')).to.equal(null);
      expect(button(el, 'Yes, I allow this')).to.equal(undefined);
      expect(part(el, 'withdraw-button')).to.not.equal(null);
      await expectAccessible(el);
    });

    it('says so when nothing has been recorded yet', async () => {
      const m = await mount(makeAdapter());
      await openAndLoad(m);
      expect(part(m.el, 'history')!.textContent).to.contain('No decisions have been recorded yet.');
    });
  });

  describe('states', () => {
    it('read-only when the adapter may not write Consents: says why, no record or withdraw controls', async () => {
      const m = await mount(makeAdapter([patient, stored('c1', 'permit')], { writable: false }));
      await openAndLoad(m);
      expect(part(m.el, 'read-only-note')?.textContent).to.contain('not record or change them');
      expect(button(m.el, 'Yes, I allow this')).to.equal(undefined);
      expect(button(m.el, 'No, I do not allow this')).to.equal(undefined);
      expect(part(m.el, 'withdraw-button')).to.equal(null);
      expect(part(m.el, 'consent-item')).to.not.equal(null);
      await expectAccessible(m.el);
    });

    it('loading: a skeleton announced as loading, accessible', async () => {
      const adapter = makeAdapter();
      adapter.searchGate = new Deferred();
      const m = await mount(adapter);
      m.el.show();
      await m.el.updateComplete;
      await waitUntil(() => part(m.el, 'loading'));
      expect(part(m.el, 'loading')!.getAttribute('aria-busy')).to.equal('true');
      expect(button(m.el, 'Yes, I allow this')).to.equal(undefined);
      await expectAccessible(m.el);
      adapter.searchGate.resolve();
      await waitUntil(() => part(m.el, 'history'));
    });

    it('error: says the list could not be loaded, with a retry that works, accessible', async () => {
      const adapter = makeAdapter();
      adapter.failSearches.push(new NetworkError('offline'));
      const m = await mount(adapter);
      await openAndLoad(m);
      expect(part(m.el, 'error')?.textContent).to.contain('Your earlier decisions could not be loaded.');
      expect(button(m.el, 'Yes, I allow this')).to.equal(undefined);
      await expectAccessible(m.el);
      await click(m.el, 'Try again');
      await waitUntil(() => part(m.el, 'history'));
    });

    it('no patient: says no patient is selected, no controls, accessible', async () => {
      const m = await mount(makeAdapter(), { patientId: null });
      await openAndLoad(m);
      expect(part(m.el, 'no-patient')?.textContent).to.contain('No patient selected.');
      expect(button(m.el, 'Yes, I allow this')).to.equal(undefined);
      await expectAccessible(m.el);
    });

    it('uses the launch context patient when there is no patient-id', async () => {
      const m = await mount(makeAdapter([patient, stored('c1', 'deny')], { launch: { patient: 'p1' } }), { patientId: null });
      await openAndLoad(m);
      expect(part(m.el, 'consent-item')?.textContent).to.contain('Not allowed');
    });

    it('switches to the new patient without ever showing the previous patient\'s decisions', async () => {
      const adapter = makeAdapter([patient, { resourceType: 'Patient', id: 'p2' }, stored('c1', 'deny')]);
      const m = await mount(adapter);
      await openAndLoad(m);
      expect(part(m.el, 'consent-item')).to.not.equal(null);
      adapter.searchGate = new Deferred();
      m.el.patientId = 'p2';
      await m.el.updateComplete;
      expect(part(m.el, 'consent-item'), 'old list gone while the new one loads').to.equal(null);
      adapter.searchGate.resolve();
      await waitUntil(() => part(m.el, 'history')?.textContent?.includes('No decisions'));
    });
  });

  describe('against the real FHIR server through the fault proxy', () => {
    let n = 0;
    async function serverSetup(adapterOptions: { maxAttempts?: number } = {}) {
      const { fhirUrl, proxyUrl } = await testServers();
      const patientId = `zk-consent-dialog-${Date.now().toString(36)}-${++n}`;
      await putResources(fhirUrl, [{ resourceType: 'Patient', id: patientId, name: [{ family: 'Testpersoon' }] }]);
      const adapter = new FhirRestAdapter({ baseUrl: proxyUrl, backoffBaseMs: 10, ...adapterOptions });
      const m = await mount(adapter, { patientId });
      const count = async () => (await searchDirect(fhirUrl, `Consent?patient=Patient/${patientId}`)).length;
      return { m, count, patientId };
    }

    it('a write that fails with 503 and is retried (by the adapter) leaves exactly one Consent', async () => {
      const { m, count } = await serverSetup();
      const decisions = events<ZkConsentDecisionEvent>(document, 'zk-consent-decision');
      await openAndLoad(m);
      await click(m.el, 'Yes, I allow this');
      await addFault({ match: { method: 'POST', pathIncludes: '/Consent' }, times: 1, fault: { status: 503, retryAfter: '0' } });
      await click(m.el, 'Record decision');
      await waitUntil(() => decisions.length === 1, 'not recorded', { timeout: 8000 });
      expect(await count()).to.equal(1);
      expect(text(m.el)).to.contain('Your decision has been recorded.');
    });

    it('a 503 the adapter does not retry shows the failure; "Try again" leaves exactly one Consent', async () => {
      const { m, count } = await serverSetup({ maxAttempts: 1 });
      const decisions = events<ZkConsentDecisionEvent>(document, 'zk-consent-decision');
      await openAndLoad(m);
      await click(m.el, 'Yes, I allow this');
      await addFault({ match: { method: 'POST', pathIncludes: '/Consent' }, times: 1, fault: { status: 503, retryAfter: '0' } });
      await click(m.el, 'Record decision');
      await waitUntil(() => part(m.el, 'step')?.classList.contains('failed'), 'no failure shown', { timeout: 8000 });
      expect(decisions).to.have.length(0);
      expect(await count()).to.equal(0);
      await click(m.el, 'Try again');
      await waitUntil(() => decisions.length === 1, 'not recorded', { timeout: 8000 });
      expect(await count()).to.equal(1);
    });

    it('a write whose connection drops after the server committed, then retried by the user, leaves exactly one Consent', async () => {
      const { m, count } = await serverSetup({ maxAttempts: 1 });
      const decisions = events<ZkConsentDecisionEvent>(document, 'zk-consent-decision');
      await openAndLoad(m);
      await click(m.el, 'No, I do not allow this');
      await addFault({ match: { method: 'POST', pathIncludes: '/Consent' }, times: 1, fault: { drop: 'after-commit' } });
      await click(m.el, 'Record decision');
      await waitUntil(() => part(m.el, 'step')?.classList.contains('failed'), 'no failure shown', { timeout: 8000 });
      expect(text(m.el)).to.contain('It is not certain that your decision was recorded.');
      expect(decisions).to.have.length(0);
      expect(await count(), 'the server did commit').to.equal(1);
      await click(m.el, 'Try again');
      await waitUntil(() => decisions.length === 1, 'not recorded', { timeout: 8000 });
      expect(await count()).to.equal(1);
      expect(decisions[0].detail.consent.provision?.type).to.equal('deny');
    });

    it('a dropped connection retried by the adapter itself also leaves exactly one Consent', async () => {
      const { m, count } = await serverSetup();
      const decisions = events<ZkConsentDecisionEvent>(document, 'zk-consent-decision');
      await openAndLoad(m);
      await click(m.el, 'Yes, I allow this');
      await addFault({ match: { method: 'POST', pathIncludes: '/Consent' }, times: 1, fault: { drop: 'after-commit' } });
      await click(m.el, 'Record decision');
      await waitUntil(() => decisions.length === 1, 'not recorded', { timeout: 8000 });
      expect(await count()).to.equal(1);
    });

    it('Enter right after opening records nothing on the server', async () => {
      const { m, count } = await serverSetup();
      await openAndLoad(m);
      await press('Enter');
      await aTimeout(300);
      expect(await count()).to.equal(0);
    });

    it('records, lists and withdraws on the server', async () => {
      const { m, count } = await serverSetup();
      const withdrawals = events<ZkConsentWithdrawEvent>(document, 'zk-consent-withdraw');
      await openAndLoad(m);
      await click(m.el, 'Yes, I allow this');
      await click(m.el, 'Record decision');
      await waitUntil(() => part(m.el, 'consent-item')?.textContent?.includes('Allowed'), 'not listed', { timeout: 8000 });
      part(m.el, 'withdraw-button')!.click();
      await m.el.updateComplete;
      await click(m.el, 'Withdraw decision');
      await waitUntil(() => withdrawals.length === 1, 'not withdrawn', { timeout: 8000 });
      await waitUntil(() => part(m.el, 'consent-item')?.textContent?.includes('Withdrawn'), 'list not updated', { timeout: 8000 });
      expect(await count()).to.equal(1);
    });
  });

  describe('the demo data and request', () => {
    it('records, lists and withdraws a consent for a demo patient', async () => {
      const adapter = new MemoryAdapter(demoBundle, { writable: ['Consent'] });
      const patientId = demoBundle.entry.find((e) => e.resource.resourceType === 'Patient')!.resource.id;
      const m = await mount(adapter, { patientId, request: demoConsentRequest('en', DEMO_TODAY) });
      const decisions = events<ZkConsentDecisionEvent>(document, 'zk-consent-decision');
      const withdrawals = events<ZkConsentWithdrawEvent>(document, 'zk-consent-withdraw');
      await openAndLoad(m);
      const before = root(m.el).querySelectorAll('[part~="consent-item"]').length;
      await click(m.el, 'Yes, I allow this');
      await click(m.el, 'Record decision');
      await waitUntil(() => decisions.length === 1);
      await waitUntil(() => root(m.el).querySelectorAll('[part~="consent-item"]').length === before + 1);
      const id = decisions[0].detail.consent.id!;
      await expectAccessible(m.el);
      const item = [...root(m.el).querySelectorAll<HTMLElement>('[part~="consent-item"]')]
        .find((li) => li.textContent?.includes('Out-of-hours GP service Region East') && li.querySelector('[part~="withdraw-button"]'))!;
      item.querySelector<HTMLButtonElement>('[part~="withdraw-button"]')!.click();
      await m.el.updateComplete;
      await click(m.el, 'Withdraw decision');
      await waitUntil(() => withdrawals.length === 1);
      expect(withdrawals[0].detail.consent.id).to.equal(id);
      expect((await adapter.read<Consent>('Consent', id)).status).to.equal('inactive');
    });
  });
});
