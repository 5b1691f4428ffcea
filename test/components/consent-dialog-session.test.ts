// <zk-consent-dialog> once the signed-in session has ended (issue 16): it says so once and offers
// "Sign in again" — not the "this connection does not allow it" note, nor a "Try again" that cannot
// succeed. Against the real FHIR server behind the fault proxy, which answers 401 as a server does
// to a token that is no longer valid; the adapter ends its session on a 401, as the SmartAdapter does.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/components/consent-dialog/consent-dialog.js';
import '../../src/components/context/context.js';
import type { ZkConsentDialog } from '../../src/components/consent-dialog/consent-dialog.component.js';
import { FhirRestAdapter } from '../../src/adapters/fhir-rest.js';
import type { AdapterEventType } from '../../src/core/adapter.js';
import type { ConsentRequest } from '../../src/model/consent.js';
import { addFault, putResources, searchDirect, testServers } from '../adapters/servers.js';
import { englishAndNoLitWarnings } from './helpers.js';

const request: ConsentRequest = {
  recipient: { organization: { display: 'Huisartsenpost Testdorp', reference: 'Organization/hap-testdorp' } },
  dataClasses: [{ system: 'http://hl7.org/fhir/resource-types', code: 'MedicationStatement', display: 'Medication' }],
  purposes: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason', code: 'TREAT' }],
  period: { end: '2099-12-31' },
};

/** A FHIR adapter whose session ends at the first 401: it can write no more and tells its subscribers. */
class SessionAdapter extends FhirRestAdapter {
  ended = false;
  readonly listeners = new Set<(type: AdapterEventType) => void>();

  constructor(baseUrl: string) {
    super({
      baseUrl,
      maxAttempts: 1,
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        if (response.status === 401 && !this.ended) {
          this.ended = true;
          queueMicrotask(() => { for (const l of this.listeners) l('session-expired'); });
        }
        return response;
      },
    });
  }

  override canWrite(type: string): boolean {
    return !this.ended && super.canWrite(type);
  }

  subscribe(listener: (type: AdapterEventType) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

let n = 0;
async function setup() {
  const { fhirUrl, proxyUrl } = await testServers();
  const patientId = `zk-session-${Date.now().toString(36)}-${++n}`;
  await putResources(fhirUrl, [{ resourceType: 'Patient', id: patientId, name: [{ family: 'Testpersoon' }] }]);
  const wrapper = await fixture<HTMLElement>(html`<zk-context .adapter=${new SessionAdapter(proxyUrl)}>
    <zk-consent-dialog patient-id=${patientId} .request=${request}></zk-consent-dialog>
  </zk-context>`);
  const el = wrapper.querySelector('zk-consent-dialog')!;
  return { el, patientId, fhirUrl };
}

const root = (el: ZkConsentDialog) => el.shadowRoot!;
const part = (el: ZkConsentDialog, name: string) => root(el).querySelector<HTMLElement>(`[part~="${name}"]`);
const text = (el: ZkConsentDialog) => (root(el).querySelector('dialog')!.textContent ?? '').replace(/\s+/g, ' ');
const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;
const button = (el: ZkConsentDialog, label: string) => [...root(el).querySelectorAll('button')].find((b) => b.textContent?.trim() === label);

describe('<zk-consent-dialog> after the session ended (issue 16)', function () {
  this.timeout(30000);
  englishAndNoLitWarnings();

  it('when the list is refused with 401: says once that the session ended and offers "Sign in again", no retry, no "connection does not allow it"', async () => {
    const { el, patientId } = await setup();
    await addFault({ match: { method: 'GET', pathIncludes: `patient=${patientId}` }, times: 3, fault: { status: 401 } });
    el.show();
    await waitUntil(() => part(el, 'session-ended'), `no session-ended state: ${text(el)}`, { timeout: 25000 });
    await el.updateComplete;
    const shown = text(el);
    expect(count(shown, 'Your session has ended')).to.equal(1);
    expect(shown).not.to.match(/does not allow it/);
    expect(part(el, 'retry-button')).to.equal(null);
    expect(part(el, 'read-only-note')).to.equal(null);
    const requested: Event[] = [];
    document.addEventListener('zk-sign-in-request', (e) => requested.push(e), { once: true });
    button(el, 'Sign in again')!.click();
    expect(requested).to.have.length(1);
    expect(requested[0].composed).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('when the decision is refused with 401: keeps the decision in view, says it was not recorded and that the session ended, once; no retry', async () => {
    const { el, patientId, fhirUrl } = await setup();
    el.show();
    await waitUntil(() => part(el, 'history'), 'the list did not load', { timeout: 25000 });
    button(el, 'Yes, I allow this')!.click();
    await el.updateComplete;
    await addFault({ match: { method: 'POST', pathIncludes: '/Consent' }, times: 1, fault: { status: 401 } });
    await addFault({ match: { method: 'GET', pathIncludes: `patient=${patientId}` }, times: 3, fault: { status: 401 } });
    button(el, 'Record decision')!.click();
    await waitUntil(() => part(el, 'session-ended'), `no session-ended state: ${text(el)}`, { timeout: 25000 });
    await new Promise((r) => setTimeout(r, 300));
    await el.updateComplete;
    const shown = text(el);
    expect(count(shown, 'Your session has ended')).to.equal(1);
    expect(shown).to.contain('Your decision has not been recorded.');
    expect(shown).to.match(/allow/i);
    expect(shown).not.to.match(/does not allow it/);
    expect(part(el, 'retry-button')).to.equal(null);
    expect(button(el, 'Sign in again')).to.not.equal(undefined);
    expect(await searchDirect(fhirUrl, `Consent?patient=Patient/${patientId}`)).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });
});
