// The docs' worked example (docs/examples/json-api-adapter.ts): an adapter for the fictional
// non-FHIR "ZorgDossier" JSON API, over its in-memory stand-in. It meets the shared adapter contract,
// and the elements run on it unchanged. All data is fictional.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/components/context/context.js';
import '../../src/components/patient-banner/patient-banner.js';
import type { ZkPatientBanner } from '../../src/components/patient-banner/patient-banner.js';
import { UtilityClient, newIdentifier } from '../../src/core/client.js';
import {
  ForbiddenError, InvalidResourceError, NetworkError, NotFoundError, ServerError, UnauthorizedError,
} from '../../src/core/errors.js';
import { SYSTEMS, type Consent, type MedicationRequest, type Patient } from '../../src/core/fhir.js';
import { setLocale } from '../../src/i18n/locale.js';
import { buildConsent, requestFromAttributes } from '../../src/model/consent.js';
import { CLIENT_NR_SYSTEM, ZorgDossierAdapter, type ZdClient } from '../../docs/examples/json-api-adapter.js';
import { ZorgDossierFakeApi, zorgDossierDataFromFhir, type ZorgDossierData } from '../../docs/examples/zorgdossier-fake-api.js';
import { consentFor, runAdapterContract } from './adapter-contract.js';
import { rejection } from './servers.js';

/** A fictional BSN in the 9999 test range that passes the elfproef. */
function fictionalBsn(): string {
  for (;;) {
    const digits = `9999${String(Math.floor(Math.random() * 10000)).padStart(4, '0')}`;
    const check = [...digits].reduce((sum, d, i) => sum + Number(d) * (9 - i), 0) % 11;
    if (check < 10) return `${digits}${check}`;
  }
}

function zorgDossier(data: Partial<ZorgDossierData> = {}, options: { token?: string } = {}) {
  const api = new ZorgDossierFakeApi(data);
  const adapter = new ZorgDossierAdapter({
    baseUrl: api.baseUrl,
    fetch: api.fetch,
    ...(options.token ? { token: () => Promise.resolve(options.token) } : {}),
  });
  return { api, adapter };
}

runAdapterContract('JSON API example adapter (ZorgDossier, docs/examples)', (seed) => Promise.resolve(zorgDossier(zorgDossierDataFromFhir(seed)).adapter), {
  // ZorgDossier versions consents only; client and medication records have no version.
  unversionedTypes: ['Patient', 'Medication', 'MedicationRequest', 'MedicationStatement'],
  // It finds patients by BSN (or its own client number), not by any identifier system.
  patientIdentifier: () => ({ system: SYSTEMS.bsn, value: fictionalBsn() }),
});

const BSN = '999911120';
const jo: ZdClient = {
  nr: '1001', bsn: BSN, voorletters: 'J.P.M.', voornamen: 'Johanna Petronella Maria', voorvoegsel: 'van', achternaam: 'Putten',
  geboortedatum: '14-07-1945', geslacht: 'V',
};
const data = (): Partial<ZorgDossierData> => ({
  clients: [jo],
  middelen: [{ id: 'm-ibu', naam: 'Ibuprofen 400 mg tablet', code: { stelsel: 'snomed', waarde: '387207008', weergave: 'Ibuprofen' } }],
  medicatie: [
    { id: 'v1', client: '1001', soort: 'voorschrift', status: 'actief', middelId: 'm-ibu', dosering: '3 maal daags 1 tablet', start: '01-11-2026', voorschrijver: 'Dr. A. Arts' },
    { id: 'v2', client: '1001', soort: 'voorschrift', status: 'gestopt', middel: { naam: 'Omeprazol 20 mg capsule' } },
    { id: 'g1', client: '1001', soort: 'gebruik', status: 'actief', middelId: 'm-ibu', start: '02-11-2026', eind: '30-11-2026' },
  ],
});

/** A fetch that answers every request with one fixed response (or fails to connect). */
function answering(status: number, body: string, contentType = 'application/json'): typeof fetch {
  return () => (status === 0
    ? Promise.reject(new TypeError('Failed to fetch'))
    : Promise.resolve(new Response(body, { status, headers: { 'Content-Type': contentType } })));
}

describe('JSON API example adapter (ZorgDossier)', () => {
  it('maps a client to an nl-core Patient: name parts, given names (BR) and initials (IN), BSN, birth date from DD-MM-YYYY, gender', async () => {
    const { adapter } = zorgDossier(data());
    const patient = await adapter.read<Patient>('Patient', '1001');
    const [name] = patient.name!;
    expect(name.family).to.equal('van Putten');
    expect(name._family?.extension).to.deep.equal([
      { url: 'http://hl7.org/fhir/StructureDefinition/humanname-own-prefix', valueString: 'van' },
      { url: 'http://hl7.org/fhir/StructureDefinition/humanname-own-name', valueString: 'Putten' },
    ]);
    expect(name.given).to.deep.equal(['Johanna', 'Petronella', 'Maria', 'J.', 'P.', 'M.']);
    expect(name._given?.map((g) => g?.extension?.[0]?.valueCode)).to.deep.equal(['BR', 'BR', 'BR', 'IN', 'IN', 'IN']);
    expect(patient.identifier).to.deep.include({ use: 'official', system: SYSTEMS.bsn, value: BSN });
    expect(patient.identifier).to.deep.include({ use: 'usual', system: CLIENT_NR_SYSTEM, value: '1001' });
    expect(patient.birthDate).to.equal('1945-07-14');
    expect(patient.gender).to.equal('female');
  });

  it('the patient banner runs on it unchanged: given names and family name, the birth date, the BSN; allergies "unavailable" (ZorgDossier holds none), never "not recorded"', async () => {
    const { adapter } = zorgDossier(data());
    await setLocale('nl');
    try {
      const context = await fixture(html`<zk-context .adapter=${adapter}><zk-patient-banner patient-id="1001" show-allergies></zk-patient-banner></zk-context>`);
      const banner = context.querySelector<ZkPatientBanner>('zk-patient-banner')!;
      await waitUntil(() => banner.shadowRoot?.querySelector('[part~="name"]') && banner.shadowRoot.querySelector('[part~="allergies"]'), 'the banner shows a name and the allergy status');
      const shown = banner.shadowRoot!.textContent.replace(/\s+/g, ' ');
      expect(banner.shadowRoot!.querySelector('[part~="name"]')!.textContent.replace(/\s+/g, ' ').trim()).to.equal('Johanna Petronella Maria van Putten');
      expect(shown).to.include('14 jul 1945');
      expect(shown).to.include('999911120');
      expect(banner.shadowRoot!.querySelector('[part~="allergies"]')!.textContent).to.include('Allergieën niet beschikbaar');
      await expect(banner).to.be.accessible();
    } finally {
      await setLocale(undefined);
    }
  });

  it('a birth date that is not on the calendar (31-02-1980) is an InvalidResourceError, never a guessed date', async () => {
    const { adapter } = zorgDossier({ clients: [{ ...jo, geboortedatum: '31-02-1980' }] });
    expect(await rejection(adapter.read('Patient', '1001'))).to.be.instanceOf(InvalidResourceError);
  });

  it('medication: voorschrift → MedicationRequest (MP9 agreement), gebruik → MedicationStatement, the Medication from the embedded middel; one request per type, no per-row reads', async () => {
    const { api, adapter } = zorgDossier(data());
    const records = await new UtilityClient(adapter).getMedications('1001');
    const byId = new Map(records.map((r) => [r.resource.id, r]));
    const v1 = byId.get('v1')!;
    expect(v1.resource.resourceType).to.equal('MedicationRequest');
    expect((v1.resource as MedicationRequest).category?.[0]?.coding?.[0]?.code).to.equal('33633005');
    expect(v1.resource.status).to.equal('active');
    expect((v1.resource as MedicationRequest).dosageInstruction?.[0]?.text).to.equal('3 maal daags 1 tablet');
    expect(v1.medication?.code?.coding?.[0]).to.deep.equal({ system: SYSTEMS.snomed, code: '387207008', display: 'Ibuprofen' });
    expect(byId.get('v2')!.concept?.text).to.equal('Omeprazol 20 mg capsule');
    expect(byId.get('v2')!.resource.status).to.equal('stopped');
    expect(byId.get('g1')!.resource.resourceType).to.equal('MedicationStatement');
    expect(byId.get('g1')!.resource.effectivePeriod).to.deep.equal({ start: '2026-11-02', end: '2026-11-30' });
    expect(api.requests.map((r) => `${r.method} ${r.url.pathname}?${r.url.searchParams.get('soort')}`).sort()).to.deep.equal([
      'GET /v2/clients/1001/medicatie?gebruik', 'GET /v2/clients/1001/medicatie?voorschrift',
    ]);
  });

  it('sends a status filter in the platform\'s words; a FHIR status it has no word for matches nothing, without a request', async () => {
    const { api, adapter } = zorgDossier(data());
    const stopped = await adapter.search('MedicationRequest', { patient: '1001', status: 'stopped' });
    expect(stopped.matches.map((m) => m.id)).to.deep.equal(['v2']);
    expect(api.requests.at(-1)!.url.searchParams.get('status')).to.equal('gestopt');
    const before = api.requests.length;
    expect((await adapter.search('MedicationStatement', { patient: '1001', status: 'cancelled' })).matches).to.deep.equal([]);
    expect(api.requests.length).to.equal(before);
  });

  it('recording a consent twice through the UtilityClient (a retry) stores one decision: the identifier is the Idempotency-Key', async () => {
    const { api, adapter } = zorgDossier(data());
    const client = new UtilityClient(adapter);
    const request = requestFromAttributes({ recipient: 'Huisartsenpost Regio Oost', purpose: 'TREAT', data: 'Medicatie, Allergieën', until: '2027-12-31' })!;
    const identifier = newIdentifier();
    const consent = buildConsent({ request, decision: 'permit', identifier, patientId: '1001', now: new Date('2026-11-22T10:00:00+01:00') });
    const first = await client.recordConsent(consent);
    const second = await client.recordConsent(consent);
    expect(second.id).to.equal(first.id);
    expect(api.data.toestemmingen).to.have.length(1);
    const posts = api.requests.filter((r) => r.method === 'POST');
    expect(posts.map((r) => r.headers.get('Idempotency-Key'))).to.deep.equal([identifier.value, identifier.value]);
    expect(api.data.toestemmingen[0]).to.deep.include({
      client: '1001', besluit: 'ja', status: 'geldig', ontvanger: 'Huisartsenpost Regio Oost', doelen: ['TREAT'],
      gegevens: ['Medicatie', 'Allergieën'], geldigTot: '31-12-2027', vastgelegdDoor: { soort: 'client' }, versie: 1,
    });
    expect(first.provision?.type).to.equal('permit');
    expect(first.identifier).to.deep.equal([identifier]);
  });

  it('refuses a consent it cannot store completely (a nested exception): InvalidResourceError, and nothing is sent', async () => {
    const { api, adapter } = zorgDossier(data());
    const consent: Consent = { ...consentFor('1001', `urn:uuid:${crypto.randomUUID()}`), provision: { type: 'permit', provision: [{ type: 'deny' }] } };
    expect(await rejection(adapter.create(consent))).to.be.instanceOf(InvalidResourceError);
    expect(api.requests).to.deep.equal([]);
  });

  it('writes consents only: canWrite says so, and a Patient write is a ForbiddenError without a request', async () => {
    const { api, adapter } = zorgDossier(data());
    expect(adapter.canWrite('Consent')).to.equal(true);
    expect(adapter.canWrite('Patient')).to.equal(false);
    expect(await rejection(adapter.update({ resourceType: 'Patient', id: '1001' }))).to.be.instanceOf(ForbiddenError);
    expect(api.requests).to.deep.equal([]);
  });

  it('a type ZorgDossier does not hold (AllergyIntolerance) is an error, never an empty list ("not recorded" would be untrue)', async () => {
    const { adapter } = zorgDossier(data());
    expect(await rejection(adapter.search('AllergyIntolerance', { patient: '1001' }))).to.be.instanceOf(ServerError);
  });

  it('turns platform failures into typed errors: 401, 404, 500 (retryable, with the platform\'s message), HTML, no connection', async () => {
    const read = (fetchFn: typeof fetch) => rejection(new ZorgDossierAdapter({ baseUrl: 'https://api.zorgdossier.example/v2', fetch: fetchFn }).read('Patient', '1001'));
    expect(await read(answering(401, '{"fout":{"code":"NIET_INGELOGD"}}'))).to.be.instanceOf(UnauthorizedError);
    expect(await read(answering(404, '{"fout":{"code":"NIET_GEVONDEN"}}'))).to.be.instanceOf(NotFoundError);
    const busy = await read(answering(500, '{"fout":{"code":"STORING","melding":"Storing bij ZorgDossier, probeer het later opnieuw."}}'));
    expect(busy).to.be.instanceOf(ServerError);
    expect((busy as ServerError).retryable).to.equal(true);
    expect((busy as ServerError).message).to.equal('Storing bij ZorgDossier, probeer het later opnieuw.');
    expect(await read(answering(200, '<html><body>Welkom</body></html>', 'text/html'))).to.be.instanceOf(InvalidResourceError);
    expect(await read(answering(0, ''))).to.be.instanceOf(NetworkError);
  });

  it('follows next links on the API only: a link elsewhere is not followed and the token goes nowhere', async () => {
    let calls = 0;
    const adapter = new ZorgDossierAdapter({
      baseUrl: 'https://api.zorgdossier.example/v2', token: () => Promise.resolve('secret-token'), fetch: () => { calls++; return Promise.reject(new Error('no')); },
    });
    const foreign = `zorgdossier:${encodeURIComponent(JSON.stringify({ type: 'Consent', url: 'https://elders.example/v2/toestemmingen?client=1001', include: false }))}`;
    expect(await rejection(adapter.nextPage(foreign))).to.be.instanceOf(InvalidResourceError);
    expect(await rejection(adapter.nextPage('https://api.zorgdossier.example/v2/toestemmingen?vanaf=3'))).to.be.instanceOf(ServerError);
    expect(calls).to.equal(0);
  });

  it('sends the token and Accept: application/json to the API', async () => {
    const { api, adapter } = zorgDossier(data(), { token: 'secret-token' });
    await adapter.read('Patient', '1001');
    expect(api.requests[0].headers.get('Authorization')).to.equal('Bearer secret-token');
    expect(api.requests[0].headers.get('Accept')).to.equal('application/json');
  });

  it('reads the launch context from the portal session (GET /sessie) once: patient, user, need_patient_banner', async () => {
    const { api, adapter } = zorgDossier({ ...data(), sessie: { client: '1001', medewerker: 'uzi-123', toonBanner: false } });
    expect(await adapter.launchContext()).to.deep.equal({ patient: '1001', user: 'Practitioner/uzi-123', needPatientBanner: false });
    await adapter.launchContext();
    expect(api.requests.filter((r) => r.url.pathname.endsWith('/sessie'))).to.have.length(1);
  });
});
