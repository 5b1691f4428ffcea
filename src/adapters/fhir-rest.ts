// FhirRestAdapter: any FHIR R4 server over `fetch`. https only (http for localhost), FHIR JSON,
// a pluggable token whose Authorization header goes only to the base URL and below, redirects
// never followed, a per-request timeout, and retries only where repeating the request cannot do harm.
import type {
  Adapter, CreateOptions, CreateResult, LaunchContext, RequestOptions, SearchPage, SearchParams, UpdateOptions,
} from '../core/adapter.js';
import { ForbiddenError, InvalidResourceError, NetworkError, NotFoundError, UnauthorizedError, isAbortError } from '../core/errors.js';
import type { Bundle, Resource } from '../core/fhir.js';
import {
  MESSAGES, abortError, errorForStatus, invalidResponse, isWithinBase, networkError, parseRetryAfter, parseSecureUrl, redirectError,
  sleep, timeoutError,
} from '../core/http.js';

export { isSameOrigin } from '../core/http.js';

/** Options of the FhirRestAdapter. */
export interface FhirRestAdapterOptions {
  /** The FHIR base URL, e.g. `https://fhir.example.org/r4`: https, or http on localhost only. */
  baseUrl: string;
  /**
   * Gives the access token for a request (called before every attempt, so a refreshed token is
   * used). Sent as `Authorization: Bearer …` only to the base URL and the paths below it.
   */
  token?: () => Promise<string | undefined>;
  /** Time limit for one attempt, answer body included (default 15000 ms). */
  timeoutMs?: number;
  /** Most attempts for a request that may be retried (default 3). */
  maxAttempts?: number;
  /** Longest `Retry-After` waited for; a longer one fails at once (default 10000 ms). */
  retryAfterCapMs?: number;
  /** First back-off wait; doubles per attempt, with jitter (default 250 ms). */
  backoffBaseMs?: number;
  /** The fetch to use (default: the global one). */
  fetch?: typeof fetch;
  /** Which types may be written (default: every type; the server still decides). */
  canWrite?: (type: string) => boolean;
  /** Called on a 401: resolve `true` (e.g. after refreshing the token) to retry the request once. */
  onUnauthorized?: () => Promise<boolean>;
  /** What `launchContext()` answers (default `{}`; the SMART adapter fills it). */
  launch?: LaunchContext;
  /** The adapter's `name` (default `fhir-rest`). */
  name?: string;
}

const TYPE_PATTERN = /^[A-Z][A-Za-z]{1,63}$/;
const ID_PATTERN = /^[A-Za-z0-9\-.]{1,64}$/;
const FHIR_JSON = 'application/fhir+json';
const UNPARSEABLE = Symbol('unparseable');

interface Answer {
  status: number;
  headers: Headers;
  /** Parsed JSON; `undefined` for an empty body. */
  body: unknown;
}

interface Send extends RequestOptions {
  body?: string;
  headers?: Record<string, string>;
  /** Whether repeating the request is harmless (GET, conditional create, If-Match update). */
  retry: boolean;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function isResourceOf(value: unknown, type?: string): value is Resource {
  return isObject(value) && typeof value.resourceType === 'string' && (type === undefined || value.resourceType === type);
}

function parseBody(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return UNPARSEABLE;
  }
}

/** Whether an answer's URL is the one asked for (origin and path; a fetch wrapper may add a query). */
function samePath(answered: string, asked: URL): boolean {
  try {
    const url = new URL(answered);
    return url.origin === asked.origin && url.pathname === asked.pathname;
  } catch {
    return false;
  }
}

/** The resource type a search URL is for (its last path segment), when it looks like one. */
function typeFromUrl(url: URL): string | undefined {
  const last = url.pathname.split('/').filter(Boolean).pop();
  return last && TYPE_PATTERN.test(last) ? last : undefined;
}

/**
 * An Adapter for any FHIR R4 server.
 *
 * - Reads and searches (GET) are retried on network errors, 429 and 503 (honouring `Retry-After`
 *   up to `retryAfterCapMs`) with jittered exponential back-off, at most `maxAttempts` times.
 * - Writes are retried only when repeating them is harmless: a create with `ifNoneExist`, an
 *   update with `ifMatch`. Any other write is sent once.
 * - Timeouts are not retried: the caller (and the user) decide.
 *
 * ```ts
 * const adapter = new FhirRestAdapter({ baseUrl: 'https://fhir.example.org/r4', token: async () => session.accessToken });
 * ```
 */
export class FhirRestAdapter implements Adapter {
  /** A short name for diagnostics. */
  readonly name: string;
  /** The FHIR base URL, without a trailing slash. */
  readonly baseUrl: string;
  private readonly options: FhirRestAdapterOptions;
  private readonly fetchImpl: typeof fetch;
  private readonly timeoutMs: number;
  private readonly maxAttempts: number;
  private readonly retryAfterCapMs: number;
  private readonly backoffBaseMs: number;
  /** Search type of the `next` links handed out (bounded), to tell matches from included resources. */
  private readonly linkTypes = new Map<string, string>();
  /** The server's CapabilityStatement, read once when a conditional create needs it. */
  private capabilities: Promise<Record<string, unknown> | undefined> | undefined;

  /** @throws TypeError when the base URL is not https (or http on localhost), or has a query or fragment. */
  constructor(options: FhirRestAdapterOptions) {
    const base = parseSecureUrl(options.baseUrl, 'FHIR base URL');
    if (base.search || base.hash) throw new TypeError('The FHIR base URL must not have a query (?…) or a fragment (#…).');
    this.baseUrl = `${base.origin}${base.pathname.replace(/\/+$/, '')}`;
    this.name = options.name ?? 'fhir-rest';
    this.options = { ...options };
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.timeoutMs = options.timeoutMs ?? 15000;
    this.maxAttempts = Math.max(1, options.maxAttempts ?? 3);
    this.retryAfterCapMs = options.retryAfterCapMs ?? 10000;
    this.backoffBaseMs = options.backoffBaseMs ?? 250;
  }

  /** Reads `<base>/<type>/<id>`; the answer must be a resource of that type. */
  async read<T extends Resource = Resource>(type: string, id: string, options: RequestOptions = {}): Promise<T> {
    const answer = await this.send('GET', this.urlFor(type, id), { signal: options.signal, retry: true });
    if (!isResourceOf(answer.body, type)) throw invalidResponse(`read ${type}: the answer is not a ${type}`, answer.status);
    return answer.body as T;
  }

  /** Searches `<base>/<type>?…` (repeated parameters as arrays). */
  async search<T extends Resource = Resource>(type: string, params: SearchParams, options: RequestOptions = {}): Promise<SearchPage<T>> {
    const url = this.urlFor(type);
    for (const [name, value] of Object.entries(params)) {
      if (value === undefined) continue;
      for (const v of Array.isArray(value) ? value : [value]) url.searchParams.append(name, String(v));
    }
    const answer = await this.send('GET', url, { signal: options.signal, retry: true });
    return this.toPage<T>(answer, type);
  }

  /**
   * Follows a `next` link exactly as the server gave it (relative links resolve against the base).
   * The token goes with it only when it points to the base URL's origin.
   */
  async nextPage<T extends Resource = Resource>(next: string, options: RequestOptions = {}): Promise<SearchPage<T>> {
    const url = this.absolute(next);
    const answer = await this.send('GET', url, { signal: options.signal, retry: true });
    return this.toPage<T>(answer, this.linkTypes.get(url.href) ?? typeFromUrl(url));
  }

  /**
   * Creates a resource (POST). With `ifNoneExist` the server creates nothing when a match exists
   * (`created: false`), which also makes the request safe to retry.
   */
  async create<T extends Resource>(resource: T, options: CreateOptions = {}): Promise<CreateResult<T>> {
    const type = this.writableType(resource);
    const headers: Record<string, string> = { 'Content-Type': FHIR_JSON };
    const { ifNoneExist, signal } = options;
    if (ifNoneExist === undefined) {
      const answer = await this.send('POST', this.urlFor(type), { signal, body: JSON.stringify(resource), headers, retry: false });
      return { resource: await this.written<T>(answer, type, undefined, signal), created: true };
    }
    headers['If-None-Exist'] = ifNoneExist;
    if (await this.declaresConditionalCreate(type, signal)) {
      const answer = await this.send('POST', this.urlFor(type), { signal, body: JSON.stringify(resource), headers, retry: true });
      const stored = await this.written<T>(answer, type, undefined, signal);
      return { resource: stored, created: answer.status === 201 };
    }
    // The server does not say it honours If-None-Exist: look for the record before every attempt,
    // so a retry after a lost answer (here or by the user) finds the first write instead of repeating it.
    for (let attempt = 1; ; attempt++) {
      const existing = await this.search<T>(type, Object.fromEntries(new URLSearchParams(ifNoneExist)), { signal });
      if (existing.matches.length > 0) return { resource: existing.matches[0], created: false };
      try {
        const answer = await this.send('POST', this.urlFor(type), { signal, body: JSON.stringify(resource), headers, retry: false });
        return { resource: await this.written<T>(answer, type, undefined, signal), created: true };
      } catch (error) {
        if (!(error instanceof NetworkError) || attempt >= this.maxAttempts) throw error;
        await sleep(this.backoff(attempt), signal);
      }
    }
  }

  /**
   * Whether the server's CapabilityStatement (`<base>/metadata`, read once) says it supports
   * conditional create (`If-None-Exist`) for `type`. Unknown (no statement, no answer) is `false`.
   */
  private declaresConditionalCreate(type: string, signal?: AbortSignal): Promise<boolean> {
    this.capabilities ??= this.send('GET', new URL(`${this.baseUrl}/metadata`), { retry: true, signal })
      .then((answer) => (isResourceOf(answer.body, 'CapabilityStatement') ? answer.body : undefined))
      .catch(() => {
        this.capabilities = undefined;
        return undefined;
      });
    return this.capabilities.then((statement) => {
      const rest = Array.isArray(statement?.rest) ? statement.rest : [];
      return rest.some((r: unknown) => isObject(r) && r.mode === 'server' && Array.isArray(r.resource)
        && r.resource.some((res: unknown) => isObject(res) && res.type === type && res.conditionalCreate === true));
    });
  }

  /** Updates a resource (PUT). With `ifMatch`, a stale version is a `ConflictError`, and a retry is safe. */
  async update<T extends Resource>(resource: T, options: UpdateOptions = {}): Promise<T> {
    const type = this.writableType(resource);
    if (typeof resource.id !== 'string' || !ID_PATTERN.test(resource.id)) {
      throw new InvalidResourceError('This record cannot be saved: it has no valid id.');
    }
    const headers: Record<string, string> = { 'Content-Type': FHIR_JSON };
    if (options.ifMatch !== undefined) headers['If-Match'] = options.ifMatch;
    const answer = await this.send('PUT', this.urlFor(type, resource.id), {
      signal: options.signal, body: JSON.stringify(resource), headers, retry: options.ifMatch !== undefined,
    });
    return this.written<T>(answer, type, resource.id, options.signal);
  }

  /**
   * Fetches an absolute URL (e.g. a reference to another server). The token goes with it only when
   * the URL is the base URL or below it. The answer must be a FHIR resource.
   */
  async readUrl<T extends Resource = Resource>(url: string, options: RequestOptions = {}): Promise<T> {
    const answer = await this.send('GET', this.absolute(url), { signal: options.signal, retry: true });
    if (!isResourceOf(answer.body)) throw invalidResponse('readUrl: the answer is not a FHIR resource', answer.status);
    return answer.body as T;
  }

  /**
   * Resolves a reference: `Type/id` (optionally with `/_history/…`) is read from this server; an
   * absolute URL is fetched with `readUrl`. Contained (`#id`) references cannot be resolved here.
   */
  async resolve<T extends Resource = Resource>(reference: string, options: RequestOptions = {}): Promise<T> {
    const relative = /^([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[A-Za-z0-9\-.]{1,64})?$/.exec(reference);
    if (relative) return this.read<T>(relative[1], relative[2], options);
    if (/^https?:\/\//i.test(reference)) return this.readUrl<T>(reference, options);
    throw new NotFoundError(MESSAGES.notFound, { cause: new Error('not a resolvable reference') });
  }

  /** The launch context from the options, or `{}`. */
  launchContext(): Promise<LaunchContext> {
    return Promise.resolve(structuredClone(this.options.launch ?? {}));
  }

  /** Whether `type` may be written (the `canWrite` option; default: every type). */
  canWrite(type: string): boolean {
    return this.options.canWrite?.(type) ?? true;
  }

  /** `<base>/<type>[/<id>]`. Names that cannot exist on a FHIR server are not found, without a request. */
  private urlFor(type: string, id?: string): URL {
    if (!TYPE_PATTERN.test(type) || (id !== undefined && !ID_PATTERN.test(id))) {
      throw new NotFoundError(MESSAGES.notFound, { cause: new Error('not a valid FHIR type or id') });
    }
    return new URL(`${this.baseUrl}/${type}${id === undefined ? '' : `/${id}`}`);
  }

  private absolute(url: string): URL {
    try {
      return parseSecureUrl(new URL(url, `${this.baseUrl}/`), 'link');
    } catch {
      throw new InvalidResourceError('The server pointed to an address that is not secure (not https), so it was not opened.');
    }
  }

  private writableType(resource: Resource): string {
    const type: unknown = isObject(resource) ? resource.resourceType : undefined;
    if (typeof type !== 'string' || !TYPE_PATTERN.test(type)) throw new InvalidResourceError('This record cannot be saved: it is not a FHIR resource.');
    if (!this.canWrite(type)) throw new ForbiddenError(MESSAGES.forbidden);
    return type;
  }

  /**
   * The resource a write answered with; fetched from `Location` (or re-read) when the body was
   * empty. A `Location` outside the base URL is not followed: what is there is not what was saved here.
   */
  private async written<T extends Resource>(answer: Answer, type: string, id: string | undefined, signal?: AbortSignal): Promise<T> {
    if (isResourceOf(answer.body, type) && typeof answer.body.id === 'string') return answer.body as T;
    const location = answer.headers.get('Location') ?? answer.headers.get('Content-Location');
    const url = location ? this.absolute(location) : undefined;
    if (url && !isWithinBase(url, this.baseUrl)) throw invalidResponse(`write ${type}: Location ${url.origin}${url.pathname} is outside the FHIR base URL`, answer.status);
    const stored = url ? await this.readUrl(url.href, { signal }) : id ? await this.read(type, id, { signal }) : undefined;
    if (!isResourceOf(stored, type) || typeof stored.id !== 'string') throw invalidResponse(`write ${type}: no resource in the answer`, answer.status);
    return stored as T;
  }

  private toPage<T extends Resource>(answer: Answer, type: string | undefined): SearchPage<T> {
    const bundle = answer.body;
    if (!isResourceOf(bundle, 'Bundle')) throw invalidResponse('search: the answer is not a Bundle', answer.status);
    const { entry, total, link } = bundle as Bundle;
    const page: SearchPage<T> = { matches: [], included: [] };
    for (const item of Array.isArray(entry) ? entry : []) {
      const resource: unknown = isObject(item) ? item.resource : undefined;
      const mode: unknown = isObject(item) && isObject(item.search) ? item.search.mode : undefined;
      if (mode === 'outcome') continue;
      if (!isResourceOf(resource)) throw invalidResponse('search: an entry holds no FHIR resource', answer.status);
      if (mode === 'include') page.included.push(resource);
      else if (type === undefined || resource.resourceType === type) page.matches.push(resource as T);
      else if (mode === 'match') throw invalidResponse(`search: a match is a ${resource.resourceType}, not a ${type}`, answer.status);
      else page.included.push(resource);
    }
    if (typeof total === 'number' && Number.isInteger(total) && total >= 0) page.total = total;
    const next = Array.isArray(link) ? link.find((l) => isObject(l) && l.relation === 'next' && typeof l.url === 'string') : undefined;
    if (next) {
      page.next = next.url;
      if (type) this.rememberLinkType(this.absolute(next.url).href, type);
    }
    return page;
  }

  private rememberLinkType(href: string, type: string): void {
    this.linkTypes.set(href, type);
    if (this.linkTypes.size > 200) this.linkTypes.delete(this.linkTypes.keys().next().value as string);
  }

  /** One request with its retries; resolves for 2xx, throws the typed error otherwise. */
  private async send(method: string, url: URL, send: Send): Promise<Answer> {
    const { signal } = send;
    let refreshed = false;
    for (let attempt = 1; ; attempt++) {
      if (signal?.aborted) throw abortError();
      const mayRetry = send.retry && attempt < this.maxAttempts;
      let response: Response;
      let text: string;
      try {
        ({ response, text } = await this.attempt(method, url, send));
      } catch (error) {
        if (error instanceof NetworkError && mayRetry) {
          await sleep(this.backoff(attempt), signal);
          continue;
        }
        throw error;
      }
      const { status } = response;
      if (status === 401 && !refreshed && this.options.onUnauthorized) {
        refreshed = true;
        if (await this.options.onUnauthorized().catch(() => false)) {
          attempt--;
          continue;
        }
      }
      if ((status === 429 || status === 503) && mayRetry) {
        const retryAfter = parseRetryAfter(response.headers.get('Retry-After'));
        if (retryAfter === undefined || retryAfter <= this.retryAfterCapMs) {
          await sleep(retryAfter ?? this.backoff(attempt), signal);
          continue;
        }
      }
      const body = parseBody(text);
      if (status >= 200 && status < 300) {
        if (body === UNPARSEABLE) throw invalidResponse('the answer is not JSON', status);
        return { status, headers: response.headers, body };
      }
      throw errorForStatus(status, body === UNPARSEABLE ? undefined : body);
    }
  }

  /** One attempt under the time limit, body read included. Throws Abort/Timeout/Network errors only. */
  private async attempt(method: string, url: URL, send: Send): Promise<{ response: Response; text: string }> {
    const { signal } = send;
    const headers = new Headers({ Accept: FHIR_JSON, ...send.headers });
    if (this.options.token && isWithinBase(url, this.baseUrl)) {
      let token: string | undefined;
      try {
        token = await this.options.token();
      } catch (error) {
        throw new UnauthorizedError(MESSAGES.unauthorized, { cause: error });
      }
      if (signal?.aborted) throw abortError();
      if (token) headers.set('Authorization', `Bearer ${token}`);
    }
    const controller = new AbortController();
    let timedOut = false;
    const onAbort = () => controller.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.timeoutMs);
    let response: Response;
    try {
      // A redirect is never followed: a 302 to another origin would hand us that origin's record as
      // ours, and a 307 would send a write (and a Consent) elsewhere and report it saved.
      response = await this.fetchImpl(url, { method, headers, body: send.body, signal: controller.signal, cache: 'no-store', redirect: 'manual' });
    } catch (error) {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      if (signal?.aborted) throw abortError();
      if (timedOut) throw timeoutError(this.timeoutMs);
      throw networkError(isAbortError(error) ? undefined : error);
    }
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400 && response.status !== 304)
      || response.redirected || (response.url !== '' && !samePath(response.url, url))) {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      void response.body?.cancel().catch(() => undefined);
      throw redirectError(url, response.headers.get('Location') ?? (response.url || null), response.status || undefined);
    }
    try {
      const text = await response.text();
      return { response, text };
    } catch (error) {
      if (signal?.aborted) throw abortError();
      if (timedOut) throw timeoutError(this.timeoutMs);
      throw networkError(isAbortError(error) ? undefined : error);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  /** Jittered exponential back-off: between half and all of `base · 2^(attempt−1)`. */
  private backoff(attempt: number): number {
    const full = this.backoffBaseMs * 2 ** (attempt - 1);
    return full / 2 + (Math.random() * full) / 2;
  }
}
