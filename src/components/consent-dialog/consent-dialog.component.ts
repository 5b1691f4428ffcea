import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import { Task, TaskStatus } from '@lit/task';
import type { UtilityClient } from '../../core/client.js';
import { ConflictError } from '../../core/errors.js';
import type { Consent } from '../../core/fhir.js';
import type { ConsentDecision, ConsentPerformer, ConsentRequest, ConsentSummary } from '../../model/consent.js';
import { today } from '../../model/date.js';
import { ZkConsentDecisionEvent } from '../../events/consent-decision.js';
import { ZkConsentWithdrawEvent } from '../../events/consent-withdraw.js';
import { ZkConsentCloseEvent } from '../../events/consent-close.js';
import { ZkRequestCloseEvent, type ZkCloseSource } from '../../events/request-close.js';
import { ZkSignInRequestEvent } from '../../events/sign-in-request.js';
import { NO_PATIENT, ZkElement, resolvePatientId } from '../shared/zk-element.js';
import { renderNoClient, renderSafely } from '../shared/states.js';
import { sharedStyles } from '../shared/shared.styles.js';
import { lazyModule } from '../shared/lazy.js';
import { styles } from './consent-dialog.styles.js';
import { addDutch } from '../../i18n/locale.js';
import { templates as nl } from '../../i18n/nl/consent-dialog.js';
import type { Draft, Step, StepActions } from './consent-request-form.js';
import type { HistoryActions } from './consent-history.js';
import { CLOSED, NO_CLIENT, renderListState } from './consent-list-state.js';
import { ModalInput, deepActiveElement } from './modal.js';

addDutch(nl);

interface Withdrawal {
  readonly key: string;
  readonly phase: 'confirm' | 'saving' | 'failed';
  readonly error?: unknown;
}

interface Loaded {
  readonly client: UtilityClient;
  readonly patientAttr: string | undefined;
  readonly patientId: string;
  /** The Patient resource, read with the list: the dialog names whose decisions it shows. */
  readonly patient: unknown;
  readonly consents: Consent[];
}

/**
 * What the open dialog shows and does (consent-dialog-parts.ts, with its Dutch), loaded on first
 * open; until then the dialog shows the list's loading state, and if they cannot load, its error state.
 */
const dialogParts = lazyModule(() => import('./consent-dialog-parts.js').then((module) => {
  addDutch(module.dutch);
  return module;
}));

/** The parts, for code that only runs once they are there (a step or an item on screen). */
function loadedParts(): NonNullable<typeof dialogParts.module> {
  const parts = dialogParts.module;
  if (!parts) throw new Error('zk-consent-dialog: its parts are used before they were loaded');
  return parts;
}

function newUuid(): string {
  return crypto.randomUUID();
}

/**
 * Asks a patient (or their representative) to allow or refuse sharing their health data, records
 * the decision as a FHIR R4 Consent through the UtilityClient, and lists and withdraws earlier
 * decisions. A decision is shown as recorded only after the server confirmed it; a failed write
 * keeps the decision on screen with "Try again", and every retry re-sends the same Consent (same
 * identifier, created with `If-None-Exist`), so no retry can make a second Consent.
 *
 * Built on the native `<dialog>` opened with `showModal()`: focus moves in on open (to the
 * heading, never to "Record decision"), Tab and Shift+Tab stay inside, Escape / the close button /
 * a click on the backdrop fire a cancelable `zk-request-close`, and focus returns to the element
 * that opened it.
 *
 * @tagname zk-consent-dialog
 * @summary A modal dialog that records, lists and withdraws a patient's data-sharing consent.
 *
 * @fires {ZkConsentDecisionEvent} zk-consent-decision - The decision was recorded and the server confirmed it; `detail.consent` is the stored Consent.
 * @fires {ZkConsentWithdrawEvent} zk-consent-withdraw - An earlier decision was withdrawn and the server confirmed it; `detail.consent` is the updated Consent.
 * @fires {ZkRequestCloseEvent} zk-request-close - The user asked to close (`detail.source`: `keyboard`, `close-button`, `backdrop`). Cancelable: `preventDefault()` keeps the dialog open.
 * @fires {ZkConsentCloseEvent} zk-consent-close - The dialog closed after the user asked it to.
 * @fires {ZkSignInRequestEvent} zk-sign-in-request - The session ended and the user chose "Sign in again"; the host starts a new sign-in.
 *
 * @csspart dialog - The native `<dialog>` element.
 * @csspart heading - The dialog's heading (it names the dialog).
 * @csspart close-button - The close button in the corner.
 * @csspart patient - Whose decisions these are: the patient's name and birth date.
 * @csspart request - What is asked: recipient, data, purpose, period, policy.
 * @csspart read-only-note - The note shown when decisions cannot be recorded or changed here.
 * @csspart step - The box holding the current step (choose, confirm, saving, saved, failed).
 * @csspart permit-button - "Yes, I allow this".
 * @csspart deny-button - "No, I do not allow this".
 * @csspart record-button - "Record decision" in the confirm step.
 * @csspart back-button - "Back" in the confirm and failed steps.
 * @csspart retry-button - "Try again" after a failed write or load.
 * @csspart close-confirm - The question shown when closing while a decision is being saved.
 * @csspart history - The list of earlier decisions with its heading.
 * @csspart consent-list - The `<ul>` of earlier decisions.
 * @csspart consent-item - One earlier decision.
 * @csspart check-record - "Check the record: …" on a decision with a condition the dialog cannot show.
 * @csspart withdraw-button - "Withdraw" on an active decision.
 * @csspart withdraw-confirm-button - "Withdraw decision" (or "Try again") in the withdraw confirm step.
 * @csspart session-ended - The box shown once the session has ended, in place of the steps and the list.
 * @csspart sign-in-button - "Sign in again" in that box.
 * @csspart state - The shared loading / error / no-patient boxes (also `loading`, `error`, `no-patient`, `no-client`).
 *
 * @cssprop --zk-consent-dialog-width - Width of the dialog (default 40rem, never wider than the screen).
 * @cssprop --zk-consent-dialog-background - Background of the dialog (default `--zk-color-background`).
 * @cssprop --zk-consent-dialog-backdrop - The backdrop behind the dialog (default translucent black).
 * @cssprop --zk-consent-permit-color - The edge colour of an "Allowed" decision (default `--zk-color-success`).
 * @cssprop --zk-consent-deny-color - The edge colour of a "Not allowed" decision (default `--zk-color-danger`).
 * @cssprop --zk-color-text - Text colour (shared token; also `--zk-color-*`, `--zk-font-*`, `--zk-space`, `--zk-radius`).
 */
export class ZkConsentDialog extends ZkElement {
  static override styles = [sharedStyles, styles];

  @query('dialog') private dialogElement!: HTMLDialogElement | null;

  @state() private step: Step = { name: 'choose' };
  @state() private withdrawal: Withdrawal | undefined;
  @state() private notice: { kind: 'withdrawn' | 'conflict'; text: string } | undefined;
  @state() private closeConfirm = false;
  @state() private announcement = '';
  @state() private reloadCount = 0;

  /** Whether the dialog is open. Set it, or call `show()` / `close()`. */
  @property({ type: Boolean, reflect: true }) open = false;

  /** The patient whose consent is asked. Without it, the launch context's patient. */
  @property({ attribute: 'patient-id' }) patientId: string | undefined;

  /** What is asked (typed). Takes precedence over the attribute shorthands. */
  @property({ attribute: false }) request: ConsentRequest | undefined;

  /** Shorthand: the receiving organisation's name. */
  @property() recipient: string | undefined;

  /** Shorthand: the purpose as v3-ActReason code(s), e.g. `TREAT` (comma-separated for several). */
  @property() purpose: string | undefined;

  /** Shorthand: the data asked for, as display names separated by commas ("Medication, Allergies"). */
  @property() data: string | undefined;

  /** Shorthand: the last day the permission would apply (a date, `2027-12-31`). */
  @property() until: string | undefined;

  /** Who decides: `'patient'` (default) or a representative as a FHIR Reference (e.g. `{ reference: 'RelatedPerson/1', display: '…' }`). */
  @property({ attribute: false }) performer: ConsentPerformer = 'patient';

  /** Decisions waiting to be recorded, by patient + decision + request: their Consent (and identifier) are kept for every retry. */
  readonly #drafts = new Map<string, Draft>();
  #opener: HTMLElement | undefined;
  readonly #modal = new ModalInput({
    dialog: () => this.dialogElement,
    activeElement: () => this.shadowRoot?.activeElement,
    requestClose: (source) => this.#requestClose(source),
  });
  /** The element to focus after the next render. */
  #focusAfterRender: string | undefined;

  readonly #stepActions: StepActions = {
    choose: (decision) => this.#choose(decision),
    back: () => this.#back(),
    record: () => void this.#record(),
    done: () => this.#requestClose('close-button'),
    requestOf: (draft) => this.#requestOf(draft),
  };

  readonly #historyActions: HistoryActions = {
    askWithdraw: (summary) => this.#askWithdraw(summary),
    withdraw: (summary) => void this.#withdraw(summary),
    keepConsent: () => this.#keepConsent(),
  };

  private readonly consentsTask = new Task(this, {
    task: async ([client, patientAttr, open], { signal }): Promise<Loaded | typeof CLOSED | typeof NO_CLIENT | typeof NO_PATIENT> => {
      if (!open) return CLOSED;
      if (!client) return NO_CLIENT;
      const patientId = await resolvePatientId(client, patientAttr);
      if (patientId === NO_PATIENT) return NO_PATIENT;
      // The patient and the list together: neither is shown without the other, so the list is
      // never under another patient's name (a failed read of either is the error state).
      // The dialog's own parts load alongside (the first time it opens).
      const [patient, consents, parts] = await Promise.all([client.getPatient(patientId, { signal }), client.getConsents(patientId, { signal }), dialogParts.load()]);
      if (!parts) throw new Error('zk-consent-dialog: its parts could not be loaded');
      return { client, patientAttr, patientId, patient, consents };
    },
    args: () => [this.client, this.patientId, this.open, this.reloadCount] as const,
  });

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('open')) {
      if (this.open) {
        if (dialogParts.module === undefined) void dialogParts.load().then(() => this.requestUpdate());
        this.#opener ??= deepActiveElement();
        this.notice = undefined;
        this.closeConfirm = false;
        this.withdrawal = this.withdrawal?.phase === 'saving' ? this.withdrawal : undefined;
        // A finished or unconfirmed step starts over; a failed one keeps its decision (and identifier).
        if (this.step.name === 'saved' || this.step.name === 'confirm') this.step = { name: 'choose' };
      }
    }
    const requestChanged = (['request', 'recipient', 'purpose', 'data', 'until', 'performer'] as const).some((k) => changed.has(k));
    if (requestChanged && this.step.name === 'confirm') {
      // Never confirm a decision about something other than what is now shown as asked.
      const current = this.#effectiveRequest;
      const draft = this.step.draft;
      if (!current || loadedParts().requestFingerprint(current) !== draft.fingerprint || draft.performerKey !== JSON.stringify(this.performer)) {
        this.step = { name: 'choose' };
      }
    }
    if (changed.has('patientId') && changed.get('patientId') !== undefined && this.step.name !== 'saving') {
      this.step = { name: 'choose' };
      this.withdrawal = undefined;
      this.notice = undefined;
    }
  }

  override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const dialog = this.dialogElement;
    if (changed.has('open') && dialog) {
      if (this.open && !dialog.open && this.isConnected) {
        dialog.showModal();
        this.#focusInside('heading');
      } else if (!this.open && dialog.open) {
        dialog.close();
      }
      if (!this.open) this.#restoreFocus();
    }
    if (this.#focusAfterRender) {
      const id = this.#focusAfterRender;
      this.#focusAfterRender = undefined;
      this.#focusInside(id);
    }
  }

  // --- private helpers -------------------------------------------------------------------------

  /** Reloads the list (when open) when anyone writes a Consent through the same client. */
  protected override get followedTypes(): readonly string[] {
    return ['Consent'];
  }

  protected override dataChanged(): void {
    if (this.open) this.reloadCount += 1;
  }

  get #effectiveRequest(): ConsentRequest | undefined {
    return this.request ?? dialogParts.module?.requestFromAttributes({ recipient: this.recipient, purpose: this.purpose, data: this.data, until: this.until });
  }

  get #loaded(): Loaded | undefined {
    const value = this.consentsTask.value;
    if (typeof value !== 'object') return undefined;
    // A reload keeps the list on screen; another patient or data source never shows the old one.
    if (value.client !== this.client || value.patientAttr !== this.patientId) return undefined;
    return value;
  }

  #canWrite(loaded: Loaded): boolean {
    return loaded.client.canWrite('Consent');
  }

  /**
   * Whether the signed-in session has ended (the adapter said so: `session-expired`). A 401 alone
   * is not enough: a host's token provider may have a new token by the next try.
   */
  get #sessionEnded(): boolean {
    return this.client?.sessionEnded === true;
  }

  #requestSignIn(): void {
    this.dispatchEvent(new ZkSignInRequestEvent());
  }

  #focusInside(id: string): void {
    const target = this.renderRoot.querySelector<HTMLElement>(`#${id}`);
    target?.focus();
  }

  #restoreFocus(): void {
    const opener = this.#opener;
    this.#opener = undefined;
    if (opener?.isConnected) opener.focus();
  }

  #announce(text: string): void {
    // Clear first so the same words are announced again.
    this.announcement = '';
    void this.updateComplete.then(() => {
      this.announcement = text;
    });
  }

  #draftFor(loaded: Loaded, request: ConsentRequest, decision: ConsentDecision): Draft {
    const { buildConsent, consentIdentifier, requestFingerprint } = loadedParts();
    const fingerprint = requestFingerprint(request);
    const performerKey = JSON.stringify(this.performer);
    const key = JSON.stringify([loaded.patientId, decision, fingerprint, performerKey]);
    let draft = this.#drafts.get(key);
    if (!draft) {
      const consent = buildConsent({
        request, decision, patientId: loaded.patientId, performer: this.performer,
        identifier: consentIdentifier(newUuid()), now: new Date(),
      });
      draft = { key, fingerprint, performerKey, decision, request, consent };
      this.#drafts.set(key, draft);
    }
    return draft;
  }

  /** The request to word a draft with: the current one when it asks the same (e.g. after a language switch). */
  #requestOf(draft: Draft): ConsentRequest {
    const current = this.#effectiveRequest;
    return current && loadedParts().requestFingerprint(current) === draft.fingerprint ? current : draft.request;
  }

  #choose(decision: ConsentDecision): void {
    const loaded = this.#loaded;
    const request = this.#effectiveRequest;
    if (!loaded || !request || !this.#canWrite(loaded)) return;
    this.step = { name: 'confirm', draft: this.#draftFor(loaded, request, decision) };
    this.#focusAfterRender = 'confirm-heading';
  }

  #back(): void {
    if (this.step.name === 'saving') return;
    this.step = { name: 'choose' };
    this.#focusAfterRender = 'choose-heading';
  }

  async #record(): Promise<void> {
    const step = this.step;
    const client = this.client;
    if ((step.name !== 'confirm' && step.name !== 'failed') || !client) return;
    const { draft } = step;
    const { DecisionMismatchError, classifyConsent, hasIdentifier } = loadedParts();
    this.step = { name: 'saving', draft };
    this.#focusAfterRender = 'saving-status';
    this.#announce(msg('Saving your decision…', { id: 'consent-dialog.saving' }));
    try {
      // No abort signal: a write that was sent is never abandoned half-way.
      const stored = await client.recordConsent(draft.consent);
      const identifier = draft.consent.identifier?.[0];
      if (!identifier || stored?.resourceType !== 'Consent' || !hasIdentifier(stored, identifier) || stored.status !== 'active'
        || classifyConsent(stored).kind !== draft.decision) {
        throw new DecisionMismatchError('The stored Consent does not match the decision');
      }
      this.#drafts.clear();
      this.closeConfirm = false;
      this.step = { name: 'saved', draft, consent: stored };
      this.#focusAfterRender = this.open ? 'saved-message' : undefined;
      this.#announce(msg('Your decision has been recorded.', { id: 'consent-dialog.saved' }));
      this.#emit(new ZkConsentDecisionEvent(stored));
      // The list reloads through the client's change notification (dataChanged).
    } catch (error) {
      this.closeConfirm = false;
      this.step = { name: 'failed', draft, error };
      this.#focusAfterRender = this.open ? 'failed-message' : undefined;
      // The failed box is role=alert: it announces itself.
      this.announcement = '';
      // The write may have reached the server before it failed: the list shows what is there.
      this.reloadCount += 1;
    }
  }

  #askWithdraw(summary: ConsentSummary): void {
    this.notice = undefined;
    this.withdrawal = { key: this.#itemKey(summary), phase: 'confirm' };
    this.#focusAfterRender = 'withdraw-question';
  }

  #keepConsent(): void {
    this.withdrawal = undefined;
    this.#focusAfterRender = 'history-heading';
  }

  async #withdraw(summary: ConsentSummary): Promise<void> {
    const loaded = this.#loaded;
    if (!loaded || this.withdrawal?.phase === 'saving') return;
    const key = this.#itemKey(summary);
    const { DecisionMismatchError } = loadedParts();
    this.withdrawal = { key, phase: 'saving' };
    this.#focusAfterRender = 'withdraw-status';
    this.#announce(msg('Withdrawing your decision…', { id: 'consent-dialog.withdrawing' }));
    try {
      const updated = await loaded.client.withdrawConsent(summary.consent);
      if (updated?.resourceType !== 'Consent' || updated.status !== 'inactive') {
        throw new DecisionMismatchError('The server did not confirm the withdrawal');
      }
      this.withdrawal = undefined;
      this.notice = { kind: 'withdrawn', text: msg('Your decision has been withdrawn. It no longer applies.', { id: 'consent-dialog.withdrawn' }) };
      this.#focusAfterRender = 'notice';
      this.#emit(new ZkConsentWithdrawEvent(updated));
    } catch (error) {
      if (error instanceof ConflictError) {
        this.withdrawal = undefined;
        this.notice = {
          kind: 'conflict',
          text: msg('This decision was changed elsewhere in the meantime, so nothing was withdrawn. The list has been reloaded: check it, and withdraw again if you still want to.', { id: 'consent-dialog.withdraw-conflict' }),
        };
        this.#focusAfterRender = 'notice';
        this.reloadCount += 1;
      } else {
        this.withdrawal = { key, phase: 'failed', error };
        this.#focusAfterRender = 'withdraw-failed';
      }
    }
  }

  /** Dispatches one of the documented `zk-*` events (listed in the class header for the manifest). */
  #emit(event: Event): boolean {
    return this.dispatchEvent(event);
  }

  #itemKey(summary: ConsentSummary): string {
    const c = summary.consent;
    return c.id ? `id:${c.id}` : `identifier:${JSON.stringify(c.identifier ?? [])}`;
  }

  /** Asks to close (Escape, close button, backdrop): the host may veto; while saving, the user is asked first. */
  #requestClose(source: ZkCloseSource): void {
    if (!this.open) return;
    const event = new ZkRequestCloseEvent(source);
    this.#emit(event);
    if (event.defaultPrevented) return;
    if (this.step.name === 'saving' || this.withdrawal?.phase === 'saving') {
      this.closeConfirm = true;
      this.#focusAfterRender = 'close-confirm-heading';
      return;
    }
    this.#closeByUser();
  }

  #closeByUser(): void {
    this.closeConfirm = false;
    this.open = false;
    this.#emit(new ZkConsentCloseEvent());
  }

  #keepOpen(): void {
    this.closeConfirm = false;
    this.#focusAfterRender = this.step.name === 'saving' ? 'saving-status' : 'heading';
  }

  /** The dialog closed natively (e.g. the browser forced it): follow it. */
  #onNativeClose(): void {
    // The close event comes late (Chromium: at the next animation frame), so after close() and a
    // quick show() it arrives when the dialog is open again: that one is stale, not a close.
    if (!this.open || this.dialogElement?.open) return;
    this.closeConfirm = false;
    this.open = false;
    this.#emit(new ZkConsentCloseEvent());
  }

  // --- public methods --------------------------------------------------------------------------

  /** Opens the dialog (modal). Focus returns to the element focused now when it closes. */
  show(): void {
    if (this.open) return;
    this.#opener = deepActiveElement();
    this.open = true;
  }

  /** Closes the dialog without asking (fires no `zk-request-close`). A save in progress still completes. */
  close(): void {
    this.open = false;
  }

  /** Forgets pending decisions (and their identifiers) and starts over. Does nothing while saving. */
  reset(): void {
    if (this.step.name === 'saving') return;
    this.#drafts.clear();
    this.step = { name: 'choose' };
    this.withdrawal = undefined;
    this.notice = undefined;
  }

  // --- render ----------------------------------------------------------------------------------

  override render(): TemplateResult {
    return html`<dialog
      part="dialog"
      aria-labelledby="heading"
      @keydown=${this.#modal.keydown}
      @cancel=${this.#modal.cancel}
      @close=${() => this.#onNativeClose()}
      @pointerdown=${this.#modal.pointerdown}
      @click=${this.#modal.click}
    >
      ${this.open ? this.renderBody() : nothing}
    </dialog>`;
  }

  protected renderBody(): TemplateResult {
    const request = this.#effectiveRequest;
    return html`<div class="body">
      <header>
        <h2 id="heading" part="heading" tabindex="-1">${msg('Sharing your health data', { id: 'consent-dialog.heading' })}</h2>
        <button type="button" class="zk-button zk-secondary close" part="close-button"
          aria-label=${msg('Close', { id: 'consent-dialog.close' })} @click=${() => this.#requestClose('close-button')}>
          <span aria-hidden="true">×</span>
        </button>
      </header>
      <div class="zk-visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
      ${dialogParts.module
        ? html`${this.closeConfirm ? this.renderCloseConfirm() : nothing}
          ${this.#loaded ? this.renderPatient(this.#loaded.patient) : nothing}
          ${request ? this.renderRequest(request) : nothing}
          ${this.renderLoadState(request)}`
        : this.renderBeforeParts()}
    </div>`;
  }

  /**
   * The first open, while the dialog's parts load (with the list): what needs none of them (no
   * client, no patient, the list's loading or error state with "Try again").
   */
  protected renderBeforeParts(): TemplateResult | typeof nothing {
    if (!this.client) return renderNoClient();
    return this.renderListState();
  }

  /** Whose decisions these are: the patient's name and birth date, as in the banner. */
  protected renderPatient(patient: unknown): TemplateResult {
    return loadedParts().renderPatient(patient, this.locale, new Date());
  }

  protected renderRequest(request: ConsentRequest): TemplateResult {
    return loadedParts().renderRequest(request, this.locale);
  }

  /**
   * Below the request: the read-only note, the current step, and the list of earlier decisions
   * (or its loading / error / no-patient state). A step that is saving, failed or saved stays on
   * screen whatever happens to the list, so a failed decision is never lost from view.
   */
  protected renderLoadState(request: ConsentRequest | undefined): TemplateResult {
    const client = this.client;
    if (!client) return renderNoClient();
    if (this.#sessionEnded) return this.renderSessionEnded();
    const loaded = this.#loaded;
    const writable = client.canWrite('Consent');
    const pendingStep = this.step.name === 'saving' || this.step.name === 'failed' || this.step.name === 'saved';
    const showStep = writable && (pendingStep || (request !== undefined && loaded !== undefined));
    return html`
      ${writable ? nothing : html`<p class="note" part="read-only-note">
        ${msg('You can see your decisions here, but not record or change them: this connection does not allow it. Ask your care provider.', { id: 'consent-dialog.read-only' })}
      </p>`}
      ${showStep ? this.renderStep() : nothing}
      ${loaded
        ? renderSafely(
          () => this.renderHistory(loaded, writable, this.consentsTask.status === TaskStatus.PENDING),
          msg('Your earlier decisions could not be loaded.', { id: 'consent-dialog.load-error' }),
          () => { this.reloadCount += 1; },
        )
        : this.renderListState()}
    `;
  }

  /** The session has ended: said once, with "Sign in again" (see renderSessionEnded in consent-request-form.ts). */
  protected renderSessionEnded(): TemplateResult {
    return loadedParts().renderSessionEnded(this.step, this.locale, this.#stepActions, () => this.#requestSignIn());
  }

  protected renderListState(): TemplateResult | typeof nothing {
    return renderListState(this.consentsTask, () => { this.reloadCount += 1; });
  }

  protected renderStep(): TemplateResult {
    return loadedParts().renderStep(this.step, this.locale, this.#stepActions);
  }

  protected renderCloseConfirm(): TemplateResult {
    return loadedParts().renderCloseConfirm(() => this.#keepOpen(), () => this.#closeByUser());
  }

  protected renderHistory(loaded: Loaded, writable: boolean, busy: boolean): TemplateResult {
    const { renderHistory, summariseConsents } = loadedParts();
    const summaries = summariseConsents(loaded.consents, this.locale, today());
    return renderHistory(summaries, this.notice, busy, (s) => this.renderItem(s, writable));
  }

  protected renderItem(s: ConsentSummary, writable: boolean): TemplateResult {
    const key = this.#itemKey(s);
    const withdrawal = this.withdrawal?.key === key ? this.withdrawal : undefined;
    return loadedParts().renderConsentItem(s, this.locale, writable, withdrawal, this.#historyActions);
  }

  protected renderWithdraw(s: ConsentSummary, withdrawal: Withdrawal | undefined): TemplateResult {
    return loadedParts().renderWithdraw(s, withdrawal, this.#historyActions);
  }
}
