import { describe, expect, it } from 'vitest';
import { storyPath } from '@/domain/paths';
import { ShardProgress, storySlugOfPath } from '@/lib/search-shard-progress';
import type { SearchShard } from '@/lib/search-shards';

const shard = (id: string, slugs: string[]): SearchShard => ({ id, path: `/pagefind/shards/${id}/`, slugs, key: `k-${id}` });
const shards = [shard('d0', ['a', 'b']), shard('d1', ['c', 'd']), shard('d2', ['e']), shard('u0', ['x'])];
const ids = (list: readonly SearchShard[]): string[] => list.map((item) => item.id);

describe('ShardProgress', () => {
  it('hands out a stale shard once the last of its rendered pages is written', () => {
    const progress = new ShardProgress(shards, new Set(['d0', 'd1', 'u0']), ['a', 'b', 'c', 'd', 'e', 'x']);
    expect(ids(progress.ready())).toEqual([]);
    expect(ids(progress.written('a'))).toEqual([]);
    expect(ids(progress.written('c'))).toEqual([]);
    expect(ids(progress.written('b'))).toEqual(['d0']);
    expect(ids(progress.written('e'))).toEqual([]); // d2 is up to date: never handed out
    expect(ids(progress.written('d'))).toEqual(['d1']);
    expect(progress.pagesOutstanding).toBe(1);
    expect(ids(progress.rest())).toEqual(['u0']);
    expect(ids(progress.rest())).toEqual([]);
  });

  it('counts only the pages this build renders: kept pages are on disk already', () => {
    const progress = new ShardProgress(shards, new Set(['d1']), ['d']);
    expect(ids(progress.written('d'))).toEqual(['d1']);
  });

  it('makes a stale shard with nothing to render ready at once (a story of it was deleted)', () => {
    const progress = new ShardProgress(shards, new Set(['d0', 'd2']), ['e']);
    expect(ids(progress.ready())).toEqual(['d0']);
    expect(ids(progress.ready())).toEqual([]);
    expect(ids(progress.written('e'))).toEqual(['d2']);
  });

  it('hands each shard out once, whatever is reported twice', () => {
    const progress = new ShardProgress(shards, new Set(['d2']), ['e']);
    expect(ids(progress.written('e'))).toEqual(['d2']);
    expect(ids(progress.written('e'))).toEqual([]);
    expect(ids(progress.rest())).toEqual([]);
  });
});

describe('storySlugOfPath', () => {
  it('reads the slug back from storyPath', () => {
    expect(storySlugOfPath(storyPath({ id: 'operation-cross-country-2' }))).toBe('operation-cross-country-2');
  });

  it('is null for every other page', () => {
    for (const pathname of ['/', '/stories/', '/search/', '/stories/a/b/', '/figures/2/', '/stories/%E0%A4%A/']) expect(storySlugOfPath(pathname), pathname).toBeNull();
  });
});
