// SmartAdapter: SMART App Launch 2 (standalone and EHR launch) around the FhirRestAdapter. This
// module is light: the oidc-client-ts half (smart-session.ts) is loaded with a dynamic import()
// only when a launch starts, completes or is restored, so pages that do not use SMART never
// download it.
//
//   const launch = detectSmartLaunch(location.href);
//   if (launch?.kind === 'ehr' || launch?.kind === 'standalone') await startSmartLaunch(launch, app);   // navigates away
//   if (launch?.kind === 'callback') adapter = await completeSmartLaunch(location.href, app);
import type {
  Adapter, AdapterEventType, CreateOptions, CreateResult, LaunchContext, RequestOptions, SearchPage, SearchParams,
  UpdateOptions,
} from '../core/adapter.js';
import type { Resource } from '../core/fhir.js';
import { isWithinBase } from '../core/http.js';
import { ZkSessionExpiredEvent } from '../events/session-expired.js';
import { FhirRestAdapter } from './fhir-rest.js';
import type { SmartAppOptions, SmartSessionHandle } from './smart-config.js';
import { grantAllowsWrite, splitScopes } from './smart-scopes.js';

export {
  checkIss, discoverSmartConfiguration, SmartLaunchError, type SmartAppOptions, type SmartConfiguration,
  type SmartLaunchErrorCode, type SmartSessionHandle,
} from './smart-config.js';
export {
  COMPONENT_SCOPES, grantAllowsWrite, parseResourceScope, permissionsFor, requestedScopes, type ResourceScope,
  type SmartPermission,
} from './smart-scopes.js';
export {
  applySmartStyle, fetchSmartStyle, SMART_STYLE_PROPERTIES, smartStyleProperties, validateSmartStyle, type SmartStyle,
  type SmartStyleKey,
} from './smart-style.js';
export { ZkSessionExpiredEvent, type ZkSessionExpiredReason } from '../events/session-expired.js';

/** What a page's URL says about SMART. */
export type SmartLaunchRequest =
  /** EHR launch: `?iss=<FHIR base>&launch=<id>`. */
  | { kind: 'ehr'; iss: string; launch: string }
  /** Standalone launch link (zorgkit's convention): `?smart=standalone&iss=<FHIR base>`. */
  | { kind: 'standalone'; iss: string }
  /** The authorization server's answer: `?code=…&state=…` (or `?error=…&state=…`). */
  | { kind: 'callback' };

const SMART_PARAMS = ['code', 'state', 'iss', 'launch', 'session_state', 'error', 'error_description', 'error_uri', 'smart'];

/** Reads a page URL: an EHR launch, a standalone launch link, an authorization callback, or nothing. */
export function detectSmartLaunch(url: string | URL): SmartLaunchRequest | undefined {
  const params = new URL(url).searchParams;
  if (params.has('state') && (params.has('code') || params.has('error'))) return { kind: 'callback' };
  const iss = params.get('iss');
  const launch = params.get('launch');
  if (iss && launch) return { kind: 'ehr', iss, launch };
  if (iss && params.get('smart') === 'standalone') return { kind: 'standalone', iss };
  return undefined;
}

/** The URL without the SMART parameters (code, state, iss, launch, …): for `history.replaceState`. */
export function urlWithoutSmartParams(url: string | URL): string {
  const clean = new URL(url);
  for (const name of SMART_PARAMS) clean.searchParams.delete(name);
  return clean.href;
}

function loadSession() {
  return import('./smart-session.js');
}

/**
 * Starts a launch: discovery at `{iss}/.well-known/smart-configuration`, then the authorization
 * request (code + PKCE S256, `aud` = `iss`, `launch` for an EHR launch; without `launch` it is a
 * standalone launch and asks for `launch/patient`). `navigate` leaves the page (default
 * `location.assign`); the URL is also returned.
 */
export async function startSmartLaunch(
  launch: { iss: string; launch?: string },
  options: SmartAppOptions & { navigate?: (url: string) => void },
): Promise<string> {
  const { beginAuthorization } = await loadSession();
  const url = await beginAuthorization(launch, options);
  (options.navigate ?? ((u: string) => window.location.assign(u)))(url);
  return url;
}

/**
 * Completes a launch on the redirect page: checks the state (a wrong, unknown or already used one
 * is refused before any token request), exchanges the code, and returns the ready adapter. Rejects
 * with a `SmartLaunchError`. Call `history.replaceState(null, '', urlWithoutSmartParams(url))` first,
 * so the code does not stay in the address bar.
 */
export async function completeSmartLaunch(callbackUrl: string, options: SmartAppOptions): Promise<SmartAdapter> {
  const { completeAuthorization } = await loadSession();
  const session = await completeAuthorization(callbackUrl, options);
  return new SmartAdapter(session, options);
}

/**
 * With `tokenStorage: 'session'` only: the adapter of this tab's session after a page reload, or
 * `undefined` when there is none. Loads oidc-client-ts only when a session record exists.
 */
export async function restoreSmartAdapter(options: SmartAppOptions): Promise<SmartAdapter | undefined> {
  if (options.tokenStorage !== 'session' || sessionStorage.getItem('zk.smart.session') === null) return undefined;
  const { restoreSession } = await loadSession();
  const session = await restoreSession(options);
  return session ? new SmartAdapter(session, options) : undefined;
}

/**
 * An Adapter for a FHIR server reached through a SMART App Launch. Reads and writes go through a
 * FhirRestAdapter whose token comes from the session; the `Authorization` header is sent only to
 * the FHIR base URL and below, its `aud` (checked here too, on every request, whatever asked for it); a 401
 * renews the token once; `canWrite` follows the granted scopes.
 *
 * When the session ends (the refresh token is refused), `zk-session-expired` fires on `window` (or
 * the `eventTarget` option), `subscribe` listeners get `'session-expired'`, and every later request
 * fails with `UnauthorizedError` — which the components show as "sign in again".
 */
export class SmartAdapter implements Adapter {
  readonly name = 'smart';
  readonly #session: SmartSessionHandle;
  readonly #rest: FhirRestAdapter;
  readonly #listeners = new Set<(type: AdapterEventType) => void>();

  constructor(session: SmartSessionHandle, options: Pick<SmartAppOptions, 'fetch' | 'timeoutMs' | 'eventTarget'> = {}) {
    this.#session = session;
    const baseFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
    const fhirBaseUrl = session.fhirBaseUrl;
    const guardedFetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
      const url = input instanceof Request ? input.url : String(input);
      const headers = new Headers(init.headers);
      const sent = /^Bearer (.+)$/.exec(headers.get('Authorization') ?? '')?.[1];
      if (!isWithinBase(url, fhirBaseUrl)) headers.delete('Authorization');
      const response = await baseFetch(input, { ...init, headers, credentials: 'omit' });
      if (response.status === 401 && sent && isWithinBase(url, fhirBaseUrl)) session.noteRejected(sent);
      return response;
    };
    this.#rest = new FhirRestAdapter({
      baseUrl: fhirBaseUrl,
      name: 'smart',
      token: () => session.accessToken(),
      onUnauthorized: () => session.onUnauthorized(),
      canWrite: (type) => this.canWrite(type),
      fetch: guardedFetch,
      timeoutMs: options.timeoutMs,
      launch: session.context,
    });
    const target = options.eventTarget === undefined ? globalThis.window : options.eventTarget;
    session.onEnd((reason) => {
      target?.dispatchEvent(new ZkSessionExpiredEvent(reason, this.name));
      for (const listener of [...this.#listeners]) {
        try {
          listener('session-expired');
        } catch (error) {
          console.error(error);
        }
      }
    });
  }

  /** The FHIR base URL (`iss`). */
  get fhirBaseUrl(): string {
    return this.#session.fhirBaseUrl;
  }

  /** The granted scopes (they may differ from the requested ones). */
  get grantedScopes(): string[] {
    return splitScopes(this.#session.scope);
  }

  /** Whether the session ended (expired or signed out). */
  get ended(): boolean {
    return this.#session.ended;
  }

  read<T extends Resource = Resource>(type: string, id: string, options?: RequestOptions): Promise<T> {
    return this.#rest.read<T>(type, id, options);
  }

  search<T extends Resource = Resource>(type: string, params: SearchParams, options?: RequestOptions): Promise<SearchPage<T>> {
    return this.#rest.search<T>(type, params, options);
  }

  nextPage<T extends Resource = Resource>(next: string, options?: RequestOptions): Promise<SearchPage<T>> {
    return this.#rest.nextPage<T>(next, options);
  }

  create<T extends Resource>(resource: T, options?: CreateOptions): Promise<CreateResult<T>> {
    return this.#rest.create(resource, options);
  }

  update<T extends Resource>(resource: T, options?: UpdateOptions): Promise<T> {
    return this.#rest.update(resource, options);
  }

  /** Fetches an absolute URL; the token goes with it only to the FHIR base URL and below. */
  readUrl<T extends Resource = Resource>(url: string, options?: RequestOptions): Promise<T> {
    return this.#rest.readUrl<T>(url, options);
  }

  /** Resolves a reference (`Type/id` here, an absolute URL with `readUrl`). */
  resolve<T extends Resource = Resource>(reference: string, options?: RequestOptions): Promise<T> {
    return this.#rest.resolve<T>(reference, options);
  }

  /**
   * The launch context from the token response: `patient`, `encounter`, `user` (the id_token's
   * `fhirUser`), `needPatientBanner`, `styleUrl`, `fhirContext`.
   */
  launchContext(): Promise<LaunchContext> {
    return Promise.resolve(structuredClone(this.#session.context));
  }

  /** Whether the grant allows creating `type` (a `c` permission on it, or on `*`); false once ended. */
  canWrite(type: string): boolean {
    return !this.#session.ended && grantAllowsWrite(this.#session.scope, type);
  }

  subscribe(listener: (type: AdapterEventType) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Signs out: the refresh token is revoked where the server supports it, the tokens are cleared. */
  signOut(): Promise<void> {
    return this.#session.signOut();
  }
}
