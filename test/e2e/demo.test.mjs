// The demo and the docs, opened in each browser engine as `npm start` serves them: no console error,
// no failed request, no undefined custom element, no axe violation, no CSP violation under the
// strict policy, and the portal works without reloading.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { axeViolations, launchBrowser, openPage, shadowText, startSite, undefinedElements } from './browser.mjs';
import { demoPatients } from '../../demo/data/demo-data.js';
import { buildDocs } from '../../scripts/build-docs.mjs';
import { root } from '../../scripts/ensure-deps.mjs';
import { spawnSync } from 'node:child_process';

export const SCREENSHOT_DIR = join(root, 'screenshots');

let site;
let browser;

before(async () => {
  spawnSync(join(root, 'node_modules/.bin/cem'), ['analyze', '--litelement', '--globs', 'src/components/**/*.component.ts', '--outdir', '.'], { cwd: root });
  buildDocs();
  site = await startSite();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await site?.close();
});

async function bannerText(page) {
  await page.waitForFunction(() => {
    const b = document.querySelector('#banner');
    return b?.shadowRoot && !b.shadowRoot.querySelector('[aria-busy="true"]') && b.shadowRoot.textContent.trim().length > 0;
  });
  return shadowText(page, '#banner');
}

async function clean(page, problems) {
  assert.deepEqual(problems, [], 'console errors or failed requests');
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], 'CSP violations');
  assert.deepEqual(await undefinedElements(page), [], 'custom elements that were never defined');
  assert.deepEqual(await axeViolations(page), [], 'axe violations');
}

describe('demo portal (npm start)', () => {
  it('opens under the strict CSP with every element defined, no errors and no axe violation', async () => {
    const { page, problems } = await openPage(browser, `${site.url}/demo/`);
    const text = await bannerText(page);
    assert.match(text, /Putten/);
    await page.waitForFunction(() => document.querySelector('#medication')?.shadowRoot?.querySelector('table, [role="table"]'));
    await clean(page, problems);
    await page.close();
  });

  it('shows the banner for every demo patient, switching without reloading the page', async () => {
    const { page, problems } = await openPage(browser, `${site.url}/demo/`);
    await bannerText(page);
    await page.evaluate(() => { window.__sameDocument = true; });
    for (const patient of demoPatients) {
      await page.select('#patient', patient.id);
      await page.waitForFunction((id) => document.querySelector('#banner')?.getAttribute('patient-id') === id, {}, patient.id);
      const text = await bannerText(page);
      assert.ok(text.length > 0, `banner for ${patient.id}`);
      assert.doesNotMatch(text, /undefined|NaN|Invalid Date|\[object/, `banner for ${patient.id}`);
    }
    assert.equal(await page.evaluate(() => window.__sameDocument), true, 'the page reloaded');
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('switches locale and theme without reloading, and writes a screenshot of each', async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const { page, problems } = await openPage(browser, `${site.url}/demo/`);
    await page.setViewport({ width: 1280, height: 900 });
    await bannerText(page);
    await page.evaluate(() => { window.__sameDocument = true; });
    for (const locale of ['nl', 'en']) {
      await page.select('#locale', locale);
      await page.waitForFunction((l) => document.documentElement.lang === l, {}, locale);
      const text = await bannerText(page);
      assert.match(text, locale === 'nl' ? /Geboren/ : /Born/);
      for (const theme of ['default', 'dark', 'overheid']) {
        await page.select('#theme', theme);
        await page.waitForFunction((t) => document.querySelector('#main').className === `theme-${t}`, {}, theme);
        await page.screenshot({ path: join(SCREENSHOT_DIR, `demo-${locale}-${theme}.png`), fullPage: true });
      }
    }
    assert.equal(await page.evaluate(() => window.__sameDocument), true, 'the page reloaded');
    assert.equal(readdirSync(SCREENSHOT_DIR).filter((f) => f.startsWith('demo-')).length, 6);
    await clean(page, problems);
    await page.close();
  });
});

describe('demo portal on a phone (390 px wide)', () => {
  // Every engine gives the page 390 px (WebKit too: scripts/engines.mjs narrows MiniBrowser's toolbar).
  const width = 390;

  /** How far the page, and the open dialog if any, scroll sideways (CSS px). */
  const sideways = (page) => page.evaluate(() => {
    const doc = document.documentElement;
    const dialog = document.querySelector('#consent')?.shadowRoot?.querySelector('dialog[open]');
    return Math.max(doc.scrollWidth - doc.clientWidth, dialog ? dialog.scrollWidth - dialog.clientWidth : 0);
  });

  for (const locale of ['nl', 'en']) {
    it(`${locale}: nothing scrolls sideways, with the header controls wrapping, the medication as cards and the consent dialog full screen`, async () => {
      const { page, problems } = await openPage(browser, `${site.url}/demo/?locale=${locale}`);
      await page.setViewport({ width, height: 844 });
      await bannerText(page);
      await page.waitForFunction(() => document.querySelector('#medication')?.shadowRoot?.querySelector('[part~="name"]'));
      assert.equal(await sideways(page), 0, 'the page scrolls sideways');
      const controls = await page.$$eval('#controls label', (labels) => labels.map((l) => l.getBoundingClientRect().right));
      assert.ok(controls.every((right) => right <= width), 'every header control fits the width');
      const tableDisplay = await page.evaluate(() => getComputedStyle(document.querySelector('#medication').shadowRoot.querySelector('[part~="table"]')).display);
      assert.equal(tableDisplay, 'block', 'the medication list shows cards');
      await page.click('#open-consent');
      await page.waitForFunction(() => document.querySelector('#consent')?.shadowRoot?.querySelector('dialog[open] [part~="permit-button"]'));
      // The screen less any classic scrollbar (Firefox headless has one; phones overlay theirs).
      const { box, screen } = await page.evaluate(() => {
        const r = document.querySelector('#consent').shadowRoot.querySelector('dialog').getBoundingClientRect();
        const doc = document.documentElement;
        return { box: [r.left, r.top, r.width, r.height].map(Math.round), screen: [0, 0, doc.clientWidth, doc.clientHeight] };
      });
      assert.ok(screen[2] >= 375 && screen[3] >= 830, `the page has (nearly) the phone's viewport: ${screen}`);
      assert.deepEqual(box, screen, 'the dialog fills the screen');
      assert.equal(await sideways(page), 0, 'the dialog scrolls sideways');
      await clean(page, problems);
      await page.close();
    });
  }
});

/** Clicks the button with exactly this text inside the consent dialog's shadow root. */
async function clickInDialog(page, label) {
  await page.waitForFunction((text) => [...(document.querySelector('#consent')?.shadowRoot?.querySelectorAll('button') ?? [])]
    .some((b) => b.textContent.trim() === text && !b.disabled), {}, label);
  await page.evaluate((text) => {
    const button = [...document.querySelector('#consent').shadowRoot.querySelectorAll('button')].find((b) => b.textContent.trim() === text && !b.disabled);
    button.click();
  }, label);
}

const dialogText = (page) => page.evaluate(() => document.querySelector('#consent').shadowRoot.textContent.replace(/\s+/g, ' '));
const withdrawButtons = (page) => page.evaluate(() => [...document.querySelector('#consent').shadowRoot.querySelectorAll('button')]
  .filter((b) => b.textContent.trim() === 'Withdraw this decision').length);

describe('demo portal: consent', () => {
  it('records a consent, lists it, and withdraws it again, through the demo page', async () => {
    const { page, problems } = await openPage(browser, `${site.url}/demo/?locale=en&patient=patient-de-vries`);
    await bannerText(page);
    await page.click('#open-consent');
    await page.waitForFunction(() => document.querySelector('#consent')?.shadowRoot?.querySelector('dialog[open]'));
    await clickInDialog(page, 'Yes, I allow this');
    const before = await withdrawButtons(page);
    await clickInDialog(page, 'Record decision');
    await page.waitForFunction(() => document.querySelector('#consent').shadowRoot.textContent.includes('Your decision has been recorded.'));
    await page.waitForFunction((n) => [...document.querySelector('#consent').shadowRoot.querySelectorAll('button')]
      .filter((b) => b.textContent.trim() === 'Withdraw this decision').length === n + 1, {}, before);
    assert.match(await page.$eval('#status', (el) => el.textContent), /recorded/);
    // Withdraw the newest active decision.
    await page.evaluate(() => {
      const buttons = [...document.querySelector('#consent').shadowRoot.querySelectorAll('button')].filter((b) => b.textContent.trim() === 'Withdraw this decision');
      buttons[0].click();
    });
    await clickInDialog(page, 'Withdraw decision');
    await page.waitForFunction(() => document.querySelector('#consent').shadowRoot.textContent.includes('has been withdrawn'));
    assert.equal(await withdrawButtons(page), before, 'one active decision fewer after withdrawing');
    assert.match(await dialogText(page), /Withdrawn/);
    assert.deepEqual(problems, []);
    await page.close();
  });
});

describe('docs site (npm start, /docs/)', () => {
  const pages = ['index.html', 'components/patient-banner.html', 'components/medication-list.html', 'components/consent-dialog.html', 'components/context.html'];
  for (const guide of readdirSync(join(root, 'docs/guides')).filter((f) => f.endsWith('.md'))) pages.push(`guides/${guide.replace(/\.md$/, '.html')}`);

  for (const path of pages) {
    it(`${path} opens with no error, no undefined element and no axe violation`, async () => {
      const { page, problems } = await openPage(browser, `${site.url}/docs/${path}`);
      if (path.startsWith('components/')) {
        await page.waitForSelector('.api-tables[data-ready="true"]');
        const tables = await page.$$eval('.api-tables table', (t) => t.length);
        assert.ok(tables > 0, 'API tables generated from custom-elements.json');
      }
      await clean(page, problems);
      await page.close();
    });
  }
});
