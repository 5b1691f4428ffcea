// Shared helpers for the benchmarks: statistics, aligned plain-text tables, page bundles, a tiny
// static server on 127.0.0.1 and headless Chromium through puppeteer-core.
import http from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROME_ARGS as TEST_CHROME_ARGS } from '../web-test-runner.config.mjs';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// ---------------------------------------------------------------------------------------------
// Statistics

export function quantile(values, q) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/** Median, min, max, interquartile range and count of the finite values. */
export function summary(values) {
  const finite = values.filter((v) => Number.isFinite(v));
  return {
    n: finite.length,
    median: quantile(finite, 0.5),
    min: finite.length ? Math.min(...finite) : NaN,
    max: finite.length ? Math.max(...finite) : NaN,
    q1: quantile(finite, 0.25),
    q3: quantile(finite, 0.75),
  };
}

// ---------------------------------------------------------------------------------------------
// Formatting

export const KB = 1024;

export function fmtKB(bytes) {
  return Number.isFinite(bytes) ? `${(bytes / KB).toFixed(1)} KB` : 'n/a';
}

export function fmtMs(ms) {
  if (!Number.isFinite(ms)) return 'n/a';
  return ms >= 100 ? `${ms.toFixed(0)}` : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2);
}

export function fmtMB(bytes) {
  return Number.isFinite(bytes) ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : 'n/a';
}

export function fmtRatio(r) {
  return Number.isFinite(r) ? `${r.toFixed(2)}×` : 'n/a';
}

/** `median (min–max)` of a summary, with a unit formatter. */
export function fmtSpread(s, fmt = fmtMs) {
  if (!s || !s.n) return 'n/a';
  return `${fmt(s.median)} (${fmt(s.min)}–${fmt(s.max)})`;
}

/** An aligned plain-text table. `align` per column: 'l' or 'r'. */
export function textTable(headers, rows, align = []) {
  const cells = [headers, ...rows].map((r) => r.map((c) => String(c ?? '')));
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => [...(r[i] ?? '')].length)));
  const pad = (text, i) => {
    const fill = ' '.repeat(widths[i] - [...text].length);
    return align[i] === 'r' ? fill + text : text + fill;
  };
  const line = (r) => r.map((c, i) => pad(c, i)).join('  ').trimEnd();
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

/** A Markdown table. */
export function markdownTable(headers, rows, align = []) {
  const esc = (c) => String(c ?? '').replace(/\|/g, '\\|');
  return [
    `| ${headers.map(esc).join(' | ')} |`,
    `| ${headers.map((_, i) => (align[i] === 'r' ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------
// Temp dirs and page bundles

export function tempDir(prefix) {
  const dir = mkdtempSync(join(tmpdir(), `zorgkit-bench-${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Bundles bench pages (TypeScript) for the browser with production Lit, minified, into outdir.
 * `entries`: { name: absolutePath }.
 */
export async function buildPages(entries, outdir) {
  const esbuild = await import('esbuild');
  await esbuild.build({
    entryPoints: entries,
    outdir,
    bundle: true,
    format: 'esm',
    splitting: true,
    target: 'es2022',
    platform: 'browser',
    conditions: ['production'],
    tsconfig: join(root, 'bench', 'tsconfig.json'),
    minify: true,
    legalComments: 'none',
    logLevel: 'silent',
  });
}

// ---------------------------------------------------------------------------------------------
// Static server

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.json': 'application/json' };

/** Serves `dir` on 127.0.0.1 (random port) and `pages` ({ '/x.html': html }) from memory. */
export async function serveStatic(dir, pages = {}) {
  const server = http.createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (pages[path]) {
      res.writeHead(200, { 'Content-Type': TYPES['.html'], 'Cache-Control': 'no-store' }).end(pages[path]);
      return;
    }
    const file = normalize(join(dir, path));
    if (!file.startsWith(dir + sep) || !existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
    res.end(readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((resolve) => { server.close(() => resolve()); server.closeAllConnections(); }),
  };
}

/** A minimal HTML page that loads one module. */
export function pageHtml(script, body = '') {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>zorgkit bench</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,"></head>
<body style="margin:0">${body}<script type="module" src="${script}"></script></body></html>`;
}

// ---------------------------------------------------------------------------------------------
// Chromium

export const CHROME_ARGS = [
  ...TEST_CHROME_ARGS,
  // Bench-only: exact heap numbers.
  '--enable-precise-memory-info',
];

export function chromePath() {
  if (process.env.CHROME_PATH) return process.env.CHROME_PATH;
  for (const p of ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable']) {
    if (existsSync(p)) return p;
  }
  throw new Error('No Chromium found: set CHROME_PATH (or run `npm test` once, which installs it on Debian).');
}

/** Launches headless Chromium with a fresh profile; `close()` stops it and removes the profile. */
export async function launchChromium() {
  const { default: puppeteer } = await import('puppeteer-core');
  const profile = tempDir('profile');
  const browser = await puppeteer.launch({
    executablePath: chromePath(),
    headless: true,
    userDataDir: profile.dir,
    args: CHROME_ARGS,
    defaultViewport: { width: 1280, height: 900 },
    protocolTimeout: 180000,
  });
  return {
    browser,
    async close() {
      await browser.close().catch(() => undefined);
      profile.remove();
    },
  };
}

/** JS heap in use after a full garbage collection (CDP), in bytes. */
export async function heapAfterGc(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
}
