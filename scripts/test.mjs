// `npm test`: set up (dependencies, the three browser engines), then type check, lint, Node-side
// tests, and every browser test and end-to-end test in Chromium, Firefox and WebKit, one engine
// after another. Ends with the counts per engine and one line `N passed, N failed` over everything.
//   npm test                                   everything, all three engines
//   npm test -- test/model/x.test.ts           just those browser test files (no type check or lint)
//   npm test -- --engine firefox [files]       one engine only (--engine may be repeated)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDependencies, root } from './ensure-deps.mjs';
import { E2E_ENGINES, ENGINES, e2eFilesFor, ensureEngines, parseEngineArgs } from './engines.mjs';

const { engines, rest: files } = parseEngineArgs(process.argv.slice(2));
ensureDependencies();
const env = { ...process.env, ...ensureEngines(engines) };
const work = mkdtempSync(join(tmpdir(), 'zk-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
/** Counts and minutes of each engine's browser and end-to-end tests. */
const perEngine = Object.fromEntries(engines.map((e) => [e, { passed: 0, failed: 0, skipped: 0, ms: 0 }]));
let counting = totals;

/** Adds counts to the totals and, while an engine runs, to that engine's line. */
function add(key, n) {
  totals[key] += n;
  if (counting !== totals) counting[key] += n;
}

function run(label, command, args, extraEnv = {}) {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...env, ...extraEnv } });
  return result.status === 0;
}

function step(label, command, args) {
  if (run(label, command, args)) add('passed', 1);
  else {
    add('failed', 1);
    failures.push(label);
  }
}

const bin = (name) => join(root, 'node_modules', '.bin', name);

/** .test.mjs files in a folder. */
function testFiles(dir) {
  return existsSync(join(root, dir)) ? readdirSync(join(root, dir)).filter((f) => f.endsWith('.test.mjs')).map((f) => join(dir, f)) : [];
}

let nodeRuns = 0;

/** One `node --test` run, one file at a time; its counts are added to the totals. */
function nodeRun(label, nodeTests, extraEnv = {}) {
  if (nodeTests.length === 0) return;
  const tap = join(work, `node-${(nodeRuns += 1)}.tap`);
  const ok = run(label, process.execPath, [
    '--test', '--test-concurrency=1',
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=tap', `--test-reporter-destination=${tap}`,
    ...nodeTests,
  ], extraEnv);
  const text = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  const num = (key) => Number(new RegExp(`^# ${key} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
  add('passed', num('pass'));
  add('failed', num('fail') + num('cancelled'));
  add('skipped', num('skipped') + num('todo'));
  if (!ok) {
    failures.push(label);
    if (num('fail') + num('cancelled') === 0) add('failed', 1);
  }
}

if (files.length === 0) {
  step('type check (tsc --noEmit)', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
  step('lint (eslint)', bin('eslint'), ['.', '--max-warnings=0']);

  // test/consumers: the packed package installed and built by Vite, webpack and esbuild (issue 15).
  nodeRun('Node-side tests and consumer builds (node --test)', [...testFiles('test/node'), ...testFiles('test/consumers')]);
}

let browserRuns = 0;

/** One web-test-runner run; its counts are added to the totals. */
function browserRun(label, wtrArgs, extraEnv = {}) {
  const results = join(work, `wtr-${(browserRuns += 1)}.json`);
  const ok = run(label, bin('web-test-runner'), ['--config', 'web-test-runner.config.mjs', ...wtrArgs], { ...extraEnv, ZK_WTR_RESULTS: results });
  if (existsSync(results)) {
    const r = JSON.parse(readFileSync(results, 'utf8'));
    add('passed', r.passed);
    add('failed', r.failed + r.fileErrors);
    add('skipped', r.skipped);
  }
  if (!ok) {
    failures.push(label);
    if (!existsSync(results)) add('failed', 1);
  }
}

const NAMES = { chromium: 'Chromium', firefox: 'Firefox', webkit: 'WebKit' };

for (const engine of engines) {
  counting = perEngine[engine];
  const started = Date.now();
  const engineEnv = { ZK_ENGINE: engine };
  browserRun(`browser tests in ${NAMES[engine]} (web-test-runner)`, files.length ? ['--files', ...files] : [], engineEnv);

  if (files.length === 0) {
    // Calendar dates must never shift with the browser's zone: run the model tests again west and
    // east of Greenwich (UTC hides a getUTC*/getDate mix-up).
    for (const tz of ['America/Los_Angeles', 'Pacific/Kiritimati']) {
      browserRun(`model tests in ${NAMES[engine]}, ${tz}`, ['--files', 'test/model/*.test.ts'], { ...engineEnv, TZ: tz });
    }
    if (E2E_ENGINES.includes(engine)) {
      const { run: e2e, left } = e2eFilesFor(engine, testFiles('test/e2e'));
      nodeRun(`end-to-end tests in ${NAMES[engine]} (node --test)`, e2e, engineEnv);
      for (const { file, reason } of left) console.log(`\n▶ ${file} in ${NAMES[engine]}: not run: ${reason}`);
    }
  }
  perEngine[engine].ms = Date.now() - started;
  counting = totals;
}

const minutes = (ms) => `${Math.floor(ms / 60000)} m ${String(Math.round((ms % 60000) / 1000)).padStart(2, '0')} s`;
if (failures.length) console.log(`\nFailed: ${failures.join('; ')}`);
console.log('');
for (const engine of engines) {
  const c = perEngine[engine];
  console.log(`${NAMES[engine].padEnd(8)} ${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ''} (${minutes(c.ms)})`);
}
if (engines.length < ENGINES.length) console.log(`(engines left out: ${ENGINES.filter((e) => !engines.includes(e)).join(', ')})`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(failures.length || totals.failed ? 1 : 0);
