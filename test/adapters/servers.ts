// Helpers for tests against the real FHIR test server and the fault proxy that web-test-runner
// starts (scripts/wtr-test-servers.mjs). Other test files share these servers: every test makes
// its own records with unique ids and counts only requests for its own paths.
import type { Resource } from '../../src/core/fhir.js';

export interface TestServers {
  /** FHIR base, direct: `http://127.0.0.1:<a>/fhir`. */
  fhirUrl: string;
  /** FHIR base through the fault proxy: `http://127.0.0.1:<b>/fhir`. */
  proxyUrl: string;
  /** The proxy's control API. */
  faultUrl: string;
  /** The FHIR server's request log. */
  statsUrl: string;
}

let servers: Promise<TestServers> | undefined;

/** The running test servers (started on first use by the test runner). */
export function testServers(): Promise<TestServers> {
  servers ??= (async () => {
    const response = await fetch('/__zk/servers.json');
    if (!response.ok) throw new Error(`test servers unavailable: ${response.status}`);
    const { fhirUrl, proxyUrl } = (await response.json()) as { fhirUrl: string; proxyUrl: string };
    return {
      fhirUrl,
      proxyUrl,
      faultUrl: `${new URL(proxyUrl).origin}/__fault`,
      statsUrl: `${new URL(fhirUrl).origin}/__stats`,
    };
  })();
  return servers;
}

async function call(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<unknown> {
  const response = await fetch(url, {
    method,
    headers: { 'Content-Type': 'application/fhir+json', Accept: 'application/fhir+json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${url} → ${response.status}: ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : undefined;
}

/** Stores resources on the FHIR server with their own ids (PUT, update as create). */
export async function putResources(fhirUrl: string, resources: readonly Resource[]): Promise<void> {
  for (const resource of resources) await call('PUT', `${fhirUrl}/${resource.resourceType}/${resource.id}`, resource);
}

/** Searches the FHIR server directly (no adapter) and answers the matches. */
export async function searchDirect(fhirUrl: string, query: string): Promise<Resource[]> {
  const bundle = (await call('GET', `${fhirUrl}/${query}`)) as { entry?: { resource: Resource; search?: { mode?: string } }[] };
  return (bundle.entry ?? []).filter((e) => e.search?.mode !== 'include').map((e) => e.resource);
}

/** Reads from the FHIR server directly (no adapter). */
export async function readDirect<T extends Resource = Resource>(fhirUrl: string, type: string, id: string): Promise<T> {
  return (await call('GET', `${fhirUrl}/${type}/${id}`)) as T;
}

/** How many requests the FHIR server itself received whose path includes `pathIncludes`. */
export async function serverRequestCount(match: { method?: string; pathIncludes: string }): Promise<number> {
  const { statsUrl } = await testServers();
  const query = new URLSearchParams({ pathIncludes: match.pathIncludes, ...(match.method ? { method: match.method } : {}) });
  const stats = (await call('GET', `${statsUrl}?${query.toString()}`)) as { total: number };
  return stats.total;
}

export interface FaultRule {
  match?: { method?: string; pathIncludes?: string };
  times?: number;
  fault:
    | { status: number; retryAfter?: string; body?: 'html' | 'empty' | 'operation-outcome' | 'invalid-json'; delayMs?: number }
    | { delayMs: number; phase?: 'before' | 'after' }
    | { drop: 'before' | 'after-commit'; stripHeaders?: string[] }
    | { stripHeaders: string[] }
    | { status: number; json: unknown; headers?: Record<string, string> }
    | { status: number; headers: Record<string, string>; body?: 'html' | 'empty' | 'operation-outcome' };
}

/** Queues a fault on the proxy; answers the rule's id. */
export async function addFault(rule: FaultRule): Promise<number> {
  const { faultUrl } = await testServers();
  const added = (await call('POST', faultUrl, rule, { 'Content-Type': 'application/json' })) as { id: number };
  return added.id;
}

/** Removes one rule queued by this test (other test files' rules stay). */
export async function removeFault(id: number): Promise<void> {
  const { faultUrl } = await testServers();
  await call('DELETE', `${faultUrl}/${id}`);
}

/** What the proxy did with requests whose path includes `pathIncludes`, oldest first. */
export interface ProxyLogEntry { method: string; path: string; action: string; status?: number; ruleId?: number; authorization: 'sent' | 'none' }

export async function proxyLog(pathIncludes: string): Promise<ProxyLogEntry[]> {
  const { faultUrl } = await testServers();
  const log = (await call('GET', `${faultUrl}/log`)) as { entries: ProxyLogEntry[] };
  return log.entries.filter((e) => {
    let path = e.path;
    try {
      path = decodeURIComponent(e.path);
    } catch {
      // keep the raw path
    }
    return path.includes(pathIncludes) && e.method !== 'OPTIONS';
  });
}

/** Rejection of a promise (fails the test when it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}
