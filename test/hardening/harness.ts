// Shared helpers of the hardening tests: what "readable" means, waiting for a component to settle
// on a state, the script-execution trap, and the element / link checks of rendered shadow roots.
import { Task } from '@lit/task';
import { PROGRAM_WORDS } from './arbitraries.js';

/**
 * Problems in a value a model function returned: strings holding what a program writes by
 * mistake (`undefined`, `NaN`, `null`, `Invalid Date`, `[object …`) and numbers that are NaN.
 * Keys in `skip` (data passed through as is, e.g. the source resources) are not looked into.
 */
export function unreadable(value: unknown, skip: readonly string[] = [], path = '$', seen = new WeakSet<object>()): string[] {
  if (typeof value === 'string') return PROGRAM_WORDS.test(value) ? [`${path} = ${JSON.stringify(value.slice(0, 120))}`] : [];
  if (typeof value === 'number') return Number.isNaN(value) ? [`${path} is NaN`] : [];
  if (typeof value !== 'object' || value === null) return [];
  if (seen.has(value)) return [];
  seen.add(value);
  const problems: string[] = [];
  for (const [key, child] of Object.entries(value)) {
    if (skip.includes(key)) continue;
    problems.push(...unreadable(child, skip, `${path}.${key}`, seen));
  }
  return problems;
}

/** Strings in a value that are empty or blank (a label or value shown as nothing). */
export function blankStrings(value: unknown, keys: readonly string[], skip: readonly string[] = [], path = '$'): string[] {
  if (typeof value !== 'object' || value === null) return [];
  const problems: string[] = [];
  for (const [key, child] of Object.entries(value)) {
    if (skip.includes(key)) continue;
    const at = `${path}.${key}`;
    if (typeof child === 'string' && keys.includes(key) && child.trim() === '') problems.push(`${at} is blank`);
    else if (typeof child === 'object') problems.push(...blankStrings(child, keys, skip, at));
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Components

/** The @lit/task instances of an element (found, not named: the components are someone else's). */
function tasksOf(el: HTMLElement): Task[] {
  return Object.values(el).filter((v): v is Task => v instanceof Task);
}

/** Waits until every task of the element has finished and the element rendered the result. */
export async function settle(el: HTMLElement & { updateComplete: Promise<boolean> }, rounds = 6): Promise<void> {
  for (let i = 0; i < rounds; i += 1) {
    await Promise.all(tasksOf(el).map((t) => t.taskComplete.catch(() => undefined)));
    await el.updateComplete;
  }
}

/** Every element under a root, through open shadow roots. */
export function deepElements(root: ParentNode): Element[] {
  const out: Element[] = [];
  const visit = (node: ParentNode) => {
    for (const el of node.querySelectorAll('*')) {
      out.push(el);
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  visit(root);
  return out;
}

/** The text of an element's shadow root, white space folded. */
export function shadowText(el: Element): string {
  return (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The elements of a shadow root with `part` containing `name`. */
export function parts(el: Element, name: string): Element[] {
  return [...(el.shadowRoot?.querySelectorAll(`[part~="${name}"]`) ?? [])];
}

/** Whether an element takes space on screen (is not hidden). */
export function isShown(el: Element): boolean {
  const rect = el.getBoundingClientRect();
  return rect.width > 0 && rect.height > 0 && getComputedStyle(el).visibility !== 'hidden';
}

/** The shared state box shown, if any: `loading`, `error`, `empty`, `no-patient`, `no-client`. */
export function sharedState(el: Element): string | undefined {
  const box = el.shadowRoot?.querySelector('[part~="state"]');
  if (!box) return undefined;
  return ['loading', 'error', 'empty', 'no-patient', 'no-client'].find((s) => box.part.contains(s)) ?? 'state';
}

// ---------------------------------------------------------------------------------------------
// The trap

declare global {
  interface Window {
    __zkPwned?: () => void;
  }
}

/**
 * Counts script executions: payloads call `window.__zkPwned()`; `alert`, `confirm`, `prompt` and
 * `print` count too. `restore()` puts the originals back.
 */
export function installTrap(): { readonly count: number; reset(): void; restore(): void } {
  let executions = 0;
  const saved = { alert: window.alert, confirm: window.confirm, prompt: window.prompt, print: window.print };
  const hit = () => {
    executions += 1;
  };
  window.__zkPwned = hit;
  window.alert = hit;
  window.confirm = () => {
    hit();
    return false;
  };
  window.prompt = () => {
    hit();
    return null;
  };
  window.print = hit;
  return {
    get count() {
      return executions;
    },
    reset() {
      executions = 0;
    },
    restore() {
      Object.assign(window, saved);
      delete window.__zkPwned;
    },
  };
}

/** Elements that data must never create (and that no zorgkit template uses). */
export const DANGEROUS_TAGS = [
  'script', 'img', 'svg', 'iframe', 'frame', 'object', 'embed', 'a', 'area', 'style', 'link', 'meta', 'base', 'form', 'math',
  'video', 'audio', 'source', 'template', 'marquee', 'details', 'body', 'html', 'textarea', 'select', 'image', 'animate', 'set',
];

/** A signature of a rendered shadow root: the tag names and attribute names it holds. */
export function vocabulary(root: ParentNode): { tags: Set<string>; attributes: Set<string> } {
  const tags = new Set<string>();
  const attributes = new Set<string>();
  for (const el of deepElements(root)) {
    tags.add(el.localName);
    for (const name of el.getAttributeNames()) attributes.add(name);
  }
  return { tags, attributes };
}

/** Every URL-bearing attribute in a root whose scheme is not http, https, mailto or tel. */
export function unsafeUrls(root: ParentNode): string[] {
  const bad: string[] = [];
  for (const el of deepElements(root)) {
    for (const name of ['href', 'xlink:href', 'src', 'action', 'formaction', 'srcdoc', 'data', 'poster', 'background']) {
      const value = el.getAttribute(name);
      if (value === null) continue;
      let scheme: string;
      try {
        scheme = new URL(value, document.baseURI).protocol;
      } catch {
        bad.push(`<${el.localName} ${name}="${value.slice(0, 60)}"> (not a URL)`);
        continue;
      }
      if (name === 'srcdoc' || !['http:', 'https:', 'mailto:', 'tel:'].includes(scheme)) bad.push(`<${el.localName} ${name}="${value.slice(0, 60)}">`);
    }
  }
  return bad;
}

/** Records the elements added anywhere under a root (and the shadow roots inside it) while it is watched. */
export function watchAdditions(root: Node): { added: () => string[]; stop: () => void } {
  const added: string[] = [];
  const observers: MutationObserver[] = [];
  const watch = (node: Node) => {
    const observer = new MutationObserver((records) => {
      for (const record of records) {
        for (const n of record.addedNodes) {
          if (n instanceof Element) {
            added.push(n.localName);
            for (const inner of deepElements(n)) added.push(inner.localName);
            if (n.shadowRoot) watch(n.shadowRoot);
          }
        }
      }
    });
    observer.observe(node, { childList: true, subtree: true });
    observers.push(observer);
  };
  watch(root);
  return { added: () => [...added], stop: () => observers.forEach((o) => o.disconnect()) };
}

/** Uncaught errors and unhandled rejections while collecting. */
export function collectGlobalErrors(): { readonly errors: string[]; stop(): void } {
  const errors: string[] = [];
  const onError = (event: ErrorEvent) => errors.push(`error: ${event.message}`);
  const onRejection = (event: PromiseRejectionEvent) => errors.push(`unhandled rejection: ${String((event.reason as Error)?.stack ?? event.reason)}`);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    errors,
    stop() {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

/** Waits for the next macrotask (an `<img onerror>` would have fired by then), and a bit more. */
export function nextTask(ms = 0): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
