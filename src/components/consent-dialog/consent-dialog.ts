import { ZkConsentDialog } from './consent-dialog.component.js';
import { attachContextRoot } from '../shared/context-root.js';

export { ZkConsentDialog };

// Also when a <zk-context> around it is defined later (an import order the app chooses).
attachContextRoot();
if (!customElements.get('zk-consent-dialog')) customElements.define('zk-consent-dialog', ZkConsentDialog);

declare global {
  interface HTMLElementTagNameMap {
    'zk-consent-dialog': ZkConsentDialog;
  }
}
