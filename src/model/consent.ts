import type {
  CodeableConcept, Coding, Consent, ConsentProvision, Identifier, Reference,
} from '../fhir/r4.js';
import { SYSTEMS } from '../fhir/r4.js';
import { compareCalendarDates, daysInMonth, formatDate, parseFhirDate, parseFhirInstant, type CalendarDate } from './date.js';
import type { ZkLocale } from './locale.js';
import { joinList, lookupTable, list, trimmed } from './text.js';

/**
 * Patient privacy consent: building the FHIR R4 Consent that records a decision, and summarising
 * recorded Consents for display in plain words (nl, en). Pure functions: no DOM, no fetch, no
 * clock (the caller passes "now" and "today").
 *
 * Safety rule: a Consent is only ever summarised as "permit" or "deny" when every element that
 * could change its meaning is understood. Anything else (a treatment or advance directive, a
 * modifier extension, nested provisions, restrictions this module does not read) is "unknown":
 * shown as "see the record", never as a permit or a deny.
 */

/** What the patient is asked to decide about. */
export interface ConsentRequest {
  /** Who will receive the data: an organisation and/or a role (e.g. "general practitioner"). */
  recipient: {
    organization?: { display: string; reference?: string; identifier?: Identifier };
    role?: Coding;
  };
  /** Which data, each with a `display` in plain words ("Medication", "Allergies"). */
  dataClasses: Coding[];
  /** For what purpose: v3-ActReason codings such as TREAT. */
  purposes: Coding[];
  /** For what period (FHIR dates or dateTimes). Without a start, the decision starts the day it is made. */
  period?: { start?: string; end?: string };
  /** The policy the decision falls under. */
  policy?: { uri?: string; display?: string };
  /** Consent.category; default LOINC 59284-0 "Patient Consent". */
  category?: CodeableConcept;
}

export type ConsentDecision = 'permit' | 'deny';

/** Who makes the decision: the patient, or a representative (a Reference to RelatedPerson, …). */
export type ConsentPerformer = 'patient' | Reference;

/** The identifier system of client-generated identifiers (`urn:uuid:…` values). */
export const CONSENT_IDENTIFIER_SYSTEM = SYSTEMS.rfc3986;

export const PATIENT_PRIVACY_SCOPE: CodeableConcept = {
  coding: [{ system: SYSTEMS.consentScope, code: 'patient-privacy', display: 'Privacy Consent' }],
};

export const DEFAULT_CONSENT_CATEGORY: CodeableConcept = {
  coding: [{ system: SYSTEMS.loinc, code: '59284-0', display: 'Patient Consent' }],
};

/** The policy rule of a decision made under an opt-in regime (the Dutch model: explicit consent). */
export const OPT_IN_POLICY_RULE: Coding = { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'OPTIN', display: 'opt-in' };

/** The actor role of whoever receives the data when the request names no role. */
export const INFORMATION_RECIPIENT_ROLE: Coding = { system: SYSTEMS.participationType, code: 'IRCP', display: 'information recipient' };

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The client-generated identifier of one decision: `urn:ietf:rfc:3986` | `urn:uuid:<uuid>`.
 * Give it a fresh `crypto.randomUUID()`; keep it for every retry of the same decision.
 */
export function consentIdentifier(uuid: string): Identifier {
  const value = uuid.trim().toLowerCase();
  if (!UUID_RE.test(value)) throw new TypeError('consentIdentifier: not a UUID');
  return { system: CONSENT_IDENTIFIER_SYSTEM, value: `urn:uuid:${value}` };
}

/** True when `consent` carries `identifier` (same system and value). */
export function hasIdentifier(consent: Consent, identifier: Identifier): boolean {
  return (consent.identifier ?? []).some((i) => i.system === identifier.system && i.value === identifier.value);
}

// ---------------------------------------------------------------------------------------------
// Phrases

type Phrases = Record<ZkLocale, string>;

/** v3-ActReason purposes people meet in care, in words (lower case, for inside a sentence). */
const PURPOSES: Readonly<Record<string, Phrases>> = lookupTable({
  TREAT: { en: 'treatment', nl: 'behandeling' },
  ETREAT: { en: 'emergency treatment', nl: 'spoedeisende behandeling' },
  COC: { en: 'continuity of care', nl: 'continuïteit van zorg' },
  CAREMGT: { en: 'care coordination', nl: 'coördinatie van zorg' },
  PATRQT: { en: 'your own request', nl: 'uw eigen verzoek' },
  HPAYMT: { en: 'payment for care', nl: 'betaling van zorg' },
  HOPERAT: { en: 'running the care organisation', nl: 'bedrijfsvoering van de zorgaanbieder' },
  HRESCH: { en: 'research', nl: 'wetenschappelijk onderzoek' },
  PUBHLTH: { en: 'public health', nl: 'volksgezondheid' },
});

const WORDS = {
  notKnown: { en: 'Not known', nl: 'Onbekend' },
  allData: { en: 'all your health data', nl: 'al uw gezondheidsgegevens' },
  anyPurpose: { en: 'any purpose', nl: 'elk doel' },
  noEnd: { en: 'No end date', nl: 'Geen einddatum' },
  permit: { en: 'Allowed', nl: 'Toegestaan' },
  deny: { en: 'Not allowed', nl: 'Niet toegestaan' },
  unknown: { en: 'See the record', nl: 'Zie het dossier' },
  unknownNote: {
    en: 'This record is not a sharing decision this screen can show correctly. Ask your care provider to look at it with you.',
    nl: 'Dit is geen deelbesluit dat dit scherm goed kan tonen. Vraag uw zorgverlener het met u te bekijken.',
  },
  thePatient: { en: 'you', nl: 'u' },
  aRepresentative: { en: 'your representative', nl: 'uw vertegenwoordiger' },
} satisfies Record<string, Phrases>;

const STATUS: Readonly<Record<string, Phrases>> = lookupTable({
  active: { en: 'Active', nl: 'Actief' },
  inactive: { en: 'Withdrawn', nl: 'Ingetrokken' },
  draft: { en: 'Draft, not in force', nl: 'Concept, niet van kracht' },
  proposed: { en: 'Proposed, not in force', nl: 'Voorgesteld, niet van kracht' },
  rejected: { en: 'Rejected, not in force', nl: 'Afgewezen, niet van kracht' },
  'entered-in-error': { en: 'Entered in error', nl: 'Foutief ingevoerd' },
});

const SCOPES: Readonly<Record<string, Phrases>> = lookupTable({
  'patient-privacy': { en: 'Privacy consent', nl: 'Toestemming voor gegevensdeling' },
  treatment: { en: 'Treatment directive', nl: 'Behandelwens' },
  adr: { en: 'Advance directive', nl: 'Wilsverklaring' },
  research: { en: 'Research consent', nl: 'Toestemming voor onderzoek' },
});

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}


/** A purpose in words (lower case): the known v3-ActReason phrase, else the coding's display or code. */
export function purposeText(coding: Coding, locale: ZkLocale): string | undefined {
  if (coding.system === SYSTEMS.actReason && coding.code && PURPOSES[coding.code]) return PURPOSES[coding.code][locale];
  return trimmed(coding.display) ?? trimmed(coding.code);
}

function codingText(coding: Coding): string | undefined {
  return trimmed(coding.display) ?? trimmed(coding.code);
}

const RESOURCE_TYPES_SYSTEM = 'http://hl7.org/fhir/resource-types';

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

/** A data class of a recorded Consent in words: a known resource type in the locale, else its display or code. */
function dataClassText(coding: Coding, locale: ZkLocale): string | undefined {
  if (coding.system === RESOURCE_TYPES_SYSTEM && coding.code && DATA_CLASSES[coding.code]) return DATA_CLASSES[coding.code][locale];
  return codingText(coding);
}

/** A requested data class in words: the app's own display first (it chose the words), else as recorded. */
function requestedDataText(coding: Coding, locale: ZkLocale): string | undefined {
  return trimmed(coding.display) ?? dataClassText(coding, locale);
}

/** Unique, in order. */
function unique(items: readonly (string | undefined)[]): string[] {
  return [...new Set(items.filter((t): t is string => t !== undefined))];
}

function conceptText(concept: CodeableConcept | undefined): string | undefined {
  if (!concept) return undefined;
  return trimmed(concept.text) ?? list(concept.coding).map(codingText).find((t) => t !== undefined);
}

function referenceText(reference: Reference | undefined): string | undefined {
  if (!reference) return undefined;
  return trimmed(reference.display) ?? trimmed(reference.identifier?.value);
}

function periodText(period: { start?: string; end?: string } | undefined, locale: ZkLocale): string {
  const start = formatDate(period?.start, locale);
  const end = formatDate(period?.end, locale);
  if (start && end) return locale === 'nl' ? `Van ${start} tot en met ${end}` : `From ${start} until ${end}`;
  if (end) return locale === 'nl' ? `Tot en met ${end}` : `Until ${end}`;
  if (start) return locale === 'nl' ? `Vanaf ${start}, geen einddatum` : `From ${start}, no end date`;
  return WORDS.noEnd[locale];
}

// ---------------------------------------------------------------------------------------------
// The request: from attributes, and in words

/** The plain `until` / date shorthand must be a FHIR date (YYYY, YYYY-MM or YYYY-MM-DD). */
const FHIR_DATE_RE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/**
 * The simple case from element attributes: `recipient` (an organisation's name), `purpose` (a
 * v3-ActReason code such as TREAT), `data` (display names separated by commas), `until` (a date).
 * Returns undefined when neither a recipient nor data is given.
 */
export function requestFromAttributes(attrs: { recipient?: string | null; purpose?: string | null; data?: string | null; until?: string | null }): ConsentRequest | undefined {
  const recipient = trimmed(attrs.recipient);
  const data = (attrs.data ?? '').split(',').map((d) => d.trim()).filter((d) => d !== '');
  if (!recipient && data.length === 0) return undefined;
  const purposes = (attrs.purpose ?? '').split(',').map((p) => p.trim().toUpperCase()).filter((p) => p !== '')
    .map((code): Coding => ({ system: SYSTEMS.actReason, code, ...(PURPOSES[code] ? { display: PURPOSES[code].en } : {}) }));
  const until = trimmed(attrs.until);
  return {
    recipient: recipient ? { organization: { display: recipient } } : {},
    dataClasses: data.map((display) => ({ display })),
    purposes,
    ...(until && FHIR_DATE_RE.test(until) && parseFhirDate(until) ? { period: { end: until } } : {}),
  };
}

/** The request in plain words, one line per aspect. */
export interface RequestDescription {
  recipient: string;
  data: string;
  purpose: string;
  period: string;
  policy: string | undefined;
}

function recipientText(recipient: ConsentRequest['recipient']): string | undefined {
  const organisation = trimmed(recipient.organization?.display);
  const role = recipient.role ? codingText(recipient.role) : undefined;
  if (organisation && role) return `${organisation} (${role})`;
  return organisation ?? role;
}

export function describeRequest(request: ConsentRequest, locale: ZkLocale): RequestDescription {
  const data = unique(request.dataClasses.map((c) => requestedDataText(c, locale)));
  const purposes = unique(request.purposes.map((p) => purposeText(p, locale)));
  return {
    recipient: recipientText(request.recipient) ?? WORDS.notKnown[locale],
    data: data.length ? joinList(data, locale) : capitalise(WORDS.allData[locale]),
    purpose: capitalise(purposes.length ? joinList(purposes, locale) : WORDS.anyPurpose[locale]),
    period: periodText(request.period, locale),
    policy: trimmed(request.policy?.display) ?? trimmed(request.policy?.uri),
  };
}

/**
 * The decision restated in one plain sentence, for the confirm step:
 * "You allow Ziekenhuis Oost to see your Medication and Allergies, for treatment, until 31-Dec-2027."
 */
export function decisionSentence(request: ConsentRequest, decision: ConsentDecision, locale: ZkLocale): string {
  const who = recipientText(request.recipient) ?? (locale === 'nl' ? 'de ontvanger' : 'the recipient');
  const dataItems = unique(request.dataClasses.map((c) => requestedDataText(c, locale)));
  const what = dataItems.length ? `${locale === 'nl' ? 'uw' : 'your'} ${joinList(dataItems, locale)}` : WORDS.allData[locale];
  const purposes = unique(request.purposes.map((p) => purposeText(p, locale)));
  const end = formatDate(request.period?.end, locale);
  if (locale === 'nl') {
    const why = purposes.length ? `, voor ${joinList(purposes, 'nl')}` : '';
    const until = decision === 'permit' ? (end ? `, tot en met ${end}` : ', zonder einddatum') : '';
    return decision === 'permit'
      ? `U geeft ${who} toestemming om ${what} in te zien${why}${until}.`
      : `U geeft ${who} géén toestemming om ${what} in te zien${why}.`;
  }
  const why = purposes.length ? `, for ${joinList(purposes, 'en')}` : '';
  const until = decision === 'permit' ? (end ? `, until ${end}` : ', with no end date') : '';
  return decision === 'permit'
    ? `You allow ${who} to see ${what}${why}${until}.`
    : `You do not allow ${who} to see ${what}${why}.`;
}

/**
 * A key for "the same request": codes where the request has them, display words otherwise, so the
 * same request shown in another language has the same key (a pending decision keeps its identifier).
 */
export function requestFingerprint(request: ConsentRequest): string {
  const coding = (c: Coding | undefined) => (c ? (c.code ? `${c.system ?? ''}|${c.code}` : `~${c.display ?? ''}`) : '');
  const org = request.recipient.organization;
  return JSON.stringify([
    org ? (org.reference ?? (org.identifier ? `${org.identifier.system ?? ''}|${org.identifier.value ?? ''}` : `~${org.display}`)) : '',
    coding(request.recipient.role),
    request.dataClasses.map(coding).sort(),
    request.purposes.map(coding).sort(),
    request.period?.start ?? '',
    request.period?.end ?? '',
    request.policy?.uri ?? request.policy?.display ?? '',
    list(request.category?.coding).map(coding).sort(),
  ]);
}

// ---------------------------------------------------------------------------------------------
// Building the Consent

export interface BuildConsentInput {
  request: ConsentRequest;
  decision: ConsentDecision;
  patientId: string;
  /** Default: the patient. */
  performer?: ConsentPerformer;
  /** From `consentIdentifier(crypto.randomUUID())`, generated once per decision. */
  identifier: Identifier;
  /** When the decision is made. */
  now: Date;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

function localDate(now: Date): string {
  return `${now.getFullYear()}-${pad2(now.getMonth() + 1)}-${pad2(now.getDate())}`;
}

/**
 * `now` as a FHIR dateTime in the browser's own zone, with its offset (`2026-06-15T00:30:00+02:00`):
 * the record then carries the calendar date the person made the decision on, which is the date
 * shown for it. In UTC (`toISOString`) a decision made after midnight in the Netherlands would be
 * recorded, and shown, on the day before.
 */
function localDateTime(now: Date): string {
  const offset = -now.getTimezoneOffset();
  const zone = offset === 0 ? 'Z' : `${offset < 0 ? '-' : '+'}${pad2(Math.floor(Math.abs(offset) / 60))}:${pad2(Math.abs(offset) % 60)}`;
  return `${localDate(now)}T${pad2(now.getHours())}:${pad2(now.getMinutes())}:${pad2(now.getSeconds())}${zone}`;
}

/**
 * The FHIR R4 Consent that records a decision: status active, scope patient-privacy, category,
 * patient, dateTime, performer, policyRule, and a provision with type, the recipient as actor
 * (with role), purposes, data classes and period. Create it with `If-None-Exist` on its identifier.
 */
export function buildConsent(input: BuildConsentInput): Consent {
  const { request, decision, identifier, now } = input;
  const patientId = input.patientId.trim();
  if (!patientId) throw new TypeError('buildConsent: patientId is required');
  if (!identifier.system || !identifier.value) throw new TypeError('buildConsent: identifier needs a system and a value');
  if (decision !== 'permit' && decision !== 'deny') throw new TypeError('buildConsent: decision must be permit or deny');
  const patient: Reference = { reference: `Patient/${patientId}` };
  const performer = input.performer === undefined || input.performer === 'patient' ? patient : input.performer;

  const organisation = request.recipient.organization;
  const actorReference: Reference | undefined = organisation
    ? {
        ...(organisation.reference ? { reference: organisation.reference } : {}),
        ...(organisation.identifier ? { identifier: organisation.identifier } : {}),
        ...(organisation.reference || organisation.identifier ? { type: 'Organization' } : {}),
        display: organisation.display,
      }
    : request.recipient.role
      ? { display: codingText(request.recipient.role) ?? 'recipient' }
      : undefined;
  const role: CodeableConcept = { coding: [request.recipient.role ?? INFORMATION_RECIPIENT_ROLE] };

  const provision: ConsentProvision = {
    type: decision,
    period: { start: request.period?.start ?? localDate(now), ...(request.period?.end ? { end: request.period.end } : {}) },
    ...(actorReference ? { actor: [{ role, reference: actorReference }] } : {}),
    ...(request.purposes.length ? { purpose: request.purposes.map((p) => ({ ...p })) } : {}),
    ...(request.dataClasses.length ? { class: request.dataClasses.map((c) => ({ ...c })) } : {}),
  };

  return {
    resourceType: 'Consent',
    identifier: [{ system: identifier.system, value: identifier.value }],
    status: 'active',
    scope: structuredClone(PATIENT_PRIVACY_SCOPE),
    category: [structuredClone(request.category ?? DEFAULT_CONSENT_CATEGORY)],
    patient,
    dateTime: localDateTime(now),
    performer: [performer],
    ...(request.policy?.uri ? { policy: [{ uri: request.policy.uri }] } : {}),
    policyRule: { coding: [{ ...OPT_IN_POLICY_RULE }], ...(trimmed(request.policy?.display) ? { text: trimmed(request.policy?.display) } : {}) },
    provision,
  };
}

// ---------------------------------------------------------------------------------------------
// Summarising recorded Consents

export type ConsentKind = 'permit' | 'deny' | 'unknown';

/** Why a Consent is shown as "see the record". */
export type UnknownReason =
  | 'not-privacy' // scope treatment / adr / research / missing: not a sharing decision
  | 'modifier-extension' // something changes its meaning that this module does not know
  | 'no-decision' // no provision, or a provision without permit / deny
  | 'nested-provision' // exceptions inside the decision
  | 'unsupported-element'; // a restriction this module does not read (data, securityLabel, …)

export interface ConsentSummary {
  consent: Consent;
  kind: ConsentKind;
  unknownReason?: UnknownReason;
  /** "Allowed", "Not allowed", "See the record". */
  decision: string;
  /** The FHIR status as given (or undefined). */
  status: Consent['status'] | undefined;
  /** "Active", "Withdrawn", … */
  statusText: string;
  /** What kind of record: "Privacy consent", "Treatment directive", … */
  title: string;
  /** Who may (not) see the data. Undefined for unknown consents. */
  recipient?: string;
  /** Which data. Undefined for unknown consents. */
  data?: string;
  /** For what purpose. Undefined for unknown consents. */
  purpose?: string;
  /** The period in words. Undefined for unknown consents. */
  period?: string;
  /** When the decision was recorded ("14-Jul-2025"). */
  recorded?: string;
  /** Who made the decision ("you", a representative's name). */
  performer?: string;
  /** The period ended before today. */
  expired: boolean;
  /** The period starts after today. */
  notYetStarted: boolean;
  /** Active, understood, not expired: the patient may withdraw it. */
  withdrawable: boolean;
  /** For unknown consents: a sentence saying why it is not shown as a decision. */
  note?: string;
}

const UNDERSTOOD_PROVISION_KEYS = new Set(['id', 'extension', 'type', 'period', 'actor', 'purpose', 'class', 'code', 'action']);
/** Consent actions that only concern seeing / sharing data: anything else changes the meaning. */
const UNDERSTOOD_ACTIONS = new Set(['access', 'disclose', 'use', 'collect', 'correct']);

function hasModifier(value: { modifierExtension?: unknown }): boolean {
  return Array.isArray(value.modifierExtension) && value.modifierExtension.length > 0;
}

function scopeCode(consent: Consent): string | undefined {
  return list(consent.scope?.coding).find((c) => c.system === SYSTEMS.consentScope)?.code;
}

/** Decides permit / deny / unknown. Unknown unless every element that could change the meaning is understood. */
export function classifyConsent(consent: Consent): { kind: ConsentKind; reason?: UnknownReason } {
  if (hasModifier(consent)) return { kind: 'unknown', reason: 'modifier-extension' };
  if (scopeCode(consent) !== 'patient-privacy') return { kind: 'unknown', reason: 'not-privacy' };
  const provision = consent.provision;
  if (!provision || typeof provision !== 'object') return { kind: 'unknown', reason: 'no-decision' };
  if (hasModifier(provision)) return { kind: 'unknown', reason: 'modifier-extension' };
  if (Array.isArray(provision.provision) && provision.provision.length > 0) return { kind: 'unknown', reason: 'nested-provision' };
  for (const key of Object.keys(provision)) {
    if (key === 'provision' || key === 'modifierExtension') continue;
    if (!UNDERSTOOD_PROVISION_KEYS.has(key)) return { kind: 'unknown', reason: 'unsupported-element' };
  }
  for (const action of list(provision.action)) {
    const codes = list(action.coding).map((c) => c.code);
    if (codes.length === 0 || !codes.every((c) => c !== undefined && UNDERSTOOD_ACTIONS.has(c))) {
      return { kind: 'unknown', reason: 'unsupported-element' };
    }
  }
  if (provision.type !== 'permit' && provision.type !== 'deny') return { kind: 'unknown', reason: 'no-decision' };
  return { kind: provision.type };
}

/** The last calendar day a (possibly partial) end date covers: `2025` → 31 Dec 2025. */
function lastDayOf(date: CalendarDate): CalendarDate {
  const month = date.month ?? 12;
  return { year: date.year, month, day: date.day ?? daysInMonth(date.year, month) };
}

function performerText(consent: Consent, locale: ZkLocale): string | undefined {
  const performer = list(consent.performer)[0];
  if (!performer) return undefined;
  const patientRef = consent.patient?.reference;
  if (patientRef && performer.reference === patientRef) return capitalise(WORDS.thePatient[locale]);
  return referenceText(performer) ?? capitalise(WORDS.aRepresentative[locale]);
}

/**
 * One recorded Consent in words, as of `today` (the caller's calendar date). Unknown consents get
 * only a title, status and date, so nothing on screen can be read as a permit or a deny.
 */
export function summariseConsent(consent: Consent, locale: ZkLocale, today: CalendarDate): ConsentSummary {
  const { kind, reason } = classifyConsent(consent);
  const status = typeof consent.status === 'string' ? consent.status : undefined;
  const statusText = (status ? STATUS[status]?.[locale] : undefined) ?? WORDS.notKnown[locale];
  const scope = scopeCode(consent);
  const scopeTitle = scope && SCOPES[scope] ? SCOPES[scope][locale] : undefined;
  const categoryTitle = list(consent.category).map(conceptText).find((t) => t !== undefined);
  const title = scopeTitle ?? categoryTitle ?? conceptText(consent.scope) ?? WORDS.unknown[locale];
  const recorded = formatDate(consent.dateTime, locale);
  const performer = performerText(consent, locale);
  const base = { consent, status, statusText, title, ...(recorded ? { recorded } : {}), ...(performer ? { performer } : {}) };

  if (kind === 'unknown') {
    return {
      ...base, kind, ...(reason ? { unknownReason: reason } : {}), decision: WORDS.unknown[locale],
      expired: false, notYetStarted: false, withdrawable: false, note: WORDS.unknownNote[locale],
    };
  }

  const provision = consent.provision ?? {};
  const recipients = unique(list(provision.actor).map((a) => referenceText(a.reference) ?? conceptText(a.role)));
  const data = unique([
    ...list(provision.class).map((c) => dataClassText(c, locale)),
    ...list(provision.code).map(conceptText),
  ]);
  const purposes = unique(list(provision.purpose).map((p) => purposeText(p, locale)));
  const end = parseFhirDate(provision.period?.end);
  const start = parseFhirDate(provision.period?.start);
  const expired = end !== undefined && compareCalendarDates(lastDayOf(end), today) < 0;
  const notYetStarted = start !== undefined && compareCalendarDates(start, today) > 0;

  return {
    ...base,
    kind,
    decision: WORDS[kind][locale],
    recipient: recipients.length ? joinList(recipients, locale) : WORDS.notKnown[locale],
    data: capitalise(data.length ? joinList(data, locale) : WORDS.allData[locale]),
    purpose: capitalise(purposes.length ? joinList(purposes, locale) : WORDS.anyPurpose[locale]),
    period: periodText(provision.period, locale),
    expired,
    notYetStarted,
    withdrawable: status === 'active' && !expired,
  };
}

/**
 * Every Consent of a patient in words, newest decision first. Entered-in-error records are left
 * out: they never were a decision.
 */
export function summariseConsents(consents: readonly Consent[], locale: ZkLocale, today: CalendarDate): ConsentSummary[] {
  return consents
    .filter((c) => c && c.resourceType === 'Consent' && c.status !== 'entered-in-error')
    .map((c) => summariseConsent(c, locale, today))
    .sort((a, b) => newestFirst(a.consent.dateTime, b.consent.dateTime));
}

/**
 * Orders by the calendar date as written, the date shown beside each decision (a date-only value
 * is a whole day, not UTC midnight), newest first; on the same date by the moment when both have
 * a time and a zone. Records without a readable date go last.
 */
function newestFirst(a: unknown, b: unknown): number {
  const x = parseFhirDate(a);
  const y = parseFhirDate(b);
  if (!x || !y) return x ? -1 : y ? 1 : 0;
  const byDate = compareCalendarDates(y, x);
  if (byDate !== 0) return byDate;
  const tx = parseFhirInstant(a);
  const ty = parseFhirInstant(b);
  return tx === undefined || ty === undefined ? 0 : ty - tx;
}
