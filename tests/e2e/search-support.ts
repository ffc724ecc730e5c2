/**
 * Shared by the search browser tests: what the real content says each story
 * should match (read from content/, never hard-coded), and small helpers to
 * drive /search/ and read what a reader sees there.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { parseArticleFile } from '@/domain/article-file';
import { storyPath } from '@/domain/paths';
import { articleSchema } from '@/domain/schema';
import { noFilters, searchStateUrl, type FilterKey, type SearchState } from '@/scripts/search/search-state';
import { projectRoot } from '../support/dist.ts';

export interface StoryFacts {
  /** The story's permalink path. */
  path: string;
  /** The raw source text the story was made from. */
  source: string;
  /** The filter values the story page must declare, by the contract with the story pages. */
  filters: Record<FilterKey, string[]>;
  date: string | null;
}

/** Every story in content/articles, with its source text and expected filter values. */
export function readStoryFacts(): StoryFacts[] {
  const operations = JSON.parse(readFileSync(path.join(projectRoot, 'content', 'operations.json'), 'utf8')) as { id: string; name: string }[];
  const nameOf = new Map(operations.map((operation) => [operation.id, operation.name]));
  const folder = path.join(projectRoot, 'content', 'articles');
  return readdirSync(folder)
    .filter((name) => name.endsWith('.md'))
    .map((name) => {
      const article = articleSchema.parse(parseArticleFile(readFileSync(path.join(folder, name), 'utf8')).data);
      const filters = noFilters();
      filters.operation = [...new Set(article.operations.map((mention) => nameOf.get(mention.id) ?? mention.id))];
      filters.year = [article.date ? article.date.slice(0, 4) : 'Undated'];
      filters.outlet = article.outlet ? [article.outlet] : [];
      filters.place = article.dateline ? [article.dateline] : [];
      return {
        path: storyPath({ id: article.slug }),
        source: readFileSync(path.join(projectRoot, 'content', 'sources', article.source.file), 'utf8'),
        filters,
        date: article.date,
      };
    });
}

/** The URL the search page shows for a search, as its own code writes it. */
export function searchUrl(state: Partial<SearchState> & { query: string }): string {
  return searchStateUrl({ filters: noFilters(), sort: 'relevance', ...state });
}

/** Waits until the page has shown the search whose URL is `url`; fails at once if the page reports an error. */
export async function waitForSearch(page: Page, url: string): Promise<void> {
  const outcome = await page.waitForFunction((expected) => {
    const status = document.querySelector<HTMLElement>('[data-search-status]');
    if (status?.dataset['state'] === 'error') return `error: ${status.textContent ?? ''}`;
    return status?.dataset['state'] === 'ready' && status.dataset['url'] === expected ? 'ready' : null;
  }, url);
  const state = await outcome.jsonValue();
  if (state !== 'ready') throw new Error(`search page at ${page.url()} (waiting for ${url}): ${state}`);
}

/** Opens a search URL and waits for its results. */
export async function openSearch(page: Page, baseUrl: string, url: string): Promise<void> {
  await page.goto(`${baseUrl}${url}`);
  await waitForSearch(page, url);
}

/** The story paths the results link to, in order, without the highlight parameter. */
export async function resultPaths(page: Page): Promise<string[]> {
  const hrefs = await page.locator('[data-search-results] .search-result h3 a').evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
  return hrefs.map((href) => new URL(href).pathname);
}

/** The live region's words. */
export async function statusText(page: Page): Promise<string> {
  return (await page.locator('[data-search-status]').textContent())?.trim() ?? '';
}

/** Paths of the stories whose source text matches `pattern`, sorted. */
export function storiesMatching(stories: readonly StoryFacts[], pattern: RegExp): string[] {
  return stories
    .filter((story) => pattern.test(story.source.replace(/\s+/g, ' ')))
    .map((story) => story.path)
    .sort();
}
