import { expect } from '@open-wc/testing';
import { MemoryAdapter } from '../../src/adapters/memory.js';
import { ConflictError, ForbiddenError, NotFoundError, ServerError } from '../../src/core/errors.js';
import type { Bundle, Consent, MedicationRequest, Patient } from '../../src/core/fhir.js';
import { consentFor, contractSeed, runAdapterContract, uniquePrefix } from './adapter-contract.js';
import { rejection } from './servers.js';

runAdapterContract('MemoryAdapter', (seed) => Promise.resolve(new MemoryAdapter(seed)));

describe('MemoryAdapter', () => {
  it('seeded from a Bundle, resolves references to entry fullUrls (urn:uuid) to Type/id', async () => {
    const bundle: Bundle = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        { fullUrl: 'urn:uuid:7c1e6f0a-0000-4000-8000-000000000001', resource: { resourceType: 'Patient', name: [{ family: 'Testpersoon' }] } },
        {
          fullUrl: 'urn:uuid:7c1e6f0a-0000-4000-8000-000000000002',
          resource: {
            resourceType: 'MedicationRequest', status: 'active', intent: 'order',
            subject: { reference: 'urn:uuid:7c1e6f0a-0000-4000-8000-000000000001' }, medicationCodeableConcept: { text: 'Paracetamol' },
          } satisfies MedicationRequest,
        },
      ],
    };
    const adapter = new MemoryAdapter(bundle);
    const [patient] = (await adapter.search<Patient>('Patient', {})).matches;
    expect(patient?.id).to.be.a('string');
    const { matches } = await adapter.search<MedicationRequest>('MedicationRequest', { patient: patient.id! });
    expect(matches).to.have.length(1);
    expect(matches[0].subject?.reference).to.equal(`Patient/${patient.id!}`);
  });

  it('refuses what JSON would change silently (a Date would become a UTC timestamp, a day early in Dutch time), naming the seed entry', async () => {
    const cyclic: Patient & { self?: unknown } = { resourceType: 'Patient', id: 'loop' };
    cyclic.self = cyclic;
    expect(() => new MemoryAdapter([{ resourceType: 'Patient', id: 'ok' }, cyclic])).to.throw(TypeError, /seed entry 1 is not JSON/);
    const born = new Date(1950, 2, 14) as unknown as string;
    class Name { family = 'Testpersoon'; }
    const notJson: Record<string, unknown>[] = [
      { birthDate: born }, { _birthDate: { extension: [{ valueDateTime: born }] } }, { name: new Map([['family', 'Testpersoon']]) }, { name: [new Name()] },
    ];
    for (const extra of notJson) {
      expect(() => new MemoryAdapter([{ resourceType: 'Patient', id: 'p', ...extra }]), Object.keys(extra)[0]).to.throw(TypeError, /seed entry 0 is not JSON/);
    }
    const adapter = new MemoryAdapter([{ resourceType: 'Patient', id: 'p', birthDate: '1950-03-14' }]);
    const error = await rejection(adapter.update({ resourceType: 'Patient', id: 'p', birthDate: born }));
    expect(error).to.be.instanceOf(ServerError);
    expect((error as ServerError).status).to.equal(400);
    expect((await adapter.read<Patient>('Patient', 'p')).birthDate, 'nothing saved').to.equal('1950-03-14');
  });

  it('takes plain JSON made in another frame (an iframe\'s JSON.parse), and still refuses its Dates', async () => {
    const frame = document.createElement('iframe');
    document.body.append(frame);
    try {
      const other = frame.contentWindow as Window & typeof globalThis;
      const foreign = other.JSON.parse('{"resourceType":"Patient","id":"f1","name":[{"family":"Testpersoon"}]}') as Patient;
      const adapter = new MemoryAdapter([foreign]);
      expect((await adapter.read<Patient>('Patient', 'f1')).name?.[0]?.family).to.equal('Testpersoon');
      const dated = other.JSON.parse('{"resourceType":"Patient","id":"f2"}') as Patient;
      Object.assign(dated, { birthDate: new other.Date(1950, 2, 14) });
      expect(() => new MemoryAdapter([dated])).to.throw(TypeError, /seed entry 0 is not JSON/);
    } finally {
      frame.remove();
    }
  });

  it('a read-only caller gets the stored records frozen (changing them throws); other callers still get copies of their own', async () => {
    const seed = contractSeed(uniquePrefix('mem'));
    const adapter = new MemoryAdapter(seed.resources);
    const shared = await adapter.read<Patient>('Patient', seed.patient, { readOnly: true });
    expect(() => { shared.name![0].family = 'Changed'; }).to.throw(TypeError);
    const [found] = (await adapter.search<Patient>('Patient', { _id: seed.patient }, { readOnly: true })).matches;
    expect(Object.isFrozen(found.name![0])).to.equal(true);
    const own = await adapter.read<Patient>('Patient', seed.patient);
    own.name![0].family = 'Changed';
    expect((await adapter.read<Patient>('Patient', seed.patient, { readOnly: true })).name?.[0]?.family).to.equal('Testpersoon');
    const updated = await adapter.update({ ...own });
    expect(updated.meta?.versionId).to.equal('2');
    const after = await adapter.read<Patient>('Patient', seed.patient, { readOnly: true });
    expect([after.name?.[0]?.family, Object.isFrozen(after.meta)]).to.deep.equal(['Changed', true]);
    expect(Object.isFrozen(updated)).to.equal(false);
  });

  it('keeps its own copy of the seed: changing the seed afterwards changes nothing', async () => {
    const seed = contractSeed(uniquePrefix('mem'));
    const adapter = new MemoryAdapter(seed.resources);
    (seed.resources[0] as Patient).name![0].family = 'Changed';
    expect((await adapter.read<Patient>('Patient', seed.patient)).name?.[0]?.family).to.equal('Testpersoon');
  });

  it('a conditional create that matches several records is a 412 ConflictError and creates nothing', async () => {
    const seed = contractSeed(uniquePrefix('mem'));
    const adapter = new MemoryAdapter([...seed.resources, consentFor(seed.patient, 'urn:uuid:same'), consentFor(seed.patient, 'urn:uuid:same')]);
    const error = await rejection(adapter.create(consentFor(seed.patient, 'urn:uuid:same'), { ifNoneExist: 'identifier=urn:ietf:rfc:3986|urn:uuid:same' }));
    expect(error).to.be.instanceOf(ConflictError);
    expect((error as ConflictError).status).to.equal(412);
    expect((await adapter.search('Consent', { identifier: 'urn:ietf:rfc:3986|urn:uuid:same' })).matches).to.have.length(2);
  });

  it('If-Match on a record that does not exist is a NotFoundError; without If-Match, update creates it (as a FHIR server does)', async () => {
    const seed = contractSeed(uniquePrefix('mem'));
    const adapter = new MemoryAdapter(seed.resources);
    const consent = consentFor(seed.patient, undefined, `${seed.prefix}-new`);
    expect(await rejection(adapter.update(consent, { ifMatch: 'W/"1"' }))).to.be.instanceOf(NotFoundError);
    const created = await adapter.update(consent);
    expect(created.meta?.versionId).to.equal('1');
    expect((await adapter.read<Consent>('Consent', `${seed.prefix}-new`)).status).to.equal('active');
  });

  it('writes only the types it was told it may write, and says so in canWrite', async () => {
    const seed = contractSeed(uniquePrefix('mem'));
    const adapter = new MemoryAdapter(seed.resources, { writable: ['Consent'] });
    expect(adapter.canWrite('Consent')).to.equal(true);
    expect(adapter.canWrite('Patient')).to.equal(false);
    const error = await rejection(adapter.update({ resourceType: 'Patient', id: seed.patient, name: [{ family: 'Changed' }] }));
    expect(error).to.be.instanceOf(ForbiddenError);
    expect((await adapter.read<Patient>('Patient', seed.patient)).name?.[0]?.family).to.equal('Testpersoon');
    expect(new MemoryAdapter([], { writable: false }).canWrite('Consent')).to.equal(false);
  });

  it('an unknown _include is an error, not a silent omission', async () => {
    const seed = contractSeed(uniquePrefix('mem'));
    const adapter = new MemoryAdapter(seed.resources);
    expect(await rejection(adapter.search('MedicationRequest', { _include: 'MedicationRequest:nonsense' }))).to.be.instanceOf(ServerError);
  });

  it('a next link it did not make is an error', async () => {
    expect(await rejection(new MemoryAdapter([]).nextPage('memory:%7Bbroken'))).to.be.instanceOf(ServerError);
  });

  it('with latencyMs, answers after the delay, and an abort during the delay rejects at once with AbortError', async () => {
    const seed = contractSeed(uniquePrefix('mem'));
    const adapter = new MemoryAdapter(seed.resources, { latencyMs: 150 });
    const started = performance.now();
    await adapter.read('Patient', seed.patient);
    expect(performance.now() - started).to.be.at.least(140);
    const controller = new AbortController();
    const pending = rejection(adapter.read('Patient', seed.patient, { signal: controller.signal }));
    const abortedAt = performance.now();
    controller.abort();
    const error = await pending;
    expect((error as DOMException).name).to.equal('AbortError');
    expect(performance.now() - abortedAt).to.be.below(100);
  });

  it('reports the launch context it was given', async () => {
    const adapter = new MemoryAdapter([], { launch: { patient: 'pat-1', needPatientBanner: false } });
    expect(await adapter.launchContext()).to.deep.equal({ patient: 'pat-1', needPatientBanner: false });
  });
});
