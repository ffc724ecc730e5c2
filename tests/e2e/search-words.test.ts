/**
 * Given the real archive, built and indexed: a search finds what the
 * stories say, not what Pagefind guesses. A word in no story finds nothing
 * (Pagefind on its own falls back to the longest prefix of it that is in the
 * index), an operation's alias finds every story of the operation, and an
 * excerpt quotes the article's own sentences.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, type LaunchedBrowser } from '../support/browser.ts';
import { openSearch, readStoryFacts, resultPaths, searchUrl, statusText, type StoryFacts } from './search-support.ts';

const baseUrl = (): string => inject('baseUrl');

describe('search finds what the stories say', () => {
  let browser: LaunchedBrowser;
  let page: Page;
  let stories: StoryFacts[];

  beforeAll(async () => {
    stories = readStoryFacts();
    browser = await launchBrowser();
    page = await browser.context.newPage();
  });
  afterAll(async () => {
    await browser.close();
  });

  it.each([
    ['policexyz', /\bpolice\b/i],
    ['charlottesville', /\bcharlotte\b/i],
    ['XIII', /\bXI\b/],
    ['children policexyz', /\bpolice\b/i],
  ])('%j, with a word no story holds, finds no story', async (query, prefixInStories) => {
    // Pagefind alone would find the stories holding a prefix of the absent word.
    expect(stories.some((story) => prefixInStories.test(story.source))).toBe(true);
    await openSearch(page, baseUrl(), searchUrl({ query }));
    expect(await resultPaths(page)).toEqual([]);
    expect(await statusText(page)).toBe(`No stories match “${query}”.`);
  });

  it("'XI' still finds the story of edition XI", async () => {
    await openSearch(page, baseUrl(), searchUrl({ query: 'XI' }));
    expect(await resultPaths(page)).toEqual(stories.filter((story) => /\bXI\b/.test(story.source)).map((story) => story.path));
  });

  it("'Cross County', an alias in the catalogue, finds every story of Operation Cross Country", async () => {
    const expected = stories
      .filter((story) => story.filters.operation.includes('Operation Cross Country'))
      .map((story) => story.path)
      .sort();
    const misspelt = stories.filter((story) => /Cross County/.test(story.source)).map((story) => story.path);
    expect(expected.length).toBeGreaterThan(misspelt.length);
    await openSearch(page, baseUrl(), searchUrl({ query: 'Cross County' }));
    expect((await resultPaths(page)).sort()).toEqual(expected);
  });

  it.each(['children recovered', 'charlotte', 'Independence Day'])('the excerpts for %j are sentences of the article, not the figures panel', async (query) => {
    await openSearch(page, baseUrl(), searchUrl({ query }));
    const results = await page.locator('.search-result').evaluateAll((items) =>
      items.map((item) => ({
        path: new URL(item.querySelector('h3 a')!.getAttribute('href')!, location.href).pathname,
        excerpt: item.querySelector('.search-result-excerpt')?.textContent ?? '',
      })),
    );
    expect(results.length).toBeGreaterThan(0);
    for (const result of results) {
      const story = stories.find((candidate) => candidate.path === result.path)!;
      const words = result.excerpt.replace(/[.…]+$/, '').trim();
      const source = story.source.replace(/\s+/g, ' ');
      expect(source, `${query}: ${result.excerpt}`).toContain(words.slice(0, 40));
    }
  });
});
