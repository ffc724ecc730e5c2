import { describe, expect, it } from 'vitest';
import { contentDefinedRuns, newestFirst, planSearchShards, shardCutsFrom, shardSizeFor, shardSizeFrom, type SearchShard, type ShardStory } from '@/lib/search-shards';

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

describe('content-defined shard cuts', () => {
  // A generated archive: one story a day from 1990, with slugs as ingest makes them.
  const day = (n: number): string => new Date(Date.UTC(1990, 0, 1 + n)).toISOString().slice(0, 10);
  const big = Array.from({ length: 10_000 }, (_, n) => story(`operation-cross-country-${n}-children-recovered`, day(2 * n)));
  const changedShards = (before: SearchShard[], after: SearchShard[]): number =>
    after.filter((shard) => before.find((old) => old.id === shard.id)?.key !== shard.key).length;

  it('cuts runs of three to five quarters of the size, the last run of each kind excepted', () => {
    const runs = contentDefinedRuns(big, 2000);
    expect(runs.flat()).toEqual(big);
    for (const run of runs.slice(0, -1)) {
      expect(run.length).toBeGreaterThanOrEqual(1500);
      expect(run.length).toBeLessThanOrEqual(2500);
    }
    expect(runs.length).toBeGreaterThanOrEqual(4);
    expect(runs.length).toBeLessThanOrEqual(7);
    expect(contentDefinedRuns(big, 2000)).toEqual(runs);
  });

  it('changes one or two shards, not every later one, when an older story is added', () => {
    const before = planSearchShards(big, 2000, 'content');
    const fixedBefore = planSearchShards(big, 2000, 'fixed');
    const changed: number[] = [];
    const changedFixed: number[] = [];
    for (let n = 0; n < 40; n += 1) {
      // Between two existing days, spread over the archive's years.
      const added = story(`added-${n}`, day(2 * Math.floor((n * 9973) % 10_000) + 1));
      changed.push(changedShards(before, planSearchShards([...big, added], 2000, 'content')));
      changedFixed.push(changedShards(fixedBefore, planSearchShards([...big, added], 2000, 'fixed')));
    }
    expect(Math.min(...changed)).toBe(1);
    expect(changed.reduce((sum, count) => sum + count, 0) / changed.length).toBeLessThanOrEqual(1.5);
    // Runs of a fixed length shift from the added story on: about half the shards on average.
    expect(changedFixed.reduce((sum, count) => sum + count, 0) / changedFixed.length).toBeGreaterThan(2);
  });

  it('is what a build uses unless ARCHIVE_SEARCH_SHARD_SIZE asks for runs of a fixed length', () => {
    expect(shardCutsFrom(undefined, 10_000)).toEqual({ size: 2000, cuts: 'content' });
    expect(shardCutsFrom('', 10_000)).toEqual({ size: 2000, cuts: 'content' });
    expect(shardCutsFrom('8', 40)).toEqual({ size: 8, cuts: 'fixed' });
  });

  it('keeps an archive of up to one shard size in a single bundle', () => {
    expect(planSearchShards(big.slice(0, 2000), 2000, 'content').map((shard) => shard.id)).toEqual(['all']);
  });
});
