// The UtilityClient on the real MemoryAdapter. Calls to the adapter are counted by a transparent
// wrapper; a few subclasses play platforms that misbehave in ways a real server can.
import { expect } from '@open-wc/testing';
import { MemoryAdapter } from '../../src/adapters/memory.js';
import type { Adapter, RequestOptions, SearchPage, SearchParams } from '../../src/core/adapter.js';
import { newIdentifier, UtilityClient } from '../../src/core/client.js';
import { ConflictError, ForbiddenError, InvalidResourceError, NotFoundError, ServerError } from '../../src/core/errors.js';
import type { AllergyIntolerance, Bundle, Consent, MedicationStatement, Patient, Resource } from '../../src/core/fhir.js';
import { consentFor, contractSeed, medicationRequest, uniquePrefix } from '../adapters/adapter-contract.js';
import { rejection } from '../adapters/servers.js';

interface Call {
  method: string;
  args: unknown[];
}

/** Wraps an adapter, recording every call (method and arguments) before passing it on. */
function counted<A extends Adapter>(adapter: A): { adapter: A; calls: Call[]; count: (method: string, type?: string) => number } {
  const calls: Call[] = [];
  const proxy = new Proxy(adapter, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      if (property === 'canWrite') return (value as (type: string) => boolean).bind(target);
      return (...args: unknown[]) => {
        calls.push({ method: String(property), args });
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  const count = (method: string, type?: string) =>
    calls.filter((c) => c.method === method && (type === undefined || c.args[0] === type || (c.args[0] as Resource)?.resourceType === type)).length;
  return { adapter: proxy, calls, count };
}

function setup(extra: Resource[] = [], options: ConstructorParameters<typeof MemoryAdapter>[1] = {}) {
  const seed = contractSeed(uniquePrefix('client'));
  const memory = counted(new MemoryAdapter([...seed.resources, ...extra], options));
  return { seed, ...memory, client: new UtilityClient(memory.adapter) };
}

const abortName = (error: unknown) => (error instanceof DOMException ? error.name : String(error));

const unhandled: unknown[] = [];
const onUnhandled = (event: PromiseRejectionEvent) => unhandled.push(event.reason);

describe('UtilityClient', () => {
  before(() => window.addEventListener('unhandledrejection', onUnhandled));
  after(() => window.removeEventListener('unhandledrejection', onUnhandled));

  describe('getPatient', () => {
    it('answers the patient', async () => {
      const { client, seed } = setup();
      const patient = await client.getPatient(seed.patient);
      expect(patient.id).to.equal(seed.patient);
      expect(patient.name?.[0]?.family).to.equal('Testpersoon');
    });

    it('an unknown patient is a NotFoundError, and the failure is not kept: once it exists, it is found', async () => {
      const { client, adapter, seed } = setup();
      expect(await rejection(client.getPatient(`${seed.prefix}-late`))).to.be.instanceOf(NotFoundError);
      await adapter.update({ resourceType: 'Patient', id: `${seed.prefix}-late`, name: [{ family: 'Laat' }] });
      expect((await client.getPatient(`${seed.prefix}-late`)).name?.[0]?.family).to.equal('Laat');
    });

    it('10 identical concurrent reads make 1 adapter call, and a later read is served from the cache', async () => {
      const { client, count, seed } = setup([], { latencyMs: 20 });
      const patients = await Promise.all(Array.from({ length: 10 }, () => client.getPatient(seed.patient)));
      expect(patients.every((p) => p.id === seed.patient)).to.equal(true);
      expect(count('read', 'Patient')).to.equal(1);
      await client.getPatient(seed.patient);
      expect(count('read', 'Patient')).to.equal(1);
    });

    it('shares one read-only answer: one component cannot change the data another one shows', async () => {
      const { client, seed } = setup();
      const [first, concurrent] = await Promise.all([client.getPatient(seed.patient), client.getPatient(seed.patient)]);
      expect(() => { first.name![0].family = 'Changed'; }).to.throw(TypeError);
      expect(() => { (first.name as unknown[]).push({}); }).to.throw(TypeError);
      expect(concurrent).to.equal(first);
      expect((await client.getPatient(seed.patient)).name?.[0]?.family).to.equal('Testpersoon');
      const records = await client.getMedications(seed.patient);
      expect(records.length).to.be.greaterThan(0);
      expect(() => { (records[0].resource as { status?: string }).status = 'stopped'; }).to.throw(TypeError);
    });

    it('sharing frozen answers leaves what the adapter gives other callers theirs to edit, and unseen by the client', async () => {
      const { client, adapter, seed } = setup();
      const shared = await client.getPatient(seed.patient);
      const records = await client.getMedications(seed.patient);
      const own = await adapter.read<Patient>('Patient', seed.patient);
      own.name![0].family = 'Bewerkt';
      const [ownRequest] = (await adapter.search('MedicationRequest', { patient: seed.patient })).matches;
      ownRequest.status = 'entered-in-error';
      expect(shared.name?.[0]?.family).to.equal('Testpersoon');
      expect(records.map((r) => r.resource.status)).not.to.include('entered-in-error');
      expect((await adapter.read<Patient>('Patient', seed.patient)).name?.[0]?.family).to.equal('Testpersoon');
    });

    it('an answer of the wrong type, or of another patient, is an InvalidResourceError', async () => {
      class WrongAnswers extends MemoryAdapter {
        override read<T extends Resource>(type: string, id: string, options?: RequestOptions): Promise<T> {
          return id === 'wrong-type' ? super.read<T>('Medication', 'm1', options) : super.read<T>(type, 'p2', options);
        }
      }
      const client = new UtilityClient(new WrongAnswers([
        { resourceType: 'Medication', id: 'm1' }, { resourceType: 'Patient', id: 'p2' },
      ]));
      expect(await rejection(client.getPatient('wrong-type'))).to.be.instanceOf(InvalidResourceError);
      expect(await rejection(client.getPatient('p1'))).to.be.instanceOf(InvalidResourceError);
    });
  });

  describe('abort', () => {
    it('one caller aborting rejects only that caller with AbortError; the others still get the answer from the one call', async () => {
      const { client, count, seed } = setup([], { latencyMs: 60 });
      const controller = new AbortController();
      const aborted = rejection(client.getPatient(seed.patient, { signal: controller.signal }));
      const other = client.getPatient(seed.patient, { signal: new AbortController().signal });
      const noSignal = client.getPatient(seed.patient);
      controller.abort();
      expect(abortName(await aborted)).to.equal('AbortError');
      expect((await other).id).to.equal(seed.patient);
      expect((await noSignal).id).to.equal(seed.patient);
      expect(count('read', 'Patient')).to.equal(1);
    });

    it('when every caller has aborted, the request itself is aborted and the next call starts afresh', async () => {
      const { client, calls, count, seed } = setup([], { latencyMs: 60 });
      const a = new AbortController();
      const b = new AbortController();
      const first = rejection(client.getPatient(seed.patient, { signal: a.signal }));
      const second = rejection(client.getPatient(seed.patient, { signal: b.signal }));
      a.abort();
      const adapterSignal = (calls[0].args[2] as RequestOptions).signal!;
      expect(adapterSignal.aborted).to.equal(false);
      b.abort();
      expect(adapterSignal.aborted).to.equal(true);
      expect(abortName(await first)).to.equal('AbortError');
      expect(abortName(await second)).to.equal('AbortError');
      expect((await client.getPatient(seed.patient)).id).to.equal(seed.patient);
      expect(count('read', 'Patient')).to.equal(2);
    });

    it('an already aborted signal rejects at once and asks the adapter nothing', async () => {
      const { client, calls, seed } = setup();
      const controller = new AbortController();
      controller.abort();
      expect(abortName(await rejection(client.getMedications(seed.patient, { signal: controller.signal })))).to.equal('AbortError');
      expect(calls).to.have.length(0);
    });
  });

  describe('getMedications', () => {
    it('answers MedicationRequests and MedicationStatements with the medication from _include, contained, or the CodeableConcept', async () => {
      const statement: MedicationStatement = {
        resourceType: 'MedicationStatement',
        id: 'ms-contained',
        status: 'active',
        subject: { reference: 'Patient/PLACEHOLDER' },
        contained: [{ resourceType: 'Medication', id: 'med1', code: { text: 'Lisinopril 10 mg tablet' } }],
        medicationReference: { reference: '#med1' },
      };
      const seed = contractSeed(uniquePrefix('client'));
      statement.subject = { reference: `Patient/${seed.patient}` };
      const records = await new UtilityClient(new MemoryAdapter([...seed.resources, statement])).getMedications(seed.patient);
      const byId = new Map(records.map((r) => [r.resource.id, r]));
      expect([...byId.keys()].sort()).to.deep.equal([...['mr1', 'mr2', 'mr3', 'mr4'].map((n) => `${seed.prefix}-${n}`), 'ms-contained'].sort());
      expect(byId.get(`${seed.prefix}-mr1`)!.medication?.id).to.equal(seed.medication);
      expect(byId.get(`${seed.prefix}-mr1`)!.concept?.text).to.equal('Ibuprofen 400 mg tablet');
      expect(byId.get(`${seed.prefix}-mr2`)!.medication).to.equal(undefined);
      expect(byId.get(`${seed.prefix}-mr2`)!.concept?.text).to.equal('Paracetamol 500 mg tablet');
      expect(byId.get('ms-contained')!.medication?.code?.text).to.equal('Lisinopril 10 mg tablet');
      expect(byId.get('ms-contained')!.concept?.text).to.equal('Lisinopril 10 mg tablet');
    });

    it('reads the Medication itself when the platform does not support _include', async () => {
      class NoInclude extends MemoryAdapter {
        override async search<T extends Resource>(type: string, params: SearchParams, options?: RequestOptions): Promise<SearchPage<T>> {
          return { ...(await super.search<T>(type, params, options)), included: [] };
        }
      }
      const seed = contractSeed(uniquePrefix('client'));
      const { adapter, count } = counted(new NoInclude(seed.resources));
      const records = await new UtilityClient(adapter).getMedications(seed.patient);
      expect(records.find((r) => r.resource.id === `${seed.prefix}-mr1`)!.concept?.text).to.equal('Ibuprofen 400 mg tablet');
      expect(count('read', 'Medication')).to.equal(1);
    });

    it('shows the reference display when the Medication cannot be found, and nothing invented otherwise', async () => {
      const seed = contractSeed(uniquePrefix('client'));
      const client = new UtilityClient(new MemoryAdapter([
        ...seed.resources,
        medicationRequest('gone-with-display', seed.patient, { medicationReference: { reference: 'Medication/gone', display: 'Warfarine 1 mg tablet' } }),
        medicationRequest('gone-bare', seed.patient, { medicationReference: { reference: 'Medication/gone' } }),
      ]));
      const records = await client.getMedications(seed.patient);
      expect(records.find((r) => r.resource.id === 'gone-with-display')!.concept).to.deep.equal({ text: 'Warfarine 1 mg tablet' });
      expect(records.find((r) => r.resource.id === 'gone-bare')!.concept).to.equal(undefined);
    });

    it('reads every page through the next links, each record once', async () => {
      const { seed, adapter, count } = setup();
      const records = await new UtilityClient(adapter, { pageSize: 1 }).getMedications(seed.patient);
      expect(records.map((r) => r.resource.id).sort()).to.deep.equal(['mr1', 'mr2', 'mr3', 'mr4'].map((n) => `${seed.prefix}-${n}`));
      expect(count('nextPage')).to.equal(3);
    });

    it('a next link that repeats is an error, not an endless or doubled list', async () => {
      class RepeatingLinks extends MemoryAdapter {
        override async nextPage<T extends Resource>(next: string, options?: RequestOptions): Promise<SearchPage<T>> {
          return { ...(await super.nextPage<T>(next, options)), next };
        }
      }
      const seed = contractSeed(uniquePrefix('client'));
      const error = await rejection(new UtilityClient(new RepeatingLinks(seed.resources), { pageSize: 1 }).getMedications(seed.patient));
      expect(error).to.be.instanceOf(ServerError);
      expect((error as Error).message).to.match(/same page/);
    });

    it('more pages than the cap is an error, never a list shown incomplete', async () => {
      const seed = contractSeed(uniquePrefix('client'));
      const error = await rejection(new UtilityClient(new MemoryAdapter(seed.resources), { pageSize: 1, maxPages: 3 }).getMedications(seed.patient));
      expect(error).to.be.instanceOf(ServerError);
      const exact = await new UtilityClient(new MemoryAdapter(seed.resources), { pageSize: 1, maxPages: 4 }).getMedications(seed.patient);
      expect(exact).to.have.length(4);
    });

    it("records of another patient (a platform that ignored the patient filter) are an InvalidResourceError, not shown", async () => {
      class IgnoresPatient extends MemoryAdapter {
        override search<T extends Resource>(type: string, params: SearchParams, options?: RequestOptions): Promise<SearchPage<T>> {
          const rest = { ...params };
          delete rest.patient;
          return super.search<T>(type, rest, options);
        }
      }
      const seed = contractSeed(uniquePrefix('client'));
      const { adapter, count } = counted(new IgnoresPatient(seed.resources));
      const client = new UtilityClient(adapter);
      const error = await rejection(client.getMedications(seed.patient));
      expect(error).to.be.instanceOf(InvalidResourceError);
      expect((error as Error).message).to.match(/another patient/);
      expect(await rejection(client.getConsents(seed.other))).to.be.instanceOf(InvalidResourceError);
      // A bad answer is not kept: trying again asks again.
      await rejection(client.getMedications(seed.patient));
      expect(count('search', 'MedicationRequest')).to.equal(2);
    });
  });

  describe('getAllergyStatus', () => {
    const allergy = (patient: string, code: string, extra: Partial<AllergyIntolerance> = {}): AllergyIntolerance => ({
      resourceType: 'AllergyIntolerance',
      patient: { reference: `Patient/${patient}` },
      code: { coding: [{ system: 'http://snomed.info/sct', code }] },
      ...extra,
    });

    it("known / none / not-recorded from the patient's AllergyIntolerance records", async () => {
      const seed = contractSeed(uniquePrefix('client'));
      const client = new UtilityClient(new MemoryAdapter([
        ...seed.resources,
        allergy(seed.patient, '91936005'),
        allergy(seed.other, '716186003'),
      ]));
      const known = await client.getAllergyStatus(seed.patient);
      expect(known.status).to.equal('known');
      expect(known.allergies).to.have.length(1);
      expect((await client.getAllergyStatus(seed.other)).status).to.equal('none');
      expect((await client.getAllergyStatus(`${seed.prefix}-nobody`)).status).to.equal('not-recorded');
    });
  });

  describe('consents', () => {
    it('recordConsent stores a consent once, however often it is sent (If-None-Exist on its identifier)', async () => {
      const { client, seed } = setup();
      const consent: Consent = { ...consentFor(seed.patient), identifier: [newIdentifier()] };
      const [first, second] = await Promise.all([client.recordConsent(consent), client.recordConsent(consent)]);
      const third = await client.recordConsent(consent);
      expect(first.id).to.be.a('string');
      expect(second.id).to.equal(first.id);
      expect(third.id).to.equal(first.id);
      const consents = await client.getConsents(seed.patient);
      expect(consents.filter((c) => c.identifier?.[0]?.value === consent.identifier![0].value)).to.have.length(1);
    });

    it('an identifier with search special characters (\\ , | $) is refused: not every server could match it, so a retry could duplicate', async () => {
      const { client, seed, count } = setup();
      for (const value of ['a|b', 'a,b', 'a$b', 'a\\b']) {
        const error = await rejection(client.recordConsent({ ...consentFor(seed.patient), identifier: [{ system: 'https://zorgkit.test/consent', value }] }));
        expect(error, value).to.be.instanceOf(InvalidResourceError);
      }
      expect(count('create')).to.equal(0);
    });

    it('recordConsent without an identifier (system and value) is refused with a clear error, and nothing is stored', async () => {
      const { client, seed, count } = setup();
      for (const identifier of [undefined, [], [{ value: 'x' }], [{ system: 'urn:ietf:rfc:3986', value: '' }]]) {
        const error = await rejection(client.recordConsent({ ...consentFor(seed.patient), ...(identifier ? { identifier } : {}) }));
        expect(error).to.be.instanceOf(InvalidResourceError);
        expect((error as Error).message).to.match(/identifier/);
      }
      expect(count('create')).to.equal(0);
    });

    it('recordConsent where consents may not be written is a ForbiddenError', async () => {
      const { client, seed, count } = setup([], { writable: false });
      expect(client.canWrite('Consent')).to.equal(false);
      const error = await rejection(client.recordConsent({ ...consentFor(seed.patient), identifier: [newIdentifier()] }));
      expect(error).to.be.instanceOf(ForbiddenError);
      expect(count('create')).to.equal(0);
    });

    it('withdrawConsent saves status inactive only against the version it was shown (If-Match)', async () => {
      const { client, seed, calls } = setup();
      const [consent] = (await client.getConsents(seed.patient)).filter((c) => c.id === seed.consent);
      const withdrawn = await client.withdrawConsent(consent);
      expect(withdrawn.status).to.equal('inactive');
      expect(withdrawn.meta?.versionId).to.equal('2');
      const update = calls.find((c) => c.method === 'update')!;
      expect((update.args[1] as { ifMatch?: string }).ifMatch).to.equal('W/"1"');
    });

    it('withdrawConsent of a stale copy changed by someone else is a ConflictError and changes nothing more', async () => {
      const { client, adapter, seed } = setup();
      const stale = await adapter.read<Consent>('Consent', seed.consent);
      await adapter.update<Consent>({ ...stale, dateTime: '2026-11-23T09:00:00+01:00' });
      expect(await rejection(client.withdrawConsent(stale))).to.be.instanceOf(ConflictError);
      const current = await adapter.read<Consent>('Consent', seed.consent);
      expect(current.status).to.equal('active');
      expect(current.meta?.versionId).to.equal('2');
    });

    it('withdrawConsent of a consent someone else already withdrew counts as done', async () => {
      const { client, adapter, seed } = setup();
      const stale = await adapter.read<Consent>('Consent', seed.consent);
      await adapter.update<Consent>({ ...stale, status: 'inactive' });
      const result = await client.withdrawConsent(stale);
      expect(result.status).to.equal('inactive');
      expect(result.meta?.versionId).to.equal('2');
    });

    it('withdrawConsent of a consent never loaded from the server (no version) is refused', async () => {
      const { client, seed, count } = setup();
      expect(await rejection(client.withdrawConsent(consentFor(seed.patient, 'urn:uuid:x', seed.consent)))).to.be.instanceOf(InvalidResourceError);
      expect(count('update')).to.equal(0);
    });
  });

  describe('cache and change notification', () => {
    it('a consent write invalidates the Consent lists only: Patient and medication answers stay cached', async () => {
      const { client, count, seed } = setup();
      await Promise.all([client.getPatient(seed.patient), client.getMedications(seed.patient), client.getConsents(seed.patient)]);
      expect([count('read', 'Patient'), count('search', 'MedicationRequest'), count('search', 'Consent')]).to.deep.equal([1, 1, 1]);
      const recorded = await client.recordConsent({ ...consentFor(seed.patient), identifier: [newIdentifier()] });
      await Promise.all([client.getPatient(seed.patient), client.getMedications(seed.patient)]);
      const consents = await client.getConsents(seed.patient);
      expect(consents.map((c) => c.id)).to.include(recorded.id);
      expect([count('read', 'Patient'), count('search', 'MedicationRequest'), count('search', 'Consent')]).to.deep.equal([1, 1, 2]);
    });

    it('onChange tells listeners of the written type, not of others, until they unsubscribe', async () => {
      const { client, seed } = setup();
      const heard: string[] = [];
      const stop = client.onChange('Consent', (type) => heard.push(`consent:${type}`));
      client.onChange('Patient', (type) => heard.push(`patient:${type}`));
      await client.recordConsent({ ...consentFor(seed.patient), identifier: [newIdentifier()] });
      expect(heard).to.deep.equal(['consent:Consent']);
      stop();
      await client.recordConsent({ ...consentFor(seed.patient), identifier: [newIdentifier()] });
      expect(heard).to.deep.equal(['consent:Consent']);
    });

    it('invalidate(type) makes the next call ask the adapter again and tells the listeners', async () => {
      const { client, count, seed } = setup();
      const heard: string[] = [];
      client.onChange('Patient', (type) => heard.push(type));
      await client.getPatient(seed.patient);
      client.invalidate('Patient');
      await client.getPatient(seed.patient);
      expect(count('read', 'Patient')).to.equal(2);
      expect(heard).to.deep.equal(['Patient']);
    });
  });

  describe('on the demo data set', () => {
    // The demo data is plain JavaScript without type declarations: loaded by URL.
    const demoData = '../../demo/data/demo-data.js';
    const loadDemo = async () => (await import(demoData)) as { demoBundle: Bundle };

    it('answers every demo patient: a patient, medications each with a name, an allergy status, consents', async () => {
      const adapter = new MemoryAdapter((await loadDemo()).demoBundle);
      const client = new UtilityClient(adapter);
      const patients = (await adapter.search<Patient>('Patient', {})).matches;
      expect(patients.length).to.be.greaterThan(0);
      for (const patient of patients) {
        expect((await client.getPatient(patient.id!)).id).to.equal(patient.id);
        const medications = await client.getMedications(patient.id!);
        const unnamed = medications.filter((m) => !m.concept?.text && !m.concept?.coding?.some((c) => c.display));
        expect(unnamed.map((m) => m.resource.id), `medications without a name for ${patient.id!}`).to.deep.equal([]);
        expect(['known', 'none', 'not-recorded']).to.include((await client.getAllergyStatus(patient.id!)).status);
        await client.getConsents(patient.id!);
      }
    });

    it('gives the allergy status the demo patients are described with (PAB-0064…0071)', async () => {
      const client = new UtilityClient(new MemoryAdapter((await loadDemo()).demoBundle));
      expect((await client.getAllergyStatus('patient-van-putten')).status).to.equal('known');
      expect((await client.getAllergyStatus('patient-de-vries')).status).to.equal('none');
      expect((await client.getAllergyStatus('patient-bakker-de-jong')).status).to.equal('not-recorded');
    });
  });

  // Mocha runs a suite's own tests before its nested suites: this suite, defined last, runs last.
  describe('afterwards', () => {
    it('no error or abort path above left an unhandled promise rejection', async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(unhandled).to.deep.equal([]);
    });
  });
});
