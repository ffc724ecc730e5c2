/**
 * The content-layer loader for the article copies. Astro's glob loader is
 * not used because it reads frontmatter with its own parser (YAML or TOML)
 * and follows symbolic links; the archive's copies are read by the same
 * YAML-only parser ingest writes them with (src/domain/article-file.ts), and
 * only regular files inside the folder are read. The body is split into
 * paragraphs of sentences once, here, so pages never parse Markdown.
 *
 * A copy whose bytes are unchanged since the last build keeps its stored
 * entry (matched by digest and file) and is not parsed again: at 10,000
 * copies a rebuild's CPU went from 93-104 s to 85 s, its start-up and content
 * sync from 39 to 30 s (docs/benchmarks.md, (c)).
 */
import { lstat, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Loader } from 'astro/loaders';
import { parseArticleFile } from '../domain/article-file.ts';
import type { StoredArticle } from '../domain/schema.ts';
import { splitSentences } from '../domain/sentences.ts';
import { figureSentenceNumbers } from '../domain/story-sentences.ts';

export interface ArticleLoaderOptions {
  /** Folder of `*.md` copies, relative to the project root or absolute. */
  directory: string;
}

/** Files read at once: enough to keep the disk busy, few enough to stay far from the file-handle limit. */
const readConcurrency = 32;

/** Loads every `*.md` in the folder as one story, keyed by its slug. */
export function articleLoader({ directory }: ArticleLoaderOptions): Loader {
  return {
    name: 'article-loader',
    load: async (context) => {
      const { store, logger, config } = context;
      const siteRoot = config.root.pathname;
      const root = path.resolve(siteRoot, directory);
      const names = (await readdir(root)).filter((name) => name.endsWith('.md')).sort();
      const known = new Map<string, string>();
      for (const [id, entry] of store.entries()) if (entry.digest !== undefined) known.set(`${entry.filePath ?? ''}\0${String(entry.digest)}`, id);
      const owners = new Map<string, string>();
      const claim = (slug: string, filePath: string): void => {
        const other = owners.get(slug);
        if (other !== undefined) throw new Error(`${filePath}: its slug '${slug}' is already the slug of ${other}; every story needs its own`);
        owners.set(slug, filePath);
      };
      let parsed = 0;

      const loadOne = async (name: string): Promise<void> => {
        const file = path.join(root, name);
        // The store wants paths relative to the project, even for a folder outside it.
        const filePath = path.relative(siteRoot, file);
        const info = await lstat(file);
        if (!info.isFile()) throw new Error(`${filePath}: is not a regular file (a link or a folder); copies must be files inside ${directory}`);
        const raw = await readFile(file, 'utf8');
        const digest = context.generateDigest(raw);
        const unchanged = known.get(`${filePath}\0${digest}`);
        if (unchanged !== undefined) {
          claim(unchanged, filePath);
          return;
        }
        let copy;
        try {
          copy = parseArticleFile(raw);
        } catch (error) {
          throw new Error(`${filePath}: cannot read its frontmatter: ${(error as Error).message}`);
        }
        const slug = typeof copy.data['slug'] === 'string' ? copy.data['slug'] : name.replace(/\.md$/, '');
        // parseData validates with the collection's schema (storedArticleSchema) and names the file in its errors.
        const data = (await context.parseData({
          id: slug,
          data: { ...copy.data, paragraphs: copy.paragraphs.map(splitSentences) },
          filePath,
        })) as StoredArticle;
        // Provenance: a figure whose sentence is not in the body could not link to it.
        const missing = figureSentenceNumbers(data.paragraphs, data.figures).indexOf(null);
        if (missing >= 0) throw new Error(`${filePath}: figures.${missing}.sentence is not a sentence of the body, so the figure cannot cite it`);
        claim(data.slug, filePath);
        // A copy whose slug was edited leaves its old entry behind: dropped below with every unclaimed one.
        store.set({ id: data.slug, data, digest, filePath });
        parsed += 1;
      };

      for (let index = 0; index < names.length; index += readConcurrency) {
        await Promise.all(names.slice(index, index + readConcurrency).map(loadOne));
      }
      for (const id of store.keys()) if (!owners.has(id)) store.delete(id);
      logger.info(`${names.length} stories: ${parsed} read, ${names.length - parsed} unchanged`);
    },
  };
}
