import { ZkMedicationList } from './medication-list.component.js';
import { attachContextRoot } from '../shared/context-root.js';

export { ZkMedicationList };

// Also when a <zk-context> around it is defined later (an import order the app chooses).
attachContextRoot();
if (!customElements.get('zk-medication-list')) customElements.define('zk-medication-list', ZkMedicationList);

declare global {
  interface HTMLElementTagNameMap {
    'zk-medication-list': ZkMedicationList;
  }
}
