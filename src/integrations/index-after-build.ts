/**
 * The search index built after the astro process has exited (when the
 * memory budget asks for it: src/lib/index-schedule.ts, index-handoff.ts): indexes the
 * stale shards the handoff names, one Pagefind run at a time, deletes the
 * bundles of shards the archive no longer has, and only then writes the
 * render manifest that lets the next build reuse this one's pages.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { parseHandoff } from '../lib/index-handoff';
import { indexShard, removeGoneShards, type SearchIndexLogger } from './pagefind';
import { shardIndexedMessage } from './search-index';

export async function indexAfterBuild(handoffFile: string, logger: SearchIndexLogger): Promise<void> {
  const text = await readFile(handoffFile, 'utf8').catch((error: Error) => {
    throw new Error(`the build left no search index handoff at ${handoffFile} (${error.message})`);
  });
  const handoff = parseHandoff(text, handoffFile);
  // From here until the index is complete, no manifest may vouch for dist/ (the build deleted the last one).
  await rm(handoff.manifestFile, { force: true });
  const stale = new Set(handoff.stale);
  const toIndex = handoff.shards.filter((shard) => stale.has(shard.id));
  const started = Date.now();
  let pages = 0;
  for (const [i, shard] of toIndex.entries()) {
    const shardStarted = Date.now();
    const summary = await indexShard(handoff.siteDir, shard).catch((error: Error) => {
      throw new Error(`search shard ${shard.id} (${i + 1} of ${toIndex.length}): ${error.message}`);
    });
    pages += summary.indexedPages;
    logger.info(`${shardIndexedMessage(shard, summary.indexedPages, summary.deleted, Date.now() - shardStarted)} [${i + 1} of ${toIndex.length}]`);
  }
  removeGoneShards(handoff.siteDir, handoff.shards);
  await writeFile(handoff.manifestFile, handoff.manifest);
  const ms = Date.now() - started;
  const kept = handoff.shards.length - toIndex.length;
  logger.info(
    toIndex.length === 0
      ? 'search index kept: no story text changed since it was built'
      : `Pagefind indexed ${pages} pages in ${toIndex.length} of ${handoff.shards.length} search shards${kept > 0 ? ` (${kept} unchanged)` : ''}, ` +
          `after Astro exited; indexing took ${ms} ms in all, the build waited ${ms} ms for it`,
  );
}
