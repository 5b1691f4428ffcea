// MemoryAdapter: an in-memory FHIR store for demos, tests and offline use, seeded from a Bundle or an
// array of resources. Runs in the browser and in Node. Answers the searches the UtilityClient makes
// and writes the way a FHIR server does (ids, meta.versionId, If-None-Exist, If-Match).
import type {
  Adapter, CreateOptions, CreateResult, LaunchContext, ReadOptions, SearchPage, SearchParams, UpdateOptions,
} from '../core/adapter.js';
import { deepFreeze } from '../core/cache.js';
import { ConflictError, ForbiddenError, NotFoundError, ServerError } from '../core/errors.js';
import type { Bundle, Identifier, Resource } from '../core/fhir.js';
import { abortError, MESSAGES, sleep } from '../core/http.js';

/** Options of the MemoryAdapter. */
export interface MemoryAdapterOptions {
  /** What `launchContext()` answers (default: no launch, `{}`). */
  launch?: LaunchContext;
  /** Which resource types may be written: `true` (default) all, `false` none, or a list. */
  writable?: readonly string[] | boolean;
  /** A delay before every answer, in milliseconds, to show loading states in demos (default 0). */
  latencyMs?: number;
}

/** The search parameters the MemoryAdapter understands; any other is an error, as on a strict server. */
export const MEMORY_SEARCH_PARAMETERS: readonly string[] = ['_id', '_count', '_include', 'identifier', 'patient', 'subject', 'status'];

const NEXT_PREFIX = 'memory:';

/**
 * A copy of a resource coming in (seed, create, update), through JSON like a server's, so nobody
 * shares objects with the store (and JSON copies take less memory than `structuredClone`'s, which
 * matters at thousands of rows). An object that is not a plain object or array is refused with a
 * TypeError rather than changed silently: a `Date` would become a UTC timestamp (a day early in
 * Dutch local time), a Map `{}`. What carries no value (NaN, a function) goes the JSON way.
 */
function jsonIn<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, function plainOnly(this: unknown, key: string, converted: unknown) {
    const raw = (this as Record<string, unknown>)[key];
    if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
      // A plain object, also one made in another frame: its prototype is some Object.prototype.
      const proto = Object.getPrototypeOf(raw) as object | null;
      const plain = Object.prototype.toString.call(raw) === '[object Object]' && (proto === null || Object.getPrototypeOf(proto) === null);
      if (!plain) throw new TypeError(`${key || 'the resource'}: only plain objects and arrays are JSON`);
    }
    return converted;
  })) as T;
}

/** A copy of what the store holds (checked when it came in, so plain JSON suffices). */
const wire = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/**
 * For a read-only caller, the stored records themselves, deep-frozen (each frozen once, when it is
 * first shared, and never changed after: a write stores a new record); else a copy of its own.
 */
function answer<T extends Resource>(records: T[], options: ReadOptions): T[] {
  if (!options.readOnly) return wire(records);
  for (const record of records) deepFreeze(record);
  return records;
}

const TYPE_PATTERN = /^[A-Z][A-Za-z]{1,63}$/;
const ID_PATTERN = /^[A-Za-z0-9\-.]{1,64}$/;
/** `_include` search parameter → the element holding the reference. */
const INCLUDE_ELEMENTS: Record<string, readonly string[]> = {
  medication: ['medicationReference'],
  patient: ['patient', 'subject'],
  subject: ['subject'],
};

const badRequest = (text: string) => new ServerError(text, { status: 400 });

/** The copy of a record to save, or a 400 when it is not JSON (as a server would answer). */
function storable(resource: Resource): Resource {
  try {
    return jsonIn(resource);
  } catch (error) {
    throw new ServerError('The record to save is not valid FHIR JSON.', { status: 400, cause: error });
  }
}

/** Splits on separators not escaped with `\` (FHIR search escaping), then unescapes. */
function splitEscaped(value: string, separator: ',' | '|', limit = Infinity): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (ch === '\\' && i + 1 < value.length) {
      current += ch + value[i + 1];
      i++;
    } else if (ch === separator && parts.length < limit - 1) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return separator === '|' ? parts.map((p) => p.replace(/\\(.)/g, '$1')) : parts;
}

function valuesOf(params: SearchParams, name: string): string[] {
  const raw = params[name];
  if (raw === undefined) return [];
  return (Array.isArray(raw) ? raw : [raw]).map(String);
}

/** The `reference` strings of an element that holds one Reference or an array of them. */
function referencesIn(resource: Resource, element: string): string[] {
  const value = resource[element];
  const list: unknown[] = Array.isArray(value) ? value : [value];
  return list
    .map((v) => (typeof v === 'object' && v !== null ? (v as { reference?: unknown }).reference : undefined))
    .filter((r): r is string => typeof r === 'string')
    .map((r) => r.replace(/\/_history\/[^/]+$/, ''));
}

function matchesIdentifier(resource: Resource, token: string): boolean {
  const identifiers: unknown = resource.identifier;
  if (!Array.isArray(identifiers)) return false;
  const parts = splitEscaped(token, '|', 2);
  const [system, value] = parts.length === 2 ? parts : [undefined, parts[0]];
  return (identifiers as Identifier[]).some((id) => {
    if (typeof id !== 'object' || id === null) return false;
    if (system !== undefined && system !== '' && id.system !== system) return false;
    if (system === '' && id.system !== undefined) return false;
    return value === '' || id.value === value;
  });
}

/** Whether one resource meets every filter (AND across parameters, OR within a comma list). */
function matches(resource: Resource, params: SearchParams): boolean {
  for (const name of Object.keys(params)) {
    if (params[name] === undefined || name === '_count' || name === '_include') continue;
    for (const value of valuesOf(params, name)) {
      const options = splitEscaped(value, ',');
      let ok: boolean;
      switch (name) {
        case '_id':
          ok = options.includes(resource.id ?? '');
          break;
        case 'status':
          ok = options.includes(typeof resource.status === 'string' ? resource.status : '');
          break;
        case 'identifier':
          ok = options.some((token) => matchesIdentifier(resource, token));
          break;
        case 'patient':
        case 'subject': {
          const refs = (name === 'patient' ? ['patient', 'subject'] : ['subject']).flatMap((e) => referencesIn(resource, e));
          ok = options.some((o) => refs.includes(o.includes('/') ? o : `Patient/${o}`));
          break;
        }
        default:
          throw badRequest(`Unknown or unsupported search parameter: ${name}`);
      }
      if (!ok) return false;
    }
  }
  return true;
}

interface PageToken {
  type: string;
  params: SearchParams;
  offset: number;
}

/**
 * An in-memory FHIR store behind the Adapter contract. Data is copied in and out, so callers can
 * never change the store by changing what they were given. A `readOnly` caller (the UtilityClient,
 * which freezes what it keeps) gets the stored records themselves, deep-frozen: no copy for a read
 * that never writes.
 *
 * ```ts
 * const adapter = new MemoryAdapter(demoBundle, { launch: { patient: 'pat-1' } });
 * ```
 */
export class MemoryAdapter implements Adapter {
  /** @inheritdoc */
  readonly name = 'memory';
  /** `Type/id` → the record (a write stores a new one: a record, once shared frozen, never changes). */
  readonly #store = new Map<string, Resource>();
  /** Bumped by every write, so a remembered search result is never used after the store changed. */
  #storeVersion = 0;
  /** The last search's full match list: paging through it must not rescan the store per page. */
  #lastSearch: { key: string; version: number; all: Resource[] } | undefined;
  private readonly options: MemoryAdapterOptions;
  #idCounter = 0;

  /**
   * @param seed a FHIR Bundle (its `urn:uuid:` fullUrl references are rewritten to `Type/id`) or an
   *   array of resources. A Bundle entry without an id takes the uuid of its `urn:uuid:` fullUrl as
   *   its id; other resources without an id get one; without `meta.versionId`, version "1".
   */
  constructor(seed?: Bundle | readonly Resource[], options: MemoryAdapterOptions = {}) {
    this.options = { ...options };
    for (const resource of seedResources(seed)) {
      resource.id ??= this.#newId(resource.resourceType);
      resource.meta = { ...resource.meta, versionId: resource.meta?.versionId ?? '1' };
      this.#store.set(`${resource.resourceType}/${resource.id}`, resource);
    }
  }

  /** Reads one resource; `NotFoundError` when there is none. */
  async read<T extends Resource = Resource>(type: string, id: string, options: ReadOptions = {}): Promise<T> {
    await this.#pause(options.signal);
    const found = this.#store.get(`${type}/${id}`);
    if (!found) throw new NotFoundError(MESSAGES.notFound, { status: 404 });
    return answer([found], options)[0] as T;
  }

  /**
   * Searches one type with the parameters of `MEMORY_SEARCH_PARAMETERS`. With `_count`, answers in
   * pages whose `next` is an opaque `memory:` link for `nextPage`.
   */
  async search<T extends Resource = Resource>(type: string, params: SearchParams, options: ReadOptions = {}): Promise<SearchPage<T>> {
    await this.#pause(options.signal);
    return this.#pageOf<T>({ type, params: { ...params }, offset: 0 }, options);
  }

  /** Follows a `next` link given by `search` or an earlier `nextPage`. */
  async nextPage<T extends Resource = Resource>(next: string, options: ReadOptions = {}): Promise<SearchPage<T>> {
    await this.#pause(options.signal);
    let token: PageToken;
    try {
      if (!next.startsWith(NEXT_PREFIX)) throw new Error('not a memory link');
      token = JSON.parse(decodeURIComponent(next.slice(NEXT_PREFIX.length))) as PageToken;
      if (typeof token.type !== 'string' || typeof token.offset !== 'number' || typeof token.params !== 'object') throw new Error('bad token');
    } catch {
      throw badRequest('The link to the next page of results is not valid.');
    }
    return this.#pageOf<T>(token, options);
  }

  /**
   * Creates a resource with a new id and version "1". With `ifNoneExist`, an existing match is
   * returned instead (`created: false`); several matches are a `ConflictError` (412).
   */
  async create<T extends Resource>(resource: T, options: CreateOptions = {}): Promise<CreateResult<T>> {
    await this.#pause(options.signal);
    const type = this.#checkWritable(resource);
    if (options.ifNoneExist !== undefined) {
      const params: SearchParams = {};
      for (const [key, value] of new URLSearchParams(options.ifNoneExist)) {
        const prev = params[key];
        params[key] = prev === undefined ? value : [...valuesOf(params, key), value];
      }
      const found = this.#all(type, params);
      if (found.length > 1) throw new ConflictError('More than one record matches, so none was created.', { status: 412 });
      if (found.length === 1) return { resource: wire(found[0]) as T, created: false };
    }
    const stored = storable(resource);
    stored.id = this.#newId(type);
    stored.meta = { ...stored.meta, versionId: '1', lastUpdated: new Date().toISOString() };
    this.#store.set(`${type}/${stored.id}`, stored);
    this.#storeVersion += 1;
    return { resource: wire(stored) as T, created: true };
  }

  /**
   * Replaces a resource and gives it the next version. With `ifMatch` (`W/"<versionId>"`), a
   * stale version is a `ConflictError` (412) and a missing resource a `NotFoundError`; without it,
   * a missing resource is created with the given id (update as create).
   */
  async update<T extends Resource>(resource: T, options: UpdateOptions = {}): Promise<T> {
    await this.#pause(options.signal);
    const type = this.#checkWritable(resource);
    if (typeof resource.id !== 'string' || !ID_PATTERN.test(resource.id)) throw badRequest('The record to save has no valid id.');
    const key = `${type}/${resource.id}`;
    const current = this.#store.get(key);
    if (options.ifMatch !== undefined) {
      if (!current) throw new NotFoundError(MESSAGES.notFound, { status: 404 });
      const wanted = /^(?:W\/)?"?([^"]*)"?$/.exec(options.ifMatch.trim())?.[1];
      if (wanted !== current.meta?.versionId) throw new ConflictError(MESSAGES.conflict, { status: 412 });
    }
    const previous = current?.meta?.versionId;
    const version = previous === undefined ? '1' : /^\d+$/.test(previous) ? String(Number(previous) + 1) : `${previous}.1`;
    const stored = storable(resource);
    stored.meta = { ...stored.meta, versionId: version, lastUpdated: new Date().toISOString() };
    this.#store.set(key, stored);
    this.#storeVersion += 1;
    return wire(stored) as T;
  }

  /** The launch context given in the options, or `{}`. */
  launchContext(): Promise<LaunchContext> {
    return Promise.resolve(structuredClone(this.options.launch ?? {}));
  }

  /** Whether `type` may be written (the `writable` option; default: every type). */
  canWrite(type: string): boolean {
    const writable = this.options.writable ?? true;
    return typeof writable === 'boolean' ? writable : writable.includes(type);
  }

  #newId(type: string): string {
    let id: string;
    do id = `mem-${++this.#idCounter}`; while (this.#store.has(`${type}/${id}`));
    return id;
  }

  #checkWritable(resource: Resource): string {
    const type: unknown = typeof resource === 'object' && resource !== null ? resource.resourceType : undefined;
    if (typeof type !== 'string' || !TYPE_PATTERN.test(type)) throw badRequest('The record to save is not a FHIR resource.');
    if (!this.canWrite(type)) throw new ForbiddenError(MESSAGES.forbidden, { status: 403 });
    return type;
  }

  async #pause(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw abortError();
    if (this.options.latencyMs) await sleep(this.options.latencyMs, signal);
  }

  #all(type: string, params: SearchParams): Resource[] {
    if (!TYPE_PATTERN.test(type)) throw badRequest(`Unknown resource type: ${type}`);
    const out: Resource[] = [];
    for (const resource of this.#store.values()) {
      if (resource.resourceType === type && matches(resource, params)) out.push(resource);
    }
    return out;
  }

  #pageOf<T extends Resource>(token: PageToken, options: ReadOptions): SearchPage<T> {
    const { type, params, offset } = token;
    const key = JSON.stringify([type, params]);
    const last = this.#lastSearch;
    const all = last && last.key === key && last.version === this.#storeVersion ? last.all : this.#all(type, params);
    this.#lastSearch = { key, version: this.#storeVersion, all };
    const countValue = valuesOf(params, '_count')[0];
    const count = countValue === undefined ? all.length : Number.parseInt(countValue, 10);
    if (!Number.isInteger(count) || count < 0) throw badRequest('_count must be a whole number.');
    const page = all.slice(offset, offset + count);
    const included = this.#includedFor(page, valuesOf(params, '_include'));
    const result: SearchPage<T> = { matches: answer(page, options) as T[], included: answer(included, options), total: all.length };
    if (count > 0 && offset + count < all.length) {
      result.next = NEXT_PREFIX + encodeURIComponent(JSON.stringify({ type, params, offset: offset + count } satisfies PageToken));
    }
    return result;
  }

  #includedFor(page: readonly Resource[], includes: readonly string[]): Resource[] {
    const seen = new Set(page.map((r) => `${r.resourceType}/${r.id}`));
    const out: Resource[] = [];
    for (const include of includes) {
      const [sourceType, param, targetType] = include.split(':');
      const elements = param === undefined ? undefined : INCLUDE_ELEMENTS[param];
      if (!sourceType || !elements) throw badRequest(`Invalid _include parameter: ${include}`);
      for (const resource of page) {
        if (resource.resourceType !== sourceType) continue;
        for (const ref of elements.flatMap((e) => referencesIn(resource, e))) {
          if (seen.has(ref) || (targetType && !ref.startsWith(`${targetType}/`))) continue;
          const found = this.#store.get(ref);
          if (!found) continue;
          seen.add(ref);
          out.push(found);
        }
      }
    }
    return out;
  }
}

const UUID_URN = /^urn:uuid:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** The uuid of a `urn:uuid:` fullUrl (a valid FHIR id), or undefined. */
function uuidOf(fullUrl: string): string | undefined {
  return UUID_URN.exec(fullUrl)?.[1]?.toLowerCase();
}

/**
 * Copies the seed's resources, rewriting references to Bundle fullUrls into `Type/id`. A resource
 * without an id gets the uuid of its `urn:uuid:` fullUrl, else `seed-<n>`.
 */
function seedResources(seed: Bundle | readonly Resource[] | undefined): Resource[] {
  if (!seed) return [];
  // Seeds come from data files: an entry may be anything, and is reported by its index, not by a crash.
  const list: unknown = Array.isArray(seed) ? seed : (seed as Bundle).entry ?? [];
  if (!Array.isArray(list)) throw new TypeError('MemoryAdapter: the seed Bundle\'s entry is not a list.');
  const entries = (list as unknown[]).map((item) => {
    if (Array.isArray(seed)) return { resource: item as Resource | undefined, fullUrl: undefined };
    const entry = typeof item === 'object' && item !== null ? (item as { resource?: Resource; fullUrl?: unknown }) : {};
    return { resource: entry.resource, fullUrl: typeof entry.fullUrl === 'string' ? entry.fullUrl : undefined };
  });
  const resources: Resource[] = [];
  const fullUrls = new Map<string, Resource>();
  for (const [index, entry] of entries.entries()) {
    if (typeof entry.resource?.resourceType !== 'string') throw new TypeError(`MemoryAdapter: seed entry ${index} has no resource with a resourceType.`);
    let copy: Resource;
    try {
      copy = jsonIn(entry.resource);
    } catch (error) {
      throw new TypeError(`MemoryAdapter: seed entry ${index} is not JSON (FHIR resources are).`, { cause: error });
    }
    resources.push(copy);
    if (entry.fullUrl) fullUrls.set(entry.fullUrl, copy);
  }
  if (fullUrls.size === 0) return resources;
  let counter = 0;
  // A resource without an id takes the uuid of its `urn:uuid:` fullUrl (a transaction Bundle's
  // way of naming what the server will create), so `patient-id="<uuid>"` finds it.
  for (const [fullUrl, resource] of fullUrls) resource.id ??= uuidOf(fullUrl) ?? `seed-${++counter}`;
  const fix = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(fix);
    } else if (typeof node === 'object' && node !== null) {
      const record = node as Record<string, unknown>;
      for (const [key, value] of Object.entries(record)) {
        const target = key === 'reference' && typeof value === 'string' ? fullUrls.get(value) : undefined;
        if (target) record[key] = `${target.resourceType}/${target.id}`;
        else fix(value);
      }
    }
  };
  fix(resources);
  return resources;
}
