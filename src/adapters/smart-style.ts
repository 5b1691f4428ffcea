// SMART `smart_style_url` (opt-in): the EHR offers a small style document so an embedded app can
// look like the EHR around it. The URL comes from the token response, so the document is treated
// as hostile: fetched without credentials, size-capped, and only values that are plainly a colour,
// a length or a font list are kept, then mapped onto zorgkit's `--zk-*` custom properties.
import { parseSecureUrl } from '../core/http.js';

/** The keys of a SMART style document that zorgkit reads. */
export type SmartStyleKey =
  | 'color_background' | 'color_error' | 'color_highlight' | 'color_modal_backdrop' | 'color_success' | 'color_text'
  | 'dim_border_radius' | 'dim_font_size' | 'dim_spacing_size' | 'font_family_body' | 'font_family_heading';

/** A validated style document: only keys whose values passed the checks. */
export type SmartStyle = Partial<Record<SmartStyleKey, string>>;

/** Which `--zk-*` properties each key sets (`font_family_heading`: zorgkit has no heading font). */
export const SMART_STYLE_PROPERTIES: Readonly<Record<SmartStyleKey, readonly string[]>> = {
  color_background: ['--zk-color-background'],
  color_error: ['--zk-color-danger'],
  color_highlight: ['--zk-color-accent', '--zk-color-focus'],
  color_modal_backdrop: ['--zk-consent-dialog-backdrop'],
  color_success: ['--zk-color-success'],
  color_text: ['--zk-color-text'],
  dim_border_radius: ['--zk-radius'],
  dim_font_size: ['--zk-font-size'],
  dim_spacing_size: ['--zk-space'],
  font_family_body: ['--zk-font-family'],
  font_family_heading: [],
};

const COLOR_KEYS = ['color_background', 'color_error', 'color_highlight', 'color_modal_backdrop', 'color_success', 'color_text'] as const;
const MAX_DOCUMENT_CHARS = 16 * 1024;
const MAX_VALUE_CHARS = 200;

/** `#rgb`, `#rgba`, `#rrggbb`, `#rrggbbaa`, or `rgb()/rgba()` with plain numbers. */
const HEX = /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
const RGB = /^rgba?\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*(?:,\s*(0|1|0?\.\d{1,3}|1\.0{1,3}|\d{1,3}%)\s*)?\)$/i;

/** Lengths with their sane range per key (px, or the same in rem/em at 16px). */
const LENGTH = /^(\d{1,3}(?:\.\d{1,3})?)(px|rem|em)$/;
const LENGTH_RANGE_PX: Record<'dim_border_radius' | 'dim_font_size' | 'dim_spacing_size', [number, number]> = {
  dim_border_radius: [0, 32],
  dim_font_size: [10, 32],
  dim_spacing_size: [0, 48],
};

/** One family: a quoted name, or unquoted words (letters, digits, hyphens). */
const FAMILY = /^(?:"[A-Za-z0-9 -]{1,60}"|'[A-Za-z0-9 -]{1,60}'|[A-Za-z][A-Za-z0-9-]{0,40}(?: [A-Za-z0-9][A-Za-z0-9-]{0,40}){0,4})$/;

/** The colour as [r, g, b] (0–255) when it is opaque enough to judge contrast; otherwise undefined. */
export function parseColor(value: string): [number, number, number] | undefined {
  if (HEX.test(value)) {
    let hex = value.slice(1);
    if (hex.length <= 4) hex = [...hex].map((c) => c + c).join('');
    const n = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
    return n;
  }
  const m = RGB.exec(value);
  if (!m) return undefined;
  const rgb = [m[1], m[2], m[3]].map(Number) as [number, number, number];
  return rgb.every((c) => c <= 255) ? rgb : undefined;
}

function isColor(value: string): boolean {
  return parseColor(value) !== undefined;
}

function isLength(key: keyof typeof LENGTH_RANGE_PX, value: string): boolean {
  const m = LENGTH.exec(value);
  if (!m) return false;
  const px = Number(m[1]) * (m[2] === 'px' ? 1 : 16);
  const [min, max] = LENGTH_RANGE_PX[key];
  return px >= min && px <= max;
}

function isFontList(value: string): boolean {
  const families = value.split(',').map((f) => f.trim());
  return families.length >= 1 && families.length <= 8 && families.every((f) => FAMILY.test(f));
}

function luminance([r, g, b]: [number, number, number]): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG contrast ratio of two colours (1–21). */
export function contrastRatio(a: [number, number, number], b: [number, number, number]): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * Keeps the values of a style document that are plainly what their key says: colours (hex or
 * `rgb()`), lengths in a sane range (px/rem/em), font lists (names only). Anything else — other
 * keys, `url(…)`, `var(…)`, `;`, comments, overlong text — is dropped. When text and background
 * colour are both given but would be hard to read (contrast below 4.5:1), both are dropped.
 */
export function validateSmartStyle(document: unknown): SmartStyle {
  const out: SmartStyle = {};
  if (typeof document !== 'object' || document === null || Array.isArray(document)) return out;
  const doc = document as Record<string, unknown>;
  for (const key of Object.keys(SMART_STYLE_PROPERTIES) as SmartStyleKey[]) {
    const raw = doc[key];
    if (typeof raw !== 'string' || raw.length > MAX_VALUE_CHARS) continue;
    const value = raw.trim();
    let ok = false;
    if ((COLOR_KEYS as readonly string[]).includes(key)) ok = isColor(value);
    else if (key === 'dim_border_radius' || key === 'dim_font_size' || key === 'dim_spacing_size') ok = isLength(key, value);
    else ok = isFontList(value);
    if (ok) out[key] = value;
  }
  const text = out.color_text ? parseColor(out.color_text) : undefined;
  const background = out.color_background ? parseColor(out.color_background) : undefined;
  if (text && background && contrastRatio(text, background) < 4.5) {
    delete out.color_text;
    delete out.color_background;
  }
  return out;
}

/** The `--zk-*` properties a validated style sets. */
export function smartStyleProperties(style: SmartStyle): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(style) as [SmartStyleKey, string][]) {
    for (const property of SMART_STYLE_PROPERTIES[key] ?? []) out.set(property, value);
  }
  return out;
}

/**
 * Fetches and validates a `smart_style_url` document: https (http on localhost only), no cookies,
 * no Authorization header, at most 16 KB, within `timeoutMs`. Resolves to `{}` when anything is
 * wrong (a style is a nicety, never a reason to fail).
 */
export async function fetchSmartStyle(url: string, options: { fetch?: typeof fetch; timeoutMs?: number } = {}): Promise<SmartStyle> {
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? 5000);
  try {
    const target = parseSecureUrl(url, 'smart_style_url');
    const response = await doFetch(target, {
      credentials: 'omit', referrerPolicy: 'no-referrer', headers: { Accept: 'application/json' }, signal: controller.signal, cache: 'no-store',
    });
    if (!response.ok) return {};
    const text = await response.text();
    if (text.length > MAX_DOCUMENT_CHARS) return {};
    return validateSmartStyle(JSON.parse(text));
  } catch {
    return {};
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Sets the style's `--zk-*` properties on `target` (e.g. the `<zk-context>` element or `<html>`).
 * Returns the properties set, so a host can remove them again.
 */
export function applySmartStyle(target: HTMLElement, style: SmartStyle): string[] {
  const set: string[] = [];
  for (const [property, value] of smartStyleProperties(style)) {
    target.style.setProperty(property, value);
    set.push(property);
  }
  return set;
}
