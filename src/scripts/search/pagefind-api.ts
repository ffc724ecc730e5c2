/**
 * The slice of Pagefind's browser API (/pagefind/pagefind.js) the search
 * page uses, typed by hand: the bundle is written by the build, so it is
 * loaded at run time rather than bundled, and ships no types of its own.
 */

/** Filter name → value → how many pages carry it. */
export type FilterCounts = Record<string, Record<string, number>>;

/** A page's stored data, loaded one result at a time. */
export interface PagefindFragment {
  /** The page URL, with the highlight parameter added when one is configured. */
  url: string;
  /** The excerpt: entities escaped by Pagefind, matches wrapped in <mark>. */
  excerpt: string;
  /** Raw metadata from data-pagefind-meta: not escaped, treat as untrusted text. */
  meta: Record<string, string | undefined>;
  filters: Record<string, string[]>;
}

export interface PagefindResult {
  id: string;
  data: () => Promise<PagefindFragment>;
}

export interface PagefindSearchResponse {
  results: PagefindResult[];
  /** How many pages match the terms before the filters apply. */
  unfilteredResultCount: number;
  /** Per filter value: how many of the terms' results carry it, ignoring the chosen filters. */
  totalFilters: FilterCounts;
}

/** A filter name → `{ any: [...] }` matches pages with at least one of the values, `{ all: [...] }` with every one. */
export type PagefindFilters = Record<string, { any: string[] } | { all: string[] }>;

export interface PagefindSearchOptions {
  filters?: PagefindFilters;
  sort?: Record<string, 'asc' | 'desc'>;
}

/** Options of Pagefind's instances; mergeFilter gives every page of an index a filter value. */
export interface PagefindOptions {
  highlightParam?: string;
  excerptLength?: number;
  mergeFilter?: Record<string, string[]>;
  /** Search on the page's thread instead of Pagefind's web worker (read when the first instance starts). */
  noWorker?: boolean;
}

export interface PagefindApi {
  options: (options: PagefindOptions) => Promise<void>;
  init: () => Promise<void>;
  /** Adds another bundle's index to every search. */
  mergeIndex: (path: string, options?: PagefindOptions) => Promise<void>;
  filters: () => Promise<FilterCounts>;
  /** Fetches the index chunks a search for `term` will need, without searching. */
  preload: (term: string, options?: PagefindSearchOptions) => Promise<void>;
  /** `null` as the term lists every page that passes the filters. */
  search: (term: string | null, options?: PagefindSearchOptions) => Promise<PagefindSearchResponse>;
}

/** The URL parameter that carries search terms to a story page for highlighting. */
export const highlightParam = 'highlight';

/** Where the build writes the search index. */
const bundlePath = '/pagefind/';

/** Loads and starts Pagefind from the bundle at /pagefind/. */
export async function loadPagefind(): Promise<PagefindApi> {
  // A run-time URL: Vite must leave this import alone, the file does not exist until the build is done.
  const api = (await import(/* @vite-ignore */ `${bundlePath}pagefind.js`)) as PagefindApi;
  const options: PagefindOptions = { highlightParam, excerptLength: 30 };
  // On the page's thread: the worker posts every result of a search back to the page, where it is
  // unpacked on this thread anyway, so it saved the page no work. Measured at 10,000 stories, first query
  // 'Cross Country' (8,108 results): 617-686 ms to results with the worker, 218-380 ms without, and
  // its 43 KB script is not fetched. A search of a few thousand results holds the page for about as
  // long as unpacking them did.
  await api.options({ ...options, noWorker: true });
  await api.init();
  return api;
}
