import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import '../../src/components/consent-dialog/consent-dialog.js';
import '../../src/components/context/context.js';
import type { ZkConsentDialog } from '../../src/components/consent-dialog/consent-dialog.component.js';
import { MemoryAdapter } from '../../src/adapters/memory.js';
import type { RequestOptions, SearchPage, SearchParams } from '../../src/core/adapter.js';
import { ServerError } from '../../src/core/errors.js';
import type { Consent, Resource } from '../../src/core/fhir.js';
import { setLocale } from '../../src/i18n/locale.js';
import type { ConsentRequest } from '../../src/model/consent.js';
import { defaultNameStyle, formatPatientName } from '../../src/model/name.js';
import { listExamples, loadExample } from '../fhir-examples.js';
import { englishAndNoLitWarnings } from './helpers.js';

// The dialog over the public example Consents (../shared/fhir-examples) and fictional patients.

const request: ConsentRequest = {
  recipient: { organization: { display: 'Huisartsenpost Testdorp (fictief)' } },
  dataClasses: [{ system: 'http://hl7.org/fhir/resource-types', code: 'MedicationStatement', display: 'Medication' }],
  purposes: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason', code: 'TREAT' }],
};

/** A MemoryAdapter whose next searches can be held or failed. */
class GatedAdapter extends MemoryAdapter {
  gate: Promise<void> | undefined;
  failNext = false;
  override async search<T extends Resource = Resource>(type: string, params: SearchParams, options?: RequestOptions): Promise<SearchPage<T>> {
    if (this.gate) await this.gate;
    if (this.failNext) {
      this.failNext = false;
      throw new ServerError('test: the server failed', { status: 500 });
    }
    return super.search<T>(type, params, options);
  }
}

const anna = { resourceType: 'Patient', id: 'p1', name: [{ family: 'Testpersoon', given: ['Anna'] }], birthDate: '1970-03-05' };
const bram = { resourceType: 'Patient', id: 'p2', name: [{ family: 'Voorbeeld', given: ['Bram'] }], birthDate: '1988-11-30' };

function consentFor(patientId: string, organisation: string): Consent {
  return {
    resourceType: 'Consent', id: `c-${patientId}`, status: 'active',
    scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'patient-privacy' }] },
    patient: { reference: `Patient/${patientId}` }, dateTime: '2026-01-10',
    provision: { type: 'permit', actor: [{ reference: { display: organisation } }] },
  };
}

async function openDialog(adapter: MemoryAdapter, patientId: string): Promise<ZkConsentDialog> {
  const wrapper = await fixture<HTMLElement>(html`<zk-context .adapter=${adapter}>
    <zk-consent-dialog patient-id=${patientId} .request=${request}></zk-consent-dialog>
  </zk-context>`);
  const el = wrapper.querySelector('zk-consent-dialog')!;
  el.show();
  await el.updateComplete;
  await waitUntil(() => part(el, 'history') || (part(el, 'state') && !part(el, 'loading')), 'the dialog did not load', { timeout: 8000 });
  await el.updateComplete;
  return el;
}

const part = (el: ZkConsentDialog, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
/** The values of the patient line: name, birth date. */
const patientLine = (el: ZkConsentDialog) => [...(part(el, 'patient')?.querySelectorAll('dd') ?? [])].map(text);
const items = (el: ZkConsentDialog) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="consent-item"]')];

describe('<zk-consent-dialog> names whose decisions it shows', () => {
  englishAndNoLitWarnings();

  it('shows the patient\'s name and birth date (en, nl) before anything can be chosen', async () => {
    const el = await openDialog(new GatedAdapter([anna, consentFor('p1', 'Ziekenhuis Oost (fictief)')], { writable: ['Consent'] }), 'p1');
    // The name as the banner formats it (the model's formatPatientName in the locale's style).
    const name = (locale: 'en' | 'nl') => formatPatientName(anna, defaultNameStyle(locale), locale, new Date())!.text;
    expect(name('en')).to.contain('TESTPERSOON');
    expect(patientLine(el)).to.deep.equal([name('en'), '05-Mar-1970']);
    expect(text(part(el, 'patient'))).to.match(/^Patient.*Born/);
    await expect(el).to.be.accessible();
    await setLocale('nl');
    await el.updateComplete;
    expect(patientLine(el)).to.deep.equal([name('nl'), '05 mrt 1970']);
    expect(text(part(el, 'patient'))).to.match(/^Patiënt.*Geboren/);
    await expect(el).to.be.accessible();
  });

  it('after a patient change, never shows the previous patient\'s name or decisions while loading, nor after a failure', async () => {
    const adapter = new GatedAdapter([anna, bram, consentFor('p1', 'Ziekenhuis Oost (fictief)'), consentFor('p2', 'Apotheek West (fictief)')], { writable: ['Consent'] });
    const el = await openDialog(adapter, 'p1');
    expect(text(part(el, 'patient'))).to.contain('TESTPERSOON');
    let release!: () => void;
    adapter.gate = new Promise<void>((resolve) => { release = resolve; });
    adapter.failNext = true;
    el.patientId = 'p2';
    await el.updateComplete;
    const dialogText = () => text(el.shadowRoot!.querySelector('dialog'));
    expect(dialogText()).not.to.match(/TESTPERSOON|Ziekenhuis Oost/);
    expect(part(el, 'patient')).to.equal(null);
    expect(part(el, 'permit-button'), 'nothing to choose without the patient named').to.equal(null);
    await expect(el).to.be.accessible();
    adapter.gate = undefined;
    release();
    await waitUntil(() => part(el, 'error'), 'no error state');
    expect(dialogText()).not.to.match(/TESTPERSOON|Ziekenhuis Oost|VOORBEELD/);
    expect(part(el, 'permit-button')).to.equal(null);
    await expect(el).to.be.accessible();
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
    await waitUntil(() => part(el, 'patient'), 'no patient after retry');
    expect(patientLine(el)).to.deep.equal([formatPatientName(bram, 'nhs', 'en', new Date())!.text, '30-Nov-1988']);
    expect(items(el).map(text).join(' ')).to.contain('Apotheek West').and.not.contain('Ziekenhuis Oost');
  });
});

// ------------------------------------------------------------------------------------------------

/** A fictional patient with the id a Consent points to (the example sets hold few patients). */
function patientFor(consent: Consent): Resource {
  const id = consent.patient!.reference!.split('/')[1];
  return { resourceType: 'Patient', id, name: [{ family: 'Voorbeeld', given: ['Sam'] }], birthDate: '1960-01-01' };
}

/** Every Consent of the example set (a test checks this list against the set's index). */
const CONSENT_FILES = [
  'ig-ihe-pcf/Consent-ex-consent-advanced-normal-restricted.json',
  'ig-ihe-pcf/Consent-ex-consent-basic-ink.json',
  'ig-ihe-pcf/Consent-ex-consent-basic-reject.json',
  'ig-ihe-pcf/Consent-ex-consent-basic-research.json',
  'ig-ihe-pcf/Consent-ex-consent-basic-treat-infant.json',
  'ig-ihe-pcf/Consent-ex-consent-basic-treat.json',
  'ig-ihe-pcf/Consent-ex-consent-expired-treat.json',
  'ig-ihe-pcf/Consent-ex-consent-intermediate-not-authoredby.json',
  'ig-ihe-pcf/Consent-ex-consent-intermediate-purpose.json',
  'ig-ihe-pcf/Consent-ex-consent-intermediate-timeframe.json',
  'ig-ihe-pcf/Consent-ex-dissent-intermediate-break-glass.json',
  'ig-mii-consent/Example_MII_Consent_Einwilligung.json',
  'ig-mii-consent/Example_MII_Consent_Einwilligung_2.json',
  'ig-mii-consent/Example_MII_Consent_ResultType_ConsentStatus.json',
  'ig-pacio-adi/Consent-Example-Smith-Johnson-HealthcareAgentConsent-Deny.json',
  'ig-pacio-adi/Consent-Example-Smith-Johnson-HealthcareAgentConsent-Permit.json',
  'ig-pacio-adi/Consent-Example-Smith-Johnson-HealthcareAgentConsent.json',
  'ig-pacio-adi/Consent-Example-Smith-Johnson-HealthcareAgentConsent2.json',
];

async function dialogFor(path: string, locale: 'en' | 'nl'): Promise<{ el: ZkConsentDialog; item: HTMLElement }> {
  const consent = await loadExample<Consent>(path);
  fixtureCleanup();
  await setLocale(locale);
  const el = await openDialog(new GatedAdapter([patientFor(consent), consent], { writable: ['Consent'] }), patientFor(consent).id!);
  const [item] = items(el);
  expect(item, path).to.not.equal(undefined);
  return { el, item };
}

describe('<zk-consent-dialog> over the public example Consents', () => {
  englishAndNoLitWarnings();

  it('the list below covers every Consent file of the example set', async () => {
    const files = (await listExamples()).filter((f) => /(^|\/)(Consent-|Example_MII_Consent)/.test(f));
    expect(files).to.deep.equal([...CONSENT_FILES].sort());
  });

  for (const file of CONSENT_FILES) {
    for (const locale of ['nl', 'en'] as const) {
      it(`${file} (${locale}) renders with no "undefined"/"NaN"/"Invalid Date" nor "see the record", read-only, and passes axe`, async () => {
        const { el, item } = await dialogFor(file, locale);
        expect(text(item)).not.to.match(/undefined|NaN|Invalid Date|\[object|See the record|Zie het dossier/);
        expect(item.querySelector('[part~="withdraw-button"]'), 'withdraw').to.equal(null);
        expect(text(item)).to.contain(locale === 'nl' ? 'Alleen lezen' : 'Read only');
        await expect(el).to.be.accessible();
      });
    }
  }

  it('PCF expired-treat: Active, and "Ended on 31-Dec-2022" / "Beëindigd op 31 dec 2022"', async () => {
    const en = await dialogFor('ig-ihe-pcf/Consent-ex-consent-expired-treat.json', 'en');
    expect(text(en.item)).to.contain('Active').and.contain('Ended on 31-Dec-2022');
    const nl = await dialogFor('ig-ihe-pcf/Consent-ex-consent-expired-treat.json', 'nl');
    expect(text(nl.item)).to.contain('Actief').and.contain('Beëindigd op 31 dec 2022');
  });

  it('PCF break-glass and not-authoredby: the decision with its nested exception (en, nl)', async () => {
    const glass = await dialogFor('ig-ihe-pcf/Consent-ex-dissent-intermediate-break-glass.json', 'nl');
    expect(text(glass.item.querySelector('strong'))).to.equal('Niet toegestaan, met uitzonderingen');
    expect(text(glass.item)).to.contain('Uitzondering: toegestaan').and.contain('noodtoegang');
    const authored = await dialogFor('ig-ihe-pcf/Consent-ex-consent-intermediate-not-authoredby.json', 'en');
    expect(text(authored.item.querySelector('strong'))).to.equal('Allowed, with exceptions');
    expect(text(authored.item)).to.contain('Exception: not allowed').and.contain('data written by care provider Practitioner/ex-practitioner');
  });

  it('PCF intermediate-purpose on the Dutch page: the role in Dutch, the unknown purpose as recorded', async () => {
    const { item } = await dialogFor('ig-ihe-pcf/Consent-ex-consent-intermediate-purpose.json', 'nl');
    expect(text(item)).to.contain('(ontvanger van gegevens)').and.contain('FooBar').and.not.contain('information recipient');
  });

  it('MII broad consent (nl): German codes as recorded, nested end dates, research consent', async () => {
    const { item } = await dialogFor('ig-mii-consent/Example_MII_Consent_Einwilligung.json', 'nl');
    expect(text(item)).to.contain('Toestemming voor onderzoek').and.contain('MDAT erheben').and.contain('Beëindigd op 31 aug 2025');
  });

  it('PACIO advance directive (nl): agents with their roles and the decisions they may take', async () => {
    const { item } = await dialogFor('ig-pacio-adi/Consent-Example-Smith-Johnson-HealthcareAgentConsent.json', 'nl');
    expect(text(item)).to.contain('Wilsverklaring').and.contain('eerste gemachtigde voor zorgbeslissingen').and.contain('intubatie');
  });
});
