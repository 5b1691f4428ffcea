/**
 * A module an element loads on first need (a dynamic import, which bundlers make a lazy chunk):
 * the virtualizer, the consent dialog's parts, the banner's details.
 */
export interface LazyModule<T> {
  /** The module once loaded; `undefined` before, `null` when it could not be loaded. */
  readonly module: T | null | undefined;
  /**
   * Loads it, once for every element on the page; resolves with the module, or `null` when it could
   * not be loaded (a browser keeps a failed module load for the life of the page, so there is no retry).
   */
  load(): Promise<T | null>;
}

export function lazyModule<T>(importer: () => Promise<T>): LazyModule<T> {
  let module: T | null | undefined;
  let loading: Promise<T | null> | undefined;
  return {
    get module() {
      return module;
    },
    load() {
      loading ??= importer().then((loaded) => (module = loaded), () => (module = null));
      return loading;
    },
  };
}
