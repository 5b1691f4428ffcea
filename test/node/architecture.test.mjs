// The house's layers (DESIGN.md), checked on the import graph of src/: the FHIR types are a leaf,
// the model depends on nothing but them, components never reach an adapter (nor adapters a component),
// and no module imports itself back through others (static, type-only, re-exported and dynamic
// imports all count: a type-only import still ties two files together for a reader).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { root } from '../../scripts/ensure-deps.mjs';

const SRC = join(root, 'src');

function sourceFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every module a file imports or re-exports (static and dynamic), as paths relative to src/ or package names. */
function importsOf(file) {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return importedFiles.map(({ fileName }) => (fileName.startsWith('.')
    ? relative(SRC, resolve(dirname(file), fileName)).replace(/\.js$/, '.ts')
    : fileName));
}

const graph = new Map(sourceFiles(SRC).map((file) => [relative(SRC, file), importsOf(file)]));
const layer = (path) => path.split('/')[0];

/** The imports of `fromLayer` that `allowed` rejects, as "file → import" lines. */
function violations(fromLayer, allowed) {
  return [...graph].filter(([file]) => layer(file) === fromLayer)
    .flatMap(([file, deps]) => deps.filter((dep) => !allowed(dep)).map((dep) => `${file} → ${dep}`));
}

describe('architecture: the layers of src/', () => {
  it('finds the layers it checks (so an empty graph cannot pass)', () => {
    for (const name of ['fhir', 'model', 'core', 'adapters', 'components']) {
      assert.ok([...graph.keys()].some((file) => layer(file) === name), `no files in src/${name}`);
    }
  });

  it('the FHIR types and code systems are a leaf: src/fhir imports nothing', () => {
    assert.deepEqual(violations('fhir', (dep) => layer(dep) === 'fhir'), []);
  });

  it('the model depends only on itself and the FHIR types (no core, no Lit, no DOM libraries)', () => {
    assert.deepEqual(violations('model', (dep) => ['model', 'fhir'].includes(layer(dep))), []);
  });

  it('components never import an adapter; adapters and the core never import a component', () => {
    assert.deepEqual(violations('components', (dep) => layer(dep) !== 'adapters'), []);
    assert.deepEqual(violations('adapters', (dep) => layer(dep) !== 'components'), []);
    assert.deepEqual(violations('core', (dep) => !['components', 'adapters'].includes(layer(dep))), []);
  });
  it('no import cycles', () => {
    const cycles = [];
    const state = new Map();
    const stack = [];
    const visit = (file) => {
      state.set(file, 'open');
      stack.push(file);
      for (const dep of graph.get(file) ?? []) {
        if (!graph.has(dep)) continue;
        if (state.get(dep) === 'open') cycles.push([...stack.slice(stack.indexOf(dep)), dep].join(' → '));
        else if (!state.has(dep)) visit(dep);
      }
      stack.pop();
      state.set(file, 'done');
    };
    for (const file of graph.keys()) if (!state.has(file)) visit(file);
    assert.deepEqual(cycles, []);
  });

  it('the cycle check sees type-only and dynamic imports: smart.ts loads smart-session.ts, which does not import it back', () => {
    assert.ok(graph.get('adapters/smart.ts').includes('adapters/smart-session.ts'));
    assert.ok(!graph.get('adapters/smart-session.ts').includes('adapters/smart.ts'));
  });
});
