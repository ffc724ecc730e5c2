/**
 * Pagefind answers a query of several words without any word its index
 * does not hold. For one index over the whole archive that only drops a
 * word no story has. With shards, a shard that lacks a word the others
 * hold answers without it: 'Independence Day' in a shard with no story
 * saying 'independence' listed every story there that says 'day' (1,734
 * of 4,235 results at 10,000 stories). So a query of several words is
 * narrowed to the shards that hold every word some shard holds, which
 * gives what one index would. Whether a shard holds a word is counted by an
 * exact search (see matchesPerShard); a query of one word is narrowed too,
 * since a shard without it would answer with a shorter word it holds.
 */
import { shardFilter, type FilterCounts, type PagefindApi, type PagefindSearchOptions } from './pagefind-api';

/** A shard id no shard has: a search filtered to it lists nothing but still counts its matches per shard. */
const noShard = '\u0000none';

/** The words of a query, as Pagefind splits them (quotes of an exact search left out). */
export function queryWords(term: string): string[] {
  return term
    .replace(/"/g, ' ')
    .split(/\s+/)
    .filter((word) => word !== '');
}

/**
 * The shards a query of words must be narrowed to, from each word's matches per shard; null when every
 * shard holds every word (nothing to narrow). A word no shard holds narrows nothing, as in one index.
 */
export function shardsHoldingEveryWord(matchesPerWord: readonly Record<string, number>[], shardIds: readonly string[]): string[] | null {
  const held = matchesPerWord.filter((counts) => Object.values(counts).some((count) => count > 0));
  const keep = shardIds.filter((id) => held.every((counts) => (counts[id] ?? 0) > 0));
  return keep.length === shardIds.length ? null : keep;
}

/** A term's matches per shard, counted without listing them (a few ms, where listing thousands takes hundreds). */
async function countPerShard(api: Pick<PagefindApi, 'search'>, term: string): Promise<Record<string, number>> {
  const response = await api.search(term, { filters: { [shardFilter]: { any: [noShard] } } });
  return (response.totalFilters as FilterCounts)[shardFilter] ?? {};
}

/**
 * Each word's matches per shard. Not by a plain search for the word: where no indexed word starts
 * with it, Pagefind (1.6) answers with the longest indexed word it starts with, if that word's index
 * chunk happens to be loaded ('independence' -> 'in'), so a shard lacking the word counts matches.
 * An exact (quoted) search has no such fallback, so a word some shard holds whole is counted exactly;
 * only a word no shard holds whole (one still being typed) is counted by prefix.
 */
async function matchesPerShard(api: Pick<PagefindApi, 'search'>, word: string): Promise<Record<string, number>> {
  const exact = await countPerShard(api, `"${word}"`);
  return Object.values(exact).some((count) => count > 0) ? exact : countPerShard(api, word);
}

/** Each word's matches per shard, by word: the index does not change while the page is open. */
export type WordCounts = Map<string, Promise<Record<string, number>>>;

/**
 * The shards to search for `term`, or null for all of them; see the module comment. `counted` keeps
 * each word's counts for the next query (typing repeats the same words at every pause).
 */
export async function shardsForQuery(
  api: Pick<PagefindApi, 'search'>,
  term: string,
  shardIds: readonly string[],
  counted: WordCounts = new Map(),
): Promise<string[] | null> {
  const words = queryWords(term);
  if (words.length === 0 || shardIds.length < 2) return null;
  const counts = words.map((word) => {
    const key = word.toLowerCase();
    let known = counted.get(key);
    if (known === undefined) {
      known = matchesPerShard(api, word);
      // A failed count is not kept: the next query asks again.
      known.catch(() => counted.delete(key));
      counted.set(key, known);
    }
    return known;
  });
  return shardsHoldingEveryWord(await Promise.all(counts), shardIds);
}

/** The options with the search narrowed to `shards` (null: unchanged). */
export function narrowToShards(options: PagefindSearchOptions, shards: readonly string[] | null): PagefindSearchOptions {
  return shards === null ? options : { ...options, filters: { ...options.filters, [shardFilter]: { any: [...shards] } } };
}
