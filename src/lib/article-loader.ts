/**
 * A content-layer loader for the article copies. Unlike the glob loader it
 * does not run Astro's Markdown pipeline: it validates each copy with the
 * article schema, splits its body into sentences once, and caches the
 * validated story in a detail file keyed by the copy's digest. The collection
 * store keeps only that file's path, because Astro bundles the store into
 * the build.
 * Unchanged copies are skipped on rebuild: a copy whose file stat is the one
 * recorded by the last sync or ingest (copy-stats.ts) is not even read.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { getHeapStatistics } from 'node:v8';
import type { DataStore, Loader } from 'astro/loaders';
import { parseArticleFile } from '../domain/article-file';
import { getBuildState } from './build-state';
import { summariseCollection } from './content-sync-check';
import { copyStatsName, readCopyStats, writeCopyStats } from './copy-stats';
import { readFile, stat } from './fs-callbacks';
import { heapAdvice } from './heap-size';
import { articleSchema, describeSchemaError } from '../domain/schema';
import { sha256 } from '../domain/sha256';
import { splitSentences } from '../domain/sentences';
import { detailFileName, writeStoryDetail } from './story-detail';
import { storyDetail } from '../domain/story-record';

export interface ArticleLoaderOptions {
  /** Folder of `*.md` copies, relative to the project root or absolute. */
  directory: string;
}

/** What the loader hands the store for one story. */
type StoreEntry = Parameters<DataStore['set']>[0];

/** Reads more files at once than one, fewer than would exhaust file handles. */
const readConcurrency = 32;

/** The slug line of a copy's frontmatter, found without parsing the YAML. */
function slugLine(raw: string): string | undefined {
  return /^slug:\s*['"]?([a-z0-9-]+)/m.exec(raw)?.[1];
}

/** Loads every `*.md` in the folder as one story, keyed by its slug. */
export function articleLoader({ directory }: ArticleLoaderOptions): Loader {
  return {
    name: 'article-loader',
    load: async ({ store, parseData, generateDigest, logger, config }) => {
      const siteRoot = config.root.pathname;
      const root = path.resolve(siteRoot, directory);
      const detailRoot = path.join(config.cacheDir.pathname, 'story-details');
      const names = (await readdir(root)).filter((name) => name.endsWith('.md')).sort();
      // Better said now than as 'JavaScript heap out of memory' ten minutes into a large build.
      const advice = heapAdvice(names.length, getHeapStatistics().heap_size_limit);
      if (advice !== null) logger.warn(advice);
      const seen = new Map<string, string>();
      let parsed = 0;
      let read = 0;
      const started = Date.now();
      const copyStats = readCopyStats(root);
      /** Entries to store once every copy is read: see storeAtOnce. */
      const changed: StoreEntry[] = [];

      const loadOne = async (name: string): Promise<void> => {
        // The store wants paths relative to the project, even for a folder outside it.
        const filePath = path.relative(siteRoot, path.join(root, name));
        const stats = await stat(path.join(root, name), { bigint: true });
        const known = copyStats.get(name, stats);
        let raw: string | undefined;
        let digest: string;
        let slug: string | undefined;
        if (known?.synced !== undefined) {
          ({ digest, slug } = known.synced);
          copyStats.set(name, stats, known);
        } else {
          read += 1;
          const bytes = await readFile(path.join(root, name));
          raw = bytes.toString('utf8');
          digest = generateDigest(raw);
          slug = slugLine(raw);
          copyStats.set(name, stats, { sha256: sha256(bytes), ...(slug === undefined ? {} : { synced: { digest, slug } }) });
        }
        const stored = slug === undefined ? undefined : store.get(slug);
        const storedDetail = stored?.data['detail'];
        const current = slug === undefined ? undefined : path.join(detailRoot, detailFileName(slug, digest));
        if (stored && current !== undefined && stored.digest === generateDigest(current) && stored.filePath === filePath && storedDetail === current && existsSync(current)) {
          claim(slug!, filePath);
          return;
        }
        if (raw === undefined) {
          read += 1;
          raw = await readFile(path.join(root, name), 'utf8');
        }
        let file;
        try {
          file = parseArticleFile(raw);
        } catch (error) {
          throw new Error(`${filePath}: cannot read its frontmatter: ${(error as Error).message}`);
        }
        const checked = articleSchema.safeParse(file.data);
        if (!checked.success) throw new Error(`${filePath}: frontmatter does not fit the article schema: ${describeSchemaError(checked.error)}`);
        // The slug becomes the store's key for the whole build. As parsed it is a slice of the raw copy, and
        // V8 keeps a slice's whole parent string alive: 98 MB of raw copies at 10,000 stories. Keep a copy.
        const article = { ...checked.data, slug: ownString(checked.data.slug) };
        const story = storyDetail({ ...article, paragraphs: file.paragraphs.map(splitSentences) });
        // Provenance: a figure whose sentence is not in the body could not link to it.
        const missing = story.figureSentences.findIndex((number) => number === null);
        if (missing >= 0) throw new Error(`${filePath}: figures.${missing}.sentence is not a sentence of the body, so the figure cannot cite it`);
        claim(article.slug, filePath);
        const detail = path.join(detailRoot, detailFileName(article.slug, digest));
        await writeStoryDetail(detail, story);
        const data = await parseData({ id: article.slug, filePath, data: { detail } });
        // Astro keeps an entry whose digest is unchanged, whatever its new data. The detail file's name
        // holds the copy's digest and the detail format, so a new format replaces the entry too.
        changed.push({ id: article.slug, data, digest: generateDigest(detail), filePath });
        parsed += 1;
      };

      const claim = (id: string, filePath: string): void => {
        const other = seen.get(id);
        if (other !== undefined) throw new Error(`${filePath}: slug '${id}' is already used by ${other}`);
        seen.set(id, filePath);
      };

      await mkdir(detailRoot, { recursive: true });
      for (let index = 0; index < names.length; index += readConcurrency) {
        await Promise.all(names.slice(index, index + readConcurrency).map(loadOne));
      }
      try {
        writeCopyStats(root, copyStats);
      } catch (error) {
        // Only time is lost: the next sync reads every copy again.
        logger.warn(`cannot save ${path.join(root, copyStatsName)}: ${(error as Error).message}`);
      }
      storeAtOnce(store, changed, (id) => seen.has(id));
      await removeStaleDetails(detailRoot, new Set(store.values().map((entry) => path.basename(String(entry.data['detail'])))));
      const state = getBuildState();
      if (state) state.synced = summariseCollection(store.values().map((entry) => ({ id: entry.id, detail: String(entry.data['detail']) })));
      const trusted = names.length - read;
      logger.info(
        `${names.length} stories: ${parsed} parsed, ${names.length - parsed} unchanged (${trusted} known by their file's stat, not read), in ${Date.now() - started} ms`,
      );
    },
  };
}

/**
 * Stores the new and changed entries and deletes the ones whose copy is gone, all in one synchronous
 * run. Astro saves its store 500 ms after the last change to it, and a save asked for while one is
 * being written is dropped (Astro 5's MutableDataStore), so a pause of half a second midway through
 * a long sync (100,000 copies) left the file with part of the store, and the build failed its
 * content check and started again. With every change made at once, the first save is of the whole.
 */
function storeAtOnce(store: DataStore, entries: readonly StoreEntry[], keep: (id: string) => boolean): void {
  for (const entry of entries) store.set(entry);
  for (const id of store.keys()) if (!keep(id)) store.delete(id);
}

/** A string with its own characters, not a slice holding on to a larger one. */
export function ownString(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}

/** Deletes detail files that no stored story points to any more (older versions of edited copies). */
async function removeStaleDetails(detailRoot: string, current: Set<string>): Promise<void> {
  if (!existsSync(detailRoot)) return;
  const stale = (await readdir(detailRoot)).filter((name) => !current.has(name));
  await Promise.all(stale.map((name) => rm(path.join(detailRoot, name), { force: true })));
}
