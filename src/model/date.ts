import type { ZkLocale } from './locale.js';

/**
 * FHIR dates are calendar dates (`1974-12-25`, `1974-12`, `1974`), and dateTimes carry their own
 * offset. A calendar date is never turned into an instant: `new Date('1974-12-25')` is UTC midnight
 * and shows the previous day west of Greenwich.
 */
export interface CalendarDate {
  year: number;
  /** 1–12, absent for a year-only date. */
  month?: number;
  /** 1–31, absent for a year or year-month date. */
  day?: number;
}

// A FHIR date (`1974`, `1974-12`, `1974-12-25`) or a dateTime (a full date, then `T` and a time).
// Anchored: `19741225`, `1974-1` or `1974-12-25garbage` are not dates.
const DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?)?)?$/;

/**
 * Reads the calendar date of a FHIR `date` or `dateTime` as written (a dateTime's own local date,
 * not converted to the browser's zone). Returns undefined for anything that is not a valid date.
 */
export function parseFhirDate(value: unknown): CalendarDate | undefined {
  if (typeof value !== 'string') return undefined;
  const m = DATE_RE.exec(value.trim());
  if (!m) return undefined;
  const year = Number(m[1]);
  if (year < 1) return undefined;
  if (m[2] === undefined) return { year };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return undefined;
  if (m[3] === undefined) return { year, month };
  const day = Number(m[3]);
  if (day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month of the (proleptic) Gregorian calendar; `month` is 1–12. */
export function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
}

/**
 * Formats a FHIR date or dateTime as an unambiguous calendar date with a month name:
 * en `14-Jul-1945` (NHS CUI style), nl `14 jul 1945`. Partial dates show what is known
 * (`Jul-1945`, `1945`). Returns undefined when the value is not a date, so callers show their
 * own "Not known".
 */
export function formatDate(value: unknown, locale: ZkLocale): string | undefined {
  const date = parseFhirDate(value);
  if (!date) return undefined;
  const month = date.month === undefined ? undefined : monthName(date.month, locale);
  const parts = [date.day === undefined ? undefined : String(date.day).padStart(2, '0'), month, String(date.year).padStart(4, '0')]
    .filter((p): p is string => p !== undefined);
  return parts.join(locale === 'en' ? '-' : ' ');
}

// Fixed three-letter month names (NHS CUI `dd-Mmm-yyyy`; the Dutch abbreviations without a full
// stop). Not taken from Intl: its short names differ between ICU versions (en-GB "Sept", nl "mrt.").
const MONTHS: Record<ZkLocale, readonly string[]> = {
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  nl: ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
};

/** The short month name: `Jul` (en), `jul` (nl); always three letters. */
export function monthName(month: number, locale: ZkLocale): string {
  return (MONTHS[locale] ?? MONTHS.en)[month - 1] ?? '';
}

/** Today's calendar date in the browser's own zone (what a clinician calls "today"). */
export function today(now: Date = new Date()): Required<CalendarDate> {
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}

/** Compares two full calendar dates: negative when a is before b. */
export function compareCalendarDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || (a.month ?? 1) - (b.month ?? 1) || (a.day ?? 1) - (b.day ?? 1);
}

/** A moment with its calendar date as written (a FHIR dateTime with a time and a zone). */
const INSTANT_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The instant of a FHIR dateTime that has a time and a zone (`2026-11-22T08:30:00+01:00`), in
 * milliseconds since the epoch; undefined for a date without a time or without a zone (such a
 * value is not one moment).
 */
export function parseFhirInstant(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const m = INSTANT_RE.exec(value.trim());
  if (!m || !parseFhirDate(value)) return undefined;
  const [hour, minute, second] = [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
  if (hour > 23 || minute > 59 || second > 60) return undefined;
  const zone = m[7] ?? 'Z';
  const offset = zone === 'Z' ? 0 : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), hour, minute, second) - offset * 60_000;
}

/** Whether a calendar date has a day (is not a year or year-month). */
export function isFullDate(date: CalendarDate): date is Required<CalendarDate> {
  return date.month !== undefined && date.day !== undefined;
}

/** A day number for a full calendar date (days since 1970-01-01), computed in UTC: no zone, no DST. */
export function dayNumber(date: Required<CalendarDate>): number {
  // setUTCFullYear, not Date.UTC: Date.UTC reads the years 0–99 as 1900–1999.
  return Math.round(new Date(0).setUTCFullYear(date.year, date.month - 1, date.day) / 86_400_000);
}

/** Calendar days from `a` to `b` (negative when b is before a). */
export function daysBetween(a: Required<CalendarDate>, b: Required<CalendarDate>): number {
  return dayNumber(b) - dayNumber(a);
}

/** The first and the last day a (possibly partial) calendar date can stand for. */
export function dateRange(date: CalendarDate): { first: Required<CalendarDate>; last: Required<CalendarDate> } {
  const firstMonth = date.month ?? 1;
  const lastMonth = date.month ?? 12;
  return {
    first: { year: date.year, month: firstMonth, day: date.day ?? 1 },
    last: { year: date.year, month: lastMonth, day: date.day ?? daysInMonth(date.year, lastMonth) },
  };
}

/**
 * The date `months` months after `from`: the same day number, or the 1st of the next month when
 * that day does not exist (31 Jan + 1 month → 1 Mar). Ages and medication periods both count so.
 */
export function addMonths(from: Required<CalendarDate>, months: number): Required<CalendarDate> {
  const index = from.month - 1 + months;
  const year = from.year + Math.floor(index / 12);
  const month = (((index % 12) + 12) % 12) + 1;
  if (from.day <= daysInMonth(year, month)) return { year, month, day: from.day };
  return month === 12 ? { year: year + 1, month: 1, day: 1 } : { year, month: month + 1, day: 1 };
}

/** Where `now` falls in a FHIR Period. */
export type PeriodState = 'current' | 'ended' | 'not-started';

/**
 * Where `now` falls in a FHIR `Period`: before its `start`, after its `end`, or inside it (also
 * when there is no period, an unreadable bound, or no valid `now`). A bound with a time and a zone
 * is a moment; a date (or a dateTime without a zone) is a calendar date, never turned into an
 * instant: a date-only start counts from its first day, a date-only end lasts all its last day.
 */
export function periodState(period: unknown, now: Date): PeriodState {
  if (typeof period !== 'object' || period === null || !(now instanceof Date) || Number.isNaN(now.getTime())) return 'current';
  const day = dayNumber(today(now));
  const { start, end } = period as { start?: unknown; end?: unknown };
  const endInstant = parseFhirInstant(end);
  const endDate = parseFhirDate(end);
  if (endInstant !== undefined ? endInstant < now.getTime() : endDate !== undefined && dayNumber(dateRange(endDate).last) < day) return 'ended';
  const startInstant = parseFhirInstant(start);
  const startDate = parseFhirDate(start);
  if (startInstant !== undefined ? startInstant > now.getTime() : startDate !== undefined && dayNumber(dateRange(startDate).first) > day) return 'not-started';
  return 'current';
}
