/**
 * Pagefind, driven through its Node API: builds a bundle from the site's
 * story pages named by slug, and prunes what a rebuilt bundle no longer
 * uses. Only story pages are handed to Pagefind, and within them
 * only the `data-pagefind-body` article counts, so navigation, footers and
 * lists never reach the index. When to index is search-index.ts's job.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { storyPath } from '../domain/paths';
import { slugPattern } from '../domain/schema';
import type { SearchShard } from '../lib/search-shards';

/** Story pages per glob: Pagefind's glob parser gives up somewhere between 5,000 and 8,000 alternatives. */
export const slugsPerGlob = 2000;

/**
 * Globs naming exactly these story pages, as storyPath lays them out in
 * dist/ ('stories/{a,b}/index.html'). Naming the pages lets Pagefind read a
 * shard straight from dist/, which also holds other shards' pages and, until
 * the build ends, pages of deleted stories.
 */
export function storyPageGlobs(slugs: readonly string[]): string[] {
  const globs: string[] = [];
  for (const slug of slugs) {
    // Slugs are lowercase words and hyphens (the schema's slugPattern): never a glob character.
    if (!slugPattern.test(slug)) throw new Error(`cannot index story '${slug}': not a valid slug`);
  }
  // storyPath with a placeholder slug gives what comes before and after the slug: 'stories/' and '/'.
  const [before, after] = storyPath({ id: '\0' }).slice(1).split(encodeURIComponent('\0'));
  for (let i = 0; i < slugs.length; i += slugsPerGlob) {
    globs.push(`${before}{${slugs.slice(i, i + slugsPerGlob).join(',')}}${after}index.html`);
  }
  return globs;
}

export interface SearchIndexSummary {
  /** Pages Pagefind read. */
  storyPages: number;
  /** Pages that made it into the index. */
  indexedPages: number;
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

/** Pages of one bundle read into a running Pagefind index, not yet written (see writeStoryPages). */
export interface ReadPages {
  /** Story pages Pagefind read. */
  storyPages: number;
  slugs: readonly string[];
  siteDir: string;
  index: pagefind.PagefindIndex;
  /** Stops watching for the Pagefind binary's death; called once the bundle is written or given up. */
  release: () => void;
}

/**
 * Starts a Pagefind service and reads the pages of these stories in siteDir into a new index: the first
 * and cheaper part of building a bundle (at 10,000 stories about a third of the time, a quarter of the
 * memory), which can run while Astro is still rendering other pages. Only one index may be open at a time.
 */
export async function readStoryPages(siteDir: string, slugs: readonly string[]): Promise<ReadPages> {
  // If the Pagefind binary dies (the kernel kills it when memory runs out), the Node API's promise
  // never settles and Node would exit 0 with no index: make that a failed build instead.
  const stoppedEarly = (): void => {
    process.exitCode = 1;
    console.error(`Pagefind stopped before writing a search index in ${siteDir} (killed, perhaps out of memory): the build has no search index.`);
  };
  process.once('beforeExit', stoppedEarly);
  const release = (): void => {
    process.off('beforeExit', stoppedEarly);
  };
  try {
    // Every page is English; forcing it keeps one index instead of an 'unknown' one per stray page.
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    failOn('createIndex', errors);
    if (!index) throw new Error('Pagefind createIndex returned no index');
    let storyPages = 0;
    for (const glob of storyPageGlobs(slugs)) {
      const added = await index.addDirectory({ path: siteDir, glob });
      failOn('addDirectory', added.errors);
      storyPages += added.page_count;
    }
    return { storyPages, slugs, siteDir, index, release };
  } catch (error) {
    release();
    await pagefind.close();
    throw error;
  }
}

/** Gives up pages read but not written, and stops the Pagefind service. */
export async function discardStoryPages(read: ReadPages): Promise<void> {
  read.release();
  await pagefind.close();
}

/**
 * Writes the pages read by readStoryPages as the bundle at `outputPath` (replacing what an earlier bundle
 * there held), stops the Pagefind service, and returns how many pages Pagefind read and the bundle holds.
 */
export async function writeStoryPages(read: ReadPages, outputPath: string): Promise<SearchIndexSummary> {
  const { storyPages, slugs, siteDir } = read;
  try {
    const written = await read.index.writeFiles({ outputPath });
    failOn('writeFiles', written.errors);
  } finally {
    read.release();
    // The Node API runs a Pagefind binary as a service; it must stop or the build hangs. Stopping it
    // after each bundle also hands its memory back before the next one.
    await pagefind.close();
  }
  const deleted = await pruneBundle(outputPath);
  const indexedPages = await countIndexedPages(outputPath);
  if (storyPages !== slugs.length) throw new Error(`Pagefind found ${storyPages} of ${slugs.length} story pages in ${siteDir}`);
  if (indexedPages !== storyPages) {
    throw new Error(`Pagefind indexed ${indexedPages} of ${storyPages} story pages: every story page must carry data-pagefind-body`);
  }
  return { storyPages, indexedPages, deleted };
}

/**
 * Indexes the pages of these stories in siteDir into the bundle at
 * `outputPath` (replacing what an earlier bundle there held) and returns
 * how many pages Pagefind read and how many the bundle holds.
 */
export async function indexStoryPages(siteDir: string, slugs: readonly string[], outputPath: string): Promise<SearchIndexSummary> {
  return writeStoryPages(await readStoryPages(siteDir, slugs), outputPath);
}

/** Builds one shard's bundle from its pages in siteDir. */
export async function indexShard(siteDir: string, shard: SearchShard): Promise<SearchIndexSummary> {
  return indexStoryPages(siteDir, shard.slugs, path.join(siteDir, shard.path));
}
/** Deletes the bundles of shards the archive no longer has. */
export function removeGoneShards(siteDir: string, shards: readonly SearchShard[]): void {
  const shardsDir = path.join(siteDir, 'pagefind', 'shards');
  if (!existsSync(shardsDir)) return;
  const wanted = new Set(shards.filter((shard) => shard.path !== '/pagefind/').map((shard) => shard.id));
  for (const name of readdirSync(shardsDir)) if (!wanted.has(name)) rmSync(path.join(shardsDir, name), { recursive: true, force: true });
  if (wanted.size === 0) rmSync(shardsDir, { recursive: true, force: true });
}
