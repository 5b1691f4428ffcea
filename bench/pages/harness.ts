// In-page half of the render benchmark: the same measuring code for the floor and for zorgkit's
// medication list. The Node side (bench/render.mjs) drives it through puppeteer-core:
//   await bench.prepare(n)   data and a detached element (not timed)
//   await bench.mount()      insert → first paint with rows; then the DOM settles
//   bench.armFilter()        focuses the search box and starts watching; Node types one key
//   await bench.filtered()   keydown → paint after the last DOM change
//   bench.longTasks()        PerformanceObserver('longtask') entries since the page loaded

/** What differs between the floor and the component. */
export interface Subject {
  /**
   * Builds the element and its data source, not yet in the document (not timed). The data source
   * stands in for the server: it is in the page before and after, so the heap delta leaves it out.
   */
  prepare(n: number, input?: unknown): HTMLElement | Promise<HTMLElement>;
  /** Inserts the element (timed; default `container.append(el)`): where the floor takes its data. */
  insert?(el: HTMLElement, container: HTMLElement): void;
  /** The element whose shadow DOM holds the rows (the inserted element or one inside it). */
  target(inserted: HTMLElement): HTMLElement | null;
  /** Whether rows are on screen (not a loading skeleton). */
  hasRows(target: HTMLElement): boolean;
  /** What went wrong, when the element shows an error instead of rows. */
  failure?(target: HTMLElement): string | undefined;
  /** The search box to type in. */
  searchInput(target: HTMLElement): HTMLInputElement | null;
  /** Rows in the DOM now (for the report: virtualised lists keep only the visible ones). */
  rowCount(target: HTMLElement): number;
  /** Rows the element says it shows (all of them, also those a virtualiser keeps out of the DOM). */
  shownCount(target: HTMLElement): number;
}

interface LongTask { start: number; duration: number }
/** An element's rendered shadow DOM: its markup and the CSS text of its adopted style sheets. */
export interface MarkupSnapshot { html: string; css: string[] }
export interface MountResult { firstRowsMs: number; settledMs: number; rowsInDom: number; shown: number; start: number; end: number }
export interface FilterResult { ms: number; paintMs: number; changed: boolean; rowsInDom: number; shown: number; start: number; end: number }

/** Every open shadow root under (and including) a node's own, for deep queries. */
export function deepQueryAll(root: ParentNode, selector: string): Element[] {
  const out: Element[] = [];
  const visit = (node: ParentNode) => {
    out.push(...node.querySelectorAll(selector));
    for (const el of node.querySelectorAll('*')) if (el.shadowRoot) visit(el.shadowRoot);
  };
  visit(root);
  return out;
}

/** Resolves just after the next frame was produced (rAF, then a task after the frame's rendering). */
export function afterNextPaint(): Promise<number> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(0);
    });
  });
}

const QUIET_MS = 200;
const NO_CHANGE_MS = 3000;

/** Whether a node is inside an ARIA live region (role status/alert/log or aria-live). */
function inLiveRegion(node: Node): boolean {
  const el = node instanceof Element ? node : node.parentElement;
  return el?.closest('[aria-live], [role="status"], [role="alert"], [role="log"]') != null;
}

/** Watches a node (and open shadow roots inside it) and resolves when mutations have stopped. */
function observeAll(target: HTMLElement, onMutation: () => void): () => void {
  const observers: MutationObserver[] = [];
  const seen = new Set<Node>();
  const options: MutationObserverInit = { childList: true, subtree: true, characterData: true, attributes: true };
  const watch = (node: Node) => {
    if (seen.has(node)) return;
    seen.add(node);
    const observer = new MutationObserver((records) => {
      // Live-region text is announced to screen readers on purpose after typing pauses; it is not
      // the rows a user waits for, so it does not count as a change.
      if (records.every((r) => inLiveRegion(r.target))) return;
      onMutation();
      // Newly created shadow roots (rows as custom elements, a virtualiser) are watched too.
      for (const el of (node as ParentNode).querySelectorAll('*')) if (el.shadowRoot) watch(el.shadowRoot);
    });
    observer.observe(node, options);
    observers.push(observer);
    for (const el of (node as ParentNode).querySelectorAll('*')) if (el.shadowRoot) watch(el.shadowRoot);
  };
  watch(target);
  if (target.shadowRoot) watch(target.shadowRoot);
  return () => observers.forEach((o) => o.disconnect());
}

interface Settled {
  /** The last DOM change, styled and laid out (forced synchronously): the work, without waiting for a frame. */
  laidOut: number;
  /** The paint after the last DOM change. */
  painted: number;
}

/**
 * Waits for DOM changes to stop (QUIET_MS without one). Resolves with when the last change was laid
 * out and painted, or with `undefined` when nothing changed within `firstWait` ms.
 */
function settle(target: HTMLElement, firstWait: number): Promise<Settled | undefined> {
  return new Promise((resolve) => {
    let last: Settled | undefined;
    let generation = 0;
    let timer = setTimeout(finish, firstWait);
    const stop = observeAll(target, () => {
      const mine = ++generation;
      // Mutation callbacks run as a microtask right after the code that changed the DOM, in the
      // same task: reading a layout property forces style and layout now, so this time is the
      // work itself, without waiting for the next frame.
      void document.body.offsetHeight;
      const laidOut = performance.now();
      void afterNextPaint().then((painted) => {
        if (mine !== generation) return;
        last = { laidOut, painted };
        clearTimeout(timer);
        timer = setTimeout(finish, QUIET_MS);
      });
    });
    function finish() {
      stop();
      resolve(last);
    }
  });
}

export function installHarness(subject: Subject): void {
  const tasks: LongTask[] = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // longtask entries are a Chromium feature; the Node side reports "n/a" without them.
  }

  let element: HTMLElement | undefined;
  let target: HTMLElement | null = null;
  let keydownAt: number | undefined;
  let filterDone: Promise<FilterResult> | undefined;
  const container = document.createElement('div');
  container.id = 'bench-container';
  document.body.append(container);

  window.addEventListener('keydown', (e) => { keydownAt ??= e.timeStamp; }, { capture: true });

  const api = {
    ready: true,
    async prepare(n: number, input?: unknown): Promise<void> {
      element = await subject.prepare(n, input);
    },
    async mount(): Promise<MountResult> {
      if (!element) throw new Error('prepare() first');
      const el = element;
      const start = performance.now();
      if (subject.insert) subject.insert(el, container);
      else container.append(el);
      await new Promise<void>((resolve, reject) => {
        const check = () => {
          target ??= subject.target(el);
          if (target && subject.hasRows(target)) {
            stop?.();
            clearTimeout(timeout);
            resolve();
            return true;
          }
          const failure = target ? subject.failure?.(target) : undefined;
          if (failure) {
            stop?.();
            clearTimeout(timeout);
            reject(new Error(`the element shows an error: ${failure}`));
            return true;
          }
          return false;
        };
        let stop: (() => void) | undefined;
        const timeout = setTimeout(() => { stop?.(); reject(new Error('no rows within 30 s')); }, 30000);
        if (!check()) stop = observeAll(el, () => void check());
      });
      const firstRows = await afterNextPaint();
      // bench/profile.mjs stops its CPU profile here (console.profileEnd), at the first paint with rows.
      (window as unknown as { benchHooks?: { firstRows?: () => void } }).benchHooks?.firstRows?.();
      const settled = (await settle(target!, QUIET_MS))?.painted ?? firstRows;
      return { firstRowsMs: firstRows - start, settledMs: Math.max(settled, firstRows) - start, rowsInDom: subject.rowCount(target!), shown: subject.shownCount(target!), start, end: firstRows };
    },
    armFilter(): boolean {
      const input = target ? subject.searchInput(target) : null;
      if (!input || !target) return false;
      input.focus();
      keydownAt = undefined;
      const t = target;
      filterDone = new Promise<FilterResult>((resolve) => {
        // Start watching before the key arrives, so the first change is seen.
        const started = performance.now();
        void settle(t, NO_CHANGE_MS).then((done) => {
          const from = keydownAt ?? started;
          resolve({
            ms: done ? done.laidOut - from : NaN,
            paintMs: done ? done.painted - from : NaN,
            changed: done !== undefined,
            rowsInDom: subject.rowCount(t),
            shown: subject.shownCount(t),
            start: from,
            end: done?.painted ?? performance.now(),
          });
        });
      });
      return document.activeElement !== null;
    },
    filtered(): Promise<FilterResult> {
      if (!filterDone) throw new Error('armFilter() first');
      return filterDone;
    },
    rowCount(): number {
      return target ? subject.rowCount(target) : 0;
    },
    /** The shown element's shadow DOM as markup and its style sheets as CSS text (bench/pages/markup-page.ts). */
    snapshot(): MarkupSnapshot | undefined {
      const root = target?.shadowRoot;
      if (!root) return undefined;
      return { html: root.innerHTML, css: root.adoptedStyleSheets.map((sheet) => [...sheet.cssRules].map((rule) => rule.cssText).join('\n')) };
    },
    longTasks(): LongTask[] {
      return tasks.slice();
    },
  };
  (window as unknown as { bench: typeof api }).bench = api;
}
