/**
 * The search index: Pagefind over the built site, run once Astro has
 * written every page (its own process has exited, so the two never hold
 * memory at once). Only story pages are read, and within them only the
 * `data-pagefind-body` article, so lists, navigation and footers never
 * reach the index.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { storyPath } from '../domain/paths.ts';

export interface SearchIndexSummary {
  /** Pages Pagefind read from the site. */
  pages: number;
  /** Pages the bundle holds: those with `data-pagefind-body`. */
  indexedPages: number;
}

/** Where storyPath puts every story page. */
const storyPageGlob = `${storyPath({ id: 'x' }).slice(1).replace('x', '*')}index.html`;

function failOn(step: string, errors: readonly string[]): void {
  if (errors.length > 0) throw new Error(`Pagefind ${step} failed:\n${errors.join('\n')}`);
}

/** Sums the pages of every language in the bundle's entry file: what the browser will search. */
async function countIndexedPages(outputPath: string): Promise<number> {
  const entry = JSON.parse(await readFile(path.join(outputPath, 'pagefind-entry.json'), 'utf8')) as { languages?: Record<string, { page_count?: number }> };
  return Object.values(entry.languages ?? {}).reduce((sum, language) => sum + (language.page_count ?? 0), 0);
}

/**
 * Indexes the site in `siteDir` into `siteDir/pagefind/`. Fails when the
 * number of pages indexed is not `expectedPages` (one per story): a story
 * page without `data-pagefind-body` or its sort key would silently vanish
 * from search otherwise.
 */
export async function indexSite(siteDir: string, expectedPages: number): Promise<SearchIndexSummary> {
  const outputPath = path.join(siteDir, 'pagefind');
  let pages: number;
  try {
    // Every page is English; forcing it keeps one index instead of an 'unknown' one per stray page.
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    failOn('createIndex', errors);
    if (!index) throw new Error('Pagefind createIndex returned no index');
    // Story pages only: an archive with none must give an empty index, not one of its other pages.
    const added = await index.addDirectory({ path: siteDir, glob: storyPageGlob });
    failOn('addDirectory', added.errors);
    pages = added.page_count;
    failOn('writeFiles', (await index.writeFiles({ outputPath })).errors);
  } finally {
    // The Node API runs a Pagefind binary as a service; it must stop or the process hangs.
    await pagefind.close();
  }
  const indexedPages = await countIndexedPages(outputPath);
  if (indexedPages !== expectedPages) {
    throw new Error(
      `Pagefind indexed ${indexedPages} pages, but the archive has ${expectedPages} stories: every story page must carry data-pagefind-body and data-pagefind-sort`,
    );
  }
  return { pages, indexedPages };
}
