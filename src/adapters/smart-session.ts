// The oidc-client-ts half of the SmartAdapter, loaded with a dynamic import() by smart.ts so pages
// that never launch do not download oidc-client-ts (~17 KB gzipped).
//
// Storage: the short-lived authorization state (PKCE verifier, state secret) must survive the
// redirect to the authorization server and back, so it goes to this tab's sessionStorage, under
// `zk.smart.state.`, and every such entry is removed once the callback has been handled. Tokens
// live in memory (oidc-client-ts' InMemoryWebStorage) unless the host opts in to sessionStorage.
// Nothing is ever written to the browser's persistent storage or to cookies.
import { InMemoryWebStorage, OidcClient, User, UserManager, WebStorageStateStore } from 'oidc-client-ts';
import type { SigninResponse, UserManagerSettings } from 'oidc-client-ts';
import type { LaunchContext } from '../core/adapter.js';
import { NetworkError, ServerError, TimeoutError, UnauthorizedError } from '../core/errors.js';
import { MESSAGES, parseSecureUrl } from '../core/http.js';
import type { ZkSessionExpiredReason } from '../events/session-expired.js';
import {
  checkIss, discoverSmartConfiguration, launchErrorCodeFor, SmartLaunchError, type SmartAppOptions, type SmartConfiguration,
  type SmartSessionHandle,
} from './smart-config.js';
import { requestedScopes } from './smart-scopes.js';

const STATE_PREFIX = 'zk.smart.state.';
const USER_PREFIX = 'zk.smart.user.';
/** sessionStorage key of the opted-in session's non-secret part (server, context). */
const SESSION_KEY = 'zk.smart.session';

/**
 * What travels with the authorization request (in the state entry) to the callback. The state is
 * bound to the authorization server it was started with: the callback uses this configuration
 * (its issuer, its token endpoint), never one discovered again.
 */
interface LaunchStateData {
  iss: string;
  kind: 'ehr' | 'standalone';
  tokenStorage: 'memory' | 'session';
  config: SmartConfiguration;
}

/** The opted-in session record (no tokens: those are in the user store). */
interface SessionRecord {
  clientId: string;
  iss: string;
  config: SmartConfiguration;
  context: LaunchContext;
}

const ID = /^[A-Za-z0-9\-.]{1,64}$/;

function stateStore(): WebStorageStateStore {
  return new WebStorageStateStore({ store: sessionStorage, prefix: STATE_PREFIX });
}

function userStore(kind: 'memory' | 'session'): WebStorageStateStore {
  return new WebStorageStateStore({ store: kind === 'session' ? sessionStorage : new InMemoryWebStorage(), prefix: USER_PREFIX });
}

/** Removes every pending authorization state (PKCE verifiers included) of this tab. */
async function clearPendingStates(): Promise<void> {
  const store = stateStore();
  for (const key of await store.getAllKeys()) await store.remove(key);
}

function randomSecret(bytes = 16): string {
  const data = crypto.getRandomValues(new Uint8Array(bytes));
  return btoa(String.fromCharCode(...data)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function sameSecret(a: string, b: string): boolean {
  if (a.length !== b.length || a.length === 0) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/**
 * oidc-client-ts' UserManager, extended at its protected extension points:
 * - `_buildUser` keeps the SMART launch fields of the token response. oidc-client-ts 3.5.0 merges
 *   the whole token response into the SigninResponse (ResponseValidator._processCode) but its `User`
 *   keeps the standard fields only, so `patient`, `need_patient_banner`, … are taken here, just before
 *   they are dropped (the upstream fix, `extraTokenResponseKeys`, reads them at this same point).
 * - `authorizationUrl` builds the authorization request (state and PKCE stored by oidc-client-ts)
 *   without navigating, so the caller decides how to leave the page.
 */
class SmartUserManager extends UserManager {
  launchFields: Record<string, unknown> = {};

  async authorizationUrl(args: Parameters<OidcClient['createSigninRequest']>[0]): Promise<string> {
    const request = await this._client.createSigninRequest({ request_type: 'si:r', ...args });
    return request.url;
  }

  protected override async _buildUser(signinResponse: SigninResponse, verifySub?: string): Promise<User> {
    this.launchFields = pickLaunchFields(signinResponse as unknown as Record<string, unknown>);
    return super._buildUser(signinResponse, verifySub);
  }
}

/** The SMART fields of a token response (unvalidated; see `launchContextFrom`). */
export function pickLaunchFields(response: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of ['patient', 'encounter', 'need_patient_banner', 'smart_style_url', 'fhirContext', 'intent', 'tenant']) {
    if (response[key] !== undefined) out[key] = response[key];
  }
  return out;
}

function relativeReference(value: string, fhirBaseUrl: string): string {
  return value.startsWith(`${fhirBaseUrl}/`) ? value.slice(fhirBaseUrl.length + 1) : value;
}

function isReference(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 512 && (/^[A-Z][A-Za-z]+\/[A-Za-z0-9\-.]{1,64}$/.test(value) || /^https?:\/\/\S+$/.test(value));
}

/**
 * The launch context from the token response's SMART fields and the id_token's `fhirUser`, each
 * checked for the shape SMART gives it; anything else is left out.
 */
export function launchContextFrom(fields: Record<string, unknown>, fhirUser: unknown, fhirBaseUrl: string): LaunchContext {
  const context: LaunchContext = {};
  const id = (value: unknown, type: string) => {
    if (typeof value !== 'string') return undefined;
    const bare = value.startsWith(`${type}/`) ? value.slice(type.length + 1) : value;
    return ID.test(bare) ? bare : undefined;
  };
  const patient = id(fields.patient, 'Patient');
  if (patient) context.patient = patient;
  const encounter = id(fields.encounter, 'Encounter');
  if (encounter) context.encounter = encounter;
  const banner = fields.need_patient_banner;
  if (typeof banner === 'boolean') context.needPatientBanner = banner;
  else if (banner === 'true' || banner === 'false') context.needPatientBanner = banner === 'true';
  if (typeof fields.smart_style_url === 'string') {
    try {
      context.styleUrl = parseSecureUrl(fields.smart_style_url, 'smart_style_url').href;
    } catch { /* not a usable URL: left out */ }
  }
  if (Array.isArray(fields.fhirContext)) {
    const items: NonNullable<LaunchContext['fhirContext']> = [];
    for (const item of fields.fhirContext.slice(0, 64)) {
      if (typeof item !== 'object' || item === null || Array.isArray(item)) continue;
      const { reference, role, type, canonical } = item as Record<string, unknown>;
      const entry: NonNullable<LaunchContext['fhirContext']>[number] = {};
      if (isReference(reference)) entry.reference = relativeReference(reference, fhirBaseUrl);
      if (typeof canonical === 'string' && canonical.length <= 512) entry.canonical = canonical;
      if (typeof role === 'string' && role.length <= 256) entry.role = role;
      if (typeof type === 'string' && /^[A-Z][A-Za-z]{0,63}$/.test(type)) entry.type = type;
      if (entry.reference || entry.canonical) items.push(entry);
    }
    if (items.length) context.fhirContext = items;
  }
  if (isReference(fhirUser)) context.user = relativeReference(fhirUser, fhirBaseUrl);
  return context;
}

function managerSettings(config: SmartConfiguration, iss: string, options: SmartAppOptions, storage: 'memory' | 'session', scope: string): UserManagerSettings {
  const authority = config.issuer ?? iss;
  return {
    authority,
    metadata: {
      issuer: authority,
      authorization_endpoint: config.authorization_endpoint,
      token_endpoint: config.token_endpoint,
      ...(config.jwks_uri ? { jwks_uri: config.jwks_uri } : {}),
      ...(config.revocation_endpoint ? { revocation_endpoint: config.revocation_endpoint } : {}),
      ...(config.userinfo_endpoint ? { userinfo_endpoint: config.userinfo_endpoint } : {}),
    },
    client_id: options.clientId,
    redirect_uri: options.redirectUri,
    response_type: 'code',
    response_mode: 'query',
    scope,
    loadUserInfo: false,
    automaticSilentRenew: false,
    monitorSession: false,
    fetchRequestCredentials: 'omit',
    requestTimeoutInSeconds: Math.ceil((options.timeoutMs ?? 15000) / 1000),
    staleStateAgeInSeconds: 600,
    stateStore: stateStore(),
    userStore: userStore(storage),
  };
}

function scopeFor(kind: 'ehr' | 'standalone', options: SmartAppOptions): string {
  return requestedScopes({ launch: kind, readOnly: options.readOnly, refresh: options.refresh, resources: options.scopes }).join(' ');
}

/**
 * Starts an authorization: discovery, then the authorization URL with PKCE S256, a state of
 * 122 + 128 random bits (oidc-client-ts' state id plus a secret in its `url_state`, both checked on
 * return), `aud` = the FHIR base URL and, for an EHR launch, `launch`. Returns the URL to go to.
 */
export async function beginAuthorization(launch: { iss: string; launch?: string }, options: SmartAppOptions): Promise<string> {
  const iss = checkIss(launch.iss, options);
  const config = await discoverSmartConfiguration(iss, options);
  const kind = launch.launch ? 'ehr' : 'standalone';
  const storage = options.tokenStorage === 'session' ? 'session' : 'memory';
  const scope = scopeFor(kind, options);
  const manager = new SmartUserManager(managerSettings(config, iss, options, storage, scope));
  const data: LaunchStateData = { iss, kind, tokenStorage: storage, config };
  return manager.authorizationUrl({
    state: data,
    url_state: randomSecret(16),
    scope,
    extraQueryParams: { aud: iss, ...(launch.launch ? { launch: launch.launch } : {}) },
  });
}

function isStateData(value: unknown): value is LaunchStateData {
  const v = value as Partial<LaunchStateData> | undefined;
  return typeof v?.iss === 'string' && (v.kind === 'ehr' || v.kind === 'standalone') && (v.tokenStorage === 'memory' || v.tokenStorage === 'session')
    && typeof v.config === 'object' && v.config !== null && typeof v.config.token_endpoint === 'string';
}

/**
 * Completes an authorization from the callback URL. The state must match a pending one of this tab
 * (else: `invalid-state`, and no token request is made); its secret part and the `iss` response
 * parameter (RFC 9207, when sent) are checked; then oidc-client-ts exchanges the code with the
 * PKCE verifier. Every pending state is removed afterwards, whatever the outcome.
 */
export async function completeAuthorization(callbackUrl: string, options: SmartAppOptions): Promise<SmartSession> {
  const url = new URL(callbackUrl);
  const reader = new OidcClient({ authority: 'pending', client_id: options.clientId, redirect_uri: options.redirectUri, stateStore: stateStore(), response_mode: 'query' });
  let pending: Awaited<ReturnType<OidcClient['readSigninResponseState']>>;
  try {
    pending = await reader.readSigninResponseState(url.href, false);
  } catch (cause) {
    throw new SmartLaunchError('invalid-state', { cause });
  }
  try {
    const { state, response } = pending;
    if (!sameSecret(response.url_state ?? '', state.url_state ?? '') || !isStateData(state.data)) throw new SmartLaunchError('invalid-state');
    const data = state.data;
    const iss = checkIss(data.iss, options);
    const config = data.config;
    // RFC 9207 against a mix-up: the answer must come from the authorization server this launch
    // was started with. An `iss` that is not its issuer (or any `iss` when it named none), or no
    // `iss` from a server that promises to send one, is refused before the code goes anywhere.
    const issParam = url.searchParams.get('iss');
    if (issParam !== null ? issParam !== config.issuer : config.authorization_response_iss_parameter_supported === true) {
      throw new SmartLaunchError('issuer-mismatch');
    }
    const oauthError = url.searchParams.get('error');
    if (oauthError !== null) {
      throw new SmartLaunchError(launchErrorCodeFor(oauthError), {
        oauthError: oauthError.slice(0, 64),
        oauthErrorDescription: url.searchParams.get('error_description')?.slice(0, 300) ?? undefined,
      });
    }
    const manager = new SmartUserManager(managerSettings(config, iss, options, data.tokenStorage, state.scope));
    if (manager.settings.authority !== state.authority) throw new SmartLaunchError('issuer-mismatch');
    let user: User;
    try {
      user = await manager.signinRedirectCallback(url.href);
    } catch (cause) {
      throw new SmartLaunchError('token-request-failed', { cause });
    }
    const context = launchContextFrom(manager.launchFields, user.profile?.fhirUser, iss);
    if (data.tokenStorage === 'session') {
      const record: SessionRecord = { clientId: options.clientId, iss, config, context };
      sessionStorage.setItem(SESSION_KEY, JSON.stringify(record));
    }
    return new SmartSession(manager, user, config, iss, context, options);
  } finally {
    await clearPendingStates();
  }
}

/** Restores an opted-in (`tokenStorage: 'session'`) session of this tab after a reload, if any. */
export async function restoreSession(options: SmartAppOptions): Promise<SmartSession | undefined> {
  let record: SessionRecord;
  try {
    record = JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? 'null') as SessionRecord;
  } catch {
    return undefined;
  }
  if (!record || record.clientId !== options.clientId || typeof record.iss !== 'string') return undefined;
  const iss = checkIss(record.iss, options);
  const manager = new SmartUserManager(managerSettings(record.config, iss, options, 'session', ''));
  const user = await manager.getUser();
  if (!user?.access_token) {
    sessionStorage.removeItem(SESSION_KEY);
    return undefined;
  }
  return new SmartSession(manager, user, record.config, iss, record.context ?? {}, options);
}

const unauthorized = (cause?: unknown) => new UnauthorizedError(MESSAGES.unauthorized, { status: 401, cause });

/**
 * One signed-in SMART session: the tokens (through oidc-client-ts' user store), the launch
 * context, and the token renewal — before expiry and after a 401, shared by concurrent requests,
 * each refresh token sent once. When the authorization server refuses the refresh token
 * (`invalid_grant`), the session ends: tokens cleared, `onEnd` listeners told.
 */
export class SmartSession implements SmartSessionHandle {
  readonly fhirBaseUrl: string;
  readonly context: LaunchContext;
  readonly #manager: SmartUserManager;
  readonly #config: SmartConfiguration;
  readonly #options: SmartAppOptions;
  #user: User | null;
  #lifetime: number | undefined;
  #ended = false;
  #refreshing: Promise<void> | undefined;
  /** Access tokens a FHIR server answered 401 to. */
  readonly #rejected = new Set<string>();
  /** Access tokens obtained because the previous one was rejected. */
  readonly #renewedAfterRejection = new Set<string>();
  readonly #listeners = new Set<(reason: ZkSessionExpiredReason) => void>();

  constructor(manager: SmartUserManager, user: User, config: SmartConfiguration, fhirBaseUrl: string, context: LaunchContext, options: SmartAppOptions) {
    this.#manager = manager;
    this.#user = user;
    this.#config = config;
    this.fhirBaseUrl = fhirBaseUrl;
    this.context = context;
    this.#options = options;
    this.#lifetime = user.expires_in;
  }

  /** The granted scopes (space-separated), as the token response said. */
  get scope(): string {
    return this.#user?.scope ?? '';
  }

  get ended(): boolean {
    return this.#ended;
  }

  /** The access token to send, renewed first when it expires within the skew. */
  async accessToken(): Promise<string> {
    if (this.#ended || !this.#user) throw unauthorized();
    if (this.#expiresSoon()) await this.#refresh();
    const token = this.#user?.access_token;
    if (this.#ended || !token) throw unauthorized();
    return token;
  }

  /** Notes that a FHIR server answered 401 to this access token. */
  noteRejected(token: string): void {
    if (this.#rejected.size > 100) this.#rejected.clear();
    this.#rejected.add(token);
  }

  /**
   * After a 401: `true` when the request should be sent again (a newer token exists, or a refresh
   * just got one); `false` when not (the session ended, or a freshly renewed token was refused too,
   * which ends the session).
   */
  async onUnauthorized(): Promise<boolean> {
    if (this.#ended || !this.#user) return false;
    const current = this.#user.access_token;
    if (!this.#rejected.has(current)) return true;
    if (this.#renewedAfterRejection.has(current)) {
      await this.end('token-rejected');
      return false;
    }
    try {
      await this.#refresh();
    } catch {
      return false;
    }
    if (this.#ended || !this.#user) return false;
    this.#renewedAfterRejection.add(this.#user.access_token);
    return true;
  }

  /** Calls `listener` when the session ends by expiry. Returns an unsubscribe function. */
  onEnd(listener: (reason: ZkSessionExpiredReason) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Ends the session: tokens cleared from memory and storage; the `onEnd` listeners are told. */
  async end(reason: ZkSessionExpiredReason): Promise<void> {
    if (this.#ended) return;
    this.#clear();
    await this.#manager.removeUser().catch(() => undefined);
    for (const listener of [...this.#listeners]) {
      try {
        listener(reason);
      } catch (error) {
        console.error(error);
      }
    }
  }

  /** Signs out: revokes the refresh token where the server can, and clears the tokens. No event. */
  async signOut(): Promise<void> {
    if (this.#ended) return;
    if (this.#config.revocation_endpoint && this.#user?.refresh_token) {
      await this.#manager.revokeTokens(['refresh_token']).catch(() => undefined);
    }
    this.#clear();
    await this.#manager.removeUser().catch(() => undefined);
  }

  #clear(): void {
    this.#ended = true;
    this.#user = null;
    this.#rejected.clear();
    this.#renewedAfterRejection.clear();
    sessionStorage.removeItem(SESSION_KEY);
  }

  #expiresSoon(): boolean {
    const remaining = this.#user?.expires_in;
    if (remaining === undefined) return false;
    const skew = Math.min(this.#options.refreshSkewSeconds ?? 30, (this.#lifetime ?? 0) / 4);
    return remaining <= skew;
  }

  /** One refresh at a time: concurrent callers share it. */
  #refresh(): Promise<void> {
    this.#refreshing ??= this.#doRefresh().finally(() => {
      this.#refreshing = undefined;
    });
    return this.#refreshing;
  }

  /**
   * The refresh token grant, done here rather than with oidc-client-ts' `signinSilent`: that one
   * always sends the granted `scope` back, which servers may refuse when the grant differs from the
   * request; RFC 6749 §6 lets the client leave it out (the original grant then applies).
   */
  async #doRefresh(): Promise<void> {
    const user = this.#user;
    if (!user || this.#ended) throw unauthorized();
    const refreshToken = user.refresh_token;
    if (!refreshToken) {
      await this.end('no-refresh-token');
      throw unauthorized();
    }
    const doFetch = this.#options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
    const controller = new AbortController();
    const timeoutMs = this.#options.timeoutMs ?? 15000;
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    let response: Response;
    let body: Record<string, unknown> | undefined;
    try {
      response = await doFetch(this.#config.token_endpoint, {
        method: 'POST',
        headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: this.#options.clientId }),
        credentials: 'omit',
        cache: 'no-store',
        signal: controller.signal,
      });
      body = await response.json().catch(() => undefined) as Record<string, unknown> | undefined;
    } catch (cause) {
      if (controller.signal.aborted) throw new TimeoutError(MESSAGES.timeout, { retryable: true, cause });
      throw new NetworkError(MESSAGES.network, { retryable: true, cause });
    } finally {
      clearTimeout(timer);
    }
    if (this.#ended) throw unauthorized();
    const error = typeof body?.error === 'string' ? body.error : undefined;
    if (!response.ok) {
      if (error === 'invalid_grant' || error === 'invalid_client' || error === 'unauthorized_client' || response.status === 401) {
        await this.end('refresh-failed');
        throw unauthorized(new Error(`refresh refused: ${error ?? response.status}`));
      }
      throw new ServerError(MESSAGES.serverError, { status: response.status, retryable: true });
    }
    const accessToken = body?.access_token;
    const tokenType = body?.token_type;
    if (typeof accessToken !== 'string' || !accessToken || typeof tokenType !== 'string' || tokenType.toLowerCase() !== 'bearer') {
      throw new ServerError(MESSAGES.invalid, { status: response.status });
    }
    const expiresIn = Number(body?.expires_in);
    const next = new User({
      id_token: user.id_token,
      session_state: user.session_state,
      access_token: accessToken,
      refresh_token: typeof body?.refresh_token === 'string' ? body.refresh_token : refreshToken,
      token_type: tokenType,
      scope: typeof body?.scope === 'string' ? body.scope : user.scope,
      profile: user.profile,
      expires_at: Number.isFinite(expiresIn) && expiresIn > 0 ? Math.floor(Date.now() / 1000) + Math.floor(expiresIn) : undefined,
    });
    this.#user = next;
    this.#lifetime = next.expires_in;
    await this.#manager.storeUser(next);
  }
}
