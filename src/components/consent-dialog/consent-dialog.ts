import { ZkConsentDialog } from './consent-dialog.component.js';

export { ZkConsentDialog };

if (!customElements.get('zk-consent-dialog')) customElements.define('zk-consent-dialog', ZkConsentDialog);

declare global {
  interface HTMLElementTagNameMap {
    'zk-consent-dialog': ZkConsentDialog;
  }
}
