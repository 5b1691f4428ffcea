// Screenshots of the narrow layouts for the component docs (docs/components/img/*.png): the demo
// served as `npm start` serves it, opened in headless Chromium at a phone's width (390 CSS px).
//   node scripts/screenshots.mjs [outdir]
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { serve } from './serve.mjs';
import { findChrome } from './find-chrome.mjs';
import { root } from './ensure-deps.mjs';
import { CHROME_ARGS } from '../web-test-runner.config.mjs';

const outDir = process.argv[2] ?? join(root, 'docs/components/img');
const WIDTH = 390;

/** Waits until the element's shadow root has rendered something other than a loading skeleton. */
async function loaded(page, selector) {
  await page.waitForFunction((s) => {
    const root = document.querySelector(s)?.shadowRoot;
    return root && !root.querySelector('[aria-busy="true"]') && root.textContent.trim().length > 0;
  }, {}, selector);
}

mkdirSync(outDir, { recursive: true });
const server = await serve({ port: 0, hostname: '127.0.0.1' });
const { port } = server.server.address();
const browser = await puppeteer.launch({ executablePath: findChrome(), headless: true, args: CHROME_ARGS });
try {
  for (const scheme of ['light', 'dark']) {
    const page = await browser.newPage();
    await page.setViewport({ width: WIDTH, height: 844, deviceScaleFactor: 1 });
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    await page.goto(`http://127.0.0.1:${port}/demo/?locale=en&patient=patient-van-putten`, { waitUntil: 'networkidle0' });
    await loaded(page, '#banner');
    await loaded(page, '#medication');
    const suffix = scheme === 'dark' ? '-dark' : '';
    await (await page.$('#banner')).screenshot({ path: join(outDir, `patient-banner-390${suffix}.png`) });
    if (scheme === 'light') {
      // The first cards are enough to show the layout.
      const list = await page.$('#medication');
      const box = await list.boundingBox();
      await page.screenshot({ path: join(outDir, 'medication-list-390.png'), clip: { x: box.x, y: box.y, width: box.width, height: Math.min(box.height, 900) }, captureBeyondViewport: true });
      await page.click('#open-consent');
      await page.waitForFunction(() => document.querySelector('#consent')?.shadowRoot?.querySelector('dialog[open] [part~="permit-button"]'));
      await page.screenshot({ path: join(outDir, 'consent-dialog-390.png') });
    }
    await page.close();
  }
  console.log(`screenshots written to ${outDir}`);
} finally {
  await browser.close();
  await server.stop();
}
