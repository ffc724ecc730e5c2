/**
 * The search index built after the astro process has exited (when the
 * memory budget asks for it: src/lib/index-schedule.ts, index-handoff.ts): indexes the
 * stale shards the handoff names, one Pagefind run at a time, deletes the
 * bundles of shards the archive no longer has, and only then writes the
 * render manifest that lets the next build reuse this one's pages. A shard
 * whose pages were read while Astro rendered (read-while-rendering.ts) is
 * written first, from that read.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseHandoff } from '../lib/index-handoff';
import type { SearchShard } from '../lib/search-shards';
import { indexShard, removeGoneShards, writeStoryPages, type SearchIndexLogger, type SearchIndexSummary } from './pagefind';
import { discardEarlyRead, type EarlyRead } from './read-while-rendering';
import { shardIndexedMessage } from './search-index';

/** The same shard: same bundle, same pages in the same order, same key. */
function sameShard(a: SearchShard, b: SearchShard): boolean {
  return a.id === b.id && a.path === b.path && a.key === b.key && a.slugs.length === b.slugs.length && a.slugs.every((slug, i) => slug === b.slugs[i]);
}

export async function indexAfterBuild(handoffFile: string, logger: SearchIndexLogger, early: EarlyRead | null = null): Promise<void> {
  let unused = early;
  try {
    const text = await readFile(handoffFile, 'utf8').catch((error: Error) => {
      throw new Error(`the build left no search index handoff at ${handoffFile} (${error.message})`);
    });
    const handoff = parseHandoff(text, handoffFile);
    // From here until the index is complete, no manifest may vouch for dist/ (the build deleted the last one).
    await rm(handoff.manifestFile, { force: true });
    const stale = new Set(handoff.stale);
    let toIndex = handoff.shards.filter((shard) => stale.has(shard.id));
    // An early read counts only if it read the very pages this index needs, where this build wrote them.
    const readEarly =
      early !== null && path.resolve(early.siteDir) === path.resolve(handoff.siteDir) ? toIndex.find((shard) => sameShard(shard, early.shard)) : undefined;
    if (readEarly) toIndex = [readEarly, ...toIndex.filter((shard) => shard !== readEarly)];
    else if (early) {
      // Not a shard to index: its Pagefind service must stop before the next one starts.
      unused = null;
      await discardEarlyRead(early);
    }
    const started = Date.now();
    let pages = 0;
    for (const [i, shard] of toIndex.entries()) {
      const shardStarted = Date.now();
      let summary: SearchIndexSummary;
      let note = '';
      try {
        const pagesRead = shard === readEarly ? await early!.reading : null;
        unused = null;
        if (pagesRead instanceof Error) logger.info(`search shard ${shard.id}: reading its pages while Astro rendered failed (${pagesRead.message}); reading them again`);
        if (pagesRead !== null && !(pagesRead instanceof Error)) {
          note = `, its pages read while Astro rendered (from ${started - early!.started} ms before Astro exited)`;
          summary = await writeStoryPages(pagesRead, path.join(handoff.siteDir, shard.path));
        } else {
          summary = await indexShard(handoff.siteDir, shard);
        }
      } catch (error) {
        throw new Error(`search shard ${shard.id} (${i + 1} of ${toIndex.length}): ${(error as Error).message}`);
      }
      pages += summary.indexedPages;
      logger.info(`${shardIndexedMessage(shard, summary.indexedPages, summary.deleted, Date.now() - shardStarted)} [${i + 1} of ${toIndex.length}]${note}`);
    }
    removeGoneShards(handoff.siteDir, handoff.shards);
    await writeFile(handoff.manifestFile, handoff.manifest);
    const ended = Date.now();
    const ms = ended - started;
    const indexingMs = readEarly ? ended - early!.started : ms;
    const kept = handoff.shards.length - toIndex.length;
    logger.info(
      toIndex.length === 0
        ? 'search index kept: no story text changed since it was built'
        : `Pagefind indexed ${pages} pages in ${toIndex.length} of ${handoff.shards.length} search shards${kept > 0 ? ` (${kept} unchanged)` : ''}, ` +
            `after Astro exited; indexing took ${indexingMs} ms in all, the build waited ${ms} ms for it`,
    );
  } finally {
    // A read this index did not use (another shard, or the build failed before it) still holds a Pagefind service.
    if (unused) await discardEarlyRead(unused);
  }
}
