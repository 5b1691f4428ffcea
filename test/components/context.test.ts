import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { consume } from '@lit/context';
import '../../src/components/context/context.js';
import { utilityClientContext } from '../../src/core/context.js';
import type { UtilityClient } from '../../src/core/client.js';
import type { Adapter } from '../../src/core/adapter.js';
import { getLocale, setLocale } from '../../src/i18n/locale.js';
import { MemoryAdapter } from '../../src/adapters/memory.js';

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

  it('an element whose module loads after the page switched to Dutch shows its Dutch text (each element adds its own)', async () => {
    // This file loads no element module up front: the banner's module (and its Dutch) comes later.
    expect(customElements.get('zk-patient-banner')).to.equal(undefined);
    await setLocale('nl');
    try {
      expect(getLocale()).to.equal('nl');
      await import('../../src/components/patient-banner/patient-banner.js');
      const adapter = new MemoryAdapter([{ resourceType: 'Patient', id: 'p1', name: [{ family: 'Testpersoon', given: ['Anna'] }], birthDate: '1980-02-03', gender: 'female' }]);
      const el = await fixture<HTMLElementTagNameMap['zk-context']>(html`<zk-context .adapter=${adapter}><zk-patient-banner patient-id="p1"></zk-patient-banner></zk-context>`);
      const banner = el.querySelector('zk-patient-banner')!;
      await waitUntil(() => /Testpersoon/i.test(banner.shadowRoot?.textContent ?? ''), 'the banner did not load');
      const shown = (banner.shadowRoot!.textContent ?? '').replace(/\s+/g, ' ');
      expect(shown).to.include('Geboren');
      expect(shown).to.include('Geslacht');
      expect(shown).not.to.include('Born');
      await expect(el).to.be.accessible();
    } finally {
      await setLocale(undefined);
    }
  });

  it('an element finds a <zk-context> defined after it (an app importing zorgkit/patient-banner before zorgkit/context)', async () => {
    await import('../../src/components/patient-banner/patient-banner.js');
    const { ZkContext } = await import('../../src/components/context/context.js');
    const wrapper = await fixture(html`<zk-late-context><zk-patient-banner patient-id="p2"></zk-patient-banner></zk-late-context>`);
    const banner = wrapper.querySelector('zk-patient-banner')!;
    await banner.updateComplete;
    // The banner asked for its client while nothing around it could answer; now the provider comes.
    customElements.define('zk-late-context', class extends ZkContext {});
    (wrapper as InstanceType<typeof ZkContext>).adapter = new MemoryAdapter([{ resourceType: 'Patient', id: 'p2', name: [{ family: 'Laatkomer', given: ['Bo'] }], birthDate: '1990-05-06', gender: 'male' }]);
    await waitUntil(() => /Laatkomer/i.test(banner.shadowRoot?.textContent ?? ''), 'the banner never found the <zk-context> around it');
  });
});
