// The "platform" behind the example adapter of docs/guides/adapters.md: a small in-memory stand-in
// for the fictional ZorgDossier JSON API, answering real `Response`s through a `fetch`-like
// function, so the adapter reads like real HTTP code. Also: `zorgDossierDataFromFhir`, which turns
// FHIR test records into ZorgDossier's data (the contract suite seeds the API with it).
// Everything here is fictional.
import { SYSTEMS } from '../../src/core/index.js';
import type { Consent, Medication, MedicationRequest, MedicationStatement, Patient, Resource } from '../../src/core/index.js';
import {
  consentToToestemming, toDutchDate,
  type ZdClient, type ZdMedicatie, type ZdMedicatieStatus, type ZdMiddel, type ZdSessie, type ZdToestemming, type ZdToestemmingInvoer,
} from './json-api-adapter.js';

export const FAKE_API_BASE_URL = 'https://api.zorgdossier.example/v2';

/** What the fake API holds. Medication items name their middel by id (`middelId`) or carry it inline. */
export interface ZorgDossierData {
  clients: ZdClient[];
  middelen: ZdMiddel[];
  medicatie: (Omit<ZdMedicatie, 'middel'> & ({ middelId: string } | { middel: ZdMiddel }))[];
  toestemmingen: ZdToestemming[];
  sessie?: ZdSessie;
}

export interface FakeApiRequest {
  method: string;
  url: URL;
  headers: Headers;
}

const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 100;

class Answer {
  constructor(readonly status: number, readonly body: unknown) {}
}
const fout = (status: number, code: string, melding: string) => new Answer(status, { fout: { code, melding } });
const notFound = () => fout(404, 'NIET_GEVONDEN', 'Niet gevonden.');

/**
 * An in-memory ZorgDossier API. `fetch` answers the documented endpoints:
 *
 * | request | answer |
 * | --- | --- |
 * | `GET /sessie` | `ZdSessie` |
 * | `GET /clients/{nr}`, `GET /clients?bsn=` | `ZdClient`, `ZdLijst<ZdClient>` |
 * | `GET /clients/{nr}/medicatie?soort=&status=&vanaf=&aantal=` | `ZdLijst<ZdMedicatie>` (`volgende` when there is more) |
 * | `GET /medicatie/{id}`, `GET /middelen/{id}` | `ZdMedicatie`, `ZdMiddel` |
 * | `GET /toestemmingen?client=&sleutel=&vanaf=&aantal=`, `GET /toestemmingen/{id}` | `ZdLijst<ZdToestemming>`, `ZdToestemming` |
 * | `POST /toestemmingen` + `Idempotency-Key` | 201 + the new one; 200 + the earlier one when the key was used |
 * | `PUT /toestemmingen/{id}` (`versie` = the version it is based on) | 200 + the new version; 409 `VERSIE_CONFLICT` when stale |
 *
 * Errors are `{ fout: { code, melding } }`. Unknown query parameters are a 400 (a strict API).
 */
export class ZorgDossierFakeApi {
  readonly baseUrl: string;
  /** Every request answered, in order (tests count them). */
  readonly requests: FakeApiRequest[] = [];
  readonly data: ZorgDossierData;
  #nextId = 0;

  constructor(data: Partial<ZorgDossierData> = {}, options: { baseUrl?: string } = {}) {
    this.baseUrl = options.baseUrl ?? FAKE_API_BASE_URL;
    this.data = structuredClone({ clients: [], middelen: [], medicatie: [], toestemmingen: [], ...data });
  }

  /** A `fetch` for the adapter's `fetch` option. Honours `signal`; answers with real `Response`s. */
  readonly fetch: typeof fetch = (input, init = {}) => {
    const signal = init.signal ?? (input instanceof Request ? input.signal : undefined);
    if (signal?.aborted) return Promise.reject(new DOMException('The operation was aborted.', 'AbortError'));
    const url = new URL(input instanceof Request ? input.url : input.toString());
    const method = (init.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    const headers = new Headers(init.headers ?? (input instanceof Request ? input.headers : undefined));
    this.requests.push({ method, url, headers });
    let answer: Answer;
    try {
      const body: unknown = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
      answer = this.#route(method, url, headers, body);
    } catch {
      answer = fout(400, 'ONGELDIG_VERZOEK', 'Het verzoek kon niet worden gelezen.');
    }
    return Promise.resolve(new Response(JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'Content-Type': 'application/json' },
    }));
  };

  #route(method: string, url: URL, headers: Headers, body: unknown): Answer {
    const base = new URL(this.baseUrl);
    if (url.origin !== base.origin || !url.pathname.startsWith(`${base.pathname}/`)) return notFound();
    const path = url.pathname.slice(base.pathname.length).split('/').filter(Boolean).map(decodeURIComponent);
    const query = url.searchParams;
    const allowOnly = (...names: string[]) => [...query.keys()].every((k) => names.includes(k));
    const get = method === 'GET';

    if (get && path.join('/') === 'sessie') return new Answer(200, this.data.sessie ?? {});
    if (get && path[0] === 'clients' && path.length === 1) {
      if (!allowOnly('bsn') || !query.get('bsn')) return fout(400, 'ONBEKENDE_PARAMETER', 'Zoek cliënten op bsn.');
      const items = this.data.clients.filter((c) => c.bsn === query.get('bsn'));
      return new Answer(200, { items, totaal: items.length });
    }
    if (get && path[0] === 'clients' && path.length === 2) {
      const client = this.data.clients.find((c) => c.nr === path[1]);
      return client ? new Answer(200, client) : notFound();
    }
    if (get && path[0] === 'clients' && path[2] === 'medicatie' && path.length === 3) {
      if (!allowOnly('soort', 'status', 'vanaf', 'aantal')) return fout(400, 'ONBEKENDE_PARAMETER', 'Onbekende zoekparameter.');
      const statuses = query.get('status')?.split(',');
      const items = this.data.medicatie
        .filter((m) => m.client === path[1] && (!query.get('soort') || m.soort === query.get('soort')) && (!statuses || statuses.includes(m.status)))
        .map((m) => this.#withMiddel(m));
      return this.#list(url, items);
    }
    if (get && path[0] === 'medicatie' && path.length === 2) {
      const item = this.data.medicatie.find((m) => m.id === path[1]);
      return item ? new Answer(200, this.#withMiddel(item)) : notFound();
    }
    if (get && path[0] === 'middelen' && path.length === 2) {
      const middel = this.data.middelen.find((m) => m.id === path[1]);
      return middel ? new Answer(200, middel) : notFound();
    }
    if (path[0] === 'toestemmingen' && path.length === 1) {
      if (get) {
        if (!allowOnly('client', 'sleutel', 'vanaf', 'aantal') || !(query.get('client') || query.get('sleutel'))) {
          return fout(400, 'ONBEKENDE_PARAMETER', 'Zoek toestemmingen op client of sleutel.');
        }
        const items = this.data.toestemmingen.filter((t) =>
          (!query.get('client') || t.client === query.get('client')) && (!query.get('sleutel') || t.sleutel === query.get('sleutel')));
        return this.#list(url, items);
      }
      if (method === 'POST') return this.#create(headers, body);
    }
    if (path[0] === 'toestemmingen' && path.length === 2) {
      const index = this.data.toestemmingen.findIndex((t) => t.id === path[1]);
      if (index < 0) return notFound();
      if (get) return new Answer(200, this.data.toestemmingen[index]);
      if (method === 'PUT') return this.#replace(index, body);
    }
    return fout(get ? 404 : 405, 'ONBEKEND_ADRES', 'Dit adres bestaat niet.');
  }

  #withMiddel(item: ZorgDossierData['medicatie'][number]): ZdMedicatie {
    const { middelId, middel, ...rest } = item as Partial<{ middelId: string; middel: ZdMiddel }> & Omit<ZdMedicatie, 'middel'>;
    const found = middelId ? this.data.middelen.find((m) => m.id === middelId) : middel;
    return { ...rest, middel: found ?? { id: middelId, naam: 'Onbekend middel' } };
  }

  /** One page: `vanaf` (0-based position) and `aantal` (page size); `volgende` links to the rest. */
  #list(url: URL, items: unknown[]): Answer {
    const from = Number(url.searchParams.get('vanaf') ?? 0);
    const size = Math.min(Number(url.searchParams.get('aantal') ?? DEFAULT_PAGE_SIZE), MAX_PAGE_SIZE);
    if (!Number.isInteger(from) || from < 0 || !Number.isInteger(size) || size < 1) return fout(400, 'ONGELDIGE_PAGINA', 'Ongeldige pagina.');
    const page: { items: unknown[]; totaal: number; volgende?: string } = { items: items.slice(from, from + size), totaal: items.length };
    if (from + size < items.length) {
      const next = new URL(url);
      next.searchParams.set('vanaf', String(from + size));
      next.searchParams.set('aantal', String(size));
      page.volgende = next.href;
    }
    return new Answer(200, page);
  }

  #create(headers: Headers, body: unknown): Answer {
    const key = headers.get('Idempotency-Key');
    if (!key) return fout(400, 'SLEUTEL_ONTBREEKT', 'Een Idempotency-Key is verplicht.');
    const earlier = this.data.toestemmingen.find((t) => t.sleutel === key);
    if (earlier) return new Answer(200, earlier);
    const invoer = body as ZdToestemmingInvoer;
    if (!this.data.clients.some((c) => c.nr === invoer?.client)) return fout(422, 'ONBEKENDE_CLIENT', 'Deze cliënt is niet bekend.');
    const stored: ZdToestemming = { ...invoer, id: `tst-${++this.#nextId}`, sleutel: key, versie: 1 };
    this.data.toestemmingen.push(stored);
    return new Answer(201, stored);
  }

  #replace(index: number, body: unknown): Answer {
    const current = this.data.toestemmingen[index];
    const invoer = body as ZdToestemmingInvoer;
    if (invoer.versie !== undefined && invoer.versie !== current.versie) {
      return fout(409, 'VERSIE_CONFLICT', 'Deze toestemming is intussen door iemand anders gewijzigd.');
    }
    const stored: ZdToestemming = { ...invoer, id: current.id, client: current.client, sleutel: current.sleutel, versie: current.versie + 1 };
    this.data.toestemmingen[index] = stored;
    return new Answer(200, stored);
  }
}

// ---------------------------------------------------------------------------------------------
// FHIR test records → ZorgDossier data

const STATUS_TO_PLATFORM: Record<string, Record<string, ZdMedicatieStatus>> = {
  MedicationRequest: {
    active: 'actief', 'on-hold': 'onderbroken', stopped: 'gestopt', completed: 'afgerond', cancelled: 'geannuleerd',
    'entered-in-error': 'foutief', draft: 'concept', unknown: 'onbekend',
  },
  MedicationStatement: {
    active: 'actief', 'on-hold': 'onderbroken', stopped: 'gestopt', completed: 'afgerond', 'entered-in-error': 'foutief',
    intended: 'gepland', 'not-taken': 'niet-ingenomen', unknown: 'onbekend',
  },
};
const STELSEL: Record<string, NonNullable<ZdMiddel['code']>['stelsel']> = {
  [SYSTEMS.snomed]: 'snomed',
  'urn:oid:2.16.840.1.113883.2.4.4.7': 'hpk',
  'urn:oid:2.16.840.1.113883.2.4.4.10': 'prk',
  'urn:oid:2.16.840.1.113883.2.4.4.1': 'gpk',
};

function middelFrom(concept: Medication['code'], id?: string): ZdMiddel {
  const coding = concept?.coding?.find((c) => c.system !== undefined && STELSEL[c.system] && c.code);
  const naam = concept?.text ?? coding?.display;
  if (!naam) throw new TypeError('zorgDossierDataFromFhir: a medication without a name');
  return {
    ...(id ? { id } : {}),
    naam,
    ...(coding ? { code: { stelsel: STELSEL[coding.system!], waarde: coding.code!, ...(coding.display ? { weergave: coding.display } : {}) } } : {}),
  };
}

const dutch = (date: string | undefined) => (date ? toDutchDate(date.slice(0, 10)) : undefined);

/**
 * ZorgDossier's data for FHIR records (Patient, Medication, MedicationRequest,
 * MedicationStatement, Consent): what a platform that held these records would answer. Another
 * type is a TypeError (ZorgDossier has no place for it).
 */
export function zorgDossierDataFromFhir(resources: readonly Resource[]): ZorgDossierData {
  const data: ZorgDossierData = { clients: [], middelen: [], medicatie: [], toestemmingen: [] };
  let counter = 0;
  for (const resource of resources) {
    const id = resource.id ?? `seed-${++counter}`;
    switch (resource.resourceType) {
      case 'Patient': {
        const patient = resource as Patient;
        const name = patient.name?.[0] ?? {};
        const ext = (url: string) => name._family?.extension?.find((e) => e.url.endsWith(url))?.valueString;
        const given = name.given ?? [];
        const qualifier = (i: number) => name._given?.[i]?.extension?.find((e) => e.url.endsWith('iso21090-EN-qualifier'))?.valueCode;
        const voornamen = given.filter((_, i) => qualifier(i) !== 'IN');
        const initials = given.filter((_, i) => qualifier(i) === 'IN');
        data.clients.push({
          nr: id,
          bsn: patient.identifier?.find((i) => i.system === SYSTEMS.bsn)?.value ?? null,
          voorletters: (initials.length ? initials : voornamen.map((g) => `${g.charAt(0).toUpperCase()}.`)).join(''),
          voornamen: voornamen.join(' '),
          voorvoegsel: ext('humanname-own-prefix') ?? '',
          achternaam: ext('humanname-own-name') ?? name.family ?? '',
          geboortedatum: dutch(patient.birthDate) ?? null,
          geslacht: patient.gender === 'male' ? 'M' : patient.gender === 'female' ? 'V' : patient.gender === 'other' ? 'X' : null,
        });
        break;
      }
      case 'Medication':
        data.middelen.push(middelFrom((resource as Medication).code, id));
        break;
      case 'MedicationRequest':
      case 'MedicationStatement': {
        const item = resource as MedicationRequest | MedicationStatement;
        const isRequest = item.resourceType === 'MedicationRequest';
        const ref = item.medicationReference?.reference;
        const period = isRequest
          ? item.extension?.find((e) => e.url.endsWith('ext-TimeInterval.Period'))?.valuePeriod
          : item.effectivePeriod;
        const dosage = isRequest ? item.dosageInstruction : item.dosage;
        const prescriber = isRequest ? item.requester?.display : undefined;
        data.medicatie.push({
          id,
          client: (item.subject?.reference ?? '').replace(/^Patient\//, ''),
          soort: isRequest ? 'voorschrift' : 'gebruik',
          status: STATUS_TO_PLATFORM[item.resourceType][item.status ?? 'unknown'] ?? 'onbekend',
          ...(ref ? { middelId: ref.replace(/^Medication\//, '') } : { middel: middelFrom(item.medicationCodeableConcept) }),
          ...(dosage?.[0]?.text ? { dosering: dosage[0].text } : {}),
          ...(period?.start ? { start: dutch(period.start) } : {}),
          ...(period?.end ? { eind: dutch(period.end) } : {}),
          ...(prescriber ? { voorschrijver: prescriber } : {}),
        });
        break;
      }
      case 'Consent': {
        const consent = resource as Consent;
        const version = Number(consent.meta?.versionId ?? 1);
        data.toestemmingen.push({
          ...consentToToestemming(consent),
          id,
          sleutel: consent.identifier?.find((i) => i.system === SYSTEMS.rfc3986)?.value ?? `urn:uuid:${crypto.randomUUID()}`,
          versie: Number.isInteger(version) ? version : 1,
        });
        break;
      }
      default:
        throw new TypeError(`zorgDossierDataFromFhir: ZorgDossier holds no ${resource.resourceType} records.`);
    }
  }
  return data;
}
