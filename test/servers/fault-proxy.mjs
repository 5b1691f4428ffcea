// A fault-injecting HTTP proxy on 127.0.0.1 in front of the FHIR test server (or any HTTP server).
// Everything is forwarded unchanged (status, headers, body), except that absolute URLs of the
// target in response bodies and in Location / Content-Location headers are rewritten to the
// proxy, so following Bundle.link `next` stays on the proxy. Browser tests and Node scripts
// queue faults through a CORS-enabled control API:
//
//   POST   /__fault      { match?: { method?, pathIncludes? }, times?: 1, fault }   (or an array)
//   GET    /__fault      → { rules: [...] }            pending rules
//   DELETE /__fault      → { ok: true, cleared: n }    clears the rules
//   DELETE /__fault/<id> → { ok: true, cleared: 0|1 }  removes one rule (a test's own)
//   GET    /__fault/log  → { total, entries: [...] }   what the proxy did, oldest first
//   DELETE /__fault/log  → { ok: true }                clears the log
//
// fault (one of, `delayMs` may be combined with the others):
//   { status: 500|503|429|401|403|…, retryAfter?: '3' | '<HTTP date>',
//     body?: 'operation-outcome' (default) | 'html' | 'empty' | 'invalid-json', headers?: {} }
//       → answered by the proxy; the request never reaches the server.
//   { delayMs, phase?: 'before' (default) | 'after' }
//       'before': wait, then forward (not forwarded if the client gave up meanwhile: the log
//                 entry then says action 'client-gone' as soon as the client disconnects);
//       'after':  forward at once (the server commits), answer after the wait.
//   { drop: 'before' }        → destroy the client socket; nothing is forwarded.
//   { drop: 'after-commit' }  → forward, let the server answer (it committed), then destroy the
//                               client socket without answering.
//   { stripHeaders: ['if-none-exist'] } → forward without those request headers (a server that
//                               ignores them); may be combined with drop: 'after-commit'.
//   { status, json: {…} }     → answer with that JSON body (e.g. a CapabilityStatement of another server).
// Each log entry says whether the request carried an Authorization header (authorization: 'sent' | 'none').
// Rules are used in the order queued; the first pending rule that matches takes the request.
// OPTIONS (CORS preflight) requests are only matched by rules with match.method 'OPTIONS', so a
// fault meant for a POST does not break its preflight. Paths starting with /__ (the server's
// /__stats and /__reset) are forwarded but never faulted. times: -1 (or 'always') = every time.
// By default every response carries `Connection: close`, so a browser never re-sends a dropped
// request on a re-used keep-alive connection (Chromium silently retries those).
import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { answerPreflight, listen, originOf, setCorsHeaders } from './fhir-server.mjs';

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer', 'proxy-authorization', 'proxy-authenticate']);
const BODY_KINDS = new Set(['operation-outcome', 'html', 'empty', 'invalid-json']);
const MAX_LOG = 2000;

/** The HTML body of `{ body: 'html' }`: an nginx-style error page with a script that must never run. */
export function faultHtml(status) {
  const title = `${status} ${http.STATUS_CODES[status] ?? 'Error'}`;
  return `<!DOCTYPE html>
<html>
<head><title>${title}</title>
<script>window.__zkInjectedHtmlRan = true; document.title = 'injected';</script>
</head>
<body>
<center><h1>${title}</h1></center>
<hr><center>nginx/1.25.3</center>
<img src="x" onerror="window.__zkInjectedHtmlRan = true" alt="">
</body>
</html>
`;
}

const OUTCOME_CODES = { 400: 'invalid', 401: 'login', 403: 'forbidden', 404: 'not-found', 409: 'conflict', 410: 'deleted', 412: 'conflict', 422: 'processing', 429: 'throttled', 500: 'exception', 502: 'transient', 503: 'transient', 504: 'timeout' };

function faultOutcome(status) {
  return {
    resourceType: 'OperationOutcome',
    issue: [{
      severity: 'error',
      code: OUTCOME_CODES[status] ?? 'processing',
      details: { text: `${status} ${http.STATUS_CODES[status] ?? 'Error'}` },
      diagnostics: 'Injected by the zorgkit fault proxy',
    }],
  };
}

/** Validates and normalises a rule posted to /__fault; throws an Error with a readable message. */
function normaliseRule(input, id) {
  if (!input || typeof input !== 'object' || Array.isArray(input)) throw new Error('A rule must be an object { match?, times?, fault }');
  const { match = {}, times = 1, fault } = input;
  if (!fault || typeof fault !== 'object') throw new Error('rule.fault is required');
  if (match && typeof match !== 'object') throw new Error('rule.match must be an object');
  const { status, delayMs, drop, body, retryAfter, phase, headers, stripHeaders, json } = fault;
  if (status === undefined && delayMs === undefined && drop === undefined && stripHeaders === undefined) {
    throw new Error('rule.fault needs one of status, delayMs, drop, stripHeaders');
  }
  if (stripHeaders !== undefined && !(Array.isArray(stripHeaders) && stripHeaders.every((h) => typeof h === 'string'))) throw new Error('rule.fault.stripHeaders must be a list of header names');
  if (json !== undefined && (status === undefined || typeof json !== 'object')) throw new Error('rule.fault.json needs a status and an object');
  if (status !== undefined && drop !== undefined) throw new Error('rule.fault: status and drop exclude each other');
  if (status !== undefined && !(Number.isInteger(status) && status >= 100 && status <= 599)) throw new Error('rule.fault.status must be an HTTP status code');
  if (body !== undefined && !BODY_KINDS.has(body)) throw new Error(`rule.fault.body must be one of ${[...BODY_KINDS].join(', ')}`);
  if (delayMs !== undefined && !(typeof delayMs === 'number' && delayMs >= 0)) throw new Error('rule.fault.delayMs must be a number ≥ 0');
  if (phase !== undefined && phase !== 'before' && phase !== 'after') throw new Error("rule.fault.phase must be 'before' or 'after'");
  if (drop !== undefined && drop !== 'before' && drop !== 'after-commit') throw new Error("rule.fault.drop must be 'before' or 'after-commit'");
  if (headers !== undefined && (typeof headers !== 'object' || Array.isArray(headers))) throw new Error('rule.fault.headers must be an object');
  if (retryAfter !== undefined && typeof retryAfter !== 'string' && typeof retryAfter !== 'number') throw new Error('rule.fault.retryAfter must be a string');
  const unlimited = times === -1 || times === 'always';
  if (!unlimited && !(Number.isInteger(times) && times >= 1)) throw new Error("rule.times must be an integer ≥ 1, or -1 / 'always'");
  return {
    id,
    match: { ...(match.method ? { method: String(match.method).toUpperCase() } : {}), ...(match.pathIncludes ? { pathIncludes: String(match.pathIncludes) } : {}) },
    times: unlimited ? -1 : times,
    remaining: unlimited ? -1 : times,
    fault: { ...fault },
  };
}

function ruleMatches(rule, method, path) {
  if (method === 'OPTIONS' && rule.match.method !== 'OPTIONS') return false;
  if (rule.match.method && rule.match.method !== method) return false;
  if (rule.match.pathIncludes) {
    let decoded = path;
    try { decoded = decodeURIComponent(path); } catch { /* keep raw */ }
    if (!path.includes(rule.match.pathIncludes) && !decoded.includes(rule.match.pathIncludes)) return false;
  }
  return true;
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

const isTextual = (type) => /json|text|html|xml|javascript/i.test(type ?? '');

/**
 * Starts the fault proxy.
 * @param {{ target: string, port?: number, host?: string, keepAlive?: boolean }} options
 *   target: the server to forward to (its origin is used; a path such as /fhir is ignored).
 *   keepAlive (default false): allow keep-alive with clients (see the note on dropped requests).
 * @returns {Promise<{ url: string, origin: string, faultUrl: string, port: number,
 *   rules: object[], log: object[], addFault(rule: object): object, clearFaults(): void,
 *   clearLog(): void, close(): Promise<void> }>}
 */
export async function startFaultProxy({ target, port = 0, host = '127.0.0.1', keepAlive = false } = {}) {
  if (!target) throw new Error('startFaultProxy: target is required');
  const targetUrl = new URL(target);
  const targetOrigin = targetUrl.origin;
  const targetAliases = new Set([targetOrigin]);
  if (targetUrl.hostname === '127.0.0.1') targetAliases.add(`${targetUrl.protocol}//localhost:${targetUrl.port}`);
  if (targetUrl.hostname === 'localhost') targetAliases.add(`${targetUrl.protocol}//127.0.0.1:${targetUrl.port}`);

  const upstreamAgent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const rules = [];
  const log = [];
  let nextRuleId = 1;
  let seq = 0;
  let origin;
  const closing = new AbortController();

  const addFault = (input) => {
    const rule = normaliseRule(input, nextRuleId++);
    rules.push(rule);
    return rule;
  };
  const clearFaults = () => { const n = rules.length; rules.length = 0; return n; };
  const clearLog = () => { log.length = 0; };
  const record = (entry) => {
    log.push(entry);
    if (log.length > MAX_LOG) log.splice(0, log.length - MAX_LOG);
    return entry;
  };

  function takeRule(method, path) {
    const index = rules.findIndex((r) => ruleMatches(r, method, path));
    if (index < 0) return undefined;
    const rule = rules[index];
    if (rule.remaining > 0) {
      rule.remaining -= 1;
      if (rule.remaining === 0) rules.splice(index, 1);
    }
    return rule;
  }

  const clientHostOf = (req) => {
    const h = req.headers.host;
    return h && /^[A-Za-z0-9.\-[\]:]+$/.test(h) ? h : new URL(origin).host;
  };

  const rewrite = (text, clientOrigin) => {
    let out = text;
    for (const alias of targetAliases) out = out.split(alias).join(clientOrigin);
    return out;
  };

  function forward(req, body, strip = []) {
    return new Promise((resolve, reject) => {
      const headers = {};
      const stripped = new Set(strip.map((h) => h.toLowerCase()));
      for (const [k, v] of Object.entries(req.headers)) if (!HOP_BY_HOP.has(k) && !stripped.has(k)) headers[k] = v;
      headers.host = targetUrl.host;
      headers['x-forwarded-host'] = clientHostOf(req);
      headers['x-forwarded-proto'] = 'http';
      headers['content-length'] = String(body.length);
      const upstream = http.request({
        protocol: targetUrl.protocol,
        hostname: targetUrl.hostname,
        port: targetUrl.port,
        method: req.method,
        path: req.url,
        headers,
        agent: upstreamAgent,
      }, (res) => {
        readBody(res).then((buf) => resolve({ status: res.statusCode, headers: res.headers, body: buf }), reject);
      });
      upstream.on('error', reject);
      upstream.end(body);
    });
  }

  function sendUpstream(req, res, upstream) {
    const clientOrigin = `http://${clientHostOf(req)}`;
    for (const [k, v] of Object.entries(upstream.headers)) {
      if (HOP_BY_HOP.has(k) || k === 'content-length' || k === 'date') continue;
      res.setHeader(k, (k === 'location' || k === 'content-location') && typeof v === 'string' ? rewrite(v, clientOrigin) : v);
    }
    if (!upstream.headers['access-control-allow-origin']) setCorsHeaders(res);
    let body = upstream.body;
    if (body.length && isTextual(upstream.headers['content-type'])) body = Buffer.from(rewrite(body.toString('utf8'), clientOrigin), 'utf8');
    if (!keepAlive) res.setHeader('Connection', 'close');
    res.setHeader('Content-Length', body.length);
    res.writeHead(upstream.status).end(body);
  }

  function sendFault(res, fault) {
    const status = fault.status;
    setCorsHeaders(res);
    if (!keepAlive) res.setHeader('Connection', 'close');
    if (fault.retryAfter !== undefined) res.setHeader('Retry-After', String(fault.retryAfter));
    if (status === 401) res.setHeader('WWW-Authenticate', 'Bearer error="invalid_token", error_description="The access token expired"');
    for (const [k, v] of Object.entries(fault.headers ?? {})) res.setHeader(k, String(v));
    const kind = fault.body ?? 'operation-outcome';
    let text = '';
    if (fault.json !== undefined) {
      res.setHeader('Content-Type', 'application/fhir+json; charset=utf-8');
      text = JSON.stringify(fault.json);
    } else if (kind === 'html') {
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      text = faultHtml(status);
    } else if (kind === 'invalid-json') {
      res.setHeader('Content-Type', 'application/fhir+json; charset=utf-8');
      text = JSON.stringify(faultOutcome(status)).slice(0, 60);
    } else if (kind === 'operation-outcome') {
      res.setHeader('Content-Type', 'application/fhir+json; charset=utf-8');
      text = JSON.stringify(faultOutcome(status));
    }
    res.setHeader('Content-Length', Buffer.byteLength(text));
    res.writeHead(status).end(text);
  }

  const sendJson = (res, status, body) => {
    const text = JSON.stringify(body);
    setCorsHeaders(res);
    res.setHeader('Content-Type', 'application/json');
    res.setHeader('Content-Length', Buffer.byteLength(text));
    res.writeHead(status).end(text);
  };

  async function handleControl(req, res, pathname) {
    const method = req.method;
    if (method === 'OPTIONS') return answerPreflight(res);
    const raw = await readBody(req);
    if (pathname === '/__fault' && method === 'POST') {
      let input;
      try {
        input = JSON.parse(raw.toString('utf8'));
      } catch {
        return sendJson(res, 400, { error: 'Body must be JSON: { match?, times?, fault }' });
      }
      try {
        if (Array.isArray(input)) {
          const added = input.map((r) => normaliseRule(r, 0)).map((r) => addFault(r));
          return sendJson(res, 201, { rules: added });
        }
        return sendJson(res, 201, addFault(input));
      } catch (err) {
        return sendJson(res, 400, { error: err.message });
      }
    }
    if (pathname === '/__fault' && method === 'GET') return sendJson(res, 200, { rules });
    if (pathname === '/__fault' && method === 'DELETE') return sendJson(res, 200, { ok: true, cleared: clearFaults() });
    const one = /^\/__fault\/(\d+)$/.exec(pathname);
    if (one && method === 'DELETE') {
      const at = rules.findIndex((r) => r.id === Number(one[1]));
      if (at >= 0) rules.splice(at, 1);
      return sendJson(res, 200, { ok: true, cleared: at >= 0 ? 1 : 0 });
    }
    if (pathname === '/__fault/log' && method === 'GET') return sendJson(res, 200, { total: log.length, entries: log });
    if (pathname === '/__fault/log' && method === 'DELETE') { clearLog(); return sendJson(res, 200, { ok: true }); }
    return sendJson(res, 404, { error: `No control endpoint ${method} ${pathname}` });
  }

  const server = http.createServer(async (req, res) => {
    const started = performance.now();
    const pathname = new URL(req.url, 'http://internal').pathname;
    if (pathname === '/__fault' || pathname.startsWith('/__fault/')) {
      try {
        await handleControl(req, res, pathname);
      } catch (err) {
        if (!res.headersSent) sendJson(res, 500, { error: String(err?.message ?? err) });
      }
      return;
    }

    const method = req.method.toUpperCase();
    const rule = pathname.startsWith('/__') ? undefined : takeRule(method, req.url); // the server's /__stats, /__reset: never faulted
    const fault = rule?.fault ?? {};
    const entry = record({ seq: ++seq, time: new Date().toISOString(), method, path: req.url, action: 'forward', authorization: req.headers.authorization ? 'sent' : 'none', ...(rule ? { ruleId: rule.id, fault } : {}) });
    let clientGone = false;
    const clientLeft = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) { clientGone = true; clientLeft.abort(); }
    });
    const done = (action, extra = {}) => Object.assign(entry, { action, ms: Math.round(performance.now() - started) }, extra);
    const wait = async (ms) => {
      entry.delayedMs = ms;
      const t = performance.now();
      try { await sleep(ms, undefined, { signal: AbortSignal.any([closing.signal, clientLeft.signal]) }); } catch { /* client gone or closing */ }
      entry.waitedMs = Math.round(performance.now() - t);
    };

    try {
      const body = await readBody(req);
      if (fault.delayMs !== undefined && fault.phase !== 'after') {
        await wait(fault.delayMs);
        if (clientGone || closing.signal.aborted) return done('client-gone', { note: 'the client gave up during the delay; not forwarded' });
      }
      if (fault.drop === 'before') {
        req.socket.destroy();
        return done('drop-before');
      }
      if (fault.status !== undefined) {
        sendFault(res, fault);
        return done('status', { status: fault.status });
      }
      let upstream;
      try {
        upstream = await forward(req, body, fault.stripHeaders);
      } catch (err) {
        sendJson(res, 502, faultOutcome(502));
        return done('upstream-error', { status: 502, note: String(err?.message ?? err) });
      }
      if (fault.drop === 'after-commit') {
        req.socket.destroy();
        return done('drop-after-commit', { upstreamStatus: upstream.status });
      }
      if (fault.delayMs !== undefined && fault.phase === 'after') {
        await wait(fault.delayMs);
        if (clientGone || closing.signal.aborted) return done('client-gone', { upstreamStatus: upstream.status, note: 'forwarded; the client gave up before the answer' });
      }
      sendUpstream(req, res, upstream);
      return done('forward', { status: upstream.status });
    } catch (err) {
      if (!res.headersSent && !clientGone) sendJson(res, 500, faultOutcome(500));
      return done('error', { note: String(err?.message ?? err) });
    }
  });
  server.keepAliveTimeout = keepAlive ? 5000 : 1;

  const actualPort = await listen(server, port, host);
  origin = originOf(host, actualPort);

  return {
    url: origin,
    origin,
    faultUrl: `${origin}/__fault`,
    port: actualPort,
    target: targetOrigin,
    rules,
    log,
    addFault,
    clearFaults,
    clearLog,
    close: () => new Promise((resolve) => {
      closing.abort();
      server.close(() => resolve());
      server.closeAllConnections();
      upstreamAgent.destroy();
    }),
  };
}
