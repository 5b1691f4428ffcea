// Strict CSP (issue 9): every component in every state a user can reach, rendered in a page that
// `npm start`'s server (scripts/serve.mjs) sends with the strict policy — script-src 'self',
// style-src 'self', require-trusted-types-for 'script', trusted-types lit-html — and opened in
// each browser engine. No CSP or Trusted Types violation, no console error, no failed request, and
// the component's styles apply (constructable stylesheets are allowed under style-src 'self').
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { engine, launchBrowser, openPage, startSite } from './browser.mjs';
import { STRICT_CSP } from '../../scripts/serve.mjs';

/** Each component with the states it can be in, and a part that only that state shows. */
const STATES = {
  banner: {
    loaded: 'banner', loading: 'loading', error: 'retry-button', 'not-found': 'empty', 'no-patient': 'no-patient', 'no-client': 'no-client',
  },
  medication: {
    loaded: 'table', history: 'table', grouped: 'group-header', virtualised: 'row', 'no-match': 'clear-filter-button', 'no-current': 'show-history-button',
    empty: 'empty', loading: 'loading', error: 'retry-button', 'no-patient': 'no-patient', 'no-client': 'no-client',
  },
  consent: {
    choose: 'permit-button', confirm: 'record-button', saving: 'record-button', saved: 'step', failed: 'retry-button', 'close-confirm': 'close-confirm',
    withdraw: 'withdraw-confirm-button', 'read-only': 'read-only-note', loading: 'loading', error: 'retry-button', 'no-patient': 'no-patient', 'no-client': 'no-client',
  },
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

// In Chromium pages load in parallel (each test has its own page, in its own window): the 30 states
// take a third of the time. Firefox shows a second page as a background tab, with throttled timers.
describe('strict CSP: every component in every reachable state', { concurrency: engine === 'chromium' ? 3 : 1 }, () => {
  it('the page is served with the strict policy (script-src \'self\', style-src \'self\', Trusted Types for lit-html only)', async () => {
    const response = await fetch(`${site.url}/test/e2e/pages/csp.html`);
    const policy = response.headers.get('content-security-policy') ?? '';
    assert.equal(policy, STRICT_CSP);
    for (const directive of ["script-src 'self'", "style-src 'self'", "require-trusted-types-for 'script'", 'trusted-types lit-html']) {
      assert.ok(policy.split(/;\s*/).includes(directive), `missing ${directive}`);
    }
    assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval/);
  });

  for (const [component, states] of Object.entries(STATES)) {
    for (const [state, part] of Object.entries(states)) {
      it(`<${{ banner: 'zk-patient-banner', medication: 'zk-medication-list', consent: 'zk-consent-dialog' }[component]}> ${state}: no violation, no error, styled`, async () => {
        const { page, problems } = await openPage(browser, `${site.url}/test/e2e/pages/csp.html?component=${component}&state=${state}`);
        try {
          await page.waitForFunction(() => window.__zkReady !== undefined, { timeout: 15_000 });
          const ready = await page.evaluate(() => window.__zkReady);
          assert.equal(ready, true, `the state was not reached: ${ready}`);
          const result = await page.evaluate(() => window.__zkResult);
          assert.ok(result.parts.includes(part), `no part "${part}" in ${state}: parts ${result.parts.join(' ')}`);
          assert.ok(result.styled, 'the component\'s styles did not apply');
          assert.doesNotMatch(result.text, /\bundefined\b|\bNaN\b|Invalid Date|\[object /);
          // Give anything late (a lazily created policy, an image) the chance to be reported.
          await new Promise((resolve) => setTimeout(resolve, 50));
          assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], 'CSP / Trusted Types violations');
          assert.deepEqual(problems, [], 'console errors, page errors or failed requests');
        } finally {
          await page.close();
        }
      });
    }
  }

  it('the page would report a violation (an inline script is blocked and recorded)', async () => {
    const { page } = await openPage(browser, `${site.url}/test/e2e/pages/csp.html?component=banner&state=loaded`);
    try {
      await page.waitForFunction(() => window.__zkReady !== undefined, { timeout: 15_000 });
      await page.evaluate(() => {
        const script = document.createElement('script');
        try {
          script.textContent = 'window.__inlineRan = true;';
          document.body.append(script);
        } catch {
          // Trusted Types refuse the text outright: that is a violation too.
        }
      });
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.equal(await page.evaluate(() => window.__inlineRan), undefined);
      assert.ok((await page.evaluate(() => window.__cspViolations)).length > 0, 'the violation listener saw nothing');
    } finally {
      await page.close();
    }
  });
});
