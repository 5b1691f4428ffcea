// Allergy status for the patient banner (NHS CUI PAB-0064…0071: "Known allergies", "No known
// allergies", "Allergies not recorded"), from the patient's AllergyIntolerance resources. Pure.
import type { AllergyIntolerance, CodeableConcept } from '../fhir/r4.js';
import { SNOMED_SYSTEM } from '../fhir/r4.js';
import type { ZkLocale } from './locale.js';

/**
 * - `known`: at least one allergy (PAB "Known allergies");
 * - `none`: a "No known allergy" record (716186003) and no allergy (PAB "No known allergies");
 * - `none-in-categories`: only records that rule out one kind of allergy ("No known drug
 *   allergy"…) and no allergy: the other kinds were never assessed, so this is not "No known
 *   allergies" (see `noKnownCategories`);
 * - `not-recorded`: nothing that counts (PAB "Allergies not recorded").
 */
export type AllergyStatusCode = 'known' | 'none' | 'none-in-categories' | 'not-recorded';

/** A kind of allergy that a SNOMED CT "No known … allergy" record rules out. */
export type NoKnownAllergyCategory = 'drug' | 'food' | 'environmental' | 'insect' | 'animal' | 'latex';

/** The allergy status of a patient. */
export interface AllergyStatus {
  status: AllergyStatusCode;
  /**
   * The allergies that count: not refuted, not entered in error, not inactive or resolved, and not
   * a "no known allergy" record. Empty unless `status` is `known`.
   */
  allergies: AllergyIntolerance[];
  /**
   * With `none-in-categories` only: the kinds of allergy recorded as "no known …", once each, in
   * a fixed order (drug, food, environmental, insect, animal, latex).
   */
  noKnownCategories?: NoKnownAllergyCategory[];
}

/** SNOMED CT 716186003 "No known allergy (situation)": no allergy of any kind. */
export const NO_KNOWN_ALLERGY_CODE = '716186003';

/**
 * SNOMED CT situations that rule out one kind of allergy only, by kind: 409137002 "No known drug
 * allergy", 429625007 "No known food allergy", 428607008 "No known environmental allergy",
 * 428197003 "No known insect allergy", 716220001 "No known animal allergy", 1003774007 "No known
 * Hevea brasiliensis latex allergy". Each is a negation, never an allergy, and never "No known
 * allergies" on its own.
 */
export const NO_KNOWN_CATEGORY_CODES: Readonly<Record<string, NoKnownAllergyCategory>> = {
  '409137002': 'drug',
  '429625007': 'food',
  '428607008': 'environmental',
  '428197003': 'insect',
  '716220001': 'animal',
  '1003774007': 'latex',
};

/** Every SNOMED CT code that records the absence of allergies (all kinds, or one kind). */
// Written out (not built with Object.keys) so a bundler can drop the tables from code that does not use them.
export const NO_KNOWN_ALLERGY_CODES: readonly string[] = ['716186003', '409137002', '429625007', '428607008', '428197003', '716220001', '1003774007'];

/** The order the kinds are named in (code keys would sort as numbers). */
const CATEGORY_ORDER: readonly NoKnownAllergyCategory[] = ['drug', 'food', 'environmental', 'insect', 'animal', 'latex'];

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

/** The SNOMED CT "no known … allergy" codes of a record (`NO_KNOWN_ALLERGY_CODES`). */
function noKnownCodesOf(resource: AllergyIntolerance): string[] {
  const codings: unknown = resource.code?.coding;
  if (!Array.isArray(codings)) return [];
  return codings.flatMap((c: unknown) => {
    if (typeof c !== 'object' || c === null) return [];
    const { system, code } = c as { system?: unknown; code?: unknown };
    return system === SNOMED_SYSTEM && typeof code === 'string' && NO_KNOWN_ALLERGY_CODES.includes(code) ? [code] : [];
  });
}

/**
 * Whether the record says "no known allergy", of any kind or of one kind (`NO_KNOWN_ALLERGY_CODES`):
 * a negation, never an allergy.
 */
export function isNoKnownAllergyRecord(resource: AllergyIntolerance): boolean {
  return noKnownCodesOf(resource).length > 0;
}

/**
 * What a "no known allergy" record rules out: `all` for 716186003 alone, else the kinds it names.
 * A record coded with both reads as the narrower kinds (the safer reading).
 */
function noKnownScope(resource: AllergyIntolerance): 'all' | NoKnownAllergyCategory[] {
  const kinds = noKnownCodesOf(resource).map((code) => NO_KNOWN_CATEGORY_CODES[code]).filter((k): k is NoKnownAllergyCategory => !!k);
  return kinds.length > 0 ? kinds : 'all';
}

/**
 * The allergy status from a patient's AllergyIntolerance resources (anything else in the list is
 * ignored). An allergy outweighs a "no known allergy" record that contradicts it. "No known
 * allergies" needs a 716186003 record; records that rule out some kinds only ("No known drug
 * allergy") give `none-in-categories` with those kinds.
 */
export function allergyStatus(resources: readonly unknown[]): AllergyStatus {
  const current = resources
    .filter((r): r is AllergyIntolerance => typeof r === 'object' && r !== null && (r as { resourceType?: unknown }).resourceType === 'AllergyIntolerance')
    .filter(isCurrentAllergyRecord);
  const allergies = current.filter((r) => !isNoKnownAllergyRecord(r));
  if (allergies.length > 0) return { status: 'known', allergies };
  if (current.length === 0) return { status: 'not-recorded', allergies: [] };
  const scopes = current.map(noKnownScope);
  if (scopes.includes('all')) return { status: 'none', allergies: [] };
  const kinds = new Set(scopes.flat());
  return { status: 'none-in-categories', allergies: [], noKnownCategories: CATEGORY_ORDER.filter((k) => kinds.has(k)) };
}

const CATEGORY_WORDS: Record<ZkLocale, Record<NoKnownAllergyCategory, string>> = {
  en: { drug: 'drug', food: 'food', environmental: 'environmental', insect: 'insect', animal: 'animal', latex: 'latex' },
  // Stems of the Dutch compounds (geneesmiddelallergieën, omgevingsallergieën, …).
  nl: { drug: 'geneesmiddel', food: 'voedsel', environmental: 'omgevings', insect: 'insecten', animal: 'dieren', latex: 'latex' },
};

/**
 * The banner text for `none-in-categories`: en "No known drug allergies", "No known drug or food
 * allergies", "No known drug, food or environmental allergies"; nl "Geen bekende
 * geneesmiddelallergieën", "Geen bekende geneesmiddel- of voedselallergieën". Undefined for an
 * empty list (nothing was ruled out).
 */
export function formatNoKnownAllergies(categories: readonly NoKnownAllergyCategory[], locale: ZkLocale): string | undefined {
  const words = CATEGORY_WORDS[locale] ?? CATEGORY_WORDS.en;
  const kinds = CATEGORY_ORDER.filter((k) => categories.includes(k)).map((k) => words[k]);
  if (kinds.length === 0) return undefined;
  const last = kinds[kinds.length - 1];
  if (locale === 'nl') {
    // Compounds share their tail: "geneesmiddel-, voedsel- of omgevingsallergieën".
    const head = kinds.slice(0, -1).map((k) => `${k}-`);
    return `Geen bekende ${head.length ? `${head.join(', ')} of ` : ''}${last}allergieën`;
  }
  const head = kinds.slice(0, -1);
  return `No known ${head.length ? `${head.join(', ')} or ` : ''}${last} allergies`;
}
