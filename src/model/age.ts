import type { ZkLocale } from './locale.js';
import {
  type CalendarDate, addMonths, dateRange, daysBetween, isFullDate, parseFhirDate, parseFhirInstant, today,
} from './date.js';

/**
 * Ages as the NHS Common User Interface shows them (CLINICAL.md, "Age display breakpoints"):
 *
 * | age              | shown as          | en        | nl            |
 * | ---------------- | ----------------- | --------- | ------------- |
 * | under 2 hours    | minutes           | `45min`   | `45 min`      |
 * | under 2 days     | hours             | `14h`     | `14 u`        |
 * | under 4 weeks    | days              | `3d`      | `3 d`         |
 * | under 1 year     | weeks and days    | `5w 2d`   | `5 wk 2 d`    |
 * | under 2 years    | months and days   | `14m 3d`  | `14 mnd 3 d`  |
 * | under 18 years   | years and months  | `15y 3m`  | `15 jr 3 mnd` |
 * | 18 and over      | years             | `61y`     | `61 jr`       |
 *
 * A second part that is zero is left out (`5w`, `15y`). The long form (`5 weeks 2 days`,
 * `5 weken 2 dagen`) is for screen readers.
 *
 * Minutes and hours need the moment of birth: the FHIR `patient-birthTime` extension on
 * `_birthDate`. Without it a newborn's age is counted in calendar days (`0d`, `1d`).
 *
 * Ages are calendar arithmetic on dates as written, never on instants made from a date string, so
 * they do not shift with the browser's zone. A birthday that does not exist in a year (29 February)
 * is reached on the day after (1 March); the same holds for months (born 31 January: one month old
 * on 1 March, as February has no 31st).
 *
 * When the birth (or death) date is partial (`1945`, `1945-07`) the age is shown only when every
 * possible day gives the same age; otherwise there is no age (never a guess). There is no age
 * for a birth date after the end date.
 */
export type Age =
  | { unit: 'minutes'; value: number }
  | { unit: 'hours'; value: number }
  | { unit: 'days'; value: number }
  | { unit: 'weeks'; value: number; rest: number }
  | { unit: 'months'; value: number; rest: number }
  | { unit: 'years-months'; value: number; rest: number }
  | { unit: 'years'; value: number };

/** The FHIR extension that carries the moment of birth on `Patient._birthDate`. */
export const BIRTH_TIME_URL = 'http://hl7.org/fhir/StructureDefinition/patient-birthTime';

const HOUR = 3_600_000;

/** An end point of an age: a calendar date, and the moment when known. */
interface AgeEnd {
  date: CalendarDate;
  instant?: number;
}

/** Whole months from `from` to `to`; a month is complete on the same day number (or the day after a missing one). */
function completedMonths(from: Required<CalendarDate>, to: Required<CalendarDate>): number {
  let months = (to.year - from.year) * 12 + (to.month - from.month);
  if (to.day < from.day) months -= 1;
  return months;
}


/** The age between two full calendar dates (and, for the first two days, two instants). */
function exactAge(birth: Required<CalendarDate>, end: Required<CalendarDate>, birthInstant?: number, endInstant?: number): Age | undefined {
  if (birthInstant !== undefined && endInstant !== undefined) {
    const elapsed = endInstant - birthInstant;
    if (elapsed < 0) return undefined;
    if (elapsed < 2 * HOUR) return { unit: 'minutes', value: Math.floor(elapsed / 60_000) };
    if (elapsed < 48 * HOUR) return { unit: 'hours', value: Math.floor(elapsed / HOUR) };
  }
  const days = daysBetween(birth, end);
  if (!Number.isSafeInteger(days) || days < 0) return undefined;
  const months = completedMonths(birth, end);
  if (months < 12) {
    if (days < 28) return { unit: 'days', value: days };
    return { unit: 'weeks', value: Math.floor(days / 7), rest: days % 7 };
  }
  if (months < 24) return { unit: 'months', value: months, rest: daysBetween(addMonths(birth, months), end) };
  if (months < 18 * 12) return { unit: 'years-months', value: Math.floor(months / 12), rest: months % 12 };
  return { unit: 'years', value: Math.floor(months / 12) };
}

function sameAge(a: Age | undefined, b: Age | undefined): boolean {
  if (!a || !b) return false;
  return a.unit === b.unit && a.value === b.value && ('rest' in a ? a.rest : 0) === ('rest' in b ? b.rest : 0);
}

function ageBetween(birthDate: unknown, end: AgeEnd, birthTime?: unknown): Age | undefined {
  const birth = parseFhirDate(birthDate);
  if (!birth) return undefined;
  if (isFullDate(birth) && isFullDate(end.date)) {
    // The moment of birth counts only when it falls on the birth date as written.
    const timeDate = parseFhirDate(birthTime);
    const sameDay = timeDate && isFullDate(timeDate) && daysBetween(timeDate, birth) === 0;
    const birthInstant = sameDay ? parseFhirInstant(birthTime) : undefined;
    return exactAge(birth, end.date, birthInstant, end.instant);
  }
  // Partial dates: only an age that every possible day agrees on.
  const b = dateRange(birth);
  const e = dateRange(end.date);
  const youngest = exactAge(b.last, e.first);
  const oldest = exactAge(b.first, e.last);
  return sameAge(youngest, oldest) ? youngest : undefined;
}

/**
 * The age today of someone born on `birthDate` (a FHIR date), at the moment `now` (the caller
 * passes `new Date()`; the model never reads the clock). "Today" is `now`'s date in the browser's
 * own zone. `birthTime` is the optional `patient-birthTime` dateTime.
 */
export function ageOn(birthDate: unknown, now: Date, birthTime?: unknown): Age | undefined {
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) return undefined;
  return ageBetween(birthDate, { date: today(now), instant: now.getTime() }, birthTime);
}

/**
 * The age at death: from `birthDate` to the date of death as written in `deceasedDateTime` (its own
 * calendar date, not converted to the browser's zone).
 */
export function ageAtDeath(birthDate: unknown, deceasedDateTime: unknown, birthTime?: unknown): Age | undefined {
  const date = parseFhirDate(deceasedDateTime);
  if (!date) return undefined;
  return ageBetween(birthDate, { date, instant: parseFhirInstant(deceasedDateTime) }, birthTime);
}

/** The `patient-birthTime` extension's value from a Patient's `_birthDate`, if any. */
export function birthTimeOf(patient: unknown): string | undefined {
  if (!patient || typeof patient !== 'object') return undefined;
  const element = (patient as { _birthDate?: unknown })._birthDate;
  if (!element || typeof element !== 'object') return undefined;
  const extensions = (element as { extension?: unknown }).extension;
  if (!Array.isArray(extensions)) return undefined;
  for (const ext of extensions as unknown[]) {
    if (ext && typeof ext === 'object' && (ext as { url?: unknown }).url === BIRTH_TIME_URL) {
      const value = (ext as { valueDateTime?: unknown }).valueDateTime;
      if (typeof value === 'string') return value;
    }
  }
  return undefined;
}

type UnitWords = Record<Age['unit'] | 'rest-days' | 'rest-months', { short: string; one: string; other: string }>;

const WORDS: Record<ZkLocale, UnitWords & { space: string }> = {
  en: {
    space: '',
    minutes: { short: 'min', one: 'minute', other: 'minutes' },
    hours: { short: 'h', one: 'hour', other: 'hours' },
    days: { short: 'd', one: 'day', other: 'days' },
    weeks: { short: 'w', one: 'week', other: 'weeks' },
    months: { short: 'm', one: 'month', other: 'months' },
    'years-months': { short: 'y', one: 'year', other: 'years' },
    years: { short: 'y', one: 'year', other: 'years' },
    'rest-days': { short: 'd', one: 'day', other: 'days' },
    'rest-months': { short: 'm', one: 'month', other: 'months' },
  },
  nl: {
    space: ' ',
    minutes: { short: 'min', one: 'minuut', other: 'minuten' },
    hours: { short: 'u', one: 'uur', other: 'uur' },
    days: { short: 'd', one: 'dag', other: 'dagen' },
    weeks: { short: 'wk', one: 'week', other: 'weken' },
    months: { short: 'mnd', one: 'maand', other: 'maanden' },
    'years-months': { short: 'jr', one: 'jaar', other: 'jaar' },
    years: { short: 'jr', one: 'jaar', other: 'jaar' },
    'rest-days': { short: 'd', one: 'dag', other: 'dagen' },
    'rest-months': { short: 'mnd', one: 'maand', other: 'maanden' },
  },
};

/** An age as text: `short` for the screen (`15y 3m`), `long` for screen readers (`15 years 3 months`). */
export interface AgeText {
  short: string;
  long: string;
}

function isAge(value: unknown): value is Age {
  if (!value || typeof value !== 'object') return false;
  const a = value as { unit?: unknown; value?: unknown; rest?: unknown };
  const integer = (n: unknown) => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
  if (!integer(a.value)) return false;
  switch (a.unit) {
    case 'minutes': case 'hours': case 'days': case 'years': return true;
    case 'weeks': case 'months': case 'years-months': return integer(a.rest);
    default: return false;
  }
}

/** Formats an age (see the table above). Undefined for anything that is not an age. */
export function formatAge(age: Age | undefined, locale: ZkLocale): AgeText | undefined {
  if (!isAge(age)) return undefined;
  const words = WORDS[locale] ?? WORDS.en;
  const part = (n: number, key: keyof UnitWords) => ({
    short: `${n}${words.space}${words[key].short}`,
    long: `${n} ${n === 1 ? words[key].one : words[key].other}`,
  });
  const first = part(age.value, age.unit);
  const restKey = age.unit === 'years-months' ? 'rest-months' : 'rest-days';
  if (!('rest' in age) || age.rest === 0) return first;
  const second = part(age.rest, restKey);
  return { short: `${first.short} ${second.short}`, long: `${first.long} ${second.long}` };
}
