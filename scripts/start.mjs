// `npm start`: set up (dependencies, the custom-elements manifest and the docs pages), then serve the
// demo on embedded sample data at http://localhost:8000, on loopback only.
//   PORT=8001                                  another port
//   HOST=0.0.0.0                               listen beyond this machine (on purpose only)
//   FRAME_ANCESTORS="'self' https://ehr.example.org"   who may show the demo in a frame (default 'self')
//   ZK_DEMO_SMART_ISS=https://…/fhir           the FHIR server of the demo's "SMART launch" button
//   ZK_DEMO_FHIR_URL=https://…/fhir            the demo's "local FHIR server" (no token)
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ensureDependencies, root } from './ensure-deps.mjs';

ensureDependencies();

const analyze = spawnSync(join(root, 'node_modules/.bin/cem'), [
  'analyze', '--litelement', '--globs', 'src/components/**/*.component.ts', '--outdir', '.',
], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
if (analyze.status !== 0) console.warn('zorgkit: could not build custom-elements.json; the docs\' API tables will be empty.');

const { buildDocs } = await import('./build-docs.mjs');
buildDocs();

const { serve } = await import('./serve.mjs');
const port = Number(process.env.PORT || 8000);
await serve({
  port,
  frameAncestors: process.env.FRAME_ANCESTORS || "'self'",
  demoSettings: {
    ...(process.env.ZK_DEMO_SMART_ISS ? { smartIss: process.env.ZK_DEMO_SMART_ISS } : {}),
    ...(process.env.ZK_DEMO_FHIR_URL ? { fhirUrl: process.env.ZK_DEMO_FHIR_URL } : {}),
  },
});
console.log(`\nzorgkit demo: http://localhost:${port}/demo/`);
console.log(`zorgkit docs: http://localhost:${port}/docs/`);
console.log('Press Ctrl+C to stop.');
