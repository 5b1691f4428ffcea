// Seeding the adapters with public example Bundles (shared/fhir-examples): a transaction Bundle
// whose resources have no id and `urn:uuid:` fullUrls (Nictiz MP9 test Bundles).
import { expect } from '@open-wc/testing';
import { MemoryAdapter } from '../../src/adapters/memory.js';
import { FhirRestAdapter } from '../../src/adapters/fhir-rest.js';
import type { Adapter } from '../../src/core/adapter.js';
import { UtilityClient } from '../../src/core/client.js';
import type { Bundle } from '../../src/core/fhir.js';
import { exampleFile, seedExamplesServer } from './examples.js';

const FILE = 'nictiz-mp9/mg-mp-mg-example-MA-script4-v30.json';
const PATIENT_UUID = 'e3397b78-6b39-11ec-0000-020000000000';
const MEDICATION_UUID = '0fb46ee9-6b51-11ec-0000-020000000000';

async function checkUuidIds(adapter: Adapter): Promise<void> {
  const client = new UtilityClient(adapter);
  // patient-id="<uuid>" finds the patient of the fullUrl urn:uuid:<uuid>.
  const patient = await client.getPatient(PATIENT_UUID);
  expect(patient.id).to.equal(PATIENT_UUID);
  expect((patient).name?.[0]?.family).to.contain('Braak');
  const records = await client.getMedications(PATIENT_UUID);
  expect(records).to.have.length(1);
  // The references between entries resolve: the agreement's subject and Medication.
  expect(records[0].resource.subject?.reference).to.equal(`Patient/${PATIENT_UUID}`);
  expect(records[0].resource.medicationReference?.reference).to.equal(`Medication/${MEDICATION_UUID}`);
  expect(records[0].medication?.id).to.equal(MEDICATION_UUID);
  expect(records[0].medication?.code?.text).to.equal('DICLOFENAC-NATRIUM TABLET MSR 25MG');
}

describe(`a transaction Bundle without ids, urn:uuid fullUrls (${FILE})`, () => {
  it('MemoryAdapter: each resource gets its fullUrl\'s uuid as its id; references by urn:uuid resolve', async () => {
    const bundle = (await exampleFile(FILE)) as Bundle;
    expect(bundle.entry?.every((e) => e.resource?.id === undefined)).to.equal(true);
    await checkUuidIds(new MemoryAdapter(bundle));
  });

  it('FhirRestAdapter over the FHIR test server seeded with the Bundle: the same ids', async () => {
    const fhirUrl = await seedExamplesServer((await exampleFile(FILE)) as Bundle);
    await checkUuidIds(new FhirRestAdapter({ baseUrl: fhirUrl }));
  });

  it('a resource with an id of its own keeps it; a fullUrl that is no urn:uuid gives no id', () => {
    const adapter = new MemoryAdapter({
      resourceType: 'Bundle', type: 'transaction', entry: [
        { fullUrl: 'urn:uuid:11111111-2222-4333-8444-555555555555', resource: { resourceType: 'Patient', id: 'own-id' } },
        { fullUrl: 'urn:uuid:66666666-2222-4333-8444-555555555555', resource: { resourceType: 'Patient' } },
        { fullUrl: 'https://example.org/fhir/Patient/x', resource: { resourceType: 'Patient' } },
      ],
    });
    return Promise.all([
      adapter.read('Patient', 'own-id'),
      adapter.read('Patient', '66666666-2222-4333-8444-555555555555'),
      adapter.search('Patient', {}).then((page) => expect(page.matches.map((p) => p.id)).to.have.length(3)),
    ]);
  });
});
