// `node bench/trace.mjs [--rows=10] [--runs=8] [--subject=list|banner|floor|floorBanner]`
// The renderer main thread's work from insert to the first paint with rows, by kind (Chromium
// tracing: script, style recalculation, layout, compile, paint…), summed over R fresh pages.
// Complements bench/profile.mjs, whose "(program)" row is this native work. Durations are
// self time on the main thread; on a loaded machine compare subjects within one run.
import { join } from 'node:path';
import { buildPages, launchChromium, pageHtml, root, serveStatic, tempDir, textTable } from './lib.mjs';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
const rows = Number(args.rows ?? 10);
const runs = Number(args.runs ?? 8);
const subjects = (args.subject ?? 'floor,list').split(',');
const ENTRY = { list: 'list-page.ts', banner: 'banner-page.ts', floor: 'floor-page.ts', floorBanner: 'floor-banner-page.ts' };

const tmp = tempDir('trace-build');
await buildPages(Object.fromEntries(subjects.map((s) => [s, join(root, 'bench', 'pages', ENTRY[s])])), tmp.dir);
const server = await serveStatic(tmp.dir, Object.fromEntries(subjects.map((s) => [`/${s}.html`, pageHtml(`/${s}.js`)])));
const chromium = await launchChromium();
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'blink', 'loading'];
const results = {};
try {
  for (const s of subjects) {
    const self = new Map();
    for (let i = 0; i < runs + 1; i++) {
      const page = await chromium.browser.newPage();
      await page.goto(`${server.url}/${s}.html`, { waitUntil: 'load' });
      await page.waitForFunction(() => window.bench?.ready === true);
      await page.evaluate((n) => window.bench.prepare(n), rows);
      await page.tracing.start({ categories: CATEGORIES });
      await page.evaluate(() => performance.mark('bench-mount'));
      await page.evaluate(() => window.bench.mount());
      const buf = await page.tracing.stop();
      await page.close();
      if (i === 0) continue;
      const events = JSON.parse(Buffer.from(buf).toString("utf8")).traceEvents;
      const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
      const mark = events.find((e) => e.name === 'bench-mount');
      const paint = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
      // Self time: an event's duration minus its children's, for events on the main thread.
      const spans = paint.filter((e) => e.ts >= (mark?.ts ?? 0)).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
      const stack = [];
      for (const e of spans) {
        while (stack.length && stack[stack.length - 1].ts + stack[stack.length - 1].dur <= e.ts) stack.pop();
        const parent = stack[stack.length - 1];
        if (parent) parent.childDur = (parent.childDur ?? 0) + e.dur;
        stack.push(e);
      }
      for (const e of spans) {
        const selfUs = e.dur - (e.childDur ?? 0);
        if (selfUs > 0) self.set(e.name, (self.get(e.name) ?? 0) + selfUs);
      }
    }
    results[s] = self;
  }
} finally {
  await chromium.close();
  await server.close();
  tmp.remove();
}
const names = new Set(Object.values(results).flatMap((m) => [...m.keys()]));
const rowsOut = [...names].map((n) => [n, ...subjects.map((s) => (results[s].get(n) ?? 0) / runs / 1000)])
  .sort((a, b) => b.slice(1).reduce((x, y) => x + y, 0) - a.slice(1).reduce((x, y) => x + y, 0)).slice(0, 25);
console.log(`${rows} rows, ${runs} runs: main-thread self time per run (ms), by trace event, from insert to first paint with rows`);
console.log(textTable(['event', ...subjects], [...rowsOut.map((r) => [r[0], ...r.slice(1).map((v) => v.toFixed(2))]),
  ['total', ...subjects.map((s) => ([...results[s].values()].reduce((a, b) => a + b, 0) / runs / 1000).toFixed(2))]], ['l', ...subjects.map(() => 'r')]));
