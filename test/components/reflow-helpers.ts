// Shared by the reflow tests (WCAG 2.2 1.4.10 Reflow, 1.4.12 Text spacing, 2.5.8 Target size):
// mounting each element in each state over the demo data, and measuring what a user would notice
// at a given width: sideways scrolling, content that went missing, the Tab order, small targets.
import { expect, fixture, html } from '@open-wc/testing';
import { press } from '../keys.js';
import { setViewportSize } from '../viewport.js';
import { pseudoText } from './helpers.js';
import type { TemplateResult } from 'lit';
import '../../src/components/context/context.js';
import '../../src/components/patient-banner/patient-banner.js';
import '../../src/components/medication-list/medication-list.js';
import '../../src/components/consent-dialog/consent-dialog.js';
import { MemoryAdapter } from '../../src/adapters/memory.js';
import type { RequestOptions, SearchPage, SearchParams } from '../../src/core/adapter.js';
import { NetworkError } from '../../src/core/errors.js';
import type { Resource } from '../../src/core/fhir.js';
import { demoBundle, DEMO_TODAY } from '../../demo/data/demo-data.js';
import { demoConsentRequest } from '../../demo/demo-config.js';

/** The container widths every element is checked at: small phone (and 1280 px at 400% zoom), phone, tablet, desktop. */
export const WIDTHS = [320, 390, 768, 1280] as const;

/** The demo patient with the most data (long names, 79 medication records, consents) and one with none. */
export const FULL = 'patient-van-putten';
export const EMPTY = 'patient-onbekend-seh';

export type State = 'loading' | 'loaded' | 'empty' | 'error' | 'no patient';

/** The real MemoryAdapter over the demo data, able to hold every read (loading) or fail it (error). */
export class StateAdapter extends MemoryAdapter {
  constructor(private readonly mode: 'ok' | 'hold' | 'fail') {
    super(demoBundle, { writable: ['Consent'] });
  }

  private async gate(): Promise<void> {
    if (this.mode === 'hold') await new Promise<void>(() => undefined);
    if (this.mode === 'fail') throw new NetworkError('The connection dropped');
  }

  override async read<T extends Resource = Resource>(type: string, id: string, options?: RequestOptions): Promise<T> {
    await this.gate();
    return super.read<T>(type, id, options);
  }

  override async search<T extends Resource = Resource>(type: string, params: SearchParams, options?: RequestOptions): Promise<SearchPage<T>> {
    await this.gate();
    return super.search<T>(type, params, options);
  }
}

/** The adapter and patient attribute for a state. */
export function setupFor(state: State): { adapter: StateAdapter; patient: string } {
  const mode = state === 'loading' ? 'hold' : state === 'error' ? 'fail' : 'ok';
  const patient = state === 'empty' ? EMPTY : state === 'no patient' ? '' : FULL;
  return { adapter: new StateAdapter(mode), patient };
}

/** Mounts `element` inside a <zk-context>, between two buttons (for the Tab order), filling the page's width. */
export async function mountInPage(adapter: StateAdapter, element: TemplateResult): Promise<HTMLElement> {
  document.body.style.margin = '0';
  const wrapper = await fixture<HTMLElement>(html`<div style="width: 100%">
    <button type="button" id="before">Before</button>
    <zk-context .adapter=${adapter}>${element}</zk-context>
    <button type="button" id="after">After</button>
  </div>`);
  return wrapper;
}

export const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));

/** Sets the viewport (so the element's container) to `width` CSS px and lets layout and observers settle. */
export async function resize(width: number, height = 800): Promise<void> {
  await setViewportSize(width, height);
  await nextFrame();
  await nextFrame();
}

/** The box that lays the element out: the host, or the <dialog> of a host that has no box of its own. */
export function layoutBox(host: HTMLElement): Element {
  if (getComputedStyle(host).display === 'contents') return host.shadowRoot!.querySelector('dialog')!;
  return host;
}

function* composedElements(root: ParentNode): Generator<Element> {
  for (const child of root.children) {
    yield child;
    if (child.shadowRoot) yield* composedElements(child.shadowRoot);
    yield* composedElements(child);
  }
}

/**
 * How many CSS px of horizontal overflow there is: the page, the element's box, and any scroll
 * container inside it (0 when nothing scrolls sideways).
 */
export function horizontalOverflow(host: HTMLElement): number {
  const page = document.documentElement;
  let worst = Math.max(0, page.scrollWidth - page.clientWidth);
  const box = layoutBox(host);
  worst = Math.max(worst, box.scrollWidth - box.clientWidth);
  for (const el of composedElements(host.shadowRoot!)) {
    const overflowX = getComputedStyle(el).overflowX;
    if (overflowX === 'auto' || overflowX === 'scroll') worst = Math.max(worst, el.scrollWidth - el.clientWidth);
  }
  if (worst > 0 && (window as { zkDebugOverflow?: boolean }).zkDebugOverflow) {
    const right = page.clientWidth;
    const wide = [...composedElements(host.shadowRoot!)].filter((el) => el.getBoundingClientRect().right > right + 0.5)
      .map((el) => `${el.localName}.${el.className} ${Math.round(el.getBoundingClientRect().right)}`).slice(0, 8);
    console.log(`overflow ${worst} (page ${page.scrollWidth}/${page.clientWidth}, box ${box.scrollWidth}/${box.clientWidth}):`, wide.join(', '));
  }
  return worst;
}

/**
 * The text a sighted user sees, piece by piece, grouped by medication row (`data-key`) so a
 * virtualised list can be compared row by row: text nodes of rendered elements (not hidden, not
 * clipped to a pixel for screen readers only) and the labels drawn by CSS before a value.
 */
export function visibleTexts(host: HTMLElement): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const add = (key: string, text: string) => {
    const t = text.replace(/\s+/g, ' ').trim();
    if (!t) return;
    if (!out.has(key)) out.set(key, new Set());
    out.get(key)!.add(t);
  };
  const visit = (node: Node, key: string) => {
    for (const child of (node instanceof Element && node.shadowRoot ? node.shadowRoot : node).childNodes) {
      if (child.nodeType === Node.TEXT_NODE) {
        add(key, child.textContent ?? '');
      } else if (child instanceof Element) {
        if (child.localName === 'style' || child.localName === 'script') continue;
        if (!child.checkVisibility({ visibilityProperty: true })) continue;
        const rect = child.getBoundingClientRect();
        if (rect.width <= 1 && rect.height <= 1 && getComputedStyle(child).position === 'absolute') continue;
        const childKey = child.getAttribute('data-key') ?? key;
        const label = pseudoText(child);
        if (label) add(childKey, label);
        visit(child, childKey);
      }
    }
  };
  visit(host, '');
  return out;
}

/** Pieces of `wide` missing from `narrow` (rows compared only where both layouts rendered them). */
export function missingContent(wide: Map<string, Set<string>>, narrow: Map<string, Set<string>>, virtual = false): string[] {
  const missing: string[] = [];
  const anywhere = new Set([...narrow.values()].flatMap((texts) => [...texts]));
  for (const [key, texts] of wide) {
    const there = narrow.get(key);
    if (!there) {
      if (virtual && key !== '') continue;
      missing.push(`${key || '(outside rows)'}: the whole block`);
      continue;
    }
    // Outside the rows (a column name, say), a piece may move onto the rows (a label on each card).
    for (const t of texts) if (!there.has(t) && !(key === '' && anywhere.has(t))) missing.push(`${key || '(outside rows)'}: ${t}`);
  }
  return missing;
}

/** The deepest focused element, through shadow roots. */
export function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

const describe = (el: Element | null) => (el
  ? `${el.localName}${el.id ? `#${el.id}` : ''}[${el.getAttribute('part') ?? ''}] ${(el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40)}`
  : '(nothing)');

/**
 * The Tab order, from the button before the element (or from what has focus, `start: false`) to the
 * button after it, or once round a modal dialog, at most `max` stops.
 */
export async function tabOrder(options: { start?: boolean; max?: number } = {}): Promise<string[]> {
  const { start = true, max = 40 } = options;
  if (start) document.getElementById('before')!.focus();
  const stops: string[] = [];
  for (let i = 0; i < max; i += 1) {
    await press('Tab');
    const active = deepActive();
    if (active?.id === 'after') break;
    if (!active || active === document.body) continue;
    const d = describe(active);
    if (stops.length && d === stops[0]) break;
    stops.push(d);
  }
  return stops;
}

/** One row of the table the issue asks for. */
export interface ReflowResult {
  component: string;
  state: string;
  width: number;
  overflow: number;
  axe: string;
  content: string;
}

/** Prints the width × component × state table (overflow px / axe / content present) to the test log. */
export function printTable(results: readonly ReflowResult[]): void {
  if (!results.length) return;
  const lines = ['| component | state | width | overflow px | axe | content present |', '| --- | --- | --- | --- | --- | --- |'];
  for (const r of results) lines.push(`| ${r.component} | ${r.state} | ${r.width} | ${r.overflow} | ${r.axe} | ${r.content} |`);
  console.log(`\nREFLOW TABLE\n${lines.join('\n')}`);
}

/** axe on the element: 'no violations', or the violation text. */
export async function axeResult(el: Element): Promise<string> {
  try {
    await expect(el).to.be.accessible();
    return 'no violations';
  } catch (error) {
    return error instanceof Error ? error.message.replace(/\s+/g, ' ').slice(0, 300) : String(error);
  }
}

/**
 * Checks one element in one state at every width: no sideways scrolling, all the wide layout's
 * content in each narrow layout, axe clean, the same Tab order. Returns the table rows.
 */
export async function checkAtEveryWidth(component: string, state: string, host: HTMLElement, options: {
  ready: () => Promise<void>;
  tab?: () => Promise<string[]>;
  virtual?: boolean;
}): Promise<ReflowResult[]> {
  const results: ReflowResult[] = [];
  const texts = new Map<number, Map<string, Set<string>>>();
  const orders = new Map<number, string[]>();
  for (const width of [...WIDTHS].reverse()) {
    await resize(width);
    await options.ready();
    texts.set(width, visibleTexts(host));
    const overflow = horizontalOverflow(host);
    const axe = await axeResult(host);
    if (options.tab) orders.set(width, await options.tab());
    results.push({ component, state, width, overflow, axe, content: '' });
  }
  const wide = texts.get(1280)!;
  for (const r of results) {
    const missing = missingContent(wide, texts.get(r.width)!, options.virtual);
    r.content = missing.length ? `missing: ${missing.slice(0, 5).join('; ')}` : 'all';
  }
  for (const r of results) {
    expect(r.overflow, `${component} (${state}) at ${r.width} px: horizontal overflow`).to.be.at.most(0);
    expect(r.axe, `${component} (${state}) at ${r.width} px: axe`).to.equal('no violations');
    expect(r.content, `${component} (${state}) at ${r.width} px: content of the wide layout`).to.equal('all');
  }
  if (options.tab) {
    const wideOrder = orders.get(1280)!;
    for (const width of WIDTHS) expect(orders.get(width), `${component} (${state}): Tab order at ${width} px`).to.deep.equal(wideOrder);
  }
  return results;
}

/** The demo's consent request, as the demo page asks it. */
export const consentRequest = demoConsentRequest('en', DEMO_TODAY);
