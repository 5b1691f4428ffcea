import { expect } from '@open-wc/testing';
import type { Consent } from '../../src/core/fhir.js';
import {
  buildConsent, classifyConsent, consentIdentifier, decisionSentence, describeRequest, hasIdentifier,
  requestFingerprint, requestFromAttributes, summariseConsent, summariseConsents, type ConsentRequest,
} from '../../src/model/consent.js';
import { parseFhirInstant } from '../../src/model/date.js';

// Fictional data only.
const request: ConsentRequest = {
  recipient: {
    organization: { display: 'Huisartsenpost Testdorp', reference: 'Organization/hap-testdorp' },
    role: { system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType', code: 'IRCP', display: 'information recipient' },
  },
  dataClasses: [
    { system: 'http://hl7.org/fhir/resource-types', code: 'MedicationStatement', display: 'Medication' },
    { system: 'http://hl7.org/fhir/resource-types', code: 'AllergyIntolerance', display: 'Allergies' },
  ],
  purposes: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason', code: 'TREAT', display: 'Treatment' }],
  period: { start: '2026-01-01', end: '2026-12-31' },
  policy: { uri: 'https://example.org/policy/sharing-v1', display: 'Testdorp sharing policy' },
};
const identifier = consentIdentifier('0f8fad5b-d9cb-469f-a165-70867728950e');
const now = new Date(2026, 2, 15, 10, 30);

/** A privacy Consent as a server might hold it. */
function recorded(overrides: Partial<Consent> = {}, provision: Record<string, unknown> = {}): Consent {
  return {
    resourceType: 'Consent',
    id: 'c1',
    status: 'active',
    scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'patient-privacy' }] },
    category: [{ coding: [{ system: 'http://loinc.org', code: '59284-0' }] }],
    patient: { reference: 'Patient/p1' },
    dateTime: '2026-03-15T10:30:00+01:00',
    performer: [{ reference: 'Patient/p1' }],
    provision: {
      type: 'permit',
      period: { start: '2026-01-01', end: '2026-12-31' },
      actor: [{ role: { coding: [{ code: 'IRCP' }] }, reference: { display: 'Huisartsenpost Testdorp' } }],
      purpose: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason', code: 'TREAT' }],
      class: [{ display: 'Medication' }],
      ...provision,
    },
    ...overrides,
  } satisfies Consent;
}

describe('consent model', () => {
  describe('consentIdentifier', () => {
    it('makes a urn:uuid identifier in the RFC 3986 system, and refuses anything that is not a UUID', () => {
      expect(identifier).to.deep.equal({ system: 'urn:ietf:rfc:3986', value: 'urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e' });
      expect(() => consentIdentifier('not-a-uuid')).to.throw(TypeError);
    });
  });

  describe('buildConsent', () => {
    const consent = buildConsent({ request, decision: 'permit', patientId: 'p1', identifier, now });

    it('has every element a recorded decision needs: status, scope, category, patient, dateTime, performer, policyRule, identifier', () => {
      expect(consent.resourceType).to.equal('Consent');
      expect(consent.status).to.equal('active');
      expect(consent.scope?.coding?.[0]).to.include({ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'patient-privacy' });
      expect(consent.category?.[0]?.coding?.[0]).to.include({ system: 'http://loinc.org', code: '59284-0' });
      expect(consent.patient).to.deep.equal({ reference: 'Patient/p1' });
      expect(parseFhirInstant(consent.dateTime), 'the moment of the decision').to.equal(now.getTime());
      expect(consent.performer).to.deep.equal([{ reference: 'Patient/p1' }]);
      expect(consent.policyRule?.coding?.[0]?.code).to.equal('OPTIN');
      expect(consent.policyRule?.text).to.equal('Testdorp sharing policy');
      expect(consent.policy).to.deep.equal([{ uri: 'https://example.org/policy/sharing-v1' }]);
      expect(consent.identifier).to.deep.equal([identifier]);
      expect(hasIdentifier(consent, identifier)).to.equal(true);
    });

    it('records the decision on the calendar day it was made where the person is, also just after midnight and just before', () => {
      for (const at of [new Date(2026, 5, 15, 0, 30), new Date(2026, 5, 15, 23, 30)]) {
        const made = buildConsent({ request: { ...request, period: undefined }, decision: 'permit', patientId: 'p1', identifier, now: at });
        expect(made.dateTime).to.match(/^2026-06-15T(00|23):30:00(Z|[+-]\d{2}:\d{2})$/);
        expect(parseFhirInstant(made.dateTime)).to.equal(at.getTime());
        expect(summariseConsent(made, 'en', { year: 2026, month: 6, day: 15 }).recorded).to.equal('15-Jun-2026');
        expect(made.provision?.period?.start, 'the decision starts that day').to.equal('2026-06-15');
      }
    });

    it('puts the decision in the provision: type, the recipient as actor with its role, purposes, data classes, period', () => {
      const p = consent.provision!;
      expect(p.type).to.equal('permit');
      expect(p.actor).to.have.length(1);
      expect(p.actor![0].role?.coding?.[0]?.code).to.equal('IRCP');
      expect(p.actor![0].reference).to.deep.include({ reference: 'Organization/hap-testdorp', display: 'Huisartsenpost Testdorp' });
      expect(p.purpose?.map((c) => c.code)).to.deep.equal(['TREAT']);
      expect(p.class?.map((c) => c.code)).to.deep.equal(['MedicationStatement', 'AllergyIntolerance']);
      expect(p.period).to.deep.equal({ start: '2026-01-01', end: '2026-12-31' });
    });

    it('records a deny as provision.type deny', () => {
      expect(buildConsent({ request, decision: 'deny', patientId: 'p1', identifier, now }).provision?.type).to.equal('deny');
    });

    it('starts the period on the (local) day of the decision when the request gives no start', () => {
      const c = buildConsent({ request: { ...request, period: { end: '2027-01-31' } }, decision: 'permit', patientId: 'p1', identifier, now });
      expect(c.provision?.period).to.deep.equal({ start: '2026-03-15', end: '2027-01-31' });
    });

    it('names a representative as performer when one decides for the patient', () => {
      const representative = { reference: 'RelatedPerson/r1', display: 'J. Testpersoon' };
      const c = buildConsent({ request, decision: 'permit', patientId: 'p1', identifier, now, performer: representative });
      expect(c.performer).to.deep.equal([representative]);
    });

    it('uses the recipient role alone as actor when no organisation is named', () => {
      const role = { system: 'http://snomed.info/sct', code: '62247001', display: 'General practitioner' };
      const c = buildConsent({ request: { ...request, recipient: { role } }, decision: 'permit', patientId: 'p1', identifier, now });
      expect(c.provision?.actor?.[0]?.role?.coding?.[0]).to.deep.equal(role);
      expect(c.provision?.actor?.[0]?.reference?.display).to.equal('General practitioner');
    });

    it('refuses to build without a patient or an identifier', () => {
      expect(() => buildConsent({ request, decision: 'permit', patientId: ' ', identifier, now })).to.throw(TypeError);
      expect(() => buildConsent({ request, decision: 'permit', patientId: 'p1', identifier: { system: 'urn:ietf:rfc:3986' }, now })).to.throw(TypeError);
    });

    it('does not share objects with the request (editing the Consent leaves the request alone)', () => {
      consent.provision!.class![0].display = 'changed';
      expect(request.dataClasses[0].display).to.equal('Medication');
    });
  });

  describe('requestFromAttributes', () => {
    it('reads recipient, purpose code, comma-separated data and until', () => {
      const r = requestFromAttributes({ recipient: 'Apotheek De Test', purpose: 'treat', data: 'Medication, Allergies ,', until: '2027-06-30' })!;
      expect(r.recipient.organization?.display).to.equal('Apotheek De Test');
      expect(r.purposes).to.deep.equal([{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason', code: 'TREAT', display: 'treatment' }]);
      expect(r.dataClasses.map((c) => c.display)).to.deep.equal(['Medication', 'Allergies']);
      expect(r.period).to.deep.equal({ end: '2027-06-30' });
    });

    it('ignores an until that is not a date, and gives nothing when nothing is asked', () => {
      expect(requestFromAttributes({ recipient: 'X', until: '31-12-2027' })!.period).to.equal(undefined);
      expect(requestFromAttributes({ purpose: 'TREAT' })).to.equal(undefined);
    });
  });

  describe('describing the request and the decision in plain words', () => {
    it('describes each aspect in English with unambiguous dates', () => {
      expect(describeRequest(request, 'en')).to.deep.equal({
        recipient: 'Huisartsenpost Testdorp (information recipient)',
        data: 'Medication and Allergies',
        purpose: 'Treatment',
        period: 'From 01-Jan-2026 until 31-Dec-2026',
        policy: 'Testdorp sharing policy',
      });
    });

    it('describes each aspect in Dutch', () => {
      const d = describeRequest(request, 'nl');
      expect(d.data).to.equal('Medication en Allergies');
      expect(d.purpose).to.equal('Behandeling');
      expect(d.period).to.equal('Van 01 jan 2026 tot en met 31 dec 2026');
    });

    it('says "all your health data" and "any purpose" when the request does not narrow them', () => {
      const d = describeRequest({ recipient: {}, dataClasses: [], purposes: [] }, 'en');
      expect(d.data).to.equal('All your health data');
      expect(d.purpose).to.equal('Any purpose');
      expect(d.recipient).to.equal('Not known');
      expect(d.period).to.equal('No end date');
    });

    it('restates a permit and a deny so they cannot be confused (en, nl)', () => {
      expect(decisionSentence(request, 'permit', 'en')).to.equal(
        'You allow Huisartsenpost Testdorp (information recipient) to see your Medication and Allergies, for treatment, until 31-Dec-2026.');
      expect(decisionSentence(request, 'deny', 'en')).to.equal(
        'You do not allow Huisartsenpost Testdorp (information recipient) to see your Medication and Allergies, for treatment.');
      expect(decisionSentence(request, 'permit', 'nl')).to.equal(
        'U geeft Huisartsenpost Testdorp (ontvanger van gegevens) toestemming om uw Medication en Allergies in te zien, voor behandeling, tot en met 31 dec 2026.');
      expect(decisionSentence(request, 'deny', 'nl')).to.contain('géén toestemming');
    });
  });

  describe('requestFingerprint', () => {
    it('is the same for the same request in another language, and differs when what is asked differs', () => {
      const dutch: ConsentRequest = {
        ...request,
        recipient: { ...request.recipient },
        dataClasses: request.dataClasses.map((c) => ({ ...c, display: `${c.display ?? ''} (nl)` })),
      };
      expect(requestFingerprint(dutch)).to.equal(requestFingerprint(request));
      expect(requestFingerprint({ ...request, period: { start: '2026-01-01', end: '2027-12-31' } })).not.to.equal(requestFingerprint(request));
      expect(requestFingerprint({ ...request, dataClasses: request.dataClasses.slice(0, 1) })).not.to.equal(requestFingerprint(request));
    });
  });

  describe('classifying recorded Consents (never a permit or deny unless understood)', () => {
    it('reads a plain privacy permit and deny', () => {
      expect(classifyConsent(recorded()).kind).to.equal('permit');
      expect(classifyConsent(recorded({}, { type: 'deny' })).kind).to.equal('deny');
    });

    it('reads what buildConsent writes as the decision it was built from', () => {
      for (const decision of ['permit', 'deny'] as const) {
        expect(classifyConsent(buildConsent({ request, decision, patientId: 'p1', identifier, now })).kind).to.equal(decision);
      }
    });

    it('a modifierExtension on the Consent or its provision makes it unknown', () => {
      const ext = [{ url: 'https://example.org/fhir/StructureDefinition/reverses-meaning', valueBoolean: true }];
      expect(classifyConsent(recorded({ modifierExtension: ext }))).to.deep.equal({ kind: 'unknown', reason: 'modifier-extension' });
      expect(classifyConsent(recorded({}, { modifierExtension: ext }))).to.deep.equal({ kind: 'unknown', reason: 'modifier-extension' });
    });

    it('a treatment directive or advance directive (zib2020) is not a sharing decision, even with a provision type', () => {
      const treatment = recorded({ scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'treatment' }] } });
      const adr = recorded({ scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'adr' }] } });
      expect(classifyConsent(treatment)).to.deep.equal({ kind: 'unknown', reason: 'not-privacy' });
      expect(classifyConsent(adr)).to.deep.equal({ kind: 'unknown', reason: 'not-privacy' });
      expect(classifyConsent(recorded({ scope: undefined })).kind).to.equal('unknown');
    });

    it('a provision without permit / deny, or no provision at all, is unknown', () => {
      expect(classifyConsent(recorded({}, { type: undefined }))).to.deep.equal({ kind: 'unknown', reason: 'no-decision' });
      expect(classifyConsent(recorded({}, { type: 'maybe' }))).to.deep.equal({ kind: 'unknown', reason: 'no-decision' });
      expect(classifyConsent(recorded({ provision: undefined })).kind).to.equal('unknown');
    });

    it('nested provisions (exceptions that invert the parent) are unknown', () => {
      const nested = recorded({}, { provision: [{ type: 'deny', class: [{ display: 'Mental health' }] }] });
      expect(classifyConsent(nested)).to.deep.equal({ kind: 'unknown', reason: 'nested-provision' });
    });

    it('restrictions this model does not read (data, securityLabel, dataPeriod, unknown actions) are unknown', () => {
      expect(classifyConsent(recorded({}, { data: [{ meaning: 'instance', reference: { reference: 'Observation/1' } }] })).kind).to.equal('unknown');
      expect(classifyConsent(recorded({}, { securityLabel: [{ code: 'R' }] })).kind).to.equal('unknown');
      expect(classifyConsent(recorded({}, { dataPeriod: { end: '2020-01-01' } })).kind).to.equal('unknown');
      expect(classifyConsent(recorded({}, { action: [{ coding: [{ code: 'destroy' }] }] })).kind).to.equal('unknown');
      expect(classifyConsent(recorded({}, { action: [{ coding: [{ code: 'access' }] }] })).kind).to.equal('permit');
    });
  });

  describe('summariseConsent', () => {
    const today = { year: 2026, month: 6, day: 1 };

    it('shows who, what, purpose, period and status of a permit in English', () => {
      const s = summariseConsent(recorded(), 'en', today);
      expect(s).to.include({
        kind: 'permit', decision: 'Allowed', statusText: 'Active', title: 'Privacy consent',
        recipient: 'Huisartsenpost Testdorp', data: 'Medication', purpose: 'Treatment',
        period: 'From 01-Jan-2026 until 31-Dec-2026', recorded: '15-Mar-2026', performer: 'You',
        expired: false, withdrawable: true,
      });
    });

    it('shows a deny in Dutch', () => {
      const s = summariseConsent(recorded({}, { type: 'deny' }), 'nl', today);
      expect(s).to.include({ kind: 'deny', decision: 'Niet toegestaan', statusText: 'Actief', purpose: 'Behandeling', period: 'Van 01 jan 2026 tot en met 31 dec 2026' });
    });

    it('marks a consent expired only when its end date is before today (the end day itself still counts)', () => {
      expect(summariseConsent(recorded(), 'en', { year: 2026, month: 12, day: 31 }).expired).to.equal(false);
      const after = summariseConsent(recorded(), 'en', { year: 2027, month: 1, day: 1 });
      expect(after.expired).to.equal(true);
      expect(after.withdrawable).to.equal(false);
    });

    it('reads a partial end date as the end of that month or year', () => {
      const c = recorded({}, { period: { end: '2026-06' } });
      expect(summariseConsent(c, 'en', { year: 2026, month: 6, day: 30 }).expired).to.equal(false);
      expect(summariseConsent(c, 'en', { year: 2026, month: 7, day: 1 }).expired).to.equal(true);
    });

    it('marks a period that has not started yet', () => {
      expect(summariseConsent(recorded(), 'en', { year: 2025, month: 12, day: 31 }).notYetStarted).to.equal(true);
      expect(summariseConsent(recorded(), 'en', today).notYetStarted).to.equal(false);
    });

    it('shows a withdrawn consent as withdrawn, and it cannot be withdrawn again', () => {
      const s = summariseConsent(recorded({ status: 'inactive' }), 'en', today);
      expect(s.statusText).to.equal('Withdrawn');
      expect(s.withdrawable).to.equal(false);
    });

    it('a consent that is not ours (a treatment directive) is read-only: its decision in words, its details only in the provision summary', () => {
      const s = summariseConsent(recorded({ scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'treatment' }] }, category: [{ text: 'Behandelgrens' }] }), 'nl', today);
      expect(s.kind).to.equal('unknown');
      expect(s.decision).to.equal('Toegestaan');
      expect(s.title).to.equal('Behandelaanwijzing');
      expect(s.categories).to.deep.equal(['Behandelgrens']);
      expect([s.readOnly, s.withdrawable]).to.deep.equal([true, false]);
      expect(s.recipient).to.equal(undefined);
      expect(s.data).to.equal(undefined);
      expect(s.period).to.equal(undefined);
      expect(s.provision!.who).to.deep.equal(['Huisartsenpost Testdorp (IRCP)']);
      expect(s.note).to.equal('Elders vastgelegd: u kunt het hier lezen, niet wijzigen.');
    });

    it('names data classes given as FHIR resource types in plain words of the locale, each once', () => {
      const c = recorded({}, {
        class: [
          { system: 'http://hl7.org/fhir/resource-types', code: 'MedicationStatement', display: 'MedicationStatement' },
          { system: 'http://hl7.org/fhir/resource-types', code: 'AllergyIntolerance' },
        ],
        code: [{ text: 'allergieën' }],
      });
      expect(summariseConsent(c, 'en', today).data).to.equal('Medication use, allergies and allergieën');
      expect(summariseConsent(c, 'nl', today).data).to.equal('Medicatiegebruik en allergieën');
    });

    it('survives malformed server data without showing a decision it cannot read', () => {
      const broken = recorded({ category: 'x' as never, performer: [null] as never }, { actor: 'nobody', class: [null, 5], purpose: {} });
      const s = summariseConsent(broken, 'en', today);
      expect(s.kind).to.equal('permit');
      expect(s.recipient).to.equal('Not known');
      expect(s.data).to.equal('All your health data');
      expect(summariseConsent(recorded({ provision: 'permit' as never }), 'en', today).kind).to.equal('unknown');
    });

    it('names a representative who decided for the patient', () => {
      const s = summariseConsent(recorded({ performer: [{ reference: 'RelatedPerson/r1', display: 'J. Testpersoon' }] }), 'en', today);
      expect(s.performer).to.equal('J. Testpersoon');
    });

    it('lists newest decisions first and leaves out entered-in-error records', () => {
      const list = summariseConsents([
        recorded({ id: 'old', dateTime: '2025-01-01T09:00:00Z' }),
        recorded({ id: 'error', status: 'entered-in-error', dateTime: '2026-05-01T09:00:00Z' }),
        recorded({ id: 'new', dateTime: '2026-04-01T09:00:00Z' }),
        recorded({ id: 'undated', dateTime: undefined }),
      ], 'en', today);
      expect(list.map((s) => s.consent.id)).to.deep.equal(['new', 'old', 'undated']);
    });

    it('orders by the date shown beside each decision: a date-only value is that whole day, not UTC midnight', () => {
      const list = summariseConsents([
        recorded({ id: 'evening-1-jan', dateTime: '2025-01-01T23:00:00-05:00' }),
        recorded({ id: '2-jan', dateTime: '2025-01-02' }),
        recorded({ id: 'morning-1-jan', dateTime: '2025-01-01T08:00:00+01:00' }),
      ], 'en', today);
      expect(list.map((s) => s.consent.id)).to.deep.equal(['2-jan', 'evening-1-jan', 'morning-1-jan']);
      expect(list.map((s) => s.recorded)).to.deep.equal(['02-Jan-2025', '01-Jan-2025', '01-Jan-2025']);
    });
  });
});
