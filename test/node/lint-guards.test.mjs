// Lint guards (issue 9): the project's own ESLint config must report every way of turning data
// into markup or code, and every use of localStorage without an explicit opt-in, anywhere in src/;
// and the real src/ must have none. Snippets are linted in memory at a `src/…` path (nothing is
// written to src/). A second, independent check walks the TypeScript syntax tree of every file in
// src/, so that a gap in the ESLint config cannot hide a use.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { root } from '../../scripts/ensure-deps.mjs';

/** Where the snippets pretend to live: one file per layer of src/. */
const PATHS = ['src/components/x/bad.ts', 'src/model/bad.ts', 'src/core/bad.ts', 'src/adapters/bad.ts'];
/** The rules that guard against markup, code from strings, and storage. */
const GUARD_RULES = new Set(['no-restricted-syntax', 'no-restricted-imports', 'no-eval', 'no-implied-eval', '@typescript-eslint/no-implied-eval', 'no-new-func']);
/** The names that must not occur in src/ (the syntax-tree check). */
const BANNED = ['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'unsafeHTML', 'unsafeSVG', 'unsafeCSS', 'eval', 'localStorage', 'setHTMLUnsafe', 'createContextualFragment'];
/** A localStorage use is allowed only after this directive, with its reason. */
const OPT_IN = /eslint-disable-next-line no-restricted-syntax -- opt-in: \S/;

let eslint;

before(() => {
  // The snippets are not files on disk: let the type-aware parser treat them as loose files.
  eslint = new ESLint({
    cwd: root,
    overrideConfig: [{ files: PATHS, languageOptions: { parserOptions: { projectService: { allowDefaultProject: PATHS } } } }],
  });
});

after(() => {
  eslint = undefined;
});

/** The guard rules that report something in `code`, linted as if it were `filePath` in src/. */
async function guardReports(code, filePath = PATHS[0]) {
  const [result] = await eslint.lintText(code, { filePath });
  const fatal = result.messages.filter((m) => m.fatal);
  assert.deepEqual(fatal.map((m) => m.message), [], `the snippet did not parse: ${code}`);
  return result.messages.filter((m) => GUARD_RULES.has(m.ruleId)).map((m) => m.ruleId);
}

/** Asserts that every snippet is reported by a guard rule; lists the ones that are not. */
async function expectReported(snippets, filePath) {
  const missed = [];
  for (const code of snippets) {
    if ((await guardReports(code, filePath)).length === 0) missed.push(code.trim());
  }
  assert.deepEqual(missed, [], `not reported by the lint config (${filePath ?? PATHS[0]}):\n  ${missed.join('\n  ')}`);
}

describe('lint guards: the ESLint config reports every banned construct in src/', () => {
  it('a harmless snippet reports nothing (so each test below fails for its own reason)', async () => {
    assert.deepEqual(await guardReports("import { html } from 'lit';\nexport const row = (name: string) => html`<td>${name}</td>`;\n"), []);
  });

  it('innerHTML: assigning, reading and appending markup', async () => {
    await expectReported([
      'export const f = (el: HTMLElement, s: string) => { el.innerHTML = s; };\n',
      'export const f = (el: HTMLElement, s: string) => { el.innerHTML += s; };\n',
      'export const f = (el: HTMLElement) => el.innerHTML;\n',
      'export const f = (el: ShadowRoot, s: string) => { el.innerHTML = s; };\n',
    ]);
  });

  it('innerHTML under another spelling: a computed name, an object key, Reflect.set', async () => {
    await expectReported([
      "export const f = (el: HTMLElement, s: string) => { el['innerHTML'] = s; };\n",
      'export const f = (el: HTMLElement, s: string) => { el[`innerHTML`] = s; };\n',
      'export const f = (el: HTMLElement, s: string) => { Object.assign(el, { innerHTML: s }); };\n',
      "export const f = (el: HTMLElement, s: string) => { Reflect.set(el, 'innerHTML', s); };\n",
    ]);
  });

  it('other markup sinks: outerHTML, insertAdjacentHTML', async () => {
    await expectReported([
      'export const f = (el: HTMLElement, s: string) => { el.outerHTML = s; };\n',
      "export const f = (el: HTMLElement, s: string) => { el.insertAdjacentHTML('beforeend', s); };\n",
    ]);
  });

  it('unsafeHTML: importing the directive, under any name, and using it', async () => {
    await expectReported([
      "import { unsafeHTML } from 'lit/directives/unsafe-html.js';\nexport const f = (s: string) => unsafeHTML(s);\n",
      "import { unsafeHTML as u } from 'lit/directives/unsafe-html.js';\nexport const f = (s: string) => u(s);\n",
      "import * as d from 'lit/directives/unsafe-html.js';\nexport const f = d;\n",
      "import { unsafeHTML } from 'lit-html/directives/unsafe-html.js';\nexport const f = unsafeHTML;\n",
      "export const f = async (s: string) => (await import('lit/directives/unsafe-html.js')).unsafeHTML(s);\n",
    ]);
  });

  it('unsafeSVG: importing and using the directive', async () => {
    await expectReported([
      "import { unsafeSVG } from 'lit/directives/unsafe-svg.js';\nexport const f = (s: string) => unsafeSVG(s);\n",
      "import * as d from 'lit/directives/unsafe-svg.js';\nexport const f = d;\n",
    ]);
  });

  it('unsafeCSS: turning a string into a stylesheet', async () => {
    await expectReported([
      "import { css, unsafeCSS } from 'lit';\nexport const f = (s: string) => css`:host { color: ${unsafeCSS(s)}; }`;\n",
      "import { unsafeCSS as u } from 'lit';\nexport const f = (s: string) => u(s);\n",
    ]);
  });

  it('eval: direct, through window or globalThis, and indirect', async () => {
    await expectReported([
      'export const f = (s: string): unknown => eval(s);\n',
      'export const f = (s: string): unknown => window.eval(s);\n',
      'export const f = (s: string): unknown => globalThis.eval(s);\n',
      'export const f = (s: string): unknown => (0, eval)(s);\n',
    ]);
  });

  it('new Function and other code from strings (Function(), setTimeout with a string)', async () => {
    await expectReported([
      "export const f = (s: string) => new Function('a', s);\n",
      'export const f = (s: string) => Function(s);\n',
      'export const f = (s: string) => setTimeout(s, 10);\n',
      'export const f = (s: string) => setInterval(s, 10);\n',
    ]);
  });

  it('localStorage: bare, through window or globalThis, and destructured', async () => {
    await expectReported([
      "export const f = () => localStorage.getItem('token');\n",
      "export const f = (v: string) => window.localStorage.setItem('token', v);\n",
      "export const f = () => globalThis.localStorage.getItem('token');\n",
      'export const f = () => { const { localStorage: store } = window; return store; };\n',
    ]);
  });

  it('localStorage under another spelling: a computed name', async () => {
    await expectReported([
      "export const f = () => window['localStorage'].getItem('token');\n",
      "export const f = () => Reflect.get(window, 'localStorage') as Storage;\n",
    ]);
  });

  it('localStorage with an explicit opt-in (a disable directive that gives the reason) is allowed', async () => {
    const code = "export const f = () =>\n  // eslint-disable-next-line no-restricted-syntax -- opt-in: the host asked to remember the language\n  localStorage.getItem('zk.locale');\n";
    assert.deepEqual(await guardReports(code), []);
  });

  it('the guards hold in every layer of src/ (components, model, core, adapters)', async () => {
    for (const path of PATHS) {
      await expectReported([
        'export const f = (el: HTMLElement, s: string) => { el.innerHTML = s; };\n',
        'export const f = (s: string): unknown => eval(s);\n',
        "export const f = () => localStorage.getItem('token');\n",
        "import { unsafeHTML } from 'lit/directives/unsafe-html.js';\nexport const f = unsafeHTML;\n",
      ], path);
    }
  });
});

/** Every TypeScript file under src/. */
function sourceFiles(dir = join(root, 'src')) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

describe('lint guards: the real src/ has none', () => {
  it('ESLint (the project config, guard rules only) reports nothing in src/', async () => {
    const linter = new ESLint({ cwd: root, ruleFilter: ({ ruleId }) => GUARD_RULES.has(ruleId) });
    const results = await linter.lintFiles(['src/**/*.ts']);
    const found = results.flatMap((r) => r.messages.filter((m) => GUARD_RULES.has(m.ruleId) || m.fatal)
      .map((m) => `${relative(root, r.filePath)}:${m.line} ${m.ruleId ?? 'parse'}: ${m.message}`));
    assert.ok(results.length > 10, 'src/ was linted');
    assert.deepEqual(found, []);
  });

  it('no banned name occurs in the syntax of any src/ file (identifiers, property names, strings, imports); localStorage only after an opt-in', () => {
    const found = [];
    const files = sourceFiles();
    assert.ok(files.length > 10, 'src/ was read');
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
      const lines = text.split('\n');
      const visit = (node) => {
        let name;
        if (ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) name = node.text;
        else if (ts.isStringLiteralLike(node)) name = node.text;
        if (name !== undefined) {
          const hit = BANNED.find((b) => name === b)
            ?? (ts.isStringLiteralLike(node) && /directives\/unsafe-(html|svg)/.test(name) ? `import of ${name}` : undefined);
          if (hit) {
            const line = source.getLineAndCharacterOfPosition(node.getStart()).line;
            const optedIn = hit === 'localStorage' && OPT_IN.test(lines[line - 1] ?? '');
            if (!optedIn) found.push(`${relative(root, file)}:${line + 1} ${hit}`);
          }
        }
        if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Function') {
          found.push(`${relative(root, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1} new Function`);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    assert.deepEqual(found, []);
  });
});
