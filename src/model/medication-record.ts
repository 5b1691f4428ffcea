// What the medication list is built from: one medication record with its medication resolved.
import type { CodeableConcept, Medication, MedicationRequest, MedicationStatement } from '../fhir/r4.js';

/** A MedicationRequest or MedicationStatement with its medication resolved. */
export interface MedicationRecord {
  resource: MedicationRequest | MedicationStatement;
  /** The Medication found through `_include`, `contained` (`#id`), or a read; undefined if none. */
  medication?: Medication;
  /**
   * What the medication is: `Medication.code`, or `medicationCodeableConcept`; when the
   * Medication could not be found, the reference's `display` as text (if it has one).
   */
  concept?: CodeableConcept;
}
