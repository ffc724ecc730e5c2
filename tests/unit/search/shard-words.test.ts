import { describe, expect, it } from 'vitest';
import { narrowToShards, queryWords, shardsForQuery, shardsHoldingEveryWord } from '@/scripts/search/shard-words';

describe('queryWords', () => {
  it('splits on white space and leaves out the quotes of an exact search', () => {
    expect(queryWords('  Independence   Day ')).toEqual(['Independence', 'Day']);
    expect(queryWords('"cross country"')).toEqual(['cross', 'country']);
    expect(queryWords('')).toEqual([]);
  });
});

describe('shardsHoldingEveryWord', () => {
  const ids = ['d0', 'd1', 'u0'];
  it('keeps the shards that hold every word', () => {
    expect(shardsHoldingEveryWord([{ d0: 3, d1: 1, u0: 0 }, { d0: 5, d1: 4, u0: 9 }], ids)).toEqual(['d0', 'd1']);
    expect(shardsHoldingEveryWord([{ d0: 3 }, { d1: 4 }], ids)).toEqual([]);
  });

  it('narrows nothing when every shard holds every word', () => {
    expect(shardsHoldingEveryWord([{ d0: 1, d1: 1, u0: 1 }, { d0: 2, d1: 2, u0: 2 }], ids)).toBeNull();
  });

  it('ignores a word no shard holds, as one index would', () => {
    expect(shardsHoldingEveryWord([{ d0: 0, d1: 0, u0: 0 }, { d0: 2, d1: 2, u0: 2 }], ids)).toBeNull();
    expect(shardsHoldingEveryWord([{}, { d0: 2, u0: 2 }], ids)).toEqual(['d0', 'u0']);
  });
});

describe('shardsForQuery', () => {
  // A plain search as Pagefind 1.6 answers it: d1 has no word starting with 'independence', so it falls back
  // to the longest indexed word the term starts with ('in') and counts every page. An exact search does not.
  const plain: Record<string, Record<string, number>> = { independence: { d0: 4, d1: 12 }, day: { d0: 9, d1: 7 }, indep: { d0: 4 } };
  const exact: Record<string, Record<string, number>> = { independence: { d0: 4, d1: 0 }, day: { d0: 9, d1: 7 } };
  const api = {
    searched: [] as string[],
    search: async (term: string | null) => {
      api.searched.push(term ?? '');
      const quoted = /^"(.*)"$/.exec(term!);
      const counts = quoted ? exact[quoted[1]!.toLowerCase()] : plain[term!.toLowerCase()];
      return { results: [], unfilteredResultCount: 0, totalFilters: { shard: counts ?? {} } };
    },
  };

  it('counts each word per shard exactly and narrows a query of several words', async () => {
    api.searched = [];
    expect(await shardsForQuery(api, 'Independence Day', ['d0', 'd1'])).toEqual(['d0']);
    expect(api.searched).toEqual(['"Independence"', '"Day"']);
  });

  it('counts a word no shard holds whole (one being typed) by its prefix', async () => {
    api.searched = [];
    expect(await shardsForQuery(api, 'Day Indep', ['d0', 'd1'])).toEqual(['d0']);
    expect(api.searched).toEqual(['"Day"', '"Indep"', 'Indep']);
  });

  it('counts a word once for the queries that share a cache, whatever its case', async () => {
    api.searched = [];
    const counted = new Map();
    expect(await shardsForQuery(api, 'Independence Day', ['d0', 'd1'], counted)).toEqual(['d0']);
    expect(await shardsForQuery(api, 'independence day', ['d0', 'd1'], counted)).toEqual(['d0']);
    expect(api.searched).toEqual(['"Independence"', '"Day"']);
  });

  it('narrows a query of one word to the shards that hold it', async () => {
    api.searched = [];
    expect(await shardsForQuery(api, 'independence', ['d0', 'd1'])).toEqual(['d0']);
    expect(await shardsForQuery(api, 'day', ['d0', 'd1'])).toBeNull();
    expect(api.searched).toEqual(['"independence"', '"day"']);
  });

  it('leaves an empty query or a single shard alone, without searching', async () => {
    api.searched = [];
    expect(await shardsForQuery(api, '  ', ['d0', 'd1'])).toBeNull();
    expect(await shardsForQuery(api, 'Independence Day', ['all'])).toBeNull();
    expect(api.searched).toEqual([]);
  });
});

describe('narrowToShards', () => {
  it('adds the shard filter to the reader’s own filters', () => {
    const options = { filters: { year: { any: ['2019'] } }, sort: { date: 'desc' as const } };
    expect(narrowToShards(options, ['d0'])).toEqual({ filters: { year: { any: ['2019'] }, shard: { any: ['d0'] } }, sort: { date: 'desc' } });
    expect(narrowToShards(options, null)).toBe(options);
  });
});
