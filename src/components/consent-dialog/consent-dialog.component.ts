import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import { Task, TaskStatus } from '@lit/task';
import type { UtilityClient } from '../../core/client.js';
import { ConflictError, NetworkError, TimeoutError } from '../../core/errors.js';
import type { Consent } from '../../core/fhir.js';
import {
  buildConsent, classifyConsent, consentIdentifier, decisionSentence, describeRequest, hasIdentifier,
  requestFingerprint, requestFromAttributes, summariseConsents,
  type ConsentDecision, type ConsentPerformer, type ConsentRequest, type ConsentSummary,
} from '../../model/consent.js';
import { today } from '../../model/date.js';
import { ZkConsentDecisionEvent } from '../../events/consent-decision.js';
import { ZkConsentWithdrawEvent } from '../../events/consent-withdraw.js';
import { ZkConsentCloseEvent } from '../../events/consent-close.js';
import { ZkRequestCloseEvent, type ZkCloseSource } from '../../events/request-close.js';
import { ZkSignInRequestEvent } from '../../events/sign-in-request.js';
import { NO_PATIENT, ZkElement, resolvePatientId } from '../shared/zk-element.js';
import {
  errorDetail, errorHeadline, renderError, renderLoading, renderNoClient, renderNoPatient, renderSafely,
} from '../shared/states.js';
import { sharedStyles } from '../shared/shared.styles.js';
import { styles } from './consent-dialog.styles.js';
import { addDutch } from '../../i18n/locale.js';
import { templates as nl } from '../../i18n/nl/consent-dialog.js';

addDutch(nl);

/** A decision being recorded: built once, sent as is on every retry (same identifier). */
interface Draft {
  readonly key: string;
  readonly fingerprint: string;
  /** Who decides, as JSON: a draft for the patient is not reused for a representative. */
  readonly performerKey: string;
  readonly decision: ConsentDecision;
  readonly request: ConsentRequest;
  readonly consent: Consent;
}

type Step =
  | { readonly name: 'choose' }
  | { readonly name: 'confirm'; readonly draft: Draft }
  | { readonly name: 'saving'; readonly draft: Draft }
  | { readonly name: 'saved'; readonly draft: Draft; readonly consent: Consent }
  | { readonly name: 'failed'; readonly draft: Draft; readonly error: unknown };

interface Withdrawal {
  readonly key: string;
  readonly phase: 'confirm' | 'saving' | 'failed';
  readonly error?: unknown;
}

interface Loaded {
  readonly client: UtilityClient;
  readonly patientAttr: string | undefined;
  readonly patientId: string;
  readonly consents: Consent[];
}

const CLOSED = Symbol('closed');
const NO_CLIENT = Symbol('no-client');

/** The server answered, but not with the decision that was sent: never shown as recorded. */
class DecisionMismatchError extends Error {}

/** The deepest focused element, through open shadow roots. */
function deepActiveElement(): HTMLElement | undefined {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : undefined;
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
  private readonly drafts = new Map<string, Draft>();
  private opener: HTMLElement | undefined;
  private pointerDownOnBackdrop = false;
  /** The element to focus after the next render. */
  private focusAfterRender: string | undefined;

  private readonly consentsTask = new Task(this, {
    task: async ([client, patientAttr, open], { signal }): Promise<Loaded | typeof CLOSED | typeof NO_CLIENT | typeof NO_PATIENT> => {
      if (!open) return CLOSED;
      if (!client) return NO_CLIENT;
      const patientId = await resolvePatientId(client, patientAttr);
      if (patientId === NO_PATIENT) return NO_PATIENT;
      const consents = await client.getConsents(patientId, { signal });
      return { client, patientAttr, patientId, consents };
    },
    args: () => [this.client, this.patientId, this.open, this.reloadCount] as const,
  });

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('open')) {
      if (this.open) {
        this.opener ??= deepActiveElement();
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
      const current = this.effectiveRequest;
      const draft = this.step.draft;
      if (!current || requestFingerprint(current) !== draft.fingerprint || draft.performerKey !== JSON.stringify(this.performer)) {
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
        this.focusInside('heading');
      } else if (!this.open && dialog.open) {
        dialog.close();
      }
      if (!this.open) this.restoreFocus();
    }
    if (this.focusAfterRender) {
      const id = this.focusAfterRender;
      this.focusAfterRender = undefined;
      this.focusInside(id);
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

  private get effectiveRequest(): ConsentRequest | undefined {
    return this.request ?? requestFromAttributes({ recipient: this.recipient, purpose: this.purpose, data: this.data, until: this.until });
  }

  private get loaded(): Loaded | undefined {
    const value = this.consentsTask.value;
    if (typeof value !== 'object') return undefined;
    // A reload keeps the list on screen; another patient or data source never shows the old one.
    if (value.client !== this.client || value.patientAttr !== this.patientId) return undefined;
    return value;
  }

  private canWrite(loaded: Loaded): boolean {
    return loaded.client.canWrite('Consent');
  }

  /**
   * Whether the signed-in session has ended (the adapter said so: `session-expired`). A 401 alone
   * is not enough: a host's token provider may have a new token by the next try.
   */
  private get sessionEnded(): boolean {
    return this.client?.sessionEnded === true;
  }

  private requestSignIn(): void {
    this.dispatchEvent(new ZkSignInRequestEvent());
  }

  private focusInside(id: string): void {
    const target = this.renderRoot.querySelector<HTMLElement>(`#${id}`);
    target?.focus();
  }

  private restoreFocus(): void {
    const opener = this.opener;
    this.opener = undefined;
    if (opener?.isConnected) opener.focus();
  }

  private announce(text: string): void {
    // Clear first so the same words are announced again.
    this.announcement = '';
    void this.updateComplete.then(() => {
      this.announcement = text;
    });
  }

  private draftFor(loaded: Loaded, request: ConsentRequest, decision: ConsentDecision): Draft {
    const fingerprint = requestFingerprint(request);
    const performerKey = JSON.stringify(this.performer);
    const key = JSON.stringify([loaded.patientId, decision, fingerprint, performerKey]);
    let draft = this.drafts.get(key);
    if (!draft) {
      const consent = buildConsent({
        request, decision, patientId: loaded.patientId, performer: this.performer,
        identifier: consentIdentifier(newUuid()), now: new Date(),
      });
      draft = { key, fingerprint, performerKey, decision, request, consent };
      this.drafts.set(key, draft);
    }
    return draft;
  }

  /** The request to word a draft with: the current one when it asks the same (e.g. after a language switch). */
  private requestOf(draft: Draft): ConsentRequest {
    const current = this.effectiveRequest;
    return current && requestFingerprint(current) === draft.fingerprint ? current : draft.request;
  }

  private choose(decision: ConsentDecision): void {
    const loaded = this.loaded;
    const request = this.effectiveRequest;
    if (!loaded || !request || !this.canWrite(loaded)) return;
    this.step = { name: 'confirm', draft: this.draftFor(loaded, request, decision) };
    this.focusAfterRender = 'confirm-heading';
  }

  private back(): void {
    if (this.step.name === 'saving') return;
    this.step = { name: 'choose' };
    this.focusAfterRender = 'choose-heading';
  }

  private async record(): Promise<void> {
    const step = this.step;
    const client = this.client;
    if ((step.name !== 'confirm' && step.name !== 'failed') || !client) return;
    const { draft } = step;
    this.step = { name: 'saving', draft };
    this.focusAfterRender = 'saving-status';
    this.announce(msg('Saving your decision…', { id: 'consent-dialog.saving' }));
    try {
      // No abort signal: a write that was sent is never abandoned half-way.
      const stored = await client.recordConsent(draft.consent);
      const identifier = draft.consent.identifier?.[0];
      if (!identifier || stored?.resourceType !== 'Consent' || !hasIdentifier(stored, identifier) || stored.status !== 'active'
        || classifyConsent(stored).kind !== draft.decision) {
        throw new DecisionMismatchError('The stored Consent does not match the decision');
      }
      this.drafts.clear();
      this.closeConfirm = false;
      this.step = { name: 'saved', draft, consent: stored };
      this.focusAfterRender = this.open ? 'saved-message' : undefined;
      this.announce(msg('Your decision has been recorded.', { id: 'consent-dialog.saved' }));
      this.emit(new ZkConsentDecisionEvent(stored));
      // The list reloads through the client's change notification (dataChanged).
    } catch (error) {
      this.closeConfirm = false;
      this.step = { name: 'failed', draft, error };
      this.focusAfterRender = this.open ? 'failed-message' : undefined;
      // The failed box is role=alert: it announces itself.
      this.announcement = '';
      // The write may have reached the server before it failed: the list shows what is there.
      this.reloadCount += 1;
    }
  }

  private askWithdraw(summary: ConsentSummary): void {
    this.notice = undefined;
    this.withdrawal = { key: this.itemKey(summary), phase: 'confirm' };
    this.focusAfterRender = 'withdraw-question';
  }

  private keepConsent(): void {
    this.withdrawal = undefined;
    this.focusAfterRender = 'history-heading';
  }

  private async withdraw(summary: ConsentSummary): Promise<void> {
    const loaded = this.loaded;
    if (!loaded || this.withdrawal?.phase === 'saving') return;
    const key = this.itemKey(summary);
    this.withdrawal = { key, phase: 'saving' };
    this.focusAfterRender = 'withdraw-status';
    this.announce(msg('Withdrawing your decision…', { id: 'consent-dialog.withdrawing' }));
    try {
      const updated = await loaded.client.withdrawConsent(summary.consent);
      if (updated?.resourceType !== 'Consent' || updated.status !== 'inactive') {
        throw new DecisionMismatchError('The server did not confirm the withdrawal');
      }
      this.withdrawal = undefined;
      this.notice = { kind: 'withdrawn', text: msg('Your decision has been withdrawn. It no longer applies.', { id: 'consent-dialog.withdrawn' }) };
      this.focusAfterRender = 'notice';
      this.emit(new ZkConsentWithdrawEvent(updated));
    } catch (error) {
      if (error instanceof ConflictError) {
        this.withdrawal = undefined;
        this.notice = {
          kind: 'conflict',
          text: msg('This decision was changed elsewhere in the meantime, so nothing was withdrawn. The list has been reloaded: check it, and withdraw again if you still want to.', { id: 'consent-dialog.withdraw-conflict' }),
        };
        this.focusAfterRender = 'notice';
        this.reloadCount += 1;
      } else {
        this.withdrawal = { key, phase: 'failed', error };
        this.focusAfterRender = 'withdraw-failed';
      }
    }
  }

  /** Dispatches one of the documented `zk-*` events (listed in the class header for the manifest). */
  private emit(event: Event): boolean {
    return this.dispatchEvent(event);
  }

  private itemKey(summary: ConsentSummary): string {
    const c = summary.consent;
    return c.id ? `id:${c.id}` : `identifier:${JSON.stringify(c.identifier ?? [])}`;
  }

  /** Asks to close (Escape, close button, backdrop): the host may veto; while saving, the user is asked first. */
  private requestClose(source: ZkCloseSource): void {
    if (!this.open) return;
    const event = new ZkRequestCloseEvent(source);
    this.emit(event);
    if (event.defaultPrevented) return;
    if (this.step.name === 'saving' || this.withdrawal?.phase === 'saving') {
      this.closeConfirm = true;
      this.focusAfterRender = 'close-confirm-heading';
      return;
    }
    this.closeByUser();
  }

  private closeByUser(): void {
    this.closeConfirm = false;
    this.open = false;
    this.emit(new ZkConsentCloseEvent());
  }

  private keepOpen(): void {
    this.closeConfirm = false;
    this.focusAfterRender = this.step.name === 'saving' ? 'saving-status' : 'heading';
  }

  private onKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      // Handled here (not through the native cancel) so the host's veto always holds.
      event.preventDefault();
      event.stopPropagation();
      this.requestClose('keyboard');
    } else if (event.key === 'Tab') {
      this.trapTab(event);
    }
  }

  /** Tab and Shift+Tab wrap inside the dialog, so focus never leaves it for the page or the browser. */
  private trapTab(event: KeyboardEvent): void {
    const dialog = this.dialogElement;
    if (!dialog) return;
    const tabbables = [...dialog.querySelectorAll<HTMLElement>('button, a[href], input, select, textarea, [tabindex]')]
      .filter((el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled && el.getClientRects().length > 0);
    event.preventDefault();
    if (tabbables.length === 0) {
      dialog.focus();
      return;
    }
    const first = tabbables[0];
    const last = tabbables[tabbables.length - 1];
    const active = this.shadowRoot?.activeElement;
    let next: HTMLElement;
    if (!(active instanceof HTMLElement) || !dialog.contains(active) || active === dialog) {
      next = event.shiftKey ? last : first;
    } else {
      const index = tabbables.indexOf(active);
      if (index >= 0) {
        next = tabbables[(index + (event.shiftKey ? -1 : 1) + tabbables.length) % tabbables.length]!;
      } else if (event.shiftKey) {
        next = tabbables.filter((el) => active.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING).at(-1) ?? last;
      } else {
        next = tabbables.find((el) => active.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) ?? first;
      }
    }
    next.focus();
  }

  private onCancel(event: Event): void {
    // A close request that did not come through keydown (e.g. a platform back gesture).
    event.preventDefault();
    this.requestClose('keyboard');
  }

  /** The dialog closed natively (e.g. the browser forced it): follow it. */
  private onNativeClose(): void {
    // The close event comes late (Chromium: at the next animation frame), so after close() and a
    // quick show() it arrives when the dialog is open again: that one is stale, not a close.
    if (!this.open || this.dialogElement?.open) return;
    this.closeConfirm = false;
    this.open = false;
    this.emit(new ZkConsentCloseEvent());
  }

  private isOnBackdrop(event: MouseEvent): boolean {
    const dialog = this.dialogElement;
    if (!dialog || event.target !== dialog) return false;
    const r = dialog.getBoundingClientRect();
    return event.clientX < r.left || event.clientX > r.right || event.clientY < r.top || event.clientY > r.bottom;
  }

  private onPointerDown(event: PointerEvent): void {
    this.pointerDownOnBackdrop = this.isOnBackdrop(event);
  }

  private onClick(event: MouseEvent): void {
    const fromBackdrop = this.pointerDownOnBackdrop && this.isOnBackdrop(event);
    this.pointerDownOnBackdrop = false;
    if (fromBackdrop) this.requestClose('backdrop');
  }

  // --- public methods --------------------------------------------------------------------------

  /** Opens the dialog (modal). Focus returns to the element focused now when it closes. */
  show(): void {
    if (this.open) return;
    this.opener = deepActiveElement();
    this.open = true;
  }

  /** Closes the dialog without asking (fires no `zk-request-close`). A save in progress still completes. */
  close(): void {
    this.open = false;
  }

  /** Forgets pending decisions (and their identifiers) and starts over. Does nothing while saving. */
  reset(): void {
    if (this.step.name === 'saving') return;
    this.drafts.clear();
    this.step = { name: 'choose' };
    this.withdrawal = undefined;
    this.notice = undefined;
  }

  // --- render ----------------------------------------------------------------------------------

  override render(): TemplateResult {
    return html`<dialog
      part="dialog"
      aria-labelledby="heading"
      @keydown=${(e: KeyboardEvent) => this.onKeydown(e)}
      @cancel=${(e: Event) => this.onCancel(e)}
      @close=${() => this.onNativeClose()}
      @pointerdown=${(e: PointerEvent) => this.onPointerDown(e)}
      @click=${(e: MouseEvent) => this.onClick(e)}
    >
      ${this.open ? this.renderBody() : nothing}
    </dialog>`;
  }

  protected renderBody(): TemplateResult {
    const request = this.effectiveRequest;
    return html`<div class="body">
      <header>
        <h2 id="heading" part="heading" tabindex="-1">${msg('Sharing your health data', { id: 'consent-dialog.heading' })}</h2>
        <button type="button" class="zk-button zk-secondary close" part="close-button"
          aria-label=${msg('Close', { id: 'consent-dialog.close' })} @click=${() => this.requestClose('close-button')}>
          <span aria-hidden="true">×</span>
        </button>
      </header>
      <div class="zk-visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
      ${this.closeConfirm ? this.renderCloseConfirm() : nothing}
      ${request ? this.renderRequest(request) : nothing}
      ${this.renderLoadState(request)}
    </div>`;
  }

  protected renderRequest(request: ConsentRequest): TemplateResult {
    const d = describeRequest(request, this.locale);
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

  /**
   * Below the request: the read-only note, the current step, and the list of earlier decisions
   * (or its loading / error / no-patient state). A step that is saving, failed or saved stays on
   * screen whatever happens to the list, so a failed decision is never lost from view.
   */
  protected renderLoadState(request: ConsentRequest | undefined): TemplateResult {
    const client = this.client;
    if (!client) return renderNoClient();
    if (this.sessionEnded) return this.renderSessionEnded();
    const loaded = this.loaded;
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

  /**
   * The session has ended: said once, with "Sign in again" — not the read-only note, nor retries
   * that cannot succeed. A decision that was not recorded stays on screen, so it is not lost from view.
   */
  protected renderSessionEnded(): TemplateResult {
    const step = this.step;
    return html`<div class="zk-state zk-error" part="session-ended" role="alert">
      <p class="zk-error-title" id="session-ended-message">${msg('Your session has ended. Sign in again.', { id: 'error.unauthorized' })}</p>
      ${step.name === 'failed'
        ? html`<p>${msg('Your decision has not been recorded.', { id: 'consent-dialog.failed' })}</p>
          <p class="sentence">${decisionSentence(this.requestOf(step.draft), step.draft.decision, this.locale)}</p>`
        : nothing}
      <button type="button" class="zk-button" part="sign-in-button" @click=${() => this.requestSignIn()}>
        ${msg('Sign in again', { id: 'consent-dialog.sign-in' })}
      </button>
    </div>`;
  }

  protected renderListState(): TemplateResult | typeof nothing {
    const loading = () => renderLoading(msg('Loading consent decisions', { id: 'consent-dialog.loading' }));
    return this.consentsTask.render({
      initial: loading,
      pending: loading,
      error: (error) => renderError(msg('Your earlier decisions could not be loaded.', { id: 'consent-dialog.load-error' }), error, () => {
        this.reloadCount += 1;
      }),
      complete: (value) => {
        if (value === NO_CLIENT) return renderNoClient();
        if (value === NO_PATIENT) return renderNoPatient();
        if (value === CLOSED) return nothing;
        // A list of another patient or data source is never shown.
        return loading();
      },
    }) ?? nothing;
  }

  protected renderStep(): TemplateResult {
    const step = this.step;
    switch (step.name) {
      case 'choose':
        return html`<section class="step" part="step" aria-labelledby="choose-heading">
          <h3 id="choose-heading" tabindex="-1">${msg('Do you allow this?', { id: 'consent-dialog.question' })}</h3>
          <p>${msg('You choose; nothing is recorded until you confirm on the next screen.', { id: 'consent-dialog.question-hint' })}</p>
          <div class="actions">
            <button type="button" class="zk-button zk-secondary" part="permit-button" @click=${() => this.choose('permit')}>
              ${msg('Yes, I allow this', { id: 'consent-dialog.permit' })}
            </button>
            <button type="button" class="zk-button zk-secondary" part="deny-button" @click=${() => this.choose('deny')}>
              ${msg('No, I do not allow this', { id: 'consent-dialog.deny' })}
            </button>
          </div>
        </section>`;
      case 'confirm':
      case 'saving': {
        const saving = step.name === 'saving';
        return html`<section class="step" part="step" aria-labelledby="confirm-heading" aria-busy=${saving ? 'true' : 'false'}>
          <h3 id="confirm-heading" tabindex="-1">${msg('Check your decision', { id: 'consent-dialog.confirm-heading' })}</h3>
          <p class="sentence">${decisionSentence(this.requestOf(step.draft), step.draft.decision, this.locale)}</p>
          ${saving
            ? html`<p id="saving-status" tabindex="-1">${msg('Saving your decision…', { id: 'consent-dialog.saving' })}</p>`
            : html`<p>${msg('Your decision is recorded only when you choose "Record decision".', { id: 'consent-dialog.confirm-hint' })}</p>`}
          <div class="actions">
            <button type="button" class="zk-button" part="record-button" ?disabled=${saving} @click=${() => void this.record()}>
              ${msg('Record decision', { id: 'consent-dialog.record' })}
            </button>
            <button type="button" class="zk-button zk-secondary" part="back-button" ?disabled=${saving} @click=${() => this.back()}>
              ${msg('Back', { id: 'consent-dialog.back' })}
            </button>
          </div>
        </section>`;
      }
      case 'saved':
        return html`<section class="step" part="step" aria-labelledby="saved-message">
          <p id="saved-message" class="success" tabindex="-1">${msg('Your decision has been recorded.', { id: 'consent-dialog.saved' })}</p>
          <p class="sentence">${decisionSentence(this.requestOf(step.draft), step.draft.decision, this.locale)}</p>
          <div class="actions">
            <button type="button" class="zk-button" @click=${() => this.requestClose('close-button')}>${msg('Done', { id: 'consent-dialog.done' })}</button>
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
          <p class="sentence">${decisionSentence(this.requestOf(step.draft), step.draft.decision, this.locale)}</p>
          <p>${msg('Your choice is kept. Try again: if it was recorded after all, trying again finds it and does not record it twice.', { id: 'consent-dialog.failed-hint' })}</p>
          <div class="actions">
            <button type="button" class="zk-button" part="retry-button" @click=${() => void this.record()}>
              ${msg('Try again', { id: 'state.retry' })}
            </button>
            <button type="button" class="zk-button zk-secondary" part="back-button" @click=${() => this.back()}>
              ${msg('Back', { id: 'consent-dialog.back' })}
            </button>
          </div>
        </section>`;
      }
    }
  }

  protected renderCloseConfirm(): TemplateResult {
    return html`<section class="close-confirm" part="close-confirm" aria-labelledby="close-confirm-heading">
      <h3 id="close-confirm-heading" tabindex="-1">${msg('Saving is not finished', { id: 'consent-dialog.close-confirm-heading' })}</h3>
      <p>${msg('Close anyway? The decision may or may not be recorded. Open this window again later to check your decisions.', { id: 'consent-dialog.close-confirm' })}</p>
      <div class="actions">
        <button type="button" class="zk-button" @click=${() => this.keepOpen()}>${msg('Keep open', { id: 'consent-dialog.keep-open' })}</button>
        <button type="button" class="zk-button zk-secondary" @click=${() => this.closeByUser()}>${msg('Close anyway', { id: 'consent-dialog.close-anyway' })}</button>
      </div>
    </section>`;
  }

  protected renderHistory(loaded: Loaded, writable: boolean, busy: boolean): TemplateResult {
    const summaries = summariseConsents(loaded.consents, this.locale, today());
    return html`<section class="history" part="history" aria-labelledby="history-heading" aria-busy=${busy ? 'true' : 'false'}>
      <h3 id="history-heading" tabindex="-1">${msg('Your decisions so far', { id: 'consent-dialog.history-heading' })}</h3>
      ${this.notice
        ? html`<p id="notice" class="note" tabindex="-1" role=${this.notice.kind === 'conflict' ? 'alert' : 'status'}>${this.notice.text}</p>`
        : nothing}
      ${summaries.length === 0
        ? html`<p>${msg('No decisions have been recorded yet.', { id: 'consent-dialog.empty' })}</p>`
        : html`<ul part="consent-list">${summaries.map((s) => this.renderItem(s, writable))}</ul>`}
    </section>`;
  }

  protected renderItem(s: ConsentSummary, writable: boolean): TemplateResult {
    const key = this.itemKey(s);
    const withdrawal = this.withdrawal?.key === key ? this.withdrawal : undefined;
    const past = s.status !== 'active' || s.expired;
    return html`<li class="${s.kind} ${past ? 'past' : ''}" part="consent-item">
      <p class="item-title">
        <strong>${s.decision}</strong>
        <span>${s.title}</span>
        <span class="badge">${s.statusText}</span>
        ${s.expired ? html`<span class="badge">${msg('Expired', { id: 'consent-dialog.expired' })}</span>` : nothing}
        ${s.notYetStarted ? html`<span class="badge">${msg('Not yet in force', { id: 'consent-dialog.not-yet' })}</span>` : nothing}
      </p>
      ${s.kind === 'unknown'
        ? html`<p>${s.note}</p>`
        : html`<dl>
          <div><dt>${msg('Who', { id: 'consent-dialog.item-recipient' })}</dt><dd>${s.recipient}</dd></div>
          <div><dt>${msg('Which data', { id: 'consent-dialog.data' })}</dt><dd>${s.data}</dd></div>
          <div><dt>${msg('What for', { id: 'consent-dialog.purpose' })}</dt><dd>${s.purpose}</dd></div>
          <div><dt>${msg('Period', { id: 'consent-dialog.item-period' })}</dt><dd>${s.period}</dd></div>
        </dl>`}
      <dl>
        ${s.recorded ? html`<div><dt>${msg('Decided on', { id: 'consent-dialog.item-recorded' })}</dt><dd>${s.recorded}</dd></div>` : nothing}
        ${s.performer ? html`<div><dt>${msg('Decided by', { id: 'consent-dialog.item-performer' })}</dt><dd>${s.performer}</dd></div>` : nothing}
      </dl>
      ${writable && s.withdrawable ? this.renderWithdraw(s, withdrawal) : nothing}
    </li>`;
  }

  protected renderWithdraw(s: ConsentSummary, withdrawal: Withdrawal | undefined): TemplateResult {
    if (!withdrawal) {
      return html`<div class="actions">
        <button type="button" class="zk-button zk-secondary" part="withdraw-button" @click=${() => this.askWithdraw(s)}>
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
        <button type="button" class="zk-button" part="withdraw-confirm-button" ?disabled=${saving} @click=${() => void this.withdraw(s)}>
          ${withdrawal.phase === 'failed' ? msg('Try again', { id: 'state.retry' }) : msg('Withdraw decision', { id: 'consent-dialog.withdraw-confirm' })}
        </button>
        <button type="button" class="zk-button zk-secondary" ?disabled=${saving} @click=${() => this.keepConsent()}>
          ${msg('Keep decision', { id: 'consent-dialog.keep' })}
        </button>
      </div>
    </div>`;
  }
}
