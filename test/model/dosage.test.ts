import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type { Dosage, Quantity, Timing } from '../../src/core/fhir.js';
import { dosageLine, dosageText, formatPeriod, renderedDosageInstruction } from '../../src/model/dosage.js';
import type { ZkLocale } from '../../src/model/locale.js';
import { formatQuantity } from '../../src/model/quantity.js';

const UCUM = 'http://unitsofmeasure.org';
const SNOMED = 'http://snomed.info/sct';
const plain = (text: string | undefined) => text?.replace(/\u00a0/g, ' ');
const line = (dosage: Dosage, locale: ZkLocale) => plain(dosageLine(dosage, locale));
const tablets = (value: number): Quantity => ({ value, unit: 'tablet', code: '{tbl}', system: UCUM });
const repeat = (r: NonNullable<Timing['repeat']>): Timing => ({ repeat: r });
const mg = (value: number): Quantity => ({ value, unit: 'mg', code: 'mg', system: UCUM });
const RENDERED = 'http://nictiz.nl/fhir/StructureDefinition/ext-RenderedDosageInstruction';
/** A periodUnit outside the required UCUM binding, as records in the wild have them. */
const offBinding = (unit: string) => unit as NonNullable<Timing['repeat']>['periodUnit'];

describe('model/dosage', () => {
  describe('frequency and period', () => {
    const cases: [NonNullable<Timing['repeat']>, string, string][] = [
      [{ frequency: 1, period: 1, periodUnit: 'd' }, 'Once daily', '1 keer per dag'],
      [{ frequency: 2, period: 1, periodUnit: 'd' }, '2 times daily', '2 keer per dag'],
      [{ frequency: 2, frequencyMax: 3, period: 1, periodUnit: 'd' }, '2–3 times daily', '2–3 keer per dag'],
      [{ frequency: 1, period: 8, periodUnit: 'h' }, 'Every 8 hours', 'Elke 8 uur'],
      [{ frequency: 1, period: 4, periodMax: 6, periodUnit: 'h' }, 'Every 4–6 hours', 'Elke 4–6 uur'],
      [{ frequency: 1, period: 2, periodUnit: 'd' }, 'Every other day', 'Om de dag'],
      [{ frequency: 1, period: 3, periodUnit: 'd' }, 'Every 3 days', 'Elke 3 dagen'],
      [{ frequency: 3, period: 2, periodUnit: 'd' }, '3 times every 2 days', '3 keer per 2 dagen'],
      [{ frequency: 1, period: 1, periodUnit: 'wk' }, 'Once weekly', '1 keer per week'],
      [{ frequency: 1, period: 1, periodUnit: 'h' }, 'Every hour', 'Elk uur'],
      [{ frequency: 1, period: 0.5, periodUnit: 'h' }, 'Every 0.5 hours', 'Elke 0,5 uur'],
    ];
    for (const [r, en, nl] of cases) {
      it(`writes ${JSON.stringify(r)} as "${en}" / "${nl}"`, () => {
        expect(line({ timing: repeat(r) }, 'en')).to.equal(en);
        expect(line({ timing: repeat(r) }, 'nl')).to.equal(nl);
      });
    }

    it('writes every other day in words, never QOD or QD, also when the timing is only a code', () => {
      const qod: Dosage = { timing: { code: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-GTSAbbreviation', code: 'QOD' }] } } };
      const qd: Dosage = { timing: { code: { coding: [{ code: 'QD' }] } } };
      expect(line(qod, 'en')).to.equal('Every other day');
      expect(line(qd, 'en')).to.equal('Once daily');
      expect(line(qd, 'nl')).to.equal('1 keer per dag');
      expect(line({ timing: { code: { coding: [{ code: 'Q6H' }] } } }, 'en')).to.equal('Every 6 hours');
    });
  });

  describe('when, days and times', () => {
    it('writes when codes in words, with an offset before or after meals', () => {
      const d: Dosage = { doseAndRate: [{ doseQuantity: tablets(1) }], timing: repeat({ frequency: 2, period: 1, periodUnit: 'd', when: ['MORN', 'EVE'] }) };
      expect(line(d, 'en')).to.equal('1 tablet 2 times daily in the morning and in the evening');
      expect(line(d, 'nl')).to.equal('1 tablet 2 keer per dag ’s ochtends en ’s avonds');
      const meal: Dosage = { timing: repeat({ when: ['ACM'], offset: 30 }) };
      expect(line(meal, 'en')).to.equal('30 minutes before breakfast');
      expect(line(meal, 'nl')).to.equal('30 minuten voor het ontbijt');
      expect(line({ timing: repeat({ when: ['HS'] }) }, 'en')).to.equal('At bedtime');
      expect(line({ timing: repeat({ when: ['PCV', 'C'] }) }, 'nl')).to.equal('Na het avondeten en bij de maaltijd');
      expect(line({ timing: repeat({ when: ['WAKE'] }) }, 'en')).to.equal('On waking');
    });

    it('writes days of the week and times of day', () => {
      const d: Dosage = {
        doseAndRate: [{ doseQuantity: { value: 2.5, code: 'mg', system: UCUM } }],
        timing: repeat({ frequency: 1, period: 1, periodUnit: 'wk', dayOfWeek: ['mon', 'thu'], timeOfDay: ['08:00:00'] }),
      };
      expect(line(d, 'en')).to.equal('2.5 mg once weekly on Monday and Thursday at 08:00');
      expect(line(d, 'nl')).to.equal('2,5 mg 1 keer per week op maandag en donderdag om 08:00');
    });
  });

  describe('dose, rate, route, as needed, maximum', () => {
    it('writes a dose range, route, as-needed reason and maximum dose per period', () => {
      const d: Dosage = {
        doseAndRate: [{ doseRange: { low: tablets(1), high: tablets(2) } }],
        timing: repeat({ frequency: 1, period: 8, periodUnit: 'h' }),
        route: { coding: [{ system: SNOMED, code: '26643006', display: 'Oral route' }] },
        asNeededCodeableConcept: { text: 'Pain' },
        maxDosePerPeriod: { numerator: tablets(6), denominator: { value: 1, code: 'd', system: UCUM } },
      };
      expect(line(d, 'en')).to.equal('1–2 tablets every 8 hours, by mouth, as needed: Pain, max 6 tablets per day');
      expect(line(d, 'nl')).to.equal('1–2 tabletten elke 8 uur, oraal, zo nodig: Pain, maximaal 6 tabletten per dag');
    });

    it('writes "as needed" without a reason, and a maximum per 24 hours', () => {
      const d: Dosage = {
        doseAndRate: [{ doseQuantity: { value: 10, code: 'mL', system: UCUM } }],
        asNeededBoolean: true,
        maxDosePerPeriod: { numerator: { value: 40, code: 'mL' }, denominator: { value: 24, code: 'h' } },
      };
      expect(line(d, 'en')).to.equal('10 mL, as needed, max 40 mL per 24 hours');
      expect(line(d, 'nl')).to.equal('10 mL, zo nodig, maximaal 40 mL per 24 uur');
    });

    it('shows an as-needed reason as recorded, after a label: no word dropped, no languages mixed ("as needed: Bij pijn", never "as needed for pijn")', () => {
      const d: Dosage = { doseAndRate: [{ doseQuantity: tablets(1) }], asNeededCodeableConcept: { coding: [{ display: 'Bij pijn' }] } };
      expect(line(d, 'nl')).to.equal('1 tablet, zo nodig: Bij pijn');
      expect(line(d, 'en')).to.equal('1 tablet, as needed: Bij pijn');
      expect(line({ asNeededCodeableConcept: { text: 'for COPD exacerbation' } }, 'en')).to.equal('As needed: for COPD exacerbation');
    });

    it('adds additional instructions inside the sentence', () => {
      const d: Dosage = { doseAndRate: [{ doseQuantity: tablets(1) }], additionalInstruction: [{ text: 'Innemen met water' }] };
      expect(line(d, 'nl')).to.equal('1 tablet, innemen met water');
    });

    it('writes a rate as a quantity or a ratio', () => {
      expect(line({ doseAndRate: [{ rateQuantity: { value: 2.5, code: 'mL/h', system: UCUM } }] }, 'en')).to.equal('At a rate of 2.5 mL/hour');
      const ratio: Dosage = { doseAndRate: [{ doseQuantity: { value: 500, code: 'mL' }, rateRatio: { numerator: { value: 100, code: 'mL' }, denominator: { value: 1, code: 'h' } } }] };
      expect(line(ratio, 'nl')).to.equal('500 mL, met een snelheid van 100 mL per uur');
    });

    it('writes a rate alone from the structure rather than the free text', () => {
      const d: Dosage = { text: 'Continu via pomp', doseAndRate: [{ rateQuantity: { value: 0.5, code: 'mg/h' } }], route: { coding: [{ system: SNOMED, code: '34206005' }] } };
      expect(line(d, 'nl')).to.equal('Met een snelheid van 0,5 mg/uur, subcutaan');
    });

    it('writes the ordered dose when doseAndRate has an ordered and a calculated one', () => {
      const d: Dosage = {
        doseAndRate: [
          { type: { coding: [{ code: 'calculated' }] }, doseQuantity: { value: 350, code: 'mg' } },
          { type: { coding: [{ code: 'ordered' }] }, doseQuantity: { value: 5, code: 'mg/kg' } },
        ],
      };
      expect(line(d, 'en')).to.equal('5 mg/kg');
    });

    it('writes the error-prone route abbreviation SC out', () => {
      expect(line({ doseAndRate: [{ doseQuantity: { value: 10, code: 'U' } }], route: { text: 'SC' } }, 'en')).to.equal('10 units, subcutaneously');
    });

    it('writes the duration of a course and the number of doses', () => {
      expect(line({ timing: repeat({ frequency: 3, period: 1, periodUnit: 'd', boundsDuration: { value: 7, code: 'd', system: UCUM } }) }, 'en'))
        .to.equal('3 times daily, for 7 days');
      expect(line({ timing: repeat({ frequency: 3, period: 1, periodUnit: 'd', boundsDuration: { value: 7, code: 'd' } }) }, 'nl'))
        .to.equal('3 keer per dag, gedurende 7 dagen');
      expect(line({ timing: repeat({ count: 1 }) }, 'nl')).to.equal('Eenmalig');
    });
  });

  describe('several lines and fallbacks', () => {
    it('orders lines by sequence and starts a later sequence with "Then" / "Daarna"', () => {
      const dosages: Dosage[] = [
        { sequence: 2, doseAndRate: [{ doseQuantity: tablets(1) }], timing: repeat({ frequency: 1, period: 1, periodUnit: 'd' }) },
        { sequence: 1, doseAndRate: [{ doseQuantity: tablets(2) }], timing: repeat({ frequency: 1, period: 1, periodUnit: 'd', boundsDuration: { value: 3, code: 'd' } }) },
      ];
      expect(dosageText(dosages, 'en').map(plain)).to.deep.equal(['2 tablets once daily, for 3 days', 'Then 1 tablet once daily']);
      expect(dosageText(dosages, 'nl').map(plain)).to.deep.equal(['2 tabletten 1 keer per dag, gedurende 3 dagen', 'Daarna 1 tablet 1 keer per dag']);
    });

    it('keeps lines with the same sequence side by side (no "Then")', () => {
      const dosages: Dosage[] = [
        { sequence: 1, doseAndRate: [{ doseQuantity: tablets(1) }], timing: repeat({ when: ['MORN'] }) },
        { sequence: 1, doseAndRate: [{ doseQuantity: tablets(2) }], timing: repeat({ when: ['EVE'] }) },
      ];
      expect(dosageText(dosages, 'en').map(plain)).to.deep.equal(['1 tablet in the morning', '2 tablets in the evening']);
    });

    it('shows the dates of each line when several lines follow each other', () => {
      const dosages: Dosage[] = [
        { sequence: 1, doseAndRate: [{ doseQuantity: tablets(1) }], timing: repeat({ frequency: 1, period: 1, periodUnit: 'd', boundsPeriod: { start: '2025-01-01', end: '2025-01-07' } }) },
        { sequence: 2, doseAndRate: [{ doseQuantity: tablets(2) }], timing: repeat({ frequency: 1, period: 1, periodUnit: 'd', boundsPeriod: { start: '2025-01-08' } }) },
      ];
      expect(dosageText(dosages, 'en').map(plain)).to.deep.equal([
        '1 tablet once daily, 01-Jan-2025 to 07-Jan-2025',
        'Then 2 tablets once daily, from 08-Jan-2025',
      ]);
    });

    it('falls back to Dosage.text when there is no dose, timing or "as needed"', () => {
      expect(dosageText([{ text: 'Volgens schema trombosedienst', route: { text: 'oraal' } }], 'en')).to.deep.equal(['Volgens schema trombosedienst']);
      expect(dosageText([{ text: 'free text', doseAndRate: [{ doseQuantity: tablets(1) }] }], 'en').map(plain)).to.deep.equal(['1 tablet']);
    });

    it('falls back to the Nictiz rendered dosage text, and is empty with nothing at all', () => {
      expect(dosageText([], 'nl', { rendered: 'Gedurende 5 dagen, 3 maal per dag 1 tablet' })).to.deep.equal(['Gedurende 5 dagen, 3 maal per dag 1 tablet']);
      expect(dosageText(undefined, 'en')).to.deep.equal([]);
      expect(dosageText([{}], 'en')).to.deep.equal([]);
    });

    it('formats periods with inclusive ends', () => {
      expect(plain(formatPeriod('2025-01-01', '2025-03-31', 'nl'))).to.equal('01 jan 2025 tot en met 31 mrt 2025');
      expect(formatPeriod(undefined, '2025-03-31', 'en')).to.equal('until 31-Mar-2025');
      expect(formatPeriod('not a date', undefined, 'en')).to.equal(undefined);
    });
  });

  describe('display safety: the dose is never left out (CLINICAL.md "Medication", display rules)', () => {
    it('shows Dosage.text, not a dose-less "As needed", when only the free text has the dose and maximum', () => {
      const d: Dosage = { text: '1-2 tablets up to 6 per day, as needed for pain', asNeededBoolean: true };
      expect(line(d, 'en')).to.equal('1-2 tablets up to 6 per day, as needed for pain');
      expect(line(d, 'nl')).to.equal('1-2 tablets up to 6 per day, as needed for pain');
      const nl: Dosage = {
        text: '1 à 2 tabletten zo nodig, maximaal 6 per dag',
        asNeededCodeableConcept: { text: 'pijn' },
        maxDosePerPeriod: { numerator: tablets(6), denominator: { value: 1, code: 'd', system: UCUM } },
      };
      expect(line(nl, 'nl')).to.equal('1 à 2 tabletten zo nodig, maximaal 6 per dag');
      expect(line(nl, 'en')).to.equal('1 à 2 tabletten zo nodig, maximaal 6 per dag');
    });

    it('shows Dosage.text, not a dose-less "3 times daily", when the structure has a timing but no dose', () => {
      const d: Dosage = { text: '2 tablets three times daily with food', timing: repeat({ frequency: 3, period: 1, periodUnit: 'd' }) };
      expect(dosageText([d], 'en')).to.deep.equal(['2 tablets three times daily with food']);
      expect(dosageText([d], 'nl')).to.deep.equal(['2 tablets three times daily with food']);
    });

    it('still writes a dosage with a dose (or a rate) from its structure, and a dose-less one without any text', () => {
      const d: Dosage = { text: '2 tabletten 3x daags', doseAndRate: [{ doseQuantity: tablets(2) }], timing: repeat({ frequency: 3, period: 1, periodUnit: 'd' }) };
      expect(line(d, 'en')).to.equal('2 tablets 3 times daily');
      expect(line(d, 'nl')).to.equal('2 tabletten 3 keer per dag');
      expect(line({ timing: repeat({ frequency: 3, period: 1, periodUnit: 'd' }), asNeededBoolean: true }, 'nl')).to.equal('3 keer per dag, zo nodig');
    });

    it('shows the Nictiz rendered text instead of a dose-less structured line', () => {
      const rendered = 'Vanaf 1 jan 2025, 1 maal per dag 1 stuk';
      const onceDaily: Dosage = { timing: repeat({ frequency: 1, period: 1, periodUnit: 'd' }) };
      expect(dosageText([onceDaily], 'nl', { rendered })).to.deep.equal([rendered]);
      expect(dosageText([onceDaily], 'en', { rendered })).to.deep.equal([rendered]);
      // One dose-less line among several: the rendered text (the whole instruction) replaces them all.
      const tapering: Dosage[] = [
        { sequence: 1, doseAndRate: [{ doseQuantity: tablets(2) }], timing: repeat({ frequency: 1, period: 1, periodUnit: 'd' }) },
        { sequence: 2, timing: repeat({ frequency: 1, period: 1, periodUnit: 'd' }) },
      ];
      expect(dosageText(tapering, 'nl', { rendered: '3 dagen 2 stuks per dag, daarna 1 stuk per dag' })).to.deep.equal(['3 dagen 2 stuks per dag, daarna 1 stuk per dag']);
      // A complete structure still wins over the rendered text; a dose-less one with its own text shows that text.
      const complete: Dosage = { ...onceDaily, doseAndRate: [{ doseQuantity: tablets(1) }] };
      expect(dosageText([complete], 'nl', { rendered }).map(plain)).to.deep.equal(['1 tablet 1 keer per dag']);
      expect(dosageText([{ ...onceDaily, text: '1 stuk per dag' }], 'en', { rendered })).to.deep.equal(['1 stuk per dag']);
    });

    it('shows the ext-RenderedDosageInstruction text instead of a dose-less coded timing ("Once daily")', () => {
      const rendered = renderedDosageInstruction([{ url: RENDERED, valueString: 'Eenmaal daags 1 tablet' }]);
      const qd: Dosage = { timing: { code: { coding: [{ code: 'QD' }] } } };
      expect(dosageText([qd], 'en', { rendered })).to.deep.equal(['Eenmaal daags 1 tablet']);
      expect(dosageText([qd], 'nl', { rendered })).to.deep.equal(['Eenmaal daags 1 tablet']);
    });
  });

  describe('display safety: the Dutch "u" (uur) is an hour, never a unit (CLINICAL.md display rules)', () => {
    it('writes ml/u and E/u as a rate per hour', () => {
      const ml: Dosage = { doseAndRate: [{ rateQuantity: { value: 2, unit: 'ml/u' } }] };
      expect(line(ml, 'en')).to.equal('At a rate of 2 mL/hour');
      expect(line(ml, 'nl')).to.equal('Met een snelheid van 2 mL/uur');
      const units: Dosage = { doseAndRate: [{ rateQuantity: { value: 2, unit: 'E/u' } }] };
      expect(line(units, 'en')).to.equal('At a rate of 2 units/hour');
      expect(line(units, 'nl')).to.equal('Met een snelheid van 2 eenheden/uur');
      expect(plain(formatQuantity({ value: 0.5, unit: 'mg/kg/u' }, 'nl'))).to.equal('0,5 mg/kg/uur');
    });

    it('reads "u" as an hour where only a time can stand: a rate ratio, a maximum per period, a duration', () => {
      const ratio: Dosage = { doseAndRate: [{ rateRatio: { numerator: { value: 100, unit: 'ml' }, denominator: { value: 1, unit: 'u' } } }] };
      expect(line(ratio, 'en')).to.equal('At a rate of 100 mL per hour');
      expect(line(ratio, 'nl')).to.equal('Met een snelheid van 100 mL per uur');
      const max: Dosage = { doseAndRate: [{ doseQuantity: tablets(1) }], maxDosePerPeriod: { numerator: tablets(6), denominator: { value: 24, unit: 'u' } } };
      expect(line(max, 'en')).to.equal('1 tablet, max 6 tablets per 24 hours');
      expect(line(max, 'nl')).to.equal('1 tablet, maximaal 6 tabletten per 24 uur');
      const bounded: Dosage = { doseAndRate: [{ doseQuantity: mg(1) }], timing: repeat({ boundsDuration: { value: 2, unit: 'u' } }) };
      expect(line(bounded, 'en')).to.equal('1 mg, for 2 hours');
      expect(line(bounded, 'nl')).to.equal('1 mg, gedurende 2 uur');
    });

    it('a bare "u" dose unit is a unit, never written "u" (ISMP: misread as 0, "10 u" as 100)', () => {
      const d: Dosage = { doseAndRate: [{ doseQuantity: { value: 2, unit: 'u' } }] };
      expect(line(d, 'en')).to.equal('2 units');
      expect(line(d, 'nl')).to.equal('2 eenheden');
      expect(line({ doseAndRate: [{ doseQuantity: { value: 10, code: 'u' } }] }, 'en')).to.equal('10 units');
      expect(line({ doseAndRate: [{ doseQuantity: { value: 10, code: 'u', unit: 'eenheden' } }] }, 'nl')).to.equal('10 eenheden');
      // UCUM's "U" stays the enzyme unit, written out; before a "/" a "u" is the amount, a unit.
      expect(line({ doseAndRate: [{ doseQuantity: { value: 2, code: 'U', system: UCUM } }] }, 'nl')).to.equal('2 eenheden');
      expect(line({ doseAndRate: [{ doseQuantity: { value: 100, code: 'u/ml' } }] }, 'en')).to.equal('100 units/mL');
      expect(line({ doseAndRate: [{ rateQuantity: { value: 0.1, unit: 'u/kg/u' } }] }, 'nl')).to.equal('Met een snelheid van 0,1 eenheden/kg/uur');
    });
  });

  describe('display safety: an unknown period unit is never "once"', () => {
    it('writes a period with an unrecognised unit with its values as recorded', () => {
      const d: Dosage = { doseAndRate: [{ doseQuantity: mg(1) }], timing: repeat({ frequency: 1, period: 8, periodUnit: offBinding('H') }) };
      expect(line(d, 'en')).to.equal('1 mg 1 time per 8 H');
      expect(line(d, 'nl')).to.equal('1 mg 1 keer per 8 H');
      const twice: Dosage = { doseAndRate: [{ doseQuantity: mg(1) }], timing: repeat({ frequency: 2, period: 1 }) };
      expect(line(twice, 'en')).to.equal('1 mg 2 times per 1');
      expect(line(twice, 'nl')).to.equal('1 mg 2 keer per 1');
    });

    it('reads a time word as its time unit ("hour", "uur")', () => {
      const d: Dosage = { doseAndRate: [{ doseQuantity: mg(1) }], timing: repeat({ frequency: 1, period: 8, periodUnit: offBinding('hour') }) };
      expect(line(d, 'en')).to.equal('1 mg every 8 hours');
      expect(line(d, 'nl')).to.equal('1 mg elke 8 uur');
      expect(line({ timing: repeat({ frequency: 1, period: 1, periodUnit: offBinding('dag') }) }, 'en')).to.equal('Once daily');
    });

    it('prefers the free text, then the rendered text, over a period it cannot read', () => {
      const timing = repeat({ frequency: 1, period: 8, periodUnit: offBinding('H') });
      expect(line({ text: '1 mg elke 8 uur', doseAndRate: [{ doseQuantity: mg(1) }], timing }, 'en')).to.equal('1 mg elke 8 uur');
      expect(dosageText([{ doseAndRate: [{ doseQuantity: mg(1) }], timing }], 'nl', { rendered: 'Elke 8 uur 1 mg' })).to.deep.equal(['Elke 8 uur 1 mg']);
    });
  });

  describe('display safety: no error-prone abbreviation reaches the screen (ISMP; "daily", not QD)', () => {
    it('writes the between-meals events IC, ICM, ICD and ICV in words', () => {
      const cases: [string, string, string][] = [
        ['IC', '1 mg between meals', '1 mg tussen de maaltijden'],
        ['ICM', '1 mg between breakfast and lunch', '1 mg tussen het ontbijt en de lunch'],
        ['ICD', '1 mg between lunch and dinner', '1 mg tussen de lunch en het avondeten'],
        ['ICV', '1 mg between dinner and bedtime', '1 mg tussen het avondeten en het slapengaan'],
      ];
      for (const [code, en, nl] of cases) {
        const d: Dosage = { doseAndRate: [{ doseQuantity: mg(1) }], timing: repeat({ when: [code] }) };
        expect(line(d, 'en')).to.equal(en);
        expect(line(d, 'nl')).to.equal(nl);
      }
    });

    it('writes a timing abbreviation given as text or display (QD, BID, q.o.d., Q4H, QHS) in words', () => {
      const qd: Dosage = { doseAndRate: [{ doseQuantity: mg(1) }], timing: { code: { text: 'QD' } } };
      expect(line(qd, 'en')).to.equal('1 mg once daily');
      expect(line(qd, 'nl')).to.equal('1 mg 1 keer per dag');
      const cases: [Timing['code'], string, string][] = [
        [{ coding: [{ display: 'BID' }] }, '2 times daily', '2 keer per dag'],
        [{ coding: [{ code: 'X-LOCAL' }], text: 'BID' }, '2 times daily', '2 keer per dag'],
        [{ text: 'q.o.d.' }, 'Every other day', 'Om de dag'],
        [{ text: 'TID' }, '3 times daily', '3 keer per dag'],
        [{ text: 'qid' }, '4 times daily', '4 keer per dag'],
        [{ text: 'Q4H' }, 'Every 4 hours', 'Elke 4 uur'],
        [{ text: 'QHS' }, 'At bedtime', 'Voor het slapengaan'],
        [{ text: 'TIW' }, '3 times weekly', '3 keer per week'],
      ];
      for (const [code, en, nl] of cases) {
        expect(line({ timing: { code } }, 'en'), JSON.stringify(code)).to.equal(en);
        expect(line({ timing: { code } }, 'nl'), JSON.stringify(code)).to.equal(nl);
      }
      // Words that are no abbreviation stay as written.
      expect(line({ timing: { code: { text: 'Elke ochtend' } } }, 'en')).to.equal('Elke ochtend');
    });
  });

  describe('dose display rules over generated dosages (fast-check, 1,000 runs, seed 42)', () => {
    const BAD_UNITS = ['U', '[U]', 'IU', '[iU]', '[IU]', 'IE', 'E', 'cc', 'ml', 'ug', 'µg', 'μg', 'mcg', 'mg', 'g', 'mmol', '{tbl}', 'tablet', '{caps}', '[drp]', '{puff}', 'U/mL', '[iU]/kg', 'ug/h', 'mL/h', 'cc/h'];
    const values = fc.oneof(
      fc.constantFrom(5.0, 0.5, 0.25, 1000, 12.5, 0.0001, 1, 2, 10, 100, 2.5, 0.1 + 0.2, 1e-7, 123456.789, 12500, 0.05),
      fc.double({ min: 1e-6, max: 1e6, noNaN: true, noDefaultInfinity: true }),
      fc.integer({ min: 1, max: 100000 }),
    );
    const quantity = fc.record({
      value: values,
      unitText: fc.constantFrom(...BAD_UNITS),
      asCode: fc.boolean(),
    }).map(({ value, unitText, asCode }): Quantity => (asCode ? { value, code: unitText, system: UCUM } : { value, unit: unitText }));
    const timing = fc.oneof(
      fc.record({
        frequency: fc.integer({ min: 1, max: 6 }),
        frequencyMax: fc.option(fc.integer({ min: 2, max: 8 }), { nil: undefined }),
        period: fc.constantFrom(1, 2, 3, 8, 12, 0.5, 1.5, 24),
        periodUnit: fc.constantFrom('h', 'd', 'wk', 'mo', 'min' as const),
        when: fc.option(fc.subarray(['MORN', 'NOON', 'AFT', 'EVE', 'NIGHT', 'HS', 'AC', 'ACM', 'ACD', 'ACV', 'PC', 'PCM', 'PCD', 'PCV', 'WAKE', 'C', 'CM', 'CD', 'CV', 'IC', 'ICM', 'ICD', 'ICV']), { nil: undefined }),
        offset: fc.option(fc.constantFrom(15, 30, 60), { nil: undefined }),
        dayOfWeek: fc.option(fc.subarray(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const), { nil: undefined }),
        timeOfDay: fc.option(fc.subarray(['08:00:00', '12:30:00', '20:00:00']), { nil: undefined }),
        boundsDuration: fc.option(fc.record({ value: values, code: fc.constantFrom('d', 'wk', 'h') }), { nil: undefined }),
        count: fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined }),
      }, { requiredKeys: ['frequency', 'period', 'periodUnit'] }).map((r): Timing => ({ repeat: r })),
      fc.constantFrom('QD', 'QOD', 'BID', 'TID', 'QID', 'Q4H', 'AM').map((code): Timing => ({ code: { coding: [{ code }] } })),
      fc.constantFrom('QD', 'QOD', 'BID', 'TID', 'QID', 'Q4H', 'QHS', 'q.d.').map((text): Timing => ({ code: { text } })),
    );
    const dosage = fc.record({
      sequence: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
      timing: fc.option(timing, { nil: undefined }),
      dose: fc.oneof(
        quantity.map((q) => ({ doseQuantity: q })),
        fc.tuple(quantity, values).map(([low, high]) => ({ doseRange: { low, high: { ...low, value: high } } })),
        fc.tuple(quantity, quantity).map(([dose, rate]) => ({ doseQuantity: dose, rateQuantity: rate })),
        fc.tuple(quantity, quantity).map(([numerator, denominator]) => ({ rateRatio: { numerator, denominator } })),
      ),
      asNeeded: fc.option(fc.oneof(fc.constant(true), fc.constantFrom('Pain', 'Nausea', 'Benauwdheid')), { nil: undefined }),
      max: fc.option(fc.tuple(quantity, fc.constantFrom(1, 24), fc.constantFrom('d', 'h')), { nil: undefined }),
    }).map(({ sequence, timing: t, dose, asNeeded, max }): Dosage => ({
      sequence,
      timing: t,
      doseAndRate: [dose],
      ...(asNeeded === true ? { asNeededBoolean: true } : asNeeded ? { asNeededCodeableConcept: { text: asNeeded } } : {}),
      ...(max ? { maxDosePerPeriod: { numerator: max[0], denominator: { value: max[1], code: max[2], system: UCUM } } } : {}),
    }));

    /** Every broken rule found in `text`; empty when the text follows the rules. */
    function violations(text: string, locale: ZkLocale): string[] {
      const found: string[] = [];
      const decimal = locale === 'nl' ? ',' : '\\.';
      if (new RegExp(`\\d${decimal}\\d*0(?!\\d)`).test(text)) found.push('trailing zero');
      if (new RegExp(`(^|[^\\d])${decimal}\\d`).test(text)) found.push('no leading zero');
      if (locale === 'nl' && /\d\.\d/.test(text)) found.push('decimal point or thousands point in Dutch');
      if (/\d[\p{L}µμ%]/u.test(text)) found.push('no space between number and unit');
      if (/(?<![\p{L}\p{N}])(U|IU|IE|QD|QOD|cc|µg|μg|ug)(?![\p{L}\p{N}])/u.test(text)) found.push('error-prone abbreviation');
      if (/(?<![\p{L}\p{N}])(BID|TID|QID|QHS|Q\d+H|q\.d\.|IC[MDV]?)(?![\p{L}\p{N}])/u.test(text)) found.push('timing abbreviation');
      if (/undefined|NaN|null|\[object|Infinity|\de[+-]?\d/.test(text)) found.push('leaked value');
      return found;
    }

    it('the rule checks themselves catch broken text', () => {
      expect(violations('5.0 mg', 'en')).to.include('trailing zero');
      expect(violations('0,50 mg', 'nl')).to.include('trailing zero');
      expect(violations('.5 mg', 'en')).to.include('no leading zero');
      expect(violations('take ,5 mg', 'nl')).to.include('no leading zero');
      expect(violations('0.5 mg', 'nl')).to.include('decimal point or thousands point in Dutch');
      expect(violations('5mg', 'en')).to.include('no space between number and unit');
      expect(violations('10 IU QD', 'en')).to.include('error-prone abbreviation');
      expect(violations('5 cc', 'en')).to.include('error-prone abbreviation');
      expect(violations('1 mg ICD', 'en')).to.include('timing abbreviation');
      expect(violations('1 mg Q4H', 'en')).to.include('timing abbreviation');
      expect(violations('NaN mg', 'en')).to.include('leaked value');
      expect(violations('1e-7 mg', 'en')).to.include('leaked value');
      expect(violations('1,000 units 2 times daily', 'en')).to.deep.equal([]);
    });

    it('no trailing zero, a leading zero, the locale separator, a space before units and no error-prone abbreviation — in nl and en', () => {
      fc.assert(
        fc.property(fc.array(dosage, { minLength: 1, maxLength: 3 }), (dosages) => {
          for (const locale of ['en', 'nl'] as const) {
            const lines = dosageText(dosages, locale);
            expect(lines.length, 'every generated dosage says something').to.be.greaterThan(0);
            for (const text of lines) {
              const broken = violations(text, locale);
              if (broken.length) throw new Error(`${locale}: ${broken.join(', ')} in "${text}"`);
            }
          }
        }),
        { numRuns: 1000, seed: 42 },
      );
    });
  });
});
