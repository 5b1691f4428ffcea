// The virtualised table body, in a module of its own: `<zk-medication-list>` imports it only when a
// list has more rows than its `virtualize-threshold`, so the virtualizer is not part of the script
// every page loads at start-up (most patients have a few dozen records; the virtualizer is about a
// third of the element's code). Bundlers turn the dynamic import into a lazy chunk.
import type { TemplateResult } from 'lit';
import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import { flow } from '@lit-labs/virtualizer/layouts/flow.js';

/**
 * The virtualizer's layout, given explicitly: left out, the virtualizer imports it on its own
 * first render, a round trip before any row shows.
 */
const FLOW_LAYOUT = flow();

/** Renders only the items near the viewport, each by `renderItem`, kept apart by `key`. */
export function virtualBody<T>(items: readonly T[], key: (item: T) => string, renderItem: (item: T, index: number) => TemplateResult): unknown {
  return virtualize<T>({ items: items as T[], layout: FLOW_LAYOUT, keyFunction: key, renderItem });
}
