/** Where the next batch of results comes from: one search's list, handed out a batch at a time. */
import type { PagefindResult } from './pagefind-api.ts';

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
