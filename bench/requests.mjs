// Requests-per-page benchmark: the real FHIR test server (test/servers/fhir-server.mjs) seeded with
// the demo data set; a page with the banner, the medication list and the consent dialog for the
// patient with the most medication; the server's own request log after each step.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildPages, launchChromium, pageHtml, root, serveStatic, tempDir, textTable } from './lib.mjs';

const NEEDS = [
  'src/components/context/context.ts',
  'src/components/patient-banner/patient-banner.ts',
  'src/components/medication-list/medication-list.ts',
  'src/components/consent-dialog/consent-dialog.ts',
  'src/adapters/fhir-rest.ts',
  'test/servers/fhir-server.mjs',
  'demo/data/demo-data.js',
];

const PAGING = new Set(['_offset', '_page', '_getpagesoffset', '_getpages', 'page', '_cursor']);

/** What a logged request is: { kind: 'search MedicationRequest', key (without paging), page: bool }. */
export function classify(record) {
  const url = new URL(record.path, 'http://x');
  if (record.method === 'OPTIONS') return { kind: 'CORS preflight', key: `OPTIONS ${url.pathname}`, preflight: true };
  const rel = url.pathname.replace(/^\/fhir\/?/, '');
  const [type, id, ...rest] = rel.split('/').filter(Boolean);
  const params = new URLSearchParams(url.search);
  const paged = [...params.keys()].some((k) => PAGING.has(k));
  for (const k of PAGING) params.delete(k);
  const base = { page: paged, type };
  if (record.method === 'GET' && id === '_history') return { ...base, kind: `history ${type}`, key: record.path };
  if (record.method === 'GET' && id && !rest.length) return { ...base, kind: `read ${type}`, key: `GET ${type}/${id}`, read: true };
  if ((record.method === 'GET' && !id) || (record.method === 'POST' && id === '_search')) {
    params.sort();
    return { ...base, kind: `search ${type}`, key: `GET ${type}?${params}`, search: true };
  }
  if (record.method === 'POST' && !id) return { ...base, kind: `create ${type}`, key: `POST ${type}`, write: true };
  if (record.method === 'PUT' && id) return { ...base, kind: `update ${type}`, key: `PUT ${type}/${id}`, write: true };
  return { ...base, kind: `${record.method} ${type ?? rel}`, key: `${record.method} ${record.path}` };
}

/** Counts by kind, e.g. "search MedicationRequest 1 (+3 pages)". */
function byKind(records) {
  const kinds = new Map();
  for (const r of records) {
    const c = classify(r);
    const k = kinds.get(c.kind) ?? { n: 0, pages: 0 };
    if (c.page) k.pages += 1; else k.n += 1;
    kinds.set(c.kind, k);
  }
  return [...kinds].map(([kind, { n, pages }]) => `${kind} ${n}${pages ? ` (+${pages} next page${pages > 1 ? 's' : ''})` : ''}`).join(', ') || '—';
}

/** The demo patient with the most MedicationRequests + MedicationStatements. */
function busiestPatient(bundle) {
  const counts = new Map();
  for (const { resource } of bundle.entry ?? []) {
    if (!/^Medication(Request|Statement)$/.test(resource.resourceType)) continue;
    const ref = resource.subject?.reference;
    if (ref?.startsWith('Patient/')) counts.set(ref.slice(8), (counts.get(ref.slice(8)) ?? 0) + 1);
  }
  const [id, n] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [];
  return { id, medications: n ?? 0 };
}

export async function runRequests({ log = () => undefined } = {}) {
  const missing = NEEDS.filter((f) => !existsSync(join(root, f)));
  if (missing.length) return { error: `not written yet: ${missing.join(', ')}` };
  const tmp = tempDir('requests');
  let fhir;
  let server;
  let chromium;
  try {
    try {
      await buildPages({ requests: join(root, 'bench/pages/requests-page.ts') }, tmp.dir);
    } catch (err) {
      const first = err.errors?.[0];
      return { error: `build failed: ${first ? `${first.text} (${first.location?.file}:${first.location?.line})` : err.message}` };
    }
    const [{ startFhirServer }, { demoBundle }] = await Promise.all([
      import(join(root, 'test/servers/fhir-server.mjs')),
      import(join(root, 'demo/data/demo-data.js')),
    ]);
    const patient = busiestPatient(demoBundle);
    fhir = await startFhirServer({ seed: demoBundle });
    server = await serveStatic(tmp.dir, { '/requests.html': pageHtml('/requests.js') });
    chromium = await launchChromium();
    const page = await chromium.browser.newPage();
    page.setDefaultTimeout(60000);
    await page.goto(`${server.url}/requests.html`);
    await page.waitForFunction(() => window.benchRequests?.ready === true);

    const steps = [];
    let seen = 0;
    const idle = () => page.waitForNetworkIdle({ idleTime: 600, timeout: 30000 }).catch(() => undefined);
    const step = async (name, expected, action) => {
      const detail = await action();
      await idle();
      const settled = await page.evaluate(() => window.benchRequests.loaded());
      await idle();
      const records = fhir.stats.requests.slice(seen);
      seen = fhir.stats.requests.length;
      const states = await page.evaluate(() => window.benchRequests.states());
      steps.push({ name, expected, records, settled, detail, states });
      log(`requests: ${name}: ${records.filter((r) => r.method !== 'OPTIONS').length} requests (${byKind(records)})${settled ? '' : ' — elements still loading'}`);
    };

    fhir.stats.reset();
    await step('page load: banner + medication list + consent dialog', 'one per distinct request', () => page.evaluate((url, id) => window.benchRequests.mount(url, id), fhir.url, patient.id));
    await step('+ a second banner, same patient', '+0', () => page.evaluate((id) => window.benchRequests.addBanner(id), patient.id));
    await step('re-render (requestUpdate + locale switch)', '+0', () => page.evaluate(() => window.benchRequests.rerender()));
    await step('a consent decision recorded', 'Consent only, each search once (+ CapabilityStatement once)', () => page.evaluate(() => window.benchRequests.recordConsent()));
    return { patient, steps, all: fhir.stats.requests.slice() };
  } catch (err) {
    return { error: `failed: ${String(err.message).split('\n')[0]}` };
  } finally {
    await chromium?.close();
    await server?.close();
    await fhir?.close();
    tmp.remove();
  }
}

/** Evaluates each step against its expectation; returns rows { step, n, kinds, expected, verdict, pass }. */
export function requestChecks(result) {
  if (result.error) return [];
  const fhirOnly = (records) => records.filter((r) => r.method !== 'OPTIONS');
  const out = [];
  const [load, banner2, rerender, consent] = result.steps;
  {
    const recs = fhirOnly(load.records);
    const keys = new Map();
    for (const r of recs) keys.set(`${r.method} ${r.path}`, (keys.get(`${r.method} ${r.path}`) ?? 0) + 1);
    const dup = [...keys].filter(([, n]) => n > 1);
    const searches = new Map();
    for (const r of recs) {
      const c = classify(r);
      if (c.search && !c.page) searches.set(c.key, (searches.get(c.key) ?? 0) + 1);
    }
    const dupSearch = [...searches].filter(([, n]) => n > 1);
    const problems = [...dup.map(([k, n]) => `${k} ×${n}`), ...dupSearch.map(([k, n]) => `${k} ×${n} (first pages)`)];
    const errors = recs.filter((r) => r.status >= 400).map((r) => `${r.method} ${r.path} → ${r.status}`);
    // The elements must show the patient, not an error or "no patient" state.
    errors.push(...load.states.filter((st) => /error|no-patient|no-client/.test(st)));
    out.push({
      id: 'load', step: load.name, n: recs.length, kinds: byKind(load.records), expected: load.expected,
      pass: load.settled && problems.length === 0 && errors.length === 0 && recs.length > 0,
      verdict: !load.settled ? `elements still loading (${load.states.join('; ')})` : problems.length ? `repeated: ${problems.join(', ')}` : errors.length ? `errors: ${errors.join(', ')}` : `${searches.size} distinct searches, none repeated`,
    });
  }
  for (const s of [banner2, rerender]) {
    const recs = s.records;
    out.push({ id: s === banner2 ? 'banner2' : 'rerender', step: s.name, n: fhirOnly(recs).length, kinds: byKind(recs), expected: s.expected, pass: recs.length === 0 && s.settled, verdict: recs.length ? 'requests made' : s.settled ? 'none' : 'elements still loading' });
  }
  {
    const recs = fhirOnly(consent.records);
    // Before its first create the FHIR REST adapter reads the server's CapabilityStatement once, to
    // know whether the server honours conditional create (docs/guides/production.md): not a refetch.
    const capabilities = recs.filter((r) => r.method === 'GET' && classify(r).type === 'metadata');
    const other = recs.filter((r) => classify(r).type !== 'Consent' && !capabilities.includes(r));
    const wrote = recs.some((r) => classify(r).write);
    const refetched = recs.some((r) => classify(r).search);
    // The refetch follows the page-load rule too: one request per distinct search, no more.
    const counts = new Map();
    for (const r of recs) counts.set(`${r.method} ${r.path}`, (counts.get(`${r.method} ${r.path}`) ?? 0) + 1);
    const repeated = [...counts].filter(([, n]) => n > 1).map(([k, n]) => `${k} ×${n}`);
    const pass = consent.detail === 'ok' && wrote && refetched && other.length === 0 && repeated.length === 0 && capabilities.length <= 1;
    out.push({
      id: 'consent', step: consent.name, n: recs.length, kinds: byKind(consent.records), expected: consent.expected, pass,
      verdict: consent.detail !== 'ok' ? `could not record: ${consent.detail}`
        : !wrote ? 'no Consent write seen'
          : other.length ? `also refetched: ${byKind(other)}`
            : !refetched ? 'Consent list not refetched'
              : repeated.length ? `only Consent, but repeated: ${repeated.join(', ')}`
                : `only Consent write + one Consent search${capabilities.length ? ' (and the CapabilityStatement, read once before the first create)' : ''}`,
    });
  }
  {
    const reads = fhirOnly(result.all).filter((r) => { const c = classify(r); return c.read && c.type === 'Medication'; });
    out.push({ id: 'n+1', step: 'per-row Medication reads (N+1), whole page', n: reads.length, kinds: reads.length ? byKind(reads) : '—', expected: '0', pass: reads.length === 0, verdict: reads.length ? `${reads.length} GET Medication/<id>` : 'none' });
  }
  return out;
}

export function requestsTable(result) {
  if (result.error) return `Requests per page: not measured (${result.error})`;
  const rows = requestChecks(result).map((c) => [c.step, String(c.n), c.kinds, c.expected, `${c.pass ? 'ok' : 'NOT OK'}: ${c.verdict}`]);
  const preflights = result.all.filter((r) => r.method === 'OPTIONS').length;
  return [
    textTable(['step', 'requests', 'by kind (at the server)', 'expected', 'result'], rows, ['l', 'r', 'l', 'l', 'l']),
    `Patient ${result.patient.id} (${result.patient.medications} medication records) from demo/data; FhirRestAdapter → test/servers/fhir-server.mjs. `
      + `"requests" excludes CORS preflights (OPTIONS, sent by the browser: ${preflights} in all).`,
  ].join('\n');
}
