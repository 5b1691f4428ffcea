// Property-based tests of the core and the adapters (issue 9): whatever a server answers — a
// Bundle that is valid, partial or wrong, other JSON, HTML, nothing, any status — the
// FhirRestAdapter and the UtilityClient resolve with well-formed data or reject with one of
// zorgkit's typed errors (a ZkError with a message a clinician can read); never a TypeError, never
// markup in a message. 1,000 runs each, fixed seed.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { FhirRestAdapter } from '../../src/adapters/fhir-rest.js';
import { MemoryAdapter } from '../../src/adapters/memory.js';
import { UtilityClient, newIdentifier } from '../../src/core/client.js';
import { ZkError } from '../../src/core/errors.js';
import type { Consent, Resource } from '../../src/core/fhir.js';
import { MAX_MESSAGE_LENGTH, errorForStatus, outcomeMessage, parseRetryAfter } from '../../src/core/http.js';
import { MODEL_RUNS, SEED, consent, junk, patientBundle, searchAnswer, text } from './arbitraries.js';

const params = { numRuns: MODEL_RUNS, seed: SEED, includeErrorInReport: true };

/** A FhirRestAdapter whose server answers every request with `status` and `body`. */
function answering(status: number, body: string, contentType = 'application/fhir+json'): FhirRestAdapter {
  return new FhirRestAdapter({
    baseUrl: 'https://fhir.example.org/r4',
    maxAttempts: 1,
    fetch: () => Promise.resolve(new Response(status === 204 || status === 205 || status === 304 ? null : body, { status, headers: { 'Content-Type': contentType } })),
  });
}

/** The body as a server could send it: JSON of the value, or broken JSON, HTML, nothing. */
const body = (value: unknown) => fc.oneof(
  { arbitrary: fc.constant(JSON.stringify(value) ?? ''), weight: 6 },
  { arbitrary: fc.constant((JSON.stringify(value) ?? '').slice(0, 40)), weight: 1 },
  { arbitrary: fc.constantFrom('', ' ', '<html><body><script>__zkPwned()</script>502 Bad Gateway</body></html>', 'null', '[]', '"x"', '{', '\u0000'), weight: 1 },
);

/** A rejection must be a ZkError with a readable, markup-free message (or the caller's abort). */
function expectTypedError(error: unknown): void {
  expect(error, `not a ZkError: ${String(error)}`).to.be.instanceOf(ZkError);
  const message = (error as ZkError).message;
  expect(message.trim()).to.not.equal('');
  expect(message).to.not.match(/<\/?[a-z][^>]*>/i);
  expect(message.length).to.be.at.most(MAX_MESSAGE_LENGTH + 200);
}

describe('hardening: core and adapter properties (1,000 generated answers each, seed 20261122)', function () {
  // Generated data runs 2–3× slower in Firefox than in Chromium, more on a loaded CI machine: the
  // limit is there to catch a hang, not to time the engine.
  this.timeout(180_000);

  it('FhirRestAdapter.search: any answer to a search gives a page of that type or a ZkError — 1,000 runs', async () => {
    await fc.assert(fc.asyncProperty(searchAnswer.chain((a) => body(a)), fc.constantFrom(200, 200, 200, 201, 400, 404, 410, 500, 502), async (text_, status) => {
      const adapter = answering(status, text_);
      try {
        const page = await adapter.search('MedicationRequest', { patient: 'p1' });
        expect(Array.isArray(page.matches) && Array.isArray(page.included)).to.equal(true);
        for (const m of page.matches) expect(m.resourceType).to.equal('MedicationRequest');
        for (const r of page.included) expect(typeof r.resourceType).to.equal('string');
        if (page.next !== undefined) expect(page.next).to.be.a('string');
      } catch (error) {
        expectTypedError(error);
      }
    }), params);
  });

  it('FhirRestAdapter.read: any status and any body give the resource asked for or a ZkError — 1,000 runs', async () => {
    const answer = fc.oneof(junk, fc.record({ resourceType: fc.constantFrom('Patient', 'OperationOutcome', 'Bundle'), id: fc.constantFrom('p1', 'p2'), issue: junk }, { requiredKeys: ['resourceType'] }));
    await fc.assert(fc.asyncProperty(answer.chain((a) => body(a)), fc.integer({ min: 200, max: 599 }), async (text_, status) => {
      try {
        const patient = await answering(status, text_).read('Patient', 'p1');
        expect(patient.resourceType).to.equal('Patient');
      } catch (error) {
        expectTypedError(error);
      }
    }), params);
  });

  it('UtilityClient over the FhirRestAdapter: any search answer gives medication records, consents or a ZkError — 1,000 runs', async () => {
    await fc.assert(fc.asyncProperty(searchAnswer.chain((a) => body(a)), async (text_) => {
      const client = new UtilityClient(answering(200, text_));
      for (const load of [() => client.getMedications('p1'), () => client.getConsents('p1'), () => client.getAllergyStatus('p1')]) {
        try {
          const result = await load();
          expect(result).to.not.equal(undefined);
        } catch (error) {
          expectTypedError(error);
        }
      }
    }), params);
  });

  it('UtilityClient over a MemoryAdapter seeded with any generated Bundle: every read answers or fails with a ZkError — 1,000 runs', async () => {
    await fc.assert(fc.asyncProperty(patientBundle('p1'), async (bundle) => {
      const client = new UtilityClient(new MemoryAdapter(bundle));
      const loads: (() => Promise<unknown>)[] = [
        () => client.getPatient('p1'), () => client.getMedications('p1'), () => client.getConsents('p1'), () => client.getAllergyStatus('p1'),
      ];
      for (const load of loads) {
        try {
          await load();
        } catch (error) {
          expectTypedError(error);
        }
      }
      const records = await client.getMedications('p1').catch(() => []);
      for (const r of records) expect(['MedicationRequest', 'MedicationStatement']).to.include(r.resource.resourceType);
    }), params);
  });

  it('recordConsent: any Consent with any identifier, sent twice, is stored once or refused before anything is stored — 1,000 runs', async () => {
    const identifier = fc.oneof(fc.constant(newIdentifier()), fc.record({ system: text, value: text }));
    await fc.assert(fc.asyncProperty(consent('p1'), identifier, async (generated, id) => {
      const adapter = new MemoryAdapter([{ resourceType: 'Patient', id: 'p1' }]);
      const client = new UtilityClient(adapter);
      const c: Consent = { ...generated, identifier: [id] };
      delete c.id;
      const outcomes: ('stored' | 'refused')[] = [];
      for (let i = 0; i < 2; i += 1) {
        try {
          const stored = await client.recordConsent(c);
          expect(stored.resourceType).to.equal('Consent');
          outcomes.push('stored');
        } catch (error) {
          expectTypedError(error);
          outcomes.push('refused');
        }
      }
      const all = (await adapter.search<Consent>('Consent', {})).matches;
      if (outcomes.includes('stored')) expect(all, `stored ${JSON.stringify(id).slice(0, 80)} more than once`).to.have.length(1);
      else expect(all).to.have.length(0);
    }), params);
  });

  it('outcomeMessage / errorForStatus: any OperationOutcome gives a plain sentence, never markup or a stack trace — 1,000 runs', () => {
    const issue = fc.record({ severity: fc.constantFrom('error', 'fatal', 'warning', 'information', 'x'), code: text, details: fc.record({ text }), diagnostics: fc.oneof(text, fc.constant('at Object.<anonymous> (server.js:12:3)'), fc.constant('java.lang.NullPointerException')) }, { requiredKeys: [] });
    const outcome = fc.oneof(fc.record({ resourceType: fc.constant('OperationOutcome'), issue: fc.oneof(fc.array(fc.oneof(issue, junk), { maxLength: 3 }), junk) }), junk);
    fc.assert(fc.property(outcome, fc.integer({ min: 100, max: 599 }), (o, status) => {
      const message = outcomeMessage(o);
      if (message !== undefined) {
        expect(message.trim()).to.not.equal('');
        expect(message.length).to.be.at.most(MAX_MESSAGE_LENGTH);
        expect(message).to.not.match(/<\/?[a-z][^>]*>/i);
      }
      expectTypedError(errorForStatus(status, o));
    }), params);
  });

  it('parseRetryAfter: any header value gives a wait of zero or more milliseconds, or none — 1,000 runs', () => {
    const header = fc.oneof(text, fc.constantFrom('0', '1', '120', '-1', '1.5', '99999999999999999999', 'Wed, 21 Oct 2015 07:28:00 GMT', 'Fri, 31 Dec 9999 23:59:59 GMT', 'tomorrow', ''), fc.integer().map(String));
    fc.assert(fc.property(fc.option(header), (value) => {
      const wait = parseRetryAfter(value);
      if (wait !== undefined) expect(Number.isFinite(wait) && wait >= 0, `Retry-After ${JSON.stringify(value)} → ${wait}`).to.equal(true);
    }), params);
  });

  it('MemoryAdapter: any generated Bundle seeds a store, or is refused with a TypeError naming the entry — 1,000 runs', () => {
    const entry = fc.oneof(fc.record({ resource: fc.oneof(consent('p1'), junk), fullUrl: fc.oneof(text, junk) }, { requiredKeys: [] }), junk);
    fc.assert(fc.property(fc.oneof({ arbitrary: fc.array(entry, { maxLength: 4 }), weight: 5 }, { arbitrary: junk, weight: 1 }), (entries) => {
      try {
        const adapter = new MemoryAdapter({ resourceType: 'Bundle', entry: entries as { resource: Resource }[] });
        expect(adapter.name).to.equal('memory');
      } catch (error) {
        expect(error).to.be.instanceOf(TypeError);
        expect((error as Error).message).to.match(/^MemoryAdapter: (seed entry \d+|the seed Bundle)/);
      }
    }), params);
  });
});
