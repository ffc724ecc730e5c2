import { describe, expect, it } from 'vitest';
import {
  hasFilters,
  isBlank,
  noFilters,
  pagefindOptions,
  preloadWords,
  readSearchState,
  searchStateUrl,
  shortWordPauseMs,
  typingPause,
  typingPauseMs,
  type SearchState,
} from '@/scripts/search/search-state';

const state = (over: Partial<SearchState> = {}): SearchState => ({ query: '', filters: noFilters(), sort: 'relevance', ...over });

describe('search state in the URL', () => {
  it('reads terms, every filter value and the sort from the query string', () => {
    const read = readSearchState('?q=recovered&operation=Operation+Cross+Country&year=2017&year=Undated&outlet=CBS%2FWNCN&place=CHARLOTTE%2C+N.C.&sort=date');
    expect(read).toEqual({
      query: 'recovered',
      filters: { operation: ['Operation Cross Country'], year: ['2017', 'Undated'], outlet: ['CBS/WNCN'], place: ['CHARLOTTE, N.C.'] },
      sort: 'date',
    });
  });

  it('ignores blank and repeated filter values, unknown parameters and unknown sorts', () => {
    expect(readSearchState('?q=x&year=&year=2017&year=2017&highlight=x&sort=oldest')).toEqual(
      state({ query: 'x', filters: { ...noFilters(), year: ['2017'] } }),
    );
  });

  it('writes a canonical URL that reads back to the same search', () => {
    const original = state({
      query: ' "nationwide sweep" ',
      filters: { ...noFilters(), operation: ['Operation Cross Country'], place: ['CHARLOTTE, N.C.'] },
      sort: 'date',
    });
    const url = searchStateUrl(original);
    expect(url).toBe('/search/?q=%22nationwide+sweep%22&operation=Operation+Cross+Country&place=CHARLOTTE%2C+N.C.&sort=date');
    expect(readSearchState(new URL(url, 'https://x.example').search)).toEqual({ ...original, query: '"nationwide sweep"' });
  });

  it('keeps markup in a query as plain text in the URL', () => {
    const url = searchStateUrl(state({ query: '<img src=x onerror=alert(1)>' }));
    expect(url).not.toMatch(/[<>]/);
    expect(readSearchState(new URL(url, 'https://x.example').search).query).toBe('<img src=x onerror=alert(1)>');
  });

  it('is the bare page when there is nothing to search for', () => {
    expect(searchStateUrl(state({ query: '   ' }))).toBe('/search/');
    expect(isBlank(state({ query: '  ' }))).toBe(true);
    expect(isBlank(state({ filters: { ...noFilters(), year: ['2019'] } }))).toBe(false);
    expect(hasFilters(state())).toBe(false);
  });
});

describe('Pagefind options for a search', () => {
  it('asks for any of the values within a filter and sorts newest first by the date key', () => {
    expect(pagefindOptions(state({ filters: { ...noFilters(), year: ['2017', 'Undated'], outlet: ['CBS/WNCN'] }, sort: 'date' }))).toEqual({
      filters: { year: { any: ['2017', 'Undated'] }, outlet: { any: ['CBS/WNCN'] } },
      sort: { date: 'desc' },
    });
  });

  it('leaves filters and sort out when none are chosen, so Pagefind ranks by relevance', () => {
    expect(pagefindOptions(state({ query: 'x' }))).toEqual({});
  });
});

describe('preloadWords', () => {
  it('keeps the words of three letters or more that a half-typed search has', () => {
    expect(preloadWords('cr')).toBe('');
    expect(preloadWords('cross co')).toBe('cross');
    expect(preloadWords('Cross Country')).toBe('Cross Country');
    expect(preloadWords('  día de  ')).toBe('día');
  });
});

describe('typingPause', () => {
  it('waits longer when the word typed last has one or two letters', () => {
    expect(typingPause('c')).toBe(shortWordPauseMs);
    expect(typingPause('cross co')).toBe(shortWordPauseMs);
    expect(typingPause('día')).toBe(typingPauseMs);
    expect(typingPause('cross cou')).toBe(typingPauseMs);
    expect(shortWordPauseMs).toBeGreaterThan(typingPauseMs);
  });

  it('waits the short pause for a finished short word', () => {
    expect(typingPause('cross co ')).toBe(typingPauseMs);
    expect(typingPause('operation in ')).toBe(typingPauseMs);
    expect(typingPause('')).toBe(typingPauseMs);
  });
});
