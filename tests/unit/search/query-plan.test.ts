import { describe, expect, it } from 'vitest';
import { operationFilter, planQuery, termWords, wordCheck } from '@/scripts/search/query-plan';

const aliases = [
  { alias: 'Operation Cross Country', operation: 'Operation Cross Country' },
  { alias: 'Operation Cross County', operation: 'Operation Cross Country' },
  { alias: 'Cross Country', operation: 'Operation Cross Country' },
  { alias: 'Innocence Lost', operation: 'Innocence Lost National Initiative' },
];

describe('planQuery', () => {
  it('turns a catalogue alias into the operation, whatever its case, and keeps the other words', () => {
    expect(planQuery('Operation Cross County', aliases)).toEqual({ term: '', operations: ['Operation Cross Country'], words: [] });
    expect(planQuery('children cross  country charlotte', aliases)).toEqual({
      term: 'children charlotte',
      operations: ['Operation Cross Country'],
      words: ['children', 'charlotte'],
    });
  });

  it('matches names as whole words only', () => {
    expect(planQuery('crosscountry', aliases).operations).toEqual([]);
    expect(planQuery('Cross Countryside', aliases).operations).toEqual([]);
  });

  it('leaves a quoted phrase to Pagefind', () => {
    expect(planQuery('"kids recovered"', aliases)).toEqual({ term: '"kids recovered"', operations: [], words: [] });
  });

  it('names each operation once and lists every word to check', () => {
    expect(planQuery('Cross Country XIII Innocence Lost cross country', aliases)).toEqual({
      term: 'XIII',
      operations: ['Innocence Lost National Initiative', 'Operation Cross Country'],
      words: ['XIII'],
    });
  });
});

describe('termWords and wordCheck', () => {
  it('strips punctuation at either end of a word and quotes it alone', () => {
    expect(termWords(' “policexyz”, (XIII) u.s. ')).toEqual(['policexyz', 'XIII', 'u.s']);
    expect(wordCheck('XIII')).toBe('"XIII"');
  });
});

describe('operationFilter', () => {
  it("adds the query's operations to the reader's choice, or finds nothing when they contradict it", () => {
    expect(operationFilter([], [])).toEqual({ any: [] });
    expect(operationFilter(['A', 'B'], [])).toEqual({ any: ['A', 'B'] });
    expect(operationFilter([], ['A'])).toEqual({ any: ['A'] });
    expect(operationFilter(['A', 'B'], ['A'])).toEqual({ any: ['A'] });
    expect(operationFilter(['B'], ['A'])).toBeNull();
    expect(operationFilter([], ['A', 'B'])).toEqual({ all: ['A', 'B'] });
    expect(operationFilter(['B'], ['A', 'B'])).toEqual({ all: ['A', 'B'] });
  });
});
