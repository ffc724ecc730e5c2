/**
 * The search index in shards. Pagefind holds every page of an index in
 * memory while it builds it (about 300 KB a page), so a large archive is
 * indexed in shards of a bounded size, each its own Pagefind bundle, which
 * the search page merges in the browser (Pagefind's mergeIndex).
 *
 * Shards are runs of stories in date order, oldest first, undated stories
 * in shards of their own. So a new story dated after the others changes only
 * the newest shard, and a rebuild indexes only the shards whose stories
 * changed; and a search sorted by date can walk the shards newest first.
 *
 * Where a run ends is decided by its stories, not by counting: after at
 * least three quarters of the shard size, a run ends at a story whose slug
 * hashes to a boundary (one in a quarter of the size), and at five quarters
 * at the latest. An older story added later (an archive filled in
 * backwards) then changes the one shard it falls in, where runs of a fixed
 * length would all shift by one from there on and be indexed again.
 * ARCHIVE_SEARCH_SHARD_SIZE cuts runs of exactly that length instead.
 * An archive that fits in one shard has a single bundle at /pagefind/, as
 * Pagefind lays it out by default.
 */
import { digestOf } from './render-plan';

/** The smallest shard size: up to this many stories, the archive has one bundle. */
export const minimumShardSize = 2000;

/** About this many shards at most: each is one more set of requests for every query a reader types. */
export const targetShardCount = 8;

/**
 * Stories per shard for an archive of `count` stories: 2,000, doubled until
 * the archive fits in about eight shards. The size steps only when the
 * archive doubles, so adding a story rarely moves every shard's bounds.
 */
export function shardSizeFor(count: number): number {
  let size = minimumShardSize;
  while (count / size > targetShardCount) size *= 2;
  return size;
}

export interface ShardStory {
  id: string;
  /** YYYY-MM-DD, or null when undated. */
  date: string | null;
  /** Digest of the story's copy: what its indexed text depends on. */
  digest: string;
}

export interface SearchShard {
  /** 'all' for a single shard; else 'd<n>' (dated, oldest first) or 'u<n>' (undated). */
  id: string;
  /** The bundle's URL path: '/pagefind/' for the first shard, '/pagefind/shards/<id>/' for the others. */
  path: string;
  /** The shard's stories, oldest first. */
  slugs: string[];
  /** Digest of the shard's stories and their copies: its bundle is rebuilt when this changes. */
  key: string;
}

/** The bundle path of a shard: the first one sits where Pagefind's script is. */
export function shardPath(id: string, first: boolean): string {
  return first ? '/pagefind/' : `/pagefind/shards/${id}/`;
}

function byDate(a: ShardStory, b: ShardStory): number {
  return (a.date ?? '').localeCompare(b.date ?? '') || a.id.localeCompare(b.id);
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/** FNV-1a, 32 bits: a cheap hash that is the same on every machine and in every build. */
function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** Runs of about `size` stories, each ending where its stories say (see the module comment). */
export function contentDefinedRuns(stories: readonly ShardStory[], size: number): ShardStory[][] {
  const shortest = Math.max(1, Math.ceil((size * 3) / 4));
  const longest = Math.max(shortest, Math.floor((size * 5) / 4));
  const period = Math.max(1, Math.round(size / 4));
  const runs: ShardStory[][] = [];
  let run: ShardStory[] = [];
  for (const story of stories) {
    run.push(story);
    if (run.length >= longest || (run.length >= shortest && stableHash(story.id) % period === 0)) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/** How runs are cut: at content-defined points around the size (the default), or at exactly the size. */
export type ShardCuts = 'content' | 'fixed';

/**
 * Splits the stories into shards of about `size` (content cuts: see the module
 * comment) or of at most `size` (fixed cuts), oldest first; the result lists
 * the first shard (the one at /pagefind/) first.
 */
export function planSearchShards(stories: readonly ShardStory[], size = shardSizeFor(stories.length), cuts: ShardCuts = 'fixed'): SearchShard[] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`search shard size must be a positive whole number, not ${size}`);
  const make = (id: string, members: readonly ShardStory[], first: boolean): SearchShard => ({
    id,
    path: shardPath(id, first),
    slugs: members.map((story) => story.id),
    key: digestOf([id, members.map((story) => [story.id, story.digest])]),
  });
  const ordered = [...stories].sort(byDate);
  if (ordered.length <= size) return [make('all', ordered, true)];
  const cut = (members: ShardStory[]): ShardStory[][] => (cuts === 'fixed' ? chunk(members, size) : contentDefinedRuns(members, size));
  const dated = cut(ordered.filter((story) => story.date !== null));
  const undated = cut(ordered.filter((story) => story.date === null));
  const shards = [...dated.map((members, n) => ({ id: `d${n}`, members })), ...undated.map((members, n) => ({ id: `u${n}`, members }))];
  return shards.map(({ id, members }, n) => make(id, members, n === 0));
}

/**
 * The order a search sorted by date walks the shards: newest dated shard
 * first, undated shards last (undated stories sort last).
 */
export function newestFirst(shards: readonly SearchShard[]): SearchShard[] {
  const dated = shards.filter((shard) => !shard.id.startsWith('u')).reverse();
  return [...dated, ...shards.filter((shard) => shard.id.startsWith('u'))];
}

/** How a build cuts `count` stories: runs of exactly ARCHIVE_SEARCH_SHARD_SIZE when set, else content cuts around shardSizeFor. */
export function shardCutsFrom(value: string | undefined, count: number): { size: number; cuts: ShardCuts } {
  return { size: shardSizeFrom(value, count), cuts: value === undefined || value === '' ? 'content' : 'fixed' };
}

/** The shard size a build uses for `count` stories: ARCHIVE_SEARCH_SHARD_SIZE when set, else shardSizeFor. */
export function shardSizeFrom(value: string | undefined, count: number): number {
  if (value === undefined || value === '') return shardSizeFor(count);
  const size = Number(value);
  if (!Number.isInteger(size) || size < 1) throw new Error(`ARCHIVE_SEARCH_SHARD_SIZE must be a positive whole number, not '${value}'`);
  return size;
}
