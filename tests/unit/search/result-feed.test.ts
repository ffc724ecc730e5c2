import { describe, expect, it } from 'vitest';
import type { PagefindResult } from '@/scripts/search/pagefind-api';
import { listFeed } from '@/scripts/search/result-feed';

const result = (id: string): PagefindResult => ({ id, data: async () => ({ url: `/${id}/`, excerpt: '', meta: {}, filters: {} }) });

describe('listFeed', () => {
  it('hands out a list in batches and says when it is done', async () => {
    const feed = listFeed(['a', 'b', 'c'].map(result));
    expect((await feed.next(2)).map((r) => r.id)).toEqual(['a', 'b']);
    expect(feed.done()).toBe(false);
    expect((await feed.next(2)).map((r) => r.id)).toEqual(['c']);
    expect(feed.done()).toBe(true);
  });
});
