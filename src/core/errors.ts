import type { OperationOutcome } from '../fhir/r4.js';

/**
 * Every failure zorgkit reports is one of these. `message` is written for a clinician or patient
 * (taken from the server's OperationOutcome when it sent one; never raw HTML or a stack trace).
 * `status` is the HTTP status when there was one.
 */
export class ZkError extends Error {
  readonly status: number | undefined;
  readonly outcome: OperationOutcome | undefined;
  /** Whether trying again may help (network trouble, a busy server). */
  readonly retryable: boolean;

  constructor(message: string, options: { status?: number; outcome?: OperationOutcome; retryable?: boolean; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    // Our classes name themselves below: a minifier renames classes, and `error.name` in an app's
    // production build must still say what went wrong. A subclass of the app's own keeps its class name.
    this.name = new.target === ZkError ? 'ZkError' : new.target.name;
    this.status = options.status;
    this.outcome = options.outcome;
    this.retryable = options.retryable ?? false;
  }
}

/** 404 / 410: the resource does not exist (any more). */
export class NotFoundError extends ZkError {
  override name = 'NotFoundError';
}
/** 401: not signed in, or the session ended. */
export class UnauthorizedError extends ZkError {
  override name = 'UnauthorizedError';
}
/** 403: signed in, but not allowed. */
export class ForbiddenError extends ZkError {
  override name = 'ForbiddenError';
}
/** 409 / 412: someone else changed the resource first (stale `If-Match`), or a conditional create matched several. */
export class ConflictError extends ZkError {
  override name = 'ConflictError';
}
/** The server could not be reached, or the connection dropped. */
export class NetworkError extends ZkError {
  override name = 'NetworkError';
}
/** No answer within the time limit. */
export class TimeoutError extends ZkError {
  override name = 'TimeoutError';
}
/** 5xx, 429, or another answer the server should not have given. */
export class ServerError extends ZkError {
  override name = 'ServerError';
}
/** The answer was not the FHIR resource asked for: malformed JSON, wrong type, HTML. */
export class InvalidResourceError extends ZkError {
  override name = 'InvalidResourceError';
}

/** True when `error` is the DOMException an aborted signal produces. */
export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
