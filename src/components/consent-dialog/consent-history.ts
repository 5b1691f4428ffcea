import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { ConsentSummary, ProvisionSummary } from '../../model/consent.js';
import type { ZkLocale } from '../../model/locale.js';
import { joinList } from '../../model/text.js';
import { errorHeadline } from '../shared/states.js';

/**
 * The dialog's list of earlier decisions: each Consent in words (every Consent, ours or not), with
 * "Withdraw" only on the ones the dialog can safely withdraw. Templates only: the withdraw flow
 * itself (confirm, write, conflict) lives in the element.
 */

/** Where a withdrawal of one item stands. */
export interface WithdrawalView {
  readonly phase: 'confirm' | 'saving' | 'failed';
  readonly error?: unknown;
}

/** What the buttons of one item do. */
export interface HistoryActions {
  askWithdraw(summary: ConsentSummary): void;
  withdraw(summary: ConsentSummary): void;
  keepConsent(): void;
}

/** The list with its heading, the notice of the last withdrawal (or conflict), or "no decisions yet". */
export function renderHistory(
  summaries: readonly ConsentSummary[], notice: { kind: 'withdrawn' | 'conflict'; text: string } | undefined, busy: boolean,
  renderItem: (summary: ConsentSummary) => TemplateResult,
): TemplateResult {
  return html`<section class="history" part="history" aria-labelledby="history-heading" aria-busy=${busy ? 'true' : 'false'}>
    <h3 id="history-heading" tabindex="-1">${msg('Your decisions so far', { id: 'consent-dialog.history-heading' })}</h3>
    ${notice
      ? html`<p id="notice" class="note" tabindex="-1" role=${notice.kind === 'conflict' ? 'alert' : 'status'}>${notice.text}</p>`
      : nothing}
    ${summaries.length === 0
      ? html`<p>${msg('No decisions have been recorded yet.', { id: 'consent-dialog.empty' })}</p>`
      : html`<ul part="consent-list">${summaries.map(renderItem)}</ul>`}
  </section>`;
}

function row(label: string, value: string | undefined): TemplateResult | typeof nothing {
  return value ? html`<div><dt>${label}</dt><dd>${value}</dd></div>` : nothing;
}

function listRow(label: string, values: readonly string[], locale: ZkLocale): TemplateResult | typeof nothing {
  return values.length ? row(label, joinList([...values], locale)) : nothing;
}

/** The period with, when it ended, "Ended on …" (or "Starts on …") beside it. */
function periodRow(period: string | undefined, ended: string | undefined, starts: string | undefined): TemplateResult | typeof nothing {
  if (!period && !ended) return nothing;
  return html`<div><dt>${msg('Period', { id: 'consent-dialog.item-period' })}</dt><dd>${period ?? nothing}${ended
    ? html` <span class="badge">${ended}</span>`
    : starts ? html` <span class="badge">${starts}</span>` : nothing}</dd></div>`;
}

/** One provision: the decision, who, actions, data, purposes, period; nested exceptions below it. */
export function renderProvision(p: ProvisionSummary, locale: ZkLocale, nested: boolean): TemplateResult {
  return html`<dl>
      ${nested ? nothing : row(msg('Decision', { id: 'consent-dialog.item-decision' }), p.decision)}
      ${listRow(msg('Who', { id: 'consent-dialog.item-recipient' }), p.who, locale)}
      ${listRow(msg('What may be done', { id: 'consent-dialog.item-actions' }), p.actions, locale)}
      ${listRow(msg('Which data', { id: 'consent-dialog.data' }), p.data, locale)}
      ${row(msg('Data from the period', { id: 'consent-dialog.item-data-period' }), p.dataPeriod)}
      ${listRow(msg('Only data labelled', { id: 'consent-dialog.item-labels' }), p.securityLabels, locale)}
      ${listRow(msg('What for', { id: 'consent-dialog.purpose' }), p.purposes, locale)}
      ${periodRow(p.period, p.ended, p.starts)}
    </dl>
    ${p.provisions.length
      ? html`<div class="exceptions">
          <p>${msg('Within this decision', { id: 'consent-dialog.item-nested' })}</p>
          <ul>${p.provisions.map((n) => html`<li class="${n.type ?? 'unknown'}">
            <p class="item-title"><strong>${n.decision}</strong></p>
            ${renderProvision(n, locale, true)}
          </li>`)}</ul>
        </div>`
      : nothing}`;
}

/** What a decision is and where it comes from: shown for every item. */
function renderRecordFacts(s: ConsentSummary, locale: ZkLocale): TemplateResult {
  return html`<dl>
    ${row(msg('Kind of record', { id: 'consent-dialog.item-scope' }), s.scope)}
    ${listRow(msg('Category', { id: 'consent-dialog.item-category' }), s.categories, locale)}
    ${listRow(msg('Rules that apply', { id: 'consent-dialog.policy' }), s.policy, locale)}
    ${row(msg('Decided on', { id: 'consent-dialog.item-recorded' }), s.recorded)}
    ${listRow(msg('Decided by', { id: 'consent-dialog.item-performer' }), s.performers, locale)}
    ${listRow(msg('Recorded by', { id: 'consent-dialog.item-organisation' }), s.organisations, locale)}
    ${row(msg('Source', { id: 'consent-dialog.item-source' }), s.source)}
    ${row(msg('Comment', { id: 'consent-dialog.item-comment' }), s.comment)}
  </dl>`;
}

export function renderWithdraw(s: ConsentSummary, withdrawal: WithdrawalView | undefined, actions: HistoryActions): TemplateResult {
  if (!withdrawal) {
    return html`<div class="actions">
      <button type="button" class="zk-button zk-secondary" part="withdraw-button" @click=${() => actions.askWithdraw(s)}>
        ${msg('Withdraw this decision', { id: 'consent-dialog.withdraw' })}
      </button>
    </div>`;
  }
  const saving = withdrawal.phase === 'saving';
  return html`<div class="step" aria-busy=${saving ? 'true' : 'false'}>
    ${withdrawal.phase === 'failed'
      ? html`<div role="alert">
          <p id="withdraw-failed" class="failure" tabindex="-1">${msg('The decision has not been withdrawn.', { id: 'consent-dialog.withdraw-failed' })}</p>
          <p>${errorHeadline(withdrawal.error)}</p>
        </div>`
      : saving
        ? html`<p id="withdraw-status" tabindex="-1">${msg('Withdrawing your decision…', { id: 'consent-dialog.withdrawing' })}</p>`
        : html`<p id="withdraw-question" class="sentence" tabindex="-1">${msg('Withdraw this decision? From then on it no longer applies.', { id: 'consent-dialog.withdraw-question' })}</p>`}
    <div class="actions">
      <button type="button" class="zk-button" part="withdraw-confirm-button" ?disabled=${saving} @click=${() => actions.withdraw(s)}>
        ${withdrawal.phase === 'failed' ? msg('Try again', { id: 'state.retry' }) : msg('Withdraw decision', { id: 'consent-dialog.withdraw-confirm' })}
      </button>
      <button type="button" class="zk-button zk-secondary" ?disabled=${saving} @click=${() => actions.keepConsent()}>
        ${msg('Keep decision', { id: 'consent-dialog.keep' })}
      </button>
    </div>
  </div>`;
}

/**
 * One earlier decision. The dialog's own kind (a plain privacy permit or deny it can withdraw)
 * shows who, which data, what for and the period as before; any other Consent shows everything the
 * model reads, read-only, with "check the record" first when it has a condition the screen cannot show.
 */
export function renderConsentItem(
  s: ConsentSummary, locale: ZkLocale, writable: boolean, withdrawal: WithdrawalView | undefined, actions: HistoryActions,
): TemplateResult {
  const past = s.status !== 'active' || s.expired;
  return html`<li class="${s.kind} ${past ? 'past' : ''}" part="consent-item">
    <p class="item-title">
      <strong>${s.decision}</strong>
      <span>${s.title}</span>
      <span class="badge">${s.statusText}</span>
      ${s.expired ? html`<span class="badge">${msg('Expired', { id: 'consent-dialog.expired' })}</span>` : nothing}
      ${s.notYetStarted ? html`<span class="badge">${msg('Not yet in force', { id: 'consent-dialog.not-yet' })}</span>` : nothing}
      ${s.readOnly ? html`<span class="badge">${msg('Read only', { id: 'consent-dialog.read-only-badge' })}</span>` : nothing}
    </p>
    ${s.checkRecord ? html`<p class="note" part="check-record">${s.checkRecord}</p>` : nothing}
    ${s.readOnly
      ? (s.provision ? renderProvision(s.provision, locale, false) : nothing)
      : html`<dl>
        <div><dt>${msg('Who', { id: 'consent-dialog.item-recipient' })}</dt><dd>${s.recipient}</dd></div>
        <div><dt>${msg('Which data', { id: 'consent-dialog.data' })}</dt><dd>${s.data}</dd></div>
        <div><dt>${msg('What for', { id: 'consent-dialog.purpose' })}</dt><dd>${s.purpose}</dd></div>
        ${listRow(msg('What may be done', { id: 'consent-dialog.item-actions' }), s.provision?.actions ?? [], locale)}
        ${periodRow(s.period, s.ended, undefined)}
      </dl>`}
    ${renderRecordFacts(s, locale)}
    ${writable && s.withdrawable ? renderWithdraw(s, withdrawal, actions) : nothing}
  </li>`;
}
