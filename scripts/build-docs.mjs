// Turns docs/**/*.md into HTML pages served at /docs/ (run by `npm start` and `npm test`).
// A small Markdown subset: headings, paragraphs, lists, tables, fenced code, inline code, bold,
// links. Two extensions:
//   ```html live      — shows the code AND places it in the page as a live example
//   <!-- api: zk-x --> — the element's API tables, filled in the browser from custom-elements.json
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const docsDir = join(root, 'docs');

const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function inline(text) {
  const parts = text.split(/(`[^`]+`)/);
  return parts
    .map((part) => {
      if (part.startsWith('`') && part.endsWith('`') && part.length > 1) return `<code>${escape(part.slice(1, -1))}</code>`;
      return escape(part)
        .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
        // An image: a file beside the page (img/…), never another site.
        .replace(/!\[([^\]]*)\]\(([\w./-]+\.(?:png|svg|jpg|webp))\)/g, (_, alt, src) => (src.includes('..') || src.startsWith('/')
          ? alt
          : `<img src="${src}" alt="${alt}" loading="lazy">`))
        .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_, label, href) => {
          const safe = /^(https?:|mailto:|#|\.{0,2}\/|[\w-]+(\.|#|\/))/.test(href) ? href : '#';
          return `<a href="${safe.replace(/\.md(#|$)/, '.html$1')}">${label}</a>`;
        });
    })
    .join('');
}

export function markdownToHtml(md) {
  const lines = md.replace(/\r\n/g, '\n').split('\n');
  const out = [];
  let i = 0;
  let title;
  while (i < lines.length) {
    const line = lines[i];
    const fence = /^```(\w*)\s*(live)?\s*$/.exec(line);
    if (fence) {
      const body = [];
      i += 1;
      while (i < lines.length && !/^```\s*$/.test(lines[i])) body.push(lines[i++]);
      i += 1;
      const code = body.join('\n');
      if (fence[2] === 'live') out.push(`<div class="live-example">${code}</div>`);
      out.push(`<pre tabindex="0"><code class="language-${fence[1] || 'text'}">${escape(code)}</code></pre>`);
      continue;
    }
    const api = /^<!--\s*api:\s*([\w-]+)\s*-->$/.exec(line.trim());
    if (api) {
      out.push(`<div class="api-tables" data-tag="${escape(api[1])}"></div>`);
      i += 1;
      continue;
    }
    const heading = /^(#{1,4})\s+(.*)$/.exec(line);
    if (heading) {
      const level = heading[1].length;
      const id = heading[2].toLowerCase().replace(/[^\w]+/g, '-').replace(/^-|-$/g, '');
      if (level === 1 && !title) title = heading[2].replace(/`/g, '');
      out.push(`<h${level} id="${id}">${inline(heading[2])}</h${level}>`);
      i += 1;
      continue;
    }
    if (/^\s*\|/.test(line)) {
      const rows = [];
      while (i < lines.length && /^\s*\|/.test(lines[i])) rows.push(lines[i++]);
      const cells = (row) => row.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim());
      const [head, , ...body] = rows;
      out.push('<table><thead><tr>' + cells(head).map((c) => `<th scope="col">${inline(c)}</th>`).join('') + '</tr></thead><tbody>'
        + body.map((r) => '<tr>' + cells(r).map((c) => `<td>${inline(c)}</td>`).join('') + '</tr>').join('') + '</tbody></table>');
      continue;
    }
    if (/^\s*([-*]|\d+\.)\s+/.test(line)) {
      const ordered = /^\s*\d+\./.test(line);
      const items = [];
      while (i < lines.length && (/^\s*([-*]|\d+\.)\s+/.test(lines[i]) || (/^\s{2,}\S/.test(lines[i]) && items.length))) {
        if (/^\s*([-*]|\d+\.)\s+/.test(lines[i])) items.push(lines[i].replace(/^\s*([-*]|\d+\.)\s+/, ''));
        else items[items.length - 1] += ` ${lines[i].trim()}`;
        i += 1;
      }
      const tag = ordered ? 'ol' : 'ul';
      out.push(`<${tag}>${items.map((it) => `<li>${inline(it)}</li>`).join('')}</${tag}>`);
      continue;
    }
    if (/^>\s?/.test(line)) {
      const quote = [];
      while (i < lines.length && /^>\s?/.test(lines[i])) quote.push(lines[i++].replace(/^>\s?/, ''));
      out.push(`<blockquote><p>${inline(quote.join(' '))}</p></blockquote>`);
      continue;
    }
    if (!line.trim()) {
      i += 1;
      continue;
    }
    const para = [];
    while (i < lines.length && lines[i].trim() && !/^(#{1,4}\s|```|\s*\||\s*([-*]|\d+\.)\s|>)/.test(lines[i])) para.push(lines[i++]);
    out.push(`<p>${inline(para.join(' '))}</p>`);
  }
  return { title: title ?? 'zorgkit', body: out.join('\n') };
}

const NAV = [
  ['index.html', 'Getting started'],
  ['components/patient-banner.html', '<zk-patient-banner>'],
  ['components/medication-list.html', '<zk-medication-list>'],
  ['components/consent-dialog.html', '<zk-consent-dialog>'],
  ['components/context.html', '<zk-context>'],
  ['guides/adapters.html', 'Write your own adapter'],
  ['guides/consent-service-adapter.html', 'Consent service adapter'],
  ['guides/production.html', 'Going to production'],
  ['guides/smart-launch.html', 'SMART launch'],
  ['guides/theming.html', 'Theming'],
  ['guides/security.html', 'Security'],
  ['guides/accessibility.html', 'Accessibility'],
  ['guides/frameworks.html', 'React, Angular, Vue'],
  ['size.html', 'Sizes'],
];

function page(file, { title, body }) {
  const rel = relative(dirname(file), docsDir) || '.';
  const nav = NAV.map(([href, label]) => `<li><a href="${rel}/${href}">${escape(label)}</a></li>`).join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} — zorgkit docs</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${rel}/docs.css">
<script type="module" src="${rel}/docs.ts"></script>
</head>
<body>
<header class="docs-header"><a href="${rel}/index.html" class="docs-brand">zorgkit</a> <span>docs</span></header>
<div class="docs-layout">
<nav aria-label="Documentation"><ul>${nav}</ul></nav>
<main>
${body}
</main>
</div>
</body>
</html>
`;
}

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

export function buildDocs() {
  const built = [];
  for (const file of walk(docsDir).filter((f) => f.endsWith('.md'))) {
    const html = file.replace(/\.md$/, '.html');
    writeFileSync(html, page(html, markdownToHtml(readFileSync(file, 'utf8'))));
    built.push(relative(root, html));
  }
  return built;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(buildDocs().join('\n'));
}
