// The contract every adapter meets, run against the MemoryAdapter, the FhirRestAdapter (on a real
// FHIR R4 server) and the docs' example adapter for a non-FHIR JSON API. Each run makes its own
// fictional records with unique ids, so runs never meet.
import { expect } from '@open-wc/testing';
import type { Adapter } from '../../src/core/adapter.js';
import { ConflictError, NotFoundError, ZkError } from '../../src/core/errors.js';
import type { Consent, Identifier, Medication, MedicationRequest, Patient, Resource } from '../../src/core/fhir.js';

export const TEST_ID_SYSTEM = 'https://zorgkit.test/fhir/id';

/**
 * What a platform that does not speak FHIR may legitimately differ in. The defaults are what a FHIR
 * server does; the MemoryAdapter and the FhirRestAdapter run with the defaults.
 */
export interface AdapterContractOptions {
  /**
   * Types the platform keeps no versions of: their records carry no `meta.versionId`, and must not
   * carry a made-up one (it would make `If-Match` meaningless). Consent cannot be one of them:
   * withdrawing a consent relies on `If-Match`.
   */
  unversionedTypes?: readonly string[];
  /**
   * The identifier the seed's Patient carries, which the identifier search looks for (default
   * `TEST_ID_SYSTEM|<prefix>-id`). A platform that finds patients by BSN only gives a BSN.
   */
  patientIdentifier?: (prefix: string) => Required<Pick<Identifier, 'system' | 'value'>>;
}

/** A unique prefix for the ids of one test's records. */
export function uniquePrefix(label: string): string {
  return `zk-${label}-${Math.random().toString(36).slice(2, 10)}`;
}

/** A valid R4 Consent (privacy, permit) for `patientId`. Fictional. */
export function consentFor(patientId: string, identifierValue?: string, id?: string): Consent {
  return {
    resourceType: 'Consent',
    ...(id ? { id } : {}),
    status: 'active',
    scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'patient-privacy' }] },
    category: [{ coding: [{ system: 'http://loinc.org', code: '59284-0' }] }],
    patient: { reference: `Patient/${patientId}` },
    dateTime: '2026-11-22T10:00:00+01:00',
    policyRule: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'OPTIN' }] },
    provision: { type: 'permit' },
    ...(identifierValue ? { identifier: [{ system: 'urn:ietf:rfc:3986', value: identifierValue }] } : {}),
  };
}

/** A valid R4 MedicationRequest for `patientId`. Fictional. */
export function medicationRequest(id: string, patientId: string, medication: Partial<MedicationRequest>, status: MedicationRequest['status'] = 'active'): MedicationRequest {
  return { resourceType: 'MedicationRequest', id, status, intent: 'order', subject: { reference: `Patient/${patientId}` }, ...medication };
}

/** The records of one contract run: two patients, a Medication, five MedicationRequests, a Consent. */
export function contractSeed(
  prefix: string,
  options: Pick<AdapterContractOptions, 'patientIdentifier'> = {},
): { prefix: string; resources: Resource[]; patient: string; other: string; medication: string; consent: string; identifier: string; identifierSystem: string } {
  const patient = `${prefix}-pat`;
  const other = `${prefix}-other`;
  const medication = `${prefix}-med`;
  const consent = `${prefix}-consent`;
  const { system: identifierSystem, value: identifier } = options.patientIdentifier?.(prefix) ?? { system: TEST_ID_SYSTEM, value: `${prefix}-id` };
  const med: Medication = {
    resourceType: 'Medication',
    id: medication,
    code: { coding: [{ system: 'http://snomed.info/sct', code: '387207008', display: 'Ibuprofen' }], text: 'Ibuprofen 400 mg tablet' },
  };
  const resources: Resource[] = [
    { resourceType: 'Patient', id: patient, identifier: [{ system: identifierSystem, value: identifier }], name: [{ family: 'Testpersoon', given: ['Anna'] }], birthDate: '1974-12-25' } satisfies Patient,
    { resourceType: 'Patient', id: other, name: [{ family: 'Anderpersoon', given: ['Bram'] }] } satisfies Patient,
    med,
    medicationRequest(`${prefix}-mr1`, patient, { medicationReference: { reference: `Medication/${medication}` } }),
    medicationRequest(`${prefix}-mr2`, patient, { medicationCodeableConcept: { text: 'Paracetamol 500 mg tablet' } }),
    medicationRequest(`${prefix}-mr3`, patient, { medicationCodeableConcept: { text: 'Omeprazol 20 mg capsule' } }, 'stopped'),
    medicationRequest(`${prefix}-mr4`, patient, { medicationCodeableConcept: { text: 'Metformine 500 mg tablet' } }),
    medicationRequest(`${prefix}-mr-other`, other, { medicationCodeableConcept: { text: 'Amoxicilline 500 mg capsule' } }),
    consentFor(patient, `urn:uuid:${crypto.randomUUID()}`, consent),
  ];
  return { prefix, resources, patient, other, medication, consent, identifier, identifierSystem };
}

const ids = (resources: readonly Resource[]) => resources.map((r) => r.id).sort();

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

/**
 * Runs the adapter contract. `makeAdapter(seed)` returns an adapter whose store holds `seed`
 * (and possibly other records, which the tests never look at).
 */
export function runAdapterContract(name: string, makeAdapter: (seed: Resource[]) => Promise<Adapter>, options: AdapterContractOptions = {}): void {
  const unversioned = new Set(options.unversionedTypes ?? []);
  if (unversioned.has('Consent')) throw new TypeError('runAdapterContract: Consent must be versioned (withdrawing relies on If-Match).');

  describe(`Adapter contract: ${name}`, () => {
    let adapter: Adapter;
    let seed: ReturnType<typeof contractSeed>;

    beforeEach(async () => {
      seed = contractSeed(uniquePrefix('contract'), options);
      adapter = await makeAdapter(seed.resources);
    });

    it(unversioned.has('Patient')
      ? 'reads a resource by id, with its id and no made-up meta.versionId (the platform keeps no Patient versions)'
      : 'reads a resource by id, with its id and a meta.versionId', async () => {
      const patient = await adapter.read<Patient>('Patient', seed.patient);
      expect(patient.resourceType).to.equal('Patient');
      expect(patient.id).to.equal(seed.patient);
      expect(patient.name?.[0]?.family).to.equal('Testpersoon');
      expect(patient.birthDate).to.equal('1974-12-25');
      if (unversioned.has('Patient')) expect(patient.meta?.versionId).to.equal(undefined);
      else expect(patient.meta?.versionId).to.be.a('string').and.not.equal('');
    });

    it('reads a Consent with a meta.versionId (withdrawing relies on If-Match)', async () => {
      const consent = await adapter.read<Consent>('Consent', seed.consent);
      expect(consent.id).to.equal(seed.consent);
      expect(consent.patient?.reference).to.equal(`Patient/${seed.patient}`);
      expect(consent.meta?.versionId).to.be.a('string').and.not.equal('');
    });

    it('reading an id that does not exist is a NotFoundError with a readable message', async () => {
      const error = await rejection(adapter.read('Patient', `${seed.patient}-missing`));
      expect(error).to.be.instanceOf(NotFoundError);
      expect((error as Error).message).to.be.a('string').and.not.match(/<|\bat\s+\S+:\d+/);
    });

    it("search by patient answers that patient's records only, with the total", async () => {
      const page = await adapter.search('MedicationRequest', { patient: seed.patient });
      expect(ids(page.matches)).to.deep.equal(['mr1', 'mr2', 'mr3', 'mr4'].map((n) => `${seed.prefix}-${n}`));
      expect(page.total).to.equal(4);
      expect(page.next).to.equal(undefined);
      const other = await adapter.search('MedicationRequest', { patient: `Patient/${seed.other}` });
      expect(ids(other.matches)).to.deep.equal([`${seed.prefix}-mr-other`]);
    });

    it('search narrows by status', async () => {
      const page = await adapter.search<MedicationRequest>('MedicationRequest', { patient: seed.patient, status: 'stopped' });
      expect(page.matches.map((m) => m.status)).to.deep.equal(['stopped']);
      const both = await adapter.search<MedicationRequest>('MedicationRequest', { patient: seed.patient, status: 'active,stopped' });
      expect(both.matches).to.have.length(4);
    });

    it('_include brings the referenced Medication as an included resource, not as a match', async () => {
      const page = await adapter.search('MedicationRequest', { patient: seed.patient, _include: 'MedicationRequest:medication' });
      expect(page.matches.every((m) => m.resourceType === 'MedicationRequest')).to.equal(true);
      expect(page.matches).to.have.length(4);
      expect(page.included.map((r) => `${r.resourceType}/${r.id}`)).to.deep.equal([`Medication/${seed.medication}`]);
    });

    it('finds by identifier (system|value)', async () => {
      const page = await adapter.search('Patient', { identifier: `${seed.identifierSystem}|${seed.identifier}` });
      expect(ids(page.matches)).to.deep.equal([seed.patient]);
      const none = await adapter.search('Patient', { identifier: `https://elsewhere.test|${seed.identifier}` });
      expect(none.matches).to.deep.equal([]);
    });

    it('pages with _count through the next links: every record exactly once, no next on the last page', async () => {
      const seen: string[] = [];
      let page = await adapter.search('MedicationRequest', { patient: seed.patient, _count: 3 });
      expect(page.matches).to.have.length(3);
      seen.push(...page.matches.map((m) => m.id!));
      expect(page.next).to.be.a('string');
      page = await adapter.nextPage(page.next!);
      seen.push(...page.matches.map((m) => m.id!));
      expect(page.next).to.equal(undefined);
      expect(seen.sort()).to.deep.equal(['mr1', 'mr2', 'mr3', 'mr4'].map((n) => `${seed.prefix}-${n}`));
    });

    it('an unknown search parameter is an error, never an unfiltered list', async () => {
      const error = await rejection(adapter.search('MedicationRequest', { patient: seed.patient, 'not-a-parameter': 'x' }));
      expect(error).to.be.instanceOf(ZkError);
    });

    it('create assigns an id and a version, and the record can be read back', async () => {
      const { resource, created } = await adapter.create(consentFor(seed.patient, `urn:uuid:${crypto.randomUUID()}`));
      expect(created).to.equal(true);
      expect(resource.id).to.be.a('string').and.not.equal('');
      expect(resource.meta?.versionId).to.be.a('string');
      const back = await adapter.read<Consent>('Consent', resource.id!);
      expect(back.patient?.reference).to.equal(`Patient/${seed.patient}`);
    });

    it('a conditional create (If-None-Exist) that matches returns the existing record and creates nothing', async () => {
      const value = `urn:uuid:${crypto.randomUUID()}`;
      const ifNoneExist = `identifier=urn:ietf:rfc:3986|${value}`;
      const first = await adapter.create(consentFor(seed.patient, value), { ifNoneExist });
      const second = await adapter.create(consentFor(seed.patient, value), { ifNoneExist });
      expect(first.created).to.equal(true);
      expect(second.created).to.equal(false);
      expect(second.resource.id).to.equal(first.resource.id);
      const found = await adapter.search('Consent', { identifier: `urn:ietf:rfc:3986|${value}` });
      expect(found.matches).to.have.length(1);
    });

    it('update with the current If-Match saves a new version; a stale If-Match is a ConflictError and changes nothing', async () => {
      const current = await adapter.read<Consent>('Consent', seed.consent);
      const updated = await adapter.update<Consent>({ ...current, status: 'inactive' }, { ifMatch: `W/"${current.meta!.versionId}"` });
      expect(updated.status).to.equal('inactive');
      expect(updated.meta?.versionId).to.not.equal(current.meta?.versionId);
      const error = await rejection(adapter.update<Consent>({ ...current, status: 'rejected' }, { ifMatch: `W/"${current.meta!.versionId}"` }));
      expect(error).to.be.instanceOf(ConflictError);
      expect((await adapter.read<Consent>('Consent', seed.consent)).status).to.equal('inactive');
    });

    it('a call with an aborted signal rejects with the AbortError DOMException', async () => {
      const controller = new AbortController();
      controller.abort();
      const error = await rejection(adapter.read('Patient', seed.patient, { signal: controller.signal }));
      expect(error).to.be.instanceOf(DOMException);
      expect((error as DOMException).name).to.equal('AbortError');
    });

    it('answers copies: changing what a read returned does not change the stored record', async () => {
      const first = await adapter.read<Patient>('Patient', seed.patient);
      first.name![0].family = 'Changed';
      const again = await adapter.read<Patient>('Patient', seed.patient);
      expect(again.name?.[0]?.family).to.equal('Testpersoon');
    });

    it('has an empty launch context without a launch', async () => {
      expect(await adapter.launchContext()).to.deep.equal({});
    });
  });
}
