import { describe, expect, it } from 'vitest';
import { newestFirst, planSearchShards, shardSizeFor, shardSizeFrom, type ShardStory } from '@/lib/search-shards';

const story = (id: string, date: string | null, digest = `d-${id}`): ShardStory => ({ id, date, digest });
const archive = [
  story('e', '2019-01-01'),
  story('a', '2015-06-01'),
  story('x', null),
  story('c', '2017-03-01'),
  story('b', '2016-02-01'),
  story('d', '2018-01-01'),
  story('y', null),
];

describe('planSearchShards', () => {
  it('keeps an archive that fits in one shard in a single bundle at /pagefind/', () => {
    const shards = planSearchShards(archive, 7);
    expect(shards).toHaveLength(1);
    expect(shards[0]).toMatchObject({ id: 'all', path: '/pagefind/', slugs: ['x', 'y', 'a', 'b', 'c', 'd', 'e'] });
  });

  it('cuts dated stories oldest first into runs of the shard size, undated apart', () => {
    const shards = planSearchShards(archive, 2);
    expect(shards.map((shard) => [shard.id, shard.path, shard.slugs])).toEqual([
      ['d0', '/pagefind/', ['a', 'b']],
      ['d1', '/pagefind/shards/d1/', ['c', 'd']],
      ['d2', '/pagefind/shards/d2/', ['e']],
      ['u0', '/pagefind/shards/u0/', ['x', 'y']],
    ]);
  });

  it('changes only the newest shard when a newer story arrives', () => {
    const before = planSearchShards(archive, 2);
    const after = planSearchShards([...archive, story('f', '2020-01-01')], 2);
    const changed = after.filter((shard) => before.find((old) => old.id === shard.id)?.key !== shard.key).map((shard) => shard.id);
    expect(changed).toEqual(['d2']);
  });

  it("changes a shard's key when one of its copies changes", () => {
    const before = planSearchShards(archive, 2);
    const after = planSearchShards(archive.map((item) => (item.id === 'c' ? { ...item, digest: 'edited' } : item)), 2);
    expect(after.map((shard) => shard.key === before.find((old) => old.id === shard.id)!.key)).toEqual([true, false, true, true]);
  });

  it('walks shards newest first, undated last, for a search sorted by date', () => {
    expect(newestFirst(planSearchShards(archive, 2)).map((shard) => shard.id)).toEqual(['d2', 'd1', 'd0', 'u0']);
  });

  it('refuses a shard size that is not a positive whole number', () => {
    expect(() => planSearchShards(archive, 0)).toThrow(/positive whole number/);
    expect(shardSizeFrom(undefined, 10)).toBe(2000);
    expect(shardSizeFrom('25', 10)).toBe(25);
    expect(() => shardSizeFrom('lots', 10)).toThrow(/ARCHIVE_SEARCH_SHARD_SIZE/);
  });

  it('grows the shard size in steps so a big archive has about eight shards', () => {
    expect(shardSizeFor(4)).toBe(2000);
    expect(shardSizeFor(10_000)).toBe(2000);
    expect(shardSizeFor(16_000)).toBe(2000);
    expect(shardSizeFor(16_001)).toBe(4000);
    expect(shardSizeFor(100_000)).toBe(16_000);
    expect(100_000 / shardSizeFor(100_000)).toBeLessThanOrEqual(8);
  });
});
