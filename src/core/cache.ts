// The UtilityClient's request cache: identical concurrent requests share one load, results are kept
// until a write to a type they depend on invalidates them, and aborting is reference-counted.
import { abortError } from './http.js';

interface Entry {
  readonly key: string;
  /** Resource types whose writes make this entry stale. */
  readonly types: readonly string[];
  readonly controller: AbortController;
  promise: Promise<unknown>;
  done: boolean;
  value?: unknown;
  /** Callers still waiting that may abort (callers without a signal keep it alive for good). */
  waiters: number;
}

/** Values `deepFreeze` finished: frozen all the way down, so a later call stops at them. */
const frozenTrees = new WeakSet<object>();

/**
 * Freezes `value` and everything reachable from it, and returns it. Iterative (FHIR extensions nest
 * deeply); each object is visited once, also one that was frozen already (its children may not be),
 * and a value it froze before (a resource a store keeps and shares, say) is not walked again.
 * Throws a TypeError for what cannot be frozen (a typed array with elements, say).
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || frozenTrees.has(value)) return value;
  const seen = new WeakSet<object>();
  const stack: unknown[] = [value];
  while (stack.length) {
    const item = stack.pop();
    if (typeof item !== 'object' || item === null || seen.has(item) || frozenTrees.has(item)) continue;
    seen.add(item);
    Object.freeze(item);
    if (Array.isArray(item)) {
      for (let i = 0; i < item.length; i += 1) stack.push(item[i]);
    } else {
      for (const key of Object.keys(item)) stack.push((item as Record<string, unknown>)[key]);
    }
  }
  frozenTrees.add(value);
  return value;
}

/**
 * Shares and keeps the results of loads by key.
 *
 * - Callers asking for a key that is loading wait for the same load (one request).
 * - A successful result is kept until `invalidate()` names one of its types; a failed load is
 *   forgotten at once, so the next call tries again.
 * - Results are deep-frozen once and shared: every caller gets the same read-only value, so no
 *   caller can change what another one sees, and a page holds one copy of its data, not one per
 *   caller (changing a result throws a TypeError; copy it with `structuredClone` to edit).
 * - A caller whose signal aborts rejects at once with an `AbortError`; the load itself is aborted
 *   only when every caller waiting for it has aborted.
 */
export class RequestCache {
  private readonly entries = new Map<string, Entry>();
  private readonly maxEntries: number;

  /** @param maxEntries how many results to keep; the oldest finished ones go first. */
  constructor(maxEntries = 500) {
    this.maxEntries = maxEntries;
  }

  /** How many results (finished or loading) are held now. */
  get size(): number {
    return this.entries.size;
  }

  /**
   * The result for `key`: kept, loading, or started now with `load(signal)`.
   * @param types the resource types the result depends on (for `invalidate`).
   * @param load starts the work; its signal aborts when every waiting caller has aborted.
   */
  get<T>(key: string, types: readonly string[], load: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) return Promise.reject(abortError());
    const entry = this.entries.get(key) ?? this.start(key, types, load);
    if (entry.done) return Promise.resolve(entry.value as T);
    return this.wait(entry, signal) as Promise<T>;
  }

  /** Forgets the results that depend on `type` (every result when no type is given). */
  invalidate(type?: string): void {
    for (const [key, entry] of this.entries) {
      if (type === undefined || entry.types.includes(type)) this.entries.delete(key);
    }
  }

  private start(key: string, types: readonly string[], load: (signal: AbortSignal) => Promise<unknown>): Entry {
    const controller = new AbortController();
    const entry: Entry = { key, types: [...types], controller, promise: Promise.resolve(), done: false, waiters: 0 };
    // Frozen inside the load: a value that cannot be frozen fails the load for every caller.
    entry.promise = (async () => deepFreeze(await load(controller.signal)))();
    entry.promise.then(
      (value) => {
        entry.done = true;
        entry.value = value;
      },
      () => this.forget(entry),
    );
    this.entries.set(key, entry);
    this.trim();
    return entry;
  }

  private wait(entry: Entry, signal: AbortSignal | undefined): Promise<unknown> {
    return new Promise((resolve, reject) => {
      let finished = false;
      const onAbort = () => {
        if (finished) return;
        finished = true;
        reject(abortError());
        entry.waiters -= 1;
        if (entry.waiters === 0 && !entry.done) {
          this.forget(entry);
          entry.controller.abort();
        }
      };
      if (signal) {
        entry.waiters += 1;
        signal.addEventListener('abort', onAbort, { once: true });
      } else {
        entry.waiters = Number.POSITIVE_INFINITY;
      }
      entry.promise.then(
        (value) => {
          if (finished) return;
          finished = true;
          signal?.removeEventListener('abort', onAbort);
          resolve(value);
        },
        (error: unknown) => {
          if (finished) return;
          finished = true;
          signal?.removeEventListener('abort', onAbort);
          // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the load's own error, passed on unchanged
          reject(error);
        },
      );
    });
  }

  private forget(entry: Entry): void {
    if (this.entries.get(entry.key) === entry) this.entries.delete(entry.key);
  }

  private trim(): void {
    if (this.entries.size <= this.maxEntries) return;
    for (const entry of this.entries.values()) {
      if (this.entries.size <= this.maxEntries) return;
      if (entry.done) this.forget(entry);
    }
  }
}
