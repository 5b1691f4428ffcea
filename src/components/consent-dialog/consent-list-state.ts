import { nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { Task } from '@lit/task';
import { NO_PATIENT } from '../shared/zk-element.js';
import { renderError, renderLoading, renderNoClient, renderNoPatient } from '../shared/states.js';

// The dialog's list while it has none to show. Part of the element's start-up code (unlike the
// list itself, consent-history.ts, which loads with the dialog's parts on first open).

/** The list's load ended without a list: the dialog is closed, or there is no client. */
export const CLOSED = Symbol('closed');
export const NO_CLIENT = Symbol('no-client');

/**
 * The list while it has none to show: loading, error (with retry), no client, no patient. Also
 * while another patient's list is loaded: that one is never shown.
 */
export function renderListState<A extends readonly unknown[]>(task: Task<A, unknown>, retry: () => void): TemplateResult | typeof nothing {
  const loading = () => renderLoading(msg('Loading consent decisions', { id: 'consent-dialog.loading' }));
  return task.render({
    initial: loading,
    pending: loading,
    error: (error) => renderError(msg('Your earlier decisions could not be loaded.', { id: 'consent-dialog.load-error' }), error, retry),
    complete: (value) => {
      if (value === NO_CLIENT) return renderNoClient();
      if (value === NO_PATIENT) return renderNoPatient();
      if (value === CLOSED) return nothing;
      // A list of another patient or data source is never shown.
      return loading();
    },
  }) ?? nothing;
}

