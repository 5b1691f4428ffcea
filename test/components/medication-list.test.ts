import { expect, fixture, html, nextFrame, oneEvent, waitUntil } from '@open-wc/testing';
import { press, type } from '../keys.js';
import type { TemplateResult } from 'lit';
import '../../src/components/context/context.js';
import '../../src/components/medication-list/medication-list.js';
import type { ZkMedicationList } from '../../src/components/medication-list/medication-list.js';
import { styles as listStyles } from '../../src/components/medication-list/medication-list.styles.js';
import { MemoryAdapter } from '../../src/adapters/memory.js';
import type { LaunchContext, RequestOptions, SearchPage, SearchParams } from '../../src/core/adapter.js';
import { UtilityClient } from '../../src/core/client.js';
import { NetworkError } from '../../src/core/errors.js';
import type { Dosage, Medication, MedicationRequest, MedicationStatement, Resource } from '../../src/core/fhir.js';
import { setLocale } from '../../src/i18n/locale.js';
import type { ZkMedicationSelectEvent } from '../../src/events/medication-select.js';
import { G_STANDAARD } from '../../src/model/medication.js';
import { demoBundle } from '../../demo/data/demo-data.js';
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import { englishAndNoLitWarnings, pseudoText } from './helpers.js';

// Fictional patient and medication; codes are made up.
const SNOMED = 'http://snomed.info/sct';
const UCUM = 'http://unitsofmeasure.org';
const P = 'p1';
const AGREEMENT = [{ coding: [{ system: SNOMED, code: '33633005' }] }];
const USE = { coding: [{ system: SNOMED, code: '422979000' }] };
const METOPROLOL_CODE = { coding: [{ system: G_STANDAARD.hpk, code: '1111111', display: 'Metoprolol succinate modified-release tablet 50 mg' }] };
const tbl = (value: number) => ({ value, code: '{tbl}', system: UCUM });
const daily = (dose: number, when?: string[]): Dosage => ({
  timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd', when } },
  doseAndRate: [{ doseQuantity: tbl(dose) }],
});

/** An MP9 agreement's period of use (ext-TimeInterval.Period; a validity period is not one). */
const periodOfUse = (valuePeriod: { start?: string; end?: string }) => ({
  extension: [{ url: 'http://nictiz.nl/fhir/StructureDefinition/ext-TimeInterval.Period', valuePeriod }],
});

function request(id: string, fields: Partial<MedicationRequest>): MedicationRequest {
  return { resourceType: 'MedicationRequest', id, status: 'active', intent: 'order', category: AGREEMENT, subject: { reference: `Patient/${P}` }, ...fields };
}
function statement(id: string, fields: Partial<MedicationStatement>): MedicationStatement {
  return { resourceType: 'MedicationStatement', id, status: 'active', category: USE, subject: { reference: `Patient/${P}` }, ...fields };
}

/** Four current rows (metoprolol merged from agreement + use), two history rows, one entered in error. */
function fixtureResources(): Resource[] {
  const metoprolol: Medication = {
    resourceType: 'Medication', id: 'm-metoprolol', code: { ...METOPROLOL_CODE, text: 'Metoprolol succinate modified-release tablet 50 mg' },
    ingredient: [{ isActive: true, strength: { numerator: { value: 50.0, code: 'mg', system: UCUM }, denominator: { value: 1, code: '{tbl}' } } }],
  };
  return [
    metoprolol,
    request('ma-metoprolol', {
      medicationReference: { reference: 'Medication/m-metoprolol' }, requester: { display: 'Dr. A. Jansen' },
      authoredOn: '2024-01-01', ...periodOfUse({ start: '2024-01-01' }), dosageInstruction: [daily(1, ['MORN'])],
    }),
    statement('mgb-metoprolol', { medicationCodeableConcept: METOPROLOL_CODE, effectivePeriod: { start: '2024-01-03' }, dosage: [daily(1, ['MORN'])] }),
    request('ma-paracetamol', {
      medicationCodeableConcept: { text: 'Paracetamol tablet 500 mg' }, ...periodOfUse({ start: '2025-03-01' }),
      dosageInstruction: [{
        timing: { repeat: { frequency: 1, period: 8, periodUnit: 'h' } },
        doseAndRate: [{ doseRange: { low: tbl(1), high: tbl(2) } }],
        asNeededCodeableConcept: { text: 'Pain' },
        maxDosePerPeriod: { numerator: tbl(6), denominator: { value: 1, code: 'd', system: UCUM } },
      }],
    }),
    request('ma-insulin', {
      status: 'on-hold', medicationCodeableConcept: { text: 'Insulin glargine 100 units/mL solution for injection' },
      ...periodOfUse({ start: '2023-05-01' }),
      dosageInstruction: [{
        timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd', when: ['HS'] } },
        route: { coding: [{ system: SNOMED, code: '34206005' }] },
        doseAndRate: [{ doseQuantity: { value: 12.5, code: '[iU]', system: UCUM } }],
      }],
    }),
    statement('mgb-vitd', { status: 'intended', medicationCodeableConcept: { text: 'Colecalciferol tablet 800 IU' }, dosage: [daily(0.5)] }),
    request('ma-amlodipine', { status: 'stopped', medicationCodeableConcept: { text: 'Amlodipine tablet 5 mg' }, ...periodOfUse({ start: '2019-01-01', end: '2020-01-01' }) }),
    request('ma-digoxin', { medicationCodeableConcept: { text: 'Digoxin tablet 0.125 mg' }, ...periodOfUse({ start: '2001-01-01', end: '2001-05-31' }) }),
    request('ma-error', { status: 'entered-in-error', medicationCodeableConcept: { text: 'Clarithromycin tablet 500 mg' } }),
  ];
}

/** A MemoryAdapter whose searches can fail or wait, for the error and loading states. */
class TestAdapter extends MemoryAdapter {
  failSearches: Error[] = [];
  hold: Promise<void> | undefined;
  override async search<T extends Resource = Resource>(type: string, params: SearchParams, options: RequestOptions = {}): Promise<SearchPage<T>> {
    if (this.hold) await this.hold;
    const failure = this.failSearches.shift();
    if (failure) throw failure;
    return super.search<T>(type, params, options);
  }
}

type List = ZkMedicationList;

/** Waits until the list's load has finished and it has rendered the result. */
async function settle(el: List): Promise<void> {
  const task = (el as unknown as { medicationsTask: { taskComplete: Promise<unknown> } }).medicationsTask;
  for (let i = 0; i < 5; i += 1) {
    await task.taskComplete.catch(() => undefined);
    await el.updateComplete;
  }
}

async function mount(resources: readonly Resource[], list: TemplateResult = html`<zk-medication-list patient-id=${P}></zk-medication-list>`, launch: LaunchContext = {}) {
  const adapter = new TestAdapter(resources, { launch });
  const client = new UtilityClient(adapter);
  const context = await fixture<HTMLElementTagNameMap['zk-context']>(html`<zk-context .client=${client}>${list}</zk-context>`);
  const el = context.querySelector('zk-medication-list')!;
  await settle(el);
  return { el, adapter, client };
}

const root = (el: List) => el.shadowRoot!;
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const part = (el: List, name: string) => root(el).querySelector<HTMLElement>(`[part~="${name}"]`);
const parts = (el: List, name: string) => [...root(el).querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
const names = (el: List) => parts(el, 'name').map(text);
const statuses = (el: List) => parts(el, 'status').map(text);
const announced = (el: List) => text(root(el).querySelector('[role="status"][aria-live="polite"]'));
const sortButton = (el: List, column: string) => root(el).querySelector<HTMLButtonElement>(`.col-${column} button`)!;
const nbsp = (s: string) => s.replace(/\u00a0/g, ' ');
/** A FHIR date `days` days from today (the list reads the real clock). */
const dayFromToday = (days: number) => {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};
const NICTIZ = 'http://nictiz.nl/fhir/StructureDefinition/';
const stopType = (code: string) => ({ url: `${NICTIZ}ext-StopType`, valueCodeableConcept: { coding: [{ system: SNOMED, code }] } });
const periodExt = (start: string, end?: string) => ({ url: `${NICTIZ}ext-TimeInterval.Period`, valuePeriod: { start, end } });
const statusSources = (cell: Element | null) => [...(cell?.querySelectorAll('.status-sources li') ?? [])]
  .map((li) => [text(li.querySelector('.status-source')), text(li).slice(text(li.querySelector('.status-source')).length).trim()]);

async function typeFilter(el: List, value: string): Promise<void> {
  const input = part(el, 'filter') as HTMLInputElement;
  input.focus();
  input.select();
  await press('Backspace');
  if (value) await type(value);
  await el.updateComplete;
}

describe('<zk-medication-list>', () => {
  englishAndNoLitWarnings();

  describe('states', () => {
    it('loading: a skeleton announced as "Loading medication"', async () => {
      const adapter = new TestAdapter(fixtureResources());
      let release!: () => void;
      adapter.hold = new Promise<void>((resolve) => { release = resolve; });
      const context = await fixture(html`<zk-context .adapter=${adapter}><zk-medication-list patient-id=${P}></zk-medication-list></zk-context>`);
      const el = context.querySelector('zk-medication-list')!;
      await el.updateComplete;
      const loading = part(el, 'loading')!;
      expect(loading.getAttribute('aria-busy')).to.equal('true');
      expect(text(loading)).to.equal('Loading medication');
      await expect(el).to.be.accessible();
      release();
      await settle(el);
      expect(part(el, 'table')).to.exist;
    });

    it('loaded: opens on the current medication only (active, on-hold, intended), one row per medication', async () => {
      const { el } = await mount(fixtureResources());
      expect(names(el)).to.deep.equal([
        'Colecalciferol tablet 800 IU', 'Insulin glargine 100 units/mL solution for injection',
        'Metoprolol succinate modified-release tablet 50 mg', 'Paracetamol tablet 500 mg',
      ]);
      expect(statuses(el)).to.deep.equal(['Intended', 'On hold', 'Active', 'Active']);
      expect(text(part(el, 'caption'))).to.equal('Current medication');
      expect(text(part(el, 'count'))).to.equal('4 current medications shown');
      await expect(el).to.be.accessible();
    });

    it('merges the same coded medication from an agreement and a use into one row listing both sources', async () => {
      const { el } = await mount(fixtureResources());
      const row = parts(el, 'row').find((r) => text(r).includes('Metoprolol'))!;
      expect(text(row.querySelector('[part~="source"]'))).to.equal('Medication agreement, Medication use');
      expect(nbsp(text(row.querySelector('[part~="strength"]')))).to.equal('50 mg');
      expect(nbsp(text(row.querySelector('[part~="dosage"]')))).to.equal('1 tablet once daily in the morning');
      expect(text(row.querySelector('[part~="prescriber"]'))).to.equal('Dr. A. Jansen');
      expect(text(row.querySelector('[part~="period"]'))).to.equal('from 01-Jan-2024');
    });

    it('shows each row\'s dosage generated from the structured Dosage', async () => {
      const { el } = await mount(fixtureResources());
      const dosage = (name: string) => nbsp(text(parts(el, 'row').find((r) => text(r).includes(name))!.querySelector('[part~="dosage"]')));
      expect(dosage('Paracetamol')).to.equal('1–2 tablets every 8 hours, as needed: Pain, max 6 tablets per day');
      expect(dosage('Insulin')).to.equal('12.5 international units once daily at bedtime, subcutaneously');
      expect(dosage('Colecalciferol')).to.equal('0.5 tablet once daily');
    });

    it('history: the toggle shows stopped, ended and entered-in-error rows, each labelled', async () => {
      const { el } = await mount(fixtureResources());
      const toggle = part(el, 'history-toggle') as HTMLInputElement;
      expect(text(toggle.closest('label'))).to.equal('Include history (3)');
      expect(names(el)).to.not.include('Clarithromycin tablet 500 mg');
      toggle.click();
      await el.updateComplete;
      expect(el.hasAttribute('show-history')).to.equal(true);
      expect(names(el)).to.have.length(7);
      const status = (name: string) => text(parts(el, 'row').find((r) => text(r).includes(name))!.querySelector('[part~="status"]'));
      expect(status('Amlodipine')).to.equal('Stopped');
      expect(status('Digoxin')).to.equal('Active — period of use ended 31-May-2001');
      expect(status('Clarithromycin')).to.equal('Entered in error');
      expect(text(part(el, 'caption'))).to.equal('Medication, including history');
      await expect(el).to.be.accessible();
    });

    it('grouped by status: one <tbody> per status with a row-group header, current statuses first', async () => {
      const { el } = await mount(fixtureResources(), html`<zk-medication-list patient-id=${P} show-history group-by-status></zk-medication-list>`);
      const headers = [...root(el).querySelectorAll('tbody > tr > th[scope="rowgroup"]')].map(text);
      expect(headers).to.deep.equal(['Active (2)', 'On hold (1)', 'Intended (1)', 'Period ended (1)', 'Stopped (1)', 'Entered in error (1)']);
      expect(root(el).querySelectorAll('tbody')).to.have.length(6);
      expect(headers.every((_, i) => root(el).querySelectorAll('tbody')[i].querySelector('th[scope="rowgroup"]')!.getAttribute('colspan') === '6')).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('empty: "No medication recorded."', async () => {
      const { el } = await mount([]);
      expect(text(part(el, 'empty'))).to.equal('No medication recorded.');
      await expect(el).to.be.accessible();
    });

    it('no current medication: says so, says how many are in the history, and shows them with one button', async () => {
      const { el } = await mount(fixtureResources().filter((r) => ['ma-amlodipine', 'ma-digoxin', 'ma-error'].includes(r.id!)));
      const empty = part(el, 'empty')!;
      expect(text(empty)).to.contain('No current medication.');
      expect(text(empty)).to.contain('3 earlier medications are in the history.');
      await expect(el).to.be.accessible();
      part(el, 'show-history-button')!.click();
      await el.updateComplete;
      expect(el.showHistory).to.equal(true);
      expect(names(el)).to.have.length(3);
    });

    it('error: a message a clinician understands and "Try again", which loads the list', async () => {
      const adapter = new TestAdapter(fixtureResources());
      adapter.failSearches.push(new NetworkError('offline'), new NetworkError('offline'));
      const context = await fixture(html`<zk-context .adapter=${adapter}><zk-medication-list patient-id=${P}></zk-medication-list></zk-context>`);
      const el = context.querySelector('zk-medication-list')!;
      await settle(el);
      const error = part(el, 'error')!;
      expect(error.getAttribute('role')).to.equal('alert');
      expect(text(error)).to.contain('The medication could not be loaded.');
      expect(text(error)).to.contain('The server could not be reached.');
      await expect(el).to.be.accessible();
      part(el, 'retry-button')!.click();
      await settle(el);
      expect(names(el)).to.have.length(4);
    });

    it('no patient: no patient-id and none in the launch context', async () => {
      const { el } = await mount(fixtureResources(), html`<zk-medication-list></zk-medication-list>`);
      expect(text(part(el, 'no-patient'))).to.equal('No patient selected.');
      await expect(el).to.be.accessible();
    });

    it('no data source: says it is not connected', async () => {
      const el = await fixture<List>(html`<zk-medication-list patient-id=${P}></zk-medication-list>`);
      await settle(el);
      expect(text(part(el, 'no-client'))).to.equal('Not connected to a data source.');
      await expect(el).to.be.accessible();
    });

    it('takes the patient from the launch context when there is no patient-id', async () => {
      const { el } = await mount(fixtureResources(), html`<zk-medication-list></zk-medication-list>`, { patient: P });
      expect(names(el)).to.have.length(4);
    });

    it('reloads when medication changes through the client, keeping the list on screen meanwhile', async () => {
      const { el, adapter, client } = await mount(fixtureResources());
      await adapter.create(request('ma-new', { medicationCodeableConcept: { text: 'Omeprazole capsule 20 mg' } }));
      client.invalidate('MedicationRequest');
      await el.updateComplete;
      expect(part(el, 'loading')).to.equal(null);
      await settle(el);
      expect(names(el)).to.include('Omeprazole capsule 20 mg');
    });
  });

  describe('table semantics and keyboard', () => {
    it('is a native table: caption, a column header for every column, a row header (the name) for every row', async () => {
      const { el } = await mount(fixtureResources());
      const table = part(el, 'table')!;
      expect(table.tagName).to.equal('TABLE');
      expect([...table.querySelectorAll('thead th[scope="col"]')].map(text).map((t) => t.replace(/[▲▼↕]/g, '').trim()))
        .to.deep.equal(['Medication', 'Strength', 'Dosage', 'Status', 'Period', 'Prescriber']);
      for (const row of table.querySelectorAll('tbody tr')) {
        expect(row.querySelector('th[scope="row"] [part~="name"]')).to.exist;
        expect(row.querySelector('th[scope="row"] [part~="source"]')).to.exist;
        expect(row.querySelectorAll('td')).to.have.length(5);
      }
    });

    it('a value the records do not give reads "Not recorded" / "No dosage given" in muted text, recorded values in the text colour', async () => {
      const { el } = await mount(fixtureResources(), html`<zk-medication-list patient-id=${P} show-history></zk-medication-list>`);
      const row = (name: string) => parts(el, 'row').find((r) => text(r.querySelector('[part~="name"]')).startsWith(name))!;
      const cell = (name: string, column: string) => row(name).querySelector<HTMLElement>(`[part~="${column}"]`)!;
      // The colour the words are drawn in: of the innermost element holding all of the cell's text.
      const colour = (node: Element) => getComputedStyle([...node.querySelectorAll('*')].reverse().find((e) => text(e) === text(node)) ?? node).color;
      // Amlodipine: no strength, no dosage, no prescriber; metoprolol: all three recorded.
      expect([text(cell('Amlodipine', 'strength')), text(cell('Amlodipine', 'dosage')), text(cell('Amlodipine', 'prescriber'))])
        .to.deep.equal(['Not recorded', 'No dosage given', 'Not recorded']);
      expect(text(cell('Metoprolol', 'prescriber'))).to.equal('Dr. A. Jansen');
      const muted = colour(cell('Amlodipine', 'strength'));
      const normal = colour(cell('Metoprolol', 'strength'));
      expect(muted).to.not.equal(normal);
      for (const column of ['dosage', 'prescriber']) {
        expect(colour(cell('Amlodipine', column)), column).to.equal(muted);
        expect(colour(cell('Metoprolol', column)), column).to.equal(normal);
      }
      // The words are the cell's own text: nothing hidden from screen readers, nothing only for them.
      expect(cell('Amlodipine', 'strength').querySelector('[aria-hidden], .zk-visually-hidden')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('aria-sort is only on the sorted column, and sorting by status, period and name reorders the rows', async () => {
      const { el } = await mount(fixtureResources());
      const sorted = () => [...root(el).querySelectorAll('th[aria-sort]')].map((th) => [th.className, th.getAttribute('aria-sort')]);
      expect(sorted()).to.deep.equal([['col-name', 'ascending']]);
      sortButton(el, 'status').click();
      await el.updateComplete;
      expect(sorted()).to.deep.equal([['col-status', 'ascending']]);
      expect(statuses(el)).to.deep.equal(['Active', 'Active', 'On hold', 'Intended']);
      expect(el.getAttribute('sort')).to.equal('status');
      sortButton(el, 'period').click();
      await el.updateComplete;
      expect(parts(el, 'period').map(text)).to.deep.equal(['from 01-May-2023', 'from 01-Jan-2024', 'from 01-Mar-2025', 'Not recorded']);
      sortButton(el, 'period').click();
      await el.updateComplete;
      expect(sorted()).to.deep.equal([['col-period', 'descending']]);
      expect(parts(el, 'period').map(text)[0]).to.equal('from 01-Mar-2025');
      expect(el.getAttribute('sort-direction')).to.equal('descending');
      await expect(el).to.be.accessible();
    });

    it('announces the result count and the sort order politely', async () => {
      const { el } = await mount(fixtureResources());
      await waitUntil(() => announced(el) === '4 current medications shown. Sorted by Medication, ascending.', 'count announced');
      sortButton(el, 'name').click();
      await waitUntil(() => announced(el) === '4 current medications shown. Sorted by Medication, descending.', 'sort announced');
    });

    it('keyboard: Tab reaches the filter, the toggles, the sort buttons and every name (the table never scrolls sideways, so it is no Tab stop); Enter and Space on a name fire zk-medication-select', async function () {
      // Seven round trips to the driver: WebDriver classic (WebKit) on a busy machine takes longer than CDP.
      this.timeout(30_000);
      const { el } = await mount(fixtureResources());
      (part(el, 'filter') as HTMLInputElement).focus();
      const seen: string[] = [];
      for (let i = 0; i < 5; i += 1) {
        await press('Tab');
        const active = root(el).activeElement as HTMLElement;
        seen.push(active.getAttribute('part') ?? active.className);
      }
      // Below the table's width the rows become cards: nothing scrolls sideways, so no scroller
      // takes focus in any engine (an unnamed Tab stop in Firefox before).
      expect(seen).to.deep.equal(['history-toggle', 'group-toggle', 'sort-button', 'sort-button', 'sort-button']);
      const scroller = root(el).querySelector('.scroll')!;
      expect(getComputedStyle(scroller).overflowX).to.equal('visible');
      expect(scroller.hasAttribute('tabindex')).to.equal(false);
      await setLocale('en');
      await el.updateComplete;
      const name = parts(el, 'name')[0];
      name.focus();
      // Each key press finishes (down and up) before the next starts: two at once overlap in the
      // driver's one keyboard, and WebKit's then sometimes lost the Space.
      const enter = oneEvent<ZkMedicationSelectEvent>(el, 'zk-medication-select');
      await press('Enter');
      expect((await enter).detail.row.name).to.equal(text(name));
      const space = oneEvent<ZkMedicationSelectEvent>(el, 'zk-medication-select');
      await press('Space');
      expect((await space).detail.row.name).to.equal(text(name));
    });

    it('a click on a name fires a typed zk-medication-select that bubbles out of the shadow root, with the resource and the row', async () => {
      const { el } = await mount(fixtureResources());
      const name = parts(el, 'name').find((n) => text(n).startsWith('Metoprolol'))!;
      setTimeout(() => name.click());
      const event = await oneEvent<ZkMedicationSelectEvent>(document, 'zk-medication-select');
      expect(event.bubbles && event.composed).to.equal(true);
      expect(event.detail.resource.id).to.equal('ma-metoprolol');
      expect(event.detail.row.sources.map((s) => s.id)).to.deep.equal(['ma-metoprolol', 'mgb-metoprolol']);
    });
  });

  describe('filter', () => {
    it('filters as you type, announces the new count, and clears from an empty result', async () => {
      const { el } = await mount(fixtureResources());
      await typeFilter(el, 'para');
      expect(names(el)).to.deep.equal(['Paracetamol tablet 500 mg']);
      expect(text(part(el, 'count'))).to.equal('1 of 4 medications shown');
      await waitUntil(() => announced(el).startsWith('1 of 4 medications shown.'), 'filtered count announced');
      await typeFilter(el, 'zzz');
      expect(part(el, 'table')).to.equal(null);
      expect(text(part(el, 'empty'))).to.contain('No medication matches “zzz”.');
      await expect(el).to.be.accessible();
      part(el, 'clear-filter-button')!.click();
      await el.updateComplete;
      expect(names(el)).to.have.length(4);
      expect((part(el, 'filter') as HTMLInputElement).value).to.equal('');
    });

    it('the filter has a label and is a search field', async () => {
      const { el } = await mount(fixtureResources());
      const input = part(el, 'filter') as HTMLInputElement;
      expect(input.type).to.equal('search');
      expect(text(root(el).querySelector(`label[for="${input.id}"]`))).to.equal('Filter medication');
    });
  });

  describe('names, doses and languages', () => {
    it('shows a long medication name in full, wrapped, never truncated or abbreviated', async () => {
      const long = 'Amoxicilline/clavulaanzuur Sandoz dispergeerbare tablet 500/125 mg '.repeat(3).trim();
      const { el } = await mount([request('ma-long', { medicationCodeableConcept: { text: long } })],
        html`<div style="width: 320px"><zk-medication-list patient-id=${P}></zk-medication-list></div>`);
      const name = parts(el, 'name')[0];
      expect(text(name)).to.equal(long);
      const style = getComputedStyle(name);
      expect(style.textOverflow).to.not.equal('ellipsis');
      expect(style.whiteSpace).to.equal('normal');
      expect(name.scrollWidth).to.be.at.most(name.clientWidth + 1);
      expect(name.getBoundingClientRect().height).to.be.greaterThan(parseFloat(style.lineHeight) * 2);
      await expect(el).to.be.accessible();
    });

    it('writes doses by the display rules on screen: no trailing zero, leading zero, no "U" / "IU" / "cc"', async () => {
      const { el } = await mount([
        request('ma-a', { medicationCodeableConcept: { text: 'Heparin' }, dosageInstruction: [{ doseAndRate: [{ doseQuantity: { value: 5000.0, unit: 'U' } }], timing: { repeat: { frequency: 1, period: 2, periodUnit: 'd' } } }] }),
        request('ma-b', { medicationCodeableConcept: { text: 'Lactulose' }, dosageInstruction: [{ doseAndRate: [{ doseQuantity: { value: 7.50, unit: 'cc' } }] }] }),
        request('ma-c', { medicationCodeableConcept: { text: 'Vitamin D' }, dosageInstruction: [{ doseAndRate: [{ doseQuantity: { value: 0.5, unit: 'IU' } }] }] }),
      ]);
      const dosages = parts(el, 'dosage').map((d) => nbsp(text(d)));
      expect(dosages).to.deep.equal(['5,000 units every other day', '7.5 mL', '0.5 international units']);
    });

    it('Dutch: headers, statuses and dosages in Dutch with the decimal comma', async () => {
      await setLocale('nl');
      const { el } = await mount(fixtureResources());
      expect(text(part(el, 'caption'))).to.equal('Actuele medicatie');
      expect(text(sortButton(el, 'name')).replace(/[▲▼↕]/g, '').trim()).to.equal('Geneesmiddel');
      expect(statuses(el)).to.include('Onderbroken');
      const insulin = parts(el, 'row').find((r) => text(r).includes('Insulin'))!;
      expect(nbsp(text(insulin.querySelector('[part~="dosage"]')))).to.equal('12,5 internationale eenheden 1 keer per dag voor het slapengaan, subcutaan');
      expect(text(part(el, 'count'))).to.equal('4 actuele geneesmiddelen getoond');
      await expect(el).to.be.accessible();
      await setLocale('en');
      await el.updateComplete;
      expect(text(part(el, 'caption'))).to.equal('Current medication');
    });

    it('stacked (narrow): each value after its column name, in the list\'s language (en, nl)', async () => {
      const { el } = await mount(fixtureResources(), html`<zk-medication-list style="width: 360px" patient-id=${P}></zk-medication-list>`);
      // The name drawn before each cell of the first card (generated content: the first quoted string).
      const drawn = () => [...parts(el, 'row')[0].children].slice(1).map(pseudoText);
      expect(drawn()).to.deep.equal(['Strength', 'Dosage', 'Status', 'Period', 'Prescriber']);
      await setLocale('nl');
      await el.updateComplete;
      expect(drawn()).to.deep.equal(['Sterkte', 'Dosering', 'Status', 'Periode', 'Voorschrijver']);
      await setLocale('en');
      await el.updateComplete;
      expect(drawn()).to.deep.equal(['Strength', 'Dosage', 'Status', 'Period', 'Prescriber']);
      // The wide table draws none: its column headers name the cells.
      el.style.width = '1200px';
      await nextFrame();
      expect(getComputedStyle(parts(el, 'row')[0].children[1], '::before').content).to.equal('none');
    });

    it('shows every dosage, with its source, when merged sources disagree', async () => {
      const { el } = await mount([
        request('ma-x', { medicationCodeableConcept: METOPROLOL_CODE, dosageInstruction: [daily(2)] }),
        statement('mgb-x', { medicationCodeableConcept: METOPROLOL_CODE, dosage: [daily(1)] }),
      ]);
      const dosage = part(el, 'dosage')!;
      expect(text(dosage)).to.contain('The sources give different dosages');
      const groups = [...dosage.querySelectorAll('.dosage-group')].map((g) => [text(g.querySelector('.dosage-source')), nbsp(text(g.querySelector('ul')))]);
      expect(groups).to.deep.equal([['Medication agreement', '2 tablets once daily'], ['Medication use', '1 tablet once daily']]);
      await expect(el).to.be.accessible();
    });

    it('status rule: an agreement on hold beside an active use shows "On hold" and each source\'s status (en, nl)', async () => {
      const { el } = await mount([
        request('ma-hold', { status: 'on-hold', medicationCodeableConcept: METOPROLOL_CODE, authoredOn: '2026-01-10', dosageInstruction: [daily(1)] }),
        statement('mgb-hold', { medicationCodeableConcept: METOPROLOL_CODE, dosage: [daily(1)] }),
      ]);
      expect(statuses(el)).to.deep.equal(['On hold']);
      const cell = part(el, 'status')!.closest('td');
      expect(text(cell)).to.contain('The sources give different statuses');
      expect(statusSources(cell)).to.deep.equal([['Medication agreement', 'On hold'], ['Medication use', 'Active']]);
      expect(part(el, 'status')!.getAttribute('part')).to.equal('status status-current');
      await expect(el).to.be.accessible();
      await setLocale('nl');
      await el.updateComplete;
      const nl = part(el, 'status')!.closest('td');
      expect(statuses(el)).to.deep.equal(['Onderbroken']);
      expect(text(nl)).to.contain('De bronnen geven verschillende statussen');
      expect(statusSources(nl)).to.deep.equal([['Medicatieafspraak', 'Onderbroken'], ['Medicatiegebruik', 'Actief']]);
      await expect(el).to.be.accessible();
    });

    it('stop rule: a newer stop is shown beside the current row, which keeps its own status; the history lists the stop too', async () => {
      const { el } = await mount([
        request('ma-old', { medicationCodeableConcept: METOPROLOL_CODE, authoredOn: '2024-01-01', dosageInstruction: [daily(1)] }),
        statement('mgb-now', { medicationCodeableConcept: METOPROLOL_CODE, dateAsserted: '2024-01-03', dosage: [daily(1)] }),
        request('ma-stop', { medicationCodeableConcept: METOPROLOL_CODE, authoredOn: '2026-02-01', modifierExtension: [stopType('410546004')], dosageInstruction: [daily(1)] }),
      ], html`<zk-medication-list patient-id=${P} group-by-status></zk-medication-list>`);
      expect(statusSources(part(el, 'status')!.closest('td'))).to.deep.equal([['Medication agreement, Medication use', 'Active'], ['Medication agreement', 'Stopped']]);
      expect(part(el, 'status')!.getAttribute('part')).to.equal('status status-current');
      expect([...root(el).querySelectorAll('th[scope="rowgroup"]')].map(text)).to.deep.equal(['Active (1)']);
      expect(text(part(el, 'count'))).to.equal('1 current medication shown');
      await expect(el).to.be.accessible();
      el.showHistory = true;
      await el.updateComplete;
      expect([...root(el).querySelectorAll('th[scope="rowgroup"]')].map(text)).to.deep.equal(['Active (1)', 'Stopped (1)']);
      await expect(el).to.be.accessible();
    });

    it('stop type rule: an "active" agreement with ext-StopType stopgezet is not in the current list; the history shows it "Stopped" (en, nl)', async () => {
      const { el } = await mount([request('ma-stopped', { medicationCodeableConcept: { text: 'Acenocoumarol tablet 1 mg' }, modifierExtension: [stopType('410546004')] })]);
      expect(names(el)).to.deep.equal([]);
      expect(text(part(el, 'empty'))).to.contain('No current medication.');
      part(el, 'show-history-button')!.click();
      await el.updateComplete;
      expect(statuses(el)).to.deep.equal(['Stopped']);
      await setLocale('nl');
      await el.updateComplete;
      expect(statuses(el)).to.deep.equal(['Gestopt']);
      await expect(el).to.be.accessible();
    });

    it('modifier rule: a record with a modifier extension the list does not understand shows "See the record", not "Active" (en, nl)', async () => {
      const { el } = await mount([request('ma-odd', {
        medicationCodeableConcept: { text: 'Methotrexate tablet 2.5 mg' },
        modifierExtension: [{ url: 'http://example.org/fhir/StructureDefinition/only-if', valueString: 'Alleen op voorschrift van de reumatoloog' }],
      })]);
      expect(statuses(el)).to.deep.equal(['See the record']);
      await expect(el).to.be.accessible();
      await setLocale('nl');
      await el.updateComplete;
      expect(statuses(el)).to.deep.equal(['Zie het dossier']);
      await expect(el).to.be.accessible();
    });

    it('primary rule: the dose in effect today is shown first and a later one says "not yet started" (en, nl)', async () => {
      const code = { coding: [{ system: G_STANDAARD.hpk, code: '4444444' }], text: 'Prednisolone tablet 5 mg' };
      const now = { start: dayFromToday(-14), end: dayFromToday(15) };
      const later = { start: dayFromToday(16), end: dayFromToday(46) };
      const { el } = await mount([
        request('ma-now', { medicationCodeableConcept: code, authoredOn: now.start, extension: [periodExt(now.start, now.end)], dosageInstruction: [daily(4)] }),
        request('ma-later', { medicationCodeableConcept: code, authoredOn: dayFromToday(-1), extension: [periodExt(later.start, later.end)], dosageInstruction: [daily(2)] }),
      ]);
      expect(statuses(el)).to.deep.equal(['Active']);
      expect(nbsp(text(part(el, 'period')))).to.not.contain('not yet started');
      const groups = () => [...part(el, 'dosage')!.querySelectorAll('.dosage-group')].map((g) => [nbsp(text(g.querySelector('.dosage-source'))), nbsp(text(g.querySelector('ul')))]);
      expect(groups().map((g) => g[1])).to.deep.equal(['4 tablets once daily', '2 tablets once daily']);
      expect(groups()[1][0]).to.match(/^Medication agreement \(from .+, not yet started\)$/);
      await expect(el).to.be.accessible();
      await setLocale('nl');
      await el.updateComplete;
      expect(groups()[1][0]).to.match(/^Medicatieafspraak \(vanaf .+, nog niet gestart\)$/);
    });

    it('not-started rule: a medication whose period starts after today says so in the period (en, nl)', async () => {
      const start = dayFromToday(10);
      const { el } = await mount([request('ma-future', { medicationCodeableConcept: { text: 'Alendronic acid tablet 70 mg' }, extension: [periodExt(start)] })]);
      expect(nbsp(text(part(el, 'period')))).to.match(/^from \d\d-\w{3}-\d{4} \(not yet started\)$/);
      await setLocale('nl');
      await el.updateComplete;
      expect(nbsp(text(part(el, 'period')))).to.match(/^vanaf \d\d \w{3} \d{4} \(nog niet gestart\)$/);
      await expect(el).to.be.accessible();
    });
  });

  describe('scale', () => {
    // The virtualizer's benign "ResizeObserver loop completed with undelivered notifications" is not a
    // failure (see its README); the runner still logs it as "null".
    setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach);

    function many(n: number): Resource[] {
      return Array.from({ length: n }, (_, i) => request(`ma-${i}`, {
        status: i % 10 === 0 ? 'stopped' : 'active',
        medicationCodeableConcept: { text: `Testmedication ${String(i).padStart(4, '0')} tablet ${(i % 9) + 1} mg` },
        dosageInstruction: [daily((i % 3) + 1)],
      }));
    }

    it('renders 1,000 rows as a virtualised ARIA table and filtering narrows them', async () => {
      const { el } = await mount(many(1000), html`<zk-medication-list patient-id=${P} show-history></zk-medication-list>`);
      // The virtualizer is loaded on first need: until then the body says it is loading, never an empty table.
      if (!part(el, 'table')) expect(part(el, 'loading')?.getAttribute('aria-busy')).to.equal('true');
      await waitUntil(() => part(el, 'table'), 'the virtualised table (its code loads on first use)');
      const table = part(el, 'table')!;
      expect(table.getAttribute('role')).to.equal('table');
      expect(table.getAttribute('aria-rowcount')).to.equal('1001');
      await waitUntil(() => table.querySelectorAll('[part~="row"]').length > 0, 'rows rendered');
      const rendered = table.querySelectorAll('[part~="row"]').length;
      expect(rendered, 'only the visible rows are in the DOM').to.be.below(1000);
      expect(table.querySelector('[role="columnheader"][aria-sort="ascending"]')).to.exist;
      expect(table.querySelector('[part~="row"]')!.getAttribute('aria-rowindex')).to.equal('2');
      expect(table.querySelector('[part~="row"] [role="rowheader"] [part~="name"]')).to.exist;
      await expect(el).to.be.accessible();

      el.filter = 'stopped';
      await el.updateComplete;
      expect(text(part(el, 'count'))).to.equal('100 of 1000 medications shown');
      expect(part(el, 'table')!.tagName, 'below the threshold: a native table').to.equal('TABLE');
      expect(statuses(el).every((s) => s === 'Stopped')).to.equal(true);
      expect(names(el)).to.have.length(100);
      el.filter = 'Testmedication 0123';
      await el.updateComplete;
      expect(names(el)).to.deep.equal(['Testmedication 0123 tablet 7 mg']);

      el.filter = '';
      el.groupByStatus = true;
      await el.updateComplete;
      const grouped = part(el, 'table')!;
      expect(grouped.getAttribute('aria-rowcount')).to.equal(String(1000 + 2 + 1));
      await waitUntil(() => grouped.querySelector('[part~="group-header"] [role="rowheader"]'), 'group header rendered');
      expect(text(grouped.querySelector('[part~="group-header"]'))).to.equal('Active (900)');
      await expect(el).to.be.accessible();
    });

    it('a long grouped list follows a language switch, ungrouping and a filter that keeps it long', async () => {
      const { el } = await mount(many(1000), html`<zk-medication-list patient-id=${P} show-history group-by-status virtualize-threshold="50"></zk-medication-list>`);
      const headers = () => parts(el, 'group-header').map(text);
      await waitUntil(() => headers().length > 0, 'group header rendered');
      expect(headers()[0]).to.equal('Active (900)');
      try {
        await setLocale('nl');
        await el.updateComplete;
        await waitUntil(() => headers()[0] === 'Actief (900)', 'group header in Dutch');
      } finally {
        await setLocale('en');
      }
      await el.updateComplete;
      await waitUntil(() => headers()[0] === 'Active (900)', 'group header back in English');

      el.groupByStatus = false;
      await el.updateComplete;
      expect(part(el, 'table')!.getAttribute('aria-rowcount')).to.equal('1001');
      await waitUntil(() => headers().length === 0 && names(el).length > 0, 'rows without group headers');

      // Every tenth row is stopped: 100 rows, above this list's threshold of 50.
      el.filter = 'stopped';
      await el.updateComplete;
      expect(text(part(el, 'count'))).to.equal('100 of 1000 medications shown');
      expect(part(el, 'table')!.getAttribute('aria-rowcount')).to.equal('101');
      await waitUntil(() => statuses(el).length > 0 && statuses(el).every((s) => s === 'Stopped'), 'only stopped rows shown');
      expect(names(el)[0]).to.equal('Testmedication 0000 tablet 1 mg');
    });

    it('the last of 1,000 rows can be scrolled to', async () => {
      const { el } = await mount(many(1000), html`<zk-medication-list patient-id=${P} show-history sort-direction="descending"></zk-medication-list>`);
      const table = part(el, 'table')!;
      // Row heights are measured as rows render, so the bottom moves while scrolling: keep going.
      await waitUntil(() => {
        window.scrollTo(0, document.documentElement.scrollHeight);
        return names(el).includes('Testmedication 0000 tablet 1 mg');
      }, 'last row rendered after scrolling', { timeout: 5000 });
      const last = parts(el, 'row').find((r) => text(r).includes('Testmedication 0000'))!;
      expect(last.getAttribute('aria-rowindex')).to.equal('1001');
      expect(table.getAttribute('aria-rowcount')).to.equal('1001');
      window.scrollTo(0, 0);
    });

    it('the demo patient with 60+ medication records opens on a short current list', async () => {
      const adapter = new MemoryAdapter(demoBundle);
      const records = await new UtilityClient(adapter).getMedications('patient-van-putten');
      expect(records.length).to.be.at.least(60);
      const context = await fixture(html`<zk-context .adapter=${adapter}><zk-medication-list patient-id="patient-van-putten"></zk-medication-list></zk-context>`);
      const el = context.querySelector('zk-medication-list')!;
      await settle(el);
      const current = names(el).length;
      expect(current).to.be.within(1, 15);
      part(el, 'history-toggle')!.click();
      await el.updateComplete;
      expect(names(el).length).to.be.at.least(60);
    });
  });

  describe('theming', () => {
    it('exposes ::part()s and --zk-medication-list-* properties', async () => {
      const style = document.createElement('style');
      style.textContent = 'zk-medication-list.themed::part(name) { font-style: italic; } zk-medication-list.themed { --zk-medication-list-name-color: rgb(1, 2, 3); }';
      document.head.append(style);
      try {
        const { el } = await mount(fixtureResources(), html`<zk-medication-list class="themed" patient-id=${P}></zk-medication-list>`);
        const name = parts(el, 'name')[0];
        expect(getComputedStyle(name).fontStyle).to.equal('italic');
        expect(getComputedStyle(name).color).to.equal('rgb(1, 2, 3)');
        for (const p of ['toolbar', 'filter', 'history-toggle', 'group-toggle', 'count', 'caption', 'table', 'sort-button', 'row', 'dosage', 'status', 'period', 'source']) {
          expect(part(el, p), p).to.exist;
        }
      } finally {
        style.remove();
      }
    });

    it('every private --_zk-ml-* token is defined and used', () => {
      const cssText = listStyles.cssText;
      const defined = new Set([...cssText.matchAll(/(--_zk-ml-[\w-]+)\s*:/g)].map((m) => m[1]));
      const used = new Set([...cssText.matchAll(/var\((--_zk-ml-[\w-]+)/g)].map((m) => m[1]));
      expect([...used].filter((t) => !defined.has(t)), 'used but not defined').to.deep.equal([]);
      expect([...defined].filter((t) => !used.has(t)), 'defined but not used').to.deep.equal([]);
    });
  });
});
