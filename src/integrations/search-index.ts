/**
 * The Astro integration that builds the search index, so `npm run build`
 * leaves a complete static site with its index under dist/pagefind/.
 *
 * Shards (search-shards.ts) are indexed as soon as their pages are on disk,
 * while Astro renders the rest: rendering keeps one core busy and Pagefind
 * runs as its own process on the other. The middleware reports each page
 * as it starts; Astro renders one page at a time and writes it before the
 * next, so every page reported earlier is written. Whatever is left is
 * indexed when the build is done, and the build fails if any shard failed.
 *
 * When `npm run build` indexes once the astro process has exited (its memory
 * budget, src/lib/index-schedule.ts; index-after-build.ts), this integration
 * only tells it, over the IPC channel it opens, as each stale shard's pages
 * are all written (read-while-rendering.ts), and says how many shards are
 * left to index.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { getBuildState } from '../lib/build-state';
import { handoffFileFrom, type ShardReadyMessage } from '../lib/index-handoff';
import { ShardProgress, storySlugOfPath } from '../lib/search-shard-progress';
import type { SearchShard } from '../lib/search-shards';
import { indexShard, removeGoneShards, type SearchIndexLogger } from './pagefind';

export interface ShardedIndexPlan {
  /** Every shard of the current archive, the first one at /pagefind/. */
  shards: SearchShard[];
  /** Ids of the shards whose bundles must be built (the others are up to date in the output folder). */
  stale: ReadonlySet<string>;
  /** Slugs of the story pages this build renders. */
  rendered: readonly string[];
}

/**
 * Follows the middleware's reports of pages starting to render and hands
 * out each stale shard once every page of it this build renders is on disk.
 */
export class ShardReadiness {
  private progress: ShardProgress | null = null;
  private lastStarted: string | null = null;

  constructor(
    /** The plan, or null while the story route has not planned its pages. */
    private readonly plan: () => ShardedIndexPlan | null,
    private readonly onReady: (shards: readonly SearchShard[]) => void,
  ) {}

  /** The middleware's report: `pathname` starts rendering, so the page before it is on disk. */
  pageStarted(pathname: string): void {
    const previous = this.lastStarted;
    this.lastStarted = pathname;
    if (previous !== null) this.pageWritten(previous);
  }

  private pageWritten(pathname: string): void {
    const slug = storySlugOfPath(pathname);
    if (slug === null) return;
    const progress = this.ensureProgress();
    if (progress) this.onReady(progress.written(slug));
  }

  private ensureProgress(): ShardProgress | null {
    if (this.progress) return this.progress;
    const plan = this.plan();
    if (!plan) return null;
    this.progress = new ShardProgress(plan.shards, plan.stale, plan.rendered);
    // Shards none of whose pages render this time (a story of theirs was deleted) are ready now.
    this.onReady(this.progress.ready());
    return this.progress;
  }

  /** Rendering is over, so the last page reported is on disk too: hands out every shard left. */
  finish(): void {
    if (this.lastStarted !== null) this.pageWritten(this.lastStarted);
    this.lastStarted = null;
    if (!this.ensureProgress()) throw new Error('search index: the story route did not plan its pages (getStoriesToRender was not called)');
    this.onReady(this.progress!.rest());
  }
}

/** Schedules the stale shards' Pagefind runs, one at a time, as their pages land on disk. */
export class ShardIndexer {
  private readonly readiness: ShardReadiness;
  private queue: Promise<void> = Promise.resolve();
  private failure: { error: unknown } | null = null;
  private renderingDone: number | null = null;
  /** Shards whose Pagefind run started before rendering was over. */
  private shardsBeforeDone = 0;
  private shardsIndexed = 0;
  private pagesIndexed = 0;
  private indexingMs = 0;

  constructor(
    private readonly siteDir: string,
    private readonly logger: SearchIndexLogger,
    /** The plan, or null while the story route has not planned its pages. */
    private readonly plan: () => ShardedIndexPlan | null,
  ) {
    this.readiness = new ShardReadiness(plan, (shards) => this.enqueue(shards));
  }

  /** The middleware's report: `pathname` starts rendering, so the page before it is on disk. */
  pageStarted(pathname: string): void {
    this.readiness.pageStarted(pathname);
  }

  private enqueue(shards: readonly SearchShard[]): void {
    for (const shard of shards) {
      // The queue never rejects: a failure is kept and thrown by finish(), once, when the build is done.
      this.queue = this.queue.then(async () => {
        if (this.failure) return;
        const started = Date.now();
        // Counted when its Pagefind run starts, not when it is queued: only then does it overlap rendering.
        if (this.renderingDone === null) this.shardsBeforeDone += 1;
        try {
          const { indexedPages, deleted } = await indexShard(this.siteDir, shard);
          this.shardsIndexed += 1;
          this.pagesIndexed += indexedPages;
          this.logger.info(shardIndexedMessage(shard, indexedPages, deleted, Date.now() - started));
        } catch (error) {
          this.failure = { error };
        } finally {
          this.indexingMs += Date.now() - started;
        }
      });
    }
  }

  /** Rendering is over: indexes what is left, waits for every shard, and throws if one failed. */
  async finish(): Promise<void> {
    this.renderingDone = Date.now();
    this.readiness.finish();
    const plan = this.plan()!;
    await this.queue;
    if (this.failure) throw this.failure.error;
    removeGoneShards(this.siteDir, plan.shards);
    const waited = Date.now() - this.renderingDone;
    const kept = plan.shards.length - plan.stale.size;
    this.logger.info(
      `Pagefind indexed ${this.pagesIndexed} pages in ${this.shardsIndexed} of ${plan.shards.length} search shards` +
        `${kept > 0 ? ` (${kept} unchanged)` : ''}, ${this.shardsBeforeDone} of them while pages were rendering; ` +
        `indexing took ${this.indexingMs} ms in all, the build waited ${waited} ms for it`,
    );
  }
}

/** The log line for one shard indexed. */
export function shardIndexedMessage(shard: SearchShard, indexedPages: number, deleted: number, ms: number): string {
  return `search shard ${shard.id}: ${indexedPages} pages into ${shard.path} in ${ms} ms (${deleted} stale files deleted)`;
}

export interface SearchIndexOptions {
  /** The shards and which of them to build: known once the story route has planned its pages. */
  plan: () => ShardedIndexPlan | null;
}

export default function searchIndex(options: SearchIndexOptions): AstroIntegration {
  let indexer: ShardIndexer | null = null;
  let alongside = true;
  let afterBuild = false;
  return {
    name: 'archive-pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        afterBuild = handoffFileFrom(process.env) !== null;
        // With pages rendered in parallel, a page reported earlier may not be written yet.
        alongside = config.build.concurrency === 1;
      },
      'astro:build:start': ({ logger }) => {
        const state = getBuildState();
        if (!state) throw new Error('search index: the render-cache integration must come first');
        if (afterBuild) {
          // npm run build listens on an IPC channel: tell it as each stale shard's pages are all written.
          const send = process.send?.bind(process);
          if (!send || !alongside) return;
          const siteDir = state.outDir;
          const readiness = new ShardReadiness(options.plan, (shards) => {
            for (const { id, path, slugs, key } of shards) send({ kind: 'search-shard-ready', siteDir, shard: { id, path, slugs, key } } satisfies ShardReadyMessage);
          });
          state.pageStarted = (pathname) => readiness.pageStarted(pathname);
          return;
        }
        indexer = new ShardIndexer(state.outDir, logger, options.plan);
        const current = indexer;
        if (alongside) state.pageStarted = (pathname) => current.pageStarted(pathname);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const plan = options.plan();
        if (afterBuild) {
          if (plan) logger.info(`search index: ${plan.stale.size} of ${plan.shards.length} shards to index once Astro has exited`);
          return;
        }
        if (plan && plan.stale.size === 0) {
          removeGoneShards(fileURLToPath(dir), plan.shards);
          logger.info('search index kept: no story text changed since it was built');
          return;
        }
        if (!indexer) throw new Error('search index: the build did not start');
        await indexer.finish();
      },
    },
  };
}
