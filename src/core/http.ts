// HTTP helpers shared by the adapters that talk to a FHIR server over `fetch` (FhirRestAdapter,
// and the SMART adapter built on it): URL safety, token scoping, Retry-After, and turning an HTTP
// answer into a typed error with a message a clinician can read.
import {
  ConflictError, ForbiddenError, InvalidResourceError, NetworkError, NotFoundError, ServerError, TimeoutError,
  UnauthorizedError, type ZkError,
} from './errors.js';
import type { OperationOutcome } from '../fhir/r4.js';

/** Plain sentences used when the server sent no readable OperationOutcome. */
export const MESSAGES = {
  badRequest: 'The server did not accept the request.',
  unauthorized: 'You are not signed in, or your session has ended. Please sign in again.',
  forbidden: 'You do not have permission to see or change this information.',
  notFound: 'This record was not found. It may have been removed.',
  conflict: 'Someone else changed this record in the meantime. Reload it and try again.',
  busy: 'The server is busy. Please try again in a moment.',
  unavailable: 'The server is temporarily unavailable. Please try again in a moment.',
  serverError: 'The server ran into a problem. Please try again later.',
  network: 'The server could not be reached. Check the connection and try again.',
  timeout: 'The server took too long to answer. Please try again.',
  invalid: 'The server sent an answer that could not be read.',
  redirected: 'The server sent the request on to another address. It was not followed, so nothing from there is shown or saved.',
} as const;

/** Longest OperationOutcome text shown; longer texts are cut at a word with an ellipsis. */
export const MAX_MESSAGE_LENGTH = 300;

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** True for `localhost`, `*.localhost`, `127.0.0.1` and `[::1]`. */
export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || hostname.endsWith('.localhost');
}

/**
 * Parses a URL a FHIR client may talk to: `https:`, or `http:` on a loopback host only.
 * Throws a TypeError that says what is wrong otherwise (a programming or configuration error).
 */
export function parseSecureUrl(url: string | URL, what = 'URL'): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TypeError(`The ${what} is not a valid absolute URL.`);
  }
  if (parsed.username || parsed.password) throw new TypeError(`The ${what} must not contain a user name or password.`);
  if (parsed.protocol === 'https:') return parsed;
  if (parsed.protocol === 'http:' && isLoopbackHost(parsed.hostname)) return parsed;
  throw new TypeError(`The ${what} must use https (http is allowed only for localhost): ${parsed.origin}`);
}

/**
 * Whether `url` has the same origin (scheme, host, port) as `baseUrl`. Credentials (the
 * `Authorization` header) go only to URLs for which this is true. Unparseable input is `false`.
 */
export function isSameOrigin(url: string | URL, baseUrl: string | URL): boolean {
  try {
    return new URL(url).origin === new URL(baseUrl).origin;
  } catch {
    return false;
  }
}

/**
 * Whether `url` is the FHIR base URL itself or below it: same origin, and a path that is the base
 * path or starts with the base path and a `/`. The access token (`aud` = the base URL) goes only
 * to such URLs; `https://ehr.example/fhir` does not cover `https://ehr.example/admin` nor
 * `https://ehr.example/fhir-other`. Unparseable input is `false`.
 */
export function isWithinBase(url: string | URL, baseUrl: string | URL): boolean {
  try {
    const target = new URL(url);
    const base = new URL(baseUrl);
    if (target.origin !== base.origin || target.username || target.password) return false;
    const basePath = base.pathname.replace(/\/+$/, '');
    return target.pathname === basePath || target.pathname.startsWith(`${basePath}/`);
  } catch {
    return false;
  }
}

/**
 * The wait a `Retry-After` header asks for, in milliseconds: delta-seconds or an HTTP date.
 * `undefined` when absent or unreadable; never negative.
 */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (value == null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (!/[a-z]/i.test(text)) return undefined;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Looks like markup or a stack trace: never shown to a clinician. */
function unfitForDisplay(text: string): boolean {
  return /<\/?[a-z!][^>]*>/i.test(text)
    || /^\s*at\s+\S+.*[(:]\d+/m.test(text)
    || /\b(Exception|Traceback|stack trace)\b/i.test(text)
    || /\.(java|js|ts|py|cs|go):\d+/.test(text);
}

function cap(text: string): string {
  if (text.length <= MAX_MESSAGE_LENGTH) return text;
  const cut = text.slice(0, MAX_MESSAGE_LENGTH - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > MAX_MESSAGE_LENGTH / 2 ? cut.slice(0, space) : cut}…`;
}

/**
 * The readable message of an OperationOutcome: the `details.text` or `diagnostics` of its first
 * error (or fatal) issue, else of any issue; whitespace collapsed, length capped. Text that looks
 * like HTML or a stack trace is dropped. `undefined` when nothing fit to show was found.
 */
export function outcomeMessage(outcome: unknown): string | undefined {
  if (!isOperationOutcome(outcome) || !Array.isArray(outcome.issue)) return undefined;
  const issues = outcome.issue.filter((i) => i && typeof i === 'object');
  const ordered = [
    ...issues.filter((i) => i.severity === 'error' || i.severity === 'fatal'),
    ...issues.filter((i) => i.severity !== 'error' && i.severity !== 'fatal'),
  ];
  for (const issue of ordered) {
    for (const candidate of [issue.details?.text, issue.diagnostics]) {
      if (typeof candidate !== 'string') continue;
      const text = candidate.replace(/\s+/g, ' ').trim();
      if (text && !unfitForDisplay(candidate)) return cap(text);
    }
  }
  return undefined;
}

/** True for an object with `resourceType: 'OperationOutcome'`. */
export function isOperationOutcome(value: unknown): value is OperationOutcome {
  return typeof value === 'object' && value !== null && (value as { resourceType?: unknown }).resourceType === 'OperationOutcome';
}

/**
 * The typed error for an HTTP error status. `body` is the parsed JSON body (or `undefined` when
 * the body was empty, HTML or not JSON); its OperationOutcome text becomes the message.
 */
export function errorForStatus(status: number, body: unknown): ZkError {
  const outcome = isOperationOutcome(body) ? body : undefined;
  const text = outcomeMessage(outcome);
  const opts = { status, outcome };
  switch (true) {
    case status === 401: return new UnauthorizedError(text ?? MESSAGES.unauthorized, opts);
    case status === 403: return new ForbiddenError(text ?? MESSAGES.forbidden, opts);
    case status === 404 || status === 410: return new NotFoundError(text ?? MESSAGES.notFound, opts);
    case status === 409 || status === 412: return new ConflictError(text ?? MESSAGES.conflict, opts);
    case status === 429: return new ServerError(text ?? MESSAGES.busy, { ...opts, retryable: true });
    case status === 503: return new ServerError(text ?? MESSAGES.unavailable, { ...opts, retryable: true });
    case status >= 500: return new ServerError(text ?? MESSAGES.serverError, { ...opts, retryable: true });
    case status >= 400: return new ServerError(text ?? MESSAGES.badRequest, opts);
    default: return new InvalidResourceError(MESSAGES.invalid, opts);
  }
}

/** The error for a request that never got an answer (connection refused or dropped, CORS). */
export function networkError(cause?: unknown): NetworkError {
  return new NetworkError(MESSAGES.network, { retryable: true, cause });
}

/** The error for a request that got no answer within the time limit. */
export function timeoutError(timeoutMs: number): TimeoutError {
  return new TimeoutError(MESSAGES.timeout, { retryable: true, cause: new Error(`no answer within ${timeoutMs} ms`) });
}

/** The error for an answer that is not the FHIR JSON expected (malformed, HTML, wrong type). */
export function invalidResponse(detail: string, status?: number): InvalidResourceError {
  return new InvalidResourceError(MESSAGES.invalid, { status, cause: new Error(detail) });
}

/** The error for an answer that sends the request elsewhere (a 3xx): never followed. */
export function redirectError(from: URL, to: string | null, status?: number): InvalidResourceError {
  return new InvalidResourceError(MESSAGES.redirected, { status, cause: new Error(`${from.origin}${from.pathname} answered with a redirect${to ? ` to ${to}` : ''}`) });
}

/** The `AbortError` DOMException an aborted call rejects with. */
export function abortError(): DOMException {
  return new DOMException('The operation was aborted.', 'AbortError');
}

/**
 * Waits `ms`, or rejects with an `AbortError` as soon as `signal` aborts. Leaves no timer or
 * listener behind either way.
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortError());
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
