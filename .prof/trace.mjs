import { join } from 'node:path';
import { launchChromium, pageHtml, root, serveStatic, tempDir } from '../bench/lib.mjs';
const n = Number(process.argv[2] ?? 1000);
const tmp = tempDir('trace');
const esbuild = await import('esbuild');
await esbuild.build({ entryPoints: { list: join(root, 'bench/pages/list-page.ts') }, outdir: tmp.dir, bundle: true, format: 'esm', splitting: true, target: 'es2022', platform: 'browser', conditions: ['production'], tsconfig: join(root, 'bench', 'tsconfig.json'), minify: false, logLevel: 'silent' });
const server = await serveStatic(tmp.dir, { '/list.html': pageHtml('/list.js') });
const chromium = await launchChromium();
const browser = chromium.browser ?? chromium;
const agg = new Map();
const runs = 5;
for (let run = 0; run < runs; run++) {
  const page = await browser.newPage();
  await page.goto(`${server.url}/list.html`, { waitUntil: 'load' });
  await page.waitForFunction(() => window.bench?.ready === true);
  await page.evaluate((c) => window.bench.prepare(c), n);
  await page.evaluate(() => window.bench.mount());
  await page.evaluate(() => window.bench.armFilter());
  await page.tracing.start({ categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'v8'] });
  await page.keyboard.type('z');
  const f = await page.evaluate(() => window.bench.filtered());
  const buf = await page.tracing.stop();
  const events = JSON.parse(Buffer.from(buf).toString("utf8")).traceEvents;
  const key = events.find((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'keydown');
  const t0 = key?.ts ?? 0; const t1 = t0 + f.ms * 1000 + 2000;
  if (run === 0) {
    const main = key?.tid;
    for (const e of events.filter((x) => x.ph === 'X' && x.tid === main && x.ts >= t0 && x.ts <= t1 && x.dur > 100).sort((a, b) => a.ts - b.ts)) {
      if (['RunTask', 'ThreadControllerImpl::RunTask'].includes(e.name)) continue;
      console.log(((e.ts - t0) / 1000).toFixed(2).padStart(7), (e.dur / 1000).toFixed(2).padStart(6), e.name, e.args?.data?.type ?? e.args?.data?.functionName ?? '');
    }
  }
  for (const e of events) {
    if (e.ph !== 'X' || e.ts < t0 || e.ts > t1) continue;
    if (!['FunctionCall', 'EventDispatch', 'UpdateLayoutTree', 'Layout', 'RecalculateStyles', 'ParseHTML', 'v8.compile', 'TimerFire', 'RunMicrotasks', 'HitTest', 'UpdateLayerTree', 'Paint', 'PrePaint', 'v8.callFunction', 'MajorGC', 'MinorGC', 'V8.GCScavenger', 'IntersectionObserverController::computeIntersections', 'ResizeObserverController::DeliverObservations'].includes(e.name)) continue;
    agg.set(e.name, (agg.get(e.name) ?? 0) + e.dur / 1000);
  }
  console.log('filter ms', f.ms.toFixed(2));
  await page.close();
}
for (const [k, v] of [...agg].sort((a, b) => b[1] - a[1])) console.log((v / runs).toFixed(2).padStart(7), k);
await browser.close(); process.exit(0);
