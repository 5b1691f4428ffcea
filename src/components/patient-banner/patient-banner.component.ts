import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import { Task } from '@lit/task';
import type { LaunchContext } from '../../core/adapter.js';
import type { AllergyStatusCode, UtilityClient } from '../../core/client.js';
import { NotFoundError, isAbortError } from '../../core/errors.js';
import type { Patient } from '../../core/fhir.js';
import { formatNoKnownAllergies, type NoKnownAllergyCategory } from '../../model/allergy.js';
import type { FormattedIdentifier } from '../../model/identifier.js';
import { parseSystemList } from '../../model/identifier.js';
import { defaultNameStyle, toNameStyle, type NameStyle } from '../../model/name.js';
import { patientSummaryView, type PatientSummaryView } from '../../model/patient.js';
import type { PatientBannerView } from '../../model/patient-contact.js';
import type { AgeText } from '../../model/age.js';
import { ZkBannerToggleEvent } from '../../events/banner-toggle.js';
import { ZkElement } from '../shared/zk-element.js';
import { renderEmpty, renderError, renderLoading, renderNoClient, renderNoPatient, renderSafely } from '../shared/states.js';
import { sharedStyles } from '../shared/shared.styles.js';
import { lazyModule } from '../shared/lazy.js';
import { styles } from './patient-banner.styles.js';
import { addDutch } from '../../i18n/locale.js';
import { templates as nl } from '../../i18n/nl/patient-banner.js';

addDutch(nl);

/** The allergy status the banner shows: the client's answer, or `unavailable` when it failed. */
export type BannerAllergyStatus = AllergyStatusCode | 'unavailable';

/** What the banner loaded. */
export interface BannerData {
  patient: Patient;
  /** Present when `show-allergies` is set. */
  allergies?: BannerAllergyStatus;
  /** With `allergies` `none-in-categories`: the kinds of allergy recorded as "no known …". */
  noKnownAllergyCategories?: NoKnownAllergyCategory[];
}

const NO_CLIENT = Symbol('no-client');

/** The details' code (banner-details.ts), loaded with the first `expandable` banner. */
const details = lazyModule(() => import('./banner-details.js').then((module) => {
  addDutch(module.dutch);
  return module;
}));
const NO_PATIENT = Symbol('no-patient');

/** The converter for `identifier-systems`: a space-separated list of systems. */
const systemListConverter = {
  fromAttribute: (value: string | null): string[] | undefined => parseSystemList(value),
  toAttribute: (value: readonly string[] | undefined): string | null => (value?.length ? value.join(' ') : null),
};

/**
 * Answers "is this the right patient?" in one look: name (family name emphasised), born (date and
 * age, or date of death and age at death), gender and the primary identifier, in that order
 * (NHS CUI PAB-0016), read through the UtilityClient. Optional: allergy status, call name, and an
 * expandable part with contact details and address.
 *
 * The patient is the `patient-id` attribute, else the patient of the launch context. When the
 * launch context says `need_patient_banner` is false (the host shows its own), the banner renders
 * nothing unless `force` is set.
 *
 * Name style: `dutch` ("J.P.M. van Putten-van der Giessen") is the default for nl, `nhs`
 * ("VAN PUTTEN-VAN DER GIESSEN, Johanna (Mevr)") for en; `name-style` overrides.
 *
 * Below 36rem of its own width (a container query: a narrow side panel counts as a phone) the
 * banner takes the compact arrangement: the name on a line of its own, the facts wrapping under it,
 * nothing truncated.
 *
 * Subclasses can replace one piece: `renderName`, `renderBorn`, `renderGender`,
 * `renderIdentifier`, `renderAllergies`, `renderDetails`.
 *
 * @tagname zk-patient-banner
 * @summary A patient banner: name, born (age), gender and identifier, for patient identification.
 *
 * @fires {ZkBannerToggleEvent} zk-banner-toggle - The user opened or closed the details; `detail.expanded` is the new state.
 *
 * @csspart banner - The labelled region holding the whole banner.
 * @csspart summary - The first row: identity, facts, allergy status, toggle.
 * @csspart name - The patient's name.
 * @csspart family-name - The family name inside the name (emphasised).
 * @csspart call-name - "Known as …" (with `show-call-name`).
 * @csspart deceased - The deceased marker.
 * @csspart facts - The list of labelled facts (born, died, gender, identifier).
 * @csspart fact - One labelled fact (also `born`, `died`, `gender`, `identifier`).
 * @csspart label - A fact's label ("Born", "Gender", "BSN"); it has a tooltip with its definition.
 * @csspart tooltip - The definition shown on hover and keyboard focus of a label.
 * @csspart value - A fact's value.
 * @csspart age - The age after a date.
 * @csspart identifier-warning - "Not a valid BSN" / "Not a valid NHS number" beside an identifier whose check fails (in the summary and the details).
 * @csspart allergies - The allergy status (with `show-allergies`): "Known allergies", "No known allergies", "No known drug allergies" (only some kinds ruled out), "Allergies not recorded" or "Allergies unavailable".
 * @csspart toggle - The button that opens and closes the details (with `expandable`).
 * @csspart details - The contact details, addresses and other identifiers.
 * @csspart state - The shared loading / error / not-found / no-patient boxes (also `loading`, `error`, `empty`, `no-patient`, `no-client`).
 * @csspart retry-button - "Try again" in the error state.
 *
 * @cssprop --zk-patient-banner-background - Background of the banner (default `--zk-color-surface`).
 * @cssprop --zk-patient-banner-border-color - Border of the banner and of the details (default `--zk-color-border`).
 * @cssprop --zk-patient-banner-name-font-size - Size of the name (default 1.375em).
 * @cssprop --zk-patient-banner-label-color - Colour of labels (default `--zk-color-text-muted`).
 * @cssprop --zk-patient-banner-deceased-color - Background of the deceased marker (default `--zk-color-danger`).
 * @cssprop --zk-patient-banner-allergy-color - Colour of "Known allergies" (default `--zk-color-warning`).
 * @cssprop --zk-patient-banner-warning-color - Colour of an identifier warning such as "Not a valid BSN" (default `--zk-color-danger`).
 * @cssprop --zk-patient-banner-gap - Space between the facts (default twice `--zk-space`).
 * @cssprop --zk-color-text - Text colour (shared token; also `--zk-color-*`, `--zk-font-*`, `--zk-space`, `--zk-radius`).
 */
export class ZkPatientBanner extends ZkElement {
  static override styles = [sharedStyles, styles];

  /** The label whose definition tooltip is open (hover or focus), if any. */
  @state() private openTip: string | undefined;

  /** The launch context's answer to "does the host want a banner?", for the client that gave it. */
  @state() private launch: { client: UtilityClient; needBanner: boolean } | undefined;

  /** The id of the Patient to show. Without it, the patient of the launch context. */
  @property({ attribute: 'patient-id' }) patientId: string | undefined;

  /**
   * `dutch` (initials and family name: "J.P.M. van Putten") or `nhs` ("VAN PUTTEN, Johanna
   * (Mevr)"). Default: `dutch` in Dutch, `nhs` in English.
   */
  @property({ attribute: 'name-style' }) nameStyle: NameStyle | undefined;

  /**
   * Identifier systems by priority; the first identifier (with a value) in the first listed system
   * is shown. Attribute: a space-separated list. Default: BSN, then NHS number, then the first.
   */
  @property({ attribute: 'identifier-systems', converter: systemListConverter }) identifierSystems: string[] | undefined;

  /** Smaller spacing and type for narrow embeds. Names still wrap, never truncate. */
  @property({ type: Boolean, reflect: true }) compact = false;

  /** Shows the allergy status ("Known allergies", "No known allergies", …). */
  @property({ type: Boolean, attribute: 'show-allergies' }) showAllergies = false;

  /** Shows the call name (roepnaam, `use: usual` or a CL given name): "Known as Jo". */
  @property({ type: Boolean, attribute: 'show-call-name' }) showCallName = false;

  /** Adds a button that shows contact details, addresses and other identifiers. */
  @property({ type: Boolean }) expandable = false;

  /** Whether the details are open (with `expandable`). */
  @property({ type: Boolean, reflect: true }) expanded = false;

  /** Masks identifiers for shared screens (the last 3 digits stay visible). */
  @property({ type: Boolean, attribute: 'mask-identifier' }) maskIdentifier = false;

  /** Shows the banner even when the launch context says the host shows its own (`need_patient_banner: false`). */
  @property({ type: Boolean }) force = false;

  private readonly patientTask = new Task(this, {
    task: async ([client, patientId, showAllergies], { signal }): Promise<BannerData | typeof NO_CLIENT | typeof NO_PATIENT> => {
      if (!client) return NO_CLIENT;
      const context: LaunchContext = await client.launchContext().catch((): LaunchContext => ({}));
      signal.throwIfAborted();
      this.launch = { client, needBanner: context.needPatientBanner !== false };
      const id = patientId?.trim() || (typeof context.patient === 'string' ? context.patient.trim() : '');
      if (!id) return NO_PATIENT;
      type Allergies = Pick<BannerData, 'allergies' | 'noKnownAllergyCategories'>;
      const allergies = showAllergies
        ? client.getAllergyStatus(id, { signal }).then(
          (status): Allergies => (status.noKnownCategories
            ? { allergies: status.status, noKnownAllergyCategories: status.noKnownCategories }
            : { allergies: status.status }),
          (error: unknown): Allergies => {
            if (isAbortError(error)) throw error;
            return { allergies: 'unavailable' };
          })
        : Promise.resolve({});
      // With `expandable`, the details' code loads alongside (the first time).
      const [patient, allergyStatus] = await Promise.all([client.getPatient(id, { signal }), allergies, this.expandable ? details.load() : undefined]);
      return { patient, ...allergyStatus };
    },
    args: () => [this.client, this.patientId, this.showAllergies] as const,
  });

  // A write to the patient or their allergies through the same client reloads the banner.
  protected override get followedTypes(): readonly string[] {
    return ['Patient', 'AllergyIntolerance'];
  }

  protected override dataChanged(): void {
    void this.patientTask.run();
  }

  /** Whether the launch context asked for no banner (and `force` is not set). Unknown counts as hidden. */
  get #suppressed(): boolean {
    if (this.force) return false;
    const launch = this.launch;
    return !launch || launch.client !== this.client || !launch.needBanner;
  }

  #toggle(): void {
    this.expanded = !this.expanded;
    // Made apart from dispatchEvent so the manifest lists the event once (from @fires).
    const event = new ZkBannerToggleEvent(this.expanded);
    this.dispatchEvent(event);
  }

  #showTip(id: string): void {
    this.openTip = id;
  }

  #hideTip(id: string): void {
    if (this.openTip === id) this.openTip = undefined;
  }

  #onKeydown(event: KeyboardEvent): void {
    // WCAG 1.4.13: a tooltip can be dismissed without moving focus or the pointer.
    if (event.key === 'Escape' && this.openTip !== undefined) {
      this.openTip = undefined;
      event.stopPropagation();
    }
  }

  /** A label with its definition as a tooltip (hover and keyboard focus; Escape closes it). */
  protected renderLabel(id: string, text: string, definition: string): TemplateResult {
    return html`<dt
      @mouseenter=${() => this.#showTip(id)}
      @mouseleave=${() => this.#hideTip(id)}
    >
      <span class="term" part="label" tabindex="0" aria-describedby="tip-${id}"
        @focus=${() => this.#showTip(id)}
        @blur=${() => this.#hideTip(id)}
        @keydown=${(event: KeyboardEvent) => this.#onKeydown(event)}
      >${text}</span>
      <span class="tooltip" part="tooltip" role="tooltip" id="tip-${id}" aria-label=${definition} ?hidden=${this.openTip !== id}>${definition}</span>
    </dt>`;
  }

  /** A date with the age after it: `14-Jul-1945 (61y)`, the age spelled out for screen readers. */
  protected renderDateWithAge(date: string, age: AgeText | undefined): TemplateResult {
    return html`${date}${age
      ? html` <span class="age" part="age"><span aria-hidden="true">(${age.short})</span><span class="zk-visually-hidden">(${age.long})</span></span>`
      : nothing}`;
  }

  /** The name, family name emphasised; the call name and deceased marker beside it. */
  protected renderName(view: PatientSummaryView): TemplateResult {
    const name = view.name;
    return html`<div class="identity">
      <p class="name" part="name">${name
        ? name.segments.map((s) => (s.kind === 'family'
          ? html`<strong class="family-name" part="family-name">${s.value}</strong>`
          : html`<span class=${s.kind}>${s.value}</span>`))
        : html`<span class="name-unknown">${view.nameNotKnown}</span>`}</p>
      ${this.showCallName && view.callName
        ? html`<span class="call-name" part="call-name"><span class="label-inline">${msg('Known as', { id: 'patient-banner.call-name' })}</span> <span class="value">${view.callName}</span></span>`
        : nothing}
      ${view.deceased
        ? html`<span class="deceased" part="deceased">${msg('Deceased', { id: 'patient-banner.deceased' })}</span>`
        : nothing}
    </div>`;
  }

  /** Born: date and age; for a deceased patient the date and age at death follow as "Died". */
  protected renderBorn(view: PatientSummaryView): TemplateResult {
    const born = html`<div class="fact" part="fact born">
      ${this.renderLabel('born', msg('Born', { id: 'patient-banner.born' }), msg('Date of birth, with the age today in brackets', { id: 'patient-banner.born-definition' }))}
      <dd class="value" part="value">${this.renderDateWithAge(view.born, view.age)}</dd>
    </div>`;
    const deceased = view.deceased;
    if (!deceased?.date) return born;
    return html`${born}<div class="fact" part="fact died">
      ${this.renderLabel('died', msg('Died', { id: 'patient-banner.died' }), msg('Date of death, with the age at death in brackets', { id: 'patient-banner.died-definition' }))}
      <dd class="value" part="value">${this.renderDateWithAge(deceased.date, deceased.age)}</dd>
    </div>`;
  }

  protected renderGender(view: PatientSummaryView): TemplateResult {
    return html`<div class="fact" part="fact gender">
      ${this.renderLabel('gender', msg('Gender', { id: 'patient-banner.gender' }), msg('Administrative gender, as recorded', { id: 'patient-banner.gender-definition' }))}
      <dd class="value" part="value">${view.gender}</dd>
    </div>`;
  }

  /**
   * An identifier's value; a masked one is read out as "masked, ends in 7 8 2". A BSN or NHS number
   * that fails its check keeps its value (what is recorded) with a warning after it.
   */
  protected renderIdentifierValue(identifier: FormattedIdentifier): TemplateResult {
    const value = identifier.masked
      ? html`<span aria-hidden="true">${identifier.value}</span><span class="zk-visually-hidden">${identifier.spoken}</span>`
      : html`${identifier.value}`;
    return html`${value}${this.renderIdentifierWarning(identifier)}`;
  }

  /** "Not a valid BSN" in words (not colour alone), read out with the number; nothing for a valid one. */
  protected renderIdentifierWarning(identifier: FormattedIdentifier): TemplateResult | typeof nothing {
    if (identifier.valid !== false) return nothing;
    const warning = identifier.kind === 'nhs-number'
      ? msg('Not a valid NHS number', { id: 'patient-banner.identifier-invalid-nhs-number' })
      : msg('Not a valid BSN', { id: 'patient-banner.identifier-invalid-bsn' });
    return html` <span class="identifier-warning" part="identifier-warning">${warning}</span>`;
  }

  protected renderIdentifier(view: PatientSummaryView): TemplateResult | typeof nothing {
    const identifier = view.identifier;
    if (!identifier) return nothing;
    return html`<div class="fact" part="fact identifier">
      ${this.renderLabel('identifier', identifier.label, identifier.definition)}
      <dd class="value" part="value">${this.renderIdentifierValue(identifier)}</dd>
    </div>`;
  }

  /**
   * The allergy status. `none-in-categories` names what was ruled out ("No known drug allergies"),
   * never "No known allergies": the other kinds were not assessed.
   */
  protected renderAllergies(status: BannerAllergyStatus | undefined, noKnownCategories: readonly NoKnownAllergyCategory[] = []): TemplateResult | typeof nothing {
    if (status === undefined) return nothing;
    const ruledOut = status === 'none-in-categories' ? formatNoKnownAllergies(noKnownCategories, this.locale) : undefined;
    // Without the kinds there is nothing to name: say no more than "not recorded".
    const shown = status === 'none-in-categories' && !ruledOut ? 'not-recorded' : status;
    const text = ruledOut
      ?? (shown === 'known' ? msg('Known allergies', { id: 'patient-banner.allergies-known' })
        : shown === 'none' ? msg('No known allergies', { id: 'patient-banner.allergies-none' })
          : shown === 'not-recorded' ? msg('Allergies not recorded', { id: 'patient-banner.allergies-not-recorded' })
            : msg('Allergies unavailable', { id: 'patient-banner.allergies-unavailable' }));
    return html`<span class="allergies allergies-${shown}" part="allergies">${text}</span>`;
  }

  protected renderToggle(): TemplateResult {
    return html`<button type="button" class="zk-button zk-secondary toggle" part="toggle"
      aria-expanded=${this.expanded ? 'true' : 'false'} aria-controls="details"
      @click=${() => this.#toggle()}
    >${msg('More details', { id: 'patient-banner.details' })} <span class="toggle-icon" aria-hidden="true">▾</span></button>`;
  }

  /**
   * Contact details, addresses and the other identifiers. Called once the details' code
   * (banner-details.ts) has loaded, which renders them.
   */
  protected renderDetails(view: PatientBannerView): TemplateResult {
    return details.module!.renderDetails({ html, nothing, msg }, view, this.expanded, (identifier) => this.renderIdentifierValue(identifier));
  }

  /** The details while their code loads, or when it could not be loaded. */
  protected renderDetailsPending(): TemplateResult {
    if (details.module === undefined) void details.load().then(() => this.requestUpdate());
    return html`<div class="details" id="details" part="details" ?hidden=${!this.expanded}>
      ${details.module === null
        ? html`<p>${msg('The contact details could not be loaded. Reload the page to try again.', { id: 'patient-banner.details-error' })}</p>`
        : renderLoading(msg('Loading contact details', { id: 'patient-banner.details-loading' }), 2)}
    </div>`;
  }

  /** The loaded banner. */
  protected renderBanner(data: BannerData): TemplateResult {
    const locale = this.locale;
    const options = {
      nameStyle: toNameStyle(this.nameStyle) ?? defaultNameStyle(locale),
      identifierSystems: this.identifierSystems,
      maskIdentifier: this.maskIdentifier,
    };
    const now = new Date();
    const full = this.expandable && details.module ? details.module.patientBannerView(data.patient, locale, options, now) : undefined;
    const view: PatientSummaryView = full ?? patientSummaryView(data.patient, locale, options, now);
    // The region is named after the patient, so two banners on one page are two distinct landmarks.
    const region = `${msg('Patient', { id: 'patient-banner.region' })}: ${view.name?.text ?? view.nameNotKnown}`;
    return html`<section class="banner" part="banner" aria-label=${region}>
      <div class="summary" part="summary">
        ${this.renderName(view)}
        <dl class="facts" part="facts">${this.renderBorn(view)}${this.renderGender(view)}${this.renderIdentifier(view)}</dl>
        ${this.showAllergies ? this.renderAllergies(data.allergies, data.noKnownAllergyCategories) : nothing}
        ${this.expandable ? this.renderToggle() : nothing}
      </div>
      ${this.expandable ? (full ? this.renderDetails(full) : this.renderDetailsPending()) : nothing}
    </section>`;
  }

  override render() {
    if (!this.client) return renderNoClient();
    const loading = () => (this.#suppressed ? nothing : renderLoading(msg('Loading patient details', { id: 'patient-banner.loading' }), 2));
    return this.patientTask.render({
      initial: loading,
      pending: loading,
      complete: (value) => {
        if (value === NO_CLIENT) return renderNoClient();
        if (this.#suppressed) return nothing;
        if (value === NO_PATIENT) return renderNoPatient();
        return renderSafely(() => this.renderBanner(value), msg('The patient details could not be loaded.', { id: 'patient-banner.error' }), () => void this.patientTask.run());
      },
      error: (error) => {
        if (this.#suppressed) return nothing;
        if (error instanceof NotFoundError) return renderEmpty(msg('This patient was not found.', { id: 'patient-banner.not-found' }));
        return renderError(msg('The patient details could not be loaded.', { id: 'patient-banner.error' }), error, () => void this.patientTask.run());
      },
    });
  }
}
