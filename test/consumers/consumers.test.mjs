// The package as app developers consume it (issue 15): the packed tarball installed into small apps
// (test/consumers/apps), built by Vite 8 (with and without React), webpack 5 and esbuild, plus the
// one-script-tag page and a TypeScript app, then loaded in headless Chromium. Also the package
// checks: publint, Are the Types Wrong, what `npm pack` ships, exports, source maps, sideEffects.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { root } from '../../scripts/ensure-deps.mjs';
import { launchBrowser, shadowText, undefinedElements } from '../e2e/browser.mjs';
import {
  buildEsbuild, buildScriptTag, buildVite, buildWebpack, ensureBuilt, gzipBytes, packAndInstall, packedFiles,
  recordScripts, serveDir,
} from './harness.mjs';

const TAGS = ['zk-context', 'zk-patient-banner', 'zk-medication-list', 'zk-consent-dialog'];
/** An oidc-client-ts message (kept by every minifier): its code is in the script that has it. */
const OIDC_MARK = 'No matching state found in storage';
/** A phrase of the consent dialog's vocabulary, which loads when the dialog first opens. */
const CONSENT_PARTS_MARK = 'Geen toestemming of weigering vastgelegd';
const log = (line) => console.log(`  · ${line}`);

let installed;
let browser;
const rows = [];

/** Each consumer: how it is built, and whether it uses the SMART adapter. */
const CONSUMERS = [
  { name: 'Vite 8 (no framework)', build: (app, out) => buildVite(join(app, 'apps/vanilla'), out), smart: true },
  { name: 'Vite 8 + React 19 (zorgkit/react)', build: (app, out) => buildVite(join(app, 'apps/react'), out, { react: true }) },
  { name: 'webpack 5 (production)', build: (app, out) => buildWebpack(join(app, 'apps/vanilla'), out), smart: true },
  { name: 'esbuild (bundle, minify, ESM)', build: (app, out) => buildEsbuild(join(app, 'apps/vanilla'), out), smart: true },
  { name: 'plain HTML + <script type=module src=zorgkit.js>', build: (app, out) => buildScriptTag(app, out) },
];

before(async () => {
  ensureBuilt({ log });
  installed = packAndInstall({ log });
  for (const [i, consumer] of CONSUMERS.entries()) {
    consumer.out = join(installed.app, 'out', String(i));
    const started = performance.now();
    try {
      await consumer.build(installed.app, consumer.out);
    } catch (error) {
      consumer.error = error;
    }
    log(`built ${consumer.name} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  // Keep the app for a look when ZK_KEEP_CONSUMERS is set; else it goes (about 30 MB).
  if (process.env.ZK_KEEP_CONSUMERS) console.log(`consumer apps kept in ${installed?.app}`);
  else installed?.remove();
  if (rows.length) {
    console.log('\nConsumer builds (the packed tarball, installed and built as an app does):');
    console.log('| consumer | elements registered | text shown | JS at start-up (gzip) | lazy SMART chunk |');
    console.log('| --- | --- | --- | ---: | --- |');
    for (const r of rows) console.log(`| ${r.name} | ${r.registered} | ${r.text} | ${r.gzipKB} | ${r.smart} |`);
  }
});

/** Opens the built page, recording problems and the scripts it loads. */
async function open(url) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
  await page.evaluateOnNewDocument(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const scripts = recordScripts(page);
  await page.goto(url, { waitUntil: 'networkidle0' });
  return { page, problems, scripts, close: () => context.close() };
}

const rowCount = (page, selector) => page.$eval(selector, (el) => el.shadowRoot.querySelectorAll('[part~="row"]').length);

for (const consumer of CONSUMERS) {
  describe(`consumer: ${consumer.name}`, () => {
    let site;
    let view;
    const row = { name: consumer.name, registered: 'no', text: 'no', gzipKB: '', smart: consumer.smart ? 'not loaded' : 'n/a' };

    before(async () => {
      rows.push(row);
      if (consumer.error) return;
      site = await serveDir(consumer.out);
      view = await open(site.url);
      const startup = await Promise.all(view.scripts.map((s) => s.text));
      row.gzipKB = `${(startup.reduce((sum, text) => sum + gzipBytes(text), 0) / 1024).toFixed(1)} KB`;
    });

    after(async () => {
      await view?.close();
      await site?.close();
    });

    it('builds', () => {
      assert.ifError(consumer.error);
    });

    it('registers every element, with no error, failed request or CSP violation', async () => {
      assert.ifError(consumer.error);
      const defined = await view.page.evaluate((tags) => tags.filter((t) => customElements.get(t)), TAGS);
      row.registered = `${defined.length}/${TAGS.length}`;
      assert.deepEqual(defined, TAGS, 'customElements.get(tag) for each zorgkit tag');
      assert.deepEqual(await undefinedElements(view.page), []);
      assert.deepEqual(view.problems, []);
      assert.deepEqual(await view.page.evaluate(() => window.cspViolations), []);
    });

    it('the banner shows the patient in Dutch (html lang="nl")', async () => {
      assert.ifError(consumer.error);
      assert.equal(await view.page.evaluate(() => document.documentElement.lang), 'nl');
      await view.page.waitForFunction(() => /Zonneveld/i.test(document.querySelector('zk-patient-banner')?.shadowRoot?.textContent ?? ''), { timeout: 15000 });
      const text = await shadowText(view.page, 'zk-patient-banner');
      assert.match(text, /ZONNEVELD/i);
      assert.match(text, /Geboren/);
      assert.doesNotMatch(text, /\bBorn\b/);
      row.text = 'yes';
    });

    it('the medication list shows the patient\'s rows', async () => {
      assert.ifError(consumer.error);
      await view.page.waitForFunction(() => document.querySelector('#short')?.shadowRoot?.querySelectorAll('[part~="row"]').length === 3, { timeout: 15000 });
      const text = await shadowText(view.page, '#short');
      for (const name of ['Metoprolol', 'Omeprazol', 'Paracetamol']) assert.match(text, new RegExp(name));
    });

    it('a list of 1,000 medicines is virtualised: all counted, a screenful rendered, the last one reached by scrolling', async () => {
      assert.ifError(consumer.error);
      const rows = (pattern) => view.page.waitForFunction((re) => [...(document.querySelector('#long')?.shadowRoot?.querySelectorAll('[part~="row"]') ?? [])]
        .some((r) => new RegExp(re).test(r.textContent)), { timeout: 15000 }, pattern);
      await view.page.$eval('#long', (el) => el.scrollIntoView());
      await rows('Geneesmiddel 0001');
      const rowcount = await view.page.$eval('#long', (el) => el.shadowRoot.querySelector('[role="table"]')?.getAttribute('aria-rowcount'));
      assert.equal(rowcount, '1001', 'header row + 1,000 rows');
      await view.page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await rows('Geneesmiddel 1000');
      const rendered = await rowCount(view.page, '#long');
      assert.ok(rendered > 0 && rendered < 200, `${rendered} rows in the DOM`);
      await view.page.evaluate(() => window.scrollTo(0, 0));
    });

    it('the consent dialog opens (its parts load then, in a bundled app)', async () => {
      assert.ifError(consumer.error);
      const atStart = view.scripts.length;
      const startTexts = await Promise.all(view.scripts.map((s) => s.text));
      if (consumer.smart) assert.equal(startTexts.filter((t) => t.includes(CONSENT_PARTS_MARK)).length, 0, 'the dialog\'s parts in a start-up script');
      await view.page.click('#open-consent');
      await view.page.waitForFunction(() => document.querySelector('zk-consent-dialog')?.shadowRoot?.querySelector('dialog')?.open === true, { timeout: 15000 });
      const heading = await view.page.$eval('zk-consent-dialog', (el) => el.shadowRoot.querySelector('h2').textContent.trim());
      assert.equal(heading, 'Uw gezondheidsgegevens delen');
      // The request in words, from the parts: Dutch, as the page's language.
      await view.page.waitForFunction(() => document.querySelector('zk-consent-dialog')?.shadowRoot?.querySelector('[part~="history"], [part~="state"]:not([part~="loading"])'), { timeout: 15000 });
      if (consumer.smart) {
        const later = await Promise.all(view.scripts.slice(atStart).map((s) => s.text));
        assert.ok(later.some((t) => t.includes(CONSENT_PARTS_MARK)), 'a chunk with the dialog\'s parts was loaded on open');
      }
      await view.page.keyboard.press('Escape');
      await view.page.waitForFunction(() => document.querySelector('zk-consent-dialog')?.shadowRoot?.querySelector('dialog')?.open === false, { timeout: 15000 });
      assert.deepEqual(view.problems, []);
    });

    if (consumer.smart) {
      it('oidc-client-ts is not loaded at start-up; its lazy chunk loads when SMART is used', async () => {
        assert.ifError(consumer.error);
        const atStart = view.scripts.length;
        const startTexts = await Promise.all(view.scripts.map((s) => s.text));
        assert.equal(startTexts.filter((t) => t.includes(OIDC_MARK)).length, 0, 'oidc-client-ts in a start-up script');
        await view.page.click('#smart');
        await view.page.waitForFunction(() => window.smartOutcome !== undefined, { timeout: 15000 });
        const outcome = await view.page.evaluate(() => window.smartOutcome);
        assert.equal(outcome, `SmartLaunchError invalid-state: ${OIDC_MARK}`);
        const later = await Promise.all(view.scripts.slice(atStart).map((s) => s.text));
        assert.ok(later.some((t) => t.includes(OIDC_MARK)), 'a chunk with oidc-client-ts was loaded on use');
        row.smart = `loaded on use (${(later.reduce((s, t) => s + gzipBytes(t), 0) / 1024).toFixed(1)} KB gzip)`;
        assert.deepEqual(view.problems, []);
      });
    }
  });
}

/** Runs a Node script to its end: `{ status, output }`. */
function runNode(args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => { output += d; });
    child.stderr.on('data', (d) => { output += d; });
    child.on('close', (status) => resolve({ status, output }));
  });
}

describe('consumer: TypeScript against the published .d.ts', () => {
  const runs = {};
  before(() => {
    // Both type checks at once: they are independent, and each reads all of the package's types.
    const tsc = join(root, 'node_modules/typescript/bin/tsc');
    for (const resolution of ['bundler', 'node16']) runs[resolution] = runNode([tsc, '-p', join(installed.app, `apps/typescript/tsconfig.${resolution}.json`)]);
  });

  for (const resolution of ['bundler', 'node16']) {
    it(`type-checks with moduleResolution ${resolution} (tag names and events typed, no casts)`, async () => {
      const { status, output } = await runs[resolution];
      assert.equal(status, 0, `tsc found errors:\n${output}`);
    });
  }
});

describe('package checks (the tarball)', () => {
  const pkg = () => JSON.parse(readFileSync(join(installed.pkgDir, 'package.json'), 'utf8'));
  /** The files in the tarball, as installed. */
  const files = () => readdirSync(installed.pkgDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())
    .map((e) => relative(installed.pkgDir, join(e.parentPath ?? e.path, e.name)).split('\\').join('/'));
  /** The exports' targets: `{ subpath, file }` for every condition. */
  const targets = () => Object.entries(pkg().exports).flatMap(([subpath, value]) => (typeof value === 'string'
    ? [{ subpath, file: value }]
    : Object.values(value).map((file) => ({ subpath, file }))));

  it('npm pack ships only what users need', () => {
    const list = packedFiles();
    assert.deepEqual([...list].sort(), files().sort(), 'npm pack --dry-run and the installed tarball differ');
    const allowed = [
      /^package\.json$/, /^README\.md$/, /^LICENSE$/, /^custom-elements\.json$/,
      /^dist\/.+\.js$/, /^dist\/.+\.js\.map$/, /^dist\/types\/.+\.d\.ts$/, /^dist\/types\/.+\.d\.ts\.map$/,
      /^src\/(?!.*\.test\.ts$).+\.ts$/,
    ];
    assert.deepEqual(list.filter((f) => !allowed.some((re) => re.test(f))), [], 'files nobody needs');
    for (const { subpath, file } of targets()) assert.ok(list.includes(file.replace(/^\.\//, '')), `exports["${subpath}"] → ${file} is not packed`);
  });

  it('publint finds nothing to fix', async () => {
    const { publint } = await import('publint');
    const { formatMessage } = await import('publint/utils');
    const { messages } = await publint({ pkgDir: installed.pkgDir, pack: false, level: 'suggestion', strict: true });
    const text = messages.map((m) => `${m.type}: ${formatMessage(m, pkg())}`);
    assert.deepEqual(text, []);
  });

  it('Are the Types Wrong finds no problem (ESM-only package)', () => {
    const attw = join(root, 'node_modules/@arethetypeswrong/cli/dist/index.js');
    const result = spawnSync(process.execPath, [attw, installed.tarball, '--profile', 'esm-only', '--no-definitely-typed', '--format', 'table-flipped', '--no-color', '--no-emoji'], { encoding: 'utf8' });
    assert.equal(result.status, 0, `attw:\n${result.stdout}${result.stderr}`);
  });

  it('every exports entry resolves in Node, and the DOM-free ones import', () => {
    const script = `
      import { existsSync } from 'node:fs';
      import { fileURLToPath } from 'node:url';
      const exportsMap = JSON.parse(process.argv[1]);
      const out = [];
      for (const subpath of Object.keys(exportsMap)) {
        const spec = 'zorgkit' + subpath.slice(1);
        const file = fileURLToPath(import.meta.resolve(spec));
        if (!existsSync(file)) out.push(spec + ': resolves to a missing file');
      }
      for (const spec of ['zorgkit/core', 'zorgkit/model', 'zorgkit/adapters/memory', 'zorgkit/adapters/fhir-rest', 'zorgkit/adapters/smart']) {
        try { await import(spec); } catch (e) { out.push(spec + ': ' + e.message); }
      }
      console.log(JSON.stringify(out));`;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(pkg().exports)], { cwd: installed.app, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout), []);
  });

  // Resolution only, so no minifier: every entry, the bundle and React included, in one build each.
  for (const [name, build] of [['esbuild', buildEsbuild], ['webpack 5', buildWebpack]]) {
    it(`every exports entry resolves in ${name}`, async () => {
      await build(join(installed.app, 'apps/every-entry'), join(installed.app, 'out', `every-${name}`), { minimize: false, minify: false });
    });
  }

  it('every source map points at files in the package (or carries the file\'s text)', () => {
    const list = new Set(files());
    const problems = [];
    for (const file of list) {
      if (file.endsWith('.js')) {
        const url = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(readFileSync(join(installed.pkgDir, file), 'utf8'))?.[1];
        if (url && !list.has(join(file, '..', url))) problems.push(`${file}: sourceMappingURL ${url} is not packed`);
      }
      if (!file.endsWith('.map')) continue;
      const map = JSON.parse(readFileSync(join(installed.pkgDir, file), 'utf8'));
      map.sources.forEach((source, i) => {
        const target = join(file, '..', map.sourceRoot ?? '', source);
        // Lit inlined into the self-contained bundle is not our file to ship: its text must be in the map.
        const vendored = file === 'dist/zorgkit.js.map' && /(^|\/)node_modules\//.test(source) && typeof map.sourcesContent?.[i] === 'string';
        if (!list.has(target) && !vendored) problems.push(`${file}: ${source} (${target}) is not in the package`);
      });
    }
    assert.deepEqual(problems.slice(0, 20), [], `${problems.length} source map problems`);
  });

  it('every file that registers an element is declared in sideEffects, and every sideEffects file is in the package', () => {
    const { sideEffects } = pkg();
    const list = files();
    const declared = new Set(sideEffects.map((f) => f.replace(/^\.\//, '')));
    const defining = list.filter((f) => f.startsWith('dist/') && f.endsWith('.js') && f !== 'dist/zorgkit.js'
      && /customElements\.define\(/.test(readFileSync(join(installed.pkgDir, f), 'utf8')));
    assert.ok(defining.length >= TAGS.length, `files calling customElements.define: ${defining.join(', ')}`);
    assert.deepEqual(defining.filter((f) => !declared.has(f)), [], 'define files missing from sideEffects');
    assert.deepEqual([...declared].filter((f) => !existsSync(join(installed.pkgDir, f))), [], 'sideEffects entries not in the package');
  });
});
