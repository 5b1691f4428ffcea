// `npm test`: set up (dependencies, Chromium), then type check, lint, Node-side tests and every
// browser test in headless Chromium. Ends with one line `N passed, N failed`.
//   npm test                       everything
//   npm test -- test/model/x.test.ts   just those browser test files (no type check or lint)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDependencies, root } from './ensure-deps.mjs';
import { findChrome } from './find-chrome.mjs';

ensureDependencies();
const chrome = findChrome();
const env = { ...process.env, CHROME_PATH: chrome };
const work = mkdtempSync(join(tmpdir(), 'zk-test-'));
const files = process.argv.slice(2);
const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

function run(label, command, args, extraEnv = {}) {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...env, ...extraEnv } });
  return result.status === 0;
}

function step(label, command, args) {
  if (run(label, command, args)) totals.passed += 1;
  else {
    totals.failed += 1;
    failures.push(label);
  }
}

const bin = (name) => join(root, 'node_modules', '.bin', name);

if (files.length === 0) {
  step('type check (tsc --noEmit)', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
  step('lint (eslint)', bin('eslint'), ['.', '--max-warnings=0']);

  // test/consumers: the packed package installed and built by Vite, webpack and esbuild (issue 15).
  const nodeTests = ['test/node', 'test/e2e', 'test/consumers'].flatMap((dir) => (existsSync(join(root, dir))
    ? readdirSync(join(root, dir)).filter((f) => f.endsWith('.test.mjs')).map((f) => join(dir, f))
    : []));
  if (nodeTests.length > 0) {
    const tap = join(work, 'node.tap');
    const ok = run('Node-side and end-to-end tests (node --test)', process.execPath, [
      '--test', '--test-concurrency=1',
      '--test-reporter=spec', '--test-reporter-destination=stdout',
      '--test-reporter=tap', `--test-reporter-destination=${tap}`,
      ...nodeTests,
    ]);
    const text = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
    const num = (key) => Number(new RegExp(`^# ${key} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
    totals.passed += num('pass');
    totals.failed += num('fail') + num('cancelled');
    totals.skipped += num('skipped') + num('todo');
    if (!ok) {
      failures.push('Node-side tests');
      if (num('fail') + num('cancelled') === 0) totals.failed += 1;
    }
  }
}

let browserRuns = 0;

/** One web-test-runner run; its counts are added to the totals. */
function browserRun(label, wtrArgs, extraEnv = {}) {
  const results = join(work, `wtr-${(browserRuns += 1)}.json`);
  const ok = run(label, bin('web-test-runner'), ['--config', 'web-test-runner.config.mjs', ...wtrArgs], { ...extraEnv, ZK_WTR_RESULTS: results });
  if (existsSync(results)) {
    const r = JSON.parse(readFileSync(results, 'utf8'));
    totals.passed += r.passed;
    totals.failed += r.failed + r.fileErrors;
    totals.skipped += r.skipped;
  }
  if (!ok) {
    failures.push(label);
    if (!existsSync(results)) totals.failed += 1;
  }
}

browserRun('browser tests (web-test-runner, headless Chromium)', files.length ? ['--files', ...files] : []);

// Calendar dates must never shift with the browser's zone: run the model tests again west and
// east of Greenwich (UTC hides a getUTC*/getDate mix-up).
if (files.length === 0) {
  for (const tz of ['America/Los_Angeles', 'Pacific/Kiritimati']) {
    browserRun(`model tests in ${tz}`, ['--files', 'test/model/*.test.ts'], { TZ: tz });
  }
}

if (failures.length) console.log(`\nFailed: ${failures.join('; ')}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(failures.length || totals.failed ? 1 : 0);
