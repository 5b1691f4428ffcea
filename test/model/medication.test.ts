import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type { MedicationRecord } from '../../src/core/client.js';
import type { Dosage, Medication, MedicationRequest, MedicationStatement } from '../../src/core/fhir.js';
import type { CalendarDate } from '../../src/model/date.js';
import {
  G_STANDAARD, countRows, filterRows, groupRows, medicationKind, medicationRows, periodOfUse, recordStatus, searchable, sortRows, statusTone, visibleRows,
  type MedicationRow,
} from '../../src/model/medication.js';

const SNOMED = 'http://snomed.info/sct';
const UCUM = 'http://unitsofmeasure.org';
const TODAY: CalendarDate = { year: 2025, month: 6, day: 15 };
const plain = (text: string | undefined) => text?.replace(/\u00a0/g, ' ');

const AGREEMENT = { coding: [{ system: SNOMED, code: '33633005', display: 'Prescription of drug' }] };
const DISPENSE_REQUEST = { coding: [{ system: SNOMED, code: '52711000146108' }] };
const USE = { coding: [{ system: SNOMED, code: '422979000' }] };

const dailyTablets = (n: number): Dosage => ({
  timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } },
  doseAndRate: [{ doseQuantity: { value: n, code: '{tbl}', system: UCUM } }],
});

let nextId = 1;
function request(fields: Partial<MedicationRequest> = {}): MedicationRequest {
  return {
    resourceType: 'MedicationRequest',
    id: `mr-${nextId++}`,
    status: 'active',
    intent: 'order',
    subject: { reference: 'Patient/p1' },
    medicationCodeableConcept: { text: 'Metoprolol tablet 50 mg' },
    ...fields,
  };
}
function statement(fields: Partial<MedicationStatement> = {}): MedicationStatement {
  return {
    resourceType: 'MedicationStatement',
    id: `ms-${nextId++}`,
    status: 'active',
    subject: { reference: 'Patient/p1' },
    medicationCodeableConcept: { text: 'Metoprolol tablet 50 mg' },
    ...fields,
  };
}
const rec = (resource: MedicationRequest | MedicationStatement, extra: Partial<MedicationRecord> = {}): MedicationRecord => ({ resource, ...extra });
const rows = (records: MedicationRecord[], locale: 'en' | 'nl' = 'en') => medicationRows(records, { locale, today: TODAY });
const hpk = (code: string, display?: string) => ({ coding: [{ system: G_STANDAARD.hpk, code, display }], text: display });
const NICTIZ = 'http://nictiz.nl/fhir/StructureDefinition/';
const stopType = (code: string) => ({ url: `${NICTIZ}ext-StopType`, valueCodeableConcept: { coding: [{ system: SNOMED, code }] } });
const periodExt = (start: string, end?: string) => ({ url: `${NICTIZ}ext-TimeInterval.Period`, valuePeriod: { start, end } });
const durationExt = (value: number, code: string) => ({ url: `${NICTIZ}ext-TimeInterval.Duration`, valueDuration: { value, code, system: UCUM } });
const statusSources = (row: MedicationRow) => row.statusBySource.map((g) => [plain(g.label), g.statusText]);

describe('model/medication', () => {
  describe('kinds (Medicatieproces 9)', () => {
    it('recognises medication agreement, dispense request and medication use by category, and labels them', () => {
      expect(medicationKind(request({ category: [AGREEMENT] }))).to.equal('agreement');
      expect(medicationKind(request({ category: [DISPENSE_REQUEST] }))).to.equal('dispense-request');
      expect(medicationKind(statement({ category: USE }))).to.equal('use');
      expect(medicationKind(request())).to.equal('request');
      expect(medicationKind(statement())).to.equal('statement');
      const [row] = rows([rec(request({ category: [DISPENSE_REQUEST] }))], 'nl');
      expect(row.kindText).to.equal('Verstrekkingsverzoek');
    });

    it('recognises the MP9 profiles when there is no category', () => {
      const meta = (p: string) => ({ meta: { profile: [`http://nictiz.nl/fhir/StructureDefinition/${p}`] } });
      expect(medicationKind(request(meta('mp-MedicationAgreement')))).to.equal('agreement');
      expect(medicationKind(request(meta('mp-DispenseRequest')))).to.equal('dispense-request');
      expect(medicationKind(statement(meta('mp-MedicationUse2')))).to.equal('use');
    });
  });

  describe('name and strength', () => {
    it('shows the name in full from Medication.code.text, a coding display, or medicationCodeableConcept', () => {
      const long = 'Amoxicilline/clavulaanzuur Sandoz dispergeerbare tablet 500 mg/125 mg, met een zeer lange naam die nooit wordt afgekort';
      const medication: Medication = { resourceType: 'Medication', id: 'm1', code: { text: long } };
      const [a] = rows([rec(request({ medicationReference: { reference: 'Medication/m1' }, medicationCodeableConcept: undefined }), { medication })]);
      expect(a.name).to.equal(long);
      const [b] = rows([rec(request({ medicationCodeableConcept: { coding: [{ system: 'http://www.whocc.no/atc', code: 'C07AB02', display: 'metoprolol' }, { system: G_STANDAARD.hpk, code: '123', display: 'Selokeen ZOC 50' }] } }))]);
      expect(b.name).to.equal('Selokeen ZOC 50');
    });

    it('finds a contained Medication when the client did not resolve it', () => {
      const resource = request({
        medicationCodeableConcept: undefined,
        medicationReference: { reference: '#med' },
        contained: [{ resourceType: 'Medication', id: 'med', code: { text: 'Paracetamol 500 mg' } }],
      });
      expect(rows([rec(resource)])[0].name).to.equal('Paracetamol 500 mg');
    });

    it('says the name is not known instead of showing nothing or "?"', () => {
      expect(rows([rec(request({ medicationCodeableConcept: undefined }))])[0].name).to.equal('Medication name not known');
      expect(rows([rec(request({ medicationCodeableConcept: undefined }))], 'nl')[0].name).to.equal('Naam geneesmiddel onbekend');
    });

    it('shows the strength of the active ingredients in its own field', () => {
      const medication: Medication = {
        resourceType: 'Medication',
        code: { text: 'Co-trimoxazol tablet' },
        ingredient: [
          { itemCodeableConcept: { text: 'sulfamethoxazol' }, isActive: true, strength: { numerator: { value: 400, code: 'mg', system: UCUM }, denominator: { value: 1, code: '{tbl}' } } },
          { itemCodeableConcept: { text: 'trimethoprim' }, strength: { numerator: { value: 80.0, code: 'mg' }, denominator: { value: 1, code: '{tbl}' } } },
          { itemCodeableConcept: { text: 'lactose' }, isActive: false, strength: { numerator: { value: 20, code: 'mg' } } },
        ],
      };
      expect(plain(rows([rec(request(), { medication })])[0].strength)).to.equal('400 mg + 80 mg');
      const insulin: Medication = { resourceType: 'Medication', ingredient: [{ strength: { numerator: { value: 100, code: '[iU]' }, denominator: { value: 1, code: 'mL' } } }] };
      expect(plain(rows([rec(request(), { medication: insulin })], 'nl')[0].strength)).to.equal('100 internationale eenheden/mL');
    });
  });

  describe('current or history', () => {
    it('counts active, on-hold and intended as current, and stopped, completed, cancelled, draft as history', () => {
      const statuses = ['active', 'on-hold', 'stopped', 'completed', 'cancelled', 'draft', 'unknown'] as const;
      const result = rows(statuses.map((status) => rec(request({ status }))));
      expect(result.map((r) => [r.status, r.statusGroup])).to.deep.equal([
        ['active', 'current'], ['on-hold', 'current'], ['stopped', 'history'], ['completed', 'history'],
        ['cancelled', 'history'], ['draft', 'history'], ['unknown', 'history'],
      ]);
      expect(recordStatus(statement({ status: 'intended' }), TODAY).group).to.equal('current');
      expect(recordStatus(statement({ status: 'not-taken' }), TODAY)).to.deep.equal({ status: 'not-taken', group: 'history' });
    });

    it('moves an active record whose period of use ended before today to history, "Active — period of use ended …" beside the recorded status; ending today is still current', () => {
      const ended = request({ extension: [periodExt('2025-01-01', '2025-06-14')] });
      const endsToday = request({ extension: [periodExt('2025-01-01', '2025-06-15')] });
      expect(recordStatus(ended, TODAY)).to.deep.equal({ status: 'ended', group: 'history' });
      expect(recordStatus(endsToday, TODAY)).to.deep.equal({ status: 'active', group: 'current' });
      expect(rows([rec(ended)])[0].statusText).to.equal('Active — period of use ended 14-Jun-2025');
      expect(rows([rec(request({ status: 'on-hold', extension: [periodExt('2025-01-01', '2025-06-14')] }))], 'nl')[0].statusText)
        .to.equal('Onderbroken — gebruiksperiode verstreken op 14\u00a0jun\u00a02025');
      // A partial end date lasts to its last day.
      const bounds = (end: string) => [{ timing: { repeat: { boundsPeriod: { end } } } }];
      expect(recordStatus(request({ dosageInstruction: bounds('2025-06') }), TODAY).group).to.equal('current');
      expect(recordStatus(request({ dosageInstruction: bounds('2025-05') }), TODAY).group).to.equal('history');
    });

    it('dispenseRequest.validityPeriod is not a period of use: one that ended is shown beside the recorded status, which stays current', () => {
      const expired = request({ dispenseRequest: { validityPeriod: { start: '2015-01-15', end: '2016-01-15' } } });
      expect(periodOfUse(expired)).to.deep.equal({});
      expect(recordStatus(expired, TODAY)).to.deep.equal({ status: 'active', group: 'current' });
      expect(rows([rec(expired)])[0].statusText).to.equal('Active — validity period ended 15-Jan-2016');
      expect(rows([rec(request({ dispenseRequest: { validityPeriod: { end: '2025-06' } } }))])[0].statusText).to.equal('Active');
    });

    it('reads the period end from effectivePeriod, boundsPeriod, boundsDuration and the Nictiz TimeInterval extensions', () => {
      expect(periodOfUse(statement({ effectivePeriod: { start: '2025-01-01', end: '2025-02-01' } }))).to.deep.equal({ start: '2025-01-01', end: '2025-02-01' });
      const bounds = request({ dosageInstruction: [{ timing: { repeat: { boundsPeriod: { start: '2025-03-01', end: '2025-03-10' } } } }] });
      expect(periodOfUse(bounds)).to.deep.equal({ start: '2025-03-01', end: '2025-03-10' });
      const course = request({ dosageInstruction: [{ timing: { repeat: { boundsPeriod: { start: '2025-06-01' }, boundsDuration: { value: 7, code: 'd' } } } }] });
      expect(periodOfUse(course)).to.deep.equal({ start: '2025-06-01', end: '2025-06-07' });
      expect(recordStatus(course, TODAY).status).to.equal('ended');
      const nictiz = request({
        extension: [
          { url: 'http://nictiz.nl/fhir/StructureDefinition/ext-TimeInterval.Period', valuePeriod: { start: '2025-06-01' } },
          { url: 'http://nictiz.nl/fhir/StructureDefinition/ext-TimeInterval.Duration', valueDuration: { value: 1, code: 'mo', system: UCUM } },
        ],
      });
      expect(periodOfUse(nictiz)).to.deep.equal({ start: '2025-06-01', end: '2025-06-30' });
      expect(recordStatus(nictiz, TODAY).group).to.equal('current');
    });

    it('treats an open-ended dosage line as an open-ended treatment', () => {
      const r = request({
        dosageInstruction: [
          { sequence: 1, timing: { repeat: { boundsPeriod: { start: '2025-01-01', end: '2025-01-07' } } } },
          { sequence: 2, timing: { repeat: { boundsPeriod: { start: '2025-01-08' } } } },
        ],
      });
      expect(periodOfUse(r)).to.deep.equal({ start: '2025-01-01', end: undefined });
      expect(recordStatus(r, TODAY).group).to.equal('current');
    });

    it('never shows entered-in-error as current; it appears only with history, labelled "Entered in error"', () => {
      const all = rows([rec(request({ status: 'entered-in-error' })), rec(request())]);
      const error = all.find((r) => r.statusGroup === 'error')!;
      expect(error.statusText).to.equal('Entered in error');
      expect(visibleRows(all, false).map((r) => r.status)).to.deep.equal(['active']);
      expect(visibleRows(all, true)).to.have.length(2);
      expect(countRows(all)).to.deep.equal({ current: 1, history: 0, error: 1 });
    });
  });

  describe('merging by code', () => {
    it('merges the same coded medication from several sources into one row that lists its sources', () => {
      const code = hpk('1234567', 'Metoprolol ZOC tablet 50 mg');
      const agreement = request({ category: [AGREEMENT], medicationCodeableConcept: code, requester: { display: 'Dr. A. Jansen' }, dosageInstruction: [dailyTablets(1)] });
      const use = statement({ category: USE, medicationCodeableConcept: code, dosage: [dailyTablets(1)] });
      const dispense = request({ category: [DISPENSE_REQUEST], medicationCodeableConcept: code });
      const other = request({ medicationCodeableConcept: hpk('7654321', 'Omeprazol 20 mg') });
      const result = rows([rec(use), rec(dispense), rec(other), rec(agreement)]);
      expect(result).to.have.length(2);
      const merged = result[0];
      expect(merged.kindText).to.equal('Medication agreement, Dispense request, Medication use');
      expect(merged.kinds).to.deep.equal(['agreement', 'dispense-request', 'use']);
      expect(merged.sources).to.have.length(3);
      expect(merged.resource).to.equal(agreement);
      expect(merged.prescriber).to.equal('Dr. A. Jansen');
      expect(merged.dosageText.map(plain)).to.deep.equal(['1 tablet once daily']);
      expect(merged.dosageDiffers).to.equal(false);
      expect(rows([rec(use), rec(agreement)], 'nl')[0].kindText).to.equal('Medicatieafspraak, Medicatiegebruik');
    });

    it('prefers the G-Standaard HPK over PRK and GPK as merge code, and never merges on an ATC code', () => {
      const prkOnly = { coding: [{ system: G_STANDAARD.prk, code: '555' }], text: 'Metoprolol 50 mg' };
      const both = { coding: [{ system: G_STANDAARD.gpk, code: '999' }, { system: G_STANDAARD.prk, code: '555' }], text: 'Metoprolol 50 mg' };
      expect(rows([rec(request({ medicationCodeableConcept: prkOnly })), rec(statement({ medicationCodeableConcept: both }))])).to.have.length(1);
      const atcA = { coding: [{ system: 'http://www.whocc.no/atc', code: 'N02BE01' }], text: 'Paracetamol 500 mg' };
      const atcB = { coding: [{ system: 'http://www.whocc.no/atc', code: 'N02BE01' }], text: 'Paracetamol 1000 mg' };
      expect(rows([rec(request({ medicationCodeableConcept: atcA })), rec(request({ medicationCodeableConcept: atcB }))])).to.have.length(2);
    });

    it('never merges uncoded records, history records or entered-in-error', () => {
      expect(rows([rec(request()), rec(statement())])).to.have.length(2);
      const code = hpk('42');
      const result = rows([
        rec(request({ status: 'stopped', medicationCodeableConcept: code })),
        rec(request({ status: 'completed', medicationCodeableConcept: code })),
        rec(request({ status: 'entered-in-error', medicationCodeableConcept: code })),
        rec(request({ medicationCodeableConcept: code })),
      ]);
      expect(result.map((r) => r.status)).to.deep.equal(['stopped', 'completed', 'entered-in-error', 'active']);
      expect(new Set(result.map((r) => r.key)).size).to.equal(4);
    });

    it('keeps every distinct dosage when merged sources disagree', () => {
      const code = hpk('1');
      const result = rows([
        rec(request({ category: [AGREEMENT], medicationCodeableConcept: code, dosageInstruction: [dailyTablets(2)] })),
        rec(statement({ category: USE, medicationCodeableConcept: code, dosage: [dailyTablets(1)] })),
      ]);
      expect(result).to.have.length(1);
      expect(result[0].dosageDiffers).to.equal(true);
      expect(result[0].dosage.map((d) => [d.label, d.lines.map(plain)])).to.deep.equal([
        ['Medication agreement', ['2 tablets once daily']],
        ['Medication use', ['1 tablet once daily']],
      ]);
    });
  });

  describe('merged sources that disagree on status (the prescriber decides, the row shows the difference)', () => {
    const code = hpk('3333333', 'Acenocoumarol tablet 1 mg');
    const agreement = (fields: Partial<MedicationRequest> = {}) => request({ category: [AGREEMENT], medicationCodeableConcept: code, ...fields });
    const use = (fields: Partial<MedicationStatement> = {}) => statement({ category: USE, medicationCodeableConcept: code, ...fields });

    it('status rule: an agreement on hold and a use active is one current row "On hold", showing each status with its source (en, nl)', () => {
      const records = [rec(use({ dateAsserted: '2025-06-12' })), rec(agreement({ status: 'on-hold', authoredOn: '2025-06-10' }))];
      const [row, ...others] = rows(records);
      expect(others).to.have.length(0);
      expect([row.status, row.statusText, row.statusGroup]).to.deep.equal(['on-hold', 'On hold', 'current']);
      expect(row.statusDiffers).to.equal(true);
      expect(statusSources(row)).to.deep.equal([['Medication agreement', 'On hold'], ['Medication use', 'Active']]);
      expect(visibleRows([row], false)).to.have.length(1);
      expect(groupRows([row], 'en').map((g) => g.label)).to.deep.equal(['On hold']);
      const [nl] = rows(records, 'nl');
      expect(nl.statusText).to.equal('Onderbroken');
      expect(statusSources(nl)).to.deep.equal([['Medicatieafspraak', 'Onderbroken'], ['Medicatiegebruik', 'Actief']]);
    });

    it('status rule: the newest agreement decides, also over an older active agreement; sources that agree show no difference', () => {
      const [row] = rows([
        rec(agreement({ authoredOn: '2025-01-01' })),
        rec(agreement({ status: 'on-hold', authoredOn: '2025-06-01' })),
        rec(use()),
      ]);
      expect(row.status).to.equal('on-hold');
      expect(statusSources(row)).to.deep.equal([['Medication agreement', 'On hold'], ['Medication agreement, Medication use', 'Active']]);
      const [same] = rows([rec(agreement()), rec(use())]);
      expect([same.status, same.statusDiffers, same.statusBySource.length]).to.deep.equal(['active', false, 0]);
    });

    it('status rule: two sources of one kind with different statuses are told apart by the date they were recorded (en, nl)', () => {
      const records = [rec(agreement({ authoredOn: '2025-01-01' })), rec(agreement({ status: 'on-hold', authoredOn: '2025-06-01' }))];
      expect(statusSources(rows(records)[0])).to.deep.equal([
        ['Medication agreement (recorded 01-Jun-2025)', 'On hold'], ['Medication agreement (recorded 01-Jan-2025)', 'Active'],
      ]);
      expect(statusSources(rows(records, 'nl')[0])).to.deep.equal([
        ['Medicatieafspraak (vastgelegd 01 jun 2025)', 'Onderbroken'], ['Medicatieafspraak (vastgelegd 01 jan 2025)', 'Actief'],
      ]);
    });

    it('stop rule: a newer stop is shown beside the current row it may stop; the row keeps its status and stays in sight, the stop is in the history too', () => {
      const result = rows([
        rec(agreement({ authoredOn: '2024-01-01' })),
        rec(use({ dateAsserted: '2024-01-03' })),
        rec(agreement({ status: 'stopped', authoredOn: '2025-06-01' })),
      ]);
      expect(result.map((r) => [r.status, r.statusGroup, r.sources.length])).to.deep.equal([['active', 'current', 3], ['stopped', 'history', 1]]);
      const [row] = result;
      expect(row.statusDiffers).to.equal(true);
      expect(statusSources(row)).to.deep.equal([['Medication agreement, Medication use', 'Active'], ['Medication agreement', 'Stopped']]);
      expect(row.resource.authoredOn, 'the deciding record is a current one').to.equal('2024-01-01');
      expect(visibleRows(result, false)).to.deep.equal([row]);
      expect(rows([rec(agreement({ authoredOn: '2024-01-01' })), rec(agreement({ status: 'stopped', authoredOn: '2025-06-01' }))], 'nl')[0].statusBySource.map((g) => g.statusText))
        .to.deep.equal(['Actief', 'Gestopt']);
    });

    it('stop rule: a stop never moves a medication out of sight; an older stop (the medication was restarted) is only a history row', () => {
      const superseded = rows([rec(agreement({ authoredOn: '2024-01-01' })), rec(agreement({ status: 'stopped', authoredOn: '2025-06-01' }))]);
      expect(superseded.map((r) => [r.status, r.statusGroup, r.statusDiffers])).to.deep.equal([['active', 'current', true], ['stopped', 'history', false]]);
      const resumed = rows([rec(agreement({ status: 'stopped', authoredOn: '2019-01-01' })), rec(agreement({ authoredOn: '2024-01-01' })), rec(use())]);
      expect(resumed.map((r) => [r.status, r.statusGroup, r.sources.length])).to.deep.equal([['stopped', 'history', 1], ['active', 'current', 2]]);
      expect(resumed[1].statusDiffers).to.equal(false);
    });

    it('stop rule: a dose change that starts later stays in the current list beside the stop of the old dose (MP9 stop-MA and new MA)', () => {
      // Today is 15 June: the old agreement was stopped on 12 June, the new dose starts on 16 June.
      const result = rows([
        rec(agreement({ authoredOn: '2025-01-10', dosageInstruction: [dailyTablets(1)], extension: [periodExt('2025-01-10')] })),
        rec(agreement({ authoredOn: '2025-06-12', modifierExtension: [stopType('410546004')], extension: [periodExt('2025-01-10', '2025-06-12')] })),
        rec(agreement({ authoredOn: '2025-06-12', dosageInstruction: [dailyTablets(2)], extension: [periodExt('2025-06-16')] })),
      ]);
      const current = visibleRows(result, false);
      expect(current).to.have.length(1);
      expect(current[0].sources).to.have.length(3);
      expect(current[0].statusDiffers, 'the stop is shown').to.equal(true);
      expect(current[0].dosage.map((d) => [plain(d.label), d.lines.map(plain)])).to.deep.equal([
        ['Medication agreement (from 10-Jan-2025)', ['1 tablet once daily']],
        ['Medication agreement (from 16-Jun-2025, not yet started)', ['2 tablets once daily']],
      ]);
    });

    it('stop rule: a stop for later is "Active" until its day and shown beside the other records as such; it never lends its end to the row (en, nl)', () => {
      const treatment = (value: string) => ({ url: `${NICTIZ}ext-PharmaceuticalTreatment.Identifier`, valueIdentifier: { value } });
      const records = [
        rec(agreement({ authoredOn: '2025-01-01', extension: [treatment('t1'), periodExt('2025-01-01')] })),
        rec(agreement({ authoredOn: '2025-05-01', extension: [treatment('t2'), periodExt('2025-05-01')] })),
        // Recorded on 5 June: treatment t1 stops after 20 June (today is 15 June).
        rec(agreement({ authoredOn: '2025-06-05', modifierExtension: [stopType('410546004')], extension: [treatment('t1'), periodExt('2025-01-01', '2025-06-20')] })),
      ];
      const [row, ...others] = rows(records);
      expect(others).to.have.length(0);
      expect([row.status, row.statusGroup, plain(row.periodText)]).to.deep.equal(['active', 'current', 'from 01-May-2025']);
      expect(statusSources(row)).to.deep.equal([['Medication agreement (2)', 'Active'], ['Medication agreement', 'Active, stops after 20-Jun-2025']]);
      expect(rows(records, 'nl')[0].statusBySource.map((g) => plain(g.statusText))).to.deep.equal(['Actief', 'Actief, stopt na 20 jun 2025']);
      // A pause for later (also one whose FHIR status already says on-hold) is "Active" until its day.
      const pause = agreement({ status: 'on-hold', authoredOn: '2025-06-05', modifierExtension: [stopType('385655000')], extension: [periodExt('2025-01-01', '2025-06-20')] });
      expect(recordStatus(pause, TODAY)).to.deep.equal({ status: 'active', group: 'current' });
      expect(statusSources(rows([rec(agreement({ authoredOn: '2025-01-01' })), rec(pause)])[0]))
        .to.deep.equal([['Medication agreement (recorded 01-Jan-2025)', 'Active'], ['Medication agreement (recorded 05-Jun-2025)', 'Active, on hold after 20-Jun-2025']]);
    });

    it('stop rule: every treatment\'s newest stop is shown; a stop counts against any dated current record; a stop without a written date counts from its end', () => {
      const treatment = (value: string) => ({ url: `${NICTIZ}ext-PharmaceuticalTreatment.Identifier`, valueIdentifier: { value } });
      // Per current row: how many stopped records are shown beside it (its sources that are stopped, while its statuses differ).
      const stopsShown = (records: MedicationRecord[]) => visibleRows(rows(records), false)
        .map((r) => (r.statusDiffers ? r.sources.filter((x) => x.status === 'stopped').length : 0));
      expect(stopsShown([
        rec(agreement({ authoredOn: '2025-01-01', extension: [treatment('t1')] })),
        rec(agreement({ authoredOn: '2025-02-01', extension: [treatment('t2')] })),
        rec(agreement({ status: 'stopped', authoredOn: '2025-04-01', extension: [treatment('t1')] })),
        rec(agreement({ status: 'stopped', authoredOn: '2025-05-01', extension: [treatment('t2')] })),
      ]), 'one stop per treatment, both shown').to.deep.equal([2]);
      // A use still "active" from before the stop; the only agreement is a restart that has not started.
      expect(stopsShown([
        rec(use({ dateAsserted: '2025-01-02' })),
        rec(agreement({ status: 'stopped', authoredOn: '2025-05-01' })),
        rec(agreement({ authoredOn: '2025-06-01', extension: [periodExt('2025-07-01')] })),
      ])).to.deep.equal([1]);
      // No written date: the stop was made by the end of its period.
      expect(stopsShown([
        rec(agreement({ authoredOn: '2025-01-10' })),
        rec(agreement({ status: 'stopped', extension: [periodExt('2025-01-01', '2025-05-01')] })),
      ])).to.deep.equal([1]);
    });

    it('stop rule: a stop in another treatment (ext-PharmaceuticalTreatment.Identifier) is not shown beside this one', () => {
      const treatment = (value: string) => ({ url: `${NICTIZ}ext-PharmaceuticalTreatment.Identifier`, valueIdentifier: { system: 'urn:oid:2.16.840.1.113883.2.4.3.11.999.77.1.1', value } });
      const result = rows([
        rec(agreement({ authoredOn: '2024-11-01', extension: [treatment('gp-1')] })),
        rec(agreement({ authoredOn: '2025-06-01', modifierExtension: [stopType('410546004')], extension: [treatment('hosp-7'), periodExt('2025-05-20', '2025-06-01')] })),
      ]);
      expect(result.map((r) => [r.status, r.statusGroup, r.statusDiffers])).to.deep.equal([['active', 'current', false], ['stopped', 'history', false]]);
    });
  });

  describe('stop type and modifier extensions (a modifier is never ignored)', () => {
    it('stop type rule: ext-StopType "stopgezet" (410546004, MP9 2.x 113371000146109) on an active record is "Stopped", in the history (en, nl)', () => {
      for (const code of ['410546004', '113371000146109']) {
        const r = request({ modifierExtension: [stopType(code)] });
        expect(recordStatus(r, TODAY), code).to.deep.equal({ status: 'stopped', group: 'history' });
        const all = rows([rec(r)]);
        expect(visibleRows(all, false), code).to.have.length(0);
        expect(all[0].statusText).to.equal('Stopped');
        expect(rows([rec(r)], 'nl')[0].statusText).to.equal('Gestopt');
      }
    });

    it('stop type rule: "onderbroken" (385655000, MP9 2.x 113381000146106) is "On hold" and stays current after its period ended (en, nl)', () => {
      for (const code of ['385655000', '113381000146106']) {
        const r = statement({ modifierExtension: [stopType(code)], effectivePeriod: { start: '2025-01-01', end: '2025-06-10' } });
        expect(recordStatus(r, TODAY), code).to.deep.equal({ status: 'on-hold', group: 'current' });
        expect(rows([rec(r)], 'nl')[0].statusText).to.equal('Onderbroken');
      }
    });

    it('stop type rule: a stop agreement takes effect at the end of its period of use: used until that day, stopped (or on hold) after it (en, nl)', () => {
      const timeInterval = (end: string) => ({ url: 'http://nictiz.nl/fhir/StructureDefinition/ext-TimeInterval.Period', valuePeriod: { start: '2025-01-01', end } });
      const stop = (code: string, end: string) => request({ modifierExtension: [stopType(code)], extension: [timeInterval(end)] });
      // Recorded now, stopping on 20 June: on 15 June the medication is still used.
      expect(recordStatus(stop('410546004', '2025-06-20'), TODAY)).to.deep.equal({ status: 'active', group: 'current' });
      expect(recordStatus(stop('410546004', '2025-06-15'), TODAY), 'the last day of use').to.deep.equal({ status: 'active', group: 'current' });
      expect(recordStatus(stop('410546004', '2025-06-14'), TODAY)).to.deep.equal({ status: 'stopped', group: 'history' });
      expect(recordStatus(stop('385655000', '2025-06-20'), TODAY)).to.deep.equal({ status: 'active', group: 'current' });
      expect(recordStatus(stop('385655000', '2025-06-14'), TODAY)).to.deep.equal({ status: 'on-hold', group: 'current' });
      const [later] = rows([rec(stop('410546004', '2025-06-20'))]);
      expect([later.statusText, plain(later.periodText)]).to.deep.equal(['Active', '01-Jan-2025 to 20-Jun-2025']);
      expect(rows([rec(stop('410546004', '2025-06-20'))], 'nl')[0].statusText).to.equal('Actief');
      // A cancellation has no later moment: it is cancelled at once.
      expect(recordStatus(request({ modifierExtension: [stopType('89925002')], extension: [timeInterval('2025-06-20')] }), TODAY).status).to.equal('cancelled');
    });

    it('stop type rule: a stop type sent as a plain extension counts the same; "geannuleerd" (89925002) is "Cancelled"', () => {
      expect(recordStatus(request({ extension: [stopType('410546004')] }), TODAY)).to.deep.equal({ status: 'stopped', group: 'history' });
      expect(recordStatus(request({ extension: [stopType('385655000')] }), TODAY)).to.deep.equal({ status: 'on-hold', group: 'current' });
      expect(recordStatus(request({ modifierExtension: [stopType('89925002')] }), TODAY)).to.deep.equal({ status: 'cancelled', group: 'history' });
    });

    it('modifier rule: an unknown modifierExtension (on the record, a dosage line or its Medication) or a stop type with an unknown code shows "See the record", never "Active", and stays in sight (en, nl)', () => {
      const unknown = { url: 'http://example.org/fhir/StructureDefinition/not-really', valueBoolean: true };
      const medication: Medication = { resourceType: 'Medication', code: { text: 'Metoprolol tablet 50 mg' }, modifierExtension: [unknown] };
      const records = [
        rec(request({ modifierExtension: [unknown] })),
        rec(request({ dosageInstruction: [{ ...dailyTablets(1), modifierExtension: [unknown] } as Dosage] })),
        rec(request(), { medication }),
        rec(request({ modifierExtension: [stopType('999999')] })),
      ];
      const en = rows(records);
      expect(en.map((r) => [r.status, r.statusText, r.statusGroup])).to.deep.equal(Array(4).fill(['see-record', 'See the record', 'current']));
      expect(rows(records, 'nl').map((r) => r.statusText)).to.deep.equal(Array(4).fill('Zie het dossier'));
      expect(recordStatus(request({ status: 'stopped', modifierExtension: [unknown] }), TODAY)).to.deep.equal({ status: 'see-record', group: 'history' });
      expect(statusTone('see-record')).to.not.equal('current');
      // Every place FHIR R4 allows a modifier in these records: timing, dispense request, initial fill, substitution, ingredient, batch.
      const withModifier = { modifierExtension: [unknown] };
      const elsewhere: [MedicationRequest, Medication | undefined][] = [
        [request({ dosageInstruction: [{ ...dailyTablets(1), timing: { ...dailyTablets(1).timing, ...withModifier } }] }), undefined],
        [request({ dispenseRequest: { ...withModifier } }), undefined],
        [request({ dispenseRequest: { initialFill: { ...withModifier } } }), undefined],
        [request({ substitution: { allowedBoolean: true, ...withModifier } }), undefined],
        [request(), { resourceType: 'Medication', ingredient: [{ itemCodeableConcept: { text: 'metoprolol' }, ...withModifier }] }],
        [request(), { resourceType: 'Medication', batch: { lotNumber: 'B1', ...withModifier } }],
      ];
      for (const [resource, med] of elsewhere) expect(recordStatus(resource, TODAY, med).status).to.equal('see-record');
      // The known stop type on the record is not an unknown modifier; a contained resource is not the record.
      expect(recordStatus(request({ modifierExtension: [stopType('385655000')], contained: [{ resourceType: 'Practitioner', id: 'p', modifierExtension: [unknown] }] }), TODAY).status).to.equal('on-hold');
    });
  });

  describe('in effect today and not yet started', () => {
    const code = hpk('4444444', 'Prednisolon tablet 5 mg');
    const june = () => request({ category: [AGREEMENT], medicationCodeableConcept: code, authoredOn: '2025-05-28', extension: [periodExt('2025-06-01', '2025-06-30')], dosageInstruction: [dailyTablets(4)] });
    const july = () => request({ category: [AGREEMENT], medicationCodeableConcept: code, authoredOn: '2025-06-10', extension: [periodExt('2025-07-01', '2025-07-31')], dosageInstruction: [dailyTablets(2)] });

    it('primary rule: the record in effect today comes first (dose and period), not the newest-written one that starts later (en, nl)', () => {
      const [row] = rows([rec(june()), rec(july())]);
      expect(row.status).to.equal('active');
      expect(row.dosageText.map(plain)).to.deep.equal(['4 tablets once daily']);
      expect(plain(row.periodText)).to.equal('01-Jun-2025 to 30-Jun-2025');
      expect([row.start, row.end, row.notStarted]).to.deep.equal(['2025-06-01', '2025-06-30', false]);
      expect(row.dosage.map((d) => [plain(d.label), d.lines.map(plain)])).to.deep.equal([
        ['Medication agreement (from 01-Jun-2025)', ['4 tablets once daily']],
        ['Medication agreement (from 01-Jul-2025, not yet started)', ['2 tablets once daily']],
      ]);
      const [nl] = rows([rec(july()), rec(june())], 'nl');
      expect(plain(nl.periodText)).to.equal('01 jun 2025 tot en met 30 jun 2025');
      expect(nl.dosage.map((d) => plain(d.label))).to.deep.equal(['Medicatieafspraak (vanaf 01 jun 2025)', 'Medicatieafspraak (vanaf 01 jul 2025, nog niet gestart)']);
    });

    it('not-started rule: a period that starts after today says "not yet started" and is not the current dose beside a use in effect (en, nl)', () => {
      const [alone] = rows([rec(july())]);
      expect([plain(alone.periodText), alone.notStarted, alone.statusGroup]).to.deep.equal(['01-Jul-2025 to 31-Jul-2025 (not yet started)', true, 'current']);
      expect(plain(rows([rec(july())], 'nl')[0].periodText)).to.equal('01 jul 2025 tot en met 31 jul 2025 (nog niet gestart)');
      expect(filterRows([alone], 'not yet started')).to.have.length(1);
      const [withUse] = rows([rec(july()), rec(statement({ category: USE, medicationCodeableConcept: code, effectivePeriod: { start: '2025-06-01' }, dosage: [dailyTablets(4)] }))]);
      expect(withUse.dosageText.map(plain)).to.deep.equal(['4 tablets once daily']);
      expect([plain(withUse.periodText), withUse.notStarted]).to.deep.equal(['from 01-Jun-2025', false]);
      expect(withUse.dosage.map((d) => plain(d.label))).to.deep.equal(['Medication use', 'Medication agreement (not yet started)']);
    });
  });

  describe('period end from a start and a duration', () => {
    const ending = (start: string, value: number, unit: string) => periodOfUse(request({ extension: [periodExt(start), durationExt(value, unit)] })).end;

    it('month rule: a month ends the day before the same day number next month, or on the last day when that day does not exist (as age.ts counts months)', () => {
      expect(['2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31'].map((start) => ending(start, 1, 'mo')))
        .to.deep.equal(['2025-02-27', '2025-02-28', '2025-02-28', '2025-02-28']);
      expect(ending('2024-01-31', 1, 'mo')).to.equal('2024-02-29');
      expect(ending('2025-03-31', 1, 'mo')).to.equal('2025-04-30');
      expect(ending('2024-02-29', 1, 'a')).to.equal('2025-02-28');
      expect(ending('2025-01-15', 1, 'mo')).to.equal('2025-02-14');
      // Still current on its last day, 28 Feb.
      const r = request({ extension: [periodExt('2025-01-31'), durationExt(1, 'mo')] });
      expect(recordStatus(r, { year: 2025, month: 2, day: 28 }).group).to.equal('current');
    });

    it('hour rule: hours and minutes end on the calendar day their last moment falls in (en, nl)', () => {
      expect(ending('2025-06-14', 36, 'h')).to.equal('2025-06-15');
      expect(ending('2025-06-14', 24, 'h')).to.equal('2025-06-14');
      expect(ending('2025-06-14', 90, 'min')).to.equal('2025-06-14');
      expect(ending('2025-06-14T20:00:00+02:00', 6, 'h')).to.equal('2025-06-15');
      expect(ending('2025-06-14T08:00:00+02:00', 1, 'd')).to.equal('2025-06-15');
      const course = request({ extension: [periodExt('2025-06-14'), durationExt(36, 'h')] });
      expect(plain(rows([rec(course)])[0].periodText)).to.equal('14-Jun-2025 to 15-Jun-2025');
      expect(plain(rows([rec(course)], 'nl')[0].periodText)).to.equal('14 jun 2025 tot en met 15 jun 2025');
      expect(recordStatus(course, TODAY).group).to.equal('current');
      expect(recordStatus(course, { year: 2025, month: 6, day: 16 })).to.deep.equal({ status: 'ended', group: 'history' });
      expect(recordStatus(request({ extension: [periodExt('2025-06-13'), durationExt(24, 'h')] }), TODAY).status).to.equal('ended');
    });

    it('duration rule: a duration in the words the dosage text reads ("5 dagen", Dutch "u" for hours) also ends the period', () => {
      const inWords = (start: string, value: number, unit: string) => periodOfUse(request({
        extension: [periodExt(start), { url: `${NICTIZ}ext-TimeInterval.Duration`, valueDuration: { value, unit } }],
      })).end;
      expect(inWords('2025-06-01', 5, 'dagen')).to.equal('2025-06-05');
      expect(inWords('2025-06-14', 36, 'u')).to.equal('2025-06-15');
      expect(inWords('2025-06-01', 2, 'weken')).to.equal('2025-06-14');
      expect(inWords('2025-06-01', 5, 'furlongs'), 'no time unit: no end rather than a guess').to.equal(undefined);
    });
  });

  describe('row text', () => {
    it('shows the start date or the period, the prescriber, and the Nictiz rendered text when there is no dosage', () => {
      const r = request({
        requester: { reference: '#p' },
        contained: [{ resourceType: 'Practitioner', id: 'p', name: [{ family: 'Bakker', given: ['Anna'] }] }],
        extension: [
          periodExt('2025-01-01'),
          { url: 'http://nictiz.nl/fhir/StructureDefinition/ext-RenderedDosageInstruction', valueString: 'Vanaf 1 jan 2025, 1 maal per dag 1 stuk' },
        ],
      });
      const [row] = rows([rec(r)], 'nl');
      expect(row.periodText).to.equal('vanaf 01\u00a0jan\u00a02025'); // a date never breaks over two lines
      expect(row.prescriber).to.equal('Anna Bakker');
      expect(row.dosageText).to.deep.equal(['Vanaf 1 jan 2025, 1 maal per dag 1 stuk']);
      const [en] = rows([rec(request({ extension: [periodExt('2025-01-01', '2025-12-31')] }))]);
      expect(en.periodText).to.equal('01-Jan-2025 to 31-Dec-2025');
    });

    it('gives unique keys and skips records that are not medication requests or statements', () => {
      const same = request({ id: 'dup' });
      const result = medicationRows([rec(same), rec({ ...same }), { resource: { resourceType: 'Patient' } } as unknown as MedicationRecord], { locale: 'en', today: TODAY });
      expect(result).to.have.length(2);
      expect(result[0].key).to.not.equal(result[1].key);
    });
  });

  describe('filter, sort, group', () => {
    const build = (): MedicationRow[] => rows([
      rec(request({ medicationCodeableConcept: { text: 'Zolpidem 10 mg' }, extension: [periodExt('2024-03-01')] })),
      rec(request({ status: 'on-hold', medicationCodeableConcept: { text: 'Ácido fólico 5 mg' }, extension: [periodExt('2025-02-01')] })),
      rec(request({ status: 'stopped', medicationCodeableConcept: { text: 'amlodipine 5 mg' }, requester: { display: 'Dr. Visser' } })),
      rec(request({ medicationCodeableConcept: { text: 'Metformine 500 mg' }, dosageInstruction: [dailyTablets(2)], extension: [periodExt('2023-01-01')] })),
    ]);

    it('filters as you type: every word, ignoring case and accents, over name, dosage, status and prescriber', () => {
      const all = build();
      expect(filterRows(all, 'acido').map((r) => r.name)).to.deep.equal(['Ácido fólico 5 mg']);
      expect(filterRows(all, 'AMLO 5').map((r) => r.name)).to.deep.equal(['amlodipine 5 mg']);
      expect(filterRows(all, 'tablets daily').map((r) => r.name)).to.deep.equal(['Metformine 500 mg']);
      expect(filterRows(all, 'visser').map((r) => r.name)).to.deep.equal(['amlodipine 5 mg']);
      expect(filterRows(all, 'on hold').map((r) => r.name)).to.deep.equal(['Ácido fólico 5 mg']);
      expect(filterRows(all, '   ')).to.have.length(4);
      expect(filterRows(all, 'nothing like this')).to.have.length(0);
    });

    it('filters over what a merged row shows of every source: each dosage, each status, the sources', () => {
      const code = hpk('1234', 'Metoprolol tablet 50 mg');
      const [row] = rows([
        rec(request({ category: [AGREEMENT], status: 'on-hold', medicationCodeableConcept: code, dosageInstruction: [dailyTablets(2)] })),
        rec(statement({ category: USE, medicationCodeableConcept: code, dosage: [dailyTablets(1)] })),
      ]);
      expect(row.dosageDiffers && row.statusDiffers, 'the sources differ').to.equal(true);
      // The second source's dosage and status, and its kind, are text the row shows, so the filter finds them.
      expect(filterRows([row], '1 tablet once')).to.have.length(1);
      expect(filterRows([row], '2 tablets once')).to.have.length(1);
      expect(filterRows([row], 'medication use')).to.have.length(1);
      expect(filterRows([row], 'active')).to.have.length(1);
      expect(filterRows([row], 'on hold')).to.have.length(1);
      expect(filterRows([row], '3 tablets')).to.have.length(0);
    });

    it('sorts by name with the locale collation, in both directions', () => {
      const all = build();
      expect(sortRows(all, 'name', 'ascending', 'en').map((r) => r.name)).to.deep.equal(['Ácido fólico 5 mg', 'amlodipine 5 mg', 'Metformine 500 mg', 'Zolpidem 10 mg']);
      expect(sortRows(all, 'name', 'descending', 'en').map((r) => r.name)[0]).to.equal('Zolpidem 10 mg');
    });

    it('filter text ignores case, accents and white space for any text, plain ASCII or not (property, 1,000 runs)', () => {
      const reference = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ');
      const text = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom('Ácido fólico', 'CAFE\u0301', 'Zoë\tvan  Dijk', 'İstanbul', '\u00a0x'));
      fc.assert(fc.property(text, (t) => { expect(searchable(t)).to.equal(reference(t)); }), { numRuns: 1000, seed: 20261122 });
    });

    it('sorts by name, start or status with names that repeat or differ only in case and accents as the collation says, ties by key in code-unit order (property, 500 runs)', () => {
      const names = ['Paracetamol 500 mg', 'paracetamol 500 mg', 'Páracetamol 500 mg', 'Amlodipine 5 mg', 'amlodipine 10 mg', 'Zolpidem 10 mg', 'Ácido fólico 5 mg', 'item 2', 'item 10'];
      const rowArb = fc.record({
        name: fc.constantFrom(...names),
        key: fc.string({ minLength: 1, maxLength: 6 }),
        start: fc.option(fc.constantFrom('2023-01-01', '2024-06-30', '2024-06'), { nil: undefined }),
        status: fc.constantFrom('active', 'on-hold', 'stopped', 'entered-in-error'),
      });
      const sorts = fc.constantFrom('name' as const, 'start' as const, 'status' as const);
      fc.assert(fc.property(fc.uniqueArray(rowArb, { selector: (r) => r.key, maxLength: 40 }), sorts, fc.constantFrom('en' as const, 'nl' as const), fc.constantFrom('ascending' as const, 'descending' as const), (raw, sort, locale, direction) => {
        const rows = raw.map((r) => ({ ...r }) as MedicationRow);
        // The rule, written out with the collator on every comparison (ties by key, code-unit order).
        const c = new Intl.Collator(locale === 'nl' ? 'nl-NL' : 'en-GB', { numeric: true, sensitivity: 'base' });
        const sign = direction === 'descending' ? -1 : 1;
        const byName = (a: MedicationRow, b: MedicationRow) => c.compare(a.name, b.name);
        const order = ['active', 'on-hold', 'intended', 'ended', 'stopped', 'completed', 'cancelled', 'draft', 'not-taken', 'unknown', 'entered-in-error'];
        const expected = [...rows].sort((a, b) => {
          if (sort === 'start') {
            if (!a.start !== !b.start) return a.start ? -1 : 1;
            return sign * (a.start! < b.start! ? -1 : a.start! > b.start! ? 1 : 0) || byName(a, b);
          }
          if (sort === 'status') return sign * (order.indexOf(a.status) - order.indexOf(b.status)) || byName(a, b);
          return sign * byName(a, b) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
        });
        expect(sortRows(rows, sort, direction, locale).map((r) => r.key)).to.deep.equal(expected.map((r) => r.key));
      }), { numRuns: 500, seed: 20261122 });
    });

    it('sorts by start date with rows without a date last in both directions', () => {
      const all = build();
      expect(sortRows(all, 'start', 'ascending', 'en').map((r) => r.start)).to.deep.equal(['2023-01-01', '2024-03-01', '2025-02-01', undefined]);
      expect(sortRows(all, 'start', 'descending', 'en').map((r) => r.start)).to.deep.equal(['2025-02-01', '2024-03-01', '2023-01-01', undefined]);
    });

    it('sorts by status (current first) and groups by status in that order', () => {
      const all = build();
      expect(sortRows(all, 'status', 'ascending', 'en').map((r) => r.status)).to.deep.equal(['active', 'active', 'on-hold', 'stopped']);
      const groups = groupRows(sortRows(all, 'name', 'ascending', 'nl'), 'nl');
      expect(groups.map((g) => [g.label, g.rows.length])).to.deep.equal([['Actief', 2], ['Onderbroken', 1], ['Gestopt', 1]]);
      expect(groups[0].rows.map((r) => r.name)).to.deep.equal(['Metformine 500 mg', 'Zolpidem 10 mg']);
    });
  });
});
