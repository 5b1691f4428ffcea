import { expect } from '@open-wc/testing';
import {
  COMPONENT_SCOPES, SmartAdapter, SmartLaunchError, applySmartStyle, checkIss, completeSmartLaunch, detectSmartLaunch, restoreSmartAdapter,
  discoverSmartConfiguration, fetchSmartStyle, grantAllowsWrite, parseResourceScope, requestedScopes, startSmartLaunch,
  urlWithoutSmartParams, validateSmartStyle, type SmartAppOptions,
} from '../../src/adapters/smart.js';
import { launchContextFrom, pickLaunchFields } from '../../src/adapters/smart-session.js';
import { UnauthorizedError } from '../../src/core/errors.js';
import type { Patient } from '../../src/core/fhir.js';
import { ZkSessionExpiredEvent } from '../../src/events/session-expired.js';

// A fictional EHR, answered by a stubbed fetch: discovery, token endpoint, FHIR server.
const ISS = 'https://ehr.example.test/fhir';
const AUTH = 'https://ehr.example.test/auth';
const REDIRECT = 'https://app.example.test/launch/';
const PATIENT: Patient = { resourceType: 'Patient', id: 'pat-1', name: [{ family: 'Fictief', given: ['Fenna'] }] };

const b64url = (value: unknown) => btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const idToken = (claims: Record<string, unknown>) => `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url({
  iss: AUTH, aud: 'test-app', iat: Math.floor(Date.now() / 1000), exp: Math.floor(Date.now() / 1000) + 3600, sub: 'user-1', ...claims,
})}.sig`;
const json = (status: number, body: unknown, type = 'application/json') => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });

interface Call { url: string; method: string; authorization: string | null; credentials?: RequestCredentials; body?: URLSearchParams }

class FakeEhr {
  calls: Call[] = [];
  expiresIn = 3600;
  tokenCount = 0;
  /** What the token endpoint answers (default: a fresh token pair with SMART context). */
  tokenAnswer: (form: URLSearchParams) => Response = (form) => {
    this.tokenCount += 1;
    const initial = form.get('grant_type') === 'authorization_code';
    return json(200, {
      access_token: `at-${this.tokenCount}`,
      token_type: 'Bearer',
      expires_in: this.expiresIn,
      refresh_token: `rt-${this.tokenCount}`,
      scope: this.grantedScope,
      ...(initial ? {
        id_token: idToken({ fhirUser: `${ISS}/Practitioner/prac-7` }),
        patient: 'pat-1',
        encounter: 'enc-3',
        need_patient_banner: false,
        smart_style_url: 'https://ehr.example.test/style.json',
        fhirContext: [{ reference: 'Organization/org-2', role: 'https://example.test/role' }, { nonsense: true }],
      } : {}),
    });
  };
  grantedScope = `openid fhirUser launch online_access ${COMPONENT_SCOPES.join(' ')}`;
  /** Extra fields of the discovery document (`undefined` removes one). */
  discovery: Record<string, unknown> = {};
  /** Access tokens the FHIR server accepts. */
  validTokens = new Set<string>(['at-1']);
  acceptAnyToken = true;

  get tokenCalls(): Call[] {
    return this.calls.filter((c) => c.url === `${AUTH}/token`);
  }

  fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = input instanceof Request ? input.url : String(input);
    const headers = new Headers(init.headers);
    const call: Call = { url, method: init.method ?? 'GET', authorization: headers.get('Authorization'), credentials: init.credentials };
    if (init.body instanceof URLSearchParams) call.body = init.body;
    else if (typeof init.body === 'string' && url.endsWith('/token')) call.body = new URLSearchParams(init.body);
    this.calls.push(call);
    await Promise.resolve();
    if (url === `${ISS}/.well-known/smart-configuration`) {
      return json(200, {
        issuer: AUTH, authorization_endpoint: `${AUTH}/authorize`, token_endpoint: `${AUTH}/token`,
        code_challenge_methods_supported: ['S256'], capabilities: ['launch-ehr', 'launch-standalone', 'permission-v2'],
        ...this.discovery,
      });
    }
    if (url === `${AUTH}/token`) return this.tokenAnswer(call.body ?? new URLSearchParams());
    if (url.startsWith(`${ISS}/Patient/pat-1`)) {
      const token = /^Bearer (.+)$/.exec(call.authorization ?? '')?.[1];
      if (!token || (!this.acceptAnyToken && !this.validTokens.has(token))) return json(401, { resourceType: 'OperationOutcome', issue: [] }, 'application/fhir+json');
      return json(200, PATIENT, 'application/fhir+json');
    }
    if (url.startsWith('https://other.example.test/')) return json(200, { ...PATIENT, id: 'elsewhere' }, 'application/fhir+json');
    return json(404, { resourceType: 'OperationOutcome', issue: [] }, 'application/fhir+json');
  };
}

const realFetch = window.fetch;
let ehr: FakeEhr;
const options = (extra: Partial<SmartAppOptions> = {}): SmartAppOptions => ({
  clientId: 'test-app', redirectUri: REDIRECT, eventTarget: null, isAllowedIss: [ISS], ...extra,
});

/** Starts an EHR launch and answers it: the callback URL the authorization server would send back. */
async function authorize(extra: Partial<SmartAppOptions> = {}, launch: string | null = 'launch-xyz'): Promise<{ authorizeUrl: URL; callback: string }> {
  let target = '';
  await startSmartLaunch({ iss: ISS, launch: launch ?? undefined }, { ...options(extra), navigate: (u) => { target = u; } });
  const authorizeUrl = new URL(target);
  const callback = `${REDIRECT}?code=code-123&state=${encodeURIComponent(authorizeUrl.searchParams.get('state')!)}`;
  return { authorizeUrl, callback };
}

const pendingStateKeys = () => Object.keys(sessionStorage).filter((k) => k.startsWith('zk.smart.'));

describe('SmartAdapter (SMART App Launch 2 on oidc-client-ts)', () => {
  beforeEach(() => {
    ehr = new FakeEhr();
    window.fetch = ehr.fetch;
    sessionStorage.clear();
  });
  afterEach(() => {
    window.fetch = realFetch;
    sessionStorage.clear();
  });

  describe('the authorization request', () => {
    it('uses code + PKCE S256, a state of at least 128 random bits, aud = iss and the launch id', async () => {
      const { authorizeUrl } = await authorize();
      const p = authorizeUrl.searchParams;
      expect(`${authorizeUrl.origin}${authorizeUrl.pathname}`).to.equal(`${AUTH}/authorize`);
      expect(p.get('response_type')).to.equal('code');
      expect(p.get('code_challenge_method')).to.equal('S256');
      expect(p.get('code_challenge')).to.match(/^[A-Za-z0-9_-]{43}$/);
      expect(p.get('aud')).to.equal(ISS);
      expect(p.get('launch')).to.equal('launch-xyz');
      expect(p.get('client_id')).to.equal('test-app');
      expect(p.get('redirect_uri')).to.equal(REDIRECT);
      // oidc-client-ts' id (32 hex digits, 122 random bits) + our secret (22 base64url chars, 128 bits).
      expect(p.get('state')).to.match(/^[0-9a-f]{32};[A-Za-z0-9_-]{22}$/);
      const scopes = p.get('scope')!.split(' ');
      expect(scopes).to.include.members(['openid', 'fhirUser', 'launch', 'online_access', 'patient/Patient.rs', 'patient/Consent.crus']);
    });

    it('gives every launch a different state and PKCE challenge', async () => {
      const a = (await authorize()).authorizeUrl.searchParams;
      const b = (await authorize()).authorizeUrl.searchParams;
      expect(a.get('state')).not.to.equal(b.get('state'));
      expect(a.get('code_challenge')).not.to.equal(b.get('code_challenge'));
    });

    it('asks for launch/patient (not launch) in a standalone launch', async () => {
      const { authorizeUrl } = await authorize({}, null);
      const scopes = authorizeUrl.searchParams.get('scope')!.split(' ');
      expect(scopes).to.include('launch/patient');
      expect(scopes).not.to.include('launch');
      expect(authorizeUrl.searchParams.has('launch')).to.equal(false);
    });

    it('keeps the PKCE verifier in sessionStorage only while the redirect is under way, never in localStorage', async () => {
      const before = window.localStorage.length;
      await authorize();
      const keys = pendingStateKeys();
      expect(keys).to.have.length(1);
      expect(sessionStorage.getItem(keys[0])).to.contain('code_verifier');
      expect(window.localStorage.length).to.equal(before);
    });

    it('trusts no FHIR server by default: without isAllowedIss every launch fails (iss-not-configured), before any request', async () => {
      const error = await startSmartLaunch({ iss: ISS, launch: 'x' }, { clientId: 'test-app', redirectUri: REDIRECT, navigate: () => undefined }).then(() => undefined, (e: unknown) => e);
      expect(error).to.be.instanceOf(SmartLaunchError);
      expect((error as SmartLaunchError).code).to.equal('iss-not-configured');
      expect((error as SmartLaunchError).message).to.match(/administrator/);
      expect(ehr.calls).to.have.length(0);
    });

    it('a list of FHIR base URLs accepts exactly those (trailing slash aside), nothing beside or below them', () => {
      const list = { isAllowedIss: [`${ISS}/`] };
      expect(checkIss(ISS, list)).to.equal(ISS);
      expect(checkIss(`${ISS}/`, list)).to.equal(ISS);
      for (const other of [`${ISS}2`, `${ISS}/Patient`, 'https://ehr.example.test', 'https://evil.example.test/fhir', 'http://ehr.example.test/fhir']) {
        expect(() => checkIss(other, list), other).to.throw(SmartLaunchError);
      }
    });

    it('refuses an iss the app does not trust, before any request', async () => {
      let error: unknown;
      try {
        await startSmartLaunch({ iss: 'https://evil.example.test/fhir', launch: 'x' }, { ...options({ isAllowedIss: (u) => u.hostname === 'ehr.example.test' }), navigate: () => undefined });
      } catch (e) {
        error = e;
      }
      expect(error).to.be.instanceOf(SmartLaunchError);
      expect((error as SmartLaunchError).code).to.equal('iss-not-allowed');
      expect(ehr.calls).to.have.length(0);
    });
  });

  describe('the callback', () => {
    it('keeps the SMART launch context of the token response that oidc-client-ts 3.5.0 drops', async () => {
      const { callback } = await authorize();
      const adapter = await completeSmartLaunch(callback, options());
      expect(await adapter.launchContext()).to.deep.equal({
        patient: 'pat-1',
        encounter: 'enc-3',
        needPatientBanner: false,
        styleUrl: 'https://ehr.example.test/style.json',
        fhirContext: [{ reference: 'Organization/org-2', role: 'https://example.test/role' }],
        user: 'Practitioner/prac-7',
      });
    });

    it('exchanges the code once, with the PKCE verifier, and then forgets the verifier', async () => {
      const { callback } = await authorize();
      await completeSmartLaunch(callback, options());
      expect(ehr.tokenCalls).to.have.length(1);
      const form = ehr.tokenCalls[0].body!;
      expect(form.get('grant_type')).to.equal('authorization_code');
      expect(form.get('code')).to.equal('code-123');
      expect(form.get('code_verifier')).to.match(/^[A-Za-z0-9]{43,128}$/);
      expect(ehr.tokenCalls[0].credentials).to.equal('omit');
      expect(pendingStateKeys()).to.deep.equal([]);
    });

    it('keeps tokens out of sessionStorage and localStorage by default', async () => {
      const { callback } = await authorize();
      await completeSmartLaunch(callback, options());
      const stored = [...Object.values(sessionStorage), ...Object.values(window.localStorage)].join('\n');
      expect(stored).not.to.contain('at-1');
      expect(stored).not.to.contain('rt-1');
    });

    it('keeps tokens in sessionStorage only when the host opts in', async () => {
      const { callback } = await authorize({ tokenStorage: 'session' });
      await completeSmartLaunch(callback, options({ tokenStorage: 'session' }));
      expect(Object.values(sessionStorage).join('\n')).to.contain('at-1');
    });

    it('restores an opted-in session after a reload, and never a default (in-memory) one', async () => {
      const first = await authorize();
      await completeSmartLaunch(first.callback, options());
      expect(await restoreSmartAdapter(options({ tokenStorage: 'session' }))).to.equal(undefined);
      const second = await authorize({ tokenStorage: 'session' });
      await completeSmartLaunch(second.callback, options({ tokenStorage: 'session' }));
      const restored = await restoreSmartAdapter(options({ tokenStorage: 'session' }));
      expect((await restored!.launchContext()).patient).to.equal('pat-1');
      await restored!.read('Patient', 'pat-1');
      expect(ehr.calls.filter((c) => c.url.startsWith(`${ISS}/Patient`)).map((c) => c.authorization)).to.deep.equal(['Bearer at-2']);
      await restored!.signOut();
      expect(await restoreSmartAdapter(options({ tokenStorage: 'session' }))).to.equal(undefined);
    });

    it('refuses a replayed callback without calling the token endpoint again', async () => {
      const { callback } = await authorize();
      await completeSmartLaunch(callback, options());
      let error: unknown;
      try {
        await completeSmartLaunch(callback, options());
      } catch (e) {
        error = e;
      }
      expect((error as SmartLaunchError).code).to.equal('invalid-state');
      expect(ehr.tokenCalls).to.have.length(1);
    });

    it('refuses a callback with a state it did not send, with zero token requests', async () => {
      await authorize();
      let error: unknown;
      try {
        await completeSmartLaunch(`${REDIRECT}?code=code-123&state=${'0'.repeat(32)}`, options());
      } catch (e) {
        error = e;
      }
      expect((error as SmartLaunchError).code).to.equal('invalid-state');
      expect(ehr.tokenCalls).to.have.length(0);
    });

    it('refuses a callback whose state secret was tampered with, with zero token requests', async () => {
      const { authorizeUrl } = await authorize();
      const [id] = authorizeUrl.searchParams.get('state')!.split(';');
      let error: unknown;
      try {
        await completeSmartLaunch(`${REDIRECT}?code=code-123&state=${id};${'A'.repeat(22)}`, options());
      } catch (e) {
        error = e;
      }
      expect((error as SmartLaunchError).code).to.equal('invalid-state');
      expect(ehr.tokenCalls).to.have.length(0);
      expect(pendingStateKeys()).to.deep.equal([]);
    });

    it('reports a denied authorization without a token request', async () => {
      const { authorizeUrl } = await authorize();
      let error: unknown;
      try {
        await completeSmartLaunch(`${REDIRECT}?error=access_denied&state=${encodeURIComponent(authorizeUrl.searchParams.get('state')!)}`, options());
      } catch (e) {
        error = e;
      }
      expect((error as SmartLaunchError).code).to.equal('access-denied');
      expect(ehr.tokenCalls).to.have.length(0);
    });

    for (const [oauthError, code] of [['invalid_client', 'client-not-registered'], ['unauthorized_client', 'client-not-registered'], ['invalid_scope', 'scope-refused'], ['invalid_request', 'invalid-request'], ['server_error', 'authorization-failed']]) {
      it(`keeps the server's ${oauthError} and its description, as a launch error of its own (${code})`, async () => {
        const { authorizeUrl } = await authorize();
        const state = encodeURIComponent(authorizeUrl.searchParams.get('state')!);
        const error = await completeSmartLaunch(`${REDIRECT}?error=${oauthError}&error_description=${encodeURIComponent('Said by the server')}&state=${state}`, options()).then(() => undefined, (e: unknown) => e) as SmartLaunchError;
        expect(error.code).to.equal(code);
        expect(error.oauthError).to.equal(oauthError);
        expect(error.oauthErrorDescription).to.equal('Said by the server');
        expect(ehr.tokenCalls).to.have.length(0);
      });
    }

    it('refuses an answer with an iss when the server it was started with named no issuer (mix-up), with zero token requests', async () => {
      ehr.discovery = { issuer: undefined };
      const { callback } = await authorize();
      const error = await completeSmartLaunch(`${callback}&iss=${encodeURIComponent('https://real-ehr.example.test/auth')}`, options()).then(() => undefined, (e: unknown) => e);
      expect((error as SmartLaunchError).code).to.equal('issuer-mismatch');
      expect(ehr.tokenCalls).to.have.length(0);
    });

    it('refuses an answer without iss from a server that advertises authorization_response_iss_parameter_supported', async () => {
      ehr.discovery = { authorization_response_iss_parameter_supported: true };
      const { callback } = await authorize();
      const error = await completeSmartLaunch(callback, options()).then(() => undefined, (e: unknown) => e);
      expect((error as SmartLaunchError).code).to.equal('issuer-mismatch');
      expect(ehr.tokenCalls).to.have.length(0);
      // With the right iss, the same kind of launch completes.
      const again = await authorize();
      const adapter = await completeSmartLaunch(`${again.callback}&iss=${encodeURIComponent(AUTH)}`, options());
      expect((await adapter.launchContext()).patient).to.equal('pat-1');
    });

    it('uses the token endpoint of the server the launch was started with, even if discovery changes meanwhile', async () => {
      const { callback } = await authorize();
      ehr.discovery = { token_endpoint: 'https://evil.example.test/token', issuer: 'https://evil.example.test' };
      await completeSmartLaunch(callback, options());
      expect(ehr.calls.filter((c) => c.url.startsWith('https://evil.example.test'))).to.deep.equal([]);
      expect(ehr.tokenCalls).to.have.length(1);
    });

    it('refuses an answer whose iss (RFC 9207) is not the authorization server', async () => {
      const { callback } = await authorize();
      let error: unknown;
      try {
        await completeSmartLaunch(`${callback}&iss=${encodeURIComponent('https://mixup.example.test')}`, options());
      } catch (e) {
        error = e;
      }
      expect((error as SmartLaunchError).code).to.equal('issuer-mismatch');
      expect(ehr.tokenCalls).to.have.length(0);
    });
  });

  describe('requests and token renewal', () => {
    async function launched(extra: Partial<SmartAppOptions> = {}): Promise<SmartAdapter> {
      const { callback } = await authorize(extra);
      return completeSmartLaunch(callback, options(extra));
    }

    it('sends the access token to the FHIR server', async () => {
      const adapter = await launched();
      const patient = await adapter.read<Patient>('Patient', 'pat-1');
      expect(patient.id).to.equal('pat-1');
      const call = ehr.calls.find((c) => c.url.startsWith(`${ISS}/Patient`))!;
      expect(call.authorization).to.equal('Bearer at-1');
      expect(call.credentials).to.equal('omit');
    });

    it('never sends the Authorization header to another origin', async () => {
      const adapter = await launched();
      const other = await adapter.readUrl<Patient>('https://other.example.test/fhir/Patient/elsewhere');
      expect(other.id).to.equal('elsewhere');
      const call = ehr.calls.find((c) => c.url.startsWith('https://other.example.test/'))!;
      expect(call.authorization).to.equal(null);
      expect(call.credentials).to.equal('omit');
    });

    it('renews an expired token once for ten concurrent requests, without sending scope, and rotates the refresh token', async () => {
      ehr.expiresIn = 1;
      const adapter = await launched();
      await new Promise((r) => setTimeout(r, 1100));
      const results = await Promise.all(Array.from({ length: 10 }, () => adapter.read<Patient>('Patient', 'pat-1')));
      expect(results.map((p) => p.id)).to.deep.equal(Array(10).fill('pat-1'));
      const refreshes = ehr.tokenCalls.filter((c) => c.body?.get('grant_type') === 'refresh_token');
      expect(refreshes).to.have.length(1);
      expect(refreshes[0].body!.get('refresh_token')).to.equal('rt-1');
      expect(refreshes[0].body!.has('scope')).to.equal(false);
      expect(ehr.calls.filter((c) => c.url.startsWith(`${ISS}/Patient`)).map((c) => c.authorization)).to.deep.equal(Array(10).fill('Bearer at-2'));
      await new Promise((r) => setTimeout(r, 1100));
      await adapter.read('Patient', 'pat-1');
      const second = ehr.tokenCalls.filter((c) => c.body?.get('grant_type') === 'refresh_token');
      expect(second.map((c) => c.body!.get('refresh_token'))).to.deep.equal(['rt-1', 'rt-2']);
    });

    it('renews once on a 401 shared by concurrent requests, then retries them with the new token', async () => {
      const adapter = await launched();
      ehr.acceptAnyToken = false;
      ehr.validTokens = new Set(['at-2']);
      const results = await Promise.all(Array.from({ length: 5 }, () => adapter.read<Patient>('Patient', 'pat-1')));
      expect(results).to.have.length(5);
      expect(ehr.tokenCalls.filter((c) => c.body?.get('grant_type') === 'refresh_token')).to.have.length(1);
    });

    it('ends the session on invalid_grant: event, subscribers, tokens cleared, UnauthorizedError without a request', async () => {
      ehr.expiresIn = 1;
      const target = new EventTarget();
      const adapter = await launched({ eventTarget: target, tokenStorage: 'session' });
      const events: ZkSessionExpiredEvent[] = [];
      target.addEventListener(ZkSessionExpiredEvent.eventName, (e) => events.push(e as ZkSessionExpiredEvent));
      const notified: string[] = [];
      adapter.subscribe((type) => notified.push(type));
      ehr.tokenAnswer = () => json(400, { error: 'invalid_grant', error_description: 'refresh token expired' });
      await new Promise((r) => setTimeout(r, 1100));
      let error: unknown;
      try {
        await adapter.read('Patient', 'pat-1');
      } catch (e) {
        error = e;
      }
      expect(error).to.be.instanceOf(UnauthorizedError);
      expect(events.map((e) => e.detail.reason)).to.deep.equal(['refresh-failed']);
      expect(notified).to.deep.equal(['session-expired']);
      expect(adapter.ended).to.equal(true);
      expect(adapter.canWrite('Consent')).to.equal(false);
      expect(Object.values(sessionStorage).join('\n')).not.to.contain('at-1');
      const before = ehr.calls.length;
      try {
        await adapter.read('Patient', 'pat-1');
      } catch (e) {
        error = e;
      }
      expect(error).to.be.instanceOf(UnauthorizedError);
      expect(ehr.calls.length).to.equal(before);
    });

    it('reads the granted scopes: Consent is read-only when the grant has no c on it', async () => {
      ehr.grantedScope = 'openid fhirUser launch patient/Patient.rs patient/Consent.rs';
      const adapter = await launched();
      expect(adapter.grantedScopes).to.include('patient/Consent.rs');
      expect(adapter.canWrite('Consent')).to.equal(false);
      expect(adapter.canWrite('Patient')).to.equal(false);
    });

    it('lets Consent be written when the grant has c on it', async () => {
      const adapter = await launched();
      expect(adapter.canWrite('Consent')).to.equal(true);
      expect(adapter.canWrite('Patient')).to.equal(false);
    });
  });
});

describe('SMART helpers', () => {
  it('parses v2 and v1 resource scopes', () => {
    expect([...parseResourceScope('patient/Consent.crus')!.permissions]).to.deep.equal(['c', 'r', 'u', 's']);
    expect([...parseResourceScope('user/*.read')!.permissions]).to.deep.equal(['r', 's']);
    expect(parseResourceScope('patient/Consent.rc')).to.equal(undefined);
    expect(parseResourceScope('launch/patient')).to.equal(undefined);
    expect(parseResourceScope('patient/Consent.')).to.equal(undefined);
  });

  it('allows writing only with a c permission on the type or on *', () => {
    expect(grantAllowsWrite('patient/Consent.rs', 'Consent')).to.equal(false);
    expect(grantAllowsWrite('patient/Consent.crus', 'Consent')).to.equal(true);
    expect(grantAllowsWrite('user/*.cruds', 'Consent')).to.equal(true);
    expect(grantAllowsWrite('patient/Consent.write', 'Consent')).to.equal(true);
    expect(grantAllowsWrite('patient/Patient.c', 'Consent')).to.equal(false);
    expect(grantAllowsWrite(undefined, 'Consent')).to.equal(false);
  });

  it('asks read-only scopes when told to', () => {
    expect(requestedScopes({ launch: 'ehr', readOnly: true })).to.include('patient/Consent.rs');
    expect(requestedScopes({ launch: 'ehr', readOnly: true }).some((s) => /\.c/.test(s))).to.equal(false);
  });

  it('tells an EHR launch, a standalone link and a callback apart', () => {
    expect(detectSmartLaunch('https://a.test/?iss=https%3A%2F%2Fb.test%2Ffhir&launch=L1')).to.deep.equal({ kind: 'ehr', iss: 'https://b.test/fhir', launch: 'L1' });
    expect(detectSmartLaunch('https://a.test/?smart=standalone&iss=https%3A%2F%2Fb.test%2Ffhir')).to.deep.equal({ kind: 'standalone', iss: 'https://b.test/fhir' });
    expect(detectSmartLaunch('https://a.test/?code=c&state=s&iss=x')).to.deep.equal({ kind: 'callback' });
    expect(detectSmartLaunch('https://a.test/?error=access_denied&state=s')).to.deep.equal({ kind: 'callback' });
    expect(detectSmartLaunch('https://a.test/?patient=p1')).to.equal(undefined);
  });

  it('removes the SMART parameters from a URL and keeps the others', () => {
    expect(urlWithoutSmartParams('https://a.test/demo/?locale=en&code=c&state=s&iss=i&session_state=x')).to.equal('https://a.test/demo/?locale=en');
  });

  it('accepts https and local http FHIR servers only, and the host\'s own list', () => {
    const any = { isAllowedIss: () => true };
    expect(checkIss('https://b.test/fhir/', any)).to.equal('https://b.test/fhir');
    expect(checkIss('http://127.0.0.1:8091/fhir', any)).to.equal('http://127.0.0.1:8091/fhir');
    expect(() => checkIss('http://b.test/fhir', any)).to.throw(SmartLaunchError);
    expect(() => checkIss('https://b.test/fhir', {})).to.throw(SmartLaunchError);
    expect(() => checkIss('https://b.test/fhir', { isAllowedIss: () => false })).to.throw(SmartLaunchError);
  });

  it('refuses a server without PKCE S256 or with insecure endpoints', async () => {
    const serve = (doc: unknown) => () => Promise.resolve(json(200, doc));
    const base = { authorization_endpoint: 'https://b.test/a', token_endpoint: 'https://b.test/t' };
    const codes: string[] = [];
    for (const doc of [{ ...base, code_challenge_methods_supported: ['plain'] }, { ...base, token_endpoint: 'http://b.test/t', code_challenge_methods_supported: ['S256'] }]) {
      try {
        await discoverSmartConfiguration('https://b.test/fhir', { fetch: serve(doc) });
      } catch (e) {
        codes.push((e as SmartLaunchError).code);
      }
    }
    expect(codes).to.deep.equal(['pkce-unsupported', 'discovery-failed']);
  });

  it('keeps only well-formed launch context values', () => {
    const fields = pickLaunchFields({
      access_token: 'secret', patient: 'Patient/p-9', encounter: '../../x', need_patient_banner: 'false',
      smart_style_url: 'http://evil.test/style.json', fhirContext: [{ reference: 'javascript:alert(1)' }, { reference: 'https://b.test/fhir/Location/l1' }],
    });
    expect(fields).not.to.have.property('access_token');
    expect(launchContextFrom(fields, 'https://b.test/fhir/Practitioner/u1', 'https://b.test/fhir')).to.deep.equal({
      patient: 'p-9', needPatientBanner: false, fhirContext: [{ reference: 'Location/l1' }], user: 'Practitioner/u1',
    });
  });
});

describe('smart_style_url (opt-in styling)', () => {
  it('keeps colours, lengths and font lists; drops everything else', () => {
    expect(validateSmartStyle({
      color_background: '#ffffff', color_text: 'rgb(20, 20, 20)', color_highlight: 'red;background:url(x)',
      dim_border_radius: '6px', dim_font_size: '999px', dim_spacing_size: 'var(--x)',
      font_family_body: "Georgia, 'Times New Roman', serif", font_family_heading: 'x{}', color_error: '#b00020', extra: '#000',
    })).to.deep.equal({
      color_background: '#ffffff', color_text: 'rgb(20, 20, 20)', dim_border_radius: '6px', font_family_body: "Georgia, 'Times New Roman', serif", color_error: '#b00020',
    });
  });

  it('drops text and background colours that would be hard to read together', () => {
    expect(validateSmartStyle({ color_background: '#ffffff', color_text: '#eeeeee' })).to.deep.equal({});
  });

  it('maps the style onto --zk-* properties', () => {
    const el = document.createElement('div');
    const set = applySmartStyle(el, { color_highlight: '#2f6b3a', dim_spacing_size: '10px', font_family_body: 'Georgia, serif' });
    expect(set).to.have.members(['--zk-color-accent', '--zk-color-focus', '--zk-space', '--zk-font-family']);
    expect(el.style.getPropertyValue('--zk-color-accent')).to.equal('#2f6b3a');
    expect(el.style.getPropertyValue('--zk-space')).to.equal('10px');
  });

  it('fetches the document without credentials or token, and ignores a failing or oversized one', async () => {
    const seen: RequestInit[] = [];
    const ok = await fetchSmartStyle('https://ehr.test/style.json', {
      fetch: (_u, init) => { seen.push(init!); return Promise.resolve(json(200, { color_success: '#1e7b34' })); },
    });
    expect(ok).to.deep.equal({ color_success: '#1e7b34' });
    expect(seen[0].credentials).to.equal('omit');
    expect(new Headers(seen[0].headers).has('Authorization')).to.equal(false);
    expect(await fetchSmartStyle('https://ehr.test/style.json', { fetch: () => Promise.resolve(json(404, {})) })).to.deep.equal({});
    expect(await fetchSmartStyle('https://ehr.test/style.json', { fetch: () => Promise.resolve(new Response('x'.repeat(20000))) })).to.deep.equal({});
    expect(await fetchSmartStyle('http://ehr.test/style.json', { fetch: () => Promise.resolve(json(200, { color_success: '#1e7b34' })) })).to.deep.equal({});
  });
});
