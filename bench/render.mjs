// Render benchmark: zorgkit's medication list against the floor (plain Lit + `repeat`), in the
// same headless Chromium, same run, same fictional rows. Per size and subject, R fresh pages:
// first paint with rows, DOM settled, JS heap (after GC), a filter keystroke, long tasks.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { FILTER_CHAR } from './fixtures.mjs';
import {
  buildPages, fmtMB, fmtMs, fmtRatio, fmtSpread, heapAfterGc, launchChromium, pageHtml, root, serveStatic, summary,
  tempDir, textTable,
} from './lib.mjs';

export const SIZES = [10, 30, 100, 1000, 5000];

const SUBJECTS = {
  floor: { group: 'list', label: 'floor (plain Lit, repeat)', entry: 'bench/pages/floor-page.ts', needs: [] },
  list: {
    group: 'list',
    label: 'zk-medication-list',
    entry: 'bench/pages/list-page.ts',
    needs: ['src/components/medication-list/medication-list.ts', 'src/components/context/context.ts', 'src/adapters/memory.ts'],
  },
  // A reference, not a budget: the list's own markup and CSS (a snapshot of what the list rendered
  // for the same rows) as static HTML, no JavaScript. Only where the list is a native table.
  markup: {
    group: 'list',
    label: "reference: the list's markup, static HTML (no JS)",
    entry: 'bench/pages/markup-page.ts',
    // It needs no source of its own: what it shows comes from the list (`snapshotOf`), and it is not
    // measured when the list is not. Up to the list's default virtualize-threshold (100 rows).
    needs: [],
    snapshotOf: 'list',
    maxRows: 100,
  },
  floorBanner: { group: 'banner', label: 'floor (plain Lit banner)', entry: 'bench/pages/floor-banner-page.ts', needs: [] },
  banner: {
    group: 'banner',
    label: 'zk-patient-banner (show-allergies)',
    entry: 'bench/pages/banner-page.ts',
    needs: ['src/components/patient-banner/patient-banner.ts', 'src/components/context/context.ts', 'src/adapters/memory.ts'],
  },
};

/** Builds one subject's page; returns an error text instead of throwing (a missing component is reported, not fatal). */
async function buildSubject(name, outdir) {
  const subject = SUBJECTS[name];
  const missing = subject.needs.filter((f) => !existsSync(join(root, f)));
  if (missing.length) return { error: `not written yet: ${missing.join(', ')}` };
  try {
    await buildPages({ [name]: join(root, subject.entry) }, outdir);
    return {};
  } catch (err) {
    const first = err.errors?.[0];
    return { error: `build failed: ${first ? `${first.text} (${first.location?.file}:${first.location?.line})` : err.message}` };
  }
}

function maxLongTask(tasks, from, to) {
  let max = 0;
  for (const t of tasks) if (t.start < to && t.start + t.duration > from) max = Math.max(max, t.duration);
  return max;
}

/** What `snapshotOf` rendered for n rows (bench/pages/markup-page.ts): its shadow DOM's markup and CSS. */
async function snapshot(browser, url, n) {
  const page = await browser.newPage();
  try {
    page.setDefaultTimeout(120000);
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => window.bench?.ready === true);
    await page.evaluate((count) => window.bench.prepare(count), n);
    await page.evaluate(() => window.bench.mount());
    const taken = await page.evaluate(() => window.bench.snapshot());
    if (!taken?.html) throw new Error('no shadow DOM to take');
    return taken;
  } finally {
    await page.close().catch(() => undefined);
  }
}

async function oneRun(browser, url, n, timeoutMs, input) {
  const page = await browser.newPage();
  try {
    page.setDefaultTimeout(timeoutMs);
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => window.bench?.ready === true);
    const cdp = await page.createCDPSession();
    await cdp.send('Performance.enable');
    await cdp.send('HeapProfiler.enable');
    // The data source (the floor's JSON text, the list's MemoryAdapter) is in the page before the
    // clock starts and stays: the heap figure is what receiving and showing the rows costs.
    await page.evaluate((count, given) => window.bench.prepare(count, given), n, input);
    const heapBefore = await heapAfterGc(cdp);
    const mount = await page.evaluate(() => window.bench.mount());
    const heapAfter = await heapAfterGc(cdp);
    const armed = await page.evaluate(() => window.bench.armFilter());
    let filter = { ms: NaN, paintMs: NaN, changed: false, rowsInDom: NaN, shown: NaN };
    if (armed) {
      await page.keyboard.type(FILTER_CHAR);
      filter = await page.evaluate(() => window.bench.filtered());
    }
    const tasks = await page.evaluate(() => window.bench.longTasks());
    return {
      firstRowsMs: mount.firstRowsMs,
      settledMs: mount.settledMs,
      rowsInDom: mount.rowsInDom,
      shown: mount.shown,
      shownAfterFilter: filter.shown,
      heapBytes: heapAfter - heapBefore,
      filterMs: filter.ms,
      filterPaintMs: filter.paintMs,
      filterChanged: filter.changed,
      rowsAfterFilter: filter.rowsInDom,
      searchBox: armed,
      longTaskMountMs: maxLongTask(tasks, mount.start, mount.start + mount.settledMs),
      longTaskFilterMs: armed ? maxLongTask(tasks, filter.start, filter.end) : NaN,
    };
  } finally {
    await page.close().catch(() => undefined);
  }
}

/**
 * Runs the render benchmark. Returns { sizes, subjects: { floor: {label, error?, bySize: {n: {runs, stats}}}, list: … } }.
 * Subjects alternate run by run (floor, list, floor, …) so drifting machine load hits both alike.
 */
export async function runRender({ runs = 5, runs5000 = runs, sizes = SIZES, log = () => undefined } = {}) {
  const tmp = tempDir('render');
  const result = { sizes, runs, runs5000, filterChar: FILTER_CHAR, subjects: {} };
  let server;
  let chromium;
  try {
    for (const name of Object.keys(SUBJECTS)) {
      const built = await buildSubject(name, tmp.dir);
      result.subjects[name] = { group: SUBJECTS[name].group, label: SUBJECTS[name].label, error: built.error, bySize: {} };
      if (built.error) log(`render: ${name}: ${built.error}`);
    }
    const active = Object.keys(SUBJECTS).filter((s) => !result.subjects[s].error);
    const pages = Object.fromEntries(active.map((s) => [`/${s}.html`, pageHtml(`/${s}.js`)]));
    server = await serveStatic(tmp.dir, pages);
    chromium = await launchChromium();
    // A subject that shows another's snapshot gets it once per size, taken before its runs (not timed).
    const snapshots = new Map();
    const inputFor = async (s, n) => {
      const of = SUBJECTS[s].snapshotOf;
      if (!of) return undefined;
      if (result.subjects[of]?.error) throw new Error(`no snapshot: ${of} ${result.subjects[of].error}`);
      if (!snapshots.has(n)) snapshots.set(n, await snapshot(chromium.browser, `${server.url}/${of}.html`, n));
      return snapshots.get(n);
    };

    // One discarded warm-up per subject (browser start-up, first compile of the bundle).
    for (const s of active) {
      const n = SUBJECTS[s].group === 'list' ? 100 : 1;
      await inputFor(s, n).then((input) => oneRun(chromium.browser, `${server.url}/${s}.html`, n, 60000, input)).catch((err) => {
        result.subjects[s].error = `warm-up failed: ${err.message.split('\n')[0]}`;
        log(`render: ${s}: ${result.subjects[s].error}`);
      });
    }
    const measured = active.filter((s) => !result.subjects[s].error);

    // The banner first (one patient, no filter), then the list at each size.
    for (const [group, groupSizes] of [['banner', [1]], ['list', sizes]]) {
      for (const n of groupSizes) {
        const inGroup = measured.filter((s) => SUBJECTS[s].group === group && n <= (SUBJECTS[s].maxRows ?? Infinity));
        const count = n >= 5000 ? runs5000 : runs;
        const perSubject = Object.fromEntries(inGroup.map((s) => [s, []]));
        const inputs = {};
        for (const s of inGroup) inputs[s] = await inputFor(s, n).catch((err) => ({ error: err.message.split('\n')[0] }));
        for (let i = 0; i < count; i++) {
          for (const s of (i % 2 ? [...inGroup].reverse() : inGroup)) {
            try {
              if (inputs[s]?.error) throw new Error(inputs[s].error);
              perSubject[s].push(await oneRun(chromium.browser, `${server.url}/${s}.html`, n, 120000, inputs[s]));
            } catch (err) {
              perSubject[s].push({ error: err.message.split('\n')[0] });
            }
          }
        }
        for (const s of inGroup) {
          const ok = perSubject[s].filter((r) => !r.error);
          const pick = (k) => summary(ok.map((r) => r[k]));
          result.subjects[s].bySize[n] = {
            runs: perSubject[s],
            errors: perSubject[s].filter((r) => r.error).map((r) => r.error),
            firstRowsMs: pick('firstRowsMs'),
            settledMs: pick('settledMs'),
            heapBytes: pick('heapBytes'),
            filterMs: pick('filterMs'),
            filterPaintMs: pick('filterPaintMs'),
            longTaskMs: summary(ok.map((r) => Math.max(r.longTaskMountMs, Number.isFinite(r.longTaskFilterMs) ? r.longTaskFilterMs : 0))),
            rowsInDom: pick('rowsInDom'),
            rowsAfterFilter: pick('rowsAfterFilter'),
            shown: pick('shown'),
            shownAfterFilter: pick('shownAfterFilter'),
            searchBox: ok.every((r) => r.searchBox),
            filterChanged: ok.every((r) => r.filterChanged),
          };
          const st = result.subjects[s].bySize[n];
          log(`render: ${s}${group === 'list' ? ` ${n} rows` : ''}: first ${fmtMs(st.firstRowsMs.median)} ms${group === 'list' ? `, filter ${fmtMs(st.filterMs.median)} ms` : ''}, heap ${fmtMB(st.heapBytes.median)}${st.errors.length ? `, ${st.errors.length} failed: ${st.errors[0]}` : ''}`);
        }
      }
    }
  } finally {
    await chromium?.close();
    await server?.close();
    tmp.remove();
  }
  return result;
}

/** Growth from size a to size b of a metric's median, as a ratio and as the exponent k in t ∝ n^k. */
export function growth(stats, a, b, metric) {
  const x = stats?.[a]?.[metric]?.median;
  const y = stats?.[b]?.[metric]?.median;
  const ratio = y / x;
  return { ratio, exponent: Math.log(ratio) / Math.log(b / a), rows: b / a };
}

export function renderTable(result) {
  const lists = Object.fromEntries(Object.entries(result.subjects).filter(([, s]) => s.group === 'list'));
  const banners = Object.entries(result.subjects).filter(([, s]) => s.group === 'banner');
  const out = [];
  // The banner: one patient, first render only.
  const fb = result.subjects.floorBanner?.bySize?.[1];
  const bRows = banners.filter(([, s]) => !s.error && s.bySize[1]).map(([name, s]) => {
    const st = s.bySize[1];
    return [s.label, fmtSpread(st.firstRowsMs), fmtSpread(st.heapBytes, fmtMB), fmtSpread(st.longTaskMs),
      name === 'floorBanner' || !fb ? '' : `${fmtRatio(st.firstRowsMs.median / fb.firstRowsMs.median)} / ${fmtRatio(st.heapBytes.median / fb.heapBytes.median)}`];
  });
  if (bRows.length) {
    out.push('Patient banner, first render (one patient; zorgkit: MemoryAdapter, Patient read + AllergyIntolerance search)');
    out.push(textTable(['subject', 'first paint ms', 'JS heap', 'longest task ms', 'vs floor: paint / heap'], bRows, ['l', 'r', 'r', 'r', 'l']), '');
  }

  out.push('Medication list: first render, one filter keystroke, heap');
  const headers = ['rows', 'subject', 'first paint ms', 'settled ms', 'filter key ms', 'key → paint ms', 'JS heap', 'longest task ms', 'rows shown (in DOM)', 'vs floor: paint / filter / heap', 'paint vs its markup'];
  const rows = [];
  const floor = lists.floor;
  for (const n of result.sizes) {
    for (const [name, s] of Object.entries(lists)) {
      if (s.error) continue;
      const st = s.bySize[n];
      if (!st) continue;
      const f = floor?.bySize?.[n];
      const reference = SUBJECTS[name]?.snapshotOf !== undefined;
      const vs = name === 'floor' || !f ? '' : reference ? fmtRatio(st.firstRowsMs.median / f.firstRowsMs.median) : [
        fmtRatio(st.firstRowsMs.median / f.firstRowsMs.median),
        fmtRatio(st.filterMs.median / f.filterMs.median),
        fmtRatio(st.heapBytes.median / f.heapBytes.median),
      ].join(' / ');
      // The list against the static HTML of its own markup (the reference row, where there is one).
      const markup = Object.entries(lists).find(([m]) => SUBJECTS[m]?.snapshotOf === name)?.[1]?.bySize?.[n];
      const vsMarkup = markup ? fmtRatio(st.firstRowsMs.median / markup.firstRowsMs.median) : '';
      rows.push([
        n.toLocaleString('en'),
        s.label,
        fmtSpread(st.firstRowsMs),
        fmtSpread(st.settledMs),
        st.searchBox ? fmtSpread(st.filterMs) : 'no search box',
        st.searchBox ? fmtSpread(st.filterPaintMs) : '',
        reference ? '' : fmtSpread(st.heapBytes, fmtMB),
        fmtSpread(st.longTaskMs),
        st.searchBox ? `${st.shown.median} → ${st.shownAfterFilter.median} (${st.rowsInDom.median} → ${st.rowsAfterFilter.median})` : `${st.shown.median}`,
        vs,
        vsMarkup,
      ]);
    }
  }
  out.push(textTable(headers, rows, ['r', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'l', 'r']));
  // Growth: how time and heap scale from 100 to 5,000 rows (linear = the row ratio).
  const pairs = [];
  for (let i = 1; i < result.sizes.length; i++) pairs.push([result.sizes[i - 1], result.sizes[i]]);
  const gRows = [];
  for (const [name, s] of Object.entries(lists)) {
    if (s.error || SUBJECTS[name]?.maxRows) continue;
    for (const [a, b] of pairs) {
      const cell = (metric) => {
        const g = growth(s.bySize, a, b, metric);
        return Number.isFinite(g.ratio) ? `${g.ratio.toFixed(2)}× (n^${g.exponent.toFixed(2)})` : 'n/a';
      };
      gRows.push([s.label, `${a.toLocaleString('en')} → ${b.toLocaleString('en')}`, `${+(b / a).toFixed(2)}×`, cell('firstRowsMs'), cell('filterMs'), cell('heapBytes')]);
    }
  }
  out.push('', 'Cost growth (median ratios; linear = the row ratio, n^1.00)');
  out.push(textTable(['subject', 'rows', 'row ratio', 'first paint', 'filter key', 'JS heap'], gRows, ['l', 'l', 'r', 'r', 'r', 'r']));
  for (const s of Object.values(result.subjects)) if (s.error) out.push(`${s.label}: not measured (${s.error})`);
  out.push(`Median (min–max) of ${result.runs} fresh pages per cell (${result.runs5000} at 5,000 rows), subjects alternating. First paint = insertion → the frame with the first rows (data loading included). `
    + `Filter key = one key ('${result.filterChar}') typed into the search box: keydown → its last DOM change, styled and laid out (forced, so no wait for a frame); key → paint = to the paint after it; live-region announcements are not counted. `
    + 'JS heap = JSHeapUsedSize after GC with the rows shown, minus the same page holding only its data source (floor: the rows as JSON text, parsed on insert; zorgkit: a MemoryAdapter). '
    + 'The list runs with show-history (all rows, like the floor) and a client that allows 100 pages of 100. '
    + "The reference row (not a budget; up to 100 rows, where the list is a native table) inserts the list's own markup and style sheets, as it rendered them for the same rows, as static HTML with no JavaScript: "
    + 'the list minus the reference is what zorgkit\'s code costs; the reference minus the floor is what the list shows beyond the floor (six columns, name buttons, sources, toolbar).');
  return out.join('\n');
}
