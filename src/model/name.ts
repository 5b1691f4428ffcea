import type { HumanName } from '../fhir/r4.js';
import { dateRange, dayNumber, parseFhirDate, periodState } from './date.js';
import { INTL_TAG, type ZkLocale } from './locale.js';
import { isObject } from './text.js';

/**
 * Person names for display, with Dutch nl-core name parts.
 *
 * Which name (`selectName`): among the current names (not `old`, and `now` inside their `period`),
 * the first `official`, else the first `usual`, else the first; only when no name is current, the
 * one that ended most recently. A name with nothing to show is skipped. Within a name: the family
 * name assembled from the nl-core `_family` extensions (own prefix + own name, partner prefix +
 * partner name, in the `humanname-assembly-order` NL1–NL4), else `family`; given names with their
 * `iso21090-EN-qualifier`s, a set per given name (BR birth/official name, IN initial, CL call name:
 * a name qualified BR and CL is both an official given name and the call name); `HumanName.text`
 * only when the name has no parts.
 *
 * Two styles:
 * - `dutch`: title, initials, family name as written: `mevr. J.P.M. van Putten-van der Giessen`.
 * - `nhs` (NHS CUI, PAB-0049): `VAN PUTTEN-VAN DER GIESSEN, Johanna Petronella Maria (Mevr)`:
 *   family name upper case, given names title case (only when written all upper or all lower case:
 *   `McDonald` stays), title in brackets without a full stop.
 * The default is `dutch` for nl and `nhs` for en (`defaultNameStyle`).
 */
export type NameStyle = 'dutch' | 'nhs';

export const NAME_STYLES: readonly NameStyle[] = ['dutch', 'nhs'];

export const NAME_EXTENSIONS = {
  ownPrefix: 'http://hl7.org/fhir/StructureDefinition/humanname-own-prefix',
  ownName: 'http://hl7.org/fhir/StructureDefinition/humanname-own-name',
  partnerPrefix: 'http://hl7.org/fhir/StructureDefinition/humanname-partner-prefix',
  partnerName: 'http://hl7.org/fhir/StructureDefinition/humanname-partner-name',
  assemblyOrder: 'http://hl7.org/fhir/StructureDefinition/humanname-assembly-order',
  qualifier: 'http://hl7.org/fhir/StructureDefinition/iso21090-EN-qualifier',
} as const;

/** One piece of a formatted name, in display order; `family` is the piece to emphasise. */
export interface NameSegment {
  kind: 'title' | 'given' | 'family' | 'suffix' | 'text' | 'separator';
  value: string;
}

export interface FormattedName {
  style: NameStyle;
  /** The whole name as plain text. */
  text: string;
  /** The given names as shown (initials in the Dutch style). */
  given?: string;
  /** The family name as shown (upper case in the NHS style). */
  family?: string;
  /** The title as shown (`(Mevr)` in the NHS style). */
  title?: string;
  suffix?: string;
  /** The pieces in display order, for a layout that emphasises the family name. */
  segments: NameSegment[];
}

// Text from data: control characters become spaces; bidi overrides/isolates and zero-width spaces
// are dropped (they can make a name read differently from what is stored). ZWJ/ZWNJ stay (scripts
// need them).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
const INVISIBLE = /[\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const PLACEHOLDERS = new Set(['undefined', 'null', 'nan', 'invalid date', '[object object]', 'n/a', 'unknown']);

/**
 * ASCII text is checked with ASCII classes: a regular expression with a Unicode property class
 * (`\p{L}`) takes about a millisecond to compile, once per page and expression, which was a
 * large part of the banner's first render. For ASCII text both give the same answer.
 */
// eslint-disable-next-line no-control-regex
const ASCII_ONLY = /^[\x00-\x7f]*$/;

function hasLetterOrDigit(text: string): boolean {
  // An ASCII letter or digit answers it for any text ("Testpatiënt"): the Unicode class only when there is none.
  return /[A-Za-z0-9]/.test(text) || (!ASCII_ONLY.test(text) && /[\p{L}\p{N}]/u.test(text));
}

/**
 * A string from data, cleaned for display, or undefined when there is nothing to show: not a
 * string, blank, no letter or digit at all (`?`, `-`), or a placeholder a program wrote
 * (`undefined`, `null`, `NaN`, `Invalid Date`, `[object Object]`).
 */
export function cleanText(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.replace(INVISIBLE, '').replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
  if (!text || !hasLetterOrDigit(text) || PLACEHOLDERS.has(text.toLowerCase())) return undefined;
  return text.length > MAX_TEXT ? `${[...text.slice(0, MAX_TEXT)].slice(0, -1).join('')}…` : text;
}

/**
 * Longest piece of patient text (a name part, an address line, a contact value) shown. No real
 * value comes near it; a hostile megabyte would otherwise freeze the page's layout.
 */
export const MAX_TEXT = 1000;

/** `dutch` for nl, `nhs` for en. */
export function defaultNameStyle(locale: ZkLocale): NameStyle {
  return locale === 'nl' ? 'dutch' : 'nhs';
}

/** Reads a `name-style` value; anything else is undefined (the caller then uses the default). */
export function toNameStyle(value: unknown): NameStyle | undefined {
  return typeof value === 'string' && (NAME_STYLES as readonly string[]).includes(value.trim().toLowerCase())
    ? (value.trim().toLowerCase() as NameStyle)
    : undefined;
}

function extensionsOf(element: unknown): Record<string, unknown>[] {
  if (!isObject(element) || !Array.isArray(element.extension)) return [];
  return (element.extension as unknown[]).filter(isObject);
}

function extensionString(element: unknown, url: string): string | undefined {
  for (const ext of extensionsOf(element)) {
    if (ext.url === url) {
      const value = cleanText(ext.valueString) ?? cleanText(ext.valueCode);
      if (value) return value;
    }
  }
  return undefined;
}

function assemblyOrder(name: Record<string, unknown>): string | undefined {
  for (const ext of extensionsOf(name)) {
    if (ext.url !== NAME_EXTENSIONS.assemblyOrder) continue;
    const code = typeof ext.valueCode === 'string' ? ext.valueCode
      : isObject(ext.valueCoding) && typeof ext.valueCoding.code === 'string' ? ext.valueCoding.code : undefined;
    if (code) return code.trim().toUpperCase();
  }
  return undefined;
}

function joinWords(...words: (string | undefined)[]): string | undefined {
  const present = words.filter((w): w is string => !!w);
  return present.length ? present.join(' ') : undefined;
}

/**
 * The family name the person is known by: the nl-core parts in their assembly order
 * (NL1 own name, NL2 partner name, NL3 partner-own, NL4 own-partner), else `family`.
 */
export function familyName(name: unknown): string | undefined {
  if (!isObject(name)) return undefined;
  const family = cleanText(name.family);
  const parts = name._family;
  const own = joinWords(extensionString(parts, NAME_EXTENSIONS.ownPrefix), extensionString(parts, NAME_EXTENSIONS.ownName));
  const partner = joinWords(extensionString(parts, NAME_EXTENSIONS.partnerPrefix), extensionString(parts, NAME_EXTENSIONS.partnerName));
  // A prefix on its own is not a name.
  const ownName = extensionString(parts, NAME_EXTENSIONS.ownName) ? own : undefined;
  const partnerName = extensionString(parts, NAME_EXTENSIONS.partnerName) ? partner : undefined;
  const hyphen = (a?: string, b?: string) => (a && b ? `${a}-${b}` : a ?? b);
  switch (assemblyOrder(name)) {
    case 'NL1': return ownName ?? family ?? partnerName;
    case 'NL2': return partnerName ?? family ?? ownName;
    case 'NL3': return (partnerName && ownName ? hyphen(partnerName, ownName) : undefined) ?? family ?? hyphen(partnerName, ownName);
    case 'NL4': return (ownName && partnerName ? hyphen(ownName, partnerName) : undefined) ?? family ?? hyphen(ownName, partnerName);
    default: return family ?? ownName ?? partnerName;
  }
}

/** One given name with every `iso21090-EN-qualifier` code on it (upper case): a name may carry several. */
interface GivenPart {
  value: string;
  qualifiers: ReadonlySet<string>;
}

function givenParts(name: Record<string, unknown>): GivenPart[] {
  if (!Array.isArray(name.given)) return [];
  const meta: unknown[] = Array.isArray(name._given) ? (name._given as unknown[]) : [];
  const parts: GivenPart[] = [];
  (name.given as unknown[]).forEach((given, i) => {
    const value = cleanText(given);
    if (!value) return;
    const qualifiers = new Set(extensionsOf(meta[i])
      .filter((e) => e.url === NAME_EXTENSIONS.qualifier && typeof e.valueCode === 'string')
      .map((e) => (e.valueCode as string).trim().toUpperCase()));
    parts.push({ value, qualifiers });
  });
  return parts;
}

/**
 * An official given name: qualified BR (also when it is the call name or an initial as well), or
 * neither an initial (IN) nor only a call name (CL). Unqualified given names are official.
 */
function isOfficialGiven(part: GivenPart): boolean {
  return part.qualifiers.has('BR') || (!part.qualifiers.has('IN') && !part.qualifiers.has('CL'));
}

function wordsOf(list: unknown): string[] {
  return Array.isArray(list) ? (list as unknown[]).map(cleanText).filter((s): s is string => !!s) : [];
}

/** Whether the name has anything to show. */
function hasContent(name: unknown): name is Record<string, unknown> {
  return isObject(name) && (!!familyName(name) || givenParts(name).length > 0 || !!cleanText(name.text));
}

/** The last calendar day of a period's `end` (as a day number), or -Infinity when it has none. */
function endDay(period: unknown): number {
  const end = isObject(period) ? parseFhirDate(period.end) : undefined;
  return end ? dayNumber(dateRange(end).last) : Number.NEGATIVE_INFINITY;
}

/** official 0, usual 1, any other use 2, old 3. */
function useRank(name: Record<string, unknown>): number {
  return name.use === 'official' ? 0 : name.use === 'usual' ? 1 : name.use === 'old' ? 3 : 2;
}

/**
 * The name to show. Current names first (not `old`, `now` inside their `period`): the first
 * `official`, else the first `usual`, else the first. When none is current (only `old` names, or
 * names whose period ended or has not started), the one whose period ended last, then by use
 * (official, usual, other, old), then in data order: never nothing when there is a name. Names
 * with nothing to show are skipped. `now` defaults to the present moment.
 */
export function selectName(names: unknown, now: Date = new Date()): HumanName | undefined {
  if (!Array.isArray(names)) return undefined;
  const usable = (names as unknown[]).filter(hasContent);
  const current = usable.filter((n) => n.use !== 'old' && periodState(n.period, now) === 'current');
  const chosen = current.find((n) => n.use === 'official') ?? current.find((n) => n.use === 'usual') ?? current[0];
  if (chosen) return chosen;
  // Array.prototype.sort is stable: equal names keep their data order.
  return [...usable].sort((a, b) => endDay(b.period) - endDay(a.period) || useRank(a) - useRank(b))[0];
}

/** Initials of a given name: `Johanna` → `J.`, `Jan-Peter` → `J.P.`, `IJsbrand` → `IJ.`; initials stay as written. */
export function initialsOf(given: string): string {
  return given
    .split(/[\s-]+/)
    .filter(Boolean)
    .map((word) => {
      if (isInitial(word)) return word.endsWith('.') ? word : `${word.toUpperCase()}.`;
      const letters = /^ij/i.test(word) ? 'IJ' : ((ASCII_ONLY.test(word) ? /[A-Za-z]/.exec(word) : /\p{L}/u.exec(word))?.[0] ?? '').toUpperCase();
      return letters ? `${letters}.` : '';
    })
    .join('');
}

function titleCase(text: string, tag: string): string {
  const upper = text.toLocaleUpperCase(tag);
  const lower = text.toLocaleLowerCase(tag);
  if (text !== upper && text !== lower) return text;
  const capital = (_m: string, sep: string, first: string) => sep + first.toLocaleUpperCase(tag);
  return ASCII_ONLY.test(lower) ? lower.replace(/(^|[\s\-'])(ij|[a-z])/g, capital) : lower.replace(/(^|[\s\-'’])(ij|\p{L})/gu, capital);
}

/**
 * The title for the NHS style (PAB-0049): without full stops and in title case, `mevr.` → `Mevr`,
 * `DR.` → `Dr`, `prof.dr.` → `Prof Dr`; a word in mixed case is kept as written.
 */
function bareTitle(prefix: string, tag: string): string {
  return prefix.replace(/\.(?=\p{L})/gu, ' ').replace(/\./g, '').split(/\s+/).filter(Boolean)
    .map((word) => titleCase(word, tag)).join(' ');
}

/** A given name that is an initial: `B.`, `J.P.`, or a single letter. */
const isInitial = (value: string): boolean => (ASCII_ONLY.test(value)
  ? /^([A-Za-z]\.)+$/.test(value) || /^[A-Za-z]$/.test(value)
  : /^(\p{L}\.)+$/u.test(value) || /^\p{L}$/u.test(value));

/**
 * The given names in the Dutch style, recognisable by first name where the data allows
 * (docs/components/patient-banner.md, "Names"):
 * - one given name written in full: that name, with the call name in brackets when it is another
 *   (`Abdelhak (Abdel)`, `Willem`);
 * - several given names written in full: their initials with the call name (`P.J. (PeJe)`), or,
 *   without a call name, the given names (`Peter James`): never initials alone;
 * - only initials recorded: the initials, with the call name when there is one (`B.`, `B. (Bas)`);
 * - only a call name: the call name.
 * Initials come from the given names qualified IN when there are any, else from the official ones.
 */
function dutchGiven(official: readonly string[], initialParts: readonly string[], call: string | undefined): string | undefined {
  const full = official.filter((g) => !isInitial(g));
  const initials = cleanText(initialParts.length ? initialParts.map(initialsOf).join('') : official.map(initialsOf).join(''));
  const withCall = (shown: string, ...same: string[]) => (call && !same.includes(call) ? `${shown} (${call})` : shown);
  if (full.length === 1 && official.length === 1) return withCall(full[0], full[0]);
  if (full.length > 0 && full.length === official.length) return call ? withCall(initials ?? full.join(' ')) : full.join(' ');
  // Given names with no letter to take an initial from are shown as written.
  const shown = initials ?? (official.length ? official.join(' ') : undefined);
  if (shown) return withCall(shown);
  return call;
}

/**
 * Formats one HumanName. Undefined when it has nothing to show (never an empty string).
 * `callGiven`: the call name (roepnaam) when it is recorded outside this name (a `usual` name,
 * see `callName`); the Dutch style shows it beside the given names.
 */
export function formatName(name: unknown, style: NameStyle, locale: ZkLocale, callGiven?: string): FormattedName | undefined {
  if (!isObject(name)) return undefined;
  const tag = INTL_TAG[locale] ?? INTL_TAG.en;
  const family = familyName(name);
  const given = givenParts(name);
  const prefixes = wordsOf(name.prefix);
  const suffixes = wordsOf(name.suffix);
  const text = cleanText(name.text);

  if (!family && given.length === 0) {
    if (!text) return undefined;
    return { style, text, segments: [{ kind: 'text', value: text }] };
  }

  const official = given.filter(isOfficialGiven).map((g) => g.value);
  const initialParts = given.filter((g) => g.qualifiers.has('IN')).map((g) => g.value);
  const call = given.filter((g) => g.qualifiers.has('CL')).map((g) => g.value);
  const segments: NameSegment[] = [];
  const sep = (value: string) => segments.push({ kind: 'separator', value });

  if (style === 'nhs') {
    const familyShown = family?.toLocaleUpperCase(tag);
    const givenShown = official.length ? official.map((g) => titleCase(g, tag)).join(' ')
      : initialParts.length ? initialParts.map(initialsOf).join('')
        : call.length ? call.map((g) => titleCase(g, tag)).join(' ') : undefined;
    const titles = prefixes.map((p) => bareTitle(p, tag)).filter((t) => cleanText(t));
    const titleShown = titles.length ? `(${titles.join(' ')})` : undefined;
    const suffixShown = suffixes.length ? suffixes.join(' ') : undefined;
    if (familyShown) segments.push({ kind: 'family', value: familyShown });
    if (givenShown) {
      if (segments.length) sep(', ');
      segments.push({ kind: 'given', value: givenShown });
    }
    if (suffixShown) {
      sep(' ');
      segments.push({ kind: 'suffix', value: suffixShown });
    }
    if (titleShown) {
      sep(' ');
      segments.push({ kind: 'title', value: titleShown });
    }
    return finish({
      style, text: segments.map((s) => s.value).join(''), given: givenShown, family: familyShown,
      title: titleShown, suffix: suffixShown, segments,
    }, text);
  }

  // Dutch: title, given names (see `dutchGiven`), family name as written.
  const givenShown = dutchGiven(official, initialParts, callGiven ?? (call.length ? call.join(' ') : undefined));
  const titleShown = prefixes.length ? prefixes.join(' ') : undefined;
  const suffixShown = suffixes.length ? suffixes.join(' ') : undefined;
  // A family name that opens the name starts with a capital ("Van Putten", not "van Putten").
  const familyShown = family && !givenShown && !titleShown
    ? family.charAt(0).toLocaleUpperCase(tag) + family.slice(1)
    : family;
  for (const [kind, value] of [['title', titleShown], ['given', givenShown], ['family', familyShown], ['suffix', suffixShown]] as const) {
    if (!value) continue;
    if (segments.length) sep(' ');
    segments.push({ kind, value });
  }
  return finish({
    style, text: segments.map((s) => s.value).join(''), given: givenShown, family: familyShown,
    title: titleShown, suffix: suffixShown, segments,
  }, text);
}

/** Never an empty name: falls back to `HumanName.text`, else undefined. Drops absent fields. */
function finish(name: FormattedName, text: string | undefined): FormattedName | undefined {
  if (!name.text.trim()) return text ? { style: name.style, text, segments: [{ kind: 'text', value: text }] } : undefined;
  for (const key of ['given', 'family', 'title', 'suffix'] as const) if (name[key] === undefined) delete name[key];
  return name;
}

/** The patient's name to show at `now` (see `selectName`), formatted. */
export function formatPatientName(patient: unknown, style: NameStyle, locale: ZkLocale, now: Date = new Date()): FormattedName | undefined {
  if (!isObject(patient)) return undefined;
  return formatName(selectName(patient.name, now), style, locale, style === 'dutch' ? callName(patient, now) : undefined);
}

/**
 * The name the person is called by (roepnaam): a given name qualified `CL` in the shown name, else
 * the given name (or text) of another current name with `use: usual`. Undefined when there is none.
 */
export function callName(patient: unknown, now: Date = new Date()): string | undefined {
  if (!isObject(patient) || !Array.isArray(patient.name)) return undefined;
  const shown = selectName(patient.name, now);
  if (isObject(shown)) {
    const cl = givenParts(shown).find((g) => g.qualifiers.has('CL'));
    if (cl) return cl.value;
  }
  for (const name of patient.name as unknown[]) {
    if (!isObject(name) || name === shown || name.use !== 'usual' || periodState(name.period, now) !== 'current') continue;
    const parts = givenParts(name);
    const value = (parts.find((g) => g.qualifiers.has('CL')) ?? parts[0])?.value ?? cleanText(name.text);
    if (value) return value;
  }
  return undefined;
}
