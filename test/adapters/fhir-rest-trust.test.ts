// Where the FhirRestAdapter sends the token and whose answers it believes (issue 16): the real FHIR
// test server, and the fault proxy in front of it acting as a hostile or broken server — it
// redirects reads and writes to another origin (the server itself, on its own port, holding other
// records), answers a write with a Location elsewhere, and ignores If-None-Exist.
import { expect } from '@open-wc/testing';
import { FhirRestAdapter } from '../../src/adapters/fhir-rest.js';
import { newIdentifier, UtilityClient } from '../../src/core/client.js';
import { InvalidResourceError } from '../../src/core/errors.js';
import type { Consent, Patient } from '../../src/core/fhir.js';
import { consentFor, contractSeed, uniquePrefix } from './adapter-contract.js';
import { addFault, proxyLog, putResources, rejection, searchDirect, testServers } from './servers.js';

/** Our records behind the proxy, a different patient on the other origin, and an adapter on the proxy. */
async function setup(token?: string) {
  const { fhirUrl, proxyUrl } = await testServers();
  const seed = contractSeed(uniquePrefix('trust'));
  const foreign: Patient = { resourceType: 'Patient', id: `${seed.prefix}-foreign`, name: [{ family: 'Anders', given: ['Iemand'] }] };
  await putResources(fhirUrl, [...seed.resources, foreign]);
  // Every write and plain read of this adapter carries `_trust=<prefix>` (a search does not: the
  // server would refuse the unknown parameter), so the faults queued here match only its requests.
  const marked: typeof fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (init?.method === 'POST' || !url.search) url.searchParams.set('_trust', seed.prefix);
    return fetch(url, init);
  };
  const adapter = new FhirRestAdapter({ baseUrl: proxyUrl, backoffBaseMs: 20, fetch: marked, ...(token ? { token: () => Promise.resolve(token) } : {}) });
  return { seed, foreign, adapter, fhirUrl, proxyUrl, client: new UtilityClient(adapter) };
}

const consentsOn = (fhirUrl: string, value: string) => searchDirect(fhirUrl, `Consent?identifier=${encodeURIComponent(`urn:ietf:rfc:3986|${value}`)}`);

describe('FhirRestAdapter: whose answers count, and where the token goes (issue 16)', () => {
  it('a 302 to another origin is not followed: the foreign patient is never returned as ours', async () => {
    const { seed, foreign, adapter, fhirUrl } = await setup();
    await addFault({ match: { method: 'GET', pathIncludes: `_trust=${seed.prefix}` }, fault: { status: 302, body: 'empty', headers: { Location: `${fhirUrl}/Patient/${foreign.id}` } } });
    const error = await rejection(adapter.read<Patient>('Patient', seed.patient));
    expect(error).to.be.instanceOf(InvalidResourceError);
    expect((error as Error).message).to.match(/another address/);
    // And the same read without the redirect still works.
    expect((await adapter.read<Patient>('Patient', seed.patient)).id).to.equal(seed.patient);
  });

  it('a 307 on the Consent POST does not re-post the consent elsewhere, and the write is not shown as saved', async () => {
    const { seed, client, fhirUrl } = await setup();
    const consent: Consent = { ...consentFor(seed.patient), identifier: [newIdentifier()] };
    await addFault({ match: { method: 'POST', pathIncludes: `_trust=${seed.prefix}` }, fault: { status: 307, body: 'empty', headers: { Location: `${fhirUrl}/Consent` } } });
    const error = await rejection(client.recordConsent(consent));
    expect(error).to.be.instanceOf(InvalidResourceError);
    expect(await consentsOn(fhirUrl, consent.identifier![0].value!)).to.deep.equal([]);
  });

  it('a Location after a write that points outside the base URL is not followed', async () => {
    const { seed, client, fhirUrl } = await setup();
    const consent: Consent = { ...consentFor(seed.patient), identifier: [newIdentifier()] };
    await addFault({
      match: { method: 'POST', pathIncludes: `_trust=${seed.prefix}` },
      fault: { status: 201, body: 'empty', headers: { Location: `${fhirUrl}/Consent/${seed.consent}/_history/1` } },
    });
    const error = await rejection(client.recordConsent(consent));
    expect(error).to.be.instanceOf(InvalidResourceError);
    expect((await proxyLog(`/Consent/${seed.consent}`)).filter((e) => e.method === 'GET')).to.deep.equal([]);
  });

  it('sends the token to the FHIR base URL and below only, not to other paths of the same origin', async () => {
    const { seed, adapter, proxyUrl } = await setup('secret-token');
    const origin = new URL(proxyUrl).origin;
    await adapter.readUrl(`${proxyUrl}/Patient/${seed.patient}`);
    for (const path of [`/fhir-other/Patient/${seed.patient}`, `/admin/Patient/${seed.patient}`]) {
      await rejection(adapter.readUrl(`${origin}${path}`));
    }
    const sent = async (path: string) => (await proxyLog(path)).filter((e) => e.method === 'GET').map((e) => e.authorization);
    expect(await sent(`/fhir/Patient/${seed.patient}`)).to.deep.equal(['sent']);
    expect(await sent(`/fhir-other/Patient/${seed.patient}`)).to.deep.equal(['none']);
    expect(await sent(`/admin/Patient/${seed.patient}`)).to.deep.equal(['none']);
  });

  it('a server that ignores If-None-Exist and does not declare conditionalCreate: a consent retried after a lost answer is stored once', async () => {
    const { seed, client, fhirUrl } = await setup();
    const consent: Consent = { ...consentFor(seed.patient), identifier: [newIdentifier()] };
    await addFault({
      match: { method: 'GET', pathIncludes: `/fhir/metadata?_trust=${seed.prefix}` },
      fault: { status: 200, json: { resourceType: 'CapabilityStatement', status: 'active', kind: 'instance', fhirVersion: '4.0.1', format: ['json'], rest: [{ mode: 'server', resource: [{ type: 'Consent', interaction: [{ code: 'create' }, { code: 'search-type' }] }] }] } },
    });
    await addFault({ match: { method: 'POST', pathIncludes: `_trust=${seed.prefix}` }, times: 1, fault: { drop: 'after-commit', stripHeaders: ['if-none-exist'] } });
    await addFault({ match: { method: 'POST', pathIncludes: `_trust=${seed.prefix}` }, times: 1, fault: { stripHeaders: ['if-none-exist'] } });
    const stored = await client.recordConsent(consent);
    const onServer = await consentsOn(fhirUrl, consent.identifier![0].value!);
    expect(onServer.map((c) => c.id)).to.deep.equal([stored.id]);
    // (The second rule, for a repeated POST, stays unused: it matches this test's marker only.)
  });
});
