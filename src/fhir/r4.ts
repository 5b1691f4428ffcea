/**
 * The FHIR R4 (4.0.1) shapes zorgkit reads and writes. Only the elements zorgkit uses are typed;
 * everything else passes through untouched. Data from a server is never trusted to match these
 * types: model functions check what they read.
 */

export interface Element {
  id?: string;
  extension?: Extension[];
}

export interface Extension extends Element {
  url: string;
  valueString?: string;
  valueCode?: string;
  valueBoolean?: boolean;
  valueInteger?: number;
  valueDecimal?: number;
  valueDateTime?: string;
  valueDate?: string;
  valuePeriod?: Period;
  valueDuration?: Duration;
  valueCoding?: Coding;
  valueCodeableConcept?: CodeableConcept;
  valueQuantity?: Quantity;
  valueReference?: Reference;
  valueIdentifier?: Identifier;
  [key: string]: unknown;
}

export interface Meta {
  versionId?: string;
  lastUpdated?: string;
  profile?: string[];
  source?: string;
}

export interface Resource {
  resourceType: string;
  id?: string;
  meta?: Meta;
  [key: string]: unknown;
}

export interface DomainResource extends Resource {
  contained?: Resource[];
  extension?: Extension[];
  modifierExtension?: Extension[];
  text?: { status: string; div: string };
}

export interface Coding {
  system?: string;
  version?: string;
  code?: string;
  display?: string;
  userSelected?: boolean;
  extension?: Extension[];
}

export interface CodeableConcept {
  coding?: Coding[];
  text?: string;
  extension?: Extension[];
}

export interface Period {
  start?: string;
  end?: string;
  extension?: Extension[];
}

export interface Quantity {
  value?: number;
  comparator?: '<' | '<=' | '>=' | '>';
  unit?: string;
  system?: string;
  code?: string;
  extension?: Extension[];
  _value?: Element;
}

export type Duration = Quantity;

export interface Range {
  low?: Quantity;
  high?: Quantity;
}

export interface Ratio {
  numerator?: Quantity;
  denominator?: Quantity;
}

export interface Reference {
  reference?: string;
  type?: string;
  identifier?: Identifier;
  display?: string;
}

export interface Identifier {
  use?: 'usual' | 'official' | 'temp' | 'secondary' | 'old';
  type?: CodeableConcept;
  system?: string;
  value?: string;
  period?: Period;
  assigner?: Reference;
}

export interface HumanName extends Element {
  use?: 'usual' | 'official' | 'temp' | 'nickname' | 'anonymous' | 'old' | 'maiden';
  text?: string;
  family?: string;
  _family?: Element;
  given?: string[];
  _given?: (Element | null)[];
  prefix?: string[];
  suffix?: string[];
  period?: Period;
}

export interface ContactPoint extends Element {
  system?: 'phone' | 'fax' | 'email' | 'pager' | 'url' | 'sms' | 'other';
  value?: string;
  use?: 'home' | 'work' | 'temp' | 'old' | 'mobile';
  rank?: number;
  period?: Period;
}

export interface Address extends Element {
  use?: 'home' | 'work' | 'temp' | 'old' | 'billing';
  type?: 'postal' | 'physical' | 'both';
  text?: string;
  line?: string[];
  _line?: (Element | null)[];
  city?: string;
  district?: string;
  state?: string;
  postalCode?: string;
  country?: string;
  period?: Period;
}

export interface Patient extends DomainResource {
  resourceType: 'Patient';
  identifier?: Identifier[];
  active?: boolean;
  name?: HumanName[];
  telecom?: ContactPoint[];
  gender?: 'male' | 'female' | 'other' | 'unknown';
  birthDate?: string;
  deceasedBoolean?: boolean;
  deceasedDateTime?: string;
  address?: Address[];
}

export interface Timing {
  event?: string[];
  repeat?: {
    boundsDuration?: Duration;
    boundsRange?: Range;
    boundsPeriod?: Period;
    count?: number;
    countMax?: number;
    duration?: number;
    durationMax?: number;
    durationUnit?: string;
    frequency?: number;
    frequencyMax?: number;
    period?: number;
    periodMax?: number;
    periodUnit?: 's' | 'min' | 'h' | 'd' | 'wk' | 'mo' | 'a';
    dayOfWeek?: ('mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun')[];
    timeOfDay?: string[];
    when?: string[];
    offset?: number;
  };
  code?: CodeableConcept;
}

export interface DoseAndRate {
  type?: CodeableConcept;
  doseRange?: Range;
  doseQuantity?: Quantity;
  rateRatio?: Ratio;
  rateRange?: Range;
  rateQuantity?: Quantity;
}

export interface Dosage extends Element {
  sequence?: number;
  text?: string;
  additionalInstruction?: CodeableConcept[];
  patientInstruction?: string;
  timing?: Timing;
  asNeededBoolean?: boolean;
  asNeededCodeableConcept?: CodeableConcept;
  site?: CodeableConcept;
  route?: CodeableConcept;
  method?: CodeableConcept;
  doseAndRate?: DoseAndRate[];
  maxDosePerPeriod?: Ratio;
  maxDosePerAdministration?: Quantity;
  maxDosePerLifetime?: Quantity;
}

export interface Medication extends DomainResource {
  resourceType: 'Medication';
  identifier?: Identifier[];
  code?: CodeableConcept;
  status?: string;
  form?: CodeableConcept;
  amount?: Ratio;
  ingredient?: {
    itemCodeableConcept?: CodeableConcept;
    itemReference?: Reference;
    isActive?: boolean;
    strength?: Ratio;
  }[];
}

export interface MedicationRequest extends DomainResource {
  resourceType: 'MedicationRequest';
  identifier?: Identifier[];
  status?: 'active' | 'on-hold' | 'cancelled' | 'completed' | 'entered-in-error' | 'stopped' | 'draft' | 'unknown';
  intent?: string;
  category?: CodeableConcept[];
  medicationCodeableConcept?: CodeableConcept;
  medicationReference?: Reference;
  subject?: Reference;
  authoredOn?: string;
  requester?: Reference;
  dosageInstruction?: Dosage[];
  dispenseRequest?: { validityPeriod?: Period; [key: string]: unknown };
  note?: { text?: string }[];
}

export interface MedicationStatement extends DomainResource {
  resourceType: 'MedicationStatement';
  identifier?: Identifier[];
  status?: 'active' | 'completed' | 'entered-in-error' | 'intended' | 'stopped' | 'on-hold' | 'unknown' | 'not-taken';
  category?: CodeableConcept;
  medicationCodeableConcept?: CodeableConcept;
  medicationReference?: Reference;
  subject?: Reference;
  effectiveDateTime?: string;
  effectivePeriod?: Period;
  dateAsserted?: string;
  informationSource?: Reference;
  dosage?: Dosage[];
  note?: { text?: string }[];
}

export interface AllergyIntolerance extends DomainResource {
  resourceType: 'AllergyIntolerance';
  clinicalStatus?: CodeableConcept;
  verificationStatus?: CodeableConcept;
  category?: string[];
  criticality?: string;
  code?: CodeableConcept;
  patient?: Reference;
}

export interface ConsentProvision {
  type?: 'deny' | 'permit';
  period?: Period;
  actor?: { role?: CodeableConcept; reference?: Reference }[];
  action?: CodeableConcept[];
  securityLabel?: Coding[];
  purpose?: Coding[];
  class?: Coding[];
  code?: CodeableConcept[];
  dataPeriod?: Period;
  data?: { meaning?: string; reference?: Reference }[];
  provision?: ConsentProvision[];
  extension?: Extension[];
  modifierExtension?: Extension[];
}

/** A document by reference or inline (only the fields zorgkit reads). */
export interface Attachment extends Element {
  contentType?: string;
  language?: string;
  url?: string;
  title?: string;
  creation?: string;
}

export interface Consent extends DomainResource {
  resourceType: 'Consent';
  identifier?: Identifier[];
  status?: 'draft' | 'proposed' | 'active' | 'rejected' | 'inactive' | 'entered-in-error';
  scope?: CodeableConcept;
  category?: CodeableConcept[];
  patient?: Reference;
  dateTime?: string;
  performer?: Reference[];
  organization?: Reference[];
  sourceAttachment?: Attachment;
  sourceReference?: Reference;
  policy?: { authority?: string; uri?: string }[];
  policyRule?: CodeableConcept;
  provision?: ConsentProvision;
}

export interface BundleEntry<T extends Resource = Resource> {
  fullUrl?: string;
  resource?: T;
  search?: { mode?: 'match' | 'include' | 'outcome'; score?: number };
}

export interface Bundle<T extends Resource = Resource> extends Resource {
  resourceType: 'Bundle';
  type?: string;
  total?: number;
  link?: { relation: string; url: string }[];
  entry?: BundleEntry<T>[];
}

export interface OperationOutcome extends Resource {
  resourceType: 'OperationOutcome';
  issue?: {
    severity?: 'fatal' | 'error' | 'warning' | 'information';
    code?: string;
    details?: CodeableConcept;
    diagnostics?: string;
    expression?: string[];
  }[];
}

/** The resource types zorgkit's components read or write. */
export type ZkResourceType =
  | 'Patient'
  | 'MedicationRequest'
  | 'MedicationStatement'
  | 'Medication'
  | 'AllergyIntolerance'
  | 'Consent';

// The systems the patient banner needs at start-up, also on their own: a bundler keeps SYSTEMS
// whole wherever one of its members is read.
export const BSN_SYSTEM = 'http://fhir.nl/fhir/NamingSystem/bsn';
export const BSN_OID_SYSTEM = 'urn:oid:2.16.840.1.113883.2.4.6.3';
export const NHS_NUMBER_SYSTEM = 'https://fhir.nhs.uk/Id/nhs-number';
export const SNOMED_SYSTEM = 'http://snomed.info/sct';

/** Well-known code systems and extension URLs (see CLINICAL.md). */
export const SYSTEMS = {
  bsn: BSN_SYSTEM,
  bsnOid: BSN_OID_SYSTEM,
  nhsNumber: NHS_NUMBER_SYSTEM,
  uzi: 'http://fhir.nl/fhir/NamingSystem/uzi-nr-pers',
  ura: 'http://fhir.nl/fhir/NamingSystem/ura',
  snomed: SNOMED_SYSTEM,
  loinc: 'http://loinc.org',
  ucum: 'http://unitsofmeasure.org',
  consentScope: 'http://terminology.hl7.org/CodeSystem/consentscope',
  consentCategory: 'http://terminology.hl7.org/CodeSystem/consentcategorycodes',
  actReason: 'http://terminology.hl7.org/CodeSystem/v3-ActReason',
  participationType: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType',
  rfc3986: 'urn:ietf:rfc:3986',
} as const;
