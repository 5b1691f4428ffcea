// The FhirRestAdapter (and the UtilityClient on it) through the fault-injecting proxy in front of the
// real FHIR server: busy servers, dropped connections, slow answers, HTML error pages, stale writes.
// Each fault is matched to this test's own unique paths wherever the path allows it.
import { expect } from '@open-wc/testing';
import { FhirRestAdapter, type FhirRestAdapterOptions } from '../../src/adapters/fhir-rest.js';
import { newIdentifier, UtilityClient } from '../../src/core/client.js';
import {
  ConflictError, InvalidResourceError, NetworkError, NotFoundError, ServerError, TimeoutError, UnauthorizedError, type ZkError,
} from '../../src/core/errors.js';
import type { Consent, Patient } from '../../src/core/fhir.js';
import { MESSAGES } from '../../src/core/http.js';
import { consentFor, contractSeed, uniquePrefix } from './adapter-contract.js';
import { addFault, proxyLog, putResources, readDirect, rejection, removeFault, searchDirect, testServers } from './servers.js';

const unhandled: unknown[] = [];
const onUnhandled = (event: PromiseRejectionEvent) => unhandled.push(event.reason);

/** A fresh set of records on the server, and an adapter that reaches them through the proxy. */
async function setup(options: Partial<FhirRestAdapterOptions> = {}) {
  const { fhirUrl, proxyUrl } = await testServers();
  const seed = contractSeed(uniquePrefix('fault'));
  await putResources(fhirUrl, seed.resources);
  const adapter = new FhirRestAdapter({ baseUrl: proxyUrl, backoffBaseMs: 20, ...options });
  return { seed, adapter, fhirUrl, proxyUrl, client: new UtilityClient(adapter) };
}

describe('FhirRestAdapter under faults (real server behind a fault proxy)', () => {
  before(() => window.addEventListener('unhandledrejection', onUnhandled));
  after(() => window.removeEventListener('unhandledrejection', onUnhandled));

  describe('retries of reads', () => {
    it('503 with Retry-After: 1 is retried after about a second, and the read succeeds', async () => {
      const { seed, adapter } = await setup();
      await addFault({ match: { method: 'GET', pathIncludes: `/Patient/${seed.patient}` }, fault: { status: 503, retryAfter: '1' } });
      const started = performance.now();
      const patient = await adapter.read<Patient>('Patient', seed.patient);
      expect(patient.id).to.equal(seed.patient);
      expect(performance.now() - started).to.be.at.least(950);
      expect((await proxyLog(`/Patient/${seed.patient}`)).map((e) => e.action)).to.deep.equal(['status', 'forward']);
    });

    it('429 twice, then an answer: three attempts in all', async () => {
      const { seed, adapter } = await setup();
      await addFault({ match: { method: 'GET', pathIncludes: `/Patient/${seed.patient}` }, times: 2, fault: { status: 429 } });
      expect((await adapter.read<Patient>('Patient', seed.patient)).id).to.equal(seed.patient);
      expect((await proxyLog(`/Patient/${seed.patient}`)).map((e) => e.status)).to.deep.equal([429, 429, 200]);
    });

    it('429 on every attempt: a retryable ServerError after 3 attempts, with the server\'s message', async () => {
      const { seed, adapter } = await setup();
      await addFault({ match: { method: 'GET', pathIncludes: `/Patient/${seed.patient}` }, times: 3, fault: { status: 429 } });
      const error = (await rejection(adapter.read('Patient', seed.patient))) as ZkError;
      expect(error).to.be.instanceOf(ServerError);
      expect(error.retryable).to.equal(true);
      expect(error.status).to.equal(429);
      expect(error.message).to.equal('429 Too Many Requests'); // the OperationOutcome's details.text
      expect(await proxyLog(`/Patient/${seed.patient}`)).to.have.length(3);
    });

    it('a Retry-After longer than the cap is not waited for: it fails at once', async () => {
      const { seed, adapter } = await setup({ retryAfterCapMs: 2000 });
      await addFault({ match: { method: 'GET', pathIncludes: `/Patient/${seed.patient}` }, fault: { status: 503, retryAfter: '120' } });
      const started = performance.now();
      const error = (await rejection(adapter.read('Patient', seed.patient))) as ZkError;
      expect(performance.now() - started).to.be.below(1000);
      expect(error).to.be.instanceOf(ServerError);
      expect(error.status).to.equal(503);
      expect(await proxyLog(`/Patient/${seed.patient}`)).to.have.length(1);
    });

    it('a connection dropped before the server saw the read is retried', async () => {
      const { seed, proxyUrl } = await setup();
      // The browser may re-send a dropped GET itself (Firefox up to ten times, WebKit once): the
      // connection keeps dropping until the adapter's own first attempt has failed, and what is
      // counted is the adapter's attempts.
      const rule = await addFault({ match: { method: 'GET', pathIncludes: `/Patient/${seed.patient}` }, times: -1, fault: { drop: 'before' } });
      const attempts: string[] = [];
      const adapter = new FhirRestAdapter({
        baseUrl: proxyUrl,
        backoffBaseMs: 20,
        fetch: async (input, init) => {
          try {
            const response = await fetch(input, init);
            attempts.push(`answered ${response.status}`);
            return response;
          } catch (error) {
            attempts.push('failed');
            await removeFault(rule);
            throw error;
          }
        },
      });
      expect((await adapter.read<Patient>('Patient', seed.patient)).id).to.equal(seed.patient);
      expect(attempts).to.deep.equal(['failed', 'answered 200']);
      const actions = (await proxyLog(`/Patient/${seed.patient}`)).map((e) => e.action);
      expect(actions.at(-1)).to.equal('forward');
      expect([...new Set(actions.slice(0, -1))]).to.deep.equal(['drop-before']);
    });

    it('an abort during the wait before a retry rejects at once with AbortError', async () => {
      const { seed, adapter } = await setup();
      await addFault({ match: { method: 'GET', pathIncludes: `/Patient/${seed.patient}` }, fault: { status: 503, retryAfter: '5' } });
      const controller = new AbortController();
      const pending = rejection(adapter.read('Patient', seed.patient, { signal: controller.signal }));
      await new Promise((resolve) => setTimeout(resolve, 300));
      const abortedAt = performance.now();
      controller.abort();
      expect(((await pending) as DOMException).name).to.equal('AbortError');
      expect(performance.now() - abortedAt).to.be.below(100);
      expect(await proxyLog(`/Patient/${seed.patient}`)).to.have.length(1);
    });
  });

  describe('timeouts and bad answers', () => {
    it('an answer slower than the timeout is a TimeoutError, not retried', async () => {
      const { seed, adapter } = await setup({ timeoutMs: 300 });
      await addFault({ match: { method: 'GET', pathIncludes: `/Patient/${seed.patient}` }, fault: { delayMs: 3000 } });
      const started = performance.now();
      const error = (await rejection(adapter.read('Patient', seed.patient))) as ZkError;
      expect(error).to.be.instanceOf(TimeoutError);
      expect(error.message).to.equal(MESSAGES.timeout);
      expect(performance.now() - started).to.be.below(1500);
      expect(await proxyLog(`/Patient/${seed.patient}`)).to.have.length(1);
    });

    it('an HTML error page becomes a ServerError with a plain sentence: no markup, and the page\'s script never runs', async () => {
      const { seed, adapter } = await setup();
      await addFault({ match: { method: 'GET', pathIncludes: `/Patient/${seed.patient}` }, fault: { status: 502, body: 'html' } });
      const error = (await rejection(adapter.read('Patient', seed.patient))) as ZkError;
      expect(error).to.be.instanceOf(ServerError);
      expect(error.message).to.equal(MESSAGES.serverError);
      expect((window as { __zkInjectedHtmlRan?: boolean }).__zkInjectedHtmlRan).to.equal(undefined);
    });

    it("an OperationOutcome's details.text becomes the message", async () => {
      const { seed, adapter } = await setup();
      await addFault({ match: { method: 'GET', pathIncludes: `/Patient/${seed.patient}` }, fault: { status: 500, body: 'operation-outcome' } });
      const error = (await rejection(adapter.read('Patient', seed.patient))) as ZkError;
      expect(error).to.be.instanceOf(ServerError);
      expect(error.message).to.equal('500 Internal Server Error');
      expect(error.outcome?.resourceType).to.equal('OperationOutcome');
    });

    it('a 200 with malformed JSON is an InvalidResourceError, not a crash', async () => {
      const { seed, adapter } = await setup();
      await addFault({ match: { method: 'GET', pathIncludes: `/Patient/${seed.patient}` }, fault: { status: 200, body: 'invalid-json' } });
      const error = (await rejection(adapter.read('Patient', seed.patient))) as ZkError;
      expect(error).to.be.instanceOf(InvalidResourceError);
      expect(error.message).to.equal(MESSAGES.invalid);
    });

    it('a 200 with the wrong resource type is an InvalidResourceError', async () => {
      const { seed, adapter } = await setup();
      // The proxy answers an OperationOutcome with status 200: not the Patient asked for.
      await addFault({ match: { method: 'GET', pathIncludes: `/Patient/${seed.patient}` }, fault: { status: 200, body: 'operation-outcome' } });
      expect(await rejection(adapter.read('Patient', seed.patient))).to.be.instanceOf(InvalidResourceError);
    });

    it('a 404 with an empty body is a NotFoundError with a plain sentence', async () => {
      const { seed, adapter } = await setup();
      await addFault({ match: { method: 'GET', pathIncludes: `/Patient/${seed.patient}` }, fault: { status: 404, body: 'empty' } });
      const error = (await rejection(adapter.read('Patient', seed.patient))) as ZkError;
      expect(error).to.be.instanceOf(NotFoundError);
      expect(error.message).to.equal(MESSAGES.notFound);
    });
  });

  describe('sign-in', () => {
    it('a 401 asks onUnauthorized, and with a new token the request is sent once more', async () => {
      let token = 'expired';
      let asked = 0;
      const { seed, adapter } = await setup({
        token: () => Promise.resolve(token),
        onUnauthorized: () => {
          asked += 1;
          token = 'fresh';
          return Promise.resolve(true);
        },
      });
      await addFault({ match: { method: 'GET', pathIncludes: `/Patient/${seed.patient}` }, fault: { status: 401 } });
      expect((await adapter.read<Patient>('Patient', seed.patient)).id).to.equal(seed.patient);
      expect(asked).to.equal(1);
      expect((await proxyLog(`/Patient/${seed.patient}`)).map((e) => e.status)).to.deep.equal([401, 200]);
    });

    it('a 401 without a way to sign in again is an UnauthorizedError', async () => {
      const { seed, adapter } = await setup();
      await addFault({ match: { method: 'GET', pathIncludes: `/Patient/${seed.patient}` }, fault: { status: 401 } });
      expect(await rejection(adapter.read('Patient', seed.patient))).to.be.instanceOf(UnauthorizedError);
    });
  });

  describe('writes', () => {
    it('a consent write retried after the connection dropped (after the server committed) leaves exactly one Consent', async () => {
      const { seed, client, fhirUrl } = await setup();
      const consent: Consent = { ...consentFor(seed.patient), identifier: [newIdentifier()] };
      await addFault({ match: { method: 'POST', pathIncludes: '/fhir/Consent' }, fault: { drop: 'after-commit' } });
      const stored = await client.recordConsent(consent);
      const value = consent.identifier![0].value!;
      const onServer = await searchDirect(fhirUrl, `Consent?identifier=${encodeURIComponent(`urn:ietf:rfc:3986|${value}`)}`);
      expect(onServer.map((c) => c.id)).to.deep.equal([stored.id]);
      const posts = (await proxyLog('/fhir/Consent')).filter((e) => e.method === 'POST' && (e.action === 'drop-after-commit' || e.action === 'forward'));
      expect(posts.slice(-2).map((e) => e.action)).to.deep.equal(['drop-after-commit', 'forward']);
    });

    it('a plain create (no If-None-Exist) is not retried after a dropped connection: NetworkError, sent once', async () => {
      const { seed, adapter } = await setup();
      const patient: Patient = { resourceType: 'Patient', identifier: [{ system: 'https://zorgkit.test/fhir/id', value: `${seed.prefix}-plain` }] };
      await addFault({ match: { method: 'POST', pathIncludes: '/fhir/Patient' }, fault: { drop: 'before' } });
      const error = await rejection(adapter.create(patient));
      expect(error).to.be.instanceOf(NetworkError);
      expect((await proxyLog('/fhir/Patient')).filter((e) => e.method === 'POST').slice(-1).map((e) => e.action)).to.deep.equal(['drop-before']);
    });

    it('a withdrawal retried after the connection dropped (after commit) ends withdrawn, at the next version only', async () => {
      const { seed, client, fhirUrl } = await setup();
      const [consent] = (await client.getConsents(seed.patient)).filter((c) => c.id === seed.consent);
      await addFault({ match: { method: 'PUT', pathIncludes: `/Consent/${seed.consent}` }, fault: { drop: 'after-commit' } });
      const withdrawn = await client.withdrawConsent(consent);
      expect(withdrawn.status).to.equal('inactive');
      const onServer = await readDirect<Consent>(fhirUrl, 'Consent', seed.consent);
      expect(onServer.status).to.equal('inactive');
      expect(onServer.meta?.versionId).to.equal('2');
    });

    it('a withdrawal with a stale If-Match is a ConflictError (412) with a readable message, and changes nothing', async () => {
      const { seed, client, fhirUrl } = await setup();
      const [stale] = (await client.getConsents(seed.patient)).filter((c) => c.id === seed.consent);
      await putResources(fhirUrl, [{ ...stale, dateTime: '2026-11-23T09:00:00+01:00' }]);
      const error = (await rejection(client.withdrawConsent(stale))) as ZkError;
      expect(error).to.be.instanceOf(ConflictError);
      expect(error.status).to.equal(412);
      expect(error.message).to.be.a('string').and.not.match(/</);
      expect((await readDirect<Consent>(fhirUrl, 'Consent', seed.consent)).status).to.equal('active');
    });
  });

  describe('through the UtilityClient', () => {
    it('a failed read is not kept: after a 503 answer, the next call reaches the server and succeeds', async () => {
      const { seed, client } = await setup({ maxAttempts: 1 });
      await addFault({ match: { method: 'GET', pathIncludes: `/Patient/${seed.patient}` }, fault: { status: 503 } });
      expect(await rejection(client.getPatient(seed.patient))).to.be.instanceOf(ServerError);
      expect((await client.getPatient(seed.patient)).id).to.equal(seed.patient);
    });

    it('one of two callers aborting a slow read does not abort the other; both abort → the request is cancelled', async () => {
      const { seed, client } = await setup();
      await addFault({ match: { method: 'GET', pathIncludes: `/Patient/${seed.patient}` }, times: 2, fault: { delayMs: 400 } });
      const a = new AbortController();
      const first = rejection(client.getPatient(seed.patient, { signal: a.signal }));
      const second = client.getPatient(seed.patient, { signal: new AbortController().signal });
      a.abort();
      expect(((await first) as DOMException).name).to.equal('AbortError');
      expect((await second).id).to.equal(seed.patient);

      client.invalidate('Patient');
      const c = new AbortController();
      const d = new AbortController();
      const third = rejection(client.getPatient(seed.patient, { signal: c.signal }));
      const fourth = rejection(client.getPatient(seed.patient, { signal: d.signal }));
      await new Promise((resolve) => setTimeout(resolve, 100)); // the request is at the proxy now
      c.abort();
      d.abort();
      expect(((await third) as DOMException).name).to.equal('AbortError');
      expect(((await fourth) as DOMException).name).to.equal('AbortError');
      await new Promise((resolve) => setTimeout(resolve, 600));
      const log = await proxyLog(`/Patient/${seed.patient}`);
      expect(log.map((e) => e.action)).to.deep.equal(['forward', 'client-gone']);
    });
  });

  // Mocha runs a suite's own tests before its nested suites: this suite, defined last, runs last.
  describe('afterwards', () => {
    it('no error path above left an unhandled promise rejection', async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(unhandled).to.deep.equal([]);
    });
  });
});
