/**
 * `zk-sign-in-request`: the user asked to sign in again after their session ended (the consent
 * dialog's "Sign in again"). The element does not navigate: the host starts a new sign-in (a SMART
 * launch, its portal's login). The detail is empty: no patient or token data.
 */
export class ZkSignInRequestEvent extends Event {
  static readonly eventName = 'zk-sign-in-request';
  readonly detail: Readonly<Record<string, never>> = {};

  constructor() {
    super(ZkSignInRequestEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'zk-sign-in-request': ZkSignInRequestEvent;
  }
}
