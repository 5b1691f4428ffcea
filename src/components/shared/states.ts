import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import {
  ConflictError, ForbiddenError, InvalidResourceError, NetworkError, NotFoundError, TimeoutError,
  UnauthorizedError, ZkError,
} from '../../core/errors.js';

/**
 * The states every zorgkit element shares, with one look: loading (a skeleton), error (with retry),
 * empty, and no patient in context. Each is announced to screen readers.
 */

/** A skeleton with `lines` bars, announced as "Loading <what>". */
export function renderLoading(label: string, lines = 3): TemplateResult {
  return html`<div class="zk-state zk-loading" part="state loading" role="status" aria-live="polite" aria-busy="true">
    <span class="zk-visually-hidden">${label}</span>
    ${Array.from({ length: lines }, (_, i) => html`<span class="zk-skeleton zk-skeleton-${i % 3}" aria-hidden="true"></span>`)}
  </div>`;
}

/** The headline a clinician reads for an error, by kind. */
export function errorHeadline(error: unknown): string {
  if (error instanceof NotFoundError) return msg('The record was not found.', { id: 'error.not-found' });
  if (error instanceof UnauthorizedError) return msg('Your session has ended. Sign in again.', { id: 'error.unauthorized' });
  if (error instanceof ForbiddenError) return msg('You do not have access to this information.', { id: 'error.forbidden' });
  if (error instanceof ConflictError) return msg('Someone else changed this record in the meantime.', { id: 'error.conflict' });
  if (error instanceof TimeoutError) return msg('The server did not answer in time.', { id: 'error.timeout' });
  if (error instanceof NetworkError) return msg('The server could not be reached. Check the connection.', { id: 'error.network' });
  if (error instanceof InvalidResourceError) return msg('The server sent data that could not be read.', { id: 'error.invalid' });
  return msg('The server reported a problem.', { id: 'error.server' });
}

/** The server's own words, when it sent an OperationOutcome (never HTML, never a stack trace). */
export function errorDetail(error: unknown): string | undefined {
  if (error instanceof ZkError && error.outcome) return error.message;
  return undefined;
}

/** An error with a retry button. `title` says what could not be done ("The medication could not be loaded."). */
export function renderError(title: string, error: unknown, retry: (() => void) | undefined): TemplateResult {
  const detail = errorDetail(error);
  return html`<div class="zk-state zk-error" part="state error" role="alert">
    <p class="zk-error-title">${title}</p>
    <p class="zk-error-reason">${errorHeadline(error)}</p>
    ${detail ? html`<p class="zk-error-detail">${detail}</p>` : nothing}
    ${retry
      ? html`<button type="button" class="zk-button" part="retry-button" @click=${retry}>${msg('Try again', { id: 'state.retry' })}</button>`
      : nothing}
  </div>`;
}

/**
 * Renders `render()`, or — when laying out the data throws (data of a shape nobody foresaw) — the
 * error state with retry, instead of a blank or a skeleton forever.
 */
export function renderSafely<T>(render: () => T, title: string, retry: (() => void) | undefined): T | TemplateResult {
  try {
    return render();
  } catch (cause) {
    return renderError(title, new InvalidResourceError('The data could not be shown.', { cause }), retry);
  }
}

export function renderEmpty(text: string): TemplateResult {
  return html`<div class="zk-state zk-empty" part="state empty" role="status">${text}</div>`;
}

export function renderNoPatient(): TemplateResult {
  return html`<div class="zk-state zk-no-patient" part="state no-patient" role="status">
    ${msg('No patient selected.', { id: 'state.no-patient' })}
  </div>`;
}

export function renderNoClient(): TemplateResult {
  return html`<div class="zk-state zk-no-client" part="state no-client" role="status">
    ${msg('Not connected to a data source.', { id: 'state.no-client' })}
  </div>`;
}
