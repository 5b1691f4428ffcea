// PLACEHOLDER: the UtilityClient is being written (issue 3). The public surface below is the
// contract components code against.
import type { Adapter, LaunchContext, RequestOptions } from './adapter.js';
import type {
  AllergyIntolerance, CodeableConcept, Consent, Medication, MedicationRequest, MedicationStatement, Patient,
} from './fhir.js';

/** A MedicationRequest or MedicationStatement with its medication resolved. */
export interface MedicationRecord {
  resource: MedicationRequest | MedicationStatement;
  /** The Medication found through `_include`, `contained` (`#id`), or undefined. */
  medication?: Medication;
  /** What the medication is: `Medication.code`, or `medicationCodeableConcept`. */
  concept?: CodeableConcept;
}

export type AllergyStatusCode = 'known' | 'none' | 'not-recorded';

export interface AllergyStatus {
  status: AllergyStatusCode;
  /** The relevant (not refuted, not entered-in-error) AllergyIntolerance resources. */
  allergies: AllergyIntolerance[];
}

export type ChangeListener = (type: string) => void;

export class UtilityClient {
  readonly adapter: Adapter;
  constructor(adapter: Adapter) {
    this.adapter = adapter;
  }
  launchContext(): Promise<LaunchContext> {
    return this.adapter.launchContext();
  }
  getPatient(_id: string, _options?: RequestOptions): Promise<Patient> {
    throw new Error('not yet');
  }
  getMedications(_patientId: string, _options?: RequestOptions): Promise<MedicationRecord[]> {
    throw new Error('not yet');
  }
  getAllergyStatus(_patientId: string, _options?: RequestOptions): Promise<AllergyStatus> {
    throw new Error('not yet');
  }
  getConsents(_patientId: string, _options?: RequestOptions): Promise<Consent[]> {
    throw new Error('not yet');
  }
  recordConsent(_consent: Consent, _options?: RequestOptions): Promise<Consent> {
    throw new Error('not yet');
  }
  withdrawConsent(_consent: Consent, _options?: RequestOptions): Promise<Consent> {
    throw new Error('not yet');
  }
  canWrite(type: string): boolean {
    return this.adapter.canWrite(type);
  }
  onChange(_type: string, _listener: ChangeListener): () => void {
    return () => undefined;
  }
}
