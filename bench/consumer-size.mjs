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

const LIT_FAMILY = [
  "export { LitElement, html, css, nothing } from 'lit';",
  "export { property, state } from 'lit/decorators.js';",
  "export { configureLocalization, msg, str, updateWhenLocaleChanges } from '@lit/localize';",
  "export { Task } from '@lit/task';",
  "export { ContextProvider, consume, createContext, provide } from '@lit/context';",
];

/** The rows: what an app writes, and what it then ships. `uses`: keep what the module exports. */
export const CONSUMER_ROWS = [
  { id: 'index', label: "import 'zorgkit' (every element, core, i18n)", code: "export * from 'zorgkit';" },
  { id: 'patient-banner', label: "import 'zorgkit/patient-banner'", code: "import 'zorgkit/patient-banner';" },
  { id: 'medication-list', label: "import 'zorgkit/medication-list'", code: "import 'zorgkit/medication-list';" },
  { id: 'consent-dialog', label: "import 'zorgkit/consent-dialog'", code: "import 'zorgkit/consent-dialog';" },
  { id: 'context', label: "import 'zorgkit/context'", code: "import 'zorgkit/context';" },
  { id: 'core', label: "everything from 'zorgkit/core'", code: "export * from 'zorgkit/core';" },
  { id: 'model', label: "everything from 'zorgkit/model'", code: "export * from 'zorgkit/model';" },
  { id: 'adapters/memory', label: "{ MemoryAdapter } from 'zorgkit/adapters/memory'", code: "export { MemoryAdapter } from 'zorgkit/adapters/memory';" },
  { id: 'adapters/fhir-rest', label: "{ FhirRestAdapter } from 'zorgkit/adapters/fhir-rest'", code: "export { FhirRestAdapter } from 'zorgkit/adapters/fhir-rest';" },
  { id: 'smart', label: "everything from 'zorgkit/adapters/smart' (oidc-client-ts lazy)", code: "export * from 'zorgkit/adapters/smart';", usesSmart: true },
  {
    id: 'all3',
    label: 'the three components + `<zk-context>` + MemoryAdapter + FhirRestAdapter (docs/index.md)',
    code: [
      "import 'zorgkit/patient-banner';", "import 'zorgkit/medication-list';", "import 'zorgkit/consent-dialog';", "import 'zorgkit/context';",
      "export { MemoryAdapter } from 'zorgkit/adapters/memory';", "export { FhirRestAdapter } from 'zorgkit/adapters/fhir-rest';",
    ].join('\n'),
  },
  { id: 'lit', group: 'ref', label: 'reference: Lit alone (LitElement, html, css, repeat)', code: "export { LitElement, html, css, nothing } from 'lit';\nexport { repeat } from 'lit/directives/repeat.js';" },
  { id: 'lit-family', group: 'ref', label: 'reference: Lit + @lit/localize, @lit/task, @lit/context (what every element uses)', code: LIT_FAMILY.join('\n') },
  {
    id: 'platform',
    group: 'ref',
    label: 'reference: Lit family + @lit-labs/virtualizer + core + memory + FHIR REST adapters (no component code)',
    code: [
      ...LIT_FAMILY,
      "export { virtualize } from '@lit-labs/virtualizer/virtualize.js';",
      "export { flow } from '@lit-labs/virtualizer/layouts/flow.js';",
      "export * from 'zorgkit/core';", "export { MemoryAdapter } from 'zorgkit/adapters/memory';", "export { FhirRestAdapter } from 'zorgkit/adapters/fhir-rest';",
    ].join('\n'),
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
  const { app } = packAndInstall({ log });
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
  }
  return rows;
}
