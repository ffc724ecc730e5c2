/**
 * Search over an index in shards, as a large archive is built: a generated
 * archive of 60 stories indexed in shards of 12 (ARCHIVE_SEARCH_SHARD_SIZE),
 * served and searched in Chromium. Every story must be found once, and a
 * search sorted by date must run newest first across shard boundaries.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storyPath } from '@/domain/paths';
import type { Article } from '@/domain/schema';
import { orderFilterValues } from '@/scripts/search/filter-groups';
import { launchBrowser, type LaunchedBrowser } from '../support/browser';
import { buildFixtureArchive, generateArchive, readArticles, type FixtureBuild } from '../support/fixture-build';
import { serveStatic, type RunningServer } from '../support/static-server';
import { openSearch, resultPaths, searchUrl, statusText } from './search-support';

const count = 60;
const shardSize = 12;
const work = mkdtempSync(path.join(tmpdir(), 'archive-shards-'));
let build: FixtureBuild;
let server: RunningServer;
let browser: LaunchedBrowser;
let articles: Article[];

beforeAll(async () => {
  const articlesDir = await generateArchive(work, { count, seed: 23 });
  articles = readArticles(articlesDir);
  build = buildFixtureArchive(articlesDir, { env: { ARCHIVE_SEARCH_SHARD_SIZE: String(shardSize) } });
  if (build.status !== 0) throw new Error(`build failed:\n${build.output}`);
  server = await serveStatic(build.outDir);
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  build?.cleanup();
  rmSync(work, { recursive: true, force: true });
});

/** The shards the search page was told about, newest first. */
function shardList(): { id: string; path: string }[] {
  const html = readFileSync(path.join(build.outDir, 'search', 'index.html'), 'utf8');
  const json = /<script type="application\/json" id="search-shards">([^<]*)<\/script>/.exec(html)?.[1];
  expect(json).toBeDefined();
  return JSON.parse(json!) as { id: string; path: string }[];
}

describe('an index in shards', () => {
  it('writes one bundle per shard of at most the shard size, every story in exactly one', () => {
    const shards = shardList();
    expect(shards.length).toBeGreaterThanOrEqual(Math.ceil(count / shardSize));
    let pages = 0;
    for (const shard of shards) {
      const entryFile = path.join(build.outDir, shard.path, 'pagefind-entry.json');
      expect(existsSync(entryFile), entryFile).toBe(true);
      const entry = JSON.parse(readFileSync(entryFile, 'utf8')) as { languages: Record<string, { page_count: number }> };
      const shardPages = Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
      expect(shardPages).toBeLessThanOrEqual(shardSize);
      pages += shardPages;
    }
    expect(pages).toBe(count);
    expect(shards.filter((shard) => shard.path === '/pagefind/')).toHaveLength(1);
  });

  it('finds every story once, whichever shard it is in', async () => {
    const page = await browser.context.newPage();
    // 'Undated' or a year: every story has exactly one year value, so all years together are every story.
    const years = orderFilterValues('year', articles.map((article) => article.date?.slice(0, 4) ?? 'Undated'));
    const url = searchUrl({ query: '', filters: { operation: [], year: years, outlet: [], place: [] } });
    await openSearch(page, server.url, url);
    expect(await statusText(page)).toMatch(new RegExp(`\\b${count}\\b`));
    await page.close();
  });

  /** Every result of the search on the page, clicking 'more' until there is none. */
  const allResults = async (page: Page): Promise<string[]> => {
    const more = page.locator('[data-search-more]');
    while (await more.isVisible()) {
      const before = (await resultPaths(page)).length;
      await more.click();
      await page.waitForFunction((n) => document.querySelectorAll('[data-search-results] .search-result').length > n, before);
    }
    return resultPaths(page);
  };

  it('finds only stories with every word, even where a shard lacks one of them', async () => {
    const page = await browser.context.newPage();
    await openSearch(page, server.url, searchUrl({ query: '' }));
    // A word some shards hold and others do not: there Pagefind would answer without it.
    // The page's own Pagefind, every shard merged into it and tagged with its shard filter; a search
    // filtered to no shard counts a word's pages per shard. A string: vitest rewrites import() in functions.
    const words = ['independence', 'innocence', 'cross'];
    const perShard = (await page.evaluate(`(async () => {
      const pagefind = await import('/pagefind/pagefind.js');
      const counts = {};
      for (const word of ${JSON.stringify(words)}) counts[word] = (await pagefind.search(word, { filters: { shard: { any: ['none'] } } })).totalFilters.shard ?? {};
      return counts;
    })()`)) as Record<string, Record<string, number>>;
    const shardIds = shardList().map((shard) => shard.id);
    const partial = Object.keys(perShard).find((word) => shardIds.some((id) => (perShard[word]![id] ?? 0) === 0) && shardIds.some((id) => (perShard[word]![id] ?? 0) > 0));
    expect(partial, JSON.stringify(perShard)).toBeDefined();
    const common = 'operation';
    const found = async (query: string): Promise<string[]> => {
      await openSearch(page, server.url, searchUrl({ query }));
      return (await allResults(page)).sort();
    };
    const withPartial = new Set(await found(partial!));
    const withCommon = await found(common);
    const both = await found(`${partial} ${common}`);
    expect(both.length).toBeGreaterThan(0);
    expect(both).toEqual(withCommon.filter((story) => withPartial.has(story)));
    expect(await statusText(page)).toContain(`${both.length} ${both.length === 1 ? 'story matches' : 'stories match'}`);
    await page.close();
  });

  it('sorts by date across shard boundaries, newest first, undated last', async () => {
    const page = await browser.context.newPage();
    const term = 'trafficking';
    // The merged search (by relevance) says which stories match; sorted by date, the same ones must come.
    await openSearch(page, server.url, searchUrl({ query: term }));
    const matching = await allResults(page);
    expect(matching.length).toBeGreaterThan(2 * shardSize);
    expect(new Set(matching).size).toBe(matching.length);
    await openSearch(page, server.url, searchUrl({ query: term, sort: 'date' }));
    const paths = await allResults(page);
    expect([...paths].sort()).toEqual([...matching].sort());
    const dateOf = new Map(articles.map((article) => [storyPath({ id: article.slug }), article.date ?? '0000-00-00']));
    const dates = paths.map((found) => dateOf.get(found)!);
    expect(dates).toEqual([...dates].sort().reverse());
    await page.close();
  });
});
