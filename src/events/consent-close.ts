/**
 * `zk-consent-close`: the consent dialog closed after the user asked it to (so a host that binds
 * `open` can follow). Not fired by `close()` or by setting `open`.
 */
export class ZkConsentCloseEvent extends Event {
  static readonly eventName = 'zk-consent-close';

  constructor() {
    super(ZkConsentCloseEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'zk-consent-close': ZkConsentCloseEvent;
  }
}
