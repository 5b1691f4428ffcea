import { join } from 'node:path';
import { launchChromium, pageHtml, root, serveStatic, tempDir, buildPages } from '../bench/lib.mjs';
const n = Number(process.argv[2] ?? 1000);
const tmp = tempDir('marks');
await buildPages({ list: join(root, 'bench/pages/list-page.ts') }, tmp.dir);
const server = await serveStatic(tmp.dir, { '/list.html': pageHtml('/list.js') });
const chromium = await launchChromium(); const browser = chromium.browser ?? chromium;
for (let run = 0; run < 6; run++) {
  const page = await browser.newPage();
  await page.goto(`${server.url}/list.html`, { waitUntil: 'load' });
  await page.waitForFunction(() => window.bench?.ready === true);
  await page.evaluate((c) => window.bench.prepare(c), n);
  const m = await page.evaluate(async () => { performance.clearMarks(); const r = await window.bench.mount(); return { r, marks: performance.getEntriesByType('mark').map((e) => [e.name, e.startTime]) }; });
  const t0 = m.r.start;
  console.log(`first ${m.r.firstRowsMs.toFixed(0)} | ` + m.marks.filter(([k]) => k.startsWith('zk:')).map(([k, t]) => `${k.slice(3)} ${(t - t0).toFixed(0)}`).join(', '));
  await page.close();
}
await browser.close(); process.exit(0);
