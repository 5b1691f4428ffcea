import { expect } from '@open-wc/testing';
import { RequestCache, deepFreeze } from '../../src/core/cache.js';

/** A load that can be finished from outside, counting how often it started and seeing its signal. */
function deferredLoad<T>() {
  const state = { starts: 0, signal: undefined as AbortSignal | undefined, resolve: (_: T) => {}, reject: (_: unknown) => {} };
  const load = (signal: AbortSignal) => {
    state.starts += 1;
    state.signal = signal;
    return new Promise<T>((resolve, reject) => {
      state.resolve = resolve;
      state.reject = reject;
      signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
    });
  };
  return { state, load };
}

describe('RequestCache', () => {
  it('a result that arrives after its type was invalidated (a write happened meanwhile) is handed out but not kept', async () => {
    const cache = new RequestCache();
    const first = deferredLoad<{ n: number }>();
    const pending = cache.get('k', ['Consent'], first.load);
    cache.invalidate('Consent');
    first.state.resolve({ n: 1 });
    expect(await pending).to.deep.equal({ n: 1 });
    const second = deferredLoad<{ n: number }>();
    const again = cache.get('k', ['Consent'], second.load);
    second.state.resolve({ n: 2 });
    expect(await again).to.deep.equal({ n: 2 });
    expect(second.state.starts).to.equal(1);
  });

  it('invalidating one type keeps results of other types', async () => {
    const cache = new RequestCache();
    await cache.get('patient', ['Patient'], () => Promise.resolve('p'));
    await cache.get('meds', ['MedicationRequest', 'Medication'], () => Promise.resolve('m'));
    cache.invalidate('Medication');
    let loads = 0;
    expect(await cache.get('patient', ['Patient'], () => { loads++; return Promise.resolve('p2'); })).to.equal('p');
    expect(await cache.get('meds', ['MedicationRequest', 'Medication'], () => { loads++; return Promise.resolve('m2'); })).to.equal('m2');
    expect(loads).to.equal(1);
  });

  it('a failed load is passed to every waiting caller and forgotten', async () => {
    const cache = new RequestCache();
    const failing = deferredLoad<string>();
    const a = cache.get('k', ['T'], failing.load);
    const b = cache.get('k', ['T'], failing.load);
    failing.state.reject(new Error('boom'));
    const results = await Promise.allSettled([a, b]);
    expect(results.map((r) => r.status)).to.deep.equal(['rejected', 'rejected']);
    expect(failing.state.starts).to.equal(1);
    expect(await cache.get('k', ['T'], () => Promise.resolve('ok'))).to.equal('ok');
  });

  it('hands every caller the same deep-frozen result, children of an already frozen object included', async () => {
    const cache = new RequestCache();
    const load = deferredLoad<{ list: { n: number }[]; inner: { deep: { x: number[] } } }>();
    const a = cache.get('k', ['T'], load.load);
    const b = cache.get('k', ['T'], load.load);
    const inner = Object.freeze({ deep: { x: [1] } }); // shallow-frozen by someone else
    load.state.resolve({ list: [{ n: 1 }], inner });
    const [first, second] = await Promise.all([a, b]);
    expect(second).to.equal(first);
    expect(await cache.get('k', ['T'], load.load)).to.equal(first);
    expect(Object.isFrozen(first.list[0]) && Object.isFrozen(first.inner.deep) && Object.isFrozen(first.inner.deep.x)).to.equal(true);
    expect(() => { first.inner.deep.x.push(2); }).to.throw(TypeError);
  });

  it('a result that cannot be frozen fails the load for every caller and is not kept', async () => {
    const cache = new RequestCache();
    const load = deferredLoad<{ bytes: Uint8Array }>();
    const a = cache.get('k', ['T'], load.load);
    const b = cache.get('k', ['T'], load.load);
    load.state.resolve({ bytes: new Uint8Array([1, 2]) });
    const results = await Promise.allSettled([a, b]);
    expect(results.map((r) => r.status)).to.deep.equal(['rejected', 'rejected']);
    expect(cache.size).to.equal(0);
    expect(await cache.get('k', ['T'], () => Promise.resolve({ bytes: 'AQI=' }))).to.deep.equal({ bytes: 'AQI=' });
  });

  it('deepFreeze freezes everything reachable once, shared and cyclic objects included, and a frozen tree inside a new value', () => {
    const shared = { code: ['a'] };
    const cyclic: { self?: unknown; shared: typeof shared } = { shared };
    cyclic.self = cyclic;
    const tree = deepFreeze({ deep: { list: [{ x: 1 }] } });
    const value = deepFreeze({ a: shared, b: shared, cyclic, tree, later: Object.freeze({ open: { y: [2] } }) });
    expect([shared, shared.code, cyclic, value.tree.deep.list[0], value.later.open, value.later.open.y].every((o) => Object.isFrozen(o))).to.equal(true);
  });

  it('deepFreeze walks 10,000 levels of nesting without running out of stack', () => {
    let nested: { child?: unknown } = {};
    const top = nested;
    for (let i = 0; i < 10_000; i += 1) nested = (nested.child = {});
    deepFreeze(top);
    expect(Object.isFrozen(nested)).to.equal(true);
  });

  it('keeps at most maxEntries results, dropping the oldest', async () => {
    const cache = new RequestCache(2);
    for (const key of ['a', 'b', 'c']) await cache.get(key, ['T'], () => Promise.resolve(key));
    expect(cache.size).to.equal(2);
    let reloaded = false;
    await cache.get('a', ['T'], () => { reloaded = true; return Promise.resolve('a'); });
    expect(reloaded).to.equal(true);
  });
});
