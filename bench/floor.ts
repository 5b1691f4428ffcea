// The floor: a plain LitElement doing the medication list's work with nothing of zorgkit, so the
// render benchmark can compare with it in the same run. One input, one table, every row rendered
// with `repeat` (no virtualisation, no formatting library), a case-insensitive "contains" filter
// over the text a row shows. And the same for the patient banner: one plain element, one template.
import { LitElement, css, html } from 'lit';
import { repeat } from 'lit/directives/repeat.js';

interface FloorRequest {
  id?: string;
  status?: string;
  authoredOn?: string;
  medicationCodeableConcept?: { text?: string; coding?: { display?: string }[] };
  dosageInstruction?: { text?: string }[];
}

const nameOf = (r: FloorRequest): string =>
  r.medicationCodeableConcept?.text ?? r.medicationCodeableConcept?.coding?.[0]?.display ?? '';
/** Everything a row shows, lower-cased: what the filter matches. */
const textOf = (r: FloorRequest): string =>
  `${nameOf(r)} ${r.dosageInstruction?.[0]?.text ?? ''} ${r.status ?? ''} ${r.authoredOn ?? ''}`.toLowerCase();

/**
 * @summary The benchmark floor: plain Lit rendering medication rows with `repeat`.
 */
export class BenchFloorList extends LitElement {
  static override properties = {
    resources: { attribute: false },
    query: { state: true },
  };

  static override styles = css`
    :host { display: block; font: 14px system-ui, sans-serif; }
    table { border-collapse: collapse; width: 100%; }
    th, td { text-align: left; padding: 2px 6px; border-bottom: 1px solid #ccc; }
  `;

  declare resources: FloorRequest[];
  declare query: string;

  constructor() {
    super();
    this.resources = [];
    this.query = '';
  }

  private readonly onInput = (event: Event): void => {
    this.query = (event.target as HTMLInputElement).value;
  };

  override render() {
    const q = this.query.trim().toLowerCase();
    const rows = q ? this.resources.filter((r) => textOf(r).includes(q)) : this.resources;
    return html`
      <label>Filter <input type="search" @input=${this.onInput}></label>
      <table>
        <thead><tr><th>Medication</th><th>Dosage</th><th>Status</th><th>Authored</th></tr></thead>
        <tbody>
          ${repeat(rows, (r) => r.id, (r) => html`<tr>
            <td>${nameOf(r)}</td>
            <td>${r.dosageInstruction?.[0]?.text ?? ''}</td>
            <td>${r.status ?? ''}</td>
            <td>${r.authoredOn ?? ''}</td>
          </tr>`)}
        </tbody>
      </table>
    `;
  }
}

interface FloorPatient {
  name?: { family?: string; given?: string[] }[];
  birthDate?: string;
  gender?: string;
  identifier?: { system?: string; value?: string }[];
}

/**
 * @summary The benchmark floor for the banner: plain Lit showing name, birth date, gender and BSN.
 */
export class BenchFloorBanner extends LitElement {
  static override properties = { patient: { attribute: false } };

  static override styles = css`
    :host { display: block; font: 14px system-ui, sans-serif; }
    .family { font-weight: 700; text-transform: uppercase; }
    dl { display: flex; gap: 1rem; margin: 0; }
  `;

  declare patient: FloorPatient | undefined;

  override render() {
    const p = this.patient;
    if (!p) return html`<p>Loading…</p>`;
    const name = p.name?.[0];
    const bsn = p.identifier?.find((i) => i.system === 'http://fhir.nl/fhir/NamingSystem/bsn')?.value ?? '';
    return html`<section aria-label="Patient">
      <p class="name"><span class="family">${name?.family ?? ''}</span>, ${name?.given?.join(' ') ?? ''}</p>
      <dl>
        <div><dt>Born</dt><dd>${p.birthDate ?? ''}</dd></div>
        <div><dt>Gender</dt><dd>${p.gender ?? ''}</dd></div>
        <div><dt>BSN</dt><dd>${bsn}</dd></div>
      </dl>
    </section>`;
  }
}

/**
 * Registers the floor elements. A function, not a module side effect: package.json's
 * `sideEffects` list lets bundlers drop side-effect-only imports of files it does not name.
 */
export function defineFloorElements(): void {
  if (!customElements.get('bench-floor-list')) customElements.define('bench-floor-list', BenchFloorList);
  if (!customElements.get('bench-floor-banner')) customElements.define('bench-floor-banner', BenchFloorBanner);
}

declare global {
  interface HTMLElementTagNameMap {
    'bench-floor-list': BenchFloorList;
    'bench-floor-banner': BenchFloorBanner;
  }
}
