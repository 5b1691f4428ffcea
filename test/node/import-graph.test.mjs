// The house rule "no import cycles" (issue 16/17): every module of src/ and the modules it
// imports — static, type-only, re-exports and dynamic import() alike — form a graph without a
// cycle. A type-only import counts: it still ties the two files to each other for a reader.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { root } from '../../scripts/ensure-deps.mjs';

function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? sourceFiles(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : []));
}

/** Relative module specifiers of a file: import/export … from, and import('…'). */
function specifiers(file) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const out = [];
  const visit = (node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) out.push(node.moduleSpecifier.text);
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) out.push(node.arguments[0].text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out.filter((s) => s.startsWith('.')).map((s) => resolve(dirname(file), s.replace(/\.js$/, '.ts')));
}

/** The cycles of the src/ import graph, each as a list of paths relative to the repository. */
export function importCycles(files) {
  const graph = new Map(files.map((f) => [f, specifiers(f).filter((t) => files.includes(t))]));
  const cycles = [];
  const state = new Map();
  const stack = [];
  const walk = (file) => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next].map((f) => relative(root, f)));
      else if (!state.has(next)) walk(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of files) if (!state.has(file)) walk(file);
  return cycles;
}

describe('the src/ import graph', () => {
  it('has no cycle (static, type-only and dynamic imports all count)', () => {
    assert.deepEqual(importCycles(sourceFiles(join(root, 'src'))), []);
  });

  it('the check finds a cycle made of a dynamic import one way and a type import back (smart.ts ↔ smart-session.ts before)', () => {
    const a = join(root, 'src/adapters/smart.ts');
    const b = join(root, 'src/adapters/smart-session.ts');
    // smart.ts loads smart-session.ts with import(); today's smart-session.ts must not point back.
    assert.ok(specifiers(a).includes(b), 'smart.ts imports smart-session.ts');
    assert.ok(!specifiers(b).includes(a), 'smart-session.ts does not import smart.ts');
  });
});
