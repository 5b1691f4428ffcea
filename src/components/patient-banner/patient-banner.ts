import { ZkPatientBanner } from './patient-banner.component.js';

export { ZkPatientBanner };

if (!customElements.get('zk-patient-banner')) customElements.define('zk-patient-banner', ZkPatientBanner);

declare global {
  interface HTMLElementTagNameMap {
    'zk-patient-banner': ZkPatientBanner;
  }
}
