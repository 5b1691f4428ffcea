// <zk-patient-banner> and <zk-consent-dialog> at 320, 390, 768 and 1280 px (WCAG 2.2 1.4.10 Reflow),
// and for all three elements: text spacing overrides (1.4.12), 24×24 px targets (2.5.8), and light
// or dark following the OS unless --zk-color-scheme says otherwise.
import { expect, html, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import type { TemplateResult } from 'lit';
import type { ZkConsentDialog } from '../../src/components/consent-dialog/consent-dialog.component.js';
import { englishAndNoLitWarnings } from './helpers.js';
import {
  StateAdapter, axeResult, checkAtEveryWidth, consentRequest, deepActive, horizontalOverflow, missingContent,
  mountInPage, nextFrame, printTable, resize, setupFor, tabOrder, visibleTexts, type ReflowResult, type State,
} from './reflow-helpers.js';

const STATES: readonly State[] = ['loading', 'loaded', 'empty', 'error', 'no patient'];
const results: ReflowResult[] = [];
const shadow = (el: Element) => el.shadowRoot!;

async function mountBanner(state: State, expanded = false): Promise<HTMLElement> {
  const { adapter, patient } = setupFor(state);
  const wrapper = await mountInPage(adapter, html`<zk-patient-banner patient-id=${patient} show-allergies show-call-name expandable></zk-patient-banner>`);
  const el = wrapper.querySelector<HTMLElement>('zk-patient-banner')!;
  await settleBanner(el, state);
  if (expanded) {
    shadow(el).querySelector<HTMLButtonElement>('[part~="toggle"]')!.click();
    await nextFrame();
  }
  return el;
}

async function settleBanner(el: HTMLElement, state: State): Promise<void> {
  await waitUntil(() => (state === 'loading' ? shadow(el).querySelector('[part~="loading"]') : shadow(el).textContent.trim() && !shadow(el).querySelector('[part~="loading"]')), `banner did not reach "${state}"`, { timeout: 8000 });
  await nextFrame();
}

async function mountDialog(state: State): Promise<ZkConsentDialog> {
  const { adapter, patient } = setupFor(state);
  const wrapper = await mountInPage(adapter, html`<zk-consent-dialog patient-id=${patient} .request=${consentRequest}></zk-consent-dialog>`);
  const el = wrapper.querySelector('zk-consent-dialog')!;
  el.show();
  await settleDialog(el, state);
  return el;
}

async function settleDialog(el: ZkConsentDialog, state: State): Promise<void> {
  const part = (name: string) => shadow(el).querySelector(`[part~="${name}"]`);
  await waitUntil(() => (state === 'loading' ? part('loading') : (part('history') || part('state')) && !part('loading')), `dialog did not reach "${state}"`, { timeout: 8000 });
  await el.updateComplete;
  await nextFrame();
}

/** The Tab order round the open dialog, from its heading. */
async function dialogTabOrder(el: ZkConsentDialog): Promise<string[]> {
  shadow(el).querySelector<HTMLElement>('#heading')!.focus();
  return tabOrder({ start: false, max: 40 });
}

describe('reflow: every element, every state, 320 to 1280 px', function () {
  this.timeout(120000);
  afterEach(async () => { await resize(800, 600); });
  englishAndNoLitWarnings();
  after(() => printTable(results));

  for (const state of STATES) {
    it(`<zk-patient-banner> ${state}: no sideways scrolling, all content, axe clean, the same Tab order`, async () => {
      const el = await mountBanner(state, state === 'loaded');
      results.push(...await checkAtEveryWidth('patient-banner', state, el, { ready: () => settleBanner(el, state), tab: () => tabOrder() }));
    });
  }

  for (const state of STATES) {
    it(`<zk-consent-dialog> open, ${state}: no sideways scrolling, all content, axe clean, the same Tab order`, async () => {
      const el = await mountDialog(state);
      results.push(...await checkAtEveryWidth('consent-dialog (open)', state, el, { ready: () => settleDialog(el, state), tab: () => dialogTabOrder(el) }));
    });
  }

  it('<zk-patient-banner> narrow: the name on a line of its own, whole; the identifier whole', async () => {
    const el = await mountBanner('loaded');
    await resize(320);
    const name = shadow(el).querySelector<HTMLElement>('[part~="name"]')!;
    const facts = shadow(el).querySelector<HTMLElement>('[part~="facts"]')!;
    expect(facts.getBoundingClientRect().top, 'the facts start below the name').to.be.at.least(name.getBoundingClientRect().bottom - 1);
    for (const node of [name, shadow(el).querySelector<HTMLElement>('[part~="identifier"] [part~="value"]')!]) {
      expect(node.scrollWidth, 'not truncated').to.be.at.most(node.clientWidth);
      expect(getComputedStyle(node).textOverflow).to.equal('clip');
    }
    expect(name.textContent).to.match(/PUTTEN/i);
  });

  it('<zk-consent-dialog> on a phone fills the screen; with an on-screen keyboard taking half the height every button can still be reached', async () => {
    const el = await mountDialog('loaded');
    await resize(390, 844);
    const dialog = shadow(el).querySelector('dialog')!;
    const rect = dialog.getBoundingClientRect();
    expect([Math.round(rect.left), Math.round(rect.top), Math.round(rect.width), Math.round(rect.height)]).to.deep.equal([0, 0, 390, 844]);
    // A keyboard that resizes the window (interactive-widget=resizes-content) leaves about 420 px.
    await resize(390, 420);
    const short = dialog.getBoundingClientRect();
    expect(short.bottom, 'the dialog fits above the keyboard').to.be.at.most(420);
    expect(dialog.scrollHeight, 'the rest scrolls up and down').to.be.greaterThan(dialog.clientHeight);
    for (const button of shadow(el).querySelectorAll<HTMLButtonElement>('button')) {
      button.focus();
      expect(deepActive()).to.equal(button);
      // What the user sees on the next frame: WebKit scrolls a focused element into view then, not at once.
      await nextFrame();
      const r = button.getBoundingClientRect();
      expect(r.top, `${button.textContent.trim()} in view`).to.be.at.least(-0.5);
      expect(r.bottom, `${button.textContent.trim()} in view`).to.be.at.most(420.5);
      expect(r.right, `${button.textContent.trim()} without sideways scrolling`).to.be.at.most(390.5);
    }
    expect(horizontalOverflow(el)).to.equal(0);
  });
});

/** The text spacing WCAG 1.4.12 asks content to survive, applied to the page and inside every shadow root. */
const SPACING = 'line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important;';
function applyTextSpacing(host: Element): () => void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`* { ${SPACING} } p { margin-block-end: 2em !important; }`);
  const roots: (Document | ShadowRoot)[] = [document];
  const collect = (root: ParentNode) => {
    for (const child of root.querySelectorAll('*')) {
      if (child.shadowRoot) {
        roots.push(child.shadowRoot);
        collect(child.shadowRoot);
      }
    }
  };
  collect(host.parentElement!);
  for (const root of roots) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  return () => {
    for (const root of roots) root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
  };
}

/** Elements whose content is cut off (overflow hidden or clip, content bigger than the box), screen-reader-only text aside. */
function clipped(host: Element): string[] {
  const out: string[] = [];
  const visit = (root: ParentNode) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.shadowRoot) visit(el.shadowRoot);
      const style = getComputedStyle(el);
      if (style.position === 'absolute' && el.getBoundingClientRect().width <= 1) continue;
      const hides = (v: string) => v === 'hidden' || v === 'clip';
      if ((hides(style.overflowX) && el.scrollWidth > el.clientWidth + 1) || (hides(style.overflowY) && el.scrollHeight > el.clientHeight + 1)) {
        out.push(`${el.localName}.${el.className}`);
      }
    }
  };
  visit(host.shadowRoot!);
  return out;
}

interface Case {
  name: string;
  mount: () => Promise<HTMLElement>;
}

const CASES: Case[] = [
  { name: 'patient-banner (expanded)', mount: () => mountBanner('loaded', true) },
  { name: 'medication-list', mount: async () => {
    const { adapter } = setupFor('loaded');
    const wrapper = await mountInPage(adapter, html`<zk-medication-list patient-id="patient-van-putten" show-history group-by-status></zk-medication-list>`);
    const el = wrapper.querySelector<HTMLElement>('zk-medication-list')!;
    await waitUntil(() => shadow(el).querySelector('[part~="name"]'), 'no rows', { timeout: 8000 });
    return el;
  } },
  { name: 'medication-list (error)', mount: () => mountList(new StateAdapter('fail')) },
  { name: 'consent-dialog (open)', mount: () => mountDialog('loaded') },
];

async function mountList(adapter: StateAdapter, template?: TemplateResult): Promise<HTMLElement> {
  const wrapper = await mountInPage(adapter, template ?? html`<zk-medication-list patient-id="patient-van-putten"></zk-medication-list>`);
  const el = wrapper.querySelector<HTMLElement>('zk-medication-list')!;
  await waitUntil(() => shadow(el).textContent.trim() && !shadow(el).querySelector('[part~="loading"]'), 'list did not load', { timeout: 8000 });
  return el;
}

describe('text spacing (WCAG 1.4.12) and target size (WCAG 2.5.8) at 320 px', function () {
  this.timeout(60000);
  afterEach(async () => { await resize(800, 600); });
  englishAndNoLitWarnings();
  setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach);

  for (const c of CASES) {
    it(`${c.name}: with text spacing overrides nothing scrolls sideways, nothing is cut off, nothing goes missing`, async () => {
      const el = await c.mount();
      await resize(320);
      const before = visibleTexts(el);
      const remove = applyTextSpacing(el);
      try {
        await nextFrame();
        expect(getComputedStyle(el).letterSpacing, 'the overrides apply').not.to.equal('normal');
        expect(horizontalOverflow(el), 'horizontal overflow').to.equal(0);
        expect(clipped(el), 'content cut off').to.deep.equal([]);
        expect(missingContent(before, visibleTexts(el))).to.deep.equal([]);
      } finally {
        remove();
      }
    });

    it(`${c.name}: every target is at least 24×24 px, or has 24 px of room around it`, async () => {
      const el = await c.mount();
      await resize(320);
      const targets: Element[] = [];
      const visit = (root: ParentNode) => {
        for (const node of root.querySelectorAll('*')) {
          if (node.shadowRoot) visit(node.shadowRoot);
          if (node.matches('button, input, select, textarea, a[href], [tabindex]:not([tabindex="-1"])') && node.checkVisibility()) targets.push(node);
        }
      };
      visit(el.shadowRoot!);
      expect(targets.length).to.be.greaterThan(0);
      const rects = targets.map((t) => t.getBoundingClientRect());
      const small = targets.filter((_t, i) => {
        const r = rects[i];
        if (r.width >= 24 && r.height >= 24) return false;
        // The spacing exception: a 24 px circle on the target's centre meets no other target.
        const cx = r.left + r.width / 2;
        const cy = r.top + r.height / 2;
        return rects.some((o, j) => j !== i && Math.hypot(Math.max(o.left - cx, 0, cx - o.right), Math.max(o.top - cy, 0, cy - o.bottom)) < 12);
      }).map((t) => `${t.localName}[${t.getAttribute('part') ?? ''}] ${(t.textContent ?? '').trim().slice(0, 30)} ${Math.round(t.getBoundingClientRect().width)}×${Math.round(t.getBoundingClientRect().height)}`);
      expect(small).to.deep.equal([]);
    });
  }
});

describe('light or dark', function () {
  this.timeout(60000);
  // Emulating the OS setting needs CDP (Chromium); Firefox and WebKit check the forced schemes only.
  const canEmulate = navigator.userAgent.includes('Chrome/');
  afterEach(async () => {
    if (canEmulate) await emulateMedia({ colorScheme: 'light' });
    await resize(800, 600);
  });
  englishAndNoLitWarnings();
  setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach);

  const textColour = (el: HTMLElement) => getComputedStyle(el).color;

  it('follows the OS setting by default, and is accessible in dark mode (every element, narrow and wide; Chromium, which can emulate the OS setting)', async function () {
    if (!canEmulate) {
      console.log('skipped in this engine: it cannot emulate the OS light/dark setting (Chromium can, over CDP)');
      this.skip();
    }
    await emulateMedia({ colorScheme: 'light' });
    for (const c of CASES) {
      const el = await c.mount();
      const light = textColour(el);
      await emulateMedia({ colorScheme: 'dark' });
      await nextFrame();
      expect(textColour(el), `${c.name}: text turns light in dark mode`).not.to.equal(light);
      for (const width of [320, 1280]) {
        await resize(width);
        expect(await axeResult(el), `${c.name} dark at ${width} px`).to.equal('no violations');
      }
      await emulateMedia({ colorScheme: 'light' });
    }
  });

  it('--zk-color-scheme: light (or dark) on an ancestor forces it, whatever the OS says', async () => {
    const el = await mountBanner('loaded');
    if (!canEmulate) {
      el.parentElement!.style.setProperty('--zk-color-scheme', 'light');
      const forcedLight = textColour(el);
      el.parentElement!.style.setProperty('--zk-color-scheme', 'dark');
      expect(textColour(el), 'forced dark differs from forced light').not.to.equal(forcedLight);
      expect(await axeResult(el)).to.equal('no violations');
      return;
    }
    await emulateMedia({ colorScheme: 'light' });
    const light = textColour(el);
    await emulateMedia({ colorScheme: 'dark' });
    const dark = textColour(el);
    expect(dark).not.to.equal(light);
    el.parentElement!.style.setProperty('--zk-color-scheme', 'light');
    expect(textColour(el), 'forced light in a dark OS').to.equal(light);
    await emulateMedia({ colorScheme: 'light' });
    el.parentElement!.style.setProperty('--zk-color-scheme', 'dark');
    expect(textColour(el), 'forced dark in a light OS').to.equal(dark);
    expect(await axeResult(el)).to.equal('no violations');
  });
});
