// Shared helpers for the end-to-end tests: the dev server behind `npm start`, and the browser engine
// ZK_ENGINE names (chromium by default; firefox; webkit; `npm test` runs the e2e tests in each).
// Chromium and Firefox are driven by puppeteer (CDP, WebDriver BiDi); WebKit by test/e2e/webkit.mjs,
// a page object with the same methods over WebDriver classic, watched by a proxy and an in-page probe.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import puppeteer from 'puppeteer-core';
import { currentEngine, puppeteerLaunchOptions } from '../../scripts/engines.mjs';
import { serve } from '../../scripts/serve.mjs';
import { launchWebKit, PROBE_PATH, startWatchProxy } from './webkit.mjs';

const require = createRequire(import.meta.url);

/**
 * Starts the `npm start` server on a free port. `demoSettings` is read at every request of
 * /demo/settings.json, so a test may fill it in once its sandbox runs.
 */
export async function startSite({ demoSettings = {}, frameAncestors } = {}) {
  const server = await serve({ port: 0, hostname: '127.0.0.1', demoSettings, ...(frameAncestors ? { frameAncestors } : {}) });
  const { port } = server.server.address();
  const url = `http://127.0.0.1:${port}`;
  // @web/dev-server starts watching a file it has served once a stat() returns; one that returns
  // after stop() reopens the closed (chokidar) watcher, which then keeps the test process alive for
  // good (seen once, in WebKit). Nothing is watched in the tests: no more files once stopping.
  const stop = async () => {
    if (server.fileWatcher) server.fileWatcher.add = () => server.fileWatcher;
    await server.stop();
  };
  if (engine !== 'webkit') return { url, close: stop };
  // WebKit: the pages are opened through the watch proxy (test/e2e/webkit.mjs).
  const proxy = await startWatchProxy(url);
  return { url: proxy.url, close: async () => { await proxy.close(); await stop(); } };
}

/** The engine the e2e tests run in (ZK_ENGINE), for the few steps that differ. */
export const engine = currentEngine();

/** Scripts the watch itself adds to a page (WebKit's probe), for tests that list a page's scripts. */
export const WATCH_SCRIPTS = engine === 'webkit' ? [PROBE_PATH] : [];

export async function launchBrowser() {
  if (engine === 'webkit') return launchWebKit();
  return puppeteer.launch(puppeteerLaunchOptions(engine, engine === 'chromium' ? { userDataDir: mkdtempSync(join(tmpdir(), 'zk-chrome-')) } : {}));
}

/**
 * Opens a page and records what must never happen: console errors, page errors, failed requests,
 * Content-Security-Policy violations.
 */
export async function openPage(browser, url) {
  if (engine === 'webkit') {
    // The proxy and the probe fill `problems` (brought up to date at every step of the page).
    const problems = [];
    const page = await browser.newPage(problems);
    try {
      await page.goto(url);
    } catch (error) {
      await page.close();
      throw error;
    }
    return { page, problems };
  }
  // Its own browser context, which headless Chromium shows in its own window: pages opened side by
  // side as tabs of one window would be hidden but one, and get no animation frames or resize
  // observations, unlike the page a user looks at.
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  page.once('close', () => {
    context.close().catch(() => undefined);
  });
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  await page.evaluateOnNewDocument(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  await page.goto(url, { waitUntil: 'networkidle0' });
  return { page, problems };
}

/**
 * Runs axe-core in the page (through DevTools or WebDriver's execute, so the page's CSP stays
 * strict) and returns violations.
 */
export async function axeViolations(page) {
  const source = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

/** Tags of custom elements used in the page (light DOM and shadow roots) that were never defined. */
export async function undefinedElements(page) {
  return page.evaluate(() => {
    const missing = new Set();
    const visit = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.localName.includes('-') && !customElements.get(el.localName)) missing.add(el.localName);
        if (el.shadowRoot) visit(el.shadowRoot);
      }
    };
    visit(document);
    return [...missing];
  });
}

/** The text a user sees in an element's shadow root (whitespace folded). */
export async function shadowText(page, selector) {
  return page.$eval(selector, (el) => (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim());
}
