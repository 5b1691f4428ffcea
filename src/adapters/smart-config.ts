// SMART App Launch: the app's options, discovery (`{iss}/.well-known/smart-configuration`) and the
// launch errors. No oidc-client-ts here: this module is part of the light SmartAdapter entry.
import type { LaunchContext } from '../core/adapter.js';
import { ZkError } from '../core/errors.js';
import { parseSecureUrl } from '../core/http.js';
import type { ZkSessionExpiredReason } from '../events/session-expired.js';

/** How the app is registered with the EHR's authorization server, and how it keeps its session. */
export interface SmartAppOptions {
  /** The client id the app is registered under (a public client: no secret). */
  clientId: string;
  /** The registered redirect URI: the page that calls `completeSmartLaunch`. Exact match. */
  redirectUri: string;
  /** Resource scopes to request instead of what the components need (`COMPONENT_SCOPES`). */
  scopes?: readonly string[];
  /** Request read access only. */
  readOnly?: boolean;
  /** The refresh token to ask for (default `online_access`). */
  refresh?: 'online_access' | 'offline_access' | false;
  /**
   * Where tokens are kept: `memory` (default; a reload means signing in again) or `session`
   * (sessionStorage of this tab, opt-in). Never persistent local storage, never cookies.
   */
  tokenStorage?: 'memory' | 'session';
  /**
   * The FHIR servers (`iss`) the app accepts: a list of FHIR base URLs (compared without a trailing
   * slash), or a function. Required: an EHR launch link names the server, so without this check any
   * link could send the user to a server (and a sign-in page) of someone else's choosing. Without
   * it every launch fails with `iss-not-configured`. Only https, and http on localhost, are ever accepted.
   */
  isAllowedIss?: readonly string[] | ((iss: URL) => boolean);
  /** The fetch for discovery, FHIR requests and token refresh (default: the global one). */
  fetch?: typeof fetch;
  /** Time limit per request (default 15000 ms). */
  timeoutMs?: number;
  /** Renew the access token this many seconds before it expires, at most a quarter of its life (default 30). */
  refreshSkewSeconds?: number;
  /** Where `zk-session-expired` fires (default `window`; `null`: nowhere, subscribers only). */
  eventTarget?: EventTarget | null;
}

/** The parts of `.well-known/smart-configuration` zorgkit uses. */
export interface SmartConfiguration {
  issuer?: string;
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri?: string;
  revocation_endpoint?: string;
  userinfo_endpoint?: string;
  capabilities: string[];
  code_challenge_methods_supported: string[];
  scopes_supported?: string[];
  /** RFC 9207: the authorization server sends `iss` with every authorization response. */
  authorization_response_iss_parameter_supported?: boolean;
}

/** What went wrong in a launch, for the app's code (the message is for the user). */
export type SmartLaunchErrorCode =
  | 'iss-not-configured'
  | 'iss-not-allowed'
  | 'discovery-failed'
  | 'pkce-unsupported'
  | 'invalid-state'
  | 'access-denied'
  | 'client-not-registered'
  | 'scope-refused'
  | 'invalid-request'
  | 'authorization-failed'
  | 'issuer-mismatch'
  | 'token-request-failed';

const LAUNCH_MESSAGES: Record<SmartLaunchErrorCode, string> = {
  'iss-not-configured': 'This app has not been told which servers it may connect to. Tell your administrator.',
  'iss-not-allowed': 'This app may not connect to the server the link points to.',
  'discovery-failed': 'The sign-in server could not be found. Try again later, or start the app again from your EHR.',
  'pkce-unsupported': 'The sign-in server does not support a secure sign-in (PKCE S256).',
  'invalid-state': 'This sign-in link is not valid or was already used. Start the app again.',
  'access-denied': 'Access was not allowed. Start the app again to sign in.',
  'client-not-registered': 'This app is not registered with this server. Tell your administrator.',
  'scope-refused': 'The server did not allow the access this app asks for. Tell your administrator.',
  'invalid-request': 'The sign-in request was not accepted. Start the app again from your EHR.',
  'authorization-failed': 'The sign-in did not succeed. Start the app again.',
  'issuer-mismatch': 'The sign-in answer came from an unexpected server. Start the app again.',
  'token-request-failed': 'The sign-in could not be completed. Start the app again.',
};

/**
 * A launch that could not start or complete. `code` says why; `message` is for the user;
 * `oauthError` and `oauthErrorDescription` keep what the authorization server said (`error`,
 * `error_description` of its answer), for the app's support staff.
 */
export class SmartLaunchError extends ZkError {
  override name = 'SmartLaunchError';
  readonly code: SmartLaunchErrorCode;
  readonly oauthError: string | undefined;
  readonly oauthErrorDescription: string | undefined;

  constructor(code: SmartLaunchErrorCode, options: { cause?: unknown; status?: number; oauthError?: string; oauthErrorDescription?: string } = {}) {
    super(LAUNCH_MESSAGES[code], options);
    this.code = code;
    this.oauthError = options.oauthError;
    this.oauthErrorDescription = options.oauthErrorDescription;
  }
}

/** The launch error for an authorization server's `error` code (RFC 6749 §4.1.2.1). */
export function launchErrorCodeFor(oauthError: string): SmartLaunchErrorCode {
  switch (oauthError) {
    case 'access_denied': return 'access-denied';
    case 'invalid_client':
    case 'unauthorized_client': return 'client-not-registered';
    case 'invalid_scope': return 'scope-refused';
    case 'invalid_request': return 'invalid-request';
    default: return 'authorization-failed';
  }
}

const normalisedBase = (url: URL) => `${url.origin}${url.pathname.replace(/\/+$/, '')}`;

/**
 * The FHIR base URL (`iss`) normalised (no trailing slash), after the `isAllowedIss` check: the
 * app must name the servers it accepts (`iss-not-configured` otherwise), and `iss` must be one
 * of them (`iss-not-allowed`).
 */
export function checkIss(iss: string, options: Pick<SmartAppOptions, 'isAllowedIss'>): string {
  const allowed = options.isAllowedIss;
  if (!allowed || (Array.isArray(allowed) && allowed.length === 0)) throw new SmartLaunchError('iss-not-configured');
  let url: URL;
  try {
    url = parseSecureUrl(iss, 'FHIR base URL (iss)');
  } catch (cause) {
    throw new SmartLaunchError('iss-not-allowed', { cause });
  }
  if (url.search || url.hash) throw new SmartLaunchError('iss-not-allowed');
  const base = normalisedBase(url);
  const accepted = typeof allowed === 'function'
    ? allowed(url)
    : (allowed as readonly string[]).some((entry) => {
      try {
        return normalisedBase(new URL(entry)) === base;
      } catch {
        return false;
      }
    });
  if (!accepted) throw new SmartLaunchError('iss-not-allowed');
  return base;
}

function optionalUrl(value: unknown, what: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new TypeError(`${what} is not a URL`);
  return parseSecureUrl(value, what).href;
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/**
 * Reads `{iss}/.well-known/smart-configuration` (no cookies, no token). The endpoints must be
 * https (http on localhost only), and the server must list PKCE `S256`.
 */
export async function discoverSmartConfiguration(iss: string, options: Pick<SmartAppOptions, 'fetch' | 'timeoutMs'> = {}): Promise<SmartConfiguration> {
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? 15000);
  let doc: unknown;
  try {
    const response = await doFetch(`${iss.replace(/\/+$/, '')}/.well-known/smart-configuration`, {
      headers: { Accept: 'application/json' }, credentials: 'omit', cache: 'no-store', signal: controller.signal,
    });
    if (!response.ok) throw new Error(`smart-configuration answered ${response.status}`);
    doc = await response.json();
  } catch (cause) {
    throw new SmartLaunchError('discovery-failed', { cause });
  } finally {
    clearTimeout(timer);
  }
  let config: SmartConfiguration;
  try {
    if (typeof doc !== 'object' || doc === null) throw new TypeError('not a JSON object');
    const d = doc as Record<string, unknown>;
    config = {
      issuer: typeof d.issuer === 'string' ? d.issuer : undefined,
      authorization_endpoint: optionalUrl(d.authorization_endpoint, 'authorization_endpoint') ?? '',
      token_endpoint: optionalUrl(d.token_endpoint, 'token_endpoint') ?? '',
      jwks_uri: optionalUrl(d.jwks_uri, 'jwks_uri'),
      revocation_endpoint: optionalUrl(d.revocation_endpoint, 'revocation_endpoint'),
      userinfo_endpoint: optionalUrl(d.userinfo_endpoint, 'userinfo_endpoint'),
      capabilities: strings(d.capabilities),
      code_challenge_methods_supported: strings(d.code_challenge_methods_supported),
      scopes_supported: Array.isArray(d.scopes_supported) ? strings(d.scopes_supported) : undefined,
      authorization_response_iss_parameter_supported: d.authorization_response_iss_parameter_supported === true,
    };
    if (!config.authorization_endpoint || !config.token_endpoint) throw new TypeError('no authorization or token endpoint');
  } catch (cause) {
    throw new SmartLaunchError('discovery-failed', { cause });
  }
  if (!config.code_challenge_methods_supported.includes('S256')) throw new SmartLaunchError('pkce-unsupported');
  return config;
}

/** What the SmartAdapter needs of a signed-in session (implemented by smart-session.ts, used by smart.ts). */
export interface SmartSessionHandle {
  /** The FHIR base URL (`iss`), without a trailing slash. */
  readonly fhirBaseUrl: string;
  readonly context: LaunchContext;
  /** The granted scopes, space-separated. */
  readonly scope: string;
  readonly ended: boolean;
  /** The access token to send (renewed first when about to expire); rejects with UnauthorizedError when the session ended. */
  accessToken(): Promise<string>;
  /** Notes that the FHIR server answered 401 to this token. */
  noteRejected(token: string): void;
  /** After a 401: whether to send the request again (with a newer token). */
  onUnauthorized(): Promise<boolean>;
  onEnd(listener: (reason: ZkSessionExpiredReason) => void): () => void;
  signOut(): Promise<void>;
}

