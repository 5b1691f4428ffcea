import { BSN_OID_SYSTEM, BSN_SYSTEM, NHS_NUMBER_SYSTEM } from '../fhir/r4.js';
import type { ZkLocale } from './locale.js';
import { cleanText } from './name.js';

/**
 * Patient identifiers for display.
 *
 * - Which one: the first identifier (with a value) whose system comes first in a priority list;
 *   by default BSN (`http://fhir.nl/fhir/NamingSystem/bsn` or OID `2.16.840.1.113883.2.4.6.3`,
 *   with or without `urn:oid:`), then the NHS number, then the first identifier with a value.
 *   Identifiers with `use: old` come last. Within one system's rank, a BSN or NHS number that
 *   fails its check (`valid: false`) comes after those that pass, so a mistyped copy never hides
 *   the right one; across systems the priority holds, so an invalid BSN is still the one shown
 *   (flagged by the banner) rather than silently replaced by a lower-priority number. An identifier
 *   without a value is skipped; the same system and value is one identifier.
 * - Labels: "BSN", "NHS No." (nl "NHS-nr."); other systems their `type.text` or coding display,
 *   else "ID". Never empty, never a colon.
 * - Values: an NHS number (10 digits) spaced 3-3-4 (`129 728 7652`); a BSN (9 digits, an 8-digit
 *   BSN gets back its leading zero) as its nine digits (`123456782`), the form that is typed and
 *   compared in other systems (read out to screen readers in groups of 4-2-3); anything else as written.
 * - Masking keeps the last three characters (`••••••782`) and says so to screen readers.
 */
export type IdentifierKind = 'bsn' | 'nhs-number' | 'other';

export interface FormattedIdentifier {
  kind: IdentifierKind;
  /** The system as written in the data (may be absent). */
  system?: string;
  /** The label to show: "BSN", "NHS No.", … never empty. */
  label: string;
  /** A longer description of the label (for a tooltip). */
  definition: string;
  /** The value as shown: spaced, or masked. */
  value: string;
  /** The value for a screen reader (`masked, ends in 782` when masked; the digits otherwise). */
  spoken: string;
  masked: boolean;
  /**
   * For a BSN or an NHS number: whether it is one. False when the check fails (BSN elfproef, NHS
   * modulus 11) or the value is not the right number of digits (9, or 8 for a BSN that lost its
   * leading zero; 10 for an NHS number). Absent for other systems.
   */
  valid?: boolean;
}

/** The BSN's OID as `normalizeSystem` leaves it (without `urn:oid:`). */
const BSN_OID = BSN_OID_SYSTEM.slice('urn:oid:'.length);

/** The default priority: BSN (both systems), then NHS number. */
export const DEFAULT_IDENTIFIER_SYSTEMS: readonly string[] = [BSN_SYSTEM, BSN_OID_SYSTEM, NHS_NUMBER_SYSTEM];

function normalizeSystem(system: string): string {
  const s = system.trim().replace(/\/+$/, '');
  return s.toLowerCase().startsWith('urn:oid:') ? s.slice('urn:oid:'.length) : s;
}

/** What kind of identifier a system is. */
export function identifierKind(system: unknown): IdentifierKind {
  if (typeof system !== 'string') return 'other';
  const s = normalizeSystem(system);
  if (s === BSN_SYSTEM || s === BSN_OID) return 'bsn';
  if (s === NHS_NUMBER_SYSTEM || s === 'http://fhir.nhs.net/Id/nhs-number') return 'nhs-number';
  return 'other';
}

/** Dutch "elfproef": Σ dᵢ·wᵢ with weights 9…2, −1 divisible by 11 and not 0. */
export function isValidBsn(value: string): boolean {
  if (!/^\d{9}$/.test(value)) return false;
  const weights = [9, 8, 7, 6, 5, 4, 3, 2, -1];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(value[i]), 0);
  return sum !== 0 && sum % 11 === 0;
}

/** NHS number modulus 11 check digit. */
export function isValidNhsNumber(value: string): boolean {
  if (!/^\d{10}$/.test(value)) return false;
  const sum = [...value.slice(0, 9)].reduce((acc, d, i) => acc + Number(d) * (10 - i), 0);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(value[9]);
}

const LABELS: Record<ZkLocale, Record<Exclude<IdentifierKind, 'other'>, { label: string; definition: string }> & { other: string; otherDefinition: string }> = {
  en: {
    bsn: { label: 'BSN', definition: 'Burgerservicenummer: the Dutch citizen service number' },
    'nhs-number': { label: 'NHS No.', definition: 'NHS number: the patient’s unique number in the NHS in England and Wales' },
    other: 'ID',
    otherDefinition: 'Identifier of the patient',
  },
  nl: {
    bsn: { label: 'BSN', definition: 'Burgerservicenummer' },
    'nhs-number': { label: 'NHS-nr.', definition: 'NHS-nummer: het patiëntnummer van de Engelse NHS' },
    other: 'ID',
    otherDefinition: 'Identificatienummer van de patiënt',
  },
};

const MASK = '•';

function digitsOf(value: string): string | undefined {
  const compact = value.replace(/[\s.-]/g, '');
  return /^\d+$/.test(compact) ? compact : undefined;
}

function typeLabel(type: unknown): string | undefined {
  if (!type || typeof type !== 'object') return undefined;
  const t = type as { text?: unknown; coding?: unknown };
  const fromCoding = Array.isArray(t.coding)
    ? (t.coding as unknown[]).map((c) => (c && typeof c === 'object' ? cleanText((c as { display?: unknown }).display) : undefined)).find(Boolean)
    : undefined;
  // Labels have no colon (PAB-0033): a trailing one from the data is dropped.
  const label = cleanText(t.text) ?? fromCoding;
  return label === undefined ? undefined : cleanText(label.replace(/[\s:]+$/, ''));
}

/** Groups a string of characters by sizes (`[3, 3, 4]`), keeping any characters left over in the last group. */
function group(chars: string, sizes: number[]): string {
  const out: string[] = [];
  let at = 0;
  sizes.forEach((size, i) => {
    const end = i === sizes.length - 1 ? chars.length : at + size;
    out.push(chars.slice(at, end));
    at = end;
  });
  return out.filter(Boolean).join(' ');
}

/**
 * Formats one identifier; undefined when it has no value to show.
 */
export function formatIdentifier(identifier: unknown, locale: ZkLocale, options: { mask?: boolean } = {}): FormattedIdentifier | undefined {
  if (!identifier || typeof identifier !== 'object') return undefined;
  const id = identifier as { system?: unknown; value?: unknown; type?: unknown };
  const raw = cleanText(id.value);
  if (!raw) return undefined;
  const words = LABELS[locale] ?? LABELS.en;
  const system = cleanText(id.system);
  const kind = identifierKind(system);
  const label = kind === 'other' ? (typeLabel(id.type) ?? words.other) : words[kind].label;
  const definition = kind === 'other' ? (typeLabel(id.type) ?? words.otherDefinition) : words[kind].definition;

  let chars = raw;
  let sizes: number[] | undefined;
  let spokenSizes: number[] | undefined;
  let valid: boolean | undefined;
  const digits = digitsOf(raw);
  if (kind === 'bsn' && digits && (digits.length === 9 || digits.length === 8)) {
    // Shown as its nine digits, the form typed and compared in other systems (no spaces); read
    // out in groups.
    chars = digits.padStart(9, '0');
    spokenSizes = [4, 2, 3];
    valid = isValidBsn(chars);
  } else if (kind === 'nhs-number' && digits && digits.length === 10) {
    chars = digits;
    sizes = [3, 3, 4];
    valid = isValidNhsNumber(chars);
  } else if (kind !== 'other') {
    // In the BSN or NHS system but not the digits such a number has: shown as written, not valid.
    valid = false;
  }
  const mask = options.mask === true;
  const shownChars = mask ? [...chars].map((c, i, all) => (i < all.length - 3 || all.length <= 3 ? (/\s/.test(c) ? c : MASK) : c)).join('') : chars;
  const value = sizes ? group(shownChars, sizes) : shownChars;
  // A value of three characters or fewer is masked whole, and its ending is not read out.
  const ending = chars.length > 3 ? [...chars.slice(-3)].join(' ') : undefined;
  const spoken = !mask ? (spokenSizes ? group(shownChars, spokenSizes) : value)
    : locale === 'nl' ? (ending ? `afgeschermd, eindigt op ${ending}` : 'afgeschermd')
      : (ending ? `masked, ends in ${ending}` : 'masked');
  const result: FormattedIdentifier = { kind, label, definition, value, spoken, masked: mask };
  if (system) result.system = system;
  if (valid !== undefined) result.valid = valid;
  return result;
}

function dedupeKey(identifier: FormattedIdentifier, raw: string): string {
  const kind = identifier.kind;
  const system = kind === 'other' ? normalizeSystem(identifier.system ?? '') : kind;
  const value = kind === 'other' ? raw.trim() : (digitsOf(raw) ?? raw).replace(/^0+/, '');
  return `${system}|${value}`;
}

interface Candidate {
  formatted: FormattedIdentifier;
  rank: number;
  old: boolean;
  order: number;
}

/**
 * Every identifier with a value, once each, best first: by the position of its system in
 * `systems` (unlisted systems after, in data order), `use: old` last; within one position, a BSN or
 * NHS number that fails its check after those that pass.
 */
export function listIdentifiers(
  identifiers: unknown, locale: ZkLocale, options: { systems?: readonly string[]; mask?: boolean } = {},
): FormattedIdentifier[] {
  if (!Array.isArray(identifiers)) return [];
  // A host may hand the list over as a string (as the attribute is written), or anything else.
  const given: unknown = options.systems;
  const requested = typeof given === 'string' ? parseSystemList(given) : Array.isArray(given) ? (given as unknown[]) : undefined;
  const systems = (requested ?? DEFAULT_IDENTIFIER_SYSTEMS).filter((s): s is string => typeof s === 'string' && !!s.trim());
  const priority = systems.map(normalizeSystem);
  const seen = new Set<string>();
  const candidates: Candidate[] = [];
  (identifiers as unknown[]).forEach((identifier, order) => {
    const formatted = formatIdentifier(identifier, locale, { mask: options.mask });
    if (!formatted) return;
    const raw = cleanText((identifier as { value?: unknown }).value) ?? '';
    const key = dedupeKey(formatted, raw);
    if (seen.has(key)) return;
    seen.add(key);
    const system = formatted.system ? normalizeSystem(formatted.system) : undefined;
    // BSN written as URL or OID is one system: either listed gives both the rank.
    const rank = priority.findIndex((p) => p === system || (formatted.kind !== 'other' && identifierKind(p) === formatted.kind));
    const old = (identifier as { use?: unknown }).use === 'old';
    candidates.push({ formatted, rank: rank < 0 ? priority.length : rank, old, order });
  });
  candidates.sort((a, b) => Number(a.old) - Number(b.old) || a.rank - b.rank || Number(a.formatted.valid === false) - Number(b.formatted.valid === false) || a.order - b.order);
  return candidates.map((c) => c.formatted);
}

/** The identifier to show in a banner (the first of `listIdentifiers`). */
export function primaryIdentifier(
  identifiers: unknown, locale: ZkLocale, options: { systems?: readonly string[]; mask?: boolean } = {},
): FormattedIdentifier | undefined {
  return listIdentifiers(identifiers, locale, options)[0];
}

/** Reads a space- or comma-separated list of systems (the `identifier-systems` attribute). */
export function parseSystemList(value: unknown): string[] | undefined {
  if (typeof value !== 'string') return undefined;
  const list = value.split(/[\s,]+/).filter(Boolean);
  return list.length ? list : undefined;
}
