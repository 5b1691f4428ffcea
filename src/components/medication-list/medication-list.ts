import { ZkMedicationList } from './medication-list.component.js';

export { ZkMedicationList };

if (!customElements.get('zk-medication-list')) customElements.define('zk-medication-list', ZkMedicationList);

declare global {
  interface HTMLElementTagNameMap {
    'zk-medication-list': ZkMedicationList;
  }
}
