import type { ZkLocale } from './locale.js';
import { type AgeText, ageAtDeath, ageOn, birthTimeOf, formatAge } from './age.js';
import { formatDate, periodState } from './date.js';
import { type FormattedIdentifier, listIdentifiers } from './identifier.js';
import {
  type FormattedName, type NameStyle, callName, cleanText, defaultNameStyle, formatPatientName,
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
    phone: 'Phone', mobile: 'Mobile', email: 'Email', fax: 'Fax', pager: 'Pager', url: 'Website', sms: 'Text messages', contact: 'Contact',
    home: 'home', work: 'work', temp: 'temporary',
    address: 'Address', homeAddress: 'Home address', workAddress: 'Work address', tempAddress: 'Temporary address',
    billingAddress: 'Billing address',
  },
  nl: {
    notKnown: 'Onbekend',
    nameNotKnown: 'Naam onbekend',
    female: 'Vrouw', male: 'Man', other: 'Anders', unknown: 'Onbekend',
    phone: 'Telefoon', mobile: 'Mobiel', email: 'E-mail', fax: 'Fax', pager: 'Pieper', url: 'Website', sms: 'Sms', contact: 'Contact',
    home: 'thuis', work: 'werk', temp: 'tijdelijk',
    address: 'Adres', homeAddress: 'Woonadres', workAddress: 'Werkadres', tempAddress: 'Tijdelijk adres',
    billingAddress: 'Factuuradres',
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

export interface ContactLine {
  /** `Phone (home)`, `E-mail`, … */
  label: string;
  value: string;
  /** The FHIR ContactPoint system (`phone`, `email`, …; `other` for anything else). */
  system: string;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether a period (FHIR `Period`) ended before `now` (a date-only end lasts all that day). */
function ended(period: unknown, now: Date): boolean {
  return periodState(period, now) === 'ended';
}

const CONTACT_SYSTEMS: readonly string[] = ['phone', 'fax', 'email', 'pager', 'url', 'sms', 'other'];

/** Contact details (telecom) with a value, current ones only (not `old`, not ended), by `rank`. */
export function formatContacts(telecom: unknown, locale: ZkLocale, now: Date): ContactLine[] {
  if (!Array.isArray(telecom)) return [];
  const p = phrases(locale);
  const lines: (ContactLine & { rank: number; order: number })[] = [];
  (telecom as unknown[]).forEach((t, order) => {
    if (!isObject(t) || t.use === 'old' || ended(t.period, now)) return;
    const value = cleanText(t.value);
    if (!value) return;
    const system = typeof t.system === 'string' && CONTACT_SYSTEMS.includes(t.system) ? t.system : 'other';
    const base = t.use === 'mobile' && (system === 'phone' || system === 'sms') ? p.mobile
      : system === 'phone' ? p.phone : system === 'email' ? p.email : system === 'fax' ? p.fax
        : system === 'pager' ? p.pager : system === 'url' ? p.url : system === 'sms' ? p.sms : p.contact;
    const use = t.use === 'home' ? p.home : t.use === 'work' ? p.work : t.use === 'temp' ? p.temp : undefined;
    const rank = typeof t.rank === 'number' && Number.isFinite(t.rank) && t.rank > 0 ? t.rank : Number.MAX_SAFE_INTEGER;
    lines.push({ label: use ? `${base} (${use})` : base, value, system, rank, order });
  });
  lines.sort((a, b) => a.rank - b.rank || a.order - b.order);
  return lines.map((line) => ({ label: line.label, value: line.value, system: line.system }));
}

export interface AddressBlock {
  /** `Home address`, `Woonadres`, … */
  label: string;
  /** The lines as they are written on an envelope. */
  lines: string[];
}

const NL_COUNTRY = /^(nl|nld|nederland|the netherlands|netherlands|holland)$/i;
const UK_COUNTRY = /^(gb|gbr|uk|united kingdom|great britain|england|scotland|wales|northern ireland|verenigd koninkrijk)$/i;
const NL_POSTCODE = /^\d{4} ?[A-Z]{2}$/i;

/** Whether to write the address the Dutch way (postcode before city) or the British way. */
function addressStyle(country: string | undefined, postalCode: string | undefined, locale: ZkLocale): 'nl' | 'en' {
  if (country && NL_COUNTRY.test(country)) return 'nl';
  if (country && UK_COUNTRY.test(country)) return 'en';
  if (postalCode && NL_POSTCODE.test(postalCode)) return 'nl';
  return locale;
}

/**
 * One address as lines, the way the address's own country writes it (else the locale's way):
 * Dutch `Dorpsstraat 1`, `1234 AB Utrecht`; British `1 High Street`, `Leeds`, `LS1 4AP`; then the
 * country. `Address.text` when there are no parts. Undefined when there is nothing to show.
 */
export function formatAddress(address: unknown, locale: ZkLocale): AddressBlock | undefined {
  if (!isObject(address)) return undefined;
  const p = phrases(locale);
  const street = Array.isArray(address.line) ? (address.line as unknown[]).map(cleanText).filter((l): l is string => !!l) : [];
  const city = cleanText(address.city);
  const postalCode = cleanText(address.postalCode);
  const district = cleanText(address.district);
  const state = cleanText(address.state);
  const country = cleanText(address.country);
  let lines: string[];
  if (addressStyle(country, postalCode, locale) === 'nl') {
    const place = [postalCode, city].filter(Boolean).join(' ');
    lines = [...street, place, district ?? '', state ?? '', country ?? ''];
  } else {
    lines = [...street, city ?? '', district ?? '', state ?? '', postalCode ?? '', country ?? ''];
  }
  lines = lines.filter(Boolean);
  if (lines.length === 0) {
    const text = cleanText(address.text);
    if (!text) return undefined;
    lines = [text];
  }
  const label = address.use === 'home' ? p.homeAddress : address.use === 'work' ? p.workAddress
    : address.use === 'temp' ? p.tempAddress : address.use === 'billing' ? p.billingAddress : p.address;
  return { label, lines };
}

/** Current addresses (not `old`, not ended) with something to show. */
export function formatAddresses(addresses: unknown, locale: ZkLocale, now: Date): AddressBlock[] {
  if (!Array.isArray(addresses)) return [];
  return (addresses as unknown[])
    .filter((a) => isObject(a) && a.use !== 'old' && !ended(a.period, now))
    .map((a) => formatAddress(a, locale))
    .filter((a): a is AddressBlock => !!a);
}

export interface BannerOptions {
  /** `dutch` or `nhs`; default per locale (`defaultNameStyle`). */
  nameStyle?: NameStyle;
  /** Identifier systems by priority (default BSN, NHS number). */
  identifierSystems?: readonly string[];
  /** Mask identifiers for shared screens. */
  maskIdentifier?: boolean;
}

export interface PatientBannerView {
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
  contacts: ContactLine[];
  addresses: AddressBlock[];
}

/** Whether the patient is deceased: `deceasedBoolean: true`, or any `deceasedDateTime`. */
function isDeceased(patient: Record<string, unknown>): boolean {
  return patient.deceasedBoolean === true || (patient.deceasedDateTime !== undefined && patient.deceasedDateTime !== null);
}

/**
 * Everything the patient banner shows, formatted for `locale` at the moment `now` (the caller
 * passes `new Date()`). Never throws; anything unreadable shows as "Not known".
 */
export function patientBannerView(patient: unknown, locale: ZkLocale, options: BannerOptions, now: Date): PatientBannerView {
  const p = phrases(locale);
  const data = isObject(patient) ? patient : {};
  const style = options.nameStyle ?? defaultNameStyle(locale);
  const born = formatDate(data.birthDate, locale);
  const birthTime = birthTimeOf(data);
  const identifiers = listIdentifiers(data.identifier, locale, { systems: options.identifierSystems, mask: options.maskIdentifier });
  const validNow = now instanceof Date && !Number.isNaN(now.getTime()) ? now : undefined;
  const genderShown = formatGender(data.gender, locale);

  const view: PatientBannerView = {
    nameNotKnown: p.nameNotKnown,
    born: born ?? p.notKnown,
    bornKnown: born !== undefined,
    gender: genderShown,
    genderKnown: genderShown !== p.notKnown,
    otherIdentifiers: identifiers.slice(1),
    contacts: validNow ? formatContacts(data.telecom, locale, validNow) : [],
    addresses: validNow ? formatAddresses(data.address, locale, validNow) : [],
  };
  // Names whose period ended (or has not started) give way to a current one; an invalid `now`
  // checks no periods.
  const name = formatPatientName(data, style, locale, now);
  if (name) view.name = name;
  const call = callName(data, now);
  if (call) view.callName = call;
  if (identifiers[0]) view.identifier = identifiers[0];

  if (isDeceased(data)) {
    const deceased: NonNullable<PatientBannerView['deceased']> = {};
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
