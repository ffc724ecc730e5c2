import { describe, expect, it } from 'vitest';
import type { PagefindResult, PagefindSearchOptions, PagefindSearchResponse } from '@/scripts/search/pagefind-api';
import { listFeed, shardWalkFeed } from '@/scripts/search/result-feed';

const result = (id: string): PagefindResult => ({ id, data: async () => ({ url: `/${id}/`, excerpt: '', meta: {}, filters: {} }) });

/** A fake Pagefind whose pages live in shards; a search narrowed to a shard returns its pages in order. */
function fakeApi(shards: Record<string, string[]>) {
  const calls: string[] = [];
  return {
    calls,
    search: async (_term: string | null, options?: PagefindSearchOptions): Promise<PagefindSearchResponse> => {
      const id = options?.filters?.['shard']?.any[0] ?? 'merged';
      calls.push(id);
      const ids = id === 'merged' ? Object.values(shards).flat() : (shards[id] ?? []);
      return { results: ids.map(result), unfilteredResultCount: ids.length, totalFilters: {} };
    },
  };
}

describe('listFeed', () => {
  it('hands out a list in batches and says when it is done', async () => {
    const feed = listFeed(['a', 'b', 'c'].map(result));
    expect((await feed.next(2)).map((r) => r.id)).toEqual(['a', 'b']);
    expect(feed.done()).toBe(false);
    expect((await feed.next(2)).map((r) => r.id)).toEqual(['c']);
    expect(feed.done()).toBe(true);
  });
});

describe('shardWalkFeed', () => {
  it('walks the shards in order, searching each only when the results reach it', async () => {
    const api = fakeApi({ d2: ['n1', 'n2', 'n3'], d1: ['m1', 'm2'], d0: ['o1'], u0: ['x1'] });
    const feed = shardWalkFeed(api, 'term', { sort: { date: 'desc' } }, ['d2', 'd1', 'd0', 'u0'], 7);
    expect((await feed.next(2)).map((r) => r.id)).toEqual(['n1', 'n2']);
    expect(api.calls).toEqual(['d2']);
    expect((await feed.next(2)).map((r) => r.id)).toEqual(['n3', 'm1']);
    expect(api.calls).toEqual(['d2', 'd1']);
    expect(feed.done()).toBe(false);
    expect((await feed.next(10)).map((r) => r.id)).toEqual(['m2', 'o1', 'x1']);
    expect(feed.done()).toBe(true);
  });

  it("keeps the reader's own filters beside the shard's", async () => {
    const seen: PagefindSearchOptions[] = [];
    const api = { search: async (_t: string | null, options?: PagefindSearchOptions) => (seen.push(options!), { results: [], unfilteredResultCount: 0, totalFilters: {} }) };
    const feed = shardWalkFeed(api, null, { filters: { year: { any: ['2017'] } } }, ['d0'], 0);
    await feed.next(10);
    expect(seen[0]!.filters).toEqual({ year: { any: ['2017'] }, shard: { any: ['d0'] } });
    expect(feed.done()).toBe(true);
  });
});
