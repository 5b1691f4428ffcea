// The FhirRestAdapter against a real FHIR R4 server (Medplum's engine over HTTP on 127.0.0.1).
import { expect } from '@open-wc/testing';
import { FhirRestAdapter, isSameOrigin } from '../../src/adapters/fhir-rest.js';
import { UtilityClient } from '../../src/core/client.js';
import { InvalidResourceError } from '../../src/core/errors.js';
import type { Patient } from '../../src/core/fhir.js';
import { consentFor, contractSeed, runAdapterContract, uniquePrefix } from './adapter-contract.js';
import { putResources, rejection, serverRequestCount, testServers } from './servers.js';

runAdapterContract('FhirRestAdapter (real FHIR R4 server)', async (seed) => {
  const { fhirUrl } = await testServers();
  await putResources(fhirUrl, seed);
  return new FhirRestAdapter({ baseUrl: fhirUrl });
});

/** The real fetch, recording the URL and headers of every request. */
function recordingFetch(): { fetch: typeof fetch; requests: { url: string; headers: Headers }[] } {
  const requests: { url: string; headers: Headers }[] = [];
  return {
    requests,
    fetch: (input, init) => {
      requests.push({ url: input instanceof Request ? input.url : input.toString(), headers: new Headers(init?.headers) });
      return fetch(input, init);
    },
  };
}

describe('FhirRestAdapter', () => {
  it('accepts https and http on localhost only; any other http base URL is a clear error', () => {
    expect(new FhirRestAdapter({ baseUrl: 'https://fhir.example.org/r4/' }).baseUrl).to.equal('https://fhir.example.org/r4');
    expect(new FhirRestAdapter({ baseUrl: 'http://localhost:8080/fhir' }).baseUrl).to.equal('http://localhost:8080/fhir');
    expect(new FhirRestAdapter({ baseUrl: 'http://127.0.0.1:8080/fhir' }).baseUrl).to.equal('http://127.0.0.1:8080/fhir');
    expect(() => new FhirRestAdapter({ baseUrl: 'http://fhir.example.org/r4' })).to.throw(TypeError, /https/);
    expect(() => new FhirRestAdapter({ baseUrl: 'https://user:secret@fhir.example.org/r4' })).to.throw(TypeError, /password/);
    expect(() => new FhirRestAdapter({ baseUrl: 'fhir.example.org' })).to.throw(TypeError, /valid absolute URL/);
  });

  it('isSameOrigin compares scheme, host and port', () => {
    expect(isSameOrigin('https://fhir.example.org/r4/Patient/1', 'https://fhir.example.org/r4')).to.equal(true);
    expect(isSameOrigin('https://fhir.example.org:8443/r4/Patient/1', 'https://fhir.example.org/r4')).to.equal(false);
    expect(isSameOrigin('https://fhir.example.org.evil.test/r4', 'https://fhir.example.org/r4')).to.equal(false);
    expect(isSameOrigin('http://fhir.example.org/r4', 'https://fhir.example.org/r4')).to.equal(false);
    expect(isSameOrigin('not a url', 'https://fhir.example.org/r4')).to.equal(false);
  });

  it('sends Accept: application/fhir+json, and the token only to the base URL origin, never to a foreign reference', async () => {
    const { fhirUrl, proxyUrl } = await testServers();
    const seed = contractSeed(uniquePrefix('rest'));
    await putResources(fhirUrl, seed.resources);
    const recorder = recordingFetch();
    const adapter = new FhirRestAdapter({ baseUrl: fhirUrl, token: () => Promise.resolve('secret-token'), fetch: recorder.fetch });

    await adapter.read('Patient', seed.patient);
    // The proxy is another origin (another port) serving the same data: a "foreign" server.
    const foreign = await adapter.readUrl<Patient>(`${proxyUrl}/Patient/${seed.patient}`);
    expect(foreign.id).to.equal(seed.patient);
    await adapter.resolve(`${fhirUrl}/Patient/${seed.patient}`);

    const [own, other, ownAbsolute] = recorder.requests;
    expect(own.headers.get('Accept')).to.equal('application/fhir+json');
    expect(own.headers.get('Authorization')).to.equal('Bearer secret-token');
    expect(other.url.startsWith(proxyUrl)).to.equal(true);
    expect(other.headers.get('Authorization')).to.equal(null);
    expect(ownAbsolute.headers.get('Authorization')).to.equal('Bearer secret-token');
  });

  it('follows the server\'s own next links through every page', async () => {
    const { fhirUrl } = await testServers();
    const seed = contractSeed(uniquePrefix('rest'));
    await putResources(fhirUrl, seed.resources);
    const client = new UtilityClient(new FhirRestAdapter({ baseUrl: fhirUrl }), { pageSize: 1 });
    const records = await client.getMedications(seed.patient);
    expect(records.map((r) => r.resource.id).sort()).to.deep.equal(['mr1', 'mr2', 'mr3', 'mr4'].map((n) => `${seed.prefix}-${n}`));
    expect(await serverRequestCount({ method: 'GET', pathIncludes: `patient=${seed.patient}` })).to.equal(4 + 1); // 4 MedicationRequest pages + 1 (empty) MedicationStatement page
  });

  it('10 identical concurrent reads through the UtilityClient make 1 HTTP request (counted at the server)', async () => {
    const { fhirUrl } = await testServers();
    const seed = contractSeed(uniquePrefix('rest'));
    await putResources(fhirUrl, seed.resources);
    const client = new UtilityClient(new FhirRestAdapter({ baseUrl: fhirUrl }));
    const before = await serverRequestCount({ method: 'GET', pathIncludes: `/Patient/${seed.patient}` });
    const patients = await Promise.all(Array.from({ length: 10 }, () => client.getPatient(seed.patient)));
    expect(patients.map((p) => p.id)).to.deep.equal(Array.from({ length: 10 }, () => seed.patient));
    expect((await serverRequestCount({ method: 'GET', pathIncludes: `/Patient/${seed.patient}` })) - before).to.equal(1);
    await client.getPatient(seed.patient);
    expect((await serverRequestCount({ method: 'GET', pathIncludes: `/Patient/${seed.patient}` })) - before).to.equal(1);
  });

  it('recordConsent stores a consent once on a real server, also when its identifier has URL special characters', async () => {
    const { fhirUrl } = await testServers();
    const seed = contractSeed(uniquePrefix('rest'));
    await putResources(fhirUrl, seed.resources);
    const client = new UtilityClient(new FhirRestAdapter({ baseUrl: fhirUrl }));
    const identifier = { system: 'https://zorgkit.test/consent', value: `${seed.prefix}-a&b=c d+e%20f#g?h` };
    const first = await client.recordConsent({ ...consentFor(seed.patient), identifier: [identifier] });
    const second = await client.recordConsent({ ...consentFor(seed.patient), identifier: [identifier] });
    const prefixOnly = await client.recordConsent({ ...consentFor(seed.patient), identifier: [{ ...identifier, value: `${seed.prefix}-a` }] });
    expect(second.id).to.equal(first.id);
    expect(prefixOnly.id).to.not.equal(first.id);
    expect((await client.getConsents(seed.patient)).map((c) => c.id).sort()).to.deep.equal([seed.consent, first.id, prefixOnly.id].sort());
  });

  it('an id that cannot exist is not sent to the server (no path tricks)', async () => {
    const { fhirUrl } = await testServers();
    const adapter = new FhirRestAdapter({ baseUrl: fhirUrl });
    const error = await rejection(adapter.read('Patient', '../metadata'));
    expect((error as Error).name).to.equal('NotFoundError');
  });

  it('a link that is not https (outside localhost) is not followed', async () => {
    const { fhirUrl } = await testServers();
    const adapter = new FhirRestAdapter({ baseUrl: fhirUrl, token: () => Promise.resolve('secret-token') });
    expect(await rejection(adapter.nextPage('http://fhir.example.org/fhir/Patient?page=2'))).to.be.instanceOf(InvalidResourceError);
  });
});
