import { html, type TemplateResult } from 'lit';

/** A word longer than this gets a line-break opportunity (`<wbr>`) after every this many characters. */
const CHUNK = 64;
const OVERLONG = new RegExp(`\\S{${CHUNK + 1},}`);

/**
 * `text` as it is, or, when it holds a word too long for any column, that word with a `<wbr>` after
 * every 64 characters (the text itself is unchanged: `<wbr>` adds none). Without them a narrow card
 * breaks an overlong word by measuring the rest of it again for every line, so the layout grows
 * with the square of its length and hostile data (a 100,000-character "name") freezes the page.
 */
export function breakable(text: string): string | TemplateResult[] {
  if (text.length <= CHUNK || !OVERLONG.test(text)) return text;
  const out: TemplateResult[] = [];
  let last = 0;
  for (const match of text.matchAll(new RegExp(OVERLONG.source, 'g'))) {
    // Pieces of up to 64 characters, never parting a combining mark from the letter it sits on.
    const pieces = match[0].match(/\p{M}*(?:\P{M}\p{M}*){1,64}/gu);
    const chunks = pieces?.join('') === match[0] ? pieces : [match[0]];
    out.push(html`${text.slice(last, match.index)}${chunks.map((chunk, i) => (i === 0 ? chunk : html`<wbr>${chunk}`))}`);
    last = match.index + match[0].length;
  }
  out.push(html`${text.slice(last)}`);
  return out;
}
