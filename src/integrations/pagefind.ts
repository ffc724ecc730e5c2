/**
 * Builds the Pagefind search index once Astro has written dist/, so
 * `npm run build` leaves a complete static site with its index in
 * dist/pagefind/. Only story pages are handed to Pagefind, and within them
 * only the `data-pagefind-body` article counts, so navigation, footers and
 * lists never reach the index.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { storyPath } from '../lib/paths';

/** Story pages as storyPath lays them out in dist/: 'stories/*\/index.html'. */
export const storyPageGlob = `${storyPath({ id: '*' }).slice(1)}index.html`;

export interface SearchIndexSummary {
  /** Story pages Pagefind found in dist/. */
  storyPages: number;
  /** Pages that made it into the index. */
  indexedPages: number;
  /** Where the bundle was written (dist/pagefind). */
  outputPath: string;
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

/**
 * Indexes the story pages under `siteDir` and writes the bundle to
 * `siteDir/pagefind`. Throws when Pagefind reports errors, or when a story
 * page found on disk is missing from the index (it lacks data-pagefind-body).
 */
export async function buildSearchIndex(siteDir: string, logger: SearchIndexLogger): Promise<SearchIndexSummary> {
  const outputPath = path.join(siteDir, 'pagefind');
  const started = Date.now();
  let storyPages = 0;
  // If the Pagefind binary dies (the kernel kills it when memory runs out), the Node API's promise
  // never settles and Node would exit 0 with no index: make that a failed build instead.
  const stoppedEarly = (): void => {
    process.exitCode = 1;
    console.error(`Pagefind stopped before writing the index of ${siteDir} (killed, perhaps out of memory): the build has no search index.`);
  };
  process.once('beforeExit', stoppedEarly);
  try {
    // Every page is English; forcing it keeps one index instead of an 'unknown' one per stray page.
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    failOn('createIndex', errors);
    if (!index) throw new Error('Pagefind createIndex returned no index');
    const added = await index.addDirectory({ path: siteDir, glob: storyPageGlob });
    failOn('addDirectory', added.errors);
    storyPages = added.page_count;
    logger.info(`Pagefind read ${storyPages} story pages (${storyPageGlob})`);
    const written = await index.writeFiles({ outputPath });
    failOn('writeFiles', written.errors);
  } finally {
    process.off('beforeExit', stoppedEarly);
    // The Node API runs a Pagefind binary as a service; it must stop or the build hangs.
    await pagefind.close();
  }
  const indexedPages = await countIndexedPages(outputPath);
  if (indexedPages !== storyPages) {
    throw new Error(
      `Pagefind indexed ${indexedPages} of ${storyPages} story pages: every story page must carry data-pagefind-body`,
    );
  }
  logger.info(`Pagefind indexed ${indexedPages} pages into ${path.relative(process.cwd(), outputPath)} in ${Date.now() - started} ms`);
  return { storyPages, indexedPages, outputPath };
}

/** The Astro integration: runs buildSearchIndex on dist/ when the build is done. */
export default function pagefindIntegration(): AstroIntegration {
  return {
    name: 'archive-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        await buildSearchIndex(fileURLToPath(dir), logger);
      },
    },
  };
}
