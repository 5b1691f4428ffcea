// The FHIR R4 shapes and code systems, for the core, the adapters and the components. They live in
// the leaf module src/fhir/r4.ts, which every layer (the model included) imports and which imports nothing.
export type * from '../fhir/r4.js';
export { SYSTEMS } from '../fhir/r4.js';
