import { expect } from '@open-wc/testing';
import { unitWord } from '../../src/model/quantity.js';

// Singular or plural unit words must follow the CLDR plural rules for English and Dutch exactly
// (Intl.PluralRules), also where zorgkit decides without creating one.
describe('unit words: singular and plural', () => {
  const values: number[] = [NaN, Infinity, -Infinity, -0, 1e21, 2 ** 53, -(2 ** 53)];
  for (let i = -20; i <= 1200; i++) values.push(i, i / 10, i / 100, i / 1000 + 0.5, 1 + i / 100000, 1 - i / 1000000);
  for (const d of [0.0004, 0.0005, 0.00049, 0.00051, 0.001, 0.0011]) values.push(1 + d, 1 - d, -1 - d, -1 + d);

  for (const locale of ['en', 'nl'] as const) {
    const rules = new Intl.PluralRules(locale === 'nl' ? 'nl-NL' : 'en-GB');
    for (const unit of ['hour', 'day', 'unit'] as const) {
      it(`chooses '${unit}' (${locale}) as Intl.PluralRules does for ${values.length} numbers`, () => {
        const one = unitWord(unit, 1, locale);
        const other = unitWord(unit, 2, locale);
        const wrong = values.filter((v) => unitWord(unit, v, locale) !== (rules.select(v) === 'one' ? one : other));
        expect(wrong).to.deep.equal([]);
      });
    }
  }
});
