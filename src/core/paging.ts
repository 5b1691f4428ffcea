// Reading every page of a search through the server's own `next` links, with a page cap and a guard
// against a link that repeats. A list that could not be read completely is an error, never shown as
// if it were complete.
import type { Adapter, ReadOptions, SearchPage, SearchParams } from './adapter.js';
import { ServerError } from './errors.js';
import type { Resource } from '../fhir/r4.js';

/** Default most pages read for one search. */
export const DEFAULT_MAX_PAGES = 20;

/** Every match and included resource of a search, de-duplicated. */
export interface SearchResult<T extends Resource = Resource> {
  matches: T[];
  included: Resource[];
  /** `Bundle.total` of the first page when the server sent it. */
  total?: number;
}

export interface SearchAllOptions extends ReadOptions {
  /** Most pages to read (default 20). More pages than this is an error. */
  maxPages?: number;
}

const keyOf = (r: Resource) => (r.id ? `${r.resourceType}/${r.id}` : undefined);

function addUnique<T extends Resource>(into: T[], seen: Set<string>, items: readonly T[]): void {
  for (const item of items) {
    const key = keyOf(item);
    if (key !== undefined) {
      if (seen.has(key)) continue;
      seen.add(key);
    }
    into.push(item);
  }
}

/**
 * Runs a search and follows `next` links until there are none.
 * Throws a `ServerError` when a `next` link repeats one already followed (a server paging bug)
 * or when there are more than `maxPages` pages: either way the list would be incomplete.
 */
export async function searchAll<T extends Resource = Resource>(
  adapter: Adapter,
  type: string,
  params: SearchParams,
  options: SearchAllOptions = {},
): Promise<SearchResult<T>> {
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  const request: ReadOptions = { signal: options.signal, readOnly: options.readOnly };
  const matches: T[] = [];
  const included: Resource[] = [];
  const seenMatches = new Set<string>();
  const seenIncluded = new Set<string>();
  const followed = new Set<string>();

  let page: SearchPage<T> = await adapter.search<T>(type, params, request);
  const total = page.total;
  for (let pages = 1; ; pages++) {
    addUnique(matches, seenMatches, page.matches);
    addUnique(included, seenIncluded, page.included);
    const next = page.next;
    if (!next) break;
    if (followed.has(next)) {
      throw new ServerError('The server sent the same page of results twice, so the list may be incomplete. Please try again later.', {
        cause: new Error(`repeated next link after ${pages} pages`),
      });
    }
    if (pages >= maxPages) {
      throw new ServerError(`This list is longer than can be shown here (more than ${maxPages} pages), so it is not shown incomplete.`, {
        cause: new Error(`page cap ${maxPages} reached`),
      });
    }
    followed.add(next);
    page = await adapter.nextPage<T>(next, request);
  }
  return total === undefined ? { matches, included } : { matches, included, total };
}
