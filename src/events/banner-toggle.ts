/**
 * `zk-banner-toggle`: the user opened or closed the patient banner's details (contact details and
 * address). `detail.expanded` is the new state. Fired on user action only, not when a host sets
 * `expanded`. Carries no patient data.
 */
export class ZkBannerToggleEvent extends Event {
  static readonly eventName = 'zk-banner-toggle';
  readonly detail: { readonly expanded: boolean };

  constructor(expanded: boolean) {
    super(ZkBannerToggleEvent.eventName, { bubbles: true, composed: true });
    this.detail = { expanded };
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'zk-banner-toggle': ZkBannerToggleEvent;
  }
}
