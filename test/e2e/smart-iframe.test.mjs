// A SMART launch inside an EHR's iframe (issue 16): many EHRs open apps in a frame. The demo's
// Content-Security-Policy keeps `frame-ancestors 'self'` by default, so another origin cannot frame
// it; with the frame ancestors set to the EHR's origin (`serve({ frameAncestors })`,
// FRAME_ANCESTORS for `npm start`), an EHR launch completes inside the frame. The "EHR" is a page
// on its own 127.0.0.1 port; the sandbox is the authorization server (its sign-in page allows
// the same frame ancestor).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { launchBrowser, startSite } from './browser.mjs';
import { startSandbox } from '../../sandbox/sandbox.mjs';

let ehr;
let framed;
let strict;
let sandbox;
let browser;

/** The EHR: a page that shows the app it launches in an iframe. */
function startEhr() {
  const server = http.createServer((req, res) => {
    const src = new URL(req.url, 'http://x').searchParams.get('src') ?? 'about:blank';
    const attr = src.replace(/[&"<>]/g, (c) => ({ '&': '&amp;', '"': '&quot;', '<': '&lt;', '>': '&gt;' })[c]);
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><title>EHR (fictional)</title><h1>EHR</h1><iframe id="app" title="App" src="${attr}" width="1000" height="800"></iframe></html>`);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve({
      origin: `http://127.0.0.1:${server.address().port}`,
      close: () => new Promise((r) => { server.close(() => r()); server.closeAllConnections(); }),
    }));
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

before(async () => {
  ehr = await startEhr();
  const demoSettings = {};
  [framed, strict, browser] = await Promise.all([
    startSite({ demoSettings, frameAncestors: `'self' ${ehr.origin}` }),
    startSite({ demoSettings }),
    launchBrowser(),
  ]);
  sandbox = await startSandbox({ port: 0, fhirPort: 0, appUrl: [`${framed.url}/demo/`, `${strict.url}/demo/`], frameAncestors: ehr.origin });
  Object.assign(demoSettings, { smartIss: sandbox.smartFhirUrl, fhirUrl: sandbox.fhirUrl });
});

after(async () => {
  await browser?.close();
  await Promise.all([sandbox?.close(), framed?.close(), strict?.close(), ehr?.close()]);
});

/** The frame whose URL starts with `prefix`, once there. */
async function frameAt(page, prefix, timeout = 20000) {
  for (let waited = 0; waited < timeout; waited += 100) {
    const frame = page.frames().find((f) => f.url().startsWith(prefix));
    if (frame) return frame;
    await sleep(100);
  }
  assert.fail(`no frame at ${prefix}: ${page.frames().map((f) => f.url()).join(', ')}`);
}

describe('SMART launch inside an EHR iframe', () => {
  it('with the EHR origin as a frame ancestor, an EHR launch completes inside the frame and shows the launched patient', async () => {
    const context = await browser.createBrowserContext();
    try {
      const page = await context.newPage();
      const demoUrl = `${framed.url}/demo/`;
      const launch = sandbox.launchUrl(demoUrl, sandbox.createLaunch({ patient: 'patient-de-vries' }));
      await page.goto(`${ehr.origin}/?src=${encodeURIComponent(launch)}`);
      const signIn = await frameAt(page, `${sandbox.issuer}/interaction/`);
      await signIn.waitForSelector('#allow', { timeout: 20000 });
      await signIn.click('#allow');
      let text = '';
      for (let i = 0; i < 200 && !/Vries/.test(text); i++) {
        await sleep(100);
        const app = page.frames().find((f) => f.url().startsWith(demoUrl));
        text = app ? await app.evaluate(() => document.querySelector('#banner')?.shadowRoot?.textContent ?? '').catch(() => '') : '';
      }
      assert.match(text, /Vries/);
      assert.equal(page.url().startsWith(ehr.origin), true, 'the EHR page stayed on top');
    } finally {
      await context.close();
    }
  });

  it('by default (frame-ancestors \'self\') another origin cannot show the demo in a frame, and no launch starts', async () => {
    const context = await browser.createBrowserContext();
    try {
      const page = await context.newPage();
      sandbox.stats.reset();
      const demoUrl = `${strict.url}/demo/`;
      const response = await fetch(demoUrl);
      assert.match(response.headers.get('content-security-policy'), /frame-ancestors 'self'(;|$)/);
      const launch = sandbox.launchUrl(demoUrl, sandbox.createLaunch({ patient: 'patient-de-vries' }));
      await page.goto(`${ehr.origin}/?src=${encodeURIComponent(launch)}`, { waitUntil: 'networkidle0' });
      await sleep(500);
      const shown = await Promise.all(page.frames().filter((f) => f !== page.mainFrame()).map((f) => f.evaluate(() => Boolean(document.querySelector('#banner'))).catch(() => false)));
      assert.deepEqual(shown.filter(Boolean), [], 'the demo did not render inside the frame');
      assert.ok(!page.frames().some((f) => f.url().startsWith(sandbox.issuer)), 'no sign-in started');
    } finally {
      await context.close();
    }
  });
});
