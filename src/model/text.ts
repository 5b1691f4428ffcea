import type { ZkLocale } from './locale.js';

/**
 * `a, b and c` / `a, b en c`. Written out rather than `Intl.ListFormat`, which is slow when a list
 * of 1,000 rows calls it per row.
 */
export function joinList(items: readonly string[], locale: ZkLocale): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${locale === 'nl' ? 'en' : 'and'} ${items[items.length - 1]}`;
}

/**
 * A lookup table with no prototype: data-driven keys such as "constructor" or "__proto__" find
 * nothing instead of Object.prototype's members.
 */
export function lookupTable<T>(entries: Record<string, T>): Readonly<Record<string, T>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}

/** The objects of an array read from a server; anything else (not an array, null items): none. */
export function list<T extends object>(value: readonly T[] | undefined): T[] {
  return Array.isArray(value) ? value.filter((v): v is T => typeof v === 'object' && v !== null) : [];
}

/** A string from data, trimmed; undefined when it is not a string or blank. */
export function trimmed(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** Whether a value is a JSON object (not null, not an array): how the model reads untyped FHIR. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
