// A web-test-runner plugin that gives browser tests the public FHIR examples in
// `<repo>/../shared/fhir-examples/` (beside the clone, read-only, here and in CI), which a browser
// cannot list and the dev server does not serve:
//   GET /__zk/fhir-examples/index.json   → { folder, files: ['ig-ips/bundle-minimal.json', …] }
//                                          (404 with the reason when the folder is missing)
//   GET /__zk/fhir-examples/file/<path>  → that file's JSON (only names from the listing)
//   GET /__zk/fhir-examples/server.json  → { fhirUrl, resetUrl } of a FHIR test server of its own,
//                                          started on first use on 127.0.0.1 (port 0), which the
//                                          example tests re-seed per file (POST resetUrl with the file)
//                                          without touching the server other tests share.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const PREFIX = '/__zk/fhir-examples/';

/** Every `*.json` file under `folder`, as `/`-separated paths relative to it, sorted. */
export function listExamples(folder) {
  const out = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.json')) out.push(relative(folder, full).split(sep).join('/'));
    }
  };
  walk(folder);
  return out;
}

export function fhirExamplesPlugin({ root = process.cwd() } = {}) {
  const folder = join(root, '..', 'shared', 'fhir-examples');
  let listing;
  let server;
  const files = () => {
    listing ??= existsSync(folder) ? listExamples(folder) : [];
    return listing;
  };

  return {
    name: 'zk-fhir-examples',
    async serve(context) {
      if (!context.path.startsWith(PREFIX)) return undefined;
      const rest = decodeURIComponent(context.path.slice(PREFIX.length));
      if (rest === 'index.json') {
        if (!existsSync(folder)) {
          context.status = 404;
          return { body: JSON.stringify({ error: `no FHIR examples at ${folder} (shared/ must sit beside the clone)` }), type: 'application/json' };
        }
        return { body: JSON.stringify({ folder: 'shared/fhir-examples', files: files() }), type: 'application/json' };
      }
      if (rest.startsWith('file/')) {
        const path = rest.slice('file/'.length);
        // Only names from the listing: no path outside the folder can be asked for.
        if (!files().includes(path)) return undefined;
        return { body: readFileSync(join(folder, ...path.split('/')), 'utf8'), type: 'application/json' };
      }
      if (rest === 'server.json') {
        server ??= import('../test/servers/fhir-server.mjs').then(({ startFhirServer }) => startFhirServer({ seed: { resourceType: 'Bundle', type: 'collection', entry: [] } }));
        const { url, origin } = await server;
        return { body: JSON.stringify({ fhirUrl: url, resetUrl: `${origin}/__reset` }), type: 'application/json' };
      }
      return undefined;
    },
    async serverStop() {
      if (server) await (await server).close();
    },
  };
}
