// Pure FHIR → view functions, for hosts that want zorgkit's formatting without its elements.
export type { ZkLocale } from './locale.js';
export { formatDate, parseFhirDate, type CalendarDate } from './date.js';
export { ageOn, ageAtDeath, formatAge, type AgeText } from './age.js';
export { formatPatientName, formatName, callName, defaultNameStyle, type FormattedName, type NameStyle } from './name.js';
export { formatIdentifier, primaryIdentifier, listIdentifiers, isValidBsn, isValidNhsNumber, DEFAULT_IDENTIFIER_SYSTEMS } from './identifier.js';
export { formatGender, patientSummaryView } from './patient.js';
export { formatAddress, formatContacts, patientBannerView } from './patient-contact.js';
export { allergyStatus } from './allergy.js';
export { formatNumber, formatQuantity, formatRange, formatRatio } from './quantity.js';
export { dosageText, dosageLine, timingText } from './dosage.js';
export { medicationRows, filterRows, sortRows, groupRows, type MedicationRow } from './medication.js';
export type { MedicationRecord } from './medication-record.js';
export { buildConsent, summariseConsent, summariseConsents, describeRequest, type ConsentRequest, type ConsentSummary, type ProvisionSummary } from './consent.js';
