// The local SMART sandbox, fully offline on 127.0.0.1:
//
//   http://127.0.0.1:<fhirPort>/fhir         the open FHIR R4 server with the demo data (no token;
//                                             the demo's "local FHIR server" mode, SANDBOX_FHIR_URL)
//   http://127.0.0.1:<port>/fhir             the same data behind SMART: a valid bearer token is
//                                             required (`requireToken`), scopes are enforced; this
//                                             is the `iss` of every launch
//   http://127.0.0.1:<port>/fhir/.well-known/smart-configuration
//   http://127.0.0.1:<port>/oidc             the authorization server (oidc-provider)
//   http://127.0.0.1:<port>/launcher/        the launcher page: EHR and standalone launches
//
//   import { startSandbox } from './sandbox/sandbox.mjs';
//   const sandbox = await startSandbox({ port: 0, fhirPort: 0, appUrl: 'http://localhost:8000/demo/' });
//   sandbox.smartFhirUrl, sandbox.fhirUrl, sandbox.launcherUrl, sandbox.createLaunch({ patient: '…' })
//   sandbox.stats.token.count({ grantType: 'refresh_token' }); sandbox.stats.reset(); await sandbox.close();
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { answerPreflight, listen, setCorsHeaders, startFhirServer } from '../test/servers/fhir-server.mjs';
import { createAuthorizationServer, STATIC_SCOPES, readForm } from './authorization-server.mjs';
import { errorPage, launcherPage, sendPage, SANDBOX_CSS } from './pages.mjs';
import { isAllowedHostHeader } from '../scripts/dev-server-guard.mjs';
import { allows, requiredPermission } from './scopes.mjs';

export const DEFAULT_PORT = 8091;
export const DEFAULT_FHIR_PORT = 8090;
export const DEFAULT_CLIENT_ID = 'zorgkit-demo';
export const DEFAULT_APP_URLS = [
  'http://localhost:8000/demo/', 'http://localhost:8000/sandbox/app/', 'http://127.0.0.1:8000/demo/', 'http://127.0.0.1:8000/sandbox/app/',
];

/** The SMART capabilities the sandbox offers (its smart-configuration). */
export const CAPABILITIES = [
  'launch-ehr', 'launch-standalone', 'client-public', 'context-ehr-patient', 'context-ehr-encounter',
  'context-standalone-patient', 'context-passthrough-banner', 'context-passthrough-style', 'permission-v2',
  'permission-v1', 'permission-patient', 'permission-user', 'permission-offline', 'permission-online',
  'sso-openid-connect', 'authorize-get',
];

/** The style document the launcher can offer as `smart_style_url` (SMART's keys, fictional EHR look). */
export const SANDBOX_STYLE = {
  color_background: '#f6f8f4',
  color_error: '#a4161a',
  color_highlight: '#2f6b3a',
  color_modal_backdrop: 'rgba(20, 30, 20, 0.55)',
  color_success: '#2f6b3a',
  color_text: '#1d2a1f',
  dim_border_radius: '6px',
  dim_font_size: '16px',
  dim_spacing_size: '10px',
  font_family_body: "Georgia, 'Times New Roman', serif",
  font_family_heading: "Georgia, 'Times New Roman', serif",
};

const LAUNCH_TTL_MS = 10 * 60 * 1000;

function practitionerLabel(resource) {
  const name = resource.name?.[0];
  const text = name?.text ?? [...(name?.prefix ?? []), ...(name?.given ?? []), name?.family].filter(Boolean).join(' ');
  return text || resource.id;
}

function sendJson(res, status, body, extra = {}) {
  setCorsHeaders(res);
  const text = JSON.stringify(body, null, 2);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...extra });
  res.end(text);
}

function sendOutcome(res, status, code, text, extra = {}) {
  sendJson(res, status, {
    resourceType: 'OperationOutcome',
    issue: [{ severity: 'error', code, details: { text } }],
  }, { 'Content-Type': 'application/fhir+json; charset=utf-8', ...extra });
}

/** A request log with counting helpers. */
function requestLog() {
  return {
    requests: [],
    reset() { this.requests.length = 0; },
    /** Requests matching every given field (e.g. `{ grantType: 'refresh_token' }`). */
    filter(match = {}) {
      return this.requests.filter((r) => Object.entries(match).every(([k, v]) => r[k] === v));
    },
    count(match) { return this.filter(match).length; },
  };
}

/**
 * Starts the sandbox.
 * @param {{ host?: string, port?: number, fhirPort?: number, appUrl?: string | string[], clientId?: string,
 *   tokenTtlSeconds?: number, refreshTokenTtlSeconds?: number, requireToken?: boolean, seed?: object,
 *   log?: boolean }} [options]
 *   port: the SMART side (authorization server, protected FHIR base, launcher), 0 for a free port.
 *   fhirPort: the open FHIR server, 0 for a free port.
 *   appUrl: the app's redirect URI(s), registered for the public client (exact match).
 *   tokenTtlSeconds / refreshTokenTtlSeconds: lifetimes; `settings` changes them for later tokens.
 *   requireToken (default true): the SMART FHIR base answers 401 without a valid token.
 *   frameAncestors: who may show the sandbox's pages (the sign-in) in a frame, e.g.
 *     `http://127.0.0.1:9000` for an EHR page that opens apps in an iframe (default: nobody).
 */
export async function startSandbox({
  host = '127.0.0.1',
  port = DEFAULT_PORT,
  fhirPort = DEFAULT_FHIR_PORT,
  appUrl = DEFAULT_APP_URLS,
  clientId = DEFAULT_CLIENT_ID,
  tokenTtlSeconds = 300,
  refreshTokenTtlSeconds = 3600,
  requireToken = true,
  seed,
  log = false,
  frameAncestors,
} = {}) {
  if (frameAncestors !== undefined && !/^[\w'*:/.\- ]+$/.test(frameAncestors)) throw new Error(`frameAncestors: not a CSP source list: ${frameAncestors}`);
  const bundle = seed ?? (await import('../demo/data/demo-data.js')).demoBundle;
  const redirectUris = [...new Set((Array.isArray(appUrl) ? appUrl : [appUrl]).map((u) => new URL(u).href))];
  const settings = { tokenTtlSeconds, refreshTokenTtlSeconds, requireToken };

  const resources = (bundle.entry ?? []).map((e) => e.resource).filter(Boolean);
  const patients = new Map(resources.filter((r) => r.resourceType === 'Patient').map((r) => [r.id, r]));
  // The open FHIR server (no token): only the registered apps' pages may call it from a browser.
  const fhir = await startFhirServer({ port: fhirPort, host, seed: bundle, log, allowedOrigins: redirectUris });

  const server = http.createServer();
  let actualPort;
  try {
    actualPort = await listen(server, port, host);
  } catch (error) {
    await fhir.close();
    throw error;
  }
  const origin = `http://${host}:${actualPort}`;
  const smartFhirUrl = `${origin}/fhir`;
  const issuer = `${origin}/oidc`;
  const launcherUrl = `${origin}/launcher/`;
  const styleUrl = `${origin}/launcher/smart-style.json`;

  const accounts = new Map(resources.filter((r) => r.resourceType === 'Practitioner').map((r) => [r.id, {
    id: r.id, label: practitionerLabel(r), fhirUser: `${smartFhirUrl}/Practitioner/${r.id}`,
  }]));
  if (accounts.size === 0) accounts.set('sandbox-user', { id: 'sandbox-user', label: 'Sandbox user', fhirUser: `${smartFhirUrl}/Practitioner/sandbox-user` });

  const stats = {
    token: requestLog(),
    fhir: requestLog(),
    reset() { this.token.reset(); this.fhir.reset(); },
  };

  /** token endpoint request → its stats record */
  const tokenRecords = new WeakMap();
  /** launch id → { patient, encounter, needPatientBanner, styleUrl, fhirContext, expires } */
  const launches = new Map();
  const as = createAuthorizationServer({
    issuer, fhirUrl: smartFhirUrl, clientId, redirectUris, settings, accounts, patients, launches,
    onToken: (req, info) => {
      if (tokenRecords.has(req)) Object.assign(tokenRecords.get(req), info);
    },
  });

  /**
   * Creates an EHR launch id bound to a context.
   * @param {{ patient?: string, encounter?: string, needPatientBanner?: boolean, style?: boolean,
   *   styleUrl?: string, fhirContext?: object[] }} context
   */
  function createLaunch({ patient, encounter, needPatientBanner = true, style = false, styleUrl: customStyle, fhirContext } = {}) {
    for (const [id, l] of launches) if (l.expires < Date.now()) launches.delete(id);
    const id = randomBytes(16).toString('base64url');
    launches.set(id, {
      patient, encounter, needPatientBanner, styleUrl: customStyle ?? (style ? styleUrl : undefined), fhirContext, expires: Date.now() + LAUNCH_TTL_MS,
    });
    return id;
  }

  /** The URL that starts a launch of `app`: EHR (with a launch id) or standalone. */
  function launchUrl(app, launch) {
    const url = new URL(app);
    if (launch) {
      url.searchParams.set('iss', smartFhirUrl);
      url.searchParams.set('launch', launch);
    } else {
      url.searchParams.set('smart', 'standalone');
      url.searchParams.set('iss', smartFhirUrl);
    }
    return url.href;
  }

  function smartConfiguration() {
    return {
      issuer,
      jwks_uri: as.provider.urlFor('jwks'),
      authorization_endpoint: as.provider.urlFor('authorization'),
      token_endpoint: as.provider.urlFor('token'),
      revocation_endpoint: as.provider.urlFor('revocation'),
      userinfo_endpoint: as.provider.urlFor('userinfo'),
      grant_types_supported: ['authorization_code', 'refresh_token'],
      response_types_supported: ['code'],
      token_endpoint_auth_methods_supported: ['none'],
      code_challenge_methods_supported: ['S256'],
      // oidc-provider sends `iss` with every authorization response (RFC 9207).
      authorization_response_iss_parameter_supported: true,
      scopes_supported: [...STATIC_SCOPES, 'patient/*.cruds', 'patient/*.rs', 'user/*.cruds', 'user/*.rs'],
      capabilities: CAPABILITIES,
    };
  }

  /** The protected FHIR base: token check, scope check, then a proxy to the FHIR server. */
  async function handleSmartFhir(req, res, url) {
    const relPath = url.pathname.slice('/fhir'.length).replace(/^\/+/, '');
    if (req.method === 'OPTIONS') {
      answerPreflight(res);
      return;
    }
    if (relPath === '.well-known/smart-configuration') {
      sendJson(res, 200, smartConfiguration());
      return;
    }
    const record = { method: req.method, path: url.pathname + url.search, authorization: req.headers.authorization ? 'sent' : 'none', status: 0 };
    stats.fhir.requests.push(record);
    res.on('finish', () => { record.status = res.statusCode; });
    if (relPath !== 'metadata' && settings.requireToken) {
      const match = /^Bearer ([A-Za-z0-9\-._~+/]+=*)$/.exec(req.headers.authorization ?? '');
      const token = match ? await as.inspectAccessToken(match[1]) : undefined;
      if (!token) {
        record.authorization = match ? 'invalid' : 'none';
        sendOutcome(res, 401, 'login', 'A valid access token is required. Sign in again.', {
          'WWW-Authenticate': match ? 'Bearer realm="zorgkit-sandbox", error="invalid_token"' : 'Bearer realm="zorgkit-sandbox"',
        });
        return;
      }
      record.authorization = 'valid';
      const need = requiredPermission(req.method, relPath);
      if (!need || !allows(token.scopes.join(' '), need.type, need.permission)) {
        sendOutcome(res, 403, 'forbidden', 'The access granted to this app does not cover this request.', {
          'WWW-Authenticate': 'Bearer realm="zorgkit-sandbox", error="insufficient_scope"',
        });
        return;
      }
    }
    const headers = { ...req.headers, host: `${host}:${fhir.port}`, 'x-forwarded-host': `${host}:${actualPort}`, 'x-forwarded-proto': 'http' };
    delete headers.authorization;
    const upstream = http.request({ host, port: fhir.port, method: req.method, path: req.url, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => {
      if (!res.headersSent) sendOutcome(res, 502, 'transient', 'The sandbox FHIR server did not answer.');
      else res.destroy();
    });
    req.pipe(upstream);
  }

  async function handleLauncher(req, res, url) {
    if (url.pathname === '/launcher/sandbox.css') {
      res.writeHead(200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'no-cache' });
      res.end(SANDBOX_CSS);
    } else if (url.pathname === '/launcher/smart-style.json') {
      if (req.method === 'OPTIONS') answerPreflight(res);
      else sendJson(res, 200, SANDBOX_STYLE);
    } else if (url.pathname === '/launcher/launch' && req.method === 'POST') {
      const form = await readForm(req);
      const app = form.get('app') ?? '';
      if (!redirectUris.includes(app)) {
        sendPage(res, 400, errorPage('Unknown app', 'Choose one of the registered apps.'));
        return;
      }
      let launch;
      if (form.get('mode') !== 'standalone') {
        const patient = form.get('patient') ?? '';
        if (!patients.has(patient)) {
          sendPage(res, 400, errorPage('Unknown patient', 'Choose a patient from the list.'));
          return;
        }
        launch = createLaunch({ patient, needPatientBanner: form.get('need_patient_banner') === 'true', style: form.get('style') === 'true' });
      }
      res.writeHead(303, { Location: launchUrl(app, launch), 'Cache-Control': 'no-store' });
      res.end();
    } else if (url.pathname === '/launcher/' || url.pathname === '/launcher/index.html') {
      sendPage(res, 200, launcherPage({ apps: redirectUris, patients: [...patients.values()], fhirUrl: smartFhirUrl }));
    } else {
      sendPage(res, 404, errorPage('Not found', 'There is no such page in the sandbox.'));
    }
  }

  server.on('request', async (req, res) => {
    if (!isAllowedHostHeader(req.headers.host, [host])) {
      res.writeHead(421, { 'Content-Type': 'text/plain' }).end('This sandbox answers only requests for localhost.');
      return;
    }
    const url = new URL(req.url, origin);
    if (frameAncestors) res.zkFrameAncestors = frameAncestors;
    if (url.pathname === '/oidc/token' && req.method === 'POST') {
      const record = { grantType: undefined, status: 0, time: new Date().toISOString() };
      stats.token.requests.push(record);
      tokenRecords.set(req, record);
      res.on('finish', () => { record.status = res.statusCode; });
    }
    try {
      if (url.pathname === '/' || url.pathname === '/launcher') {
        res.writeHead(302, { Location: '/launcher/' });
        res.end();
      } else if (url.pathname === '/fhir' || url.pathname.startsWith('/fhir/')) {
        await handleSmartFhir(req, res, url);
      } else if (url.pathname === '/oidc' || url.pathname.startsWith('/oidc/')) {
        await as.handle(req, res, url);
      } else if (url.pathname.startsWith('/launcher/')) {
        await handleLauncher(req, res, url);
      } else {
        sendPage(res, 404, errorPage('Not found', 'There is no such page in the sandbox.'));
      }
    } catch (error) {
      if (log) console.error('[sandbox]', error);
      if (!res.headersSent) sendPage(res, 500, errorPage('Sandbox error', 'The sandbox ran into a problem.'));
      else res.destroy();
    }
    if (log) res.on('finish', () => console.log(`[sandbox] ${req.method} ${url.pathname} → ${res.statusCode}`));
  });
  server.keepAliveTimeout = 5000;

  return {
    origin,
    /** The open FHIR base (no token). */
    fhirUrl: fhir.url,
    /** The SMART-protected FHIR base: the `iss` of launches. */
    smartFhirUrl,
    issuer,
    launcherUrl,
    styleUrl,
    clientId,
    redirectUris,
    /** Mutable: `tokenTtlSeconds`, `refreshTokenTtlSeconds`, `requireToken` (apply to later tokens / requests). */
    settings,
    stats,
    fhir,
    provider: as.provider,
    createLaunch,
    launchUrl,
    async close() {
      await new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await fhir.close();
    },
  };
}
