/**
 * What a search is (terms, filters, sort) and how it reads from and writes
 * to the page URL, so /search/?q=... links are shareable. Pure: no DOM.
 */
import { searchFilterKeys, type SearchFilterKey } from '@/domain/search-filter-keys';
import type { PagefindSearchOptions } from './pagefind-api.ts';

export const filterKeys = searchFilterKeys;
export type FilterKey = SearchFilterKey;

/** `relevance` is Pagefind's ranking; `date` is newest first, undated stories last. */
export type SortOrder = 'relevance' | 'date';

export interface SearchState {
  /** The terms as typed. */
  query: string;
  /** Chosen values per filter: a story passes a filter when it has any of them. */
  filters: Record<FilterKey, string[]>;
  sort: SortOrder;
}

/** No values chosen for any filter. */
export function noFilters(): Record<FilterKey, string[]> {
  return { operation: [], year: [], outlet: [], place: [] };
}

/** The search a URL's query string describes: q, one parameter per filter value, sort=date. */
export function readSearchState(search: string | URLSearchParams): SearchState {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const filters = noFilters();
  for (const key of filterKeys) {
    filters[key] = [...new Set(params.getAll(key).filter((value) => value.trim() !== ''))];
  }
  return { query: params.get('q') ?? '', filters, sort: params.get('sort') === 'date' ? 'date' : 'relevance' };
}

/** The terms Pagefind searches for: the query without surrounding blanks. */
export function searchTerm(state: SearchState): string {
  return state.query.trim();
}

/** True when at least one filter value is chosen. */
export function hasFilters(state: SearchState): boolean {
  return filterKeys.some((key) => state.filters[key].length > 0);
}

/** True when there is nothing to search for: no terms and no filters. */
export function isBlank(state: SearchState): boolean {
  return searchTerm(state) === '' && !hasFilters(state);
}

/** The page URL for a search, parameters in a fixed order so equal searches have equal URLs. */
export function searchStateUrl(state: SearchState, pathname = '/search/'): string {
  const params = new URLSearchParams();
  const term = searchTerm(state);
  if (term !== '') params.set('q', term);
  for (const key of filterKeys) for (const value of state.filters[key]) params.append(key, value);
  if (state.sort === 'date') params.set('sort', 'date');
  const query = params.toString();
  return query === '' ? pathname : `${pathname}?${query}`;
}

/** Pagefind's search options for a state: any-of within a filter, all filters together, sort by the date key. */
export function pagefindOptions(state: SearchState): PagefindSearchOptions {
  const options: PagefindSearchOptions = {};
  const filters: NonNullable<PagefindSearchOptions['filters']> = {};
  for (const key of filterKeys) if (state.filters[key].length > 0) filters[key] = { any: [...state.filters[key]] };
  if (Object.keys(filters).length > 0) options.filters = filters;
  // Story pages carry data-pagefind-sort="date:YYYY-MM-DD", undated ones 0000-00-00, so they sort last.
  if (state.sort === 'date') options.sort = { date: 'desc' };
  return options;
}

/** Words shorter than this are not preloaded while typing, and, typed last, make a large archive wait longer before searching. */
const preloadMinLength = 3;

/** The words of a half-typed search worth fetching index chunks for. */
export function preloadWords(term: string): string {
  return term
    .split(/\s+/)
    .filter((word) => [...word].length >= preloadMinLength)
    .join(' ');
}

/** Pause after a keystroke before searching what is typed. */
export const typingPauseMs = 60;

/**
 * The pause after a keystroke that leaves a word of one or two letters last in the query: that word is
 * the start of most words in the index, so its search is the slowest there is (thousands of pages) and
 * is not what the reader is looking for; the next key usually comes first.
 */
export const shortWordPauseMs = 250;

/** How long to wait after a keystroke in `query` (as typed) before searching it. */
export function typingPause(query: string): number {
  // A word followed by a space is finished, however short.
  const lastWord = query.split(/\s+/).at(-1) ?? '';
  return lastWord !== '' && [...lastWord].length < preloadMinLength ? shortWordPauseMs : typingPauseMs;
}
