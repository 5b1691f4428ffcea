import { ZkPatientBanner } from './patient-banner.component.js';
import { attachContextRoot } from '../shared/context-root.js';

export { ZkPatientBanner };

// Also when a <zk-context> around it is defined later (an import order the app chooses).
attachContextRoot();
if (!customElements.get('zk-patient-banner')) customElements.define('zk-patient-banner', ZkPatientBanner);

declare global {
  interface HTMLElementTagNameMap {
    'zk-patient-banner': ZkPatientBanner;
  }
}
