// SMART App Launch end to end, in the browser engine ZK_ENGINE names (Chromium, Firefox): the sandbox (`npm run sandbox`: the FHIR server
// with the demo data, oidc-provider as the authorization server, the launcher), the demo page as
// `npm start` serves it, and the sandbox inspector app (/sandbox/app/, a minimal SMART app that hands
// its SmartAdapter to the test). Everything runs on 127.0.0.1, on free ports.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { launchBrowser, startSite } from './browser.mjs';
import { CAPABILITIES, startSandbox } from '../../sandbox/sandbox.mjs';

/** The demo's fixed "local FHIR server" address (demo/demo-config.ts SANDBOX_FHIR_URL). */
const DEMO_SANDBOX_ORIGIN = 'http://127.0.0.1:8090';

let site;
let sandbox;
let browser;
let foreign;
let demoUrl;
let inspectorUrl;

/** A FHIR-ish server on another origin that records the headers it gets. */
function startForeignServer() {
  const seen = [];
  const server = http.createServer((req, res) => {
    seen.push({ url: req.url, authorization: req.headers.authorization ?? null, cookie: req.headers.cookie ?? null });
    res.setHeader('Access-Control-Allow-Origin', '*');
    if (req.method === 'OPTIONS') {
      res.setHeader('Access-Control-Allow-Headers', 'Authorization, Accept, Content-Type');
      res.writeHead(204).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/fhir+json' });
    res.end(JSON.stringify({ resourceType: 'Organization', id: 'elsewhere', name: 'Fictional organisation elsewhere' }));
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve({
      url: `http://127.0.0.1:${server.address().port}`,
      seen,
      close: () => new Promise((r) => { server.close(() => r()); server.closeAllConnections(); }),
    }));
  });
}

/**
 * A hostile "EHR" on another 127.0.0.1 port: its discovery document names no issuer and its own
 * endpoints; its authorization endpoint forwards the user to the sandbox's real authorization
 * server (aud rewritten), so the real code comes back under our state (an authorization-code
 * mix-up). It records every request, and above all any code posted to its token endpoint.
 */
function startMixUpServer() {
  const seen = [];
  let origin;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, origin);
    seen.push({ method: req.method, path: url.pathname });
    res.setHeader('Access-Control-Allow-Origin', '*');
    if (req.method === 'OPTIONS') {
      res.setHeader('Access-Control-Allow-Headers', 'Authorization, Accept, Content-Type');
      res.writeHead(204).end();
    } else if (url.pathname === '/fhir/.well-known/smart-configuration') {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({
        authorization_endpoint: `${origin}/authorize`, token_endpoint: `${origin}/token`,
        code_challenge_methods_supported: ['S256'], capabilities: ['launch-ehr', 'client-public', 'permission-v2'],
      }));
    } else if (url.pathname === '/authorize') {
      const forward = new URL(`${sandbox.issuer}/auth`);
      forward.search = url.search;
      forward.searchParams.set('aud', sandbox.smartFhirUrl);
      res.writeHead(302, { Location: forward.href }).end();
    } else {
      res.writeHead(400, { 'Content-Type': 'application/json' }).end('{"error":"invalid_grant"}');
    }
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      origin = `http://127.0.0.1:${server.address().port}`;
      resolve({ fhirUrl: `${origin}/fhir`, seen, close: () => new Promise((r) => { server.close(() => r()); server.closeAllConnections(); }) });
    });
  });
}

let mixUp;
const demoSettings = {};

before(async () => {
  site = await startSite({ demoSettings });
  demoUrl = `${site.url}/demo/`;
  inspectorUrl = `${site.url}/sandbox/app/`;
  [sandbox, foreign, mixUp, browser] = await Promise.all([
    startSandbox({ port: 0, fhirPort: 0, appUrl: [demoUrl, inspectorUrl] }),
    startForeignServer(),
    startMixUpServer(),
    launchBrowser(),
  ]);
  // The demo's setting: the one FHIR server it accepts in a launch link (and its SMART button's).
  Object.assign(demoSettings, { smartIss: sandbox.smartFhirUrl, fhirUrl: sandbox.fhirUrl });
});

after(async () => {
  await browser?.close();
  await Promise.all([sandbox?.close(), foreign?.close(), mixUp?.close(), site?.close()]);
});

/** The demo's launch error state: its text, and whether any patient data is on screen. */
async function launchErrorState(page) {
  await page.waitForFunction(() => document.querySelector('#launch-error') && !document.querySelector('#launch-error').hidden, { timeout: 20000 });
  await sleep(300);
  return page.evaluate(() => {
    const context = document.querySelector('#context');
    const shown = (el) => el.shadowRoot?.textContent ?? '';
    return {
      text: document.querySelector('#launch-error').innerText.replace(/\s+/g, ' ').trim(),
      contextVisible: !context.hidden && getComputedStyle(context).display !== 'none',
      componentText: ['#banner', '#medication', '#consent'].map((s) => shown(document.querySelector(s))).join(' '),
    };
  });
}

/** A fresh browser profile (no cookies, no storage) with one page; closed after `fn`. */
async function withPage(fn) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const tokens = [];
  page.on('response', async (response) => {
    if (response.url() === `${sandbox.issuer}/token` && response.request().method() === 'POST') {
      tokens.push(await response.json().catch(() => ({})));
    }
  });
  try {
    return await fn(page, tokens);
  } finally {
    await context.close();
  }
}

/** On the authorization server's page: optionally pick a patient or read-only access, then Allow. */
async function allowAtAuthorizationServer(page, { patient, readOnly = false } = {}) {
  await page.waitForSelector('#allow', { timeout: 20000 });
  assert.ok(page.url().startsWith(`${sandbox.issuer}/interaction/`), 'on the sandbox authorization server');
  if (patient) await page.select('#patient', patient);
  if (readOnly) await page.click('#readonly');
  await Promise.all([page.waitForNavigation(), page.click('#allow')]);
}

/** EHR-launches the inspector app for a context and waits until it is ready (or failed). */
async function launchInspector(page, launch = {}, grant = {}) {
  await page.goto(sandbox.launchUrl(inspectorUrl, sandbox.createLaunch({ patient: 'patient-de-vries', ...launch })));
  await allowAtAuthorizationServer(page, grant);
  await page.waitForFunction(() => ['ready', 'error'].includes(document.body.dataset.state), { timeout: 20000 });
  return page.evaluate(() => ({ state: document.body.dataset.state, error: window.zkSandboxApp?.error }));
}

/**
 * Waits until `selector`'s shadow root shows loaded content (not loading) that stays the same for
 * a moment, and returns the text a user sees there (live-region announcements left out).
 */
async function renderedText(page, selector, mustMatch) {
  const read = () => page.$eval(selector, (el) => {
    const root = el.shadowRoot;
    if (!root || root.querySelector('[aria-busy="true"]')) return '';
    const copy = document.createElement('div');
    for (const node of root.childNodes) copy.append(node.cloneNode(true));
    for (const live of copy.querySelectorAll('[aria-live], style')) live.remove();
    return copy.textContent.replace(/\s+/g, ' ').trim();
  });
  let previous;
  for (let i = 0; i < 200; i++) {
    const text = await read();
    if (text && (!mustMatch || mustMatch.test(text)) && text === previous) return text;
    previous = text;
    await sleep(100);
  }
  assert.fail(`${selector} did not settle${mustMatch ? ` on ${mustMatch}` : ''}: ${previous}`);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

describe('the SMART sandbox', () => {
  it('publishes a smart-configuration with PKCE S256 and the SMART capabilities', async () => {
    const res = await fetch(`${sandbox.smartFhirUrl}/.well-known/smart-configuration`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    const config = await res.json();
    assert.equal(config.issuer, sandbox.issuer);
    assert.deepEqual(config.code_challenge_methods_supported, ['S256']);
    for (const capability of ['launch-ehr', 'launch-standalone', 'context-ehr-patient', 'context-standalone-patient', 'permission-v2',
      'client-public', 'context-passthrough-banner', 'context-passthrough-style']) {
      assert.ok(config.capabilities.includes(capability), capability);
    }
    assert.deepEqual(config.capabilities, CAPABILITIES);
  });

  it('requires a valid bearer token on the SMART FHIR base, and none on the open one', async () => {
    const none = await fetch(`${sandbox.smartFhirUrl}/Patient/patient-de-vries`);
    assert.equal(none.status, 401);
    const forged = await fetch(`${sandbox.smartFhirUrl}/Patient/patient-de-vries`, { headers: { Authorization: 'Bearer forged' } });
    assert.equal(forged.status, 401);
    assert.match(forged.headers.get('www-authenticate'), /invalid_token/);
    const open = await fetch(`${sandbox.fhirUrl}/Patient/patient-de-vries`);
    assert.equal(open.status, 200);
  });

  it('refuses an authorization request without PKCE, before any sign-in page', async () => {
    const url = new URL(`${sandbox.issuer}/auth`);
    url.search = new URLSearchParams({
      client_id: sandbox.clientId, response_type: 'code', redirect_uri: inspectorUrl, scope: 'openid launch/patient', state: 'x'.repeat(43), aud: sandbox.smartFhirUrl,
    }).toString();
    const res = await fetch(url, { redirect: 'manual' });
    const location = new URL(res.headers.get('location'));
    assert.equal(location.origin + location.pathname, inspectorUrl);
    assert.equal(location.searchParams.get('error'), 'invalid_request');
  });
});

describe('a failed or hostile launch never shows a patient (issue 16)', () => {
  it('a launch link naming another server (a hostile iss on another port) is refused before any request to it', async () => {
    await withPage(async (page) => {
      mixUp.seen.length = 0;
      await page.goto(`${demoUrl}?iss=${encodeURIComponent(mixUp.fhirUrl)}&launch=x`);
      const state = await launchErrorState(page);
      assert.deepEqual(mixUp.seen, [], 'the hostile server got no request');
      assert.ok(page.url().startsWith(demoUrl), 'still on the demo');
      assert.match(state.text, /geen patiëntgegevens/);
      assert.match(state.text, /niet mag verbinden/);
      assert.equal(state.contextVisible, false);
      assert.doesNotMatch(state.componentText, /Putten|Vries/);
    });
  });

  it('a launch the server refuses (invalid_request: unknown launch id) shows the server\'s reason, what helps, and no sample patient', async () => {
    await withPage(async (page) => {
      await page.goto(sandbox.launchUrl(demoUrl, 'no-such-launch'));
      const state = await launchErrorState(page);
      assert.match(state.text, /Er worden geen patiëntgegevens getoond/);
      assert.match(state.text, /nam het aanmeldverzoek niet aan/);
      assert.match(state.text, /Start de app opnieuw vanuit uw EPD/);
      assert.match(state.text, /invalid_request — The launch id is unknown or has expired/);
      assert.equal(state.contextVisible, false);
      assert.doesNotMatch(state.componentText, /Putten|Vries/);
      // The same state in English after a language switch.
      await page.select('#locale', 'en');
      const english = await page.$eval('#launch-error', (el) => el.innerText);
      assert.match(english, /No patient data is shown/);
      assert.match(english, /did not accept the sign-in request/);
      assert.match(english, /Start the app again from your EHR/);
    });
  });

  it('a reload after a launch (the in-memory session is gone) says so, and shows no one\'s record', async () => {
    await withPage(async (page) => {
      await page.goto(sandbox.launchUrl(demoUrl, sandbox.createLaunch({ patient: 'patient-de-vries' })));
      await allowAtAuthorizationServer(page);
      await renderedText(page, '#banner', /Vries/);
      await page.reload();
      const state = await launchErrorState(page);
      assert.match(state.text, /opnieuw geladen/);
      assert.match(state.text, /Start de app opnieuw vanuit uw EPD/);
      assert.equal(state.contextVisible, false);
      assert.doesNotMatch(state.componentText, /Putten|Vries/);
    });
  });

  it('an authorization-code mix-up (a hostile server forwarding to the real one) is refused: the code never reaches the hostile token endpoint', async () => {
    await withPage(async (page) => {
      mixUp.seen.length = 0;
      sandbox.stats.reset();
      const launch = sandbox.createLaunch({ patient: 'patient-de-vries' });
      await page.goto(`${inspectorUrl}?iss=${encodeURIComponent(mixUp.fhirUrl)}&launch=${launch}`);
      await allowAtAuthorizationServer(page);
      await page.waitForFunction(() => ['ready', 'error'].includes(document.body.dataset.state), { timeout: 20000 });
      const result = await page.evaluate(() => ({ state: document.body.dataset.state, code: window.zkSandboxApp?.error?.code }));
      assert.ok(mixUp.seen.some((r) => r.path === '/authorize'), 'the launch went through the hostile server');
      assert.deepEqual(mixUp.seen.filter((r) => r.path === '/token'), [], 'no code was posted to the hostile token endpoint');
      assert.deepEqual(result, { state: 'error', code: 'issuer-mismatch' });
      assert.equal(sandbox.stats.token.count(), 0, 'and none to the real one either');
    });
  });
});

describe('SMART launch of the demo page', () => {
  it('the "SMART launch" button uses the configured FHIR server (a setting, here this test\'s sandbox on a free port)', async () => {
    await withPage(async (page) => {
      await page.goto(demoUrl);
      await renderedText(page, '#banner', /Putten/);
      await page.select('#adapter', 'sandbox');
      await page.waitForFunction(() => !document.querySelector('#smart-launch').hidden, { timeout: 10000 });
      await Promise.all([page.waitForNavigation(), page.click('#smart-launch')]);
      await allowAtAuthorizationServer(page, { patient: 'patient-bakker-de-jong' });
      const text = await renderedText(page, '#banner', /Bakker-de Jong/);
      assert.doesNotMatch(text, /Putten/);
    });
  });

  it('EHR launch from the launcher page renders the banner of the launched patient', async () => {
    await withPage(async (page) => {
      await page.goto(sandbox.launcherUrl);
      await page.select('#app', demoUrl);
      await page.select('#patient', 'patient-de-vries');
      await Promise.all([page.waitForNavigation(), page.click('#launch')]);
      await allowAtAuthorizationServer(page);
      const text = await renderedText(page, '#banner', /Vries/);
      assert.match(text, /Vries/);
      assert.doesNotMatch(text, /Putten/);
      const url = new URL(page.url());
      assert.deepEqual([...url.searchParams.keys()].filter((k) => ['code', 'state', 'iss', 'launch'].includes(k)), [], 'no code or state left in the address bar');
    });
  });

  it('standalone launch renders the banner of the patient picked at the authorization server', async () => {
    await withPage(async (page) => {
      await page.goto(sandbox.launcherUrl);
      await page.select('#app', demoUrl);
      await page.click('input[name="mode"][value="standalone"]');
      await Promise.all([page.waitForNavigation(), page.click('#launch')]);
      await allowAtAuthorizationServer(page, { patient: 'patient-bakker-de-jong' });
      const text = await renderedText(page, '#banner', /Bakker-de Jong/);
      assert.match(text, /1988/);
      assert.doesNotMatch(text, /Putten/);
    });
  });

  it('hides the banner when the EHR says need_patient_banner is false', async () => {
    await withPage(async (page) => {
      await page.goto(sandbox.launchUrl(demoUrl, sandbox.createLaunch({ patient: 'patient-de-vries', needPatientBanner: false })));
      await allowAtAuthorizationServer(page);
      await renderedText(page, '#medication');
      await page.waitForFunction(() => {
        const banner = document.querySelector('#banner');
        return banner && (banner.hidden || getComputedStyle(banner).display === 'none');
      }, { timeout: 10000 });
    });
  });

  it('renders the same patient the same way over the MemoryAdapter, the FhirRestAdapter (sandbox server) and the SmartAdapter', async () => {
    const patient = 'patient-van-putten';
    const capture = async (page) => ({
      banner: await renderedText(page, '#banner', /Putten/),
      medication: await renderedText(page, '#medication'),
    });
    const memory = await withPage(async (page) => {
      await page.goto(`${demoUrl}?patient=${patient}`);
      return capture(page);
    });
    const rest = await withPage(async (page) => {
      // The demo's "local FHIR server" mode talks to 127.0.0.1:8090; answer it from this test's sandbox.
      await page.setRequestInterception(true);
      page.on('request', async (request) => {
        const url = new URL(request.url());
        if (url.origin !== DEMO_SANDBOX_ORIGIN) {
          await request.continue();
          return;
        }
        const answer = await fetch(`${sandbox.fhir.origin}${url.pathname}${url.search}`, {
          method: request.method(),
          headers: { Accept: request.headers().accept ?? 'application/fhir+json', 'X-Forwarded-Host': '127.0.0.1:8090', ...(request.headers().origin ? { Origin: request.headers().origin } : {}) },
          // Only the demo's reads go there; postData() is CDP-only (it throws over Firefox's BiDi).
          body: ['GET', 'HEAD'].includes(request.method()) ? undefined : request.postData(),
        });
        await request.respond({ status: answer.status, headers: Object.fromEntries(answer.headers), body: Buffer.from(await answer.arrayBuffer()) });
      });
      await page.goto(`${demoUrl}?patient=${patient}`);
      await renderedText(page, '#banner', /Putten/);
      sandbox.fhir.stats.reset();
      await page.select('#adapter', 'sandbox');
      await page.waitForFunction(() => document.querySelector('#adapter').value === 'sandbox');
      await sleep(300);
      const shown = await capture(page);
      assert.ok(sandbox.fhir.stats.count({ pathIncludes: `/Patient/${patient}` }) >= 1, 'the banner was read from the sandbox FHIR server');
      return shown;
    });
    const smart = await withPage(async (page) => {
      await page.goto(sandbox.launchUrl(demoUrl, sandbox.createLaunch({ patient })));
      sandbox.stats.reset();
      await allowAtAuthorizationServer(page);
      const shown = await capture(page);
      assert.ok(sandbox.stats.fhir.count({ path: `/fhir/Patient/${patient}`, authorization: 'valid' }) >= 1, 'read through the SMART FHIR base with a token');
      return shown;
    });
    assert.equal(rest.banner, memory.banner);
    assert.equal(smart.banner, memory.banner);
    assert.equal(rest.medication, memory.medication);
    assert.equal(smart.medication, memory.medication);
  });

  it('shows "sign in again" in the components once the refresh token has expired', async () => {
    Object.assign(sandbox.settings, { tokenTtlSeconds: 1, refreshTokenTtlSeconds: 2 });
    try {
      await withPage(async (page) => {
        await page.goto(sandbox.launchUrl(demoUrl, sandbox.createLaunch({ patient: 'patient-de-vries' })));
        await allowAtAuthorizationServer(page);
        await renderedText(page, '#banner', /Vries/);
        await sleep(2600);
        const events = page.evaluate(() => new Promise((resolve) => {
          window.addEventListener('zk-session-expired', (e) => resolve(e.detail.reason), { once: true });
        }));
        // The next request (any user action that loads data) finds the session over.
        const failure = await page.evaluate(() => document.querySelector('#context').adapter.read('Patient', 'patient-de-vries').then(() => 'read', (e) => e.name));
        assert.equal(failure, 'UnauthorizedError');
        assert.equal(await events, 'refresh-failed');
        for (const selector of ['#banner', '#medication']) {
          const text = await renderedText(page, selector, /Meld u opnieuw aan/);
          assert.doesNotMatch(text, /Vries|acenocoumarol/, `${selector} no longer shows patient data`);
        }
      });
    } finally {
      Object.assign(sandbox.settings, { tokenTtlSeconds: 300, refreshTokenTtlSeconds: 3600 });
    }
  });

  it('never downloads oidc-client-ts on a page without a launch', async () => {
    await withPage(async (page) => {
      const urls = [];
      page.on('request', (r) => urls.push(r.url()));
      await page.goto(demoUrl, { waitUntil: 'networkidle0' });
      await renderedText(page, '#banner');
      assert.ok(urls.some((u) => u.includes('/src/adapters/smart')), 'the demo loads the light SMART module');
      assert.deepEqual(urls.filter((u) => /oidc-client-ts|smart-session/.test(u)), []);
    });
  });

  it('keeps no token in localStorage, sessionStorage, IndexedDB or cookies after login', async () => {
    await withPage(async (page, tokens) => {
      await page.goto(sandbox.launchUrl(demoUrl, sandbox.createLaunch({ patient: 'patient-de-vries' })));
      await allowAtAuthorizationServer(page);
      await renderedText(page, '#banner', /Vries/);
      assert.equal(tokens.length, 1);
      const secrets = [tokens[0].access_token, tokens[0].refresh_token, tokens[0].id_token];
      assert.ok(secrets.every((s) => typeof s === 'string' && s.length > 10), 'the token response had all three tokens');
      const stored = await page.evaluate(async () => {
        const dump = (s) => Object.keys(s).map((k) => `${k}=${s.getItem(k)}`).join('\n');
        const dbs = [];
        for (const info of await indexedDB.databases()) {
          dbs.push(await new Promise((resolve) => {
            const open = indexedDB.open(info.name);
            open.onsuccess = () => {
              const db = open.result;
              const names = [...db.objectStoreNames];
              if (!names.length) { db.close(); resolve(info.name); return; }
              const tx = db.transaction(names, 'readonly');
              const all = names.map((n) => new Promise((r) => { const q = tx.objectStore(n).getAll(); q.onsuccess = () => r(JSON.stringify(q.result)); }));
              Promise.all(all).then((parts) => { db.close(); resolve(`${info.name}:${parts.join('')}`); });
            };
            open.onerror = () => resolve(info.name);
          }));
        }
        return { local: dump(localStorage), session: dump(sessionStorage), sessionKeys: Object.keys(sessionStorage), indexedDb: dbs.join('\n'), cookie: document.cookie };
      });
      const cookies = (await page.browserContext().cookies()).map((c) => `${c.name}=${c.value}`).join('\n');
      for (const secret of secrets) {
        for (const [where, text] of Object.entries({ localStorage: stored.local, sessionStorage: stored.session, indexedDB: stored.indexedDb, cookies: `${cookies}\n${stored.cookie}` })) {
          assert.ok(!text.includes(secret), `a token is in ${where}`);
        }
      }
      assert.deepEqual(stored.sessionKeys.filter((k) => k.startsWith('zk.smart.')), [], 'the PKCE state is gone after the callback');
    });
  });
});

describe('SMART sessions and safety (inspector app)', () => {
  it('refuses a replayed callback and one with a state it never sent, with zero token requests', async () => {
    await withPage(async (page) => {
      const callbacks = [];
      page.on('request', (r) => { if (r.isNavigationRequest() && r.url().startsWith(`${inspectorUrl}?code=`)) callbacks.push(r.url()); });
      assert.equal((await launchInspector(page)).state, 'ready');
      assert.equal(callbacks.length, 1);
      sandbox.stats.reset();
      await page.goto(callbacks[0]);
      await page.waitForFunction(() => document.body.dataset.state === 'error');
      assert.equal((await page.evaluate(() => window.zkSandboxApp.error)).code, 'invalid-state');
      const forged = new URL(callbacks[0]);
      forged.searchParams.set('state', `${'0'.repeat(32)};${'A'.repeat(22)}`);
      await page.goto(forged.href);
      await page.waitForFunction(() => document.body.dataset.state === 'error');
      assert.equal((await page.evaluate(() => window.zkSandboxApp.error)).code, 'invalid-state');
      assert.equal(sandbox.stats.token.count(), 0, 'no call to the token endpoint');
    });
  });

  it('renews an expired access token once for ten concurrent requests', async () => {
    sandbox.settings.tokenTtlSeconds = 2;
    try {
      await withPage(async (page, tokens) => {
        assert.equal((await launchInspector(page)).state, 'ready');
        assert.equal(tokens[0].expires_in, 2);
        await sleep(2200);
        sandbox.stats.reset();
        const ids = await page.evaluate(() => Promise.all(Array.from({ length: 10 }, () => window.zkSandboxApp.adapter.read('Patient', 'patient-de-vries').then((p) => p.id))));
        assert.deepEqual(ids, Array(10).fill('patient-de-vries'));
        assert.deepEqual(sandbox.stats.token.requests.map((r) => [r.grantType, r.status]), [['refresh_token', 200]], 'exactly one token call');
        assert.equal(sandbox.stats.fhir.count({ authorization: 'valid', status: 200 }), 10);
        assert.equal(sandbox.stats.fhir.count({ status: 401 }), 0);
      });
    } finally {
      sandbox.settings.tokenTtlSeconds = 300;
    }
  });

  it('ends the session cleanly when the refresh token has expired', async () => {
    Object.assign(sandbox.settings, { tokenTtlSeconds: 1, refreshTokenTtlSeconds: 2 });
    try {
      await withPage(async (page, tokens) => {
        assert.equal((await launchInspector(page)).state, 'ready');
        await sleep(2600);
        sandbox.stats.reset();
        const outcome = await page.evaluate(async () => {
          const adapter = window.zkSandboxApp.adapter;
          const first = await adapter.read('Patient', 'patient-de-vries').then(() => 'read', (e) => e.name);
          const second = await adapter.read('Patient', 'patient-de-vries').then(() => 'read', (e) => e.name);
          return { first, second, expired: window.zkSandboxApp.expired, state: document.body.dataset.state, canWrite: adapter.canWrite('Consent') };
        });
        assert.deepEqual(outcome, { first: 'UnauthorizedError', second: 'UnauthorizedError', expired: 'refresh-failed', state: 'expired', canWrite: false });
        assert.deepEqual(sandbox.stats.token.requests.map((r) => [r.grantType, r.status, r.error]), [['refresh_token', 400, 'invalid_grant']], 'one refused refresh, no retry');
        assert.equal(sandbox.stats.fhir.count(), 0, 'no FHIR request without a valid session');
        const session = await page.evaluate(() => Object.values(sessionStorage).join('\n'));
        assert.ok(!session.includes(tokens[0].refresh_token));
      });
    } finally {
      Object.assign(sandbox.settings, { tokenTtlSeconds: 300, refreshTokenTtlSeconds: 3600 });
    }
  });

  it('fetches a reference on another origin without the Authorization header', async () => {
    await withPage(async (page) => {
      assert.equal((await launchInspector(page)).state, 'ready');
      foreign.seen.length = 0;
      sandbox.stats.reset();
      const result = await page.evaluate(async (url) => {
        const adapter = window.zkSandboxApp.adapter;
        const own = await adapter.resolve('Patient/patient-de-vries');
        const other = await adapter.resolve(url);
        return [own.id, other.id];
      }, `${foreign.url}/fhir/Organization/elsewhere`);
      assert.deepEqual(result, ['patient-de-vries', 'elsewhere']);
      assert.equal(sandbox.stats.fhir.count({ authorization: 'valid' }), 1, 'the FHIR server got the token');
      assert.deepEqual(foreign.seen.map((s) => [s.authorization, s.cookie]), [[null, null]], 'the other origin got neither token nor cookie');
    });
  });

  it('shows Consent as read-only when the user grants read access only', async () => {
    await withPage(async (page, tokens) => {
      assert.equal((await launchInspector(page, {}, { readOnly: true })).state, 'ready');
      assert.match(tokens[0].scope, /patient\/Consent\.rs/);
      assert.doesNotMatch(tokens[0].scope, /Consent\.c/);
      assert.deepEqual(await page.evaluate(() => [window.zkSandboxApp.adapter.canWrite('Consent'), window.zkSandboxApp.adapter.grantedScopes.includes('patient/Consent.rs')]), [false, true]);
      const refused = await page.evaluate(() => window.zkSandboxApp.adapter.create({ resourceType: 'Consent', status: 'active' }).then(() => 'created', (e) => e.name));
      assert.equal(refused, 'ForbiddenError');
    });
  });

  it('passes the whole launch context on: patient, encounter, fhirUser, need_patient_banner, smart_style_url, fhirContext', async () => {
    await withPage(async (page) => {
      const launch = { patient: 'patient-whitfield', encounter: 'enc-sandbox-1', needPatientBanner: false, style: true, fhirContext: [{ reference: 'Organization/organization-ziekenhuis-zilverlinde', role: 'https://example.org/fictional-role' }] };
      assert.equal((await launchInspector(page, launch)).state, 'ready');
      const context = await page.evaluate(() => window.zkSandboxApp.adapter.launchContext());
      assert.deepEqual(context, {
        patient: 'patient-whitfield',
        encounter: 'enc-sandbox-1',
        needPatientBanner: false,
        styleUrl: sandbox.styleUrl,
        fhirContext: launch.fhirContext,
        user: 'Practitioner/practitioner-kuipers',
      });
    });
  });
});
