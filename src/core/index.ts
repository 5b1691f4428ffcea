// The core's public exports: the UtilityClient, the Adapter contract, the typed errors, the FHIR
// shapes, the context, and the helpers adapter authors reuse (paging, HTTP errors, token scoping).
export type * from '../fhir/r4.js';
export { SYSTEMS } from '../fhir/r4.js';
export type {
  Adapter, AdapterEventType, CreateOptions, CreateResult, LaunchContext, ReadOptions, RequestOptions, SearchPage, SearchParams, UpdateOptions,
} from './adapter.js';
export {
  ZkError, NotFoundError, UnauthorizedError, ForbiddenError, ConflictError, NetworkError, TimeoutError, ServerError,
  InvalidResourceError, isAbortError,
} from './errors.js';
export { UtilityClient, newIdentifier } from './client.js';
export type { AllergyStatus, AllergyStatusCode, ChangeListener, MedicationRecord, UtilityClientOptions } from './client.js';
export { utilityClientContext, configure, defaultClient, onDefaultClientChange } from './context.js';
export { searchAll, DEFAULT_MAX_PAGES } from './paging.js';
export type { SearchAllOptions, SearchResult } from './paging.js';
export {
  MESSAGES, errorForStatus, isLoopbackHost, isOperationOutcome, isSameOrigin, isWithinBase, outcomeMessage, parseRetryAfter, parseSecureUrl,
} from './http.js';
