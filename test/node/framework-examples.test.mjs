// The framework examples of docs/guides/frameworks.md are built, not just shown: the React example
// (JSX) and the Vue example (a single-file component, compiled by Vue's own SFC compiler as Vite
// does) are bundled with esbuild and then rendered in headless Chromium, where the banner must show
// the demo patient's name and a click in the medication list must reach the app's handler.
// The Angular example (a standalone component) is compiled just in time: its entry imports
// @angular/compiler, so no Angular CLI or ahead-of-time compiler is needed.
// Also: zorgkit/react keeps React out of its bundle, and no other entry pulls React in.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { compileScript, parse } from 'vue/compiler-sfc';
import { launchBrowser } from '../e2e/browser.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const TAGS = ['zk-context', 'zk-patient-banner', 'zk-medication-list'];

/** What Vite's Vue plugin does for a `.vue` file: script setup + template → one module. */
const vueSfc = {
  name: 'vue-sfc',
  setup(build) {
    build.onLoad({ filter: /\.vue$/ }, (args) => {
      const { descriptor, errors } = parse(readFileSync(args.path, 'utf8'), { filename: args.path });
      if (errors.length) return { errors: errors.map((e) => ({ text: String(e.message ?? e) })) };
      const script = compileScript(descriptor, {
        id: 'zk-example',
        inlineTemplate: true,
        templateOptions: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('zk-') } },
      });
      return { contents: script.content, loader: 'ts', resolveDir: dirname(args.path) };
    });
  },
};

/** Bundles one entry the way an app's bundler would (production React / Vue, Lit's default build). */
async function bundle(entry, options = {}) {
  const started = performance.now();
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: [entry],
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    tsconfig: join(root, 'tsconfig.json'),
    jsx: 'automatic',
    define: {
      'process.env.NODE_ENV': '"production"',
      __VUE_OPTIONS_API__: 'false',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
    logLevel: 'silent',
    ...options,
  });
  return { ...result, code: result.outputFiles[0].text, ms: Math.round(performance.now() - started) };
}

const registers = (code, tag) => new RegExp(`customElements\\.define\\(\\s*["'\`]${tag}["'\`]`).test(code);
const inputsFrom = (metafile, pattern) => Object.keys(metafile.inputs).filter((path) => pattern.test(path));

describe('framework examples (docs/examples)', () => {
  let browser;
  const built = {};

  before(async () => {
    built.react = await bundle('docs/examples/react/main.tsx');
    built.vue = await bundle('docs/examples/vue/main.ts', { plugins: [vueSfc] });
    built.angular = await bundle('docs/examples/angular/main.ts');
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
  });

  const runtime = { react: 'react-dom', vue: '@vue/runtime-dom', angular: '@angular/platform-browser' };
  // Angular bootstraps into its component's selector; React and Vue mount into #app.
  const host = { react: '<div id="app"></div>', vue: '<div id="app"></div>', angular: '<app-root></app-root>' };

  for (const name of ['react', 'vue', 'angular']) {
    test(`the ${name} example builds with esbuild and registers the elements`, () => {
      const { errors, code, metafile } = built[name];
      assert.deepEqual(errors, []);
      for (const tag of TAGS) assert.ok(registers(code, tag), `${tag} is registered in the ${name} bundle`);
      assert.ok(inputsFrom(metafile, new RegExp(`node_modules/${runtime[name]}/`)).length > 0, `${name} itself is in the app bundle`);
    });

    test(`the ${name} example renders the demo patient's banner and passes a medication click to the app`, async () => {
      const page = await browser.newPage();
      const problems = [];
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
      });
      try {
        await page.setContent(`<!doctype html><html lang="en"><head><title>example</title></head><body>${host[name]}</body></html>`);
        await page.addScriptTag({ type: 'module', content: built[name].code });
        const family = await page.waitForFunction(
          () => document.querySelector('zk-patient-banner')?.shadowRoot?.querySelector('[part~="family-name"]')?.textContent?.trim(),
          { timeout: 10000 },
        );
        assert.equal(await family.jsonValue(), 'VAN PUTTEN-VAN DER GIESSEN'); // en: NHS style, family name first
        const firstName = () => document.querySelector('zk-medication-list')?.shadowRoot?.querySelector('button[part~="name"]');
        const medication = await (await page.waitForFunction(`(${firstName})()?.textContent?.trim()`, { timeout: 10000 })).jsonValue();
        await page.evaluate(`(${firstName})().click()`);
        const status = await page.waitForFunction(
          (expected) => document.querySelector('[role="status"]')?.textContent === `Selected: ${expected}` && expected,
          { timeout: 5000 },
          medication,
        );
        assert.ok(await status.jsonValue());
        assert.deepEqual(problems, []);
      } finally {
        await page.close();
      }
    });
  }

  test('zorgkit/react keeps React external, and no other entry pulls React in', async () => {
    const external = ['react', 'react-dom', 'lit', 'lit/*', '@lit/*', '@lit-labs/*'];
    const react = await bundle('src/react/index.ts', { external });
    assert.deepEqual(react.errors, []);
    assert.deepEqual(inputsFrom(react.metafile, /node_modules\//), []);
    assert.match(react.code, /from\s*["']react["']/);
    for (const tag of [...TAGS, 'zk-consent-dialog']) assert.ok(registers(react.code, tag), `zorgkit/react registers ${tag}`);
    const index = await bundle('src/bundle.ts', { external: [] });
    assert.deepEqual(inputsFrom(index.metafile, /node_modules\/(react|react-dom|@lit\/react)\/|src\/react\//), []);
  });
});
