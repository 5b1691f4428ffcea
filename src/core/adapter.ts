import type { Resource } from '../fhir/r4.js';

/** Options every adapter call accepts. */
export interface RequestOptions {
  /** Aborts the request; the promise then rejects with an `AbortError` DOMException. */
  signal?: AbortSignal;
}

/** Options of the calls that only read (read, search, nextPage). */
export interface ReadOptions extends RequestOptions {
  /**
   * The caller never changes the answer (the UtilityClient deep-freezes what it keeps). An adapter
   * may then answer with deep-frozen resources it shares, e.g. those of its own store, instead of
   * copies; one that makes new objects per answer anyway (parsing a response) ignores it. Without
   * it, answers are the caller's own to change.
   */
  readOnly?: boolean;
}

/** FHIR search parameters: repeated parameters as arrays (`{ _include: ['a', 'b'] }`). */
export type SearchParams = Record<string, string | number | readonly (string | number)[] | undefined>;

/** One page of search results. */
export interface SearchPage<T extends Resource = Resource> {
  /** Resources with `search.mode` match (or no mode), of the searched type only. */
  matches: T[];
  /** Resources added by `_include` / `_revinclude` (`search.mode` include), any type. */
  included: Resource[];
  /** `Bundle.total` when the server sent it. */
  total?: number;
  /** The server's own `Bundle.link[next]` URL, opaque; give it to `Adapter.nextPage`. */
  next?: string;
}

export interface CreateOptions extends RequestOptions {
  /**
   * Conditional create (`If-None-Exist`), e.g. `identifier=urn:ietf:rfc:3986|urn:uuid:…`:
   * when a match exists nothing is created and the match is returned.
   */
  ifNoneExist?: string;
}

export interface UpdateOptions extends RequestOptions {
  /** Version-aware update (`If-Match: W/"<versionId>"`); a stale version fails with `ConflictError`. */
  ifMatch?: string;
}

export interface CreateResult<T extends Resource = Resource> {
  resource: T;
  /** `false` when a conditional create matched an existing resource and created nothing. */
  created: boolean;
}

/** The launch context an adapter was started with (SMART App Launch); empty without a launch. */
export interface LaunchContext {
  /** Patient id in context. */
  patient?: string;
  encounter?: string;
  /** `fhirUser` of the signed-in user, e.g. `Practitioner/123`. */
  user?: string;
  /** `need_patient_banner`: `false` means the host already shows one. */
  needPatientBanner?: boolean;
  /** `smart_style_url`: a style document the host offers. */
  styleUrl?: string;
  /** `fhirContext` entries. */
  fhirContext?: { reference?: string; role?: string; [key: string]: unknown }[];
}

/** What an adapter reports happening outside a single request (e.g. a session that ended). */
export type AdapterEventType = 'session-expired';

/**
 * The contract between zorgkit and a platform. FHIR R4 JSON in and out: an adapter for a platform
 * that does not speak FHIR maps that platform to FHIR resources. Errors are the typed errors of
 * `./errors.ts`; nothing else is thrown (abort rejects with the `AbortError` DOMException).
 */
export interface Adapter {
  /** A short name for diagnostics (never patient data). */
  readonly name: string;
  read<T extends Resource = Resource>(type: string, id: string, options?: ReadOptions): Promise<T>;
  search<T extends Resource = Resource>(type: string, params: SearchParams, options?: ReadOptions): Promise<SearchPage<T>>;
  /** Follows a `SearchPage.next` link exactly as the server gave it. */
  nextPage<T extends Resource = Resource>(next: string, options?: ReadOptions): Promise<SearchPage<T>>;
  create<T extends Resource>(resource: T, options?: CreateOptions): Promise<CreateResult<T>>;
  update<T extends Resource>(resource: T, options?: UpdateOptions): Promise<T>;
  launchContext(): Promise<LaunchContext>;
  /** Whether this adapter may write (create/update) resources of the type. */
  canWrite(type: string): boolean;
  /** Optional: notifications such as `session-expired`. Returns an unsubscribe function. */
  subscribe?(listener: (type: AdapterEventType) => void): () => void;
}
