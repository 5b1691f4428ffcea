// `npm run bench`: what zorgkit costs a page, next to the floor (plain Lit doing the same work).
// Prints three tables (size, render, requests per page) and writes docs/size.md.
// `npm run bench -- --check` also compares the numbers with the budgets and exits 1 on a FAIL;
// without --check it always exits 0 (a benchmark, not a timed test).
//
// Options: --check · --only=size,render,requests · --runs=N (render runs per cell, ≥ 5 by
// default; at least 5 with --check) · --json=FILE (raw results) · --quiet (no progress lines)
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KB, fmtKB, fmtMB, fmtMs, fmtRatio, root, textTable } from './lib.mjs';
import { renderTable, runRender, growth } from './render.mjs';
import { requestChecks, requestsTable, runRequests } from './requests.mjs';
import { runSize, sizeMarkdown, sizeTable } from './size.mjs';

export const BUDGETS = {
  /** All three elements + <zk-context> + core + memory and FHIR REST adapters, as a consumer build ships them. */
  all3GzipKB: 58,
  /** `import 'zorgkit/patient-banner'` alone, Lit included, as a consumer build ships it. */
  bannerGzipKB: 18,
  /** First paint of the list at these sizes, and of the banner: at most this many times the floor's. */
  firstPaintShort: 1.5,
  shortSizes: [10, 30, 100],
  firstPaint1000: 1.5,
  /** A filter keystroke at 1,000 rows: inside one frame (60 Hz), in ms. */
  filter1000FrameMs: 1000 / 60,
  heap5000: 2,
  longTask5000: 4,
  /** "No worse than linear": growth ratio ≤ row ratio, plus this margin for run-to-run noise. */
  growthNoise: 1.1,
};

function parseArgs(argv) {
  const opts = { check: false, only: new Set(['size', 'render', 'requests']), runs: 5, json: undefined, quiet: false };
  for (const arg of argv) {
    if (arg === '--check') opts.check = true;
    else if (arg === '--quiet') opts.quiet = true;
    else if (arg.startsWith('--only=')) opts.only = new Set(arg.slice(7).split(',').map((s) => s.trim()).filter(Boolean));
    else if (arg.startsWith('--runs=')) opts.runs = Math.max(1, Number.parseInt(arg.slice(7), 10) || 5);
    else if (arg.startsWith('--json=')) opts.json = arg.slice(7);
    else if (arg === '--help' || arg === '-h') {
      console.log('npm run bench [-- --check] [--only=size,render,requests] [--runs=N] [--json=FILE] [--quiet]');
      process.exit(0);
    } else {
      console.error(`bench: unknown option ${arg} (try --help)`);
      process.exit(2);
    }
  }
  if (opts.check && opts.runs < 5) opts.runs = 5;
  return opts;
}

const budget = (name, measured, limit, pass) => ({ name, measured, limit, pass });

function sizeBudgets(size) {
  if (!size) return [];
  const row = (id) => size.rows.find((r) => r.id === id);
  const out = [];
  const all3 = row('all3');
  // What the budget pays for before any component code, so a FAIL shows how far off it is.
  const platform = row('platform');
  const before = (r, what) => (r?.size ? ` (${what} alone: ${fmtKB(r.size.gzip)})` : '');
  out.push(budget('size: 3 components + context + memory + FHIR REST, gzip incl. Lit, largest of Vite/webpack/esbuild', all3?.size ? fmtKB(all3.size.gzip) + before(platform, 'Lit family + virtualizer + core + adapters') : `not measured (${all3?.error ?? 'no row'})`, `≤ ${BUDGETS.all3GzipKB} KB`, all3?.size ? all3.size.gzip <= BUDGETS.all3GzipKB * KB : false));
  const banner = row('patient-banner');
  out.push(budget('size: import \'zorgkit/patient-banner\' alone, gzip incl. Lit, largest of Vite/webpack/esbuild', banner?.size ? fmtKB(banner.size.gzip) + before(row('lit-family'), 'Lit family') : `not measured (${banner?.error ?? 'no row'})`, `≤ ${BUDGETS.bannerGzipKB} KB`, banner?.size ? banner.size.gzip <= BUDGETS.bannerGzipKB * KB : false));
  const measured = size.rows.filter((r) => r.size && !r.fromSource);
  const offenders = measured.filter((r) => r.oidcEager || (!r.usesSmart && r.oidcInGraph));
  const smart = row('smart');
  const smartOk = smart?.size ? smart.oidcLazy && !smart.oidcEager : false;
  out.push(budget(
    'size: oidc-client-ts only in apps that use SMART, and there as a lazy chunk',
    offenders.length ? `in ${offenders.map((r) => r.id).join(', ')}` : `0 of ${measured.length} bundles${smart?.size ? '' : '; SMART row not measured'}`,
    'none (and lazy in the SMART row)',
    offenders.length === 0 && smartOk,
  ));
  return out;
}

function renderBudgets(render) {
  if (!render) return [];
  const floor = render.subjects.floor;
  const list = render.subjects.list;
  const f = (n) => floor?.bySize?.[n];
  const l = (n) => list?.bySize?.[n];
  const listMissing = !list || list.error ? `not measured (list: ${list?.error ?? 'no list'})` : undefined;
  const missing = listMissing ?? (!floor || floor.error ? `not measured (floor: ${floor?.error ?? 'no floor'})` : undefined);
  const ratioBudget = (name, n, metric, limit, fmt, extra = '') => {
    const a = l(n)?.[metric]?.median;
    const b = f(n)?.[metric]?.median;
    const r = a / b;
    return budget(name, missing ?? (Number.isFinite(r) ? `${fmtRatio(r)} (${fmt(a)} vs ${fmt(b)}${extra})` : 'n/a'), `≤ ${limit}× floor`, !missing && Number.isFinite(r) && r <= limit);
  };
  // Not a budget: the list's own markup as static HTML (bench/pages/markup-page.ts) against the floor.
  const markupNote = (n) => {
    const m = render.subjects.markup?.bySize?.[n]?.firstRowsMs?.median;
    const r = m / f(n)?.firstRowsMs?.median;
    return Number.isFinite(r) ? `; its markup as static HTML ${fmtRatio(r)}` : '';
  };
  const ms = (v) => `${fmtMs(v)} ms`;
  const out = [];
  {
    // The banner: one patient, against the plain-Lit banner in the same run.
    const b = render.subjects.banner?.bySize?.[1]?.firstRowsMs?.median;
    const fb = render.subjects.floorBanner?.bySize?.[1]?.firstRowsMs?.median;
    const why = render.subjects.banner?.error ?? render.subjects.floorBanner?.error;
    const r = b / fb;
    out.push(budget('render: banner first paint', why ? `not measured (${why})` : Number.isFinite(r) ? `${fmtRatio(r)} (${ms(b)} vs ${ms(fb)})` : 'n/a', `≤ ${BUDGETS.firstPaintShort}× floor`, !why && Number.isFinite(r) && r <= BUDGETS.firstPaintShort));
  }
  for (const n of BUDGETS.shortSizes) {
    out.push(ratioBudget(`render: first paint, ${n} rows`, n, 'firstRowsMs', BUDGETS.firstPaintShort, ms, markupNote(n)));
  }
  out.push(ratioBudget('render: first paint, 1,000 rows', 1000, 'firstRowsMs', BUDGETS.firstPaint1000, ms));
  {
    const key = l(1000)?.filterMs?.median;
    out.push(budget('render: filter keystroke, 1,000 rows (keydown → rows laid out)', missing ?? (Number.isFinite(key) ? `${ms(key)} (floor ${ms(f(1000)?.filterMs?.median)})` : 'n/a'), `≤ one frame (${ms(BUDGETS.filter1000FrameMs)})`, !missing && Number.isFinite(key) && key <= BUDGETS.filter1000FrameMs));
  }
  out.push(ratioBudget('render: JS heap, 5,000 rows', 5000, 'heapBytes', BUDGETS.heap5000, fmtMB));
  {
    // Each run's longest task (first render and filter), median over the runs like every timing here.
    const task = l(5000)?.longTaskMs?.median;
    const worst = l(5000)?.longTaskMs?.max;
    const floorFilter = f(5000)?.filterMs?.median;
    const limit = BUDGETS.longTask5000 * floorFilter;
    out.push(budget('render: longest task per run, 5,000 rows', missing ?? `${fmtMs(task)} ms (worst run ${fmtMs(worst)} ms)`, `≤ ${BUDGETS.longTask5000}× floor filter (${fmtMs(limit)} ms)`, !missing && Number.isFinite(task) && Number.isFinite(limit) && task <= limit));
  }
  for (const [a, b] of [[100, 1000], [1000, 5000]]) {
    for (const [metric, what] of [['firstRowsMs', 'time'], ['heapBytes', 'heap']]) {
      const g = growth(list?.bySize, a, b, metric);
      const limit = g.rows * BUDGETS.growthNoise;
      out.push(budget(`growth: ${what}, ${a.toLocaleString('en')} → ${b.toLocaleString('en')} rows`, listMissing ?? (Number.isFinite(g.ratio) ? `${g.ratio.toFixed(2)}×` : 'n/a'), `≤ ${g.rows}× (linear, +${Math.round((BUDGETS.growthNoise - 1) * 100)}% noise)`, !listMissing && Number.isFinite(g.ratio) && g.ratio <= limit));
    }
  }
  return out;
}

function requestBudgets(requests) {
  if (!requests) return [];
  if (requests.error) return [budget('requests per page', `not measured (${requests.error})`, 'see issue', false)];
  const names = { load: 'requests: page load, one per distinct search', banner2: 'requests: second banner, same patient', rerender: 'requests: re-render', consent: 'requests: consent write refetches only Consent, once', 'n+1': 'requests: no per-row Medication reads' };
  return requestChecks(requests).map((c) => budget(names[c.id] ?? c.step, `${c.n} (${c.verdict})`, c.expected, c.pass));
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const log = opts.quiet ? () => undefined : (line) => console.error(`  … ${line}`);
  const started = performance.now();
  const results = {};

  if (opts.only.has('size')) {
    log('size: packing, installing the tarball and building each row with Vite, webpack and esbuild');
    results.size = await runSize({ log });
  }
  if (opts.only.has('render')) {
    log(`render: headless Chromium, ${opts.runs} runs per cell`);
    results.render = await runRender({ runs: opts.runs, runs5000: opts.runs, log });
  }
  if (opts.only.has('requests')) {
    log('requests: FHIR test server + demo data');
    results.requests = await runRequests({ log });
  }

  const budgets = [...sizeBudgets(results.size), ...renderBudgets(results.render), ...requestBudgets(results.requests)];
  const out = [];
  if (results.size) {
    out.push('== Size (as apps get it: the packed tarball built by Vite 8, webpack 5 and esbuild; Lit included) ==', sizeTable(results.size), '');
    mkdirSync(join(root, 'docs'), { recursive: true });
    writeFileSync(join(root, 'docs', 'size.md'), sizeMarkdown(results.size, sizeBudgets(results.size)));
  }
  if (results.render) out.push('== Render (headless Chromium; zorgkit vs the floor, plain Lit doing the same work, in the same run) ==', renderTable(results.render), '');
  if (results.requests) out.push('== Requests per page (counted at the FHIR test server) ==', requestsTable(results.requests), '');
  if (opts.check) {
    out.push('== Budgets (--check) ==');
    out.push(textTable(['budget', 'measured', 'limit', 'result'], budgets.map((b) => [b.name, b.measured, b.limit, b.pass ? 'PASS' : 'FAIL']), ['l', 'l', 'l', 'l']));
    const failed = budgets.filter((b) => !b.pass).length;
    out.push(`${budgets.length - failed} passed, ${failed} failed`, '');
  }
  out.push(`bench took ${((performance.now() - started) / 1000).toFixed(0)} s${results.size ? '; wrote docs/size.md' : ''}`);
  console.log(out.join('\n'));
  if (opts.json) writeFileSync(opts.json, JSON.stringify({ budgets, ...results }, null, 2));
  if (opts.check && budgets.some((b) => !b.pass)) process.exitCode = 1;
}

main().catch((err) => {
  console.error(`bench: ${err.stack ?? err}`);
  // Without --check the bench never fails the build, not even on its own errors.
  process.exitCode = process.argv.includes('--check') ? 1 : 0;
});
