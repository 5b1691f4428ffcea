// The docs site's only script: live examples run on the fictional demo data, and each component
// page's API tables are generated from custom-elements.json (never maintained by hand).
import '../src/index.js';
import { configure } from '../src/core/context.js';
import { MemoryAdapter } from '../src/adapters/memory.js';
import { demoBundle } from '../demo/data/demo-data.js';

configure({ adapter: new MemoryAdapter(demoBundle, { writable: ['Consent'] }) });

interface ManifestMember { kind?: string; name: string; type?: { text?: string }; description?: string; attribute?: string; default?: string; privacy?: string; static?: boolean }
interface ManifestDeclaration {
  tagName?: string;
  summary?: string;
  description?: string;
  attributes?: { name: string; type?: { text?: string }; description?: string; default?: string; fieldName?: string }[];
  members?: ManifestMember[];
  events?: { name: string; type?: { text?: string }; description?: string }[];
  slots?: { name: string; description?: string }[];
  cssParts?: { name: string; description?: string }[];
  cssProperties?: { name: string; description?: string; default?: string }[];
}
interface Manifest { modules: { declarations?: ManifestDeclaration[] }[] }

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, children: Node[] = []): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  node.append(...children);
  return node;
}

function table(caption: string, headers: string[], rows: string[][]): HTMLElement {
  const section = el('section');
  section.append(el('h3', caption));
  if (rows.length === 0) {
    section.append(el('p', 'None.'));
    return section;
  }
  const t = el('table');
  t.append(el('thead', undefined, [el('tr', undefined, headers.map((h) => { const th = el('th', h); th.scope = 'col'; return th; }))]));
  t.append(el('tbody', undefined, rows.map((r) => el('tr', undefined, r.map((c, i) => (i === 0 ? el('td', undefined, [el('code', c)]) : el('td', c)))))));
  section.append(t);
  return section;
}

async function renderApiTables(): Promise<void> {
  const targets = [...document.querySelectorAll<HTMLElement>('.api-tables[data-tag]')];
  if (targets.length === 0) return;
  const manifest = await (await fetch(new URL('/custom-elements.json', location.href))).json() as Manifest;
  const declarations = manifest.modules.flatMap((m) => m.declarations ?? []);
  for (const target of targets) {
    const d = declarations.find((x) => x.tagName === target.dataset.tag);
    if (!d) {
      target.append(el('p', `No API found for <${target.dataset.tag}> in custom-elements.json.`));
      continue;
    }
    const props = (d.members ?? []).filter((m) => m.kind === 'field' && !m.static && (m.privacy ?? 'public') === 'public' && m.description);
    target.append(
      table('Attributes', ['Attribute', 'Type', 'Default', 'Description'], (d.attributes ?? []).map((a) => [a.name, a.type?.text ?? '', a.default ?? '', a.description ?? ''])),
      table('Properties', ['Property', 'Type', 'Description'], props.map((p) => [p.name, p.type?.text ?? '', p.description ?? ''])),
      table('Events', ['Event', 'Type', 'Description'], (d.events ?? []).map((e) => [e.name, e.type?.text ?? '', e.description ?? ''])),
      table('Slots', ['Slot', 'Description'], (d.slots ?? []).map((s) => [s.name || '(default)', s.description ?? ''])),
      table('CSS parts', ['Part', 'Description'], (d.cssParts ?? []).map((p) => [p.name, p.description ?? ''])),
      table('CSS custom properties', ['Property', 'Description'], (d.cssProperties ?? []).map((p) => [p.name, p.description ?? ''])),
    );
    target.dataset.ready = 'true';
  }
}

void renderApiTables();

for (const button of document.querySelectorAll<HTMLButtonElement>('.live-example [data-opens]')) {
  button.addEventListener('click', () => {
    const dialog = document.getElementById(button.dataset.opens ?? '');
    if (dialog instanceof HTMLElement && 'show' in dialog && typeof dialog.show === 'function') (dialog.show as () => void).call(dialog);
  });
}
