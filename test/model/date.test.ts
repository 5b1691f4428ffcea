import { expect } from '@open-wc/testing';
import {
  dateRange, dayNumber, daysBetween, daysInMonth, formatDate, monthName, parseFhirDate, parseFhirInstant, today,
} from '../../src/model/date.js';

describe('date model', () => {
  describe('parseFhirDate', () => {
    it('reads full, year-month and year dates as calendar dates', () => {
      expect(parseFhirDate('1974-12-25')).to.deep.equal({ year: 1974, month: 12, day: 25 });
      expect(parseFhirDate('1974-12')).to.deep.equal({ year: 1974, month: 12 });
      expect(parseFhirDate('1974')).to.deep.equal({ year: 1974 });
    });

    it('reads a dateTime as the date written in it, whatever its offset', () => {
      // As instants these are 31 Dec 2019 10:30 UTC and 2 Jan 2020 10:30 UTC.
      expect(parseFhirDate('2020-01-01T00:30:00+14:00')).to.deep.equal({ year: 2020, month: 1, day: 1 });
      expect(parseFhirDate('2020-01-01T23:30:00-11:00')).to.deep.equal({ year: 2020, month: 1, day: 1 });
    });

    it('accepts 29 February only in leap years, and refuses days and months that do not exist', () => {
      expect(parseFhirDate('2024-02-29')).to.deep.equal({ year: 2024, month: 2, day: 29 });
      expect(parseFhirDate('2000-02-29')).to.not.equal(undefined);
      expect(parseFhirDate('1900-02-29')).to.equal(undefined);
      expect(parseFhirDate('2023-02-29')).to.equal(undefined);
      expect(parseFhirDate('2023-04-31')).to.equal(undefined);
      expect(parseFhirDate('2023-13-01')).to.equal(undefined);
      expect(parseFhirDate('2023-00')).to.equal(undefined);
    });

    it('refuses what is not a FHIR date instead of reading a part of it', () => {
      for (const value of ['19741225', '1974-1', '1974-12-25garbage', '25-12-1974', '12/25/1974', '', ' ', 'Invalid Date', '0000']) {
        expect(parseFhirDate(value), value).to.equal(undefined);
      }
      for (const value of [undefined, null, 1974, {}, [], new Date(1974, 11, 25)]) {
        expect(parseFhirDate(value)).to.equal(undefined);
      }
    });
  });

  describe('formatDate', () => {
    it('writes an unambiguous date with a month name: 14-Jul-1945 (en), 14 jul 1945 (nl)', () => {
      expect(formatDate('1945-07-14', 'en')).to.equal('14-Jul-1945');
      expect(formatDate('1945-07-14', 'nl')).to.equal('14 jul 1945');
      expect(formatDate('2005-03-04', 'en')).to.equal('04-Mar-2005');
      expect(formatDate('2005-03-04', 'nl')).to.equal('04 mrt 2005');
    });

    it('never writes a numeric month (no 03/04/05): every month has a three-letter name in both locales', () => {
      const months = (locale: 'en' | 'nl') => Array.from({ length: 12 }, (_, i) => formatDate(`2005-${String(i + 1).padStart(2, '0')}-04`, locale));
      expect(months('en')).to.deep.equal(['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'].map((m) => `04-${m}-2005`));
      expect(months('nl')).to.deep.equal(['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'].map((m) => `04 ${m} 2005`));
      expect(monthName(9, 'en')).to.equal('Sep');
    });

    it('shows what a partial date knows: Jul-1945, 1945', () => {
      expect(formatDate('1945-07', 'en')).to.equal('Jul-1945');
      expect(formatDate('1945', 'nl')).to.equal('1945');
    });

    it('does not shift a FHIR date or dateTime by the browser zone (calendar dates, not instants)', () => {
      expect(formatDate('1974-12-25', 'en')).to.equal('25-Dec-1974');
      expect(formatDate('2020-01-01T00:30:00+14:00', 'en')).to.equal('01-Jan-2020');
      expect(formatDate('2020-01-01T23:30:00-11:00', 'en')).to.equal('01-Jan-2020');
      expect(formatDate('2026-03-29', 'nl')).to.equal('29 mrt 2026'); // the EU clocks go forward that night
    });

    it('returns undefined (so callers show "Not known") for anything that is not a date', () => {
      for (const value of [undefined, null, '', 'unknown', 42, {}, '2023-02-29']) {
        expect(formatDate(value, 'en')).to.equal(undefined);
      }
    });
  });

  describe('calendar arithmetic', () => {
    it('counts calendar days across DST changes, month ends and leap days', () => {
      expect(daysBetween({ year: 2026, month: 3, day: 28 }, { year: 2026, month: 3, day: 30 })).to.equal(2);
      expect(daysBetween({ year: 2026, month: 10, day: 24 }, { year: 2026, month: 10, day: 26 })).to.equal(2);
      expect(daysBetween({ year: 2024, month: 2, day: 28 }, { year: 2024, month: 3, day: 1 })).to.equal(2);
      expect(daysBetween({ year: 2023, month: 2, day: 28 }, { year: 2023, month: 3, day: 1 })).to.equal(1);
      expect(daysBetween({ year: 2026, month: 1, day: 1 }, { year: 2025, month: 12, day: 31 })).to.equal(-1);
      expect(dayNumber({ year: 1970, month: 1, day: 1 })).to.equal(0);
      expect(daysBetween({ year: 50, month: 1, day: 1 }, { year: 51, month: 1, day: 1 })).to.equal(365);
    });

    it('knows the length of every month, including February in leap and century years', () => {
      expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2023, m)))
        .to.deep.equal([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
      expect(daysInMonth(2024, 2)).to.equal(29);
      expect(daysInMonth(1900, 2)).to.equal(28);
      expect(daysInMonth(2000, 2)).to.equal(29);
      // Every month of years 1–9999 agrees with the calendar of JavaScript's Date (proleptic Gregorian).
      const d = new Date(0);
      for (let year = 1; year <= 9999; year += 1) {
        for (let month = 1; month <= 12; month += 1) {
          d.setUTCFullYear(year, month, 0);
          if (daysInMonth(year, month) !== d.getUTCDate()) expect.fail(`${year}-${month}: ${daysInMonth(year, month)} days, Date says ${d.getUTCDate()}`);
        }
      }
    });

    it('gives the first and last day a partial date can stand for', () => {
      expect(dateRange({ year: 2024, month: 2 })).to.deep.equal({ first: { year: 2024, month: 2, day: 1 }, last: { year: 2024, month: 2, day: 29 } });
      expect(dateRange({ year: 1945 })).to.deep.equal({ first: { year: 1945, month: 1, day: 1 }, last: { year: 1945, month: 12, day: 31 } });
    });

    it('takes "today" from the local date of now, also a second before and after midnight', () => {
      expect(today(new Date(2026, 10, 21, 23, 59, 59))).to.deep.equal({ year: 2026, month: 11, day: 21 });
      expect(today(new Date(2026, 10, 22, 0, 0, 1))).to.deep.equal({ year: 2026, month: 11, day: 22 });
    });

    it('reads the instant of a dateTime with a time and a zone, and nothing else', () => {
      expect(parseFhirInstant('2026-11-22T08:30:00+01:00')).to.equal(Date.UTC(2026, 10, 22, 7, 30));
      expect(parseFhirInstant('2026-11-22T08:30:00Z')).to.equal(Date.UTC(2026, 10, 22, 8, 30));
      expect(parseFhirInstant('2026-11-22T08:30:00-05:30')).to.equal(Date.UTC(2026, 10, 22, 14, 0));
      expect(parseFhirInstant('2026-11-22')).to.equal(undefined);
      expect(parseFhirInstant('2026-11-22T08:30:00')).to.equal(undefined);
      expect(parseFhirInstant('2026-11-22T25:30:00Z')).to.equal(undefined);
      expect(parseFhirInstant(1234)).to.equal(undefined);
    });
  });
});
