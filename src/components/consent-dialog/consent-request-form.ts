import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { Consent } from '../../core/fhir.js';
import { NetworkError, TimeoutError } from '../../core/errors.js';
import {
  decisionSentence, describeRequest, type ConsentDecision, type ConsentRequest,
} from '../../model/consent.js';
import { formatDate } from '../../model/date.js';
import type { ZkLocale } from '../../model/locale.js';
import { defaultNameStyle, formatPatientName } from '../../model/name.js';
import { errorDetail, errorHeadline } from '../shared/states.js';

/**
 * The dialog's request form: whose decision it is (the patient, named as in the banner), what is
 * asked, and the steps of one decision (choose, confirm, saving, saved, failed). Templates and the
 * step model only: recording (the write flow) lives in the element.
 */

/** A decision being recorded: built once, sent as is on every retry (same identifier). */
export interface Draft {
  readonly key: string;
  readonly fingerprint: string;
  /** Who decides, as JSON: a draft for the patient is not reused for a representative. */
  readonly performerKey: string;
  readonly decision: ConsentDecision;
  readonly request: ConsentRequest;
  readonly consent: Consent;
}

export type Step =
  | { readonly name: 'choose' }
  | { readonly name: 'confirm'; readonly draft: Draft }
  | { readonly name: 'saving'; readonly draft: Draft }
  | { readonly name: 'saved'; readonly draft: Draft; readonly consent: Consent }
  | { readonly name: 'failed'; readonly draft: Draft; readonly error: unknown };

/** The server answered, but not with the decision that was sent: never shown as recorded. */
export class DecisionMismatchError extends Error {}

/** What the buttons of the steps do. */
export interface StepActions {
  choose(decision: ConsentDecision): void;
  back(): void;
  record(): void;
  done(): void;
  /** The request to word a draft with (the current one when it asks the same). */
  requestOf(draft: Draft): ConsentRequest;
}

/**
 * Whose decisions these are: the patient's name (as the banner formats it for the locale) and
 * birth date. A decision recorded for the wrong patient is a safety event, so the dialog shows
 * this before anything can be chosen.
 */
export function renderPatient(patient: unknown, locale: ZkLocale, now: Date): TemplateResult {
  const name = formatPatientName(patient, defaultNameStyle(locale), locale, now)?.text;
  const born = formatDate((patient as { birthDate?: unknown } | undefined)?.birthDate, locale);
  return html`<dl id="patient" class="patient" part="patient">
    <div><dt>${msg('Patient', { id: 'consent-dialog.patient' })}</dt><dd>${name ?? msg('Name not known', { id: 'consent-dialog.patient-name-unknown' })}</dd></div>
    <div><dt>${msg('Born', { id: 'consent-dialog.patient-born' })}</dt><dd>${born ?? msg('Not known', { id: 'consent-dialog.not-known' })}</dd></div>
  </dl>`;
}

export function renderRequest(request: ConsentRequest, locale: ZkLocale): TemplateResult {
  const d = describeRequest(request, locale);
  return html`<section class="request" part="request" aria-labelledby="request-heading">
    <h3 id="request-heading">${msg('What is asked', { id: 'consent-dialog.request-heading' })}</h3>
    <dl>
      <div><dt>${msg('Who will see it', { id: 'consent-dialog.recipient' })}</dt><dd>${d.recipient}</dd></div>
      <div><dt>${msg('Which data', { id: 'consent-dialog.data' })}</dt><dd>${d.data}</dd></div>
      <div><dt>${msg('What for', { id: 'consent-dialog.purpose' })}</dt><dd>${d.purpose}</dd></div>
      <div><dt>${msg('For how long', { id: 'consent-dialog.period' })}</dt><dd>${d.period}</dd></div>
      ${d.policy ? html`<div><dt>${msg('Rules that apply', { id: 'consent-dialog.policy' })}</dt><dd>${d.policy}</dd></div>` : nothing}
    </dl>
  </section>`;
}

export function renderStep(step: Step, locale: ZkLocale, actions: StepActions): TemplateResult {
  switch (step.name) {
    case 'choose':
      return html`<section class="step" part="step" aria-labelledby="choose-heading">
        <h3 id="choose-heading" tabindex="-1">${msg('Do you allow this?', { id: 'consent-dialog.question' })}</h3>
        <p>${msg('You choose; nothing is recorded until you confirm on the next screen.', { id: 'consent-dialog.question-hint' })}</p>
        <div class="actions">
          <button type="button" class="zk-button zk-secondary" part="permit-button" @click=${() => actions.choose('permit')}>
            ${msg('Yes, I allow this', { id: 'consent-dialog.permit' })}
          </button>
          <button type="button" class="zk-button zk-secondary" part="deny-button" @click=${() => actions.choose('deny')}>
            ${msg('No, I do not allow this', { id: 'consent-dialog.deny' })}
          </button>
        </div>
      </section>`;
    case 'confirm':
    case 'saving': {
      const saving = step.name === 'saving';
      return html`<section class="step" part="step" aria-labelledby="confirm-heading" aria-busy=${saving ? 'true' : 'false'}>
        <h3 id="confirm-heading" tabindex="-1">${msg('Check your decision', { id: 'consent-dialog.confirm-heading' })}</h3>
        <p class="sentence">${decisionSentence(actions.requestOf(step.draft), step.draft.decision, locale)}</p>
        ${saving
          ? html`<p id="saving-status" tabindex="-1">${msg('Saving your decision…', { id: 'consent-dialog.saving' })}</p>`
          : html`<p>${msg('Your decision is recorded only when you choose "Record decision".', { id: 'consent-dialog.confirm-hint' })}</p>`}
        <div class="actions">
          <button type="button" class="zk-button" part="record-button" ?disabled=${saving} @click=${() => actions.record()}>
            ${msg('Record decision', { id: 'consent-dialog.record' })}
          </button>
          <button type="button" class="zk-button zk-secondary" part="back-button" ?disabled=${saving} @click=${() => actions.back()}>
            ${msg('Back', { id: 'consent-dialog.back' })}
          </button>
        </div>
      </section>`;
    }
    case 'saved':
      return html`<section class="step" part="step" aria-labelledby="saved-message">
        <p id="saved-message" class="success" tabindex="-1">${msg('Your decision has been recorded.', { id: 'consent-dialog.saved' })}</p>
        <p class="sentence">${decisionSentence(actions.requestOf(step.draft), step.draft.decision, locale)}</p>
        <div class="actions">
          <button type="button" class="zk-button" @click=${() => actions.done()}>${msg('Done', { id: 'consent-dialog.done' })}</button>
        </div>
      </section>`;
    case 'failed': {
      const detail = errorDetail(step.error);
      const reason = step.error instanceof DecisionMismatchError
        ? msg('The server did not confirm your decision as it was sent. Check your decisions below before trying again.', { id: 'consent-dialog.mismatch' })
        : errorHeadline(step.error);
      return html`<section class="step failed" part="step" aria-labelledby="failed-message">
        <div role="alert">
          <p id="failed-message" class="failure" tabindex="-1">${step.error instanceof NetworkError || step.error instanceof TimeoutError
            ? msg('It is not certain that your decision was recorded.', { id: 'consent-dialog.uncertain' })
            : msg('Your decision has not been recorded.', { id: 'consent-dialog.failed' })}</p>
          <p>${reason}</p>
          ${detail ? html`<p>${detail}</p>` : nothing}
        </div>
        <p class="sentence">${decisionSentence(actions.requestOf(step.draft), step.draft.decision, locale)}</p>
        <p>${msg('Your choice is kept. Try again: if it was recorded after all, trying again finds it and does not record it twice.', { id: 'consent-dialog.failed-hint' })}</p>
        <div class="actions">
          <button type="button" class="zk-button" part="retry-button" @click=${() => actions.record()}>
            ${msg('Try again', { id: 'state.retry' })}
          </button>
          <button type="button" class="zk-button zk-secondary" part="back-button" @click=${() => actions.back()}>
            ${msg('Back', { id: 'consent-dialog.back' })}
          </button>
        </div>
      </section>`;
    }
  }
}

/** Shown when the user asks to close while a decision is being saved. */
export function renderCloseConfirm(keepOpen: () => void, closeAnyway: () => void): TemplateResult {
  return html`<section class="close-confirm" part="close-confirm" aria-labelledby="close-confirm-heading">
    <h3 id="close-confirm-heading" tabindex="-1">${msg('Saving is not finished', { id: 'consent-dialog.close-confirm-heading' })}</h3>
    <p>${msg('Close anyway? The decision may or may not be recorded. Open this window again later to check your decisions.', { id: 'consent-dialog.close-confirm' })}</p>
    <div class="actions">
      <button type="button" class="zk-button" @click=${keepOpen}>${msg('Keep open', { id: 'consent-dialog.keep-open' })}</button>
      <button type="button" class="zk-button zk-secondary" @click=${closeAnyway}>${msg('Close anyway', { id: 'consent-dialog.close-anyway' })}</button>
    </div>
  </section>`;
}

/**
 * The session has ended: said once, with "Sign in again" — not the read-only note, nor retries
 * that cannot succeed. A decision that was not recorded stays on screen, so it is not lost from view.
 */
export function renderSessionEnded(step: Step, locale: ZkLocale, actions: StepActions, signIn: () => void): TemplateResult {
  return html`<div class="zk-state zk-error" part="session-ended" role="alert">
    <p class="zk-error-title" id="session-ended-message">${msg('Your session has ended. Sign in again.', { id: 'error.unauthorized' })}</p>
    ${step.name === 'failed'
      ? html`<p>${msg('Your decision has not been recorded.', { id: 'consent-dialog.failed' })}</p>
        <p class="sentence">${decisionSentence(actions.requestOf(step.draft), step.draft.decision, locale)}</p>`
      : nothing}
    <button type="button" class="zk-button" part="sign-in-button" @click=${signIn}>
      ${msg('Sign in again', { id: 'consent-dialog.sign-in' })}
    </button>
  </div>`;
}
