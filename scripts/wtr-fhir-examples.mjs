// A web-test-runner plugin that serves the public FHIR example files beside the repository
// (`<repo>/../shared/fhir-examples`, see its README) to browser tests, read-only:
//   GET /__zk/fhir-examples/index.json      → the relative paths of every .json file, sorted
//   GET /__zk/fhir-examples/<relative path> → that file, as application/json
// Any path that leaves the folder (`..`, an absolute path, a symbolic link pointing out) is refused.
import { readFile, readdir, realpath } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PREFIX = '/__zk/fhir-examples/';
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'fhir-examples');

async function listJson(dir, base = '') {
  const entries = await readdir(dir, { withFileTypes: true });
  const out = [];
  for (const entry of entries) {
    const rel = base ? `${base}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listJson(path.join(dir, entry.name), rel)));
    else if (entry.isFile() && entry.name.endsWith('.json')) out.push(rel);
  }
  return out.sort();
}

/** The absolute path of `relative` inside the examples folder, or undefined when it is outside (or missing). */
async function resolveInside(root, relative) {
  if (relative.includes('\0') || relative.includes('\\') || path.isAbsolute(relative)) return undefined;
  const candidate = path.resolve(root, relative);
  if (!candidate.startsWith(root + path.sep)) return undefined;
  try {
    const real = await realpath(candidate);
    const realRoot = await realpath(root);
    return real.startsWith(realRoot + path.sep) ? real : undefined;
  } catch {
    return undefined;
  }
}

/** @param {{ root?: string }} [options] `root` defaults to `<repo>/../shared/fhir-examples`. */
export function fhirExamplesPlugin(options = {}) {
  const root = path.resolve(options.root ?? ROOT);
  return {
    name: 'zk-fhir-examples',
    async serve(context) {
      if (!context.path.startsWith(PREFIX)) return undefined;
      if (context.method && context.method !== 'GET' && context.method !== 'HEAD') return { status: 405, body: 'read-only' };
      let relative;
      try {
        relative = decodeURIComponent(context.path.slice(PREFIX.length));
      } catch {
        return { status: 400, body: 'bad path' };
      }
      if (relative === 'index.json') {
        return { body: JSON.stringify(await listJson(root)), type: 'application/json' };
      }
      const file = await resolveInside(root, relative);
      if (!file) return { status: 404, body: 'not found' };
      return { body: await readFile(file, 'utf8'), type: 'application/json' };
    },
  };
}
