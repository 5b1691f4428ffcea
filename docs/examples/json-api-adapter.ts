// A worked example from docs/guides/adapters.md: an adapter for a platform that does not speak FHIR,
// the fictional regional "ZorgDossier" JSON API. It maps that API's own shapes to FHIR R4 resources
// (and consents back, for writes), so every zorgkit element runs on it unchanged. It passes the
// shared adapter contract suite (test/adapters/json-api-example.test.ts).
//
// In an app, import from 'zorgkit/core' instead of '../../src/core/index.js'.
import {
  ForbiddenError, InvalidResourceError, MESSAGES, NetworkError, NotFoundError, SYSTEMS, ServerError, TimeoutError,
  errorForStatus, isSameOrigin, parseSecureUrl,
} from '../../src/core/index.js';
import type {
  Adapter, CodeableConcept, Coding, Consent, ConsentProvision, CreateOptions, CreateResult, HumanName, Identifier,
  LaunchContext, Medication, MedicationRequest, MedicationStatement, OperationOutcome, Patient, Reference, RequestOptions, Resource,
  SearchPage, SearchParams, UpdateOptions,
} from '../../src/core/index.js';

// ---------------------------------------------------------------------------------------------
// The platform's own shapes (what ZorgDossier's JSON looks like)

/** `GET /clients/{nr}`: a client (patient). Dates are `DD-MM-YYYY`; `null` is "not known". */
export interface ZdClient {
  nr: string;
  bsn: string | null;
  /** `J.P.M.` */
  voorletters: string;
  /** `Johanna Petronella Maria` */
  voornamen: string;
  /** `van`, or '' */
  voorvoegsel: string;
  achternaam: string;
  geboortedatum: string | null;
  geslacht: 'M' | 'V' | 'X' | null;
}

/** `GET /middelen/{id}`, and embedded in every medication item. */
export interface ZdMiddel {
  /** Absent for a medicine typed in as free text. */
  id?: string;
  naam: string;
  code?: { stelsel: 'snomed' | 'gpk' | 'prk' | 'hpk'; waarde: string; weergave?: string };
}

export type ZdMedicatieSoort = 'voorschrift' | 'gebruik';
export type ZdMedicatieStatus =
  | 'actief' | 'onderbroken' | 'gestopt' | 'afgerond' | 'geannuleerd' | 'foutief' | 'concept' | 'gepland' | 'niet-ingenomen' | 'onbekend';

/** One item of `GET /clients/{nr}/medicatie`: a prescription (voorschrift) or a medication use (gebruik). */
export interface ZdMedicatie {
  id: string;
  client: string;
  soort: ZdMedicatieSoort;
  status: ZdMedicatieStatus;
  middel: ZdMiddel;
  /** The dosage as text: `3 maal daags 1 tablet`. */
  dosering?: string;
  start?: string;
  eind?: string;
  voorschrijver?: string;
}

export type ZdToestemmingStatus = 'geldig' | 'ingetrokken' | 'afgewezen' | 'concept' | 'voorgesteld' | 'foutief';

/** What `POST /toestemmingen` and `PUT /toestemmingen/{id}` take. */
export interface ZdToestemmingInvoer {
  client: string;
  besluit: 'ja' | 'nee';
  status: ZdToestemmingStatus;
  /** The organisation that may (not) receive the data. */
  ontvanger?: string;
  /** Purposes, as v3-ActReason codes (`TREAT`). */
  doelen?: string[];
  /** The data, in plain words (`Medicatie`). */
  gegevens?: string[];
  geldigVanaf?: string;
  geldigTot?: string;
  /** When the decision was made (ISO 8601). */
  vastgelegdOp: string;
  vastgelegdDoor?: { soort: 'client' } | { soort: 'vertegenwoordiger'; naam: string };
  /** `PUT` only: the version the change is based on. A stale one is `409 VERSIE_CONFLICT`. */
  versie?: number;
}

/** A stored consent decision (`GET /toestemmingen/{id}`). */
export interface ZdToestemming extends ZdToestemmingInvoer {
  id: string;
  /** The `Idempotency-Key` it was created with: a second POST with that key creates nothing. */
  sleutel: string;
  versie: number;
}

/** `GET /sessie`: what the portal opened this page for. */
export interface ZdSessie {
  client?: string | null;
  medewerker?: string | null;
  /** `false` when the portal shows its own patient banner. */
  toonBanner?: boolean;
}

/** Every list: one page of items, the total, and the link to the next page. */
export interface ZdLijst<T> {
  items: T[];
  totaal: number;
  volgende?: string;
}

/** Every error answer: `{ fout: { code, melding } }` with an HTTP status. */
export interface ZdFout {
  fout: { code: string; melding?: string };
}

// ---------------------------------------------------------------------------------------------
// Mapping constants

/** ZorgDossier's own client numbers, as a FHIR identifier system (fictional). */
export const CLIENT_NR_SYSTEM = 'https://zorgdossier.example/fhir/NamingSystem/clientnummer';

const NICTIZ = 'http://nictiz.nl/fhir/StructureDefinition/';
const HL7_EXT = 'http://hl7.org/fhir/StructureDefinition/';
const EXT_OWN_PREFIX = `${HL7_EXT}humanname-own-prefix`;
const EXT_OWN_NAME = `${HL7_EXT}humanname-own-name`;
const EXT_QUALIFIER = `${HL7_EXT}iso21090-EN-qualifier`;
const EXT_PERIOD = `${NICTIZ}ext-TimeInterval.Period`;

const CODE_SYSTEMS: Record<NonNullable<ZdMiddel['code']>['stelsel'], string> = {
  snomed: SYSTEMS.snomed,
  hpk: 'urn:oid:2.16.840.1.113883.2.4.4.7',
  prk: 'urn:oid:2.16.840.1.113883.2.4.4.10',
  gpk: 'urn:oid:2.16.840.1.113883.2.4.4.1',
};

/** MP9 building blocks, told apart by category. */
const AGREEMENT: CodeableConcept = { coding: [{ system: SYSTEMS.snomed, code: '33633005', display: 'Medicatieafspraak' }] };
const MEDICATION_USE: CodeableConcept = { coding: [{ system: SYSTEMS.snomed, code: '422979000', display: 'Medicatiegebruik' }] };

const GENDER = { M: 'male', V: 'female', X: 'other' } as const;

/** Platform status ↔ FHIR status, per resource type; both directions, one table. */
const MEDICATION_STATUS = {
  MedicationRequest: {
    actief: 'active', onderbroken: 'on-hold', gestopt: 'stopped', afgerond: 'completed', geannuleerd: 'cancelled',
    foutief: 'entered-in-error', concept: 'draft', onbekend: 'unknown',
  },
  MedicationStatement: {
    actief: 'active', onderbroken: 'on-hold', gestopt: 'stopped', afgerond: 'completed', foutief: 'entered-in-error',
    gepland: 'intended', 'niet-ingenomen': 'not-taken', onbekend: 'unknown',
  },
} as const satisfies Record<string, Partial<Record<ZdMedicatieStatus, string>>>;

const CONSENT_STATUS = {
  geldig: 'active', ingetrokken: 'inactive', afgewezen: 'rejected', concept: 'draft', voorgesteld: 'proposed', foutief: 'entered-in-error',
} as const satisfies Record<ZdToestemmingStatus, NonNullable<Consent['status']>>;

const PRIVACY_SCOPE: CodeableConcept = { coding: [{ system: SYSTEMS.consentScope, code: 'patient-privacy' }] };
const CONSENT_CATEGORY: CodeableConcept = { coding: [{ system: SYSTEMS.loinc, code: '59284-0', display: 'Patient Consent' }] };
const OPT_IN: Coding = { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'OPTIN' };
const RECIPIENT_ROLE: Coding = { system: SYSTEMS.participationType, code: 'IRCP' };

type MedicationType = keyof typeof MEDICATION_STATUS;
const SOORT: Record<MedicationType, ZdMedicatieSoort> = { MedicationRequest: 'voorschrift', MedicationStatement: 'gebruik' };

/** The search parameters answered, per type. Anything else is an error, never an unfiltered list. */
const SEARCHABLE: Record<string, readonly string[]> = {
  Patient: ['_id', 'identifier', '_count'],
  MedicationRequest: ['patient', 'subject', 'status', '_include', '_count'],
  MedicationStatement: ['patient', 'subject', 'status', '_include', '_count'],
  Medication: ['_id'],
  Consent: ['patient', 'identifier', '_count'],
};
const MAX_PAGE_SIZE = 100;
const ID_PATTERN = /^[A-Za-z0-9\-.]{1,64}$/;
const NEXT_PREFIX = 'zorgdossier:';

// ---------------------------------------------------------------------------------------------
// Small helpers

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The answer was not what ZorgDossier documents: never guess, report it. */
function invalid(detail: string): InvalidResourceError {
  return new InvalidResourceError(MESSAGES.invalid, { cause: new Error(detail) });
}

/** A search or write this platform cannot do: an error, as a FHIR server answers 400. */
function unsupported(text: string): ServerError {
  return new ServerError(text, { status: 400 });
}

function text(record: Json, key: string): string {
  const value = record[key];
  if (typeof value !== 'string' || value.trim() === '') throw invalid(`${key} is not a text`);
  return value;
}

function optionalText(record: Json, key: string): string | undefined {
  const value = record[key];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw invalid(`${key} is not a text`);
  return value;
}

function textList(record: Json, key: string): string[] {
  const value = record[key];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every((v): v is string => typeof v === 'string')) throw invalid(`${key} is not a list of texts`);
  return value;
}

function oneOf<K extends string>(table: Record<K, unknown>, value: unknown, what: string): K {
  if (typeof value !== 'string' || !Object.hasOwn(table, value)) throw invalid(`unknown ${what}`);
  return value as K;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `DD-MM-YYYY` → FHIR `YYYY-MM-DD`. A date that is not on the calendar is an error, never a guess. */
export function fromDutchDate(value: string): string {
  const match = /^(\d{2})-(\d{2})-(\d{4})$/.exec(value);
  const [day, month, year] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  if (!match || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) throw invalid('a date is not DD-MM-YYYY');
  return `${match[3]}-${match[2]}-${match[1]}`;
}

/** FHIR `YYYY-MM-DD` → `DD-MM-YYYY`. ZorgDossier stores whole dates only. */
export function toDutchDate(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) throw new InvalidResourceError(`ZorgDossier stores whole dates only (day, month and year), not "${value}".`);
  const dutch = `${match[3]}-${match[2]}-${match[1]}`;
  fromDutchDate(dutch); // throws for a date that is not on the calendar
  return dutch;
}

/** `Patient/123` or `123` → `123`; anything else is not a client number. */
function clientNumber(reference: string): string {
  const nr = reference.startsWith('Patient/') ? reference.slice('Patient/'.length) : reference;
  if (!ID_PATTERN.test(nr)) throw unsupported('ZorgDossier finds records by a patient id (or Patient/id) only.');
  return nr;
}

/** The single value of a search parameter (a repeated parameter means AND, which ZorgDossier cannot do). */
function single(params: SearchParams, name: string): string | undefined {
  const raw = params[name];
  if (raw === undefined) return undefined;
  if (Array.isArray(raw)) {
    if (raw.length !== 1) throw unsupported(`ZorgDossier cannot combine several ${name} parameters.`);
    return String(raw[0]);
  }
  return String(raw);
}

function pageSize(params: SearchParams): number | undefined {
  const value = single(params, '_count');
  if (value === undefined) return undefined;
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1) throw unsupported('_count must be a whole number above 0.');
  return Math.min(count, MAX_PAGE_SIZE);
}

// ---------------------------------------------------------------------------------------------
// Platform → FHIR

/** A client as an nl-core Patient: name parts as extensions, given names (BR) and initials (IN), BSN. */
export function clientToPatient(value: unknown): Patient {
  if (!isObject(value)) throw invalid('client is not an object');
  const nr = text(value, 'nr');
  const prefix = optionalText(value, 'voorvoegsel')?.trim();
  const own = text(value, 'achternaam').trim();
  const givenNames = (optionalText(value, 'voornamen') ?? '').split(/\s+/).filter(Boolean);
  const initials = (optionalText(value, 'voorletters') ?? '').match(/[^.\s]+\./g) ?? [];
  const qualified = (code: 'BR' | 'IN') => ({
    extension: [{ url: EXT_QUALIFIER, valueCode: code }],
  });
  const name: HumanName = {
    use: 'official',
    family: prefix ? `${prefix} ${own}` : own,
    _family: {
      extension: [
        ...(prefix ? [{ url: EXT_OWN_PREFIX, valueString: prefix }] : []),
        { url: EXT_OWN_NAME, valueString: own },
      ],
    },
    ...(givenNames.length + initials.length > 0 ? {
      given: [...givenNames, ...initials],
      _given: [
        ...givenNames.map(() => qualified('BR')),
        ...initials.map(() => qualified('IN')),
      ],
    } : {}),
  };
  const bsn = optionalText(value, 'bsn');
  const birth = optionalText(value, 'geboortedatum');
  const gender = value.geslacht === null || value.geslacht === undefined ? undefined : GENDER[oneOf(GENDER, value.geslacht, 'geslacht')];
  return {
    resourceType: 'Patient',
    id: nr,
    // Client records are not versioned by ZorgDossier: no meta.versionId (never a made-up one).
    meta: { profile: [`${NICTIZ}nl-core-Patient`] },
    identifier: [
      ...(bsn ? [{ use: 'official' as const, system: SYSTEMS.bsn, value: bsn }] : []),
      { use: 'usual', system: CLIENT_NR_SYSTEM, value: nr },
    ],
    name: [name],
    ...(gender ? { gender } : {}),
    ...(birth ? { birthDate: fromDutchDate(birth) } : {}),
  };
}

function middelConcept(middel: Json): CodeableConcept {
  const code = isObject(middel.code) ? middel.code : undefined;
  const coding: Coding[] = code
    ? [{
        system: CODE_SYSTEMS[oneOf(CODE_SYSTEMS, code.stelsel, 'stelsel')],
        code: text(code, 'waarde'),
        ...(optionalText(code, 'weergave') ? { display: optionalText(code, 'weergave') } : {}),
      }]
    : [];
  return { ...(coding.length ? { coding } : {}), text: text(middel, 'naam') };
}

export function middelToMedication(value: unknown): Medication {
  if (!isObject(value)) throw invalid('middel is not an object');
  return { resourceType: 'Medication', id: text(value, 'id'), code: middelConcept(value) };
}

/** A medication item as a MedicationRequest (voorschrift) or MedicationStatement (gebruik). */
export function medicatieToResource(value: unknown): MedicationRequest | MedicationStatement {
  if (!isObject(value) || !isObject(value.middel)) throw invalid('medicatie item is not an object with a middel');
  const soort = value.soort === 'voorschrift' || value.soort === 'gebruik' ? value.soort : undefined;
  if (!soort) throw invalid('unknown soort');
  const type: MedicationType = soort === 'voorschrift' ? 'MedicationRequest' : 'MedicationStatement';
  const statuses: Record<string, string> = MEDICATION_STATUS[type];
  // A status this type does not know is shown as "unknown", never as another status.
  const status = typeof value.status === 'string' && Object.hasOwn(statuses, value.status) ? statuses[value.status] : 'unknown';
  const middelId = optionalText(value.middel, 'id');
  const medication = middelId
    ? { medicationReference: { reference: `Medication/${middelId}`, display: text(value.middel, 'naam') } }
    : { medicationCodeableConcept: middelConcept(value.middel) };
  const start = optionalText(value, 'start');
  const end = optionalText(value, 'eind');
  const period = start || end ? { ...(start ? { start: fromDutchDate(start) } : {}), ...(end ? { end: fromDutchDate(end) } : {}) } : undefined;
  const dosage = optionalText(value, 'dosering');
  const common = { id: text(value, 'id'), subject: { reference: `Patient/${text(value, 'client')}` }, ...medication };
  if (type === 'MedicationRequest') {
    const prescriber = optionalText(value, 'voorschrijver');
    return {
      resourceType: 'MedicationRequest',
      ...common,
      status: status as MedicationRequest['status'],
      intent: 'order',
      category: [structuredClone(AGREEMENT)],
      ...(period ? { extension: [{ url: EXT_PERIOD, valuePeriod: period }] } : {}),
      ...(dosage ? { dosageInstruction: [{ text: dosage }] } : {}),
      ...(prescriber ? { requester: { display: prescriber } } : {}),
    };
  }
  return {
    resourceType: 'MedicationStatement',
    ...common,
    status: status as MedicationStatement['status'],
    category: structuredClone(MEDICATION_USE),
    ...(period ? { effectivePeriod: period } : {}),
    ...(dosage ? { dosage: [{ text: dosage }] } : {}),
  };
}

/** A stored decision as a FHIR R4 privacy Consent, with its version as `meta.versionId`. */
export function toestemmingToConsent(value: unknown): Consent {
  if (!isObject(value)) throw invalid('toestemming is not an object');
  const versie = value.versie;
  if (typeof versie !== 'number' || !Number.isInteger(versie)) throw invalid('versie is not a whole number');
  const besluit = oneOf({ ja: 'permit', nee: 'deny' }, value.besluit, 'besluit');
  const patient: Reference = { reference: `Patient/${text(value, 'client')}` };
  const from = optionalText(value, 'geldigVanaf');
  const until = optionalText(value, 'geldigTot');
  const recipient = optionalText(value, 'ontvanger');
  const purposes = textList(value, 'doelen');
  const data = textList(value, 'gegevens');
  const by: unknown = value.vastgelegdDoor;
  let performer: Reference | undefined;
  if (isObject(by)) performer = by.soort === 'client' ? { ...patient } : { display: text(by, 'naam') };
  const provision: ConsentProvision = {
    type: besluit === 'ja' ? 'permit' : 'deny',
    ...(from || until ? { period: { ...(from ? { start: fromDutchDate(from) } : {}), ...(until ? { end: fromDutchDate(until) } : {}) } } : {}),
    ...(recipient ? { actor: [{ role: { coding: [{ ...RECIPIENT_ROLE }] }, reference: { display: recipient } }] } : {}),
    ...(purposes.length ? { purpose: purposes.map((code) => ({ system: SYSTEMS.actReason, code })) } : {}),
    ...(data.length ? { class: data.map((display) => ({ display })) } : {}),
  };
  return {
    resourceType: 'Consent',
    id: text(value, 'id'),
    meta: { versionId: String(versie) },
    identifier: [{ system: SYSTEMS.rfc3986, value: text(value, 'sleutel') }],
    status: CONSENT_STATUS[oneOf(CONSENT_STATUS, value.status, 'status')],
    scope: structuredClone(PRIVACY_SCOPE),
    category: [structuredClone(CONSENT_CATEGORY)],
    patient,
    dateTime: text(value, 'vastgelegdOp'),
    ...(performer ? { performer: [performer] } : {}),
    policyRule: { coding: [{ ...OPT_IN }] },
    provision,
  };
}

// ---------------------------------------------------------------------------------------------
// FHIR → platform (writes)

const STORABLE_CONSENT_KEYS = new Set(['resourceType', 'id', 'meta', 'text', 'identifier', 'status', 'scope', 'category', 'patient', 'dateTime', 'performer', 'policyRule', 'provision']);
const STORABLE_PROVISION_KEYS = new Set(['type', 'period', 'actor', 'purpose', 'class']);
const codes = (concept: CodeableConcept | undefined) => (concept?.coding ?? []).map((c) => `${c.system ?? ''}|${c.code ?? ''}`);

/**
 * A Consent as ZorgDossier's input. A consent with anything ZorgDossier cannot store (nested
 * exceptions, a policy, restrictions to certain records, …) is refused: saving part of a decision
 * would record a different decision than the patient made.
 */
export function consentToToestemming(consent: Consent): ZdToestemmingInvoer {
  const cannot = (what: string) => new InvalidResourceError(`ZorgDossier cannot store this consent: ${what}. Nothing was saved.`);
  const extra = Object.keys(consent).filter((key) => !STORABLE_CONSENT_KEYS.has(key));
  if (extra.length) throw cannot(`it has ${extra.join(', ')}`);
  if (!codes(consent.scope).includes(`${SYSTEMS.consentScope}|patient-privacy`)) throw cannot('it is not a privacy consent');
  if (consent.category?.some((c) => !codes(c).includes(`${SYSTEMS.loinc}|59284-0`))) throw cannot('it has another category');
  if (consent.policyRule && (codes(consent.policyRule).join() !== `${OPT_IN.system}|OPTIN` || consent.policyRule.text)) throw cannot('it has another policy');
  const provision = consent.provision;
  if (!provision || (provision.type !== 'permit' && provision.type !== 'deny')) throw cannot('it has no permit or deny');
  const extraProvision = Object.keys(provision).filter((key) => !STORABLE_PROVISION_KEYS.has(key));
  if (extraProvision.length) throw cannot(`its decision has ${extraProvision.join(', ')}`);
  const actors = provision.actor ?? [];
  if (actors.length > 1 || actors.some((a) => !a.reference?.display || (a.role && codes(a.role).join() !== `${RECIPIENT_ROLE.system}|IRCP`))) {
    throw cannot('it names recipients other than one organisation by name');
  }
  const purposes = (provision.purpose ?? []).map((p) => {
    if (p.system !== SYSTEMS.actReason || !p.code) throw cannot('a purpose is not a v3-ActReason code');
    return p.code;
  });
  const data = (provision.class ?? []).map((c) => {
    if (!c.display || c.code) throw cannot('the data is not named in plain words');
    return c.display;
  });
  const patient = consent.patient?.reference;
  if (!patient?.startsWith('Patient/')) throw cannot('it names no patient');
  if (!consent.dateTime) throw cannot('it has no date');
  const status = Object.entries(CONSENT_STATUS).find(([, fhir]) => fhir === consent.status)?.[0] as ZdToestemmingStatus | undefined;
  if (!status) throw cannot('its status is missing');
  const [performer, ...more] = consent.performer ?? [];
  if (more.length || (performer && performer.reference !== patient && !performer.display)) throw cannot('it names more than one decision maker');
  return {
    client: clientNumber(patient),
    besluit: provision.type === 'permit' ? 'ja' : 'nee',
    status,
    ...(actors[0]?.reference?.display ? { ontvanger: actors[0].reference.display } : {}),
    ...(purposes.length ? { doelen: purposes } : {}),
    ...(data.length ? { gegevens: data } : {}),
    ...(provision.period?.start ? { geldigVanaf: toDutchDate(provision.period.start) } : {}),
    ...(provision.period?.end ? { geldigTot: toDutchDate(provision.period.end) } : {}),
    vastgelegdOp: consent.dateTime,
    ...(performer ? { vastgelegdDoor: performer.reference === patient ? { soort: 'client' } : { soort: 'vertegenwoordiger', naam: performer.display! } } : {}),
  };
}

/** The platform's error body as an OperationOutcome, so `errorForStatus` picks the class and cleans the text. */
function outcomeOf(body: unknown): OperationOutcome | undefined {
  const fout = isObject(body) && isObject(body.fout) ? body.fout : undefined;
  const melding = fout && typeof fout.melding === 'string' ? fout.melding : undefined;
  return melding ? { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'processing', details: { text: melding } }] } : undefined;
}

// ---------------------------------------------------------------------------------------------
// The adapter

export interface ZorgDossierAdapterOptions {
  /** The API's base URL, e.g. `https://api.zorgdossier.example/v2`: https (http on localhost only). */
  baseUrl: string;
  /** The fetch to use (default: the global one). The docs and tests pass the fake API's. */
  fetch?: typeof fetch;
  /** Gives the access token for a request; sent as `Authorization: Bearer …` to the base URL only. */
  token?: () => Promise<string | undefined>;
  /** Time limit for one request (default 15000 ms). */
  timeoutMs?: number;
}

/** What a `next` link carries: the platform's own link plus what is needed to map the next page. */
interface NextToken {
  type: string;
  url: string;
  include: boolean;
}

/**
 * zorgkit on the ZorgDossier JSON API: clients as Patients, medication items as MedicationRequests
 * (voorschrift) and MedicationStatements (gebruik) with their Medication, decisions as Consents.
 * Writes only Consents (`canWrite`): created with ZorgDossier's `Idempotency-Key`, updated with
 * its version number, which is what `If-None-Exist` and `If-Match` ask for.
 */
export class ZorgDossierAdapter implements Adapter {
  readonly name = 'zorgdossier';
  readonly baseUrl: string;
  readonly #fetch: typeof fetch;
  readonly #token: (() => Promise<string | undefined>) | undefined;
  readonly #timeoutMs: number;
  #session: Promise<LaunchContext> | undefined;

  constructor(options: ZorgDossierAdapterOptions) {
    this.baseUrl = parseSecureUrl(options.baseUrl, 'ZorgDossier base URL').href.replace(/\/+$/, '');
    this.#fetch = options.fetch ?? ((input, init) => fetch(input, init));
    this.#token = options.token;
    this.#timeoutMs = options.timeoutMs ?? 15000;
  }

  async read<T extends Resource = Resource>(type: string, id: string, options: RequestOptions = {}): Promise<T> {
    if (!ID_PATTERN.test(id)) throw new NotFoundError(MESSAGES.notFound); // never put an odd id in a URL
    const path = encodeURIComponent(id);
    switch (type) {
      case 'Patient':
        return clientToPatient(await this.#get(`/clients/${path}`, options)) as unknown as T;
      case 'Medication':
        return middelToMedication(await this.#get(`/middelen/${path}`, options)) as unknown as T;
      case 'MedicationRequest':
      case 'MedicationStatement': {
        const resource = medicatieToResource(await this.#get(`/medicatie/${path}`, options));
        if (resource.resourceType !== type) throw new NotFoundError(MESSAGES.notFound);
        return resource as unknown as T;
      }
      case 'Consent':
        return toestemmingToConsent(await this.#get(`/toestemmingen/${path}`, options)) as unknown as T;
      default:
        throw unsupported(`ZorgDossier holds no ${type} records.`);
    }
  }

  async search<T extends Resource = Resource>(type: string, params: SearchParams, options: RequestOptions = {}): Promise<SearchPage<T>> {
    const allowed = SEARCHABLE[type];
    // A type the platform does not hold is an error, not an empty list: the banner would say
    // "no allergies recorded" where the truth is "not known here".
    if (!allowed) throw unsupported(`ZorgDossier holds no ${type} records.`);
    for (const [name, value] of Object.entries(params)) {
      if (value !== undefined && !allowed.includes(name)) throw unsupported(`ZorgDossier cannot search ${type} by ${name}.`);
    }
    const query = new URLSearchParams();
    const count = pageSize(params);
    if (count !== undefined) query.set('aantal', String(count));

    if (type === 'Patient' || type === 'Medication') return await this.#searchOne<T>(type, params, options);

    if (type === 'Consent') {
      const patient = single(params, 'patient');
      const identifier = single(params, 'identifier');
      if (patient !== undefined) query.set('client', clientNumber(patient));
      if (identifier !== undefined) {
        const [system, value] = identifier.split(/\|(.*)/s);
        // Only the idempotency key is a consent identifier here: any other system matches nothing.
        if (system !== SYSTEMS.rfc3986 || !value) return { matches: [], included: [], total: 0 };
        query.set('sleutel', value);
      }
      if (patient === undefined && identifier === undefined) throw unsupported('ZorgDossier lists consents per patient (or by identifier) only.');
      return await this.#page<T>({ type, url: `${this.baseUrl}/toestemmingen?${query.toString()}`, include: false }, options);
    }

    // MedicationRequest, MedicationStatement
    const patient = single(params, 'patient') ?? single(params, 'subject');
    if (patient === undefined) throw unsupported('ZorgDossier lists medication per patient only.');
    query.set('soort', SOORT[type as MedicationType]);
    const status = single(params, 'status');
    if (status !== undefined) {
      const table: Record<string, string> = MEDICATION_STATUS[type as MedicationType];
      const wanted = status.split(',').map((s) => Object.keys(table).find((k) => table[k] === s)).filter((s) => s !== undefined);
      if (wanted.length === 0) return { matches: [], included: [], total: 0 }; // no platform status means that
      query.set('status', wanted.join(','));
    }
    const include = single(params, '_include');
    if (include !== undefined && include !== `${type}:medication`) throw unsupported(`ZorgDossier cannot include ${include}.`);
    const url = `${this.baseUrl}/clients/${encodeURIComponent(clientNumber(patient))}/medicatie?${query.toString()}`;
    return await this.#page<T>({ type, url, include: include !== undefined }, options);
  }

  async nextPage<T extends Resource = Resource>(next: string, options: RequestOptions = {}): Promise<SearchPage<T>> {
    let token: NextToken;
    try {
      if (!next.startsWith(NEXT_PREFIX)) throw new Error('not a ZorgDossier link');
      const parsed: unknown = JSON.parse(decodeURIComponent(next.slice(NEXT_PREFIX.length)));
      if (!isObject(parsed) || typeof parsed.type !== 'string' || typeof parsed.url !== 'string' || typeof parsed.include !== 'boolean') {
        throw new Error('not a ZorgDossier link');
      }
      token = { type: parsed.type, url: parsed.url, include: parsed.include };
    } catch {
      throw unsupported('The link to the next page of results is not valid.');
    }
    return await this.#page<T>(token, options);
  }

  async create<T extends Resource>(
    resource: T,
    options: CreateOptions = {},
  ): Promise<CreateResult<T>> {
    const consent = this.#writable(resource); // ForbiddenError unless it is a Consent
    // If-None-Exist: identifier=urn:ietf:rfc:3986|<value>  →  Idempotency-Key: <value>
    const key = idempotencyKey(consent, options.ifNoneExist);
    const body = consentToToestemming(consent);
    const url = `${this.baseUrl}/toestemmingen`;
    const answer = await this.#request('POST', url, options, body, { 'Idempotency-Key': key });
    // 201: created. 200: that key was used before; this is what it created then.
    const stored = toestemmingToConsent(answer.body) as unknown as T;
    return { resource: stored, created: answer.status === 201 };
  }

  async update<T extends Resource>(resource: T, options: UpdateOptions = {}): Promise<T> {
    const consent = this.#writable(resource);
    if (typeof consent.id !== 'string' || !ID_PATTERN.test(consent.id)) {
      throw unsupported('The record to save has no valid id.');
    }
    const body: ZdToestemmingInvoer = consentToToestemming(consent);
    if (options.ifMatch !== undefined) {
      // If-Match: W/"3" → versie 3. ZorgDossier answers 409 when the stored version is another.
      const version = /^(?:W\/)?"?(\d+)"?$/.exec(options.ifMatch.trim())?.[1];
      body.versie = version === undefined ? -1 : Number(version);
    }
    const url = `${this.baseUrl}/toestemmingen/${encodeURIComponent(consent.id)}`;
    const answer = await this.#request('PUT', url, options, body);
    return toestemmingToConsent(answer.body) as unknown as T;
  }

  /** The portal's session (`GET /sessie`), read once: the open client, the user, the banner wish. */
  launchContext(): Promise<LaunchContext> {
    this.#session ??= this.#get('/sessie', {}).then((value) => {
      const session = isObject(value) ? value : {};
      const client = optionalText(session, 'client');
      const user = optionalText(session, 'medewerker');
      return {
        ...(client ? { patient: client } : {}),
        ...(user ? { user: `Practitioner/${user}` } : {}),
        ...(typeof session.toonBanner === 'boolean' ? { needPatientBanner: session.toonBanner } : {}),
      };
    }).catch((error: unknown) => {
      this.#session = undefined; // a failure is not kept: the next call asks again
      throw error;
    });
    return this.#session.then((context) => structuredClone(context));
  }

  /** ZorgDossier takes consent decisions only; clients and medication are read-only here. */
  canWrite(type: string): boolean {
    return type === 'Consent';
  }

  #writable(resource: Resource): Consent {
    const type: unknown = isObject(resource) ? resource.resourceType : undefined;
    if (typeof type !== 'string') throw unsupported('The record to save is not a FHIR resource.');
    if (!this.canWrite(type)) throw new ForbiddenError(MESSAGES.forbidden, { status: 403 });
    return resource as Consent;
  }

  /** Patient and Medication: by id (or a Patient by BSN or client number), at most one match. */
  async #searchOne<T extends Resource>(type: 'Patient' | 'Medication', params: SearchParams, options: RequestOptions): Promise<SearchPage<T>> {
    const id = single(params, '_id');
    const identifier = single(params, 'identifier');
    let found: Resource[] = [];
    if (identifier !== undefined) {
      if (!identifier.includes('|')) throw unsupported('ZorgDossier finds patients by system|value only.');
      const [system, value] = identifier.split(/\|(.*)/s);
      if (system === SYSTEMS.bsn) {
        const list = await this.#get(`/clients?${new URLSearchParams({ bsn: value }).toString()}`, options);
        found = (isObject(list) && Array.isArray(list.items) ? list.items : []).map(clientToPatient);
      } else if (system === CLIENT_NR_SYSTEM && value) {
        found = await this.#readOrNothing('Patient', value, options);
      } // any other system: no client carries one, so nothing matches
    } else if (id !== undefined) {
      found = await this.#readOrNothing(type, id, options);
    } else {
      throw unsupported(`ZorgDossier finds a ${type} by id${type === 'Patient' ? ' or identifier' : ''} only.`);
    }
    if (id !== undefined) found = found.filter((r) => r.id === id);
    return { matches: found as T[], included: [], total: found.length };
  }

  async #readOrNothing(type: string, id: string, options: RequestOptions): Promise<Resource[]> {
    try {
      return [await this.read(type, id, options)];
    } catch (error) {
      if (error instanceof NotFoundError) return [];
      throw error;
    }
  }

  /** One page of a ZorgDossier list, mapped; its `volgende` link wrapped into an opaque `next`. */
  async #page<T extends Resource>(token: NextToken, options: RequestOptions): Promise<SearchPage<T>> {
    // Follow only links on the ZorgDossier base URL: the token must never go elsewhere.
    const onApi = isSameOrigin(token.url, this.baseUrl)
      && new URL(token.url).pathname.startsWith(new URL(this.baseUrl).pathname);
    if (!onApi) throw invalid('a next link points away from the ZorgDossier API');
    const answer = await this.#request('GET', token.url, options);
    const list = answer.body;
    if (!isObject(list) || !Array.isArray(list.items) || typeof list.totaal !== 'number') throw invalid('not a ZorgDossier list');
    const matches: Resource[] = [];
    const included = new Map<string, Medication>();
    for (const item of list.items) {
      if (token.type === 'Consent') {
        matches.push(toestemmingToConsent(item));
        continue;
      }
      const resource = medicatieToResource(item);
      if (resource.resourceType !== token.type) throw invalid('the list holds another kind of medication record');
      matches.push(resource);
      // The middel comes embedded in each item: that is what `_include` asks for.
      const middel = isObject(item) ? item.middel : undefined;
      if (token.include && isObject(middel) && typeof middel.id === 'string') included.set(middel.id, middelToMedication(middel));
    }
    const page: SearchPage<T> = {
      matches: matches as T[], included: [...included.values()], total: list.totaal,
    };
    const volgende = optionalText(list, 'volgende');
    if (volgende) {
      const url = new URL(volgende, `${this.baseUrl}/`).href;
      const wrapped: NextToken = { ...token, url };
      page.next = NEXT_PREFIX + encodeURIComponent(JSON.stringify(wrapped));
    }
    return page;
  }

  #get(path: string, options: RequestOptions): Promise<unknown> {
    return this.#request('GET', `${this.baseUrl}${path}`, options).then((answer) => answer.body);
  }

  /** One HTTP request: JSON in and out, the token, a time limit, and typed errors for every failure. */
  async #request(
    method: string,
    url: string,
    options: RequestOptions,
    json?: unknown,
    extraHeaders: Record<string, string> = {},
  ): Promise<{ status: number; body: unknown }> {
    const aborted = () => new DOMException('The operation was aborted.', 'AbortError');
    if (options.signal?.aborted) throw aborted();
    const headers = new Headers({ Accept: 'application/json', ...extraHeaders });
    if (json !== undefined) headers.set('Content-Type', 'application/json');
    const token = await this.#token?.();
    if (token) headers.set('Authorization', `Bearer ${token}`);
    const timeout = AbortSignal.timeout(this.#timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    let status: number;
    let body: string;
    try {
      const payload = json === undefined ? {} : { body: JSON.stringify(json) };
      const response = await this.#fetch(url, { method, headers, signal, ...payload });
      status = response.status;
      body = await response.text();
    } catch (error) {
      if (options.signal?.aborted) throw aborted();
      if (timeout.aborted) {
        throw new TimeoutError(MESSAGES.timeout, { retryable: true, cause: error });
      }
      throw new NetworkError(MESSAGES.network, { retryable: true, cause: error });
    }
    let parsed: unknown;
    try {
      parsed = body.trim() === '' ? undefined : JSON.parse(body);
    } catch {
      parsed = undefined;
      if (status >= 200 && status < 300) throw invalid('the answer is not JSON');
    }
    // { fout: { melding } } becomes an OperationOutcome: errorForStatus picks the class,
    // and cleans the text.
    if (status < 200 || status >= 300) throw errorForStatus(status, outcomeOf(parsed));
    if (parsed === undefined) throw invalid('the answer is empty');
    return { status, body: parsed };
  }
}

/**
 * The `Idempotency-Key` for a new consent. `If-None-Exist: identifier=urn:ietf:rfc:3986|<value>`
 * becomes that key: ZorgDossier then creates nothing when the key was used before, which is
 * exactly what a conditional create asks for. Any other condition cannot be honoured, so it is an
 * error rather than a create that might duplicate.
 */
export function idempotencyKey(consent: Consent, ifNoneExist: string | undefined): string {
  const own = (consent.identifier ?? []).filter((i: Identifier) => i.system === SYSTEMS.rfc3986 && i.value).map((i) => i.value!);
  if ((consent.identifier ?? []).length > own.length) {
    throw new InvalidResourceError('ZorgDossier keys a consent by one urn:ietf:rfc:3986 identifier only. Nothing was saved.');
  }
  if (ifNoneExist === undefined) return own[0] ?? `urn:uuid:${crypto.randomUUID()}`;
  const conditions = [...new URLSearchParams(ifNoneExist)];
  const [name, token] = conditions[0] ?? [];
  const [system, value] = (token ?? '').split(/\|(.*)/s);
  if (conditions.length !== 1 || name !== 'identifier' || system !== SYSTEMS.rfc3986 || !value) {
    throw unsupported('ZorgDossier can make a create conditional on a urn:ietf:rfc:3986 identifier only.');
  }
  if (own.length > 0 && !own.includes(value)) throw new InvalidResourceError('The condition names another identifier than the consent has. Nothing was saved.');
  return value;
}
