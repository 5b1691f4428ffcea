import type { ZkLocale } from './locale.js';
import { type AgeText, ageAtDeath, ageOn, birthTimeOf, formatAge } from './age.js';
import { formatDate } from './date.js';
import { isObject } from './text.js';
import { type FormattedIdentifier, listIdentifiers } from './identifier.js';
import {
  type FormattedName, type NameStyle, callName, defaultNameStyle, formatPatientName,
} from './name.js';

/**
 * The patient banner's view model: everything a banner shows, formatted, with "Not known" where
 * data is missing (PAB-0019: never "?" and never an empty value). Pure: the caller passes `now`.
 */

const PHRASES = {
  en: {
    notKnown: 'Not known',
    nameNotKnown: 'Name not known',
    female: 'Female', male: 'Male', other: 'Other', unknown: 'Unknown',
  },
  nl: {
    notKnown: 'Onbekend',
    nameNotKnown: 'Naam onbekend',
    female: 'Vrouw', male: 'Man', other: 'Anders', unknown: 'Onbekend',
  },
} as const;

function phrases(locale: ZkLocale) {
  return PHRASES[locale] ?? PHRASES.en;
}

/** "Not known" / "Onbekend": what a missing value shows (PAB-0019). */
export function notKnown(locale: ZkLocale): string {
  return phrases(locale).notKnown;
}

/** The administrative gender, localized; missing or unreadable → "Not known" / "Onbekend". */
export function formatGender(gender: unknown, locale: ZkLocale): string {
  const p = phrases(locale);
  switch (typeof gender === 'string' ? gender.trim().toLowerCase() : undefined) {
    case 'female': return p.female;
    case 'male': return p.male;
    case 'other': return p.other;
    case 'unknown': return p.unknown;
    default: return p.notKnown;
  }
}

export interface BannerOptions {
  /** `dutch` or `nhs`; default per locale (`defaultNameStyle`). */
  nameStyle?: NameStyle;
  /** Identifier systems by priority (default BSN, NHS number). */
  identifierSystems?: readonly string[];
  /** Mask identifiers for shared screens. */
  maskIdentifier?: boolean;
}

/**
 * What the banner shows at a glance: name, birth date and age, gender, identifiers. The banner's
 * details (contacts and addresses) are in patient-contact.ts, `patientBannerView` there has both.
 */
export interface PatientSummaryView {
  /** The formatted name; undefined when there is none (show `nameNotKnown`). */
  name?: FormattedName;
  /** "Name not known" / "Naam onbekend". */
  nameNotKnown: string;
  /** The call name (roepnaam), when there is one. */
  callName?: string;
  /** The birth date (`14-Jul-1945`), or "Not known". */
  born: string;
  /** Whether the birth date is known. */
  bornKnown: boolean;
  /** The age today; never for a deceased patient. */
  age?: AgeText;
  /** Set when the patient is deceased. */
  deceased?: {
    /** The date of death, when known. */
    date?: string;
    /** The age at death, when both dates allow it. */
    age?: AgeText;
  };
  gender: string;
  genderKnown: boolean;
  /** The identifier to show, best by priority. */
  identifier?: FormattedIdentifier;
  /** The other identifiers (each once). */
  otherIdentifiers: FormattedIdentifier[];
}

/** Whether the patient is deceased: `deceasedBoolean: true`, or any `deceasedDateTime`. */
function isDeceased(patient: Record<string, unknown>): boolean {
  return patient.deceasedBoolean === true || (patient.deceasedDateTime !== undefined && patient.deceasedDateTime !== null);
}

/**
 * What the patient banner shows at a glance, formatted for `locale` at the moment `now` (the
 * caller passes `new Date()`). Never throws; anything unreadable shows as "Not known".
 */
export function patientSummaryView(patient: unknown, locale: ZkLocale, options: BannerOptions, now: Date): PatientSummaryView {
  const p = phrases(locale);
  const data = isObject(patient) ? patient : {};
  const style = options.nameStyle ?? defaultNameStyle(locale);
  const born = formatDate(data.birthDate, locale);
  const birthTime = birthTimeOf(data);
  const identifiers = listIdentifiers(data.identifier, locale, { systems: options.identifierSystems, mask: options.maskIdentifier });
  const validNow = now instanceof Date && !Number.isNaN(now.getTime()) ? now : undefined;
  const genderShown = formatGender(data.gender, locale);

  const view: PatientSummaryView = {
    nameNotKnown: p.nameNotKnown,
    born: born ?? p.notKnown,
    bornKnown: born !== undefined,
    gender: genderShown,
    genderKnown: genderShown !== p.notKnown,
    otherIdentifiers: identifiers.slice(1),
  };
  // Names whose period ended (or has not started) give way to a current one; an invalid `now`
  // checks no periods.
  const name = formatPatientName(data, style, locale, now);
  if (name) view.name = name;
  const call = callName(data, now);
  if (call) view.callName = call;
  if (identifiers[0]) view.identifier = identifiers[0];

  if (isDeceased(data)) {
    const deceased: NonNullable<PatientSummaryView['deceased']> = {};
    const date = formatDate(data.deceasedDateTime, locale);
    if (date) {
      deceased.date = date;
      const age = born ? formatAge(ageAtDeath(data.birthDate, data.deceasedDateTime, birthTime), locale) : undefined;
      if (age) deceased.age = age;
    }
    view.deceased = deceased;
  } else if (born && validNow) {
    const age = formatAge(ageOn(data.birthDate, validNow, birthTime), locale);
    if (age) view.age = age;
  }
  return view;
}
