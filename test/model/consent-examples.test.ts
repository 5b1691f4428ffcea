import { expect } from '@open-wc/testing';
import type { Consent } from '../../src/fhir/r4.js';
import { describeRequest, summariseConsent, summariseConsents, type ConsentSummary } from '../../src/model/consent.js';
import type { CalendarDate } from '../../src/model/date.js';
import type { ZkLocale } from '../../src/model/locale.js';
import { listExamples, loadExample } from '../fhir-examples.js';
import { demoBundle } from '../../demo/data/demo-data.js';
import { demoConsentRequest } from '../../demo/demo-config.js';

// Every Consent of the public example set (../shared/fhir-examples, see its README), plus small
// fictional zib2020-shaped Consents where the set has none (zib TreatmentDirective2, AdvanceDirective).

const today: CalendarDate = { year: 2026, month: 6, day: 1 };
const PCF = 'ig-ihe-pcf/Consent-ex-';
const ADI = 'ig-pacio-adi/Consent-Example-Smith-Johnson-HealthcareAgentConsent';
const MII = 'ig-mii-consent/Example_MII_Consent_';

async function summary(path: string, locale: ZkLocale): Promise<ConsentSummary> {
  return summariseConsent(await loadExample<Consent>(path), locale, today);
}

/** Every word a summary puts on screen, for "no undefined / NaN" checks. */
function allText(s: ConsentSummary): string {
  return JSON.stringify({ ...s, consent: undefined });
}

describe('consent summaries of the public example files', () => {
  it('every Consent file reads in nl and en with no "undefined", "NaN", "Invalid Date" and a headline that is never "See the record"', async () => {
    const files = (await listExamples()).filter((f) => /Consent/i.test(f));
    expect(files.length).to.equal(18);
    for (const file of files) {
      const data = await loadExample<{ resourceType: string }>(file);
      if (data.resourceType !== 'Consent') continue;
      for (const locale of ['nl', 'en'] as const) {
        const s = summariseConsent(data as Consent, locale, today);
        expect(allText(s), `${file} ${locale}`).not.to.match(/undefined|NaN|Invalid Date|\[object/);
        expect(s.decision, `${file} ${locale}`).not.to.be.oneOf(['See the record', 'Zie het dossier']);
        expect(s.title, `${file} ${locale}`).to.be.a('string').and.not.equal('');
      }
    }
  });

  it('PCF expired-treat: status Active, and "Ended on 31-Dec-2022"; not withdrawable', async () => {
    const en = await summary(`${PCF}consent-expired-treat.json`, 'en');
    expect([en.statusText, en.ended, en.expired, en.withdrawable]).to.deep.equal(['Active', 'Ended on 31-Dec-2022', true, false]);
    expect(en.decision).to.equal('Allowed');
    const nl = await summary(`${PCF}consent-expired-treat.json`, 'nl');
    expect([nl.statusText, nl.ended]).to.deep.equal(['Actief', 'Beëindigd op 31 dec 2022']);
  });

  it('PCF basic-reject reads as a refusal, for treatment, payment and operations', async () => {
    const en = await summary(`${PCF}consent-basic-reject.json`, 'en');
    expect([en.kind, en.decision]).to.deep.equal(['deny', 'Not allowed']);
    expect(en.purpose).to.equal('Treatment, payment for care and running the care organisation');
    const nl = await summary(`${PCF}consent-basic-reject.json`, 'nl');
    expect([nl.decision, nl.purpose]).to.deep.equal(['Niet toegestaan', 'Behandeling, betaling van zorg en bedrijfsvoering van de zorgaanbieder']);
  });

  it('PCF basic-treat: policy, organisation, the patient as performer and the signed form as source', async () => {
    const en = await summary(`${PCF}consent-basic-treat.json`, 'en');
    expect(en.policy).to.deep.equal(['http://example.org/policies/basePrivacyConsentPolicy.txt']);
    expect(en.organisations).to.deep.equal(['organisation Organization/ex-organization']);
    expect(en.performers).to.deep.equal(['You']);
    expect(en.source).to.equal('Document DocumentReference/ex-documentreference');
    // Backed by a signed form the dialog cannot void: read-only, not withdrawable.
    expect([en.kind, en.readOnly, en.withdrawable]).to.deep.equal(['permit', true, false]);
    expect(en.categories).to.deep.equal(['Patient consent']);
    const nl = await summary(`${PCF}consent-basic-treat.json`, 'nl');
    expect([nl.organisations, nl.performers, nl.categories]).to.deep.equal([['organisatie Organization/ex-organization'], ['U'], ['Toestemming van de patiënt']]);
  });

  it('PCF basic-treat-infant: decided by the mother (another patient), not by "you"', async () => {
    const en = await summary(`${PCF}consent-basic-treat-infant.json`, 'en');
    expect(en.performer).to.equal('patient Patient/ex-mother');
  });

  it('PCF basic-ink: the scanned ink-signed form is the source', async () => {
    expect((await summary(`${PCF}consent-basic-ink.json`, 'en')).source).to.equal('Document DocumentReference/ex-consent-ink');
  });

  it('PCF basic-research: for research (nl: wetenschappelijk onderzoek)', async () => {
    expect((await summary(`${PCF}consent-basic-research.json`, 'en')).purpose).to.equal('Research');
    expect((await summary(`${PCF}consent-basic-research.json`, 'nl')).purpose).to.equal('Wetenschappelijk onderzoek');
  });

  it('PCF intermediate-timeframe: only data from 2022, read-only', async () => {
    const en = await summary(`${PCF}consent-intermediate-timeframe.json`, 'en');
    expect(en.provision!.dataPeriod).to.equal('From 01-Jan-2022 until 31-Dec-2022');
    expect([en.decision, en.readOnly, en.withdrawable]).to.deep.equal(['Allowed', true, false]);
  });

  it('PCF intermediate-not-authoredby: allowed, with a nested refusal of data written by one practitioner', async () => {
    const en = await summary(`${PCF}consent-intermediate-not-authoredby.json`, 'en');
    expect(en.decision).to.equal('Allowed, with exceptions');
    const [nested] = en.provision!.provisions;
    expect([nested.type, nested.decision, nested.data]).to.deep.equal(['deny', 'Exception: not allowed', ['data written by care provider Practitioner/ex-practitioner']]);
    const nl = await summary(`${PCF}consent-intermediate-not-authoredby.json`, 'nl');
    expect([nl.decision, nl.provision!.provisions[0].decision, nl.provision!.provisions[0].data])
      .to.deep.equal(['Toegestaan, met uitzonderingen', 'Uitzondering: niet toegestaan', ['gegevens vastgelegd door zorgverlener Practitioner/ex-practitioner']]);
  });

  it('PCF intermediate-purpose: the unknown purpose code is shown as recorded; the role in the locale', async () => {
    const en = await summary(`${PCF}consent-intermediate-purpose.json`, 'en');
    expect(en.provision!.purposes).to.deep.equal(['FooBar']);
    expect(en.provision!.who).to.deep.equal(['organisation Organization/ex-org-researcher (information recipient)']);
    const nl = await summary(`${PCF}consent-intermediate-purpose.json`, 'nl');
    expect(nl.provision!.purposes).to.deep.equal(['FooBar']);
    expect(nl.provision!.who).to.deep.equal(['organisatie Organization/ex-org-researcher (ontvanger van gegevens)']);
  });

  it('PCF break-glass: a refusal with a nested permit for emergency access by one group', async () => {
    const en = await summary(`${PCF}dissent-intermediate-break-glass.json`, 'en');
    expect(en.decision).to.equal('Not allowed, with exceptions');
    const [nested] = en.provision!.provisions;
    expect([nested.type, nested.decision, nested.purposes, nested.who]).to.deep.equal([
      'permit', 'Exception: allowed', ['emergency access ("break the glass")'], ['group Group/ex-privilegedUsers (information recipient)'],
    ]);
    expect(en.policy).to.deep.equal(['https://profiles.ihe.net/ITI/PCF/Policy-break-glass-only']);
    const nl = await summary(`${PCF}dissent-intermediate-break-glass.json`, 'nl');
    expect([nl.decision, nl.provision!.provisions[0].decision]).to.deep.equal(['Niet toegestaan, met uitzonderingen', 'Uitzondering: toegestaan']);
  });

  it('PCF advanced-normal-restricted: only data labelled normal or restricted', async () => {
    expect((await summary(`${PCF}consent-advanced-normal-restricted.json`, 'en')).provision!.securityLabels).to.deep.equal(['normal', 'restricted']);
    expect((await summary(`${PCF}consent-advanced-normal-restricted.json`, 'nl')).provision!.securityLabels).to.deep.equal(['normaal', 'beperkt']);
  });

  it('MII Einwilligung: research consent, refusal 2020–2050 with six nested permits in German as recorded, each with its end date', async () => {
    const en = await summary(`${MII}Einwilligung.json`, 'en');
    expect([en.title, en.decision]).to.deep.equal(['Research consent', 'Not allowed, with exceptions']);
    expect(en.provision!.period).to.equal('From 01-Sep-2020 until 31-Aug-2050');
    const nested = en.provision!.provisions;
    expect(nested).to.have.length(6);
    expect(nested.map((n) => n.type)).to.deep.equal(Array(6).fill('permit'));
    expect(nested[0].data).to.deep.equal(['MDAT erheben']);
    expect([nested[0].period, nested[0].ended]).to.deep.equal(['From 01-Sep-2020 until 31-Aug-2025', 'Ended on 31-Aug-2025']);
    expect([nested[1].data, nested[1].period, nested[1].ended]).to.deep.equal([['MDAT speichern verarbeiten'], 'From 01-Sep-2020 until 31-Aug-2050', undefined]);
    expect(en.policy).to.deep.equal(['siehe eingebettetes XACML', 'urn:oid:2.16.840.1.113883.3.1937.777.24.2.1791']);
    expect(en.organisations).to.deep.equal(['Klinikum Musterstadt']);
    const nl = await summary(`${MII}Einwilligung.json`, 'nl');
    expect([nl.title, nl.provision!.provisions[0].data, nl.provision!.provisions[0].ended]).to.deep.equal(['Toestemming voor onderzoek', ['MDAT erheben'], 'Beëindigd op 31 aug 2025']);
  });

  it('MII Einwilligung_2: several codes per nested permit, each shown', async () => {
    const en = await summary(`${MII}Einwilligung_2.json`, 'en');
    expect(en.provision!.provisions).to.have.length(3);
    expect(en.provision!.provisions.some((p) => p.data.length > 1)).to.equal(true);
  });

  it('MII consent status: refusal with 27 nested refusals (parts, not exceptions) until 3000, none ended', async () => {
    const en = await summary(`${MII}ResultType_ConsentStatus.json`, 'en');
    expect(en.decision).to.equal('Not allowed');
    expect(en.provision!.provisions).to.have.length(27);
    expect(en.provision!.provisions[0]).to.include({ decision: 'Part: not allowed', period: 'From 31-Jan-2022 until 01-Jan-3000' });
    expect((await summary(`${MII}ResultType_ConsentStatus.json`, 'nl')).provision!.provisions[0].decision).to.equal('Onderdeel: niet toegestaan');
    expect(en.provision!.provisions[0].data).to.deep.equal(['IDAT erheben']);
    expect(en.provision!.provisions.every((p) => p.ended === undefined)).to.equal(true);
  });

  it('PACIO healthcare-agent advance directive: agents with their roles, six decisions, for a power of attorney (en, nl)', async () => {
    const en = await summary(`${ADI}.json`, 'en');
    expect([en.title, en.scope, en.decision, en.readOnly]).to.deep.equal(['Advance directive', 'Appointment of healthcare agents', 'Allowed', true]);
    expect(en.provision!.who).to.deep.equal([
      'related person RelatedPerson/Example-Smith-Johnson-HealthcareAgent1 (primary healthcare agent)',
      'related person RelatedPerson/Example-Smith-Johnson-HealthcareAgent3 (first alternate healthcare agent)',
    ]);
    expect(en.provision!.actions).to.deep.equal(['intubation', 'tube feeding', 'life support', 'IV fluids and support', 'antibiotics', 'resuscitation other than CPR']);
    expect(en.provision!.purposes).to.deep.equal(['decisions by a power of attorney']);
    const nl = await summary(`${ADI}.json`, 'nl');
    expect([nl.title, nl.provision!.actions[0], nl.provision!.who[0]]).to.deep.equal([
      'Wilsverklaring', 'intubatie', 'naaste RelatedPerson/Example-Smith-Johnson-HealthcareAgent1 (eerste gemachtigde voor zorgbeslissingen)',
    ]);
  });

  it('PACIO permit and deny examples read as allowed / not allowed, with their agent', async () => {
    const permit = await summary(`${ADI}-Permit.json`, 'en');
    const deny = await summary(`${ADI}-Deny.json`, 'nl');
    expect([permit.decision, deny.decision]).to.deep.equal(['Allowed', 'Niet toegestaan']);
    expect(deny.provision!.who[0]).to.match(/eerste gemachtigde/);
  });
});

// ------------------------------------------------------------------------------------------------
// Fictional zib2020-shaped Consents

const NICTIZ = 'http://nictiz.nl/fhir/StructureDefinition/';
const SCT = 'http://snomed.info/sct';
const scope = (code: string) => ({ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code }] });

/** Follows nl-core-TreatmentDirective2 (zib TreatmentDirective2-v1.0, 2020): scope treatment, category SNOMED 129125009, provision.type = TreatmentDecision, provision.code = Treatment. */
function treatmentDirective(provision: Consent['provision'], extra: Partial<Consent> = {}): Consent {
  return {
    resourceType: 'Consent',
    id: 'td-1',
    meta: { profile: [`${NICTIZ}nl-core-TreatmentDirective2`] },
    status: 'active',
    scope: scope('treatment'),
    category: [{ coding: [{ system: SCT, code: '129125009', display: 'Procedure with explicit context' }] }],
    patient: { reference: 'Patient/p1' },
    dateTime: '2026-04-14',
    policy: [{ uri: 'https://wetten.overheid.nl/' }],
    provision,
    ...extra,
  };
}

describe('consent summaries of zib treatment and advance directives (fictional, zib2020-shaped)', () => {
  const cpr = { coding: [{ system: SCT, code: '89666000', display: 'Cardiopulmonary resuscitation' }] };

  it('a TreatmentDirective2 refusing resuscitation reads "Do not resuscitate" / "Niet reanimeren", with the treatment in words', () => {
    const consent = treatmentDirective({
      type: 'deny', code: [cpr],
      actor: [{ role: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode', code: 'CONSENTER' }] }, reference: { display: 'Dr. K. Kuipers (fictief)' } }],
    }, { sourceReference: { reference: 'Consent/wilsverklaring-1', display: 'Niet-reanimerenverklaring van 3 maart 2024' } });
    const en = summariseConsent(consent, 'en', today);
    expect([en.title, en.decision, en.provision!.data, en.provision!.decision]).to.deep.equal(['Treatment directive', 'Do not resuscitate', ['cardiopulmonary resuscitation'], 'Not allowed']);
    expect(en.provision!.who).to.deep.equal(['Dr. K. Kuipers (fictief) (party to the agreement)']);
    expect(en.source).to.equal('Niet-reanimerenverklaring van 3 maart 2024');
    const nl = summariseConsent(consent, 'nl', today);
    expect([nl.title, nl.decision, nl.provision!.data, nl.provision!.who]).to.deep.equal(['Behandelaanwijzing', 'Niet reanimeren', ['reanimatie'], ['Dr. K. Kuipers (fictief) (afspraakpartij)']]);
  });

  it('a TreatmentDirective2 allowing ventilation reads the treatment and the decision', () => {
    const consent = treatmentDirective({ type: 'permit', code: [{ coding: [{ system: SCT, code: '40617009' }] }] });
    expect(summariseConsent(consent, 'en', today).decision).to.equal('Artificial ventilation: allowed');
    expect(summariseConsent(consent, 'nl', today).decision).to.equal('Beademing: toegestaan');
  });

  it('a TreatmentDirective2 with decision "other" (SpecificationOther) shows its words and needs no "check the record"', () => {
    const consent = treatmentDirective({ code: [{ coding: [{ system: SCT, code: '305351004' }] }] }, {
      modifierExtension: [{ url: `${NICTIZ}ext-TreatmentDirective2.SpecificationOther`, valueString: 'alleen na overleg met de dochter' }],
    });
    const nl = summariseConsent(consent, 'nl', today);
    expect(nl.decision).to.equal('Opname op de intensive care: anders: alleen na overleg met de dochter');
    expect(nl.checkRecord).to.equal(undefined);
  });

  it('an AdvanceDirective (zib AdvanceDirective 3.1.1) names its type, representative and document', () => {
    // Follows nl-core-AdvanceDirective: scope adr, category acd, provision.code = LivingWillType, actor RESPRSN, sourceAttachment = LivingWillDocument.
    const consent: Consent = {
      resourceType: 'Consent', id: 'ad-1', meta: { profile: [`${NICTIZ}nl-core-AdvanceDirective`] }, status: 'active',
      scope: scope('adr'),
      category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentcategorycodes', code: 'acd' }] }],
      patient: { reference: 'Patient/p1' }, dateTime: '2024-03-03',
      sourceAttachment: { contentType: 'application/pdf', title: 'Wilsverklaring (scan, fictief)' },
      provision: {
        actor: [{ role: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode', code: 'RESPRSN' }] }, reference: { display: 'J. van Putten (fictief)' } }],
        code: [{ coding: [{ system: 'urn:oid:2.16.840.1.113883.2.4.3.11.60.40.4.14.1', code: 'NR', display: 'Niet reanimeren verklaring' }] }],
      },
    };
    const en = summariseConsent(consent, 'en', today);
    expect([en.title, en.decision, en.source, en.provision!.who]).to.deep.equal([
      'Advance directive', 'Do-not-resuscitate declaration', 'Wilsverklaring (scan, fictief)', ['J. van Putten (fictief) (representative)'],
    ]);
    expect(summariseConsent(consent, 'nl', today).decision).to.equal('Niet-reanimerenverklaring');
  });

  it('an unknown modifierExtension: "check the record" (nl, en), and what is understood is still shown', () => {
    const consent = treatmentDirective({ type: 'permit', actor: [{ reference: { display: 'Ziekenhuis Oost (fictief)' } }], purpose: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason', code: 'TREAT' }] }, {
      scope: scope('patient-privacy'),
      modifierExtension: [{ url: 'http://example.org/only-named-practitioner', valueString: 'x' }],
    });
    const en = summariseConsent(consent, 'en', today);
    expect([en.decision, en.checkRecord, en.withdrawable]).to.deep.equal(['Check the record', 'Check the record: this decision has a condition this screen cannot show.', false]);
    expect([en.provision!.decision, en.provision!.who, en.provision!.purposes]).to.deep.equal(['Allowed', ['Ziekenhuis Oost (fictief)'], ['treatment']]);
    const nl = summariseConsent(consent, 'nl', today);
    expect(nl.checkRecord).to.equal('Controleer het dossier: dit besluit heeft een voorwaarde die dit scherm niet kan tonen.');
    // A modifier on a nested provision counts as well.
    const nested = treatmentDirective({ type: 'deny', provision: [{ type: 'permit', modifierExtension: [{ url: 'http://example.org/x' }] }] }, { scope: scope('patient-privacy') });
    expect(summariseConsent(nested, 'en', today).checkRecord).to.be.a('string');
  });
});

describe('the demo: every earlier decision and the request in words (nl, en)', () => {
  const consents = (demoBundle.entry ?? []).map((e) => e.resource as unknown as Consent).filter((r) => r?.resourceType === 'Consent');

  it('no demo decision reads only "See the record"; the treatment directive and the unknown condition say what they are', () => {
    const nl = summariseConsents(consents, 'nl', today);
    expect(nl.map((s) => s.decision)).not.to.include('Zie het dossier');
    expect(nl.some((s) => s.decision === 'Opname op de intensive care: geen toestemming of weigering vastgelegd' && s.comment?.startsWith('Opname op de intensive care alleen na overleg'))).to.equal(true);
    expect(nl.some((s) => s.checkRecord === 'Controleer het dossier: dit besluit heeft een voorwaarde die dit scherm niet kan tonen.')).to.equal(true);
  });

  it('the request names the role in the page language: "(ontvanger van gegevens)", not "(information recipient)"', () => {
    expect(describeRequest(demoConsentRequest('nl', '2026-06-01'), 'nl').recipient).to.equal('Huisartsenpost Regio Oost (fictief) (ontvanger van gegevens)');
    expect(describeRequest(demoConsentRequest('en', '2026-06-01'), 'en').recipient).to.equal('Out-of-hours GP service Region East (fictional) (information recipient)');
  });
});
