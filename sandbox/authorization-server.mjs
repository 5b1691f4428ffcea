// The sandbox's authorization server: oidc-provider 9 (a certified OpenID Provider) configured for
// SMART App Launch 2 — public client, authorization code with PKCE S256 only, refresh tokens that
// rotate on every use, `fhirUser` in the id_token, and the SMART launch context (`patient`,
// `encounter`, `need_patient_banner`, `smart_style_url`, `fhirContext`) added to token responses
// with oidc-provider's documented middleware hook (`provider.use`).
//
// SMART resource scopes (`patient/Consent.crus`) are not OpenID scopes, and oidc-provider 9 has no
// dynamic scopes: it grants and tracks only the static ones (`openid fhirUser launch …`). The
// resource scopes a user grants on the consent page — the requested ones, or narrowed to read-only —
// are kept here per grant (keyed by oidc-provider's grant id), reported in the token response's
// `scope`, and enforced by the sandbox's FHIR proxy (sandbox.mjs). Clients should leave `scope` out
// of refresh requests (RFC 6749 §6: the original grant then applies), as zorgkit's SmartAdapter does.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import Provider from 'oidc-provider';
import { errorPage, interactionPage, pageCsp, sendPage } from './pages.mjs';
import { narrowScopes, parseResourceScope } from './scopes.mjs';

/** The OpenID / SMART scopes oidc-provider itself knows. */
export const STATIC_SCOPES = ['openid', 'fhirUser', 'profile', 'launch', 'launch/patient', 'launch/encounter', 'offline_access', 'online_access'];

const MAX_FORM_BYTES = 16 * 1024;

/** Reads a urlencoded form body (at most 16 KB). Shared with sandbox.mjs. */
export function readForm(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_FORM_BYTES) {
        reject(new Error('form too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(new URLSearchParams(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}

/** A page of the authorization server: it also sends no referrer (its URLs carry the sign-in). */
function sendHtml(res, status, html) {
  sendPage(res, status, html, { 'Referrer-Policy': 'no-referrer' });
}

/**
 * Creates the authorization server (not yet listening: `handle(req, res)` serves `/oidc/*`).
 * @param {{ issuer: string, fhirUrl: string, clientId: string, redirectUris: string[],
 *   settings: { tokenTtlSeconds: number, refreshTokenTtlSeconds: number },
 *   accounts: Map<string, { id: string, label: string, fhirUser: string }>,
 *   patients: Map<string, object>, launches: Map<string, object>, onToken?: (req: object, info: object) => void }} options
 */
export function createAuthorizationServer({ issuer, fhirUrl, clientId, redirectUris, settings, accounts, patients, launches, onToken }) {
  const mountPath = new URL(issuer).pathname.replace(/\/$/, '');
  /** grant id → { resourceScopes, context } */
  const grants = new Map();
  const allowedOrigins = new Set(redirectUris.map((u) => new URL(u).origin));

  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: `sandbox-${randomBytes(4).toString('hex')}`, use: 'sig', alg: 'RS256' };

  const provider = new Provider(issuer, {
    clients: [{
      client_id: clientId,
      application_type: 'web',
      token_endpoint_auth_method: 'none',
      redirect_uris: redirectUris,
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
    }],
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    pkce: { required: () => true },
    responseTypes: ['code'],
    scopes: STATIC_SCOPES,
    claims: { openid: ['sub'], fhirUser: ['fhirUser'], profile: ['name'] },
    // SMART puts `fhirUser` in the id_token of a code flow; oidc-provider's default keeps scope
    // claims for the userinfo endpoint only.
    conformIdTokenClaims: false,
    extraParams: ['launch', 'aud'],
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      rpInitiatedLogout: { enabled: false },
    },
    interactions: { url: (_ctx, interaction) => `${mountPath}/interaction/${interaction.uid}` },
    // Every authorization asks the user (the launch context belongs to this request, not to an
    // earlier grant), so an earlier grant is never reused silently.
    loadExistingGrant: async (ctx) => {
      const grantId = ctx.oidc.result?.consent?.grantId;
      return grantId ? ctx.oidc.provider.Grant.find(grantId) : undefined;
    },
    issueRefreshToken: async (_ctx, client, code) => client.grantTypeAllowed('refresh_token')
      && (code.scopes.has('offline_access') || code.scopes.has('online_access')),
    rotateRefreshToken: () => true,
    clientBasedCORS: (_ctx, origin) => allowedOrigins.has(origin),
    findAccount: async (_ctx, sub) => {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return { accountId: sub, claims: async () => ({ sub, fhirUser: account.fhirUser, name: account.label }) };
    },
    ttl: {
      AccessToken: () => settings.tokenTtlSeconds,
      AuthorizationCode: 60,
      IdToken: 3600,
      Interaction: 600,
      Session: 8 * 3600,
      Grant: 8 * 3600,
      // A rotated refresh token lives only as long as the one it replaces: the chain expires.
      RefreshToken: (ctx) => ctx?.oidc?.entities.RotatedRefreshToken?.remainingTTL ?? settings.refreshTokenTtlSeconds,
    },
    renderError: async (ctx, out) => {
      ctx.type = 'html';
      ctx.set('Content-Security-Policy', pageCsp(ctx.res));
      ctx.body = errorPage('Authorization error', out.error_description ?? out.error ?? 'Unknown error');
    },
  });

  /** interaction uid → the scope parameter as the app sent it (oidc-provider keeps only static scopes). */
  const requestedScope = new Map();

  provider.use(async (ctx, next) => {
    const rawScope = ctx.method === 'GET' && ctx.path === '/auth' && typeof ctx.query.scope === 'string' ? ctx.query.scope : undefined;
    await next();
    const interaction = ctx.oidc?.entities?.Interaction;
    if (rawScope !== undefined && interaction?.uid) {
      requestedScope.set(interaction.uid, rawScope);
      if (requestedScope.size > 500) requestedScope.delete(requestedScope.keys().next().value);
    }
    // SMART launch context into token responses (authorization_code and refresh_token grants).
    if (ctx.oidc?.route !== 'token') return;
    onToken?.(ctx.req, { grantType: ctx.oidc.params?.grant_type, error: ctx.body?.error });
    if (ctx.status !== 200 || typeof ctx.body?.access_token !== 'string') return;
    const info = grants.get(ctx.oidc.entities.Grant?.jti);
    if (!info) return;
    const oidcScopes = String(ctx.body.scope ?? '').split(' ').filter(Boolean);
    const { patient, encounter, needPatientBanner, styleUrl, fhirContext } = info.context;
    ctx.body = {
      ...ctx.body,
      scope: [...oidcScopes, ...info.resourceScopes].join(' '),
      ...(patient ? { patient } : {}),
      ...(encounter ? { encounter } : {}),
      need_patient_banner: needPatientBanner,
      ...(styleUrl ? { smart_style_url: styleUrl } : {}),
      ...(fhirContext?.length ? { fhirContext } : {}),
    };
  });

  function requestedScopesOf(uid, params) {
    return String(requestedScope.get(uid) ?? params.scope ?? '').split(' ').filter(Boolean);
  }

  /** What is wrong with a SMART authorization request, or undefined. */
  function smartProblem(params) {
    const aud = String(params.aud ?? '').replace(/\/$/, '');
    if (aud !== fhirUrl) return `The aud parameter must be this sandbox's FHIR base URL (${fhirUrl}).`;
    const scopes = String(params.scope ?? '').split(' ');
    if (params.launch !== undefined) {
      if (!scopes.includes('launch')) return 'An EHR launch must request the launch scope.';
      const launch = launches.get(params.launch);
      if (!launch || launch.expires < Date.now()) return 'The launch id is unknown or has expired. Start again from the launcher.';
    }
    return undefined;
  }

  async function renderInteraction(req, res, error) {
    const details = await provider.interactionDetails(req, res);
    const { uid, params } = details;
    const problem = smartProblem(params);
    if (problem) {
      await provider.interactionFinished(req, res, { error: 'invalid_request', error_description: problem }, { mergeWithLastSubmission: false });
      return;
    }
    const scopes = requestedScopesOf(uid, params);
    const launch = params.launch ? launches.get(params.launch) : undefined;
    sendHtml(res, 200, interactionPage({
      uid,
      clientId: params.client_id,
      accounts: [...accounts.values()],
      scopes,
      launchPatient: launch?.patient ? patients.get(launch.patient) ?? { id: launch.patient } : undefined,
      pickPatient: !launch && scopes.includes('launch/patient') ? [...patients.values()] : undefined,
      error,
    }));
  }

  async function submitInteraction(req, res) {
    const form = await readForm(req);
    const { uid, params } = await provider.interactionDetails(req, res);
    if (form.get('decision') !== 'allow') {
      await provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'The user did not allow access.' }, { mergeWithLastSubmission: false });
      return;
    }
    const problem = smartProblem(params);
    if (problem) {
      await provider.interactionFinished(req, res, { error: 'invalid_request', error_description: problem }, { mergeWithLastSubmission: false });
      return;
    }
    const account = accounts.get(form.get('account') ?? '');
    if (!account) {
      await renderInteraction(req, res, 'Choose a user to sign in as.');
      return;
    }
    const requested = requestedScopesOf(uid, params);
    const launch = params.launch ? launches.get(params.launch) : undefined;
    let context;
    if (launch) {
      context = { ...launch };
    } else if (requested.includes('launch/patient')) {
      const patient = form.get('patient') ?? '';
      if (!patients.has(patient)) {
        await renderInteraction(req, res, 'Choose a patient.');
        return;
      }
      context = { patient, needPatientBanner: true };
    } else {
      context = { needPatientBanner: true };
    }
    const grant = new provider.Grant({ accountId: account.id, clientId: params.client_id });
    grant.addOIDCScope(requested.filter((s) => STATIC_SCOPES.includes(s)).join(' '));
    const grantId = await grant.save();
    const resourceScopes = narrowScopes(requested.filter((s) => parseResourceScope(s)), { readOnly: form.get('readonly') === 'true' });
    grants.set(grantId, {
      resourceScopes,
      context: {
        patient: context.patient,
        encounter: context.encounter,
        needPatientBanner: context.needPatientBanner !== false,
        styleUrl: context.styleUrl,
        fhirContext: context.fhirContext,
      },
    });
    await provider.interactionFinished(req, res, { login: { accountId: account.id }, consent: { grantId } }, { mergeWithLastSubmission: false });
  }

  const callback = provider.callback();

  /** Serves `/oidc/*`: the interaction pages here, everything else by oidc-provider. */
  async function handle(req, res, url) {
    const interaction = url.pathname.match(new RegExp(`^${mountPath}/interaction/([A-Za-z0-9_-]{1,64})$`));
    if (interaction) {
      try {
        if (req.method === 'GET') await renderInteraction(req, res);
        else if (req.method === 'POST') await submitInteraction(req, res);
        else sendHtml(res, 405, errorPage('Not allowed', 'This page only takes GET and POST.'));
      } catch (error) {
        if (!res.headersSent) {
          sendHtml(res, 400, errorPage('Sign-in expired', `This sign-in can no longer be completed (${error?.name ?? 'error'}). Start the launch again.`));
        }
      }
      return;
    }
    req.originalUrl = req.url;
    req.url = req.url.slice(mountPath.length) || '/';
    callback(req, res);
  }

  /** The resource scopes and context of an access token (for the FHIR proxy), or undefined. */
  async function inspectAccessToken(value) {
    const token = await provider.AccessToken.find(value);
    if (!token || token.isExpired) return undefined;
    const info = grants.get(token.grantId);
    return { scopes: info?.resourceScopes ?? [], context: info?.context ?? {}, accountId: token.accountId, clientId: token.clientId };
  }

  return { provider, handle, inspectAccessToken, grants };
}
