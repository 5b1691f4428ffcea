// The real FHIR test server and the fault proxy, over real HTTP on 127.0.0.1.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServers } from '../servers/start-test-servers.mjs';

const PATIENT = 'pat-1';
const seed = {
  resourceType: 'Bundle',
  type: 'collection',
  entry: [
    { resource: { resourceType: 'Patient', id: PATIENT, identifier: [{ system: 'http://fhir.nl/fhir/NamingSystem/bsn', value: '999911120' }], name: [{ family: 'Jansen', given: ['Anna'] }], birthDate: '1950-03-01' } },
    { resource: { resourceType: 'Patient', id: 'pat-2', name: [{ family: 'de Vries' }] } },
    { resource: { resourceType: 'Medication', id: 'med-1', code: { text: 'Paracetamol 500 mg tablet' } } },
    { resource: { resourceType: 'Medication', id: 'med-2', code: { text: 'Metoprolol 50 mg tablet' } } },
    ...['a', 'b', 'c', 'd', 'e'].map((s, i) => ({
      resource: {
        resourceType: 'MedicationRequest', id: `mr-${s}`, status: i === 4 ? 'stopped' : 'active', intent: 'order',
        subject: { reference: `Patient/${PATIENT}` }, medicationReference: { reference: i % 2 ? 'Medication/med-2' : 'Medication/med-1' },
      },
    })),
    { resource: { resourceType: 'MedicationRequest', id: 'mr-other', status: 'active', intent: 'order', subject: { reference: 'Patient/pat-2' }, medicationReference: { reference: 'Medication/med-2' } } },
    { resource: { resourceType: 'MedicationStatement', id: 'ms-1', status: 'active', subject: { reference: `Patient/${PATIENT}` }, medicationReference: { reference: 'Medication/med-1' } } },
    { resource: { resourceType: 'AllergyIntolerance', id: 'al-1', patient: { reference: `Patient/${PATIENT}` }, code: { text: 'Penicillin' } } },
  ],
};

const consent = (uuid) => ({
  resourceType: 'Consent',
  identifier: [{ system: 'urn:ietf:rfc:3986', value: `urn:uuid:${uuid}` }],
  status: 'active',
  scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'patient-privacy' }] },
  category: [{ coding: [{ system: 'http://loinc.org', code: '59284-0' }] }],
  patient: { reference: `Patient/${PATIENT}` },
  policyRule: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'OPTIN' }] },
});

const FHIR = { 'Content-Type': 'application/fhir+json', Accept: 'application/fhir+json' };
let s;

async function json(res) {
  const text = await res.text();
  return text ? JSON.parse(text) : undefined;
}
const addFault = async (rule) => {
  const res = await fetch(s.faultUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(rule) });
  assert.equal(res.status, 201, await res.clone().text());
  return res.json();
};
const searchByIdentifier = async (uuid) => json(await fetch(`${s.fhirUrl}/Consent?identifier=${encodeURIComponent(`urn:ietf:rfc:3986|urn:uuid:${uuid}`)}`));

before(async () => {
  s = await startTestServers({ seed });
});
after(async () => {
  await s?.close();
});

describe('FHIR test server', () => {
  test('indexes once and seeds with the given ids', () => {
    assert.match(s.fhirUrl, /^http:\/\/127\.0\.0\.1:\d+\/fhir$/);
    assert.match(s.proxyUrl, /^http:\/\/127\.0\.0\.1:\d+\/fhir$/);
    assert.ok(s.fhir.timings.seedMs < 200, `seeding took ${s.fhir.timings.seedMs} ms`);
  });

  test('read: 200 with ETag; unknown id: 404 with an OperationOutcome', async () => {
    const ok = await fetch(`${s.fhirUrl}/Patient/${PATIENT}`);
    assert.equal(ok.status, 200);
    assert.match(ok.headers.get('content-type'), /application\/fhir\+json/);
    assert.equal(ok.headers.get('etag'), 'W/"1"');
    assert.equal(ok.headers.get('access-control-allow-origin'), '*');
    const patient = await ok.json();
    assert.equal(patient.id, PATIENT);
    assert.equal(patient.name[0].family, 'Jansen');

    const missing = await fetch(`${s.fhirUrl}/Patient/does-not-exist`);
    assert.equal(missing.status, 404);
    const outcome = await missing.json();
    assert.equal(outcome.resourceType, 'OperationOutcome');
    assert.equal(outcome.issue[0].code, 'not-found');
  });

  test('search by patient with _include=MedicationRequest:medication returns both', async () => {
    const res = await fetch(`${s.fhirUrl}/MedicationRequest?patient=Patient/${PATIENT}&status=active&_include=MedicationRequest:medication`);
    assert.equal(res.status, 200);
    const bundle = await res.json();
    assert.equal(bundle.type, 'searchset');
    const matches = bundle.entry.filter((e) => e.search.mode === 'match').map((e) => e.resource.id).sort();
    const included = bundle.entry.filter((e) => e.search.mode === 'include').map((e) => `${e.resource.resourceType}/${e.resource.id}`).sort();
    assert.deepEqual(matches, ['mr-a', 'mr-b', 'mr-c', 'mr-d']);
    assert.deepEqual(included, ['Medication/med-1', 'Medication/med-2']);
    assert.equal(bundle.total, 4);
    for (const e of bundle.entry) assert.equal(e.fullUrl, `${s.fhirUrl}/${e.resource.resourceType}/${e.resource.id}`);

    // bare ids for reference parameters, `subject`, and the other includes the clients use
    const bare = await json(await fetch(`${s.fhirUrl}/MedicationRequest?subject=${PATIENT}`));
    assert.equal(bare.total, 5);
    const statements = await json(await fetch(`${s.fhirUrl}/MedicationStatement?patient=${PATIENT}&_include=MedicationStatement:medication`));
    assert.deepEqual(statements.entry.map((e) => e.resource.id), ['ms-1', 'med-1']);
    const allergies = await json(await fetch(`${s.fhirUrl}/AllergyIntolerance?patient=${PATIENT}&_include=AllergyIntolerance:patient`));
    assert.deepEqual(allergies.entry.map((e) => e.resource.id), ['al-1', PATIENT]);
  });

  test('unknown search parameters are a 400 with an OperationOutcome, not an empty result', async () => {
    const res = await fetch(`${s.fhirUrl}/MedicationRequest?patinet=${PATIENT}`);
    assert.equal(res.status, 400);
    assert.equal((await res.json()).resourceType, 'OperationOutcome');
  });

  test('_count=2 gives a next link that, followed through the proxy, yields the next page', async () => {
    const first = await json(await fetch(`${s.proxyUrl}/MedicationRequest?patient=${PATIENT}&_count=2`));
    assert.equal(first.entry.length, 2);
    assert.equal(first.total, 5);
    const next = first.link.find((l) => l.relation === 'next').url;
    assert.ok(next.startsWith(`${s.proxyUrl}/MedicationRequest?`), next);
    const before = s.fhir.stats.count({ pathIncludes: '_offset=2' });
    const second = await json(await fetch(next));
    assert.equal(s.fhir.stats.count({ pathIncludes: '_offset=2' }), before + 1, 'the page came from the server, via the proxy');
    assert.equal(second.entry.length, 2);
    const firstIds = first.entry.map((e) => e.resource.id);
    assert.ok(second.entry.every((e) => !firstIds.includes(e.resource.id)));
    assert.ok(second.link.find((l) => l.relation === 'previous'));
    const third = await json(await fetch(second.link.find((l) => l.relation === 'next').url));
    assert.equal(third.entry.length, 1);
    assert.equal(third.link.find((l) => l.relation === 'next'), undefined);

    // direct to the server, the links point at the server
    const direct = await json(await fetch(`${s.fhirUrl}/MedicationRequest?patient=${PATIENT}&_count=2`));
    assert.ok(direct.link.find((l) => l.relation === 'next').url.startsWith(`${s.fhirUrl}/`));
  });

  test('conditional create twice: 201 then 200, exactly one resource', async () => {
    const uuid = crypto.randomUUID();
    const headers = { ...FHIR, 'If-None-Exist': `identifier=urn:ietf:rfc:3986|urn:uuid:${uuid}` };
    const first = await fetch(`${s.fhirUrl}/Consent`, { method: 'POST', headers, body: JSON.stringify(consent(uuid)) });
    assert.equal(first.status, 201, await first.clone().text());
    assert.match(first.headers.get('location'), new RegExp(`^${s.fhirUrl}/Consent/[^/]+/_history/1$`));
    assert.equal(first.headers.get('etag'), 'W/"1"');
    const created = await first.json();
    const second = await fetch(`${s.fhirUrl}/Consent`, { method: 'POST', headers, body: JSON.stringify(consent(uuid)) });
    assert.equal(second.status, 200);
    assert.equal((await second.json()).id, created.id);
    const found = await searchByIdentifier(uuid);
    assert.equal(found.total, 1);
    assert.equal(found.entry[0].resource.id, created.id);
  });

  test('create validates against the R4 definitions', async () => {
    const res = await fetch(`${s.fhirUrl}/Consent`, { method: 'POST', headers: FHIR, body: JSON.stringify({ resourceType: 'Consent', status: 'active' }) });
    assert.equal(res.status, 400);
    const outcome = await res.json();
    assert.equal(outcome.resourceType, 'OperationOutcome');
    assert.ok(outcome.issue.some((i) => i.expression?.includes('Consent.scope')));
  });

  test('update with a stale If-Match answers 412; with the current one 200 and the next version', async () => {
    const current = await json(await fetch(`${s.fhirUrl}/Patient/pat-2`));
    const put = (ifMatch, family) => fetch(`${s.fhirUrl}/Patient/pat-2`, {
      method: 'PUT', headers: { ...FHIR, 'If-Match': ifMatch }, body: JSON.stringify({ ...current, name: [{ family }] }),
    });
    const ok = await put(`W/"${current.meta.versionId}"`, 'Visser');
    assert.equal(ok.status, 200);
    assert.equal(ok.headers.get('etag'), `W/"${Number(current.meta.versionId) + 1}"`);
    const stale = await put(`W/"${current.meta.versionId}"`, 'Bakker');
    assert.equal(stale.status, 412);
    assert.equal((await stale.json()).resourceType, 'OperationOutcome');
    assert.equal((await json(await fetch(`${s.fhirUrl}/Patient/pat-2`))).name[0].family, 'Visser');
  });

  test('/__stats counts the requests that reached the server; /__stats/reset clears them', async () => {
    await fetch(`${s.fhir.origin}/__stats/reset`, { method: 'POST' });
    await fetch(`${s.fhirUrl}/Patient/${PATIENT}`);
    await fetch(`${s.proxyUrl}/Patient/${PATIENT}`);
    await fetch(`${s.fhirUrl}/MedicationRequest?patient=${PATIENT}`);
    const stats = await json(await fetch(`${s.fhir.origin}/__stats`));
    assert.equal(stats.total, 3);
    assert.deepEqual(stats.requests.map((r) => [r.method, r.path, r.status]), [
      ['GET', `/fhir/Patient/${PATIENT}`, 200],
      ['GET', `/fhir/Patient/${PATIENT}`, 200],
      ['GET', `/fhir/MedicationRequest?patient=${PATIENT}`, 200],
    ]);
    assert.ok(!Number.isNaN(Date.parse(stats.requests[0].time)));
    const filtered = await json(await fetch(`${s.fhir.origin}/__stats?pathIncludes=MedicationRequest`));
    assert.equal(filtered.total, 1);
  });

  test('CORS preflight answers, on the server and through the proxy', async () => {
    for (const url of [`${s.fhirUrl}/Consent`, `${s.proxyUrl}/Consent`, s.faultUrl]) {
      const res = await fetch(url, {
        method: 'OPTIONS',
        headers: { Origin: 'http://localhost:8000', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization, content-type, if-none-exist' },
      });
      assert.equal(res.status, 204, url);
      assert.equal(res.headers.get('access-control-allow-origin'), '*');
      const allowed = res.headers.get('access-control-allow-headers').toLowerCase();
      for (const h of ['authorization', 'content-type', 'accept', 'if-none-exist', 'if-match', 'prefer']) assert.ok(allowed.includes(h), h);
      assert.match(res.headers.get('access-control-allow-methods'), /PUT/);
    }
    const get = await fetch(`${s.fhirUrl}/Patient/${PATIENT}`, { headers: { Origin: 'http://localhost:8000' } });
    const exposed = get.headers.get('access-control-expose-headers');
    for (const h of ['ETag', 'Location', 'Retry-After', 'Content-Location']) assert.ok(exposed.includes(h), h);
  });

  test('POST /__reset restores the seed', async () => {
    const uuid = crypto.randomUUID();
    await fetch(`${s.fhirUrl}/Consent`, { method: 'POST', headers: FHIR, body: JSON.stringify(consent(uuid)) });
    assert.equal((await searchByIdentifier(uuid)).total, 1);
    const res = await fetch(`${s.fhir.origin}/__reset`, { method: 'POST' });
    assert.equal(res.status, 200);
    assert.equal((await searchByIdentifier(uuid)).total, 0);
    assert.equal((await json(await fetch(`${s.fhirUrl}/Patient/pat-2`))).name[0].family, 'de Vries');
    assert.equal((await json(await fetch(`${s.fhir.origin}/__stats`))).total, 2, 'reset also clears the stats');
  });

  test('seeding a few hundred resources is fast', async () => {
    const big = { resourceType: 'Bundle', type: 'collection', entry: [...seed.entry] };
    for (let i = 0; i < 300; i++) {
      big.entry.push({ resource: { resourceType: 'MedicationRequest', id: `bulk-${i}`, status: 'active', intent: 'order', subject: { reference: `Patient/${PATIENT}` }, medicationReference: { reference: 'Medication/med-1' } } });
    }
    await s.fhir.reset(big);
    assert.ok(s.fhir.timings.seedMs < 500, `seeded 300 in ${s.fhir.timings.seedMs} ms`);
    const res = await json(await fetch(`${s.fhirUrl}/MedicationRequest?patient=${PATIENT}&_summary=count`));
    assert.equal(res.total, 305);
    await s.fhir.reset();
  });
});

describe('fault proxy', () => {
  const waitForLog = async (predicate) => {
    for (let i = 0; i < 50; i++) {
      const log = await json(await fetch(`${s.faultUrl}/log`));
      const hit = log.entries.find(predicate);
      if (hit) return hit;
      await new Promise((r) => setTimeout(r, 20));
    }
    assert.fail('log entry not found');
  };

  before(async () => {
    await fetch(s.faultUrl, { method: 'DELETE' });
  });

  test('forwards status, headers and body unchanged when no rule matches', async () => {
    const res = await fetch(`${s.proxyUrl}/Patient/${PATIENT}`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('etag'), 'W/"1"');
    assert.equal((await res.json()).id, PATIENT);
    const missing = await fetch(`${s.proxyUrl}/Patient/nope`);
    assert.equal(missing.status, 404);
    assert.equal((await missing.json()).issue[0].code, 'not-found');
  });

  test('503 + Retry-After with an OperationOutcome, answered without reaching the server; then healthy again', async () => {
    await addFault({ match: { method: 'GET', pathIncludes: '/Patient/' }, fault: { status: 503, retryAfter: '2' } });
    const before = s.fhir.stats.requests.length;
    const res = await fetch(`${s.proxyUrl}/Patient/${PATIENT}`, { headers: { Origin: 'http://localhost:8000' } });
    assert.equal(res.status, 503);
    assert.equal(res.headers.get('retry-after'), '2');
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    assert.match(res.headers.get('access-control-expose-headers'), /Retry-After/);
    const outcome = await res.json();
    assert.equal(outcome.resourceType, 'OperationOutcome');
    assert.equal(outcome.issue[0].code, 'transient');
    assert.equal(s.fhir.stats.requests.length, before, 'the server never saw it');
    assert.equal((await fetch(`${s.proxyUrl}/Patient/${PATIENT}`)).status, 200, 'times defaults to 1');
  });

  test('429 with an HTTP-date Retry-After; 401 carries WWW-Authenticate', async () => {
    const date = new Date(Date.now() + 3000).toUTCString();
    await addFault({ fault: { status: 429, retryAfter: date } });
    const res = await fetch(`${s.proxyUrl}/MedicationRequest?patient=${PATIENT}`);
    assert.equal(res.status, 429);
    assert.equal(res.headers.get('retry-after'), date);
    await addFault({ fault: { status: 401 } });
    const unauth = await fetch(`${s.proxyUrl}/Patient/${PATIENT}`);
    assert.equal(unauth.status, 401);
    assert.match(unauth.headers.get('www-authenticate'), /^Bearer/);
  });

  test('html, empty and invalid-json bodies', async () => {
    await addFault({ times: 1, fault: { status: 500, body: 'html' } });
    const html = await fetch(`${s.proxyUrl}/Patient/${PATIENT}`);
    assert.equal(html.status, 500);
    assert.match(html.headers.get('content-type'), /text\/html/);
    const text = await html.text();
    assert.match(text, /<script>/);
    assert.match(text, /<title>500 Internal Server Error<\/title>/);

    await addFault({ fault: { status: 403, body: 'empty' } });
    const empty = await fetch(`${s.proxyUrl}/Patient/${PATIENT}`);
    assert.equal(empty.status, 403);
    assert.equal(empty.headers.get('content-length'), '0');
    assert.equal(await empty.text(), '');

    await addFault({ fault: { status: 200, body: 'invalid-json' } });
    const broken = await fetch(`${s.proxyUrl}/Patient/${PATIENT}`);
    assert.equal(broken.status, 200);
    assert.match(broken.headers.get('content-type'), /application\/fhir\+json/);
    await assert.rejects(broken.json(), SyntaxError);
  });

  test('delay longer than the client timeout: the client times out', async () => {
    await addFault({ match: { pathIncludes: 'pat-2' }, fault: { delayMs: 1500 } });
    const seen = s.fhir.stats.count({ pathIncludes: 'pat-2' });
    const started = Date.now();
    await assert.rejects(fetch(`${s.proxyUrl}/Patient/pat-2`, { signal: AbortSignal.timeout(200) }), { name: 'TimeoutError' });
    assert.ok(Date.now() - started < 1000);
    const entry = await waitForLog((e) => e.path.includes('pat-2') && e.fault?.delayMs === 1500 && e.action === 'client-gone');
    assert.equal(entry.delayedMs, 1500);
    assert.ok(entry.waitedMs < 1500, 'the proxy noticed the client leave');
    assert.equal(s.fhir.stats.count({ pathIncludes: 'pat-2' }), seen, 'not forwarded after the client gave up');

    await addFault({ fault: { delayMs: 150 } });
    const t = Date.now();
    const slow = await fetch(`${s.proxyUrl}/Patient/${PATIENT}`);
    assert.equal(slow.status, 200);
    assert.ok(Date.now() - t >= 140);
  });

  test("drop 'before': the connection dies and nothing reaches the server", async () => {
    const uuid = crypto.randomUUID();
    await addFault({ match: { method: 'POST', pathIncludes: '/Consent' }, fault: { drop: 'before' } });
    const before = s.fhir.stats.count({ method: 'POST' });
    await assert.rejects(fetch(`${s.proxyUrl}/Consent`, { method: 'POST', headers: FHIR, body: JSON.stringify(consent(uuid)) }), TypeError);
    assert.equal(s.fhir.stats.count({ method: 'POST' }), before);
    assert.equal((await searchByIdentifier(uuid)).total ?? 0, 0);
  });

  test("drop 'after-commit': the server stores the create, the client gets no answer; a conditional retry finds it", async () => {
    const uuid = crypto.randomUUID();
    await addFault({ match: { method: 'POST', pathIncludes: '/Consent' }, fault: { drop: 'after-commit' } });
    const headers = { ...FHIR, 'If-None-Exist': `identifier=urn:ietf:rfc:3986|urn:uuid:${uuid}` };
    await assert.rejects(fetch(`${s.proxyUrl}/Consent`, { method: 'POST', headers, body: JSON.stringify(consent(uuid)) }), TypeError);
    const stored = await searchByIdentifier(uuid);
    assert.equal(stored.total, 1, 'the create was committed');
    const retry = await fetch(`${s.proxyUrl}/Consent`, { method: 'POST', headers, body: JSON.stringify(consent(uuid)) });
    assert.equal(retry.status, 200);
    assert.equal((await retry.json()).id, stored.entry[0].resource.id);
    assert.equal((await searchByIdentifier(uuid)).total, 1);
    const entry = await waitForLog((e) => e.action === 'drop-after-commit');
    assert.equal(entry.upstreamStatus, 201);
  });

  test('preflights are not consumed by rules; control API lists, validates and clears rules', async () => {
    await addFault({ match: { pathIncludes: '/Consent' }, times: 2, fault: { status: 503 } });
    const pre = await fetch(`${s.proxyUrl}/Consent`, { method: 'OPTIONS', headers: { Origin: 'http://x', 'Access-Control-Request-Method': 'POST' } });
    assert.equal(pre.status, 204);
    const listed = await json(await fetch(s.faultUrl));
    assert.equal(listed.rules.length, 1);
    assert.equal(listed.rules[0].remaining, 2);
    const bad = await fetch(s.faultUrl, { method: 'POST', body: JSON.stringify({ fault: { drop: 'sideways' } }) });
    assert.equal(bad.status, 400);
    assert.deepEqual(await json(await fetch(s.faultUrl, { method: 'DELETE' })), { ok: true, cleared: 1 });
    assert.equal((await fetch(`${s.proxyUrl}/Consent?patient=${PATIENT}`)).status, 200);
    const log = await json(await fetch(`${s.faultUrl}/log`));
    assert.ok(log.total > 0);
    assert.ok(log.entries.every((e) => typeof e.seq === 'number' && e.method && e.path && e.action));
  });
});
