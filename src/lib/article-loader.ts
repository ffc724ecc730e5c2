/**
 * A content-layer loader for the article copies. Unlike the glob loader it
 * does not run Astro's Markdown pipeline: it splits the body into sentences
 * once, and skips files whose digest it has already stored, so a rebuild only
 * reads what changed.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Loader } from 'astro/loaders';
import { parseArticleFile } from './article-file';
import { splitSentences } from './sentences';

export interface ArticleLoaderOptions {
  /** Folder of `*.md` copies, relative to the project root or absolute. */
  directory: string;
}

/** Loads every `*.md` in the folder as one story, keyed by its slug. */
export function articleLoader({ directory }: ArticleLoaderOptions): Loader {
  return {
    name: 'article-loader',
    load: async ({ store, parseData, generateDigest, logger, config }) => {
      const siteRoot = config.root.pathname;
      const root = path.resolve(siteRoot, directory);
      const names = (await readdir(root)).filter((name) => name.endsWith('.md')).sort();
      const seen = new Map<string, string>();
      let parsed = 0;
      for (const name of names) {
        // The store wants paths relative to the project, even for a folder outside it.
        const filePath = path.relative(siteRoot, path.join(root, name));
        const raw = await readFile(path.join(root, name), 'utf8');
        const digest = generateDigest(raw);
        const slug = /^slug:\s*['"]?([a-z0-9-]+)/m.exec(raw)?.[1];
        const stored = slug === undefined ? undefined : store.get(slug);
        if (stored && stored.digest === digest && stored.filePath === filePath) {
          seen.set(slug!, filePath);
          continue;
        }
        let file;
        try {
          file = parseArticleFile(raw);
        } catch (error) {
          throw new Error(`${filePath}: cannot read frontmatter: ${(error as Error).message}`);
        }
        const id = String(file.data['slug'] ?? '');
        if (seen.has(id)) throw new Error(`${filePath}: slug '${id}' is already used by ${seen.get(id)}`);
        const data = await parseData({
          id,
          filePath,
          data: { ...file.data, paragraphs: file.paragraphs.map(splitSentences) },
        });
        store.set({ id, data, digest, filePath });
        seen.set(id, filePath);
        parsed += 1;
      }
      for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
      logger.info(`${names.length} stories, ${parsed} parsed, ${names.length - parsed} unchanged`);
    },
  };
}
