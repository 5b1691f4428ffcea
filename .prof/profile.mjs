import { join } from 'node:path';
import { buildPages, launchChromium, pageHtml, root, serveStatic, tempDir } from '../bench/lib.mjs';
const n = Number(process.argv[2] ?? 1000);
const tmp = tempDir('prof');
const esbuild = await import('esbuild');
await esbuild.build({ entryPoints: { list: join(root, 'bench/pages/list-page.ts') }, outdir: tmp.dir, bundle: true, format: 'esm', splitting: true, target: 'es2022', platform: 'browser', conditions: ['production'], tsconfig: join(root, 'bench', 'tsconfig.json'), minify: false, logLevel: 'silent' });
const server = await serveStatic(tmp.dir, { '/list.html': pageHtml('/list.js') });
const chromium = await launchChromium();
const browser = chromium.browser ?? chromium;
const agg = new Map(); let total = 0; const firsts = [];
for (let run = 0; run < 5; run++) {
  const page = await browser.newPage();
  await page.goto(`${server.url ?? server.origin}/list.html`, { waitUntil: 'load' });
  await page.waitForFunction(() => window.bench?.ready === true);
  const cdp = await page.createCDPSession();
  await page.evaluate((c) => window.bench.prepare(c), n);
  const mode = process.argv[3] ?? 'mount';
  if (mode === 'filter') { await page.evaluate(() => window.bench.mount()); await page.evaluate(() => window.bench.armFilter()); }
  await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 50 }); await cdp.send('Profiler.start');
  if (mode === 'filter') { await page.keyboard.type('z'); const f = await page.evaluate(() => window.bench.filtered()); firsts.push(f.ms); }
  else { const m = await page.evaluate(() => window.bench.mount()); firsts.push(m.firstRowsMs); }
  const { profile } = await cdp.send('Profiler.stop');
  const byId = new Map(profile.nodes.map((x) => [x.id, x]));
  const dt = profile.timeDeltas; const counts = new Map();
  profile.samples.forEach((id, i) => counts.set(id, (counts.get(id) ?? 0) + (dt[i] ?? 0)));
  const parent = new Map(); for (const nd of profile.nodes) for (const c of nd.children ?? []) parent.set(c, nd.id);
  for (const [id, us] of counts) { total += us; const seen = new Set(); for (let cur = id; cur !== undefined; cur = parent.get(cur)) { const f = byId.get(cur).callFrame; const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`; if (seen.has(key)) continue; seen.add(key); agg.set(key, (agg.get(key) ?? 0) + us); } }
  await page.close();
}
console.log('first paint ms', firsts.map((x) => x.toFixed(0)).join(' '));
console.log('total sampled ms/run', (total / 5000).toFixed(1));
for (const [k, v] of [...agg].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log((v / 5000).toFixed(1).padStart(7), k);
await browser.close(); server.close?.(); await server.stop?.();
process.exit(0);
