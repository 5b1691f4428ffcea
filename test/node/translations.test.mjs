// Every message an element shows has its Dutch text, in the Dutch file of that element (which the
// element's module adds with `addDutch`, so a page pays only for the elements it uses), with the
// same placeholders as the English; and no Dutch text is left over that nothing shows.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { root } from '../../scripts/ensure-deps.mjs';

const COMPONENTS = ['patient-banner', 'medication-list', 'consent-dialog'];

function sourceOf(file) {
  return ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
}

function walk(node, visit) {
  visit(node);
  ts.forEachChild(node, (child) => walk(child, visit));
}

/** `${0}`-style placeholders of a template (in order), or undefined for a plain string. */
function placeholders(node) {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return undefined;
  if (ts.isTaggedTemplateExpression(node) && ts.isTemplateExpression(node.template)) return node.template.templateSpans.map((s) => s.expression.getText());
  if (ts.isTaggedTemplateExpression(node)) return [];
  throw new Error(`unexpected message form: ${node.getText()}`);
}

/** Every `msg(english, { id })` call in a file: id → number of expressions (undefined: plain). */
function messagesUsed(file) {
  const found = new Map();
  walk(sourceOf(file), (node) => {
    if (!ts.isCallExpression(node) || node.expression.getText() !== 'msg') return;
    const [english, options] = node.arguments;
    const idProp = options && ts.isObjectLiteralExpression(options)
      ? options.properties.find((p) => ts.isPropertyAssignment(p) && p.name.getText() === 'id') : undefined;
    assert.ok(idProp, `${relative(root, file)}: msg() without an id: ${node.getText().slice(0, 80)}`);
    const id = idProp.initializer.text;
    const expressions = placeholders(english);
    found.set(id, expressions === undefined ? undefined : expressions.length);
  });
  return found;
}

/** The Dutch file's table: id → placeholder list (undefined: plain string). */
function dutchTable(file) {
  const table = new Map();
  walk(sourceOf(file), (node) => {
    if (!ts.isVariableDeclaration(node) || node.name.getText() !== 'templates') return;
    for (const prop of node.initializer.properties) table.set(prop.name.text, placeholders(prop.initializer));
  });
  return table;
}

const tsFiles = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
  const path = join(dir, e.name);
  return e.isDirectory() ? tsFiles(path) : e.name.endsWith('.ts') ? [path] : [];
});

function checkTemplates(id, count, nl, name) {
  if (count === undefined) assert.equal(nl, undefined, `${id}: the English is plain text, the Dutch in ${name} a template`);
  else assert.deepEqual([...(nl ?? [])].sort(), Array.from({ length: count }, (_, i) => String(i)), `${id}: the Dutch must use \${0}…\${${count - 1}} once each`);
}

const common = () => dutchTable(join(root, 'src/i18n/nl/common.ts'));
const usedIn = (files) => new Map(files.flatMap((f) => [...messagesUsed(f)]));

describe('Dutch messages', () => {
  for (const component of COMPONENTS) {
    it(`<zk-${component}>: every message has its Dutch text in i18n/nl/${component}.ts (or, for parts it loads later, ${component}-*.ts), with the same placeholders, and the element adds those files`, () => {
      const dir = join(root, 'src/components', component);
      const name = `src/i18n/nl/${component}.ts`;
      // Parts an element loads on first need (its own lazy module) bring their Dutch with them.
      const partFiles = readdirSync(join(root, 'src/i18n/nl')).filter((f) => f.startsWith(`${component}-`) && f.endsWith('.ts'));
      const own = new Map([name, ...partFiles.map((f) => `src/i18n/nl/${f}`)].flatMap((f) => [...dutchTable(join(root, f))]));
      for (const f of partFiles) {
        const module = f.replace(/\.ts$/, '');
        const importer = tsFiles(dir).find((file) => readFileSync(file, 'utf8').includes(`export { templates as dutch } from '../../i18n/nl/${module}.js';`));
        assert.ok(importer, `no module of <zk-${component}> exports src/i18n/nl/${f} as its \`dutch\``);
        assert.match(readFileSync(join(dir, `${component}.component.ts`), 'utf8'), /addDutch\(module\.dutch\);/, `<zk-${component}> adds the Dutch of ${f} when it loads`);
      }
      const shared = common();
      const used = usedIn(tsFiles(dir));
      assert.ok(used.size > 10, `only ${used.size} messages found in ${dir}`);
      for (const [id, count] of used) {
        // The element's own messages are named after it; the others are the shared ones (common.ts).
        const [table, where] = id.startsWith(`${component}.`) ? [own, name] : [shared, 'src/i18n/nl/common.ts'];
        assert.ok(table.has(id), `${id} has no Dutch text in ${where}`);
        checkTemplates(id, count, table.get(id), where);
      }
      for (const id of own.keys()) assert.ok(used.has(id), `${name} has Dutch text for ${id}, which nothing shows`);
      const code = readFileSync(join(dir, `${component}.component.ts`), 'utf8');
      assert.match(code, new RegExp(`import \\{ templates as nl \\} from '../../i18n/nl/${component}\\.js';`));
      assert.match(code, /^addDutch\(nl\);$/m);
    });
  }

  it('the shared states and errors: every message has its Dutch text in i18n/nl/common.ts, added by ZkElement', () => {
    const shared = common();
    const used = usedIn(tsFiles(join(root, 'src/components')));
    for (const [id, count] of usedIn(tsFiles(join(root, 'src/components/shared')))) {
      assert.ok(shared.has(id), `${id} has no Dutch text in src/i18n/nl/common.ts`);
      checkTemplates(id, count, shared.get(id), 'src/i18n/nl/common.ts');
    }
    for (const id of shared.keys()) {
      assert.ok(!COMPONENTS.some((c) => id.startsWith(`${c}.`)), `common.ts has ${id}, which belongs in that element's file`);
      assert.ok(used.has(id), `common.ts has Dutch text for ${id}, which nothing shows`);
    }
    assert.match(readFileSync(join(root, 'src/components/shared/zk-element.ts'), 'utf8'), /^addDutch\(nlCommon\);$/m);
  });

  it('no other source file shows a message', () => {
    const elsewhere = tsFiles(join(root, 'src'))
      .filter((f) => !/[\\/]src[\\/]components[\\/]/.test(f))
      .filter((f) => messagesUsed(f).size > 0);
    assert.deepEqual(elsewhere.map((f) => relative(root, f)), []);
  });
});
