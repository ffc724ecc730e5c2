/**
 * Where the next batch of results comes from. Usually one search's list.
 * A search sorted by date over an index in several shards cannot use the
 * merged list: Pagefind merges shards by score, and under a sort the score
 * is only a rank within each shard. Shards are runs of dates, so walking
 * them newest first, each searched on its own, gives the global order.
 */
import { shardFilter, type PagefindApi, type PagefindResult, type PagefindSearchOptions } from './pagefind-api';

export interface ResultFeed {
  /** The next `count` results, fewer at the end. */
  next: (count: number) => Promise<PagefindResult[]>;
  /** True once every result has been handed out. */
  done: () => boolean;
}

/** Hands out an already known list of results in order. */
export function listFeed(results: readonly PagefindResult[]): ResultFeed {
  let at = 0;
  return {
    next: async (count) => {
      const batch = results.slice(at, at + count);
      at += batch.length;
      return batch;
    },
    done: () => at >= results.length,
  };
}

/**
 * Searches the shards one after another, in `order` (newest first), only
 * as far as the results asked for reach; `total` is how many results the
 * merged search found, so the feed knows when it is finished.
 */
export function shardWalkFeed(
  api: Pick<PagefindApi, 'search'>,
  term: string | null,
  options: PagefindSearchOptions,
  order: readonly string[],
  total: number,
): ResultFeed {
  let buffer: PagefindResult[] = [];
  let nextShard = 0;
  let handedOut = 0;
  return {
    next: async (count) => {
      while (buffer.length < count && nextShard < order.length) {
        const id = order[nextShard]!;
        nextShard += 1;
        const response = await api.search(term, { ...options, filters: { ...options.filters, [shardFilter]: { any: [id] } } });
        buffer = buffer.concat(response.results);
      }
      const batch = buffer.slice(0, count);
      buffer = buffer.slice(count);
      handedOut += batch.length;
      return batch;
    },
    done: () => handedOut >= total || (nextShard >= order.length && buffer.length === 0),
  };
}
