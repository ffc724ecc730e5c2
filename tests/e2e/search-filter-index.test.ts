/**
 * The search page offers its filters from values written at build time and
 * fetches Pagefind's filter index only when a reader reaches for the filters:
 * on a big archive that index is the largest thing the page would load.
 */
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, type LaunchedBrowser } from '../support/browser.ts';
import { openSearch, readStoryFacts, searchUrl, waitForSearch } from './search-support.ts';

describe('the filter index is loaded on demand', () => {
  let browser: LaunchedBrowser;
  let page: Page;
  const filterRequests: string[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.context.newPage();
    page.on('request', (request: Request) => {
      if (new URL(request.url()).pathname.startsWith('/pagefind/filter/')) filterRequests.push(request.url());
    });
  });
  afterAll(async () => {
    await browser.close();
  });

  it('offers every operation with its story count before any search, without the filter index', async () => {
    await page.goto(`${inject('baseUrl')}/search/`);
    await page.locator('[data-search-filters] input[name="operation"]').first().waitFor();
    const labels = await page.locator('[data-search-filters] fieldset').first().locator('label').allTextContents();
    const stories = readStoryFacts();
    const names = [...new Set(stories.flatMap((story) => story.filters.operation))].sort();
    const expected = names.map((name) => `${name} (${stories.filter((story) => story.filters.operation.includes(name)).length})`);
    expect(labels.map((label) => label.trim()).sort()).toEqual(expected);
    expect(filterRequests).toEqual([]);
  });

  it('shows a search without counts, then loads the index and counts when the filters are used', async () => {
    const url = searchUrl({ query: 'recovered' });
    await openSearch(page, inject('baseUrl'), url);
    expect(filterRequests).toEqual([]);
    const firstCount = page.locator('[data-search-filters] .search-count').first();
    expect((await firstCount.textContent()) ?? '').toBe('');
    await page.locator('[data-search-filters] input[name="operation"]').first().focus();
    await expect.poll(() => filterRequests.length).toBeGreaterThan(0);
    await expect.poll(async () => (await firstCount.textContent()) ?? '').toMatch(/^ \(\d+\)$/);
  });

  it('a link that names a filter loads the index before searching', async () => {
    const url = searchUrl({ query: 'recovered', filters: { operation: ['Operation Cross Country'], year: [], outlet: [], place: [] } });
    await page.goto(`${inject('baseUrl')}${url}`);
    await waitForSearch(page, url);
    expect(await page.locator('[data-search-filters] input[value="Operation Cross Country"]').isChecked()).toBe(true);
  });
});
