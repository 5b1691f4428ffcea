/** Why a session ended. */
export type ZkSessionExpiredReason =
  /** The authorization server refused the refresh token (`invalid_grant`: expired, revoked, reused). */
  | 'refresh-failed'
  /** The access token expired and there was no refresh token to renew it. */
  | 'no-refresh-token'
  /** The FHIR server refused a token that had just been renewed. */
  | 'token-rejected';

/**
 * `zk-session-expired`: the signed-in session ended (the tokens are cleared), so what the user sees
 * can no longer be loaded until they sign in again. Fired by the SMART adapter on `window` (or the
 * `eventTarget` it was given); its `subscribe()` listeners get `'session-expired'` at the same time.
 * The detail holds no patient or token data.
 */
export class ZkSessionExpiredEvent extends Event {
  static readonly eventName = 'zk-session-expired';
  readonly detail: { readonly reason: ZkSessionExpiredReason; readonly adapter: string };

  constructor(reason: ZkSessionExpiredReason, adapter = 'smart') {
    super(ZkSessionExpiredEvent.eventName, { bubbles: true, composed: true });
    this.detail = { reason, adapter };
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'zk-session-expired': ZkSessionExpiredEvent;
  }
  interface WindowEventMap {
    'zk-session-expired': ZkSessionExpiredEvent;
  }
}
