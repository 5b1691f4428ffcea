// Allergy status for the patient banner (NHS CUI PAB-0064…0071: "Known allergies", "No known
// allergies", "Allergies not recorded"), from the patient's AllergyIntolerance resources. Pure.
import type { AllergyIntolerance, CodeableConcept } from '../core/fhir.js';
import { SYSTEMS } from '../core/fhir.js';

/** `known`: at least one allergy; `none`: only "no known allergy" records; `not-recorded`: nothing. */
export type AllergyStatusCode = 'known' | 'none' | 'not-recorded';

/** The allergy status of a patient. */
export interface AllergyStatus {
  status: AllergyStatusCode;
  /**
   * The allergies that count: not refuted, not entered in error, not inactive or resolved, and not
   * a "no known allergy" record. Empty unless `status` is `known`.
   */
  allergies: AllergyIntolerance[];
}

/**
 * SNOMED CT codes that record the absence of allergies: 716186003 "No known allergy",
 * 409137002 "No known drug allergy".
 */
export const NO_KNOWN_ALLERGY_CODES: readonly string[] = ['716186003', '409137002'];

const CLINICAL_STATUS_SYSTEM = 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical';
const VERIFICATION_STATUS_SYSTEM = 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification';

/** The codes of a CodeableConcept in `system` (or with no system), ignoring malformed codings. */
function codesOf(concept: CodeableConcept | undefined, system: string): string[] {
  const codings: unknown = concept?.coding;
  if (!Array.isArray(codings)) return [];
  return codings
    .filter((c): c is { system?: unknown; code: string } => typeof c === 'object' && c !== null && typeof (c as { code?: unknown }).code === 'string')
    .filter((c) => c.system === undefined || c.system === system)
    .map((c) => c.code);
}

/**
 * Whether the record still counts: not `refuted` or `entered-in-error` (verification status),
 * not `inactive` or `resolved` (clinical status). Unconfirmed (suspected) allergies count.
 */
export function isCurrentAllergyRecord(resource: AllergyIntolerance): boolean {
  const verification = codesOf(resource.verificationStatus, VERIFICATION_STATUS_SYSTEM);
  if (verification.includes('refuted') || verification.includes('entered-in-error')) return false;
  const clinical = codesOf(resource.clinicalStatus, CLINICAL_STATUS_SYSTEM);
  return !(clinical.includes('inactive') || clinical.includes('resolved'));
}

/** Whether the record says "no known (drug) allergy" (SNOMED CT 716186003 / 409137002). */
export function isNoKnownAllergyRecord(resource: AllergyIntolerance): boolean {
  const codings: unknown = resource.code?.coding;
  if (!Array.isArray(codings)) return false;
  return codings.some((c: unknown) => {
    if (typeof c !== 'object' || c === null) return false;
    const { system, code } = c as { system?: unknown; code?: unknown };
    return system === SYSTEMS.snomed && typeof code === 'string' && NO_KNOWN_ALLERGY_CODES.includes(code);
  });
}

/**
 * The allergy status from a patient's AllergyIntolerance resources (anything else in the list is
 * ignored). An allergy outweighs a "no known allergy" record that contradicts it.
 */
export function allergyStatus(resources: readonly unknown[]): AllergyStatus {
  const current = resources
    .filter((r): r is AllergyIntolerance => typeof r === 'object' && r !== null && (r as { resourceType?: unknown }).resourceType === 'AllergyIntolerance')
    .filter(isCurrentAllergyRecord);
  const allergies = current.filter((r) => !isNoKnownAllergyRecord(r));
  if (allergies.length > 0) return { status: 'known', allergies };
  return { status: current.length > 0 ? 'none' : 'not-recorded', allergies: [] };
}
