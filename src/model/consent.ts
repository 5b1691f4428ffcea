import type {
  CodeableConcept, Coding, Consent, ConsentProvision, Identifier, Reference,
} from '../fhir/r4.js';
import { SYSTEMS } from '../fhir/r4.js';
import { formatDate, parseFhirDate } from './date.js';
import type { ZkLocale } from './locale.js';
import { joinList, list, trimmed } from './text.js';
import { PURPOSES, WORDS, capitalise, codingText, dataClassText, purposeText, roleCodingText, unique } from './consent-words.js';
import { periodText } from './consent-summary.js';

export { purposeText } from './consent-words.js';

/**
 * Patient privacy consent: what is asked (a request, in words) and building the FHIR R4 Consent that
 * records a decision. Recorded Consents are put in words by consent-summary.ts (re-exported here).
 * Pure functions: no DOM, no fetch, no clock (the caller passes "now").
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

/** A requested data class in words: the app's own display first (it chose the words), else as recorded. */
function requestedDataText(coding: Coding, locale: ZkLocale): string | undefined {
  return trimmed(coding.display) ?? dataClassText(coding, locale);
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

function recipientText(recipient: ConsentRequest['recipient'], locale: ZkLocale): string | undefined {
  const organisation = trimmed(recipient.organization?.display);
  const role = recipient.role ? roleCodingText(recipient.role, locale) : undefined;
  if (organisation && role) return `${organisation} (${role})`;
  return organisation ?? role;
}

export function describeRequest(request: ConsentRequest, locale: ZkLocale): RequestDescription {
  const data = unique(request.dataClasses.map((c) => requestedDataText(c, locale)));
  const purposes = unique(request.purposes.map((p) => purposeText(p, locale)));
  return {
    recipient: recipientText(request.recipient, locale) ?? WORDS.notKnown[locale],
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
  const who = recipientText(request.recipient, locale) ?? (locale === 'nl' ? 'de ontvanger' : 'the recipient');
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

// Summarising recorded Consents lives in consent-summary.ts; re-exported here so imports stay stable.
export {
  classifyConsent, summariseConsent, summariseConsents,
  type ConsentKind, type ConsentSummary, type ProvisionSummary, type UnknownReason,
} from './consent-summary.js';
