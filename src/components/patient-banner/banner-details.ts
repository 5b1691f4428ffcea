// What `<zk-patient-banner expandable>` adds: the patient's contact details, addresses and other
// identifiers, in words and laid out. Only banners with `expandable` show them, so the element
// imports this module only then (with the patient's data); bundlers make it a lazy chunk, and other
// banners never load it.
import type { TemplateResult, html as litHtml, nothing as litNothing } from 'lit';
import type { msg as litMsg } from '@lit/localize';
import type { FormattedIdentifier } from '../../model/identifier.js';
import type { PatientBannerView } from '../../model/patient-contact.js';

export { patientBannerView } from '../../model/patient-contact.js';
/** Their Dutch messages: the element adds them when the details have loaded, before it renders them. */
export { templates as dutch } from '../../i18n/nl/patient-banner-details.js';

/**
 * What the details render with: the element's own `html`, `nothing` and `msg`. They are handed over
 * rather than imported so that this chunk imports nothing from Lit: an import would take Lit out of
 * the element's start-up script into a chunk shared with this one, and the two files compress worse
 * than one (about 0.3 KB gzip more at start-up, measured with esbuild).
 */
export interface DetailsLit {
  html: typeof litHtml;
  nothing: typeof litNothing;
  msg: typeof litMsg;
}

/**
 * The details section (`part="details"`): contact details, addresses, other identifiers; hidden
 * unless `expanded`. `identifierValue` renders an identifier's value as the summary does.
 */
export function renderDetails(
  { html, nothing, msg }: DetailsLit,
  view: PatientBannerView, expanded: boolean, identifierValue: (identifier: FormattedIdentifier) => TemplateResult,
): TemplateResult {
  const empty = view.contacts.length === 0 && view.addresses.length === 0 && view.otherIdentifiers.length === 0;
  return html`<div class="details" id="details" part="details" ?hidden=${!expanded}>
    ${empty ? html`<p>${msg('No contact details or address recorded.', { id: 'patient-banner.no-details' })}</p>` : nothing}
    ${view.contacts.length
      ? html`<div class="details-group">
        <p class="details-title" id="contact-title">${msg('Contact details', { id: 'patient-banner.contact' })}</p>
        <ul aria-labelledby="contact-title">${view.contacts.map((c) => html`<li>
          <span class="label-inline">${c.label}</span> <span class="contact-value">${c.value}</span>
        </li>`)}</ul>
      </div>`
      : nothing}
    ${view.addresses.map((a) => html`<div class="details-group">
      <p class="details-title">${a.label}</p>
      <p class="address-lines">${a.lines.map((line) => html`<span class="line">${line}</span>`)}</p>
    </div>`)}
    ${view.otherIdentifiers.length
      ? html`<div class="details-group">
        <p class="details-title" id="identifiers-title">${msg('Other identifiers', { id: 'patient-banner.other-identifiers' })}</p>
        <ul aria-labelledby="identifiers-title">${view.otherIdentifiers.map((i) => html`<li>
          <span class="label-inline">${i.label}</span> <span class="contact-value">${identifierValue(i)}</span>
        </li>`)}</ul>
      </div>`
      : nothing}
  </div>`;
}
