// Sizes as app developers get them: the packed tarball installed into a throw-away app (the same
// harness as test/consumers), one small app per row ("import 'zorgkit/patient-banner'", …), each
// built by Vite 8, webpack 5 and esbuild in production mode, then loaded in headless Chromium. A
// row's size is the JavaScript the page loads at start-up, gzip level 9; "lazy" is every other
// emitted script (dynamic imports, fetched only when used). oidc-client-ts is recognised in a
// script by one of its own messages.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { launchBrowser } from '../test/e2e/browser.mjs';
import {
  buildEsbuild, buildVite, buildWebpack, ensureBuilt, gzipBytes, packAndInstall, recordScripts, serveDir,
} from '../test/consumers/harness.mjs';

const OIDC_MARK = 'No matching state found in storage';

export const BUNDLERS = {
  vite: { label: 'Vite 8', build: (dir, out) => buildVite(dir, out) },
  webpack: { label: 'webpack 5', build: (dir, out) => buildWebpack(dir, out) },
  esbuild: { label: 'esbuild', build: (dir, out) => buildEsbuild(dir, out) },
};

/**
 * An app's code that uses what it imports: `[module, names]` pairs, `names` undefined for the whole
 * module (`import * as`). A bundler drops what an app does not use, so each row keeps its imports
 * on `globalThis`, as an app's code would reach them.
 */
function uses(...imports) {
  const lines = [];
  const kept = [];
  imports.forEach(([spec, names], i) => {
    if (names === null) lines.push(`import '${spec}';`);
    else if (names === undefined) {
      lines.push(`import * as m${i} from '${spec}';`);
      kept.push(`m${i}`);
    } else {
      lines.push(`import { ${names.map((n) => `${n} as m${i}_${n}`).join(', ')} } from '${spec}';`);
      kept.push(...names.map((n) => `m${i}_${n}`));
    }
  });
  if (kept.length) lines.push(`globalThis.zkUsed = [${kept.join(', ')}];`);
  return lines.join('\n');
}

const LIT_FAMILY = [
  ['lit', ['LitElement', 'html', 'css', 'nothing']],
  ['lit/decorators.js', ['property', 'state']],
  ['@lit/localize', ['configureLocalization', 'msg', 'str', 'updateWhenLocaleChanges']],
  ['@lit/task', ['Task']],
  ['@lit/context', ['ContextProvider', 'consume', 'createContext', 'provide']],
];

/** The rows: what an app writes, and what it then ships. */
export const CONSUMER_ROWS = [
  { id: 'index', label: "everything from 'zorgkit' (every element, core, i18n)", code: uses(['zorgkit']) },
  { id: 'patient-banner', label: "import 'zorgkit/patient-banner'", code: uses(['zorgkit/patient-banner', null]) },
  { id: 'medication-list', label: "import 'zorgkit/medication-list'", code: uses(['zorgkit/medication-list', null]) },
  { id: 'consent-dialog', label: "import 'zorgkit/consent-dialog'", code: uses(['zorgkit/consent-dialog', null]) },
  { id: 'context', label: "import 'zorgkit/context'", code: uses(['zorgkit/context', null]) },
  { id: 'core', label: "everything from 'zorgkit/core'", code: uses(['zorgkit/core']) },
  { id: 'model', label: "everything from 'zorgkit/model'", code: uses(['zorgkit/model']) },
  { id: 'adapters/memory', label: "{ MemoryAdapter } from 'zorgkit/adapters/memory'", code: uses(['zorgkit/adapters/memory', ['MemoryAdapter']]) },
  { id: 'adapters/fhir-rest', label: "{ FhirRestAdapter } from 'zorgkit/adapters/fhir-rest'", code: uses(['zorgkit/adapters/fhir-rest', ['FhirRestAdapter']]) },
  { id: 'smart', label: "everything from 'zorgkit/adapters/smart' (oidc-client-ts lazy)", code: uses(['zorgkit/adapters/smart']), usesSmart: true },
  {
    id: 'all3',
    label: 'the three components + <zk-context> + MemoryAdapter + FhirRestAdapter (docs/index.md)',
    code: uses(
      ['zorgkit/patient-banner', null], ['zorgkit/medication-list', null], ['zorgkit/consent-dialog', null], ['zorgkit/context', null],
      ['zorgkit/adapters/memory', ['MemoryAdapter']], ['zorgkit/adapters/fhir-rest', ['FhirRestAdapter']],
    ),
  },
  { id: 'lit', group: 'ref', label: 'reference: Lit alone (LitElement, html, css, repeat)', code: uses(['lit', ['LitElement', 'html', 'css', 'nothing']], ['lit/directives/repeat.js', ['repeat']]) },
  { id: 'lit-family', group: 'ref', label: 'reference: Lit + @lit/localize, @lit/task, @lit/context (what every element uses)', code: uses(...LIT_FAMILY) },
  {
    id: 'platform',
    group: 'ref',
    label: 'reference: Lit family + @lit-labs/virtualizer + core + memory + FHIR REST adapters (no component code)',
    code: uses(
      ...LIT_FAMILY,
      ['@lit-labs/virtualizer/virtualize.js', ['virtualize']], ['@lit-labs/virtualizer/layouts/flow.js', ['flow']],
      ['zorgkit/core'], ['zorgkit/adapters/memory', ['MemoryAdapter']], ['zorgkit/adapters/fhir-rest', ['FhirRestAdapter']],
    ),
  },
];

function jsFiles(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.m?js$/.test(e.name))
    .map((e) => join(e.parentPath ?? e.path, e.name));
}

/** Loads a built page and splits its scripts into start-up and lazy. */
async function measurePage(browser, outDir) {
  const site = await serveDir(outDir);
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const scripts = recordScripts(page);
    await page.goto(site.url, { waitUntil: 'networkidle0' });
    if (errors.length) throw new Error(`page error: ${errors[0]}`);
    const loaded = new Set(scripts.map((s) => decodeURIComponent(new URL(s.url).pathname).slice(1)));
    const eager = { gzip: 0, min: 0, oidc: false };
    const lazy = { gzip: 0, min: 0, oidc: false };
    for (const file of jsFiles(outDir)) {
      const text = readFileSync(file, 'utf8');
      const part = loaded.has(relative(outDir, file).split('\\').join('/')) ? eager : lazy;
      part.gzip += gzipBytes(text);
      part.min += Buffer.byteLength(text);
      part.oidc ||= text.includes(OIDC_MARK);
    }
    return { eager, lazy };
  } finally {
    await context.close();
    await site.close();
  }
}

/** Builds and measures every row with every bundler. */
export async function runConsumerSize({ log = () => undefined } = {}) {
  ensureBuilt({ log });
  const { app, remove } = packAndInstall({ log });
  const browser = await launchBrowser();
  const rows = [];
  try {
    for (const def of CONSUMER_ROWS) {
      const dir = join(app, 'bench', def.id.replace(/\//g, '-'));
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'main.js'), `${def.code}\n`);
      writeFileSync(join(dir, 'index.html'), '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>size</title><link rel="icon" href="data:,"></head>\n<body><script type="module" src="./main.js"></script></body></html>\n');
      const row = { group: 'entry', usesSmart: false, ...def, bundlers: {} };
      for (const [key, bundler] of Object.entries(BUNDLERS)) {
        const out = join(app, 'out', `${def.id.replace(/\//g, '-')}-${key}`);
        try {
          await bundler.build(dir, out);
          row.bundlers[key] = await measurePage(browser, out);
        } catch (error) {
          row.bundlers[key] = { error: String(error.message).split('\n')[0] };
        }
      }
      const measured = Object.values(row.bundlers).filter((b) => !b.error);
      if (measured.length) {
        // The budgets hold for every bundler: the row's size is the largest of the three.
        row.size = { gzip: Math.max(...measured.map((b) => b.eager.gzip)), min: Math.max(...measured.map((b) => b.eager.min)) };
        const lazy = Math.max(...measured.map((b) => b.lazy.gzip));
        row.lazy = lazy > 0 ? { gzip: lazy } : undefined;
        row.oidcEager = measured.some((b) => b.eager.oidc);
        row.oidcLazy = measured.some((b) => b.lazy.oidc);
        row.oidcInGraph = row.oidcEager || row.oidcLazy;
      } else row.error = Object.values(row.bundlers).map((b) => b.error).join('; ');
      rows.push(row);
      log(`size: ${def.label}: ${row.error ?? Object.entries(row.bundlers).map(([k, b]) => `${k} ${b.error ? 'failed' : `${(b.eager.gzip / 1024).toFixed(1)} KB`}`).join(', ')}`);
    }
    // The one-script-tag page gets the file as it is in the package, with no bundler.
    const bundle = readFileSync(join(app, 'node_modules/zorgkit/dist/zorgkit.js'), 'utf8');
    const asServed = { eager: { gzip: gzipBytes(bundle), min: Buffer.byteLength(bundle), oidc: bundle.includes(OIDC_MARK) }, lazy: { gzip: 0, min: 0, oidc: false } };
    rows.push({
      id: 'bundle', group: 'entry', usesSmart: false, label: 'dist/zorgkit.js as served to `<script type="module">` (no bundler)',
      bundlers: { vite: asServed, webpack: asServed, esbuild: asServed },
      size: { gzip: asServed.eager.gzip, min: asServed.eager.min }, oidcEager: asServed.eager.oidc, oidcLazy: false, oidcInGraph: asServed.eager.oidc,
    });
  } finally {
    await browser.close();
    remove();
  }
  return rows;
}
