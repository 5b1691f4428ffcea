// @web/test-runner: every browser test in one real browser engine, ZK_ENGINE = chromium (default),
// firefox or webkit; `npm test` runs all three (scripts/engines.mjs has the launchers).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { axTreePlugin } from './scripts/wtr-ax-tree.mjs';
import { summaryReporter } from './scripts/wtr-summary-reporter.mjs';
import { testServersPlugin } from './scripts/wtr-test-servers.mjs';
import { guardMiddleware, loopbackPlugin } from './scripts/dev-server-guard.mjs';
import { keysPlugin } from './scripts/wtr-keys.mjs';
import { viewportPlugin } from './scripts/wtr-viewport.mjs';
import { wtrEngine } from './scripts/engines.mjs';
import { fhirExamplesPlugin } from './scripts/wtr-fhir-examples.mjs';

export { CHROME_ARGS } from './scripts/engines.mjs';

const engine = await wtrEngine();

export default {
  files: ['test/**/*.test.ts', '!test/node/**'],
  nodeResolve: { exportConditions: ['development'] },
  concurrency: engine.concurrency,
  browserStartTimeout: 60000,
  testsStartTimeout: 60000,
  testsFinishTimeout: engine.testsFinishTimeout,
  // zk-ax-tree: the accessibility tree a screen reader gets (the reflow tests check the table's roles).
  // Loopback only, no files outside the repository or dotfiles, no foreign Host (dev-server-guard.mjs).
  hostname: '127.0.0.1',
  middleware: [guardMiddleware()],
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }), testServersPlugin(), keysPlugin(), viewportPlugin(), axTreePlugin(), fhirExamplesPlugin(), loopbackPlugin()],
  browsers: engine.browsers,
  testFramework: { config: { timeout: 10000 } },
  reporters: [defaultReporter(), summaryReporter()],
};
