/** What asked a dialog to close. */
export type ZkCloseSource = 'keyboard' | 'close-button' | 'backdrop';

/**
 * `zk-request-close`: the user asked to close a dialog (Escape, the close button, a click on the
 * backdrop). Cancelable: call `preventDefault()` to keep the dialog open. Not fired by `close()`.
 */
export class ZkRequestCloseEvent extends Event {
  static readonly eventName = 'zk-request-close';
  readonly detail: { readonly source: ZkCloseSource };

  constructor(source: ZkCloseSource) {
    super(ZkRequestCloseEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.detail = { source };
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'zk-request-close': ZkRequestCloseEvent;
  }
}
