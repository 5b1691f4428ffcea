// `node bench/profile.mjs [--rows=10] [--runs=20] [--subject=list|banner|floor|floorBanner] [--top=25]`
// Where the script time of a first render goes: builds the render bench's page unminified (so
// functions keep their names), mounts it R times in headless Chromium with the V8 sampling
// profiler on (Chrome DevTools protocol: Profiler.start / Profiler.stop around bench.mount()),
// and prints the samples summed over the runs: self time per source file (esbuild writes a
// `// src/…` comment before each module) and per function. Sample counts, not wall-clock times,
// are what to compare on a loaded machine. A tool for finding costs, not a budget.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, pageHtml, root, serveStatic, tempDir, textTable } from './lib.mjs';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
const rows = Number(args.rows ?? 10);
const runs = Number(args.runs ?? 20);
const top = Number(args.top ?? 25);
const subject = args.subject ?? 'list';
const entry = { list: 'list-page.ts', banner: 'banner-page.ts', floor: 'floor-page.ts', floorBanner: 'floor-banner-page.ts' }[subject];
if (!entry) throw new Error(`unknown subject ${subject}`);

const tmp = tempDir('profile-build');
const esbuild = await import('esbuild');
await esbuild.build({
  entryPoints: { page: join(root, 'bench', 'pages', entry) },
  outdir: tmp.dir,
  bundle: true,
  format: 'esm',
  target: 'es2022',
  platform: 'browser',
  conditions: ['production'],
  tsconfig: join(root, 'bench', 'tsconfig.json'),
  minify: false,
  logLevel: 'silent',
});
// Line → source module, from esbuild's `// path` comments in an unminified bundle.
const lines = readFileSync(join(tmp.dir, 'page.js'), 'utf8').split('\n');
const moduleAt = [];
let current = '(bundle)';
for (let i = 0; i < lines.length; i++) {
  const m = /^\/\/ ((?:src|bench|node_modules)\/\S+)$/.exec(lines[i]);
  if (m) current = m[1].replace(/^node_modules\//, '');
  moduleAt[i] = current;
}

const server = await serveStatic(tmp.dir, { '/p.html': pageHtml('/page.js') });
const chromium = await launchChromium();
const self = new Map(); // key → samples
const inclusive = new Map(); // key → samples with the function anywhere on the stack
const byFile = new Map();
let total = 0;
const mountMs = [];
try {
  for (let i = 0; i < runs + 1; i++) {
    const page = await chromium.browser.newPage();
    await page.goto(`${server.url}/p.html`, { waitUntil: 'load' });
    await page.waitForFunction(() => window.bench?.ready === true);
    await page.evaluate((n) => window.bench.prepare(n), rows);
    const cdp = await page.createCDPSession();
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    const finished = new Promise((resolve) => cdp.once('Profiler.consoleProfileFinished', (e) => resolve(e.profile)));
    // console.profile() just before the insert, console.profileEnd() at the first paint with rows
    // (the harness calls benchHooks.firstRows there): the profile holds exactly that stretch.
    const mount = await page.evaluate(() => {
      window.benchHooks = { firstRows: () => console.profileEnd('mount') };
      console.profile('mount');
      return window.bench.mount();
    });
    const profile = await finished;
    await page.close();
    if (i === 0) continue; // warm-up (first compile of the bundle in this browser)
    mountMs.push(mount.firstRowsMs);
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const keyOf = (cf) => {
      const file = cf.url.endsWith('/page.js') ? moduleAt[cf.lineNumber] ?? '(bundle)' : cf.url ? 'puppeteer/other' : cf.functionName;
      return `${cf.functionName || '(anonymous)'}  ${file}${cf.url ? `:${cf.lineNumber + 1}` : ''}`;
    };
    for (let s = 0; s < profile.samples.length; s++) {
      const node = nodes.get(profile.samples[s]);
      const cf = node.callFrame;
      if (cf.functionName === '(idle)') continue;
      const file = cf.url.endsWith('/page.js') ? moduleAt[cf.lineNumber] ?? '(bundle)' : cf.url ? 'puppeteer/other' : cf.functionName;
      const key = `${cf.functionName || '(anonymous)'}  ${file}${cf.url ? `:${cf.lineNumber + 1}` : ''}`;
      self.set(key, (self.get(key) ?? 0) + 1);
      const onStack = new Set();
      for (let id = node.id; id !== undefined; id = parent.get(id)) onStack.add(keyOf(nodes.get(id).callFrame));
      for (const k of onStack) inclusive.set(k, (inclusive.get(k) ?? 0) + 1);
      byFile.set(file, (byFile.get(file) ?? 0) + 1);
      total++;
    }
  }
} finally {
  await chromium.close();
  await server.close();
  tmp.remove();
}
const pct = (n) => `${((100 * n) / total).toFixed(1)}%`;
const sorted = (m) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
mountMs.sort((a, b) => a - b);
console.log(`${subject}, ${rows} rows: ${runs} runs, ${total} samples (100 µs) from insert to first paint with rows; median first paint ${mountMs[mountMs.length >> 1].toFixed(1)} ms`);
console.log('\nSelf samples by source file');
console.log(textTable(['file', 'samples', 'share'], sorted(byFile).map(([k, v]) => [k, String(v), pct(v)]), ['l', 'r', 'r']));
console.log('\nInclusive samples by function (zorgkit and Lit code on the stack)');
console.log(textTable(['function  file:line', 'samples', 'share'], sorted(new Map([...inclusive].filter(([k]) => / {2}(src|lit|@lit)/.test(k)))).map(([k, v]) => [k, String(v), pct(v)]), ['l', 'r', 'r']));
console.log('\nSelf samples by function (top entries)');
console.log(textTable(['function  file:line', 'samples', 'share'], sorted(self).map(([k, v]) => [k, String(v), pct(v)]), ['l', 'r', 'r']));
