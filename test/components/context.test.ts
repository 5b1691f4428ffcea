import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { consume } from '@lit/context';
import '../../src/components/context/context.js';
import { utilityClientContext } from '../../src/core/context.js';
import type { UtilityClient } from '../../src/core/client.js';
import type { Adapter } from '../../src/core/adapter.js';

class ProbeElement extends LitElement {
  @consume({ context: utilityClientContext, subscribe: true })
  client: UtilityClient | undefined;
}
customElements.define('zk-test-probe', ProbeElement);

const fakeAdapter = (name: string): Adapter => ({
  name,
  read: () => Promise.reject(new Error('unused')),
  search: () => Promise.reject(new Error('unused')),
  nextPage: () => Promise.reject(new Error('unused')),
  create: () => Promise.reject(new Error('unused')),
  update: () => Promise.reject(new Error('unused')),
  launchContext: () => Promise.resolve({}),
  canWrite: () => false,
});

describe('<zk-context>', () => {
  it('gives every element inside it a client for its adapter, and a new one when the adapter changes', async () => {
    const first = fakeAdapter('first');
    const el = await fixture<HTMLElementTagNameMap['zk-context']>(html`<zk-context .adapter=${first}><zk-test-probe></zk-test-probe></zk-context>`);
    const probe = el.querySelector('zk-test-probe') as ProbeElement;
    expect(probe.client?.adapter).to.equal(first);
    const second = fakeAdapter('second');
    el.adapter = second;
    await el.updateComplete;
    expect(probe.client?.adapter).to.equal(second);
  });
});
