import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { type Age, ageAtDeath, ageOn, birthTimeOf, formatAge } from '../../src/model/age.js';

/** A local moment (the browser's zone), as the component passes `new Date()`. */
const at = (y: number, m: number, d: number, h = 12, min = 0, s = 0) => new Date(y, m - 1, d, h, min, s);
const short = (age: Age | undefined, locale: 'en' | 'nl' = 'en') => formatAge(age, locale)?.short;
const FORBIDDEN = /\b(undefined|null|NaN)\b|Invalid Date|\[object Object\]|\?/;

describe('age model (NHS CUI breakpoints)', () => {
  describe('breakpoints', () => {
    // Birth moments in UTC, "now" as instants: minutes and hours compare moments.
    const birthTime = '2026-11-22T08:00:00Z';
    const after = (ms: number) => new Date(Date.UTC(2026, 10, 22, 8, 0) + ms);
    const MIN = 60_000;
    const HOUR = 60 * MIN;

    it('under 2 hours: minutes (0min … 119min)', () => {
      expect(short(ageOn('2026-11-22', after(0), birthTime))).to.equal('0min');
      expect(short(ageOn('2026-11-22', after(45 * MIN), birthTime))).to.equal('45min');
      expect(short(ageOn('2026-11-22', after(2 * HOUR - 1), birthTime))).to.equal('119min');
    });

    it('under 2 days: hours (2h … 47h)', () => {
      expect(short(ageOn('2026-11-22', after(2 * HOUR), birthTime))).to.equal('2h');
      expect(short(ageOn('2026-11-22', after(14 * HOUR + 59 * MIN), birthTime))).to.equal('14h');
      expect(short(ageOn('2026-11-22', after(48 * HOUR - 1), birthTime))).to.equal('47h');
    });

    it('a birth time on another day than the birth date is not used (days, not hours)', () => {
      const other = '2026-11-20T08:00:00Z';
      expect(ageOn('2026-11-22', at(2026, 11, 22, 18), other)?.unit).to.equal('days');
    });

    it('without a birth time a newborn is counted in calendar days (0d, 1d)', () => {
      expect(short(ageOn('2026-11-22', at(2026, 11, 22, 23, 59)))).to.equal('0d');
      expect(short(ageOn('2026-11-22', at(2026, 11, 23, 0, 1)))).to.equal('1d');
    });

    it('under 4 weeks: days (2d … 27d)', () => {
      expect(short(ageOn('2026-11-01', at(2026, 11, 3)))).to.equal('2d');
      expect(short(ageOn('2026-11-01', at(2026, 11, 28)))).to.equal('27d');
    });

    it('under 1 year: weeks and days (4w … 52w 1d), a zero day part left out', () => {
      expect(short(ageOn('2026-11-01', at(2026, 11, 29)))).to.equal('4w');
      expect(short(ageOn('2026-01-10', at(2026, 2, 16)))).to.equal('5w 2d');
      expect(short(ageOn('2025-01-10', at(2026, 1, 9)))).to.equal('52w');
      expect(short(ageOn('2024-01-10', at(2025, 1, 9)))).to.equal('52w 1d'); // 366 days in 2024
    });

    it('under 2 years: months and days (12m … 23m 30d)', () => {
      expect(short(ageOn('2025-01-10', at(2026, 1, 10)))).to.equal('12m');
      expect(short(ageOn('2025-01-10', at(2026, 2, 13)))).to.equal('13m 3d');
      expect(short(ageOn('2024-11-22', at(2026, 11, 21)))).to.equal('23m 30d');
    });

    it('under 18 years: years and months (2y … 17y 11m)', () => {
      expect(short(ageOn('2024-11-22', at(2026, 11, 22)))).to.equal('2y');
      expect(short(ageOn('2011-08-14', at(2026, 11, 22)))).to.equal('15y 3m');
      expect(short(ageOn('2008-11-23', at(2026, 11, 22)))).to.equal('17y 11m');
    });

    it('18 and over: years only (18y, 61y)', () => {
      expect(short(ageOn('2008-11-22', at(2026, 11, 22)))).to.equal('18y');
      expect(short(ageOn('1965-03-02', at(2026, 11, 22)))).to.equal('61y');
    });
  });

  describe('calendar safety', () => {
    it('turns a year older at local midnight of the birthday, not a day early or late', () => {
      expect(short(ageOn('1965-11-22', at(2026, 11, 21, 23, 59, 59)))).to.equal('60y');
      expect(short(ageOn('1965-11-22', at(2026, 11, 22, 0, 0, 1)))).to.equal('61y');
    });

    it('counts across month ends: born 31 January is one month older on 1 March (February has no 31st)', () => {
      expect(short(ageOn('2023-01-31', at(2024, 2, 29)))).to.equal('12m 29d');
      expect(short(ageOn('2023-01-31', at(2024, 3, 1)))).to.equal('13m');
      expect(short(ageOn('2025-01-31', at(2025, 2, 28)))).to.equal('4w');
    });

    it('leap day: born 29 February reaches each birthday on 1 March in common years', () => {
      expect(short(ageOn('2024-02-29', at(2025, 2, 28)))).to.equal('52w 1d');
      expect(short(ageOn('2024-02-29', at(2025, 3, 1)))).to.equal('12m');
      expect(short(ageOn('2000-02-29', at(2018, 2, 28)))).to.equal('17y 11m');
      expect(short(ageOn('2000-02-29', at(2018, 3, 1)))).to.equal('18y');
      expect(short(ageOn('2000-02-29', at(2028, 2, 29)))).to.equal('28y');
    });

    it('no age for a birth date after today (no negative ages)', () => {
      expect(ageOn('2026-11-23', at(2026, 11, 22))).to.equal(undefined);
      expect(ageOn('2026-11-22', at(2026, 11, 22, 7), '2026-11-22T23:00:00+00:00')).to.equal(undefined);
    });

    it('no age for an invalid now (never NaN)', () => {
      expect(ageOn('1965-11-22', new Date(NaN))).to.equal(undefined);
    });

    it('a partial birth date gives an age only when every possible day agrees', () => {
      expect(short(ageOn('1945-07', at(2026, 11, 22)))).to.equal('81y');
      expect(ageOn('1945-11', at(2026, 11, 22))).to.equal(undefined); // 80 or 81
      expect(ageOn('1945', at(2026, 11, 22))).to.equal(undefined);
      expect(short(ageOn('1945', at(2026, 12, 31)))).to.equal('81y');
    });
  });

  describe('age at death', () => {
    it('uses the date of death, not today', () => {
      expect(short(ageAtDeath('1945-07-14', '2020-03-03'))).to.equal('74y');
      expect(short(ageAtDeath('2020-01-01', '2020-01-20'))).to.equal('19d');
    });

    it('reads the date of death as written, whatever its offset (no zone shift around midnight)', () => {
      // 00:30 at +02:00 is 13 July 22:30 UTC: by instant this would still be 74.
      expect(short(ageAtDeath('1945-07-14', '2020-07-14T00:30:00+02:00'))).to.equal('75y');
      expect(short(ageAtDeath('1945-07-14', '2020-07-13T23:30:00-05:00'))).to.equal('74y');
    });

    it('uses hours when both moments are known', () => {
      expect(short(ageAtDeath('2026-01-01', '2026-01-01T20:00:00Z', '2026-01-01T06:00:00Z'))).to.equal('14h');
    });

    it('no age when the date of death is missing or before birth', () => {
      expect(ageAtDeath('1945-07-14', undefined)).to.equal(undefined);
      expect(ageAtDeath('1945-07-14', '1944-01-01')).to.equal(undefined);
    });
  });

  describe('formatAge', () => {
    it('short forms per locale: en 61y, 15y 3m, 5w 2d, 14m 3d, 3d, 14h, 45min; nl 61 jr, 15 jr 3 mnd, 5 wk 2 d, …', () => {
      const cases: [Age, string, string][] = [
        [{ unit: 'years', value: 61 }, '61y', '61 jr'],
        [{ unit: 'years-months', value: 15, rest: 3 }, '15y 3m', '15 jr 3 mnd'],
        [{ unit: 'months', value: 14, rest: 3 }, '14m 3d', '14 mnd 3 d'],
        [{ unit: 'weeks', value: 5, rest: 2 }, '5w 2d', '5 wk 2 d'],
        [{ unit: 'days', value: 3 }, '3d', '3 d'],
        [{ unit: 'hours', value: 14 }, '14h', '14 u'],
        [{ unit: 'minutes', value: 45 }, '45min', '45 min'],
      ];
      for (const [age, en, nl] of cases) {
        expect(formatAge(age, 'en')?.short).to.equal(en);
        expect(formatAge(age, 'nl')?.short).to.equal(nl);
      }
    });

    it('long forms for screen readers, with singular and plural', () => {
      expect(formatAge({ unit: 'years-months', value: 1, rest: 1 }, 'en')?.long).to.equal('1 year 1 month');
      expect(formatAge({ unit: 'weeks', value: 5, rest: 2 }, 'en')?.long).to.equal('5 weeks 2 days');
      expect(formatAge({ unit: 'weeks', value: 5, rest: 2 }, 'nl')?.long).to.equal('5 weken 2 dagen');
      expect(formatAge({ unit: 'minutes', value: 1 }, 'nl')?.long).to.equal('1 minuut');
      expect(formatAge({ unit: 'years', value: 61 }, 'nl')?.long).to.equal('61 jaar');
    });

    it('leaves out a zero second part (15y, not 15y 0m)', () => {
      expect(formatAge({ unit: 'years-months', value: 15, rest: 0 }, 'en')?.short).to.equal('15y');
    });
  });

  it('reads the patient-birthTime extension from _birthDate, ignoring malformed ones', () => {
    const url = 'http://hl7.org/fhir/StructureDefinition/patient-birthTime';
    expect(birthTimeOf({ _birthDate: { extension: [{ url, valueDateTime: '2026-01-01T06:00:00Z' }] } })).to.equal('2026-01-01T06:00:00Z');
    expect(birthTimeOf({ _birthDate: { extension: [{ url, valueDateTime: 5 }] } })).to.equal(undefined);
    expect(birthTimeOf({ _birthDate: { extension: 'x' } })).to.equal(undefined);
    expect(birthTimeOf(null)).to.equal(undefined);
  });

  it('property: ages never throw and never produce NaN, undefined, null, ? or negative values, for any input', () => {
    const dateLike = fc.oneof(
      fc.date({ min: new Date(1800, 0, 1), max: new Date(2100, 0, 1), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      fc.constantFrom('', '1945', '1945-07', '2024-02-29', '2023-02-29', 'Invalid Date', 'null', '?', '0000-00-00'),
      fc.string(),
      fc.anything(),
    );
    fc.assert(
      fc.property(dateLike, dateLike, dateLike, fc.date(), fc.constantFrom('en' as const, 'nl' as const), (birth, death, time, now, locale) => {
        for (const age of [ageOn(birth, now, time), ageAtDeath(birth, death, time)]) {
          if (age === undefined) continue;
          expect(age.value).to.be.at.least(0);
          const text = formatAge(age, locale);
          expect(text?.short).to.be.a('string').and.not.match(FORBIDDEN);
          expect(text?.long).to.be.a('string').and.not.match(FORBIDDEN);
        }
        expect(formatAge(birth as Age, locale)?.short ?? '').to.not.match(FORBIDDEN);
      }),
      { numRuns: 1000, seed: 42 },
    );
  });
});
