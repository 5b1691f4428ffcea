// The e2e tests fail on console errors, uncaught errors, failed requests, HTTP errors and CSP
// violations only if their watch sees them: puppeteer's events in Chromium and Firefox; in WebKit
// (WebDriver classic, no such events) the watch proxy and the in-page probe of test/e2e/webkit.mjs.
// Each fault below, committed by a page served under the strict CSP, must be reported in every
// engine, and a page without a fault must leave the watch empty.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { launchBrowser, openPage, startSite } from './browser.mjs';

/** Each fault, and what the watch must report: in `problems`, or as a CSP violation. */
const FAULTS = {
  'http-404': { problem: /^HTTP 404: .*\/no-such-file\.json$/ },
  'image-404': { problem: /^HTTP 404: .*\/no-such-image\.png$/ },
  'unreachable-server': { problem: /^request failed: http:\/\/127\.0\.0\.1:\d+\/fhir\/Patient\b/ },
  'console-error': { problem: /^console error: zk-watch-check: a console error$/ },
  'uncaught-error': { problem: /^page error: .*zk-watch-check: an uncaught error/ },
  'unhandled-rejection': { problem: /^page error: .*zk-watch-check: an unhandled rejection/ },
  'inline-style': { violation: /^style-src/ },
  eval: { violation: /^(script-src|require-trusted-types-for)/, check: (page) => page.evaluate(() => window.__evalRan) },
};

let site;
let browser;

before(async () => {
  site = await startSite();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await site?.close();
});

/** A loopback port nothing listens on (browsers refuse low "unsafe" ports such as 1 before any request). */
function closedPort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function commit(fault) {
  const { page, problems } = await openPage(browser, `${site.url}/test/e2e/pages/watch.html?fault=${fault}&port=${await closedPort()}`);
  await page.waitForFunction(() => window.__zkDone === true, { timeout: 15_000 });
  // Give the events time to arrive (puppeteer's are asynchronous).
  await new Promise((resolve) => setTimeout(resolve, 300));
  const violations = await page.evaluate(() => window.__cspViolations);
  return { page, problems, violations };
}

describe('the e2e watch reports what the tests exist to catch', () => {
  it('a page without a fault: nothing reported', async () => {
    const { page, problems, violations } = await commit('none');
    try {
      assert.deepEqual(problems, []);
      assert.deepEqual(violations, []);
    } finally {
      await page.close();
    }
  });

  for (const [fault, expected] of Object.entries(FAULTS)) {
    it(`${fault}: reported`, async () => {
      const { page, problems, violations } = await commit(fault);
      try {
        if (expected.problem) assert.ok(problems.some((p) => expected.problem.test(p)), `${expected.problem} not in ${JSON.stringify(problems)}`);
        if (expected.violation) {
          assert.ok(violations.some((v) => expected.violation.test(v)), `${expected.violation} not in ${JSON.stringify(violations)}`);
          assert.equal(await expected.check?.(page), undefined, 'the blocked code ran');
        }
      } finally {
        await page.close();
      }
    });
  }
});
