// The self-contained bundle (dist/zorgkit.js): every element, the core, and the in-memory and
// FHIR REST adapters. The SMART adapter is not in it (it would bring oidc-client-ts).
export * from './index.js';
export { MemoryAdapter } from './adapters/memory.js';
export { FhirRestAdapter } from './adapters/fhir-rest.js';
