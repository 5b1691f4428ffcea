import type { Consent } from '../core/fhir.js';

/**
 * `zk-consent-withdraw`: an earlier decision was withdrawn, and the server confirmed it.
 * `detail.consent` is the updated Consent (status `inactive`).
 */
export class ZkConsentWithdrawEvent extends Event {
  static readonly eventName = 'zk-consent-withdraw';
  readonly detail: { readonly consent: Consent };

  constructor(consent: Consent) {
    super(ZkConsentWithdrawEvent.eventName, { bubbles: true, composed: true });
    this.detail = { consent };
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'zk-consent-withdraw': ZkConsentWithdrawEvent;
  }
}
