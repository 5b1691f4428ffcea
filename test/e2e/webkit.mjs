// The e2e tests in WebKit: WebKitGTK's WebKitWebDriver (MiniBrowser under Xvfb, started by
// scripts/engines.mjs) speaks WebDriver classic only — no console, error or network events, no
// script before the page's own. So the watch is rebuilt from two sides:
//   - the watch proxy, in front of the `npm start` server: records every request the page makes to
//     the site that failed or answered HTTP >= 400, and puts /__zk-probe.js (test/e2e/probe.js)
//     first in each HTML page's <head>; everything else, the CSP header included, passes unchanged;
//   - the probe, inside the page, before its own scripts: CSP violations, uncaught errors, failed
//     resources, console.error, failed fetches (also to other origins).
// and a page object with the part of puppeteer's Page the tests use, over webdriverio, so the
// tests keep one API (test/e2e/browser.mjs picks it for ZK_ENGINE=webkit).
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import { remote } from 'webdriverio';
import { startWebKitDriver } from '../../scripts/engines.mjs';
import { fitWindowToViewport } from '../../scripts/wtr-viewport.mjs';

/** Where the watch proxy serves the probe (the one script in a page that is the tests', not the page's). */
export const PROBE_PATH = '/__zk-probe.js';
const PROBE_SOURCE = readFileSync(new URL('./probe.js', import.meta.url), 'utf8');
const PROBE_TAG = `<script src="${PROBE_PATH}"></script>`;

/** Watch proxies by origin, so that openPage finds the one in front of a page's site. */
const proxies = new Map();

/** The probe as the first child of <head> (or first in the document if it has none). */
export function injectProbe(html) {
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + PROBE_TAG + html.slice(head.index + head[0].length);
  const htmlTag = /<html(\s[^>]*)?>/i.exec(html);
  if (htmlTag) return `${html.slice(0, htmlTag.index + htmlTag[0].length)}<head>${PROBE_TAG}</head>${html.slice(htmlTag.index + htmlTag[0].length)}`;
  return PROBE_TAG + html;
}

/**
 * Starts the watch proxy on a free port of 127.0.0.1 in front of `upstream` (the site's origin).
 * Returns its url, close(), and watch(list): while watched, problems are pushed to list.
 */
export async function startWatchProxy(upstream) {
  const target = new URL(upstream);
  const watchers = new Set();
  let inFlight = 0;
  let lastActivity = Date.now();
  const report = (problem) => {
    for (const list of watchers) list.push(problem);
  };

  const server = createServer((req, res) => {
    const url = `${origin}${req.url}`;
    if (req.url === PROBE_PATH) {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
      res.end(PROBE_SOURCE);
      return;
    }
    inFlight += 1;
    lastActivity = Date.now();
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      inFlight -= 1;
      lastActivity = Date.now();
    };
    res.once('close', () => {
      if (!res.writableFinished) report(`request failed: ${url} (the browser dropped it)`);
      finish();
    });
    // No compression (HTML is rewritten) and no conditional requests (every page gets the probe).
    const headers = { ...req.headers };
    for (const name of ['accept-encoding', 'if-none-match', 'if-modified-since']) delete headers[name];
    const upstreamReq = httpRequest({ hostname: target.hostname, port: target.port, method: req.method, path: req.url, headers }, (upstreamRes) => {
      const status = upstreamRes.statusCode ?? 0;
      if (status >= 400) report(`HTTP ${status}: ${url}`);
      const type = String(upstreamRes.headers['content-type'] ?? '');
      if (!/^text\/html/i.test(type) || req.method === 'HEAD') {
        res.writeHead(status, upstreamRes.headers);
        upstreamRes.pipe(res);
        return;
      }
      const chunks = [];
      upstreamRes.on('data', (c) => chunks.push(c));
      upstreamRes.on('end', () => {
        const body = Buffer.from(injectProbe(Buffer.concat(chunks).toString('utf8')), 'utf8');
        const out = { ...upstreamRes.headers, 'content-length': String(body.length) };
        delete out['transfer-encoding'];
        delete out.etag;
        delete out['last-modified'];
        res.writeHead(status, out);
        res.end(body);
      });
    });
    upstreamReq.on('error', (error) => {
      report(`request failed: ${url} ${error.message}`);
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end();
    });
    req.pipe(upstreamReq);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const proxy = {
    url: origin,
    watch(list) {
      watchers.add(list);
      return () => watchers.delete(list);
    },
    /** Resolves once no request has been open for `quietMs` (like puppeteer's networkidle0), or after `timeoutMs`. */
    async idle(quietMs = 500, timeoutMs = 30_000) {
      const until = Date.now() + timeoutMs;
      while (Date.now() < until && (inFlight > 0 || Date.now() - lastActivity < quietMs)) await new Promise((r) => setTimeout(r, 50));
    },
    close: () => {
      proxies.delete(origin);
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
  proxies.set(origin, proxy);
  return proxy;
}

/** Thrown by a step WebKit's driver cannot do (the test skips that step and says why). */
export class EngineCannot extends Error {}

/**
 * Source of a script for WebDriver's execute: runs `fn` (a function or its source) with the
 * arguments, awaits it, and returns its value (undefined kept apart from null) with the probe's
 * records, so that every step brings the page's problems up to date.
 */
function wrap(fn) {
  return `const args = Array.from(arguments);
    return Promise.resolve((${fn.toString()})(...args)).then((value) => ({
      value: value === undefined ? null : value,
      undefined: value === undefined,
      probe: window.__zkProbe ? { id: window.__zkProbe.id, problems: window.__zkProbe.problems.slice() } : null,
    }));`;
}

/** A page in its own MiniBrowser session: the part of puppeteer's Page the e2e tests use. */
class WebKitPage {
  constructor(session, problems) {
    this.session = session;
    this.problems = problems;
    this.seen = new Map();
  }

  /** Adds the probe's new records since the last step to the problems list. */
  sync(probe) {
    if (!probe) return;
    const count = this.seen.get(probe.id) ?? 0;
    this.problems.push(...probe.problems.slice(count));
    this.seen.set(probe.id, probe.problems.length);
  }

  async goto(url) {
    const proxy = proxies.get(new URL(url).origin);
    if (!proxy) throw new Error(`WebKit: ${url} is not behind the watch proxy (open pages of startSite()'s url)`);
    this.unwatch?.();
    this.unwatch = proxy.watch(this.problems);
    await this.session.url(url);
    await proxy.idle();
    const probe = await this.evaluate(() => window.__zkProbe?.first);
    if (probe !== true) throw new Error(`WebKit: the probe did not run before the page's own scripts in ${url} (${probe}): not everything would be seen`);
  }

  /** Runs fn (a function, or a script body as a string) in the page; resolves to its value. */
  async evaluate(fn, ...args) {
    const result = await this.session.execute(wrap(typeof fn === 'string' ? `function () { ${fn}\n}` : fn), ...args);
    this.sync(result?.probe);
    return result.undefined ? undefined : result.value;
  }

  async waitForFunction(fn, options = {}, ...args) {
    const timeout = options.timeout ?? 30_000;
    const until = Date.now() + timeout;
    for (;;) {
      const value = await this.evaluate(fn, ...args);
      if (value) return value;
      if (Date.now() > until) throw new Error(`waitForFunction: not true after ${timeout} ms: ${fn.toString().slice(0, 200)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async waitForSelector(selector, options = {}) {
    return this.waitForFunction((s) => document.querySelector(s) !== null, options, selector);
  }

  async $eval(selector, fn, ...args) {
    return this.evaluate(`const el = document.querySelector(arguments[0]);
      if (!el) throw new Error('no element matches ' + arguments[0]);
      return (${fn.toString()})(el, ...Array.from(arguments).slice(1));`, selector, ...args);
  }

  async $$eval(selector, fn, ...args) {
    return this.evaluate(`return (${fn.toString()})([...document.querySelectorAll(arguments[0])], ...Array.from(arguments).slice(1));`, selector, ...args);
  }

  /** Like puppeteer's select: selects the option(s) and fires input and change. */
  async select(selector, ...values) {
    return this.$eval(selector, (el, wanted) => {
      if (!(el instanceof HTMLSelectElement)) throw new Error('not a <select>');
      for (const option of el.options) option.selected = wanted.includes(option.value);
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
      return [...el.selectedOptions].map((o) => o.value);
    }, values);
  }

  /** A real click (WebDriver's element click: scrolled into view, at its centre). */
  async click(selector) {
    const element = await this.session.$(selector);
    await element.click();
    await this.evaluate(() => true);
  }

  /** Sizes the window so the page gets this viewport (the browser's own frame added). */
  async setViewport({ width, height }) {
    if (await fitWindowToViewport(this.session, width, height)) return;
    const [w, h] = await this.evaluate(() => [window.innerWidth, window.innerHeight]);
    if (w !== width || h !== height) throw new Error(`WebKit: viewport ${w}×${h}, not ${width}×${height}`);
  }

  /**
   * A PNG of the viewport; with fullPage, of the whole page: WebDriver's screenshots stop at the
   * viewport, so the window is made as tall as the page for the shot, then sized back.
   */
  async screenshot({ path, fullPage = false } = {}) {
    let png;
    if (fullPage) {
      const [width, height] = await this.evaluate(() => [window.innerWidth, window.innerHeight]);
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const pageHeight = await this.evaluate(() => document.documentElement.scrollHeight);
        if (pageHeight <= (await this.evaluate(() => window.innerHeight))) break;
        await this.setViewport({ width, height: pageHeight });
      }
      png = Buffer.from(await this.session.takeScreenshot(), 'base64');
      await this.setViewport({ width, height });
    } else {
      png = Buffer.from(await this.session.takeScreenshot(), 'base64');
    }
    if (path) writeFileSync(path, png);
    await this.evaluate(() => true);
    return png;
  }

  async close() {
    this.unwatch?.();
    await this.session.deleteSession().catch(() => undefined);
  }
}

/**
 * Starts WebKitWebDriver (under Xvfb); each page gets its own MiniBrowser session, as each page
 * has its own browser context in Chromium. close() ends the pages left open and the driver.
 */
export async function launchWebKit() {
  let driver = await startWebKitDriver();
  const pages = new Set();
  // Stopped by a signal (node --test ends a file that runs too long with SIGTERM): exit, so that
  // scripts/engines.mjs's exit hook stops WebKitWebDriver, Xvfb and MiniBrowser with their group.
  const onSignal = (signal) => process.exit(signal === 'SIGINT' ? 130 : 143);
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
  const session = () => remote({
    hostname: '127.0.0.1',
    port: driver.port,
    capabilities: driver.capabilities,
    logLevel: 'silent',
    connectionRetryCount: 0,
    // Any one driver command (axe-core's run of a docs page the longest): a hang, not slowness.
    connectionRetryTimeout: 90_000,
  });
  return {
    async newPage(problems) {
      // One page at a time (WebKitWebDriver has one session): a page a failed test left open goes.
      for (const open of [...pages]) await open.close();
      let browser;
      try {
        // A new session takes 1-5 s on the loaded 2-core machine; about one in 60 never gets an
        // answer from the driver. Then start a fresh driver (and Xvfb, MiniBrowser), once.
        const pending = session();
        pending.catch(() => undefined);
        browser = await Promise.race([pending, new Promise((_, reject) => {
          setTimeout(() => reject(new Error('no answer in 30 s')), 30_000).unref();
        })]);
      } catch (error) {
        console.error(`WebKit: no new session (${error.message}); restarting WebKitWebDriver`);
        await driver.close();
        driver = await startWebKitDriver();
        browser = await session();
      }
      await browser.setTimeout({ script: 80_000 });
      const page = new WebKitPage(browser, problems);
      pages.add(page);
      const close = page.close.bind(page);
      page.close = async () => {
        pages.delete(page);
        await close();
      };
      return page;
    },
    async close() {
      for (const page of [...pages]) await page.close();
      await driver.close();
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
    },
    /** Not over WebDriver classic: the files that need it stay out of WebKit (scripts/engines.mjs). */
    createBrowserContext() {
      throw new EngineCannot('WebKit: no browser contexts, request interception or network events over WebDriver classic; this file stays out of WebKit (E2E_FILES_NOT_IN in scripts/engines.mjs)');
    },
  };
}
