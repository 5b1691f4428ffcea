import type { CodeableConcept, Coding, Reference, Resource } from '../fhir/r4.js';
import { SYSTEMS } from '../fhir/r4.js';
import type { ZkLocale } from './locale.js';
import { list, lookupTable, trimmed } from './text.js';

/**
 * The words of consent summaries: every coded value a Consent can carry that zorgkit puts in
 * words, in Dutch and English. A code that is not in these tables is shown as recorded (its
 * display, else its code), never translated by guess. Pure data and lookups.
 */

export type Phrases = Record<ZkLocale, string>;

const V3_ACT_CODE = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
const V3_ROLE_CODE = 'http://terminology.hl7.org/CodeSystem/v3-RoleCode';
const V3_CONFIDENTIALITY = 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality';
const CONSENT_ACTION = 'http://terminology.hl7.org/CodeSystem/consentaction';
export const RESOURCE_TYPES_SYSTEM = 'http://hl7.org/fhir/resource-types';
const PACIO_DECISIONS = 'http://hl7.org/fhir/us/pacio-adi/CodeSystem/ADIHCADecisionsCS';

export const WORDS = {
  notKnown: { en: 'Not known', nl: 'Onbekend' },
  allData: { en: 'all your health data', nl: 'al uw gezondheidsgegevens' },
  anyPurpose: { en: 'any purpose', nl: 'elk doel' },
  noEnd: { en: 'No end date', nl: 'Geen einddatum' },
  permit: { en: 'Allowed', nl: 'Toegestaan' },
  deny: { en: 'Not allowed', nl: 'Niet toegestaan' },
  permitWithExceptions: { en: 'Allowed, with exceptions', nl: 'Toegestaan, met uitzonderingen' },
  denyWithExceptions: { en: 'Not allowed, with exceptions', nl: 'Niet toegestaan, met uitzonderingen' },
  exceptionPermit: { en: 'Exception: allowed', nl: 'Uitzondering: toegestaan' },
  exceptionDeny: { en: 'Exception: not allowed', nl: 'Uitzondering: niet toegestaan' },
  partPermit: { en: 'Part: allowed', nl: 'Onderdeel: toegestaan' },
  partDeny: { en: 'Part: not allowed', nl: 'Onderdeel: niet toegestaan' },
  noDecision: { en: 'No allow or refuse recorded', nl: 'Geen toestemming of weigering vastgelegd' },
  checkRecordTitle: { en: 'Check the record', nl: 'Controleer het dossier' },
  checkRecord: {
    en: 'Check the record: this decision has a condition this screen cannot show.',
    nl: 'Controleer het dossier: dit besluit heeft een voorwaarde die dit scherm niet kan tonen.',
  },
  unknown: { en: 'See the record', nl: 'Zie het dossier' },
  readOnly: {
    en: 'Recorded elsewhere: it can be read here, not changed.',
    nl: 'Elders vastgelegd: u kunt het hier lezen, niet wijzigen.',
  },
  thePatient: { en: 'you', nl: 'u' },
  aRepresentative: { en: 'your representative', nl: 'uw vertegenwoordiger' },
  dnr: { en: 'Do not resuscitate', nl: 'Niet reanimeren' },
  other: { en: 'Other', nl: 'Anders' },
} satisfies Record<string, Phrases>;

export const STATUS: Readonly<Record<string, Phrases>> = lookupTable({
  active: { en: 'Active', nl: 'Actief' },
  inactive: { en: 'Withdrawn', nl: 'Ingetrokken' },
  draft: { en: 'Draft, not in force', nl: 'Concept, niet van kracht' },
  proposed: { en: 'Proposed, not in force', nl: 'Voorgesteld, niet van kracht' },
  rejected: { en: 'Rejected, not in force', nl: 'Afgewezen, niet van kracht' },
  'entered-in-error': { en: 'Entered in error', nl: 'Foutief ingevoerd' },
});

/** Consent.scope (consentscope), as a title. */
export const SCOPES: Readonly<Record<string, Phrases>> = lookupTable({
  'patient-privacy': { en: 'Privacy consent', nl: 'Toestemming voor gegevensdeling' },
  treatment: { en: 'Treatment directive', nl: 'Behandelaanwijzing' },
  adr: { en: 'Advance directive', nl: 'Wilsverklaring' },
  research: { en: 'Research consent', nl: 'Toestemming voor onderzoek' },
});

/** Consent.category and scope codes from other systems, by `system|code`. */
const CATEGORIES: Readonly<Record<string, Phrases>> = lookupTable({
  [`${SYSTEMS.loinc}|59284-0`]: { en: 'Patient consent', nl: 'Toestemming van de patiënt' },
  [`${SYSTEMS.loinc}|57016-8`]: { en: 'Privacy policy acknowledgement', nl: 'Bevestiging van het privacybeleid' },
  [`${SYSTEMS.loinc}|57017-6`]: { en: 'Privacy policy of the organisation', nl: 'Privacybeleid van de organisatie' },
  [`${SYSTEMS.loinc}|64292-6`]: { en: 'Release of information consent', nl: 'Toestemming voor het verstrekken van gegevens' },
  [`${SYSTEMS.loinc}|81377-4`]: { en: 'Appointment of healthcare agents', nl: 'Aanwijzing van gemachtigden voor zorgbeslissingen' },
  [`${SYSTEMS.consentCategory}|acd`]: { en: 'Advance directive', nl: 'Wilsverklaring' },
  [`${SYSTEMS.consentCategory}|dnr`]: { en: 'Do not resuscitate', nl: 'Niet reanimeren' },
  [`${SYSTEMS.consentCategory}|npp`]: { en: 'Notice of privacy practices', nl: 'Kennisgeving over privacy' },
  [`${SYSTEMS.consentCategory}|research`]: { en: 'Research consent', nl: 'Toestemming voor onderzoek' },
  [`${SYSTEMS.consentCategory}|rsdid`]: { en: 'De-identified research', nl: 'Onderzoek met ontdaan-van-identiteit gegevens' },
  [`${SYSTEMS.consentCategory}|rsreid`]: { en: 'Re-identifiable research', nl: 'Onderzoek met herleidbare gegevens' },
  // zib TreatmentDirective2 category.
  [`${SYSTEMS.snomed}|129125009`]: { en: 'Treatment directive', nl: 'Behandelaanwijzing' },
  [`${SYSTEMS.snomed}|11291000146105`]: { en: 'Treatment directive', nl: 'Behandelaanwijzing' },
});

/** v3-ActReason purposes people meet in care, in words (lower case, for inside a sentence). */
export const PURPOSES: Readonly<Record<string, Phrases>> = lookupTable({
  TREAT: { en: 'treatment', nl: 'behandeling' },
  ETREAT: { en: 'emergency treatment', nl: 'spoedeisende behandeling' },
  BTG: { en: 'emergency access ("break the glass")', nl: 'noodtoegang ("break the glass")' },
  COC: { en: 'continuity of care', nl: 'continuïteit van zorg' },
  CAREMGT: { en: 'care coordination', nl: 'coördinatie van zorg' },
  PATRQT: { en: 'your own request', nl: 'uw eigen verzoek' },
  HPAYMT: { en: 'payment for care', nl: 'betaling van zorg' },
  HOPERAT: { en: 'running the care organisation', nl: 'bedrijfsvoering van de zorgaanbieder' },
  HRESCH: { en: 'research', nl: 'wetenschappelijk onderzoek' },
  PUBHLTH: { en: 'public health', nl: 'volksgezondheid' },
  PWATRNY: { en: 'decisions by a power of attorney', nl: 'beslissingen door een gevolmachtigde' },
  FAMRQT: { en: 'a request by family', nl: 'een verzoek van familie' },
});

/** Actor roles, by `system|code` (v3-ParticipationType, v3-RoleCode, LOINC healthcare agents). */
const ROLES: Readonly<Record<string, Phrases>> = lookupTable({
  [`${SYSTEMS.participationType}|IRCP`]: { en: 'information recipient', nl: 'ontvanger van gegevens' },
  [`${SYSTEMS.participationType}|PRCP`]: { en: 'primary recipient', nl: 'hoofdontvanger' },
  [`${SYSTEMS.participationType}|AUT`]: { en: 'author', nl: 'auteur' },
  [`${SYSTEMS.participationType}|INF`]: { en: 'informant', nl: 'informant' },
  [`${SYSTEMS.participationType}|CST`]: { en: 'custodian', nl: 'beheerder' },
  [`${SYSTEMS.participationType}|PRF`]: { en: 'performer', nl: 'uitvoerder' },
  [`${V3_ROLE_CODE}|CONSENTER`]: { en: 'party to the agreement', nl: 'afspraakpartij' },
  [`${V3_ROLE_CODE}|RESPRSN`]: { en: 'representative', nl: 'vertegenwoordiger' },
  [`${V3_ROLE_CODE}|HPOWATT`]: { en: 'healthcare power of attorney', nl: 'zorgvolmachthebbende' },
  [`${V3_ROLE_CODE}|POWATT`]: { en: 'power of attorney', nl: 'gevolmachtigde' },
  [`${V3_ROLE_CODE}|GUARD`]: { en: 'guardian', nl: 'voogd' },
  [`${SYSTEMS.loinc}|75783-1`]: { en: 'primary healthcare agent', nl: 'eerste gemachtigde voor zorgbeslissingen' },
  [`${SYSTEMS.loinc}|75784-9`]: { en: 'first alternate healthcare agent', nl: 'eerste plaatsvervangend gemachtigde' },
  [`${SYSTEMS.loinc}|75785-6`]: { en: 'second alternate healthcare agent', nl: 'tweede plaatsvervangend gemachtigde' },
});

/** Consent actions (consentaction) and PACIO healthcare-agent decisions, by `system|code`. */
const ACTIONS: Readonly<Record<string, Phrases>> = lookupTable({
  [`${CONSENT_ACTION}|collect`]: { en: 'collect', nl: 'verzamelen' },
  [`${CONSENT_ACTION}|access`]: { en: 'see', nl: 'inzien' },
  [`${CONSENT_ACTION}|use`]: { en: 'use', nl: 'gebruiken' },
  [`${CONSENT_ACTION}|disclose`]: { en: 'pass on to others', nl: 'doorgeven aan anderen' },
  [`${CONSENT_ACTION}|correct`]: { en: 'correct', nl: 'corrigeren' },
  [`${PACIO_DECISIONS}|intubation`]: { en: 'intubation', nl: 'intubatie' },
  [`${PACIO_DECISIONS}|tube-feeding`]: { en: 'tube feeding', nl: 'sondevoeding' },
  [`${PACIO_DECISIONS}|life-support`]: { en: 'life support', nl: 'levensondersteuning' },
  [`${PACIO_DECISIONS}|iv-fluid-and-support`]: { en: 'IV fluids and support', nl: 'infuus en ondersteuning' },
  [`${PACIO_DECISIONS}|antibiotics`]: { en: 'antibiotics', nl: 'antibiotica' },
  [`${PACIO_DECISIONS}|resuscitation-non-cpr`]: { en: 'resuscitation other than CPR', nl: 'reanimatie anders dan hartmassage en beademing' },
});

/** Confidentiality labels (v3-Confidentiality). */
const CONFIDENTIALITY: Readonly<Record<string, Phrases>> = lookupTable({
  U: { en: 'unrestricted', nl: 'onbeperkt' },
  L: { en: 'low', nl: 'laag' },
  M: { en: 'moderate', nl: 'gemiddeld' },
  N: { en: 'normal', nl: 'normaal' },
  R: { en: 'restricted', nl: 'beperkt' },
  V: { en: 'very restricted', nl: 'zeer beperkt' },
});

/** policyRule codes (v3-ActCode). */
const POLICY_RULES: Readonly<Record<string, Phrases>> = lookupTable({
  OPTIN: { en: 'Opt-in: only with explicit permission', nl: 'Opt-in: alleen met uitdrukkelijke toestemming' },
  OPTINR: { en: 'Opt-in with restrictions', nl: 'Opt-in met beperkingen' },
  OPTOUT: { en: 'Opt-out: allowed unless refused', nl: 'Opt-out: toegestaan tenzij geweigerd' },
  OPTOUTE: { en: 'Opt-out with exceptions', nl: 'Opt-out met uitzonderingen' },
});

/**
 * Treatments of zib TreatmentDirective2 (`provision.code`, SNOMED CT, from the zib's
 * BehandelingCodelijst) in words, lower case.
 */
export const TREATMENTS: Readonly<Record<string, Phrases>> = lookupTable({
  '89666000': { en: 'cardiopulmonary resuscitation', nl: 'reanimatie' },
  '40617009': { en: 'artificial ventilation', nl: 'beademing' },
  '305351004': { en: 'admission to intensive care', nl: 'opname op de intensive care' },
  '32485007': { en: 'hospital admission', nl: 'ziekenhuisopname' },
  '116762002': { en: 'administration of blood products', nl: 'toediening van bloedproducten' },
  '61420007': { en: 'tube feeding', nl: 'sondevoeding' },
  '281789004': { en: 'antibiotic therapy', nl: 'behandeling met antibiotica' },
  '265764009': { en: 'kidney dialysis', nl: 'nierdialyse' },
});
export const CPR_CODE = '89666000';

/**
 * Living-will types of zib AdvanceDirective (`provision.code`, the zib's WilsverklaringTypeCodelijst;
 * read by code when the system is a Nictiz code list, `urn:oid:2.16.840.1.113883.2.4.3.11.…`).
 */
const LIVING_WILL_TYPES: Readonly<Record<string, Phrases>> = lookupTable({
  NR: { en: 'Do-not-resuscitate declaration', nl: 'Niet-reanimerenverklaring' },
  BV: { en: 'Refusal of treatment', nl: 'Behandelverbod' },
  EU: { en: 'Request for euthanasia', nl: 'Euthanasieverzoek' },
  EUD: { en: 'Request for euthanasia, with dementia addendum', nl: 'Euthanasieverzoek met aanvulling dementie' },
  DO: { en: 'Organ donation declaration', nl: 'Verklaring donorschap' },
  VOL: { en: 'Power of attorney', nl: 'Volmacht' },
  LW: { en: 'Living will', nl: 'Levenswensverklaring' },
  OV: { en: 'Other declaration', nl: 'Andere verklaring' },
});
const NICTIZ_CODE_LIST = 'urn:oid:2.16.840.1.113883.2.4.3.11.';

/** Data classes named by FHIR resource type, in words (lower case). */
const DATA_CLASSES: Readonly<Record<string, Phrases>> = lookupTable({
  Patient: { en: 'personal details', nl: 'persoonsgegevens' },
  MedicationRequest: { en: 'medication prescriptions', nl: 'medicatievoorschriften' },
  MedicationStatement: { en: 'medication use', nl: 'medicatiegebruik' },
  MedicationDispense: { en: 'medication dispensed', nl: 'medicatieverstrekkingen' },
  MedicationAdministration: { en: 'medication given', nl: 'medicatietoedieningen' },
  Medication: { en: 'medication', nl: 'medicatie' },
  AllergyIntolerance: { en: 'allergies', nl: 'allergieën' },
  Condition: { en: 'health problems', nl: 'gezondheidsproblemen' },
  Observation: { en: 'measurements and test results', nl: 'metingen en uitslagen' },
  Immunization: { en: 'vaccinations', nl: 'vaccinaties' },
  Procedure: { en: 'procedures', nl: 'verrichtingen' },
  Encounter: { en: 'visits and admissions', nl: 'contacten en opnames' },
  DocumentReference: { en: 'documents', nl: 'documenten' },
});

/** Kinds of resource a reference without a name points to (lower case). */
const REFERENCE_KINDS: Readonly<Record<string, Phrases>> = lookupTable({
  Patient: { en: 'patient', nl: 'patiënt' },
  Practitioner: { en: 'care provider', nl: 'zorgverlener' },
  PractitionerRole: { en: 'care provider', nl: 'zorgverlener' },
  Organization: { en: 'organisation', nl: 'organisatie' },
  RelatedPerson: { en: 'related person', nl: 'naaste' },
  Group: { en: 'group', nl: 'groep' },
  CareTeam: { en: 'care team', nl: 'zorgteam' },
  Device: { en: 'device', nl: 'apparaat' },
  DocumentReference: { en: 'document', nl: 'document' },
  Consent: { en: 'consent', nl: 'toestemming' },
  Contract: { en: 'contract', nl: 'contract' },
  QuestionnaireResponse: { en: 'questionnaire', nl: 'vragenlijst' },
  ResearchStudy: { en: 'research study', nl: 'onderzoek' },
});

/** What a `provision.data.meaning` says about the referenced resource. */
export const DATA_MEANINGS: Readonly<Record<string, Phrases>> = lookupTable({
  instance: { en: 'this record: {0}', nl: 'dit gegeven: {0}' },
  related: { en: '{0} and what is linked to it', nl: '{0} en wat ermee verbonden is' },
  dependents: { en: '{0} and what depends on it', nl: '{0} en wat ervan afhangt' },
  authoredby: { en: 'data written by {0}', nl: 'gegevens vastgelegd door {0}' },
});

export function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

/** Unique, in order. */
export function unique(items: readonly (string | undefined)[]): string[] {
  return [...new Set(items.filter((t): t is string => t !== undefined))];
}

/** A coding as recorded: its display, else its code. */
export function codingText(coding: Coding): string | undefined {
  return trimmed(coding.display) ?? trimmed(coding.code);
}

/** A string from data, else '' (a hostile `code` object must not reach a template or a table). */
function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function keyOf(coding: Coding): string {
  return `${str(coding.system)}|${str(coding.code)}`;
}

/** The phrase for a coding's code (any system) in a table, when the code is a string. */
function byCodeIn(table: Readonly<Record<string, Phrases>>, coding: Coding): Phrases | undefined {
  const code = str(coding.code);
  return code ? table[code] : undefined;
}

/**
 * A coded concept in words: the first coding a table knows, in the locale; else the concept's
 * text, else the first coding as recorded.
 */
function fromTable(concept: CodeableConcept | undefined, table: Readonly<Record<string, Phrases>>, locale: ZkLocale, byCode = false): string | undefined {
  if (!concept) return undefined;
  const codings = list(concept.coding);
  for (const c of codings) {
    const phrase = byCode ? byCodeIn(table, c) : table[keyOf(c)];
    if (phrase) return phrase[locale];
  }
  return trimmed(concept.text) ?? codings.map(codingText).find((t) => t !== undefined);
}

export function conceptText(concept: CodeableConcept | undefined): string | undefined {
  if (!concept) return undefined;
  return trimmed(concept.text) ?? list(concept.coding).map(codingText).find((t) => t !== undefined);
}

/** A purpose in words (lower case): the known v3-ActReason phrase, else the coding's display or code. */
export function purposeText(coding: Coding, locale: ZkLocale): string | undefined {
  const phrase = coding.system === SYSTEMS.actReason ? byCodeIn(PURPOSES, coding) : undefined;
  return phrase?.[locale] ?? codingText(coding);
}

export function roleText(role: CodeableConcept | undefined, locale: ZkLocale): string | undefined {
  return fromTable(role, ROLES, locale);
}

/** A role coding (e.g. of a request) in words. */
export function roleCodingText(role: Coding, locale: ZkLocale): string | undefined {
  return ROLES[keyOf(role)]?.[locale] ?? codingText(role);
}

export function actionText(action: CodeableConcept, locale: ZkLocale): string | undefined {
  return fromTable(action, ACTIONS, locale);
}

export function categoryText(category: CodeableConcept, locale: ZkLocale): string | undefined {
  const codings = list(category.coding);
  const scope = codings.map((c) => (c.system === SYSTEMS.consentScope ? byCodeIn(SCOPES, c) : undefined)).find((p) => p);
  if (scope) return scope[locale];
  return fromTable(category, CATEGORIES, locale);
}

export function securityLabelText(label: Coding, locale: ZkLocale): string | undefined {
  const phrase = label.system === V3_CONFIDENTIALITY ? byCodeIn(CONFIDENTIALITY, label) : undefined;
  return phrase?.[locale] ?? codingText(label);
}

export function policyRuleText(rule: CodeableConcept | undefined, locale: ZkLocale): string[] {
  if (!rule) return [];
  const coded = list(rule.coding).map((c) => (c.system === V3_ACT_CODE ? byCodeIn(POLICY_RULES, c)?.[locale] : undefined) ?? codingText(c));
  return unique([...coded, trimmed(rule.text)]);
}

/** A treatment of a treatment directive (lower case), from the table or as recorded. */
export function treatmentText(code: CodeableConcept, locale: ZkLocale): string | undefined {
  const phrase = list(code.coding).map((c) => (c.system === SYSTEMS.snomed ? byCodeIn(TREATMENTS, c) : undefined)).find((p) => p);
  return phrase?.[locale] ?? conceptText(code);
}

export function livingWillText(code: CodeableConcept, locale: ZkLocale): string | undefined {
  const phrase = list(code.coding).map((c) => (str(c.system).startsWith(NICTIZ_CODE_LIST) ? byCodeIn(LIVING_WILL_TYPES, c) : undefined)).find((p) => p);
  return phrase?.[locale] ?? conceptText(code);
}

/** A data class of a recorded Consent in words: a known resource type in the locale, else its display or code. */
export function dataClassText(coding: Coding, locale: ZkLocale): string | undefined {
  const phrase = coding.system === RESOURCE_TYPES_SYSTEM ? byCodeIn(DATA_CLASSES, coding) : undefined;
  return phrase?.[locale] ?? codingText(coding);
}

/** A person's or organisation's name from a contained resource (only what a name is made of). */
function containedName(resource: Resource | undefined): string | undefined {
  if (!resource) return undefined;
  const r = resource as Record<string, unknown>;
  if (typeof r.name === 'string') return trimmed(r.name);
  if (Array.isArray(r.name)) {
    for (const n of r.name as Record<string, unknown>[]) {
      if (!n || typeof n !== 'object') continue;
      const text = trimmed(n.text);
      if (text) return text;
      const given = Array.isArray(n.given) ? (n.given as unknown[]).map(trimmed).filter(Boolean).join(' ') : '';
      const family = trimmed(n.family) ?? '';
      const joined = `${given} ${family}`.trim();
      if (joined) return joined;
    }
  }
  return undefined;
}

/**
 * A reference in words: its display; else the name of the contained resource it points to; else
 * its identifier; else the kind of resource with the reference as written ("care provider
 * Practitioner/ex-practitioner"), so nothing recorded is hidden.
 */
export function referenceText(reference: Reference | undefined, locale: ZkLocale, contained: readonly Resource[] = []): string | undefined {
  if (!reference || typeof reference !== 'object') return undefined;
  const display = trimmed(reference.display);
  if (display) return display;
  const ref = trimmed(reference.reference);
  if (ref?.startsWith('#')) {
    const name = containedName(contained.find((r) => r && r.id === ref.slice(1)));
    if (name) return name;
  }
  const identifier = trimmed(reference.identifier?.value);
  if (identifier) return identifier;
  if (!ref) return undefined;
  const type = trimmed(reference.type) ?? ref.split('/').at(-2);
  const kind = type ? REFERENCE_KINDS[type]?.[locale] : undefined;
  return kind ? `${kind} ${ref}` : ref;
}

/** `{0}` replaced. */
export function fill(template: string, value: string): string {
  return template.replace('{0}', value);
}
