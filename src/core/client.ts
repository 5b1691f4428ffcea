// The UtilityClient: the one API zorgkit's components use, on any adapter. Domain reads and writes,
// one request for identical concurrent reads, a page-wide cache invalidated by writes, change events.
import type { Adapter, LaunchContext, RequestOptions, SearchParams } from './adapter.js';
import { RequestCache } from './cache.js';
import { ConflictError, ForbiddenError, InvalidResourceError, NotFoundError } from './errors.js';
import type {
  AllergyIntolerance, Consent, Identifier, Medication, MedicationRequest, MedicationStatement, Patient, Reference,
  Resource,
} from '../fhir/r4.js';
import { SYSTEMS } from '../fhir/r4.js';
import { MESSAGES } from './http.js';
import { DEFAULT_MAX_PAGES, searchAll, type SearchResult } from './paging.js';
import { allergyStatus, type AllergyStatus } from '../model/allergy.js';
import type { MedicationRecord } from '../model/medication-record.js';

export type { AllergyStatus, AllergyStatusCode } from '../model/allergy.js';
export type { MedicationRecord } from '../model/medication-record.js';

/** Called with the resource type after a write to it (or an `invalidate`). */
export type ChangeListener = (type: string) => void;

/** Options of the UtilityClient. */
export interface UtilityClientOptions {
  /** `_count` asked for per page of a search (default 100). */
  pageSize?: number;
  /** Most pages read for one list; a longer list is an error, never shown incomplete (default 20). */
  maxPages?: number;
}

const MEDICATION_TYPES = ['MedicationRequest', 'MedicationStatement'] as const;

/** A new client-generated identifier (`urn:uuid:`) for a resource to create, e.g. a Consent. */
export function newIdentifier(): Identifier {
  return { system: SYSTEMS.rfc3986, value: `urn:uuid:${crypto.randomUUID()}` };
}

/** `Patient/<id>` (or a URL ending in it) names patient `id`; anything else, or nothing, does not. */
function namesOtherPatient(reference: Reference | undefined, patientId: string): boolean {
  const ref = typeof reference?.reference === 'string' ? reference.reference.replace(/\/_history\/[^/]+$/, '') : undefined;
  if (ref === undefined || !/(^|\/)Patient\/[^/]+$/.test(ref)) return false;
  return !(ref === `Patient/${patientId}` || ref.endsWith(`/Patient/${patientId}`));
}

/**
 * Search special characters (`\ , | $`): servers differ in how they match escaped ones (some not at
 * all), so an identifier holding them could not protect a retried write from making a duplicate.
 */
const SEARCH_SPECIAL = /[\\,|$]/;

/** A search key that does not depend on the order of parameters or of repeated values. */
function searchKey(type: string, params: SearchParams): string {
  const parts = Object.entries(params)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => [name, (Array.isArray(value) ? value : [value]).map(String).sort()] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `search:${type}?${JSON.stringify(parts)}`;
}

/**
 * The API zorgkit's components use, on any adapter. One client is shared by every component on a
 * page (through `<zk-context>` or `configure()`), so they share its cache:
 *
 * - Identical concurrent reads share one request; results are kept until a write to a type they
 *   depend on (through this client) or `invalidate()` drops them. Failed requests are not kept.
 * - Every call takes an `AbortSignal`; a caller that aborts rejects with the `AbortError`
 *   DOMException without disturbing others waiting for the same request.
 * - Answers are checked: a resource of the wrong type, or a record of another patient, is an
 *   `InvalidResourceError`. Answers are read-only (deep-frozen) and shared by every caller:
 *   a page holds one copy of its data; `structuredClone` an answer to edit it.
 * - Lists are complete or an error: every page is read (up to `maxPages`).
 */
export class UtilityClient {
  /** The adapter this client reads and writes through. */
  readonly adapter: Adapter;
  private readonly cache = new RequestCache();
  private readonly listeners = new Map<string, Set<ChangeListener>>();
  private readonly pageSize: number;
  private readonly maxPages: number;
  private ended = false;

  /** @param adapter where data comes from; @param options paging limits. */
  constructor(adapter: Adapter, options: UtilityClientOptions = {}) {
    this.adapter = adapter;
    this.pageSize = options.pageSize ?? 100;
    this.maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
    // A session that ended makes every kept answer stale: drop them, so components reload and
    // show "sign in again" instead of data the user may no longer see.
    adapter.subscribe?.((event) => {
      if (event === 'session-expired') {
        this.ended = true;
        this.invalidate();
      }
    });
  }

  /** Whether the adapter's signed-in session has ended: nothing loads or saves until the user signs in again. */
  get sessionEnded(): boolean {
    return this.ended;
  }

  /** The launch context (patient, encounter, user, `needPatientBanner`, style URL); `{}` without a launch. */
  launchContext(): Promise<LaunchContext> {
    return this.adapter.launchContext();
  }

  /** The patient with this id. `NotFoundError` when there is none. */
  getPatient(id: string, options: RequestOptions = {}): Promise<Patient> {
    return this.cachedRead<Patient>('Patient', id, options);
  }

  /**
   * The patient's MedicationRequests and MedicationStatements (every status: filtering is the
   * caller's choice), each with its Medication resolved from `_include`, `contained`, or a read.
   */
  async getMedications(patientId: string, options: RequestOptions = {}): Promise<MedicationRecord[]> {
    const results = await Promise.all(MEDICATION_TYPES.map((type) =>
      this.cachedSearch<MedicationRequest | MedicationStatement>(type, {
        patient: patientId, _include: `${type}:medication`,
      }, ['Medication'], patientId, options)));
    const records: MedicationRecord[] = [];
    for (const { matches, included } of results) {
      const medications = new Map<string, Medication>();
      for (const r of included) if (r.resourceType === 'Medication' && r.id) medications.set(`Medication/${r.id}`, r as Medication);
      records.push(...await Promise.all(matches.map((resource) => this.medicationRecord(resource, medications, options))));
    }
    return records;
  }

  /** Whether the patient has known allergies, none, none of some kinds only ("no known drug allergies"), or none recorded (see `allergyStatus`). */
  async getAllergyStatus(patientId: string, options: RequestOptions = {}): Promise<AllergyStatus> {
    const { matches } = await this.cachedSearch<AllergyIntolerance>('AllergyIntolerance', { patient: patientId }, [], patientId, options);
    return allergyStatus(matches);
  }

  /** The patient's Consent resources, in the server's order. */
  async getConsents(patientId: string, options: RequestOptions = {}): Promise<Consent[]> {
    const { matches } = await this.cachedSearch<Consent>('Consent', { patient: patientId }, [], patientId, options);
    return matches;
  }

  /**
   * Records a consent decision and resolves with the stored Consent. The consent needs an
   * `identifier` with `system` and `value` (see `newIdentifier()`; without the search special
   * characters `\ , | $`): it is created only if no Consent with that identifier exists, so
   * sending it again (a retry after a dropped connection, a double click) never makes a second one.
   */
  async recordConsent(consent: Consent, options: RequestOptions = {}): Promise<Consent> {
    const identifier = Array.isArray(consent.identifier)
      ? consent.identifier.find((i) => typeof i?.system === 'string' && i.system !== '' && typeof i.value === 'string' && i.value !== '')
      : undefined;
    if (consent.resourceType !== 'Consent' || !identifier?.system || !identifier.value) {
      throw new InvalidResourceError('This consent cannot be saved: it needs an identifier (system and value) so that it is never saved twice.');
    }
    if (SEARCH_SPECIAL.test(identifier.system) || SEARCH_SPECIAL.test(identifier.value)) {
      throw new InvalidResourceError('This consent cannot be saved: its identifier contains \\ , | or $, which not every server can look up, so it could be saved twice.');
    }
    this.checkWritable('Consent');
    const ifNoneExist = `identifier=${encodeURIComponent(identifier.system)}|${encodeURIComponent(identifier.value)}`;
    const stored = await this.write('Consent', () => this.adapter.create(consent, { ifNoneExist, signal: options.signal }));
    return this.checked<Consent>(stored.resource, 'Consent');
  }

  /**
   * Withdraws a consent: saves it with status `inactive`, only if nobody changed it since it was
   * read (`If-Match` on its `meta.versionId`). A change by someone else is a `ConflictError` —
   * unless that change already withdrew it, which counts as done.
   */
  async withdrawConsent(consent: Consent, options: RequestOptions = {}): Promise<Consent> {
    const version = consent.meta?.versionId;
    if (consent.resourceType !== 'Consent' || !consent.id || !version) {
      throw new InvalidResourceError('This consent cannot be withdrawn: it was not loaded from the server (it has no id or version).');
    }
    this.checkWritable('Consent');
    const withdrawn: Consent = { ...consent, status: 'inactive' };
    const stored = await this.write('Consent', async () => {
      try {
        return await this.adapter.update(withdrawn, { ifMatch: `W/"${version}"`, signal: options.signal });
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
        // Our own earlier attempt may have been saved before the connection dropped, or someone
        // else withdrew it: either way it is withdrawn. Any other change is a real conflict.
        const current = await this.adapter.read<Consent>('Consent', consent.id!, { signal: options.signal }).catch(() => undefined);
        if (current?.status === 'inactive') return current;
        throw error;
      }
    });
    return this.checked<Consent>(stored, 'Consent', consent.id);
  }

  /** Whether this client may write resources of `type` (the adapter decides). */
  canWrite(type: string): boolean {
    return this.adapter.canWrite(type);
  }

  /**
   * Calls `listener` after every write of `type` through this client (and after `invalidate` of
   * it), so components showing that type can reload. Returns the function that unsubscribes.
   */
  onChange(type: string, listener: ChangeListener): () => void {
    let set = this.listeners.get(type);
    if (!set) this.listeners.set(type, (set = new Set()));
    const wrapped: ChangeListener = (t) => listener(t);
    set.add(wrapped);
    return () => {
      set.delete(wrapped);
    };
  }

  /**
   * Drops the kept results that depend on `type` (every kept result without a type), so the next
   * call asks the adapter again, and tells the `onChange` listeners of that type (of every type).
   */
  invalidate(type?: string): void {
    this.cache.invalidate(type);
    for (const t of type === undefined ? [...this.listeners.keys()] : [type]) this.notify(t);
  }

  /** Calls the listeners of `type`; one that throws is reported (like an event listener) and the rest still run. */
  private notify(type: string): void {
    for (const listener of [...(this.listeners.get(type) ?? [])]) {
      try {
        listener(type);
      } catch (error) {
        if (typeof reportError === 'function') reportError(error);
        else queueMicrotask(() => { throw error; });
      }
    }
  }

  private cachedRead<T extends Resource>(type: string, id: string, options: RequestOptions): Promise<T> {
    return this.cache.get(`read:${type}/${id}`, [type], async (signal) => {
      const resource = await this.adapter.read<T>(type, id, { signal, readOnly: true });
      return this.checked<T>(resource, type, id);
    }, options.signal);
  }

  /** A search, all pages, checked inside the load so that a bad answer is never kept. */
  private cachedSearch<T extends Resource>(
    type: string, params: SearchParams, alsoDependsOn: readonly string[], patientId: string, options: RequestOptions,
  ): Promise<SearchResult<T>> {
    const full: SearchParams = { ...params, _count: this.pageSize };
    return this.cache.get(searchKey(type, full), [type, ...alsoDependsOn], async (signal) => {
      // Read-only: the answer is frozen and kept, so an adapter may share its own frozen records.
      const result = await searchAll<T>(this.adapter, type, full, { signal, maxPages: this.maxPages, readOnly: true });
      for (const match of result.matches) this.checked(match, type);
      this.checkPatient(result.matches, patientId);
      for (const included of result.included) {
        if (typeof included !== 'object' || included === null || typeof included.resourceType !== 'string') {
          throw new InvalidResourceError(MESSAGES.invalid);
        }
      }
      return result;
    }, options.signal);
  }

  /** Runs a write; afterwards (even if it failed: it may have been saved) forgets what depends on `type`. */
  private async write<R>(type: string, write: () => Promise<R>): Promise<R> {
    let result: R;
    try {
      result = await write();
    } finally {
      this.cache.invalidate(type);
    }
    this.notify(type);
    return result;
  }

  private checkWritable(type: string): void {
    if (!this.adapter.canWrite(type)) throw new ForbiddenError(MESSAGES.forbidden);
  }

  /** The answer must be a resource of `type` (and `id`, when given). */
  private checked<T extends Resource>(value: unknown, type: string, id?: string): T {
    const resource = value as Resource | undefined;
    if (typeof resource !== 'object' || resource === null || resource.resourceType !== type || (id !== undefined && resource.id !== id)) {
      throw new InvalidResourceError(MESSAGES.invalid, { cause: new Error(`expected ${type}${id ? `/${id}` : ''}`) });
    }
    return resource as T;
  }

  /** A list must hold this patient's records only: anything else means the server ignored the filter. */
  private checkPatient(resources: readonly Resource[], patientId: string): void {
    for (const resource of resources) {
      const refs = [resource.patient, resource.subject] as (Reference | undefined)[];
      if (refs.some((ref) => namesOtherPatient(ref, patientId))) {
        throw new InvalidResourceError('The server answered with records of another patient, so nothing is shown.', {
          cause: new Error(`${resource.resourceType} does not belong to the patient asked for`),
        });
      }
    }
  }

  private async medicationRecord(
    resource: MedicationRequest | MedicationStatement,
    included: ReadonlyMap<string, Medication>,
    options: RequestOptions,
  ): Promise<MedicationRecord> {
    const reference = resource.medicationReference;
    const ref = typeof reference?.reference === 'string' ? reference.reference : undefined;
    let medication: Medication | undefined;
    if (ref?.startsWith('#')) {
      const id = ref.slice(1);
      const contained = Array.isArray(resource.contained) ? resource.contained : [];
      medication = contained.find((c): c is Medication => c?.resourceType === 'Medication' && c.id === id);
    } else if (ref) {
      const local = /^Medication\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/.exec(ref);
      medication = local ? included.get(`Medication/${local[1]}`) : undefined;
      if (!medication && local) {
        // The server did not include it (no `_include` support): read it, shared and cached.
        medication = await this.cachedRead<Medication>('Medication', local[1], options).catch((error: unknown) => {
          if (error instanceof NotFoundError) return undefined;
          throw error;
        });
      }
    }
    const concept = medication?.code
      ?? resource.medicationCodeableConcept
      ?? (typeof reference?.display === 'string' && reference.display.trim() ? { text: reference.display } : undefined);
    const record: MedicationRecord = { resource };
    if (medication) record.medication = medication;
    if (concept) record.concept = concept;
    return record;
  }
}
