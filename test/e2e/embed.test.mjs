// Embedding as the getting-started page says: `npm run build`'s dist/zorgkit.js from one
// <script type="module">, in a plain page of the host's own (served under the strict CSP).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../../scripts/ensure-deps.mjs';
import { launchBrowser, openPage, shadowText, startSite, WATCH_SCRIPTS } from './browser.mjs';

let site;
let browser;

before(async () => {
  const build = spawnSync(join(root, 'node_modules/.bin/rollup'), ['-c', 'rollup.config.mjs'], { cwd: root, encoding: 'utf8' });
  assert.equal(build.status, 0, `rollup failed:\n${build.stderr}`);
  site = await startSite();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await site?.close();
});

describe('embedding with one script tag (dist/zorgkit.js)', () => {
  it('a plain page shows the banner from the self-contained bundle, with no error or CSP violation', async () => {
    const { page, problems } = await openPage(browser, `${site.url}/test/e2e/pages/embed.html`);
    await page.waitForFunction(() => /PUTTEN/i.test(document.querySelector('zk-patient-banner')?.shadowRoot?.textContent ?? ''));
    const text = await shadowText(page, 'zk-patient-banner');
    assert.match(text, /VAN PUTTEN-VAN DER GIESSEN/);
    assert.match(text, /14-Jul-1945/);
    assert.deepEqual(problems, []);
    assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
    // Lit's production build: no dev-mode banner, and only the bundle plus the page's own files were
    // loaded (and, in WebKit, the tests' own probe).
    const scripts = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => p.endsWith('.js')));
    assert.ok(scripts.includes('/dist/zorgkit.js'), `the bundle was loaded: ${scripts.join(' ')}`);
    assert.deepEqual(scripts.filter((p) => ![...WATCH_SCRIPTS, '/dist/zorgkit.js', '/test/e2e/pages/embed.js', '/demo/data/demo-data.js'].includes(p)), []);
    await page.close();
  });

  it('the bundle is self-contained: no bare imports left, and no oidc-client-ts in it', () => {
    const code = readFileSync(join(root, 'dist/zorgkit.js'), 'utf8');
    assert.doesNotMatch(code, /\bfrom\s*["'](lit|@lit|oidc-client-ts)/);
    assert.doesNotMatch(code, /import\(\s*["'][^."'/]/);
    assert.doesNotMatch(code, /UserManager|oidc-client/);
  });
});
