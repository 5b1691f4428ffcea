import type { Consent } from '../core/fhir.js';

/**
 * `zk-consent-decision`: the patient's decision was recorded, and the server confirmed it.
 * `detail.consent` is the Consent as the server stored it. Never fired before that confirmation.
 */
export class ZkConsentDecisionEvent extends Event {
  static readonly eventName = 'zk-consent-decision';
  readonly detail: { readonly consent: Consent };

  constructor(consent: Consent) {
    super(ZkConsentDecisionEvent.eventName, { bubbles: true, composed: true });
    this.detail = { consent };
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'zk-consent-decision': ZkConsentDecisionEvent;
  }
}
