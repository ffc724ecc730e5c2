/**
 * Builds the Pagefind search index once Astro has written dist/, so
 * `npm run build` leaves a complete static site with its index in
 * dist/pagefind/. Only story pages are handed to Pagefind, and within them
 * only the `data-pagefind-body` article counts, so navigation, footers and
 * lists never reach the index.
 */
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { storyPath } from '../lib/paths';
import type { SearchShard } from '../lib/search-shards';

/** Story pages as storyPath lays them out in dist/: 'stories/*\/index.html'. */
export const storyPageGlob = `${storyPath({ id: '*' }).slice(1)}index.html`;

export interface SearchIndexSummary {
  /** Story pages Pagefind found in dist/. */
  storyPages: number;
  /** Pages that made it into the index. */
  indexedPages: number;
  /** Where the bundle was written (dist/pagefind). */
  outputPath: string;
  /** Files of an earlier bundle in the same folder that the new one no longer uses, deleted. */
  deleted: number;
}

/** What the integration logs through; Astro's logger fits. */
export interface SearchIndexLogger {
  info: (message: string) => void;
}

function failOn(step: string, errors: readonly string[]): void {
  if (errors.length > 0) throw new Error(`Pagefind ${step} failed:\n${errors.join('\n')}`);
}

/** Sums the pages of every language in the bundle's entry file: what the browser will search. */
async function countIndexedPages(outputPath: string): Promise<number> {
  const entry = JSON.parse(await readFile(path.join(outputPath, 'pagefind-entry.json'), 'utf8')) as {
    languages?: Record<string, { page_count?: number }>;
  };
  return Object.values(entry.languages ?? {}).reduce((sum, language) => sum + (language.page_count ?? 0), 0);
}

/** The folders of a bundle whose files are named by their content hash, with their suffixes. */
const hashedFolders: Record<string, string> = { fragment: '.pf_fragment', index: '.pf_index', filter: '.pf_filter' };

/**
 * Deletes the files of an earlier bundle that the bundle now in `outputPath`
 * no longer refers to. Pagefind writes into an existing folder without
 * clearing it (and skips files it would write unchanged, which is what makes
 * a rebuild cheap), so after a rebuild the old chunks, fragments and
 * metadata of changed pages remain. Every hashed file the bundle uses is
 * named in its metadata file (gzip; the names are plain strings inside).
 */
export async function pruneBundle(outputPath: string): Promise<number> {
  const entry = JSON.parse(await readFile(path.join(outputPath, 'pagefind-entry.json'), 'utf8')) as { languages?: Record<string, { hash?: string }> };
  const referenced = new Set<string>();
  const metaFiles = new Set<string>();
  for (const { hash } of Object.values(entry.languages ?? {})) {
    if (!hash) continue;
    const metaFile = `pagefind.${hash}.pf_meta`;
    metaFiles.add(metaFile);
    const meta = gunzipSync(await readFile(path.join(outputPath, metaFile))).toString('latin1');
    if (!meta.startsWith('pagefind_dcd')) throw new Error(`Pagefind metadata ${metaFile} is not in the format this archive knows; cannot tell stale files`);
    const prefix = hash.slice(0, hash.indexOf('_') + 1);
    for (const name of meta.match(new RegExp(`${prefix}[0-9a-f]{5,}`, 'g')) ?? []) referenced.add(name);
  }
  const stale: string[] = [];
  for (const name of await readdir(outputPath)) if (name.endsWith('.pf_meta') && !metaFiles.has(name)) stale.push(name);
  for (const [folder, suffix] of Object.entries(hashedFolders)) {
    const names = await readdir(path.join(outputPath, folder)).catch(() => [] as string[]);
    for (const name of names) if (!name.endsWith(suffix) || !referenced.has(name.slice(0, -suffix.length))) stale.push(path.join(folder, name));
  }
  await Promise.all(stale.map((file) => rm(path.join(outputPath, file), { force: true })));
  return stale.length;
}

/**
 * Indexes the story pages under `sourceDir` into the bundle at `outputPath`
 * and returns how many pages it read and how many the bundle holds.
 */
async function indexFolder(sourceDir: string, outputPath: string): Promise<{ storyPages: number; indexedPages: number; deleted: number }> {
  let storyPages = 0;
  // If the Pagefind binary dies (the kernel kills it when memory runs out), the Node API's promise
  // never settles and Node would exit 0 with no index: make that a failed build instead.
  const stoppedEarly = (): void => {
    process.exitCode = 1;
    console.error(`Pagefind stopped before writing the index ${outputPath} (killed, perhaps out of memory): the build has no search index.`);
  };
  process.once('beforeExit', stoppedEarly);
  try {
    // Every page is English; forcing it keeps one index instead of an 'unknown' one per stray page.
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    failOn('createIndex', errors);
    if (!index) throw new Error('Pagefind createIndex returned no index');
    const added = await index.addDirectory({ path: sourceDir, glob: storyPageGlob });
    failOn('addDirectory', added.errors);
    storyPages = added.page_count;
    const written = await index.writeFiles({ outputPath });
    failOn('writeFiles', written.errors);
  } finally {
    process.off('beforeExit', stoppedEarly);
    // The Node API runs a Pagefind binary as a service; it must stop or the build hangs. Stopping it
    // after each bundle also hands its memory back before the next one.
    await pagefind.close();
  }
  const deleted = await pruneBundle(outputPath);
  const indexedPages = await countIndexedPages(outputPath);
  if (indexedPages !== storyPages) {
    throw new Error(`Pagefind indexed ${indexedPages} of ${storyPages} story pages: every story page must carry data-pagefind-body`);
  }
  return { storyPages, indexedPages, deleted };
}

/**
 * Indexes the story pages under `siteDir` and writes the bundle to
 * `siteDir/pagefind`. Throws when Pagefind reports errors, or when a story
 * page found on disk is missing from the index (it lacks data-pagefind-body).
 */
export async function buildSearchIndex(siteDir: string, logger: SearchIndexLogger): Promise<SearchIndexSummary> {
  const outputPath = path.join(siteDir, 'pagefind');
  const started = Date.now();
  const { storyPages, indexedPages, deleted } = await indexFolder(siteDir, outputPath);
  logger.info(
    `Pagefind indexed ${indexedPages} pages into ${path.relative(process.cwd(), outputPath)} in ${Date.now() - started} ms (${deleted} stale files of an earlier index deleted)`,
  );
  return { storyPages, indexedPages, outputPath, deleted };
}

/** Hard-links (or, across file systems, copies) one shard's story pages into a folder of their own. */
function stageShard(siteDir: string, shard: SearchShard, stagingDir: string): void {
  rmSync(stagingDir, { recursive: true, force: true });
  for (const slug of shard.slugs) {
    const relative = path.join(storyPath({ id: slug }).slice(1), 'index.html');
    const target = path.join(stagingDir, relative);
    mkdirSync(path.dirname(target), { recursive: true });
    try {
      linkSync(path.join(siteDir, relative), target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
      copyFileSync(path.join(siteDir, relative), target);
    }
  }
}

export interface ShardedIndexPlan {
  /** Every shard of the current archive, the first one at /pagefind/. */
  shards: SearchShard[];
  /** Ids of the shards whose bundles must be built (the others are up to date in siteDir). */
  stale: ReadonlySet<string>;
  /** A folder for staging shards' pages; deleted afterwards. */
  stagingDir: string;
}

/**
 * Builds the bundles of the stale shards, one Pagefind run each, so memory
 * is bounded by the shard size; deletes bundles of shards that are gone.
 * A single shard ('all') is indexed straight from siteDir.
 */
export async function buildSearchShards(siteDir: string, logger: SearchIndexLogger, plan: ShardedIndexPlan): Promise<number> {
  const started = Date.now();
  const shardsDir = path.join(siteDir, 'pagefind', 'shards');
  const wanted = new Set(plan.shards.filter((shard) => shard.path !== '/pagefind/').map((shard) => shard.id));
  if (existsSync(shardsDir)) {
    for (const name of readdirSync(shardsDir)) if (!wanted.has(name)) rmSync(path.join(shardsDir, name), { recursive: true, force: true });
    if (wanted.size === 0) rmSync(shardsDir, { recursive: true, force: true });
  }
  let indexed = 0;
  try {
    for (const shard of plan.shards) {
      if (!plan.stale.has(shard.id)) continue;
      const outputPath = path.join(siteDir, shard.path);
      let counts;
      if (shard.id === 'all') {
        counts = await indexFolder(siteDir, outputPath);
      } else {
        const staged = path.join(plan.stagingDir, shard.id);
        stageShard(siteDir, shard, staged);
        counts = await indexFolder(staged, outputPath);
        rmSync(staged, { recursive: true, force: true });
      }
      if (counts.indexedPages !== shard.slugs.length) {
        throw new Error(`Pagefind indexed ${counts.indexedPages} pages for search shard ${shard.id}, which has ${shard.slugs.length} stories`);
      }
      indexed += counts.indexedPages;
      logger.info(`search shard ${shard.id}: ${counts.indexedPages} pages into ${shard.path} (${counts.deleted} stale files deleted)`);
    }
  } finally {
    rmSync(plan.stagingDir, { recursive: true, force: true });
  }
  const kept = plan.shards.length - plan.stale.size;
  logger.info(
    `Pagefind indexed ${indexed} pages in ${plan.stale.size} of ${plan.shards.length} search shards in ${Date.now() - started} ms${kept > 0 ? ` (${kept} shards unchanged)` : ''}`,
  );
  return indexed;
}

export interface PagefindIntegrationOptions {
  /** Asked when the build is done: the shards and which of them to build. */
  plan: () => ShardedIndexPlan;
}

/** The Astro integration: builds the search index of dist/ when the build is done. */
export default function pagefindIntegration(options: PagefindIntegrationOptions): AstroIntegration {
  return {
    name: 'archive-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const plan = options.plan();
        if (plan.stale.size === 0) {
          logger.info('search index kept: no story text changed since it was built');
          return;
        }
        await buildSearchShards(fileURLToPath(dir), logger, plan);
      },
    },
  };
}
