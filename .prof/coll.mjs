import { launchChromium } from '../bench/lib.mjs';
const c = await launchChromium(); const browser = c.browser ?? c;
for (const variant of ["new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' })", "new Intl.Collator('en-GB')", "new Intl.Collator('nl-NL', { numeric: true, sensitivity: 'base' })", "new Intl.Collator(undefined)"]) {
  const page = await browser.newPage();
  await page.goto('about:blank');
  const ms = await page.evaluate((v) => { const t = performance.now(); const x = eval(v); x.compare('a', 'b'); const t2 = performance.now(); const y = eval(v); y.compare('a','b'); return [t2 - t, performance.now() - t2]; }, variant);
  console.log(variant, ms.map((m) => m.toFixed(2)).join(' then '));
  await page.close();
}
await browser.close(); process.exit(0);
