import type { MedicationRequest, MedicationStatement } from '../core/fhir.js';
import type { MedicationRow } from '../model/medication.js';

/**
 * `zk-medication-select`: the user chose a medication in `<zk-medication-list>` (clicked, or
 * pressed Enter or Space on, its name). `detail.resource` is the resource that speaks for the row
 * (the medication agreement when there is one); `detail.row` is the whole row, with every source
 * (`row.sources`) when several records were merged. Fired on user action only. The resources are
 * the client's shared, deep-frozen answers: `structuredClone` one before you change it.
 */
export class ZkMedicationSelectEvent extends Event {
  static readonly eventName = 'zk-medication-select';
  readonly detail: { readonly resource: MedicationRequest | MedicationStatement; readonly row: MedicationRow };

  constructor(row: MedicationRow) {
    super(ZkMedicationSelectEvent.eventName, { bubbles: true, composed: true });
    this.detail = { resource: row.resource, row };
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'zk-medication-select': ZkMedicationSelectEvent;
  }
}
