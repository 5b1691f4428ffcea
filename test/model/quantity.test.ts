import { expect } from '@open-wc/testing';
import {
  formatDuration, formatNumber, formatQuantity, formatRange, formatRatio, formatUnit,
} from '../../src/model/quantity.js';

const UCUM = 'http://unitsofmeasure.org';
/** Our output joins number and unit with a no-break space; tests read it as a space. */
const plain = (text: string | undefined) => text?.replace(/\u00a0/g, ' ');

describe('model/quantity', () => {
  describe('formatNumber', () => {
    it('writes no trailing zero (5 mg, never 5.0 mg) — CLINICAL.md display rules', () => {
      expect(formatNumber(5.0, 'en')).to.equal('5');
      expect(formatNumber(12.5, 'en')).to.equal('12.5');
      expect(formatNumber(Number('2.50'), 'nl')).to.equal('2,5');
      expect(formatNumber(10, 'nl')).to.equal('10');
      expect(formatNumber(100, 'en')).to.equal('100');
    });

    it('always writes a leading zero (0.5, never .5)', () => {
      expect(formatNumber(0.5, 'en')).to.equal('0.5');
      expect(formatNumber(0.25, 'nl')).to.equal('0,25');
      expect(formatNumber(0.0001, 'en')).to.equal('0.0001');
    });

    it('uses the decimal comma in Dutch and the point in English', () => {
      expect(formatNumber(0.5, 'nl')).to.equal('0,5');
      expect(formatNumber(12.75, 'nl')).to.equal('12,75');
      expect(formatNumber(12.75, 'en')).to.equal('12.75');
    });

    it('writes no thousands separator in Dutch, and a comma for thousands in English (ISMP)', () => {
      expect(formatNumber(1000, 'nl')).to.equal('1000');
      expect(formatNumber(123456.5, 'nl')).to.equal('123456,5');
      expect(formatNumber(1000, 'en')).to.equal('1,000');
      expect(formatNumber(123456.5, 'en')).to.equal('123,456.5');
      expect(formatNumber(999, 'en')).to.equal('999');
    });

    it('never uses exponent notation for tiny or huge values', () => {
      expect(formatNumber(1e-7, 'en')).to.equal('0.0000001');
      expect(formatNumber(2.5e-7, 'nl')).to.equal('0,00000025');
      expect(formatNumber(1e21, 'nl')).to.equal('1000000000000000000000');
    });

    it('writes whole numbers exactly, digit for digit, however large', () => {
      expect(formatNumber(1234567890123456, 'nl')).to.equal('1234567890123456');
      expect(formatNumber(2 ** 53, 'nl')).to.equal('9007199254740992');
      expect(formatNumber(2 ** 53 + 2, 'en')).to.equal('9,007,199,254,740,994');
      expect(formatNumber(-0, 'en')).to.equal('0');
      expect(formatNumber(-250, 'nl')).to.equal('-250');
    });

    it('rounds floating-point noise away instead of showing it', () => {
      expect(formatNumber(0.1 + 0.2, 'en')).to.equal('0.3');
      expect(formatNumber(1.1 * 3, 'nl')).to.equal('3,3');
    });

    it('never returns "NaN", "Infinity" or a number for something that is not a number', () => {
      for (const bad of [NaN, Infinity, -Infinity, '5', null, undefined, {}]) {
        expect(formatNumber(bad, 'en'), JSON.stringify(bad) ?? 'undefined').to.equal(undefined);
      }
      expect(formatNumber(-0, 'en')).to.equal('0');
    });
  });

  describe('formatUnit', () => {
    const cases: [string, number, string, string][] = [
      // raw, value, en, nl
      ['U', 1, 'unit', 'eenheid'],
      ['U', 10, 'units', 'eenheden'],
      ['[U]', 2, 'units', 'eenheden'],
      ['E', 2, 'units', 'eenheden'],
      ['IU', 1, 'international unit', 'internationale eenheid'],
      ['[iU]', 400, 'international units', 'internationale eenheden'],
      ['[IU]', 2, 'international units', 'internationale eenheden'],
      ['IE', 2, 'international units', 'internationale eenheden'],
      ['cc', 5, 'mL', 'mL'],
      ['ml', 5, 'mL', 'mL'],
      ['ug', 50, 'mcg', 'microgram'],
      ['µg', 50, 'mcg', 'microgram'],
      ['μg', 50, 'mcg', 'microgram'],
      ['mcg', 50, 'mcg', 'microgram'],
      ['{tbl}', 1, 'tablet', 'tablet'],
      ['{tbl}', 2, 'tablets', 'tabletten'],
      ['tablet', 2, 'tablets', 'tabletten'],
      ['{caps}', 2, 'capsules', 'capsules'],
      ['[drp]', 3, 'drops', 'druppels'],
      ['{puff}', 2, 'puffs', 'inhalaties'],
      ['stuk', 2, 'pieces', 'stuks'],
    ];
    for (const [raw, value, en, nl] of cases) {
      it(`writes ${raw} (${value}) as "${en}" / "${nl}", never the abbreviation`, () => {
        expect(formatUnit(raw, value, 'en')).to.equal(en);
        expect(formatUnit(raw, value, 'nl')).to.equal(nl);
      });
    }

    it('writes the singular for a part of one, as prescriptions do (0.5 tablet, 0,5 tablet)', () => {
      expect(formatUnit('{tbl}', 0.5, 'en')).to.equal('tablet');
      expect(formatUnit('{tbl}', 0.5, 'nl')).to.equal('tablet');
      expect(formatUnit('{tbl}', 1.5, 'nl')).to.equal('tabletten');
      expect(formatUnit('{tbl}', 0, 'en')).to.equal('tablets');
    });

    it('writes compound units part by part; only the first part takes the plural', () => {
      expect(formatUnit('[iU]/mL', 100, 'en')).to.equal('international units/mL');
      expect(formatUnit('U/mL', 100, 'nl')).to.equal('eenheden/mL');
      expect(formatUnit('ug/h', 25, 'en')).to.equal('mcg/hour');
      expect(formatUnit('mL/h', 5, 'nl')).to.equal('mL/uur');
    });

    it('keeps an unknown unit as written but replaces error-prone abbreviations inside it', () => {
      expect(formatUnit('flesje', 2, 'nl')).to.equal('flesje');
      expect(formatUnit('IU per kg', 2, 'en')).to.equal('international units per kg');
      expect(formatUnit('{doseerspuit cc}', 1, 'nl')).to.equal('doseerspuit mL');
    });

    it('writes no unit for UCUM unity ("1") or an empty unit', () => {
      expect(formatUnit('1', 2, 'en')).to.equal(undefined);
      expect(formatUnit('  ', 2, 'en')).to.equal(undefined);
    });
  });

  describe('formatQuantity', () => {
    it('puts a space between the number and the unit', () => {
      expect(plain(formatQuantity({ value: 5, unit: 'mg' }, 'en'))).to.equal('5 mg');
      expect(plain(formatQuantity({ value: 0.5, code: 'mg', system: UCUM }, 'nl'))).to.equal('0,5 mg');
    });

    it('prefers a known UCUM code over the display unit, and falls back to the display unit', () => {
      expect(plain(formatQuantity({ value: 10, unit: 'IE', code: '[iU]', system: UCUM }, 'en'))).to.equal('10 international units');
      expect(plain(formatQuantity({ value: 1, unit: 'tablet', code: '245', system: 'urn:oid:2.16.840.1.113883.2.4.4.1.900.2' }, 'nl'))).to.equal('1 tablet');
    });

    it('reads a UCUM translation (iso21090-PQ-translation) when the unit is only a G-Standaard code', () => {
      const q = {
        value: 2, code: '245', system: 'urn:oid:2.16.840.1.113883.2.4.4.1.900.2',
        extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/iso21090-PQ-translation', valueQuantity: { value: 2, code: '{tbl}', system: UCUM } }],
      };
      expect(plain(formatQuantity(q, 'en'))).to.equal('2 tablets');
    });

    it('keeps a comparator and writes a bare count without a unit', () => {
      expect(plain(formatQuantity({ value: 5, comparator: '<', unit: 'mg' }, 'en'))).to.equal('< 5 mg');
      expect(formatQuantity({ value: 2 }, 'en')).to.equal('2');
    });

    it('is undefined without a number (never "undefined mg")', () => {
      expect(formatQuantity({ unit: 'mg' }, 'en')).to.equal(undefined);
      expect(formatQuantity(undefined, 'en')).to.equal(undefined);
    });
  });

  describe('formatRange and formatRatio', () => {
    it('writes a dose range with one unit in the plural of the high value', () => {
      expect(plain(formatRange({ low: { value: 1, code: '{tbl}' }, high: { value: 2, code: '{tbl}' } }, 'en'))).to.equal('1–2 tablets');
      expect(plain(formatRange({ low: { value: 0.5, unit: 'mg' }, high: { value: 1.5, unit: 'mg' } }, 'nl'))).to.equal('0,5–1,5 mg');
    });

    it('writes open ranges in words', () => {
      expect(plain(formatRange({ high: { value: 2, code: '{tbl}' } }, 'en'))).to.equal('up to 2 tablets');
      expect(plain(formatRange({ low: { value: 1, code: '{tbl}' } }, 'nl'))).to.equal('minimaal 1 tablet');
    });

    it('writes a strength per counted form as the amount alone, and a concentration with its denominator', () => {
      expect(plain(formatRatio({ numerator: { value: 500, code: 'mg' }, denominator: { value: 1, code: '{tbl}' } }, 'en'))).to.equal('500 mg');
      expect(plain(formatRatio({ numerator: { value: 100, code: 'U' }, denominator: { value: 1, code: 'mL' } }, 'en'))).to.equal('100 units/mL');
      expect(plain(formatRatio({ numerator: { value: 250, code: 'mg' }, denominator: { value: 5, code: 'mL' } }, 'nl'))).to.equal('250 mg/5 mL');
      expect(plain(formatRatio({ numerator: { value: 2.5, code: 'mg' } }, 'nl'))).to.equal('2,5 mg');
    });

    it('writes a strength per a time with the time in words: a Dutch "u" there is "uur", never a unit ("mg/24 uur" patch)', () => {
      expect(plain(formatRatio({ numerator: { value: 21, code: 'mg' }, denominator: { value: 24, unit: 'u' } }, 'nl'))).to.equal('21 mg/24 uur');
      expect(plain(formatRatio({ numerator: { value: 21, code: 'mg' }, denominator: { value: 24, unit: 'u' } }, 'en'))).to.equal('21 mg/24 hours');
      expect(plain(formatRatio({ numerator: { value: 25, code: 'ug' }, denominator: { value: 1, unit: 'u' } }, 'en'))).to.equal('25 mcg/hour');
      expect(plain(formatRatio({ numerator: { value: 25, code: 'ug' }, denominator: { value: 1, code: 'h' } }, 'nl'))).to.equal('25 microgram/uur');
    });

    it('writes durations in words', () => {
      expect(plain(formatDuration(8, 'h', 'en'))).to.equal('8 hours');
      expect(plain(formatDuration(1, 'd', 'nl'))).to.equal('1 dag');
      expect(plain(formatDuration(2, 'wk', 'nl'))).to.equal('2 weken');
    });
  });
});
