import type { ZkLocale } from './locale.js';
import { periodState } from './date.js';
import { cleanText } from './name.js';
import { type BannerOptions, type PatientSummaryView, patientSummaryView } from './patient.js';
import { isObject } from './text.js';

/**
 * The patient banner's details: contact details (telecom) and addresses, current ones only, in
 * words; and `patientBannerView`, the summary with them. Apart from patient.ts because the banner
 * shows them only with `expandable`, so the element loads this module only then.
 */

const PHRASES = {
  en: {
    phone: 'Phone', mobile: 'Mobile', email: 'Email', fax: 'Fax', pager: 'Pager', url: 'Website', sms: 'Text messages', contact: 'Contact',
    home: 'home', work: 'work', temp: 'temporary',
    address: 'Address', homeAddress: 'Home address', workAddress: 'Work address', tempAddress: 'Temporary address',
    billingAddress: 'Billing address',
  },
  nl: {
    phone: 'Telefoon', mobile: 'Mobiel', email: 'E-mail', fax: 'Fax', pager: 'Pieper', url: 'Website', sms: 'Sms', contact: 'Contact',
    home: 'thuis', work: 'werk', temp: 'tijdelijk',
    address: 'Adres', homeAddress: 'Woonadres', workAddress: 'Werkadres', tempAddress: 'Tijdelijk adres',
    billingAddress: 'Factuuradres',
  },
} as const;

export interface ContactLine {
  /** `Phone (home)`, `E-mail`, … */
  label: string;
  value: string;
  /** The FHIR ContactPoint system (`phone`, `email`, …; `other` for anything else). */
  system: string;
}

/** Whether a period (FHIR `Period`) ended before `now` (a date-only end lasts all that day). */
function ended(period: unknown, now: Date): boolean {
  return periodState(period, now) === 'ended';
}

const CONTACT_SYSTEMS: readonly string[] = ['phone', 'fax', 'email', 'pager', 'url', 'sms', 'other'];

/** Contact details (telecom) with a value, current ones only (not `old`, not ended), by `rank`. */
export function formatContacts(telecom: unknown, locale: ZkLocale, now: Date): ContactLine[] {
  if (!Array.isArray(telecom)) return [];
  const p = PHRASES[locale] ?? PHRASES.en;
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
  const p = PHRASES[locale] ?? PHRASES.en;
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

/** Everything the patient banner shows: the summary, with the contacts and addresses of its details. */
export interface PatientBannerView extends PatientSummaryView {
  contacts: ContactLine[];
  addresses: AddressBlock[];
}

/**
 * Everything the patient banner shows (summary and details), formatted for `locale` at the moment
 * `now` (the caller passes `new Date()`). Never throws; anything unreadable shows as "Not known".
 */
export function patientBannerView(patient: unknown, locale: ZkLocale, options: BannerOptions, now: Date): PatientBannerView {
  const data = isObject(patient) ? patient : {};
  const validNow = now instanceof Date && !Number.isNaN(now.getTime()) ? now : undefined;
  return {
    ...patientSummaryView(patient, locale, options, now),
    contacts: validNow ? formatContacts(data.telecom, locale, validNow) : [],
    addresses: validNow ? formatAddresses(data.address, locale, validNow) : [],
  };
}
