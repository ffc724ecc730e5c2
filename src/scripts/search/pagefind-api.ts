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

/** A filter name → `{ any: [...] }` matches pages with at least one of the values. */
export type PagefindFilters = Record<string, { any: string[] }>;

export interface PagefindSearchOptions {
  filters?: PagefindFilters;
  sort?: Record<string, 'asc' | 'desc'>;
}

export interface PagefindApi {
  options: (options: { highlightParam?: string; excerptLength?: number }) => Promise<void>;
  init: () => Promise<void>;
  filters: () => Promise<FilterCounts>;
  /** `null` as the term lists every page that passes the filters. */
  search: (term: string | null, options?: PagefindSearchOptions) => Promise<PagefindSearchResponse>;
  /** Resolves to null when a later call superseded this one. */
  debouncedSearch: (
    term: string | null,
    options?: PagefindSearchOptions,
    timeoutMs?: number,
  ) => Promise<PagefindSearchResponse | null>;
}

/** The URL parameter that carries search terms to a story page for highlighting. */
export const highlightParam = 'highlight';

/** Loads and starts Pagefind from the bundle the build wrote to /pagefind/. */
export async function loadPagefind(bundleUrl = '/pagefind/pagefind.js'): Promise<PagefindApi> {
  // A run-time URL: Vite must leave this import alone, the file does not exist until the build is done.
  const api = (await import(/* @vite-ignore */ bundleUrl)) as PagefindApi;
  await api.options({ highlightParam, excerptLength: 30 });
  await api.init();
  return api;
}
