import { createContext } from '@lit/context';
import type { Adapter } from './adapter.js';
import { UtilityClient } from './client.js';

/**
 * The context every zorgkit element consumes: one UtilityClient for everything below a
 * `<zk-context>`. `Symbol.for` so that two copies of the bundle on one page still meet.
 */
export const utilityClientContext = createContext<UtilityClient | undefined>(Symbol.for('zorgkit/utility-client'));

const DEFAULT_CHANGED = 'zk-default-client-changed';
const GLOBAL_KEY = Symbol.for('zorgkit/default-client');
type GlobalHolder = { [GLOBAL_KEY]?: { client?: UtilityClient; events: EventTarget } };

function holder(): { client?: UtilityClient; events: EventTarget } {
  const g = globalThis as GlobalHolder;
  g[GLOBAL_KEY] ??= { events: new EventTarget() };
  return g[GLOBAL_KEY];
}

/**
 * Sets the page-wide default client, used by elements that have no `<zk-context>` above them.
 * Pass an adapter (a client is made for it) or a ready UtilityClient; `undefined` clears it.
 */
export function configure(options: { adapter?: Adapter; client?: UtilityClient } | undefined): UtilityClient | undefined {
  const h = holder();
  h.client = options?.client ?? (options?.adapter ? new UtilityClient(options.adapter) : undefined);
  h.events.dispatchEvent(new Event(DEFAULT_CHANGED));
  return h.client;
}

/** The page-wide default client, if `configure()` set one. */
export function defaultClient(): UtilityClient | undefined {
  return holder().client;
}

/** Calls `listener` whenever `configure()` changes the default client. Returns an unsubscribe function. */
export function onDefaultClientChange(listener: () => void): () => void {
  const events = holder().events;
  events.addEventListener(DEFAULT_CHANGED, listener);
  return () => events.removeEventListener(DEFAULT_CHANGED, listener);
}
