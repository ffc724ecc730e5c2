/**
 * Indexing after Astro, `npm run build` still starts on one shard early:
 * when the astro process reports that every page of a stale shard is
 * written, Pagefind reads that shard's pages while Astro renders the rest,
 * and builds its bundle once Astro has exited (index-after-build.ts). The
 * read is about a third of a shard's indexing time and a quarter of its
 * memory, so it fits beside Astro where the whole run did not; whether it
 * fits this build's budget is readWhileRenderingFits's call. One shard at
 * most: the Node API runs one Pagefind service per process.
 */
import path from 'node:path';
import { shardReadyMessage } from '../lib/index-handoff';
import { readWhileRenderingFits } from '../lib/index-schedule';
import type { SearchShard } from '../lib/search-shards';
import { discardStoryPages, readStoryPages, type ReadPages, type SearchIndexLogger } from './pagefind';

/** A shard whose pages Pagefind read (or failed to read) while Astro rendered. */
export interface EarlyRead {
  shard: SearchShard;
  siteDir: string;
  /** The pages read, or why they could not be. */
  reading: Promise<ReadPages | Error>;
  /** When the read started (ms since the epoch). */
  started: number;
}

export class ReadWhileRendering {
  private current: EarlyRead | null = null;
  private declined = false;

  constructor(
    private readonly options: {
      stories: number;
      /** ARCHIVE_BUILD_MEMORY_MIB in bytes, or null for the default budget. */
      budgetBytes: number | null;
      /** The memory free now. */
      freeBytes: () => number;
      logger: SearchIndexLogger;
    },
  ) {}

  /** A message from the astro process: the first shard reported ready is read, if it fits. */
  offer(message: unknown): void {
    const ready = shardReadyMessage(message);
    if (ready === null || this.current !== null || this.declined) return;
    const { shard, siteDir } = ready;
    const { stories, budgetBytes, freeBytes, logger } = this.options;
    const fits = readWhileRenderingFits({ stories, shardPages: shard.slugs.length, budgetBytes, freeBytes: freeBytes() });
    if (!fits.fits) {
      this.declined = true;
      logger.info(`search shard ${shard.id}: its pages are not read while Astro renders: ${fits.reason}`);
      return;
    }
    logger.info(`search shard ${shard.id}: reading its ${shard.slugs.length} pages while Astro renders the rest (${fits.reason})`);
    this.current = { shard, siteDir: path.resolve(siteDir), reading: readStoryPages(siteDir, shard.slugs).catch((error: Error) => error), started: Date.now() };
  }

  /** Hands the read over to indexAfterBuild, once. */
  take(): EarlyRead | null {
    const read = this.current;
    this.current = null;
    return read;
  }

  /** Gives up what was read (the astro run failed, or runs again) and stops its Pagefind service. */
  async discard(): Promise<void> {
    const read = this.take();
    this.declined = false;
    if (read) await discardEarlyRead(read);
  }
}

/** Waits for an early read and gives it up. */
export async function discardEarlyRead(read: EarlyRead): Promise<void> {
  const pages = await read.reading;
  if (!(pages instanceof Error)) await discardStoryPages(pages);
}
