// Size benchmark: what each public import and the usual combinations cost an app, measured as app
// developers get it (bench/consumer-size.mjs): the packed package installed from its tarball and
// built by Vite 8, webpack 5 and esbuild, the JavaScript a page loads at start-up, gzip level 9.
// Only the render floor (bench/floor.ts, not part of the package) and the "where the bytes go"
// shares come from a rollup build of the sources here (production Lit, esbuild, terser).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { fmtKB, markdownTable, root, textTable } from './lib.mjs';
import { BUNDLERS, runConsumerSize } from './consumer-size.mjs';

const VIRTUAL = '\0zk-bench-entry';
const OIDC = /[\\/]node_modules[\\/]oidc-client-ts[\\/]/;
const SMART = /[\\/]src[\\/]adapters[\\/]smart\.ts$/;

const src = (p) => join(root, p);

/** Public entry points: the npm package's entries from rollup.config.mjs, each built alone. */
async function publicEntries() {
  const text = readFileSync(join(root, 'rollup.config.mjs'), 'utf8');
  try {
    const { entries } = await import(join(root, 'rollup.config.mjs'));
    if (entries && typeof entries === 'object') return entries;
  } catch {
    // fall through to a text read below
  }
  return Object.fromEntries([...text.matchAll(/'?([\w/-]+)'?:\s*'(src\/[^']+\.ts)'/g)].map((m) => [m[1], m[2]]));
}

/** What every element imports: Lit and the Lit-family libraries zorgkit uses. */
const LIT_FAMILY = [
  "export { LitElement, html, css, nothing } from 'lit';",
  "export { property, state } from 'lit/decorators.js';",
  "export { configureLocalization, msg, str, updateWhenLocaleChanges } from '@lit/localize';",
  "export { Task } from '@lit/task';",
  "export { ContextProvider, consume, createContext, provide } from '@lit/context';",
];

const COMPONENTS = {
  'patient-banner': 'src/components/patient-banner/patient-banner.ts',
  'medication-list': 'src/components/medication-list/medication-list.ts',
  'consent-dialog': 'src/components/consent-dialog/consent-dialog.ts',
};

/** The rows of the size table. `files`: what must exist; `code`: a virtual entry; `input`: a file entry. */
export async function sizeRows() {
  const entries = await publicEntries();
  const rows = [];
  for (const [name, file] of Object.entries(entries)) {
    const isComponent = Object.values(COMPONENTS).includes(file);
    rows.push({
      id: name,
      group: 'entry',
      breakdown: name === 'patient-banner' || isComponent,
      label: name === 'index' ? 'zorgkit (src/index.ts, everything)' : `zorgkit/${name}${isComponent ? ' (component alone)' : ''}`,
      files: [file],
      input: src(file),
    });
  }
  const all3 = [...Object.values(COMPONENTS), 'src/components/context/context.ts', 'src/core/index.ts', 'src/adapters/memory.ts', 'src/adapters/fhir-rest.ts'];
  rows.push({
    id: 'all3',
    group: 'combo',
    breakdown: true,
    label: 'all three components + <zk-context> + core + memory + FHIR REST adapters',
    files: all3,
    code: [
      ...all3.slice(0, 4).map((f) => `import ${JSON.stringify(src(f))};`),
      ...all3.slice(4).map((f) => `export * from ${JSON.stringify(src(f))};`),
    ].join('\n'),
  });
  rows.push({ id: 'bundle', group: 'combo', label: 'self-contained bundle (src/bundle.ts → dist/zorgkit.js)', files: ['src/bundle.ts'], input: src('src/bundle.ts'), inline: true });
  rows.push({
    id: 'smart',
    group: 'combo',
    label: 'SMART adapter + oidc-client-ts (lazy import inlined)',
    files: ['src/adapters/smart.ts'],
    input: src('src/adapters/smart.ts'),
    inline: true,
    smart: true,
  });
  rows.push({ id: 'lit', group: 'ref', label: 'reference: Lit alone (LitElement, html, css, repeat)', files: [], code: "export { LitElement, html, css, nothing } from 'lit';\nexport { repeat } from 'lit/directives/repeat.js';" });
  rows.push({
    id: 'lit-family',
    group: 'ref',
    label: 'reference: Lit + @lit/localize, @lit/task, @lit/context (what every element uses)',
    files: [],
    code: LIT_FAMILY.join('\n'),
  });
  // Everything the three-component budget pays for before any component code: the Lit family,
  // the virtualizer with its flow layout (the medication list's long lists), the core and the two
  // adapters. Set beside the budget, it shows how much room the components themselves have.
  rows.push({
    id: 'platform',
    group: 'ref',
    label: 'reference: Lit family + @lit-labs/virtualizer + core + memory + FHIR REST adapters (no component code)',
    files: all3.slice(4),
    code: [
      ...LIT_FAMILY,
      "export { virtualize } from '@lit-labs/virtualizer/virtualize.js';",
      "export { flow } from '@lit-labs/virtualizer/layouts/flow.js';",
      ...all3.slice(4).map((f) => `export * from ${JSON.stringify(src(f))};`),
    ].join('\n'),
  });
  rows.push({ id: 'floor', group: 'ref', label: 'reference: the render floor (bench/floor.ts)', files: ['bench/floor.ts'], code: `import { defineFloorElements } from ${JSON.stringify(src('bench/floor.ts'))};\ndefineFloorElements();` });
  return rows;
}

function virtualEntry(code) {
  return {
    name: 'zk-bench-virtual-entry',
    resolveId: (id) => (id === VIRTUAL ? VIRTUAL : null),
    load: (id) => (id === VIRTUAL ? code : null),
  };
}

const gzip = (buf) => gzipSync(buf, { level: 9 }).length;
const brotli = (buf) => brotliCompressSync(buf, {
  params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
}).length;

/** Which package or source folder a module belongs to, for "where the bytes go". */
export function groupOf(id) {
  const nm = /[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(id);
  if (nm) {
    const pkg = nm[1].replace(/\\/g, '/');
    return /^(lit|lit-html|lit-element|@lit\/reactive-element)$/.test(pkg) ? 'lit (core)' : pkg;
  }
  const rel = id.startsWith(root) ? id.slice(root.length + 1).replace(/\\/g, '/') : id;
  const m = /^src\/(components\/[^/]+|i18n\/nl|[^/]+)/.exec(rel);
  return m ? `src/${m[1]}` : rel;
}

/** Rendered (tree-shaken, not yet minified) bytes per group, largest first. */
function breakdown(chunks) {
  const groups = new Map();
  for (const c of chunks) {
    for (const [id, m] of Object.entries(c.modules)) {
      if (!m.renderedLength) continue;
      groups.set(groupOf(id), (groups.get(groupOf(id)) ?? 0) + m.renderedLength);
    }
  }
  const total = [...groups.values()].reduce((a, b) => a + b, 0);
  return [...groups].sort((a, b) => b[1] - a[1]).map(([group, bytes]) => ({ group, bytes, share: bytes / total }));
}

/** "lit (core) 27%, src/model 22%, …" */
export function fmtParts(parts, max = 8) {
  if (!parts) return '';
  const shown = parts.slice(0, max).map((p) => `${p.group} ${Math.round(p.share * 100)}%`);
  const rest = parts.slice(max).reduce((a, p) => a + p.share, 0);
  return shown.join(', ') + (rest > 0.005 ? `, other ${Math.round(rest * 100)}%` : '');
}

/** Builds one row in memory and measures it. */
export async function measureRow(row) {
  const missing = row.files.filter((f) => !existsSync(join(root, f)));
  if (missing.length) return { ...row, error: `not written yet: ${missing.join(', ')}` };
  const [{ rollup }, { nodeResolve }, { default: esbuild }, { default: terser }] = await Promise.all([
    import('rollup'), import('@rollup/plugin-node-resolve'), import('rollup-plugin-esbuild'), import('@rollup/plugin-terser'),
  ]);
  const warnings = [];
  let bundle;
  try {
    bundle = await rollup({
      input: row.code !== undefined ? VIRTUAL : row.input,
      onwarn: (w) => warnings.push(w.message),
      plugins: [
        ...(row.code !== undefined ? [virtualEntry(row.code)] : []),
        nodeResolve({ exportConditions: ['production'], browser: true }),
        esbuild({ target: 'es2022', tsconfig: join(root, 'tsconfig.json') }),
        terser({ ecma: 2022, module: true, compress: { passes: 2 }, format: { comments: false } }),
      ],
    });
    const moduleIds = bundle.getModuleIds ? [...bundle.getModuleIds()] : bundle.watchFiles;
    const { output } = await bundle.generate({ format: 'es', inlineDynamicImports: Boolean(row.inline) });
    const chunks = output.filter((o) => o.type === 'chunk');
    const entry = chunks.find((c) => c.isEntry);
    // The entry and what it imports statically load with the page; dynamic-import chunks load later.
    const eager = new Set([entry.fileName]);
    for (let grew = true; grew;) {
      grew = false;
      for (const c of chunks) {
        if (!eager.has(c.fileName)) continue;
        for (const imp of c.imports) if (!eager.has(imp)) { eager.add(imp); grew = true; }
      }
    }
    const sizeOf = (list) => {
      const buffers = list.map((c) => Buffer.from(c.code));
      return {
        min: buffers.reduce((s, b) => s + b.length, 0),
        gzip: buffers.reduce((s, b) => s + gzip(b), 0),
        brotli: buffers.reduce((s, b) => s + brotli(b), 0),
      };
    };
    const eagerChunks = chunks.filter((c) => eager.has(c.fileName));
    const lazyChunks = chunks.filter((c) => !eager.has(c.fileName));
    const inChunks = (list) => list.some((c) => Object.keys(c.modules).some((id) => OIDC.test(id) && c.modules[id].renderedLength > 0));
    return {
      ...row,
      parts: row.breakdown ? breakdown(eagerChunks) : undefined,
      size: sizeOf(eagerChunks),
      lazy: lazyChunks.length ? sizeOf(lazyChunks) : undefined,
      modules: moduleIds.length,
      usesSmart: moduleIds.some((id) => SMART.test(id)),
      oidcInGraph: moduleIds.some((id) => OIDC.test(id)),
      oidcEager: inChunks(eagerChunks),
      oidcLazy: inChunks(lazyChunks),
      warnings: warnings.filter((w) => !/Circular dependency/.test(w)),
    };
  } catch (err) {
    return { ...row, error: `build failed: ${String(err.message).split('\n')[0]}` };
  } finally {
    await bundle?.close();
  }
}

/** Source rows used here: the floor (a size row) and the component rows' breakdowns. */
const SOURCE_IDS = { floor: 'floor', 'patient-banner': 'patient-banner', 'medication-list': 'medication-list', 'consent-dialog': 'consent-dialog', all3: 'all3' };

/** The consumer rows (every bundler), the floor, and where the bytes go from the sources. */
export async function runSize({ log = () => undefined } = {}) {
  const rows = await runConsumerSize({ log });
  const sources = (await sizeRows()).filter((r) => r.id in SOURCE_IDS);
  for (const source of sources) {
    const measured = await measureRow(source);
    if (source.id === 'floor') {
      rows.push({ ...measured, group: 'ref', fromSource: true });
      log(`size: ${measured.label}: ${measured.error ?? `${fmtKB(measured.size.gzip)} gzip`}`);
    } else {
      const row = rows.find((r) => r.id === source.id);
      if (row) row.parts = measured.parts;
    }
  }
  return { rows };
}

function oidcCell(r) {
  if (r.error) return '';
  if (r.oidcEager) return 'AT START-UP';
  if (r.oidcLazy) return 'lazy chunk only';
  return 'no';
}

const bundlerCell = (r, key) => {
  if (r.fromSource) return key === 'vite' ? `${fmtKB(r.size.gzip)} (rollup)` : '';
  const b = r.bundlers?.[key];
  if (!b) return '';
  return b.error ? 'build failed' : fmtKB(b.eager.gzip);
};

function cells(r) {
  if (r.error) return [r.label, '', '', '', '', '', r.error];
  return [r.label, ...Object.keys(BUNDLERS).map((k) => bundlerCell(r, k)), r.lazy ? fmtKB(r.lazy.gzip) : '', oidcCell(r), ''];
}

const HEADERS = ['what the app imports (tarball installed, production build)', ...Object.values(BUNDLERS).map((b) => `${b.label} (gzip)`), 'lazy chunks (gzip)', 'oidc-client-ts', 'note'];
const ALIGN = ['l', 'r', 'r', 'r', 'r', 'l', 'l'];

function partsLines(result) {
  return result.rows.filter((r) => r.parts).map((r) => `${r.label}: ${fmtParts(r.parts)}`);
}

export function sizeTable(result) {
  return [
    textTable(HEADERS, result.rows.map((r) => cells(r)), ALIGN),
    'Where the bytes go (share of the tree-shaken code before minification):',
    ...partsLines(result).map((l) => `  ${l}`),
    'KB = 1024 bytes. The packed tarball installed into an app and built by each bundler in production mode; the JavaScript the page loads at start-up, gzip -9. Lazy chunks: the other emitted scripts (dynamic imports), loaded only when used. Shares: rollup build of the sources.',
  ].join('\n');
}

/** `<zk-context>` would be read as HTML in Markdown: show tag names as code. */
const codeTags = (text) => String(text).replace(/<([a-z][\w-]*)>/g, '`<$1>`');

export function sizeMarkdown(result, budgets = []) {
  const note = 'Generated by `npm run bench` (bench/size.mjs, bench/consumer-size.mjs) from consumer builds, as app developers get the package: '
    + '`npm pack`, the tarball installed into a throw-away app, one small app per row (`import \'zorgkit/patient-banner\'`, …) built by '
    + 'Vite 8, webpack 5 (production mode) and esbuild (bundle, minify, ESM), then loaded in headless Chromium. A size is the JavaScript '
    + 'the page loads at start-up, Lit included, in KB of 1024 bytes, gzip level 9; the budgets use the largest of the three. "Lazy chunks" '
    + 'are the other emitted scripts (dynamic imports), fetched only when used. oidc-client-ts is recognised by one of its own messages '
    + 'in the scripts. Only the render floor (not part of the package) and the "where the bytes go" shares come from a rollup build of the sources.';
  const lines = [
    '# zorgkit sizes',
    '',
    '<!-- Generated by `npm run bench`; do not edit by hand. -->',
    '',
    note,
    '',
    markdownTable(HEADERS.slice(0, 6).concat('note'), result.rows.map((r) => cells(r).map(codeTags)), ALIGN),
  ];
  const parts = partsLines(result);
  if (parts.length) lines.push('', '## Where the bytes go', '', 'Share of each bundle\'s tree-shaken code before minification, by package or source folder:', '', ...parts.map((l) => `- ${codeTags(l)}`));
  if (budgets.length) {
    lines.push('', '## Budgets', '', markdownTable(['budget', 'measured', 'limit', 'result'], budgets.map((b) => [b.name, b.measured, b.limit, b.pass === undefined ? 'n/a' : b.pass ? 'PASS' : 'FAIL'])));
  }
  return `${lines.join('\n')}\n`;
}
