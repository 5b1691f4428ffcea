// The public FHIR example files beside the repository (`<repo>/../shared/fhir-examples`, see its
// README), read through the test server (scripts/wtr-fhir-examples.mjs serves them read-only).

const BASE = '/__zk/fhir-examples/';

/** The relative paths of every example file (`ig-ihe-pcf/Consent-ex-consent-basic-treat.json`, …). */
export async function listExamples(): Promise<string[]> {
  const response = await fetch(`${BASE}index.json`);
  if (!response.ok) throw new Error(`FHIR examples unavailable: ${await response.text()}`);
  return ((await response.json()) as { files: string[] }).files;
}

/** One example file, parsed. Fails the test when it is missing. */
export async function loadExample<T = Record<string, unknown>>(relativePath: string): Promise<T> {
  const response = await fetch(`${BASE}file/${relativePath}`);
  if (!response.ok) throw new Error(`example ${relativePath}: HTTP ${response.status}`);
  return (await response.json()) as T;
}
