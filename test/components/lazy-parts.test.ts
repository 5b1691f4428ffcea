// Code few pages need loads when it is needed, not with every page: the banner's details (only with
// `expandable`), the virtualizer (only for a list longer than `virtualize-threshold`) and the consent
// dialog's parts (only once it opens). Each is observed as the browser fetches it, in a page of its
// own (this file), and what it brings is shown once it is there.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import '../../src/components/context/context.js';
import '../../src/components/patient-banner/patient-banner.js';
import '../../src/components/medication-list/medication-list.js';
import '../../src/components/consent-dialog/consent-dialog.js';
import type { ZkPatientBanner } from '../../src/components/patient-banner/patient-banner.js';
import type { ZkConsentDialog } from '../../src/components/consent-dialog/consent-dialog.component.js';
import { MemoryAdapter } from '../../src/adapters/memory.js';
import { UtilityClient } from '../../src/core/client.js';
import type { Resource } from '../../src/core/fhir.js';
import { englishAndNoLitWarnings } from './helpers.js';

englishAndNoLitWarnings();
setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach);

// Fictional.
const patient: Resource = {
  resourceType: 'Patient', id: 'lazy', name: [{ family: 'Testpersoon', given: ['Anna'] }], birthDate: '1980-02-03',
  telecom: [{ system: 'phone', value: '06 1234 0002', use: 'mobile' }],
  address: [{ use: 'home', line: ['Kerkstraat 2'], postalCode: '1234 AB', city: 'Testdorp' }],
};
const medications = (n: number): Resource[] => Array.from({ length: n }, (_, i) => ({
  resourceType: 'MedicationRequest', id: `lazy-${i}`, status: 'active', intent: 'order', subject: { reference: 'Patient/lazy' },
  medicationCodeableConcept: { text: `Testmiddel ${String(i).padStart(3, '0')} 10 mg tablet` }, authoredOn: '2026-01-01',
}));

/** Whether the page has fetched a module whose URL contains `name`. */
const fetched = (name: string) => performance.getEntriesByType('resource').some((e) => e.name.includes(name));
const shadowText = (el: Element) => el.shadowRoot!.textContent.replace(/\s+/g, ' ');

async function inContext(resources: Resource[], body: ReturnType<typeof html>): Promise<HTMLElement> {
  const context = await fixture<HTMLElement & { client: UtilityClient }>(html`<zk-context>${body}</zk-context>`);
  context.client = new UtilityClient(new MemoryAdapter({ resourceType: 'Bundle', type: 'collection', entry: resources.map((resource) => ({ resource })) }));
  return context;
}

describe('code that loads on need', () => {
  it('the banner\'s details: not for a plain banner; with `expandable`, and then they show', async () => {
    const plain = await inContext([patient], html`<zk-patient-banner patient-id="lazy"></zk-patient-banner>`);
    const banner = plain.querySelector('zk-patient-banner')!;
    await waitUntil(() => /Testpersoon/i.test(shadowText(banner)), 'banner shown', { timeout: 10000 });
    expect(fetched('banner-details'), 'details code fetched for a banner without expandable').to.equal(false);

    const expandable = await inContext([patient], html`<zk-patient-banner patient-id="lazy" expandable></zk-patient-banner>`);
    const el = expandable.querySelector<ZkPatientBanner>('zk-patient-banner')!;
    await waitUntil(() => /Kerkstraat 2/.test(shadowText(el)), 'the address in the details', { timeout: 10000 });
    expect(fetched('banner-details')).to.equal(true);
    expect(shadowText(el)).to.match(/06 1234 0002/);
    await expect(el).to.be.accessible();
  });

  it('the virtualizer: not for a short list; for a long one, which shows as the virtualised table at once', async () => {
    const short = await inContext([patient, ...medications(20)], html`<zk-medication-list patient-id="lazy"></zk-medication-list>`);
    const list = short.querySelector('zk-medication-list')!;
    await waitUntil(() => list.shadowRoot!.querySelectorAll('[part~="row"]').length === 20, 'short list shown', { timeout: 10000 });
    expect(fetched('virtual-body'), 'virtualizer fetched for 20 rows').to.equal(false);
    // The virtualizer renders the rows in view: the long list goes where the short one was.
    short.remove();

    const long = await inContext([patient, ...medications(300)], html`<zk-medication-list patient-id="lazy"></zk-medication-list>`);
    const el = long.querySelector('zk-medication-list')!;
    const seen: string[] = [];
    // Every state the list shows on its way: never the loading skeleton once the count is shown.
    await waitUntil(() => {
      const root = el.shadowRoot!;
      if (root.querySelector('[part~="count"]')) seen.push(root.querySelector('[part~="table"]')?.getAttribute('role') ?? 'no table');
      return root.querySelectorAll('[part~="row"]').length > 0;
    }, 'long list shown', { interval: 1, timeout: 15000 });
    expect(fetched('virtual-body')).to.equal(true);
    expect(el.shadowRoot!.querySelector('[part~="table"]')!.getAttribute('aria-rowcount')).to.equal('301');
    expect(seen.filter((s) => s !== 'table'), 'states before the table').to.deep.equal([]);
  });

  it('the consent dialog\'s parts: not at start-up; on first open, and then the request and the list show', async () => {
    const page = await inContext([patient], html`<zk-consent-dialog patient-id="lazy" recipient="Huisartsenpraktijk De Linde" data="Medicatie" purpose="TREAT"></zk-consent-dialog>`);
    const el = page.querySelector<ZkConsentDialog>('zk-consent-dialog')!;
    await el.updateComplete;
    expect(fetched('consent-dialog-parts'), 'parts fetched before the dialog opened').to.equal(false);
    el.show();
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="history"]'), 'the list of earlier decisions', { timeout: 10000 });
    expect(fetched('consent-dialog-parts')).to.equal(true);
    expect(el.shadowRoot!.querySelector('[part~="request"]')?.textContent).to.match(/Huisartsenpraktijk De Linde/);
    expect(el.shadowRoot!.querySelector('[part~="permit-button"]')).to.exist;
    await expect(el).to.be.accessible();
  });
});
