/**
 * Getting around search: deep links, the URL while typing, the back button,
 * the keyboard, highlighting on the story page, and the page without script.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { launchBrowser, type LaunchedBrowser } from '../support/browser.ts';
import { openSearch, readStoryFacts, resultPaths, searchUrl, statusText, storiesMatching, waitForSearch } from './search-support.ts';

const baseUrl = (): string => inject('baseUrl');
const sorted = (paths: readonly string[]): string[] => [...paths].sort();
const here = (page: Page): string => {
  const url = new URL(page.url());
  return url.pathname + url.search;
};

describe('search navigation in Chromium', () => {
  let browser: LaunchedBrowser;
  let page: Page;
  const charlotte = (): string[] => storiesMatching(readStoryFacts(), /charlotte/i);

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  beforeEach(async () => {
    await page?.close();
    page = await browser.context.newPage();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('opens /search/?q=... with that query and its results', async () => {
    await openSearch(page, baseUrl(), '/search/?q=charlotte');
    expect(await page.locator('[data-search-box]').inputValue()).toBe('charlotte');
    expect(sorted(await resultPaths(page))).toEqual(charlotte());
  });

  it('puts what is typed in the URL, one history entry per search, so Back returns to the previous query', async () => {
    await openSearch(page, baseUrl(), searchUrl({ query: 'charlotte' }));
    const box = page.locator('[data-search-box]');
    await box.fill('');
    await box.pressSequentially('recovered', { delay: 30 });
    await waitForSearch(page, searchUrl({ query: 'recovered' }));
    expect(here(page)).toBe(searchUrl({ query: 'recovered' }));
    const recovered = await resultPaths(page);

    await page.goBack();
    await waitForSearch(page, searchUrl({ query: 'charlotte' }));
    expect(here(page)).toBe(searchUrl({ query: 'charlotte' }));
    expect(await box.inputValue()).toBe('charlotte');
    expect(sorted(await resultPaths(page))).toEqual(charlotte());

    await page.goForward();
    await waitForSearch(page, searchUrl({ query: 'recovered' }));
    expect(await resultPaths(page)).toEqual(recovered);
  });

  it('gives a filter its own history entry after Enter commits the query', async () => {
    await openSearch(page, baseUrl(), '/search/');
    const box = page.locator('[data-search-box]');
    await box.fill('recovered');
    await box.press('Enter');
    await waitForSearch(page, searchUrl({ query: 'recovered' }));
    await page.locator('input[name="year"][value="2017"]').check();
    const filtered = searchUrl({ query: 'recovered', filters: { operation: [], year: ['2017'], outlet: [], place: [] } });
    await waitForSearch(page, filtered);
    expect(here(page)).toBe(filtered);
    await page.goBack();
    await waitForSearch(page, searchUrl({ query: 'recovered' }));
    await expect(page.locator('input[name="year"][value="2017"]').isChecked()).resolves.toBe(false);
    await page.goBack();
    await waitForSearch(page, '/search/');
    expect(await box.inputValue()).toBe('');
  });

  it('announces the result count in a polite live region', async () => {
    await openSearch(page, baseUrl(), searchUrl({ query: 'charlotte' }));
    const status = page.locator('[data-search-status]');
    expect(await status.getAttribute('aria-live')).toBe('polite');
    expect(await status.getAttribute('role')).toBe('status');
    expect(await statusText(page)).toMatch(new RegExp(`^${charlotte().length} stor(y|ies) match`));
  });

  it("focuses the search box with '/' and Ctrl+K, and moves through results by keyboard", async () => {
    await page.goto(`${baseUrl()}/`);
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('home-search-q');
    await page.goto(`${baseUrl()}/figures/`);
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search-q');

    await openSearch(page, baseUrl(), searchUrl({ query: 'recovered' }));
    const focusedIsBox = (): Promise<boolean> => page.evaluate(() => document.activeElement?.hasAttribute('data-search-box') ?? false);
    await page.locator('h1').click();
    await page.keyboard.press('/');
    expect(await focusedIsBox()).toBe(true);
    await page.locator('h1').click();
    await page.keyboard.press('Control+k');
    expect(await focusedIsBox()).toBe(true);

    const links = await resultPaths(page);
    expect(links.length).toBeGreaterThan(1);
    const focusedPath = (): Promise<string> =>
      page.evaluate(() => (document.activeElement instanceof HTMLAnchorElement ? new URL(document.activeElement.href).pathname : ''));
    await page.keyboard.press('ArrowDown');
    expect(await focusedPath()).toBe(links[0]);
    await page.keyboard.press('ArrowDown');
    expect(await focusedPath()).toBe(links[1]);
    await page.keyboard.press('ArrowUp');
    expect(await focusedPath()).toBe(links[0]);
    await page.keyboard.press('Tab');
    expect(await focusedPath()).toBe(links[1]);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === links[1]);
  });

  it('highlights the terms on the story page a result links to', async () => {
    await openSearch(page, baseUrl(), searchUrl({ query: 'charlotte' }));
    const first = page.locator('.search-result h3 a').first();
    expect(new URL((await first.getAttribute('href'))!, baseUrl()).searchParams.get('highlight')).toBe('charlotte');
    await first.click();
    // The reader must see the marks: at least one in the visible story text.
    await page.locator('[data-pagefind-body] mark.pagefind-highlight:visible').first().waitFor();
    const marks = page.locator('[data-pagefind-body] mark.pagefind-highlight');
    for (const text of await marks.allTextContents()) expect(text).toMatch(/charlotte/i);
    expect(await page.locator('[data-pagefind-ignore] mark, .site-header mark, .site-footer mark').count()).toBe(0);
  });

  it('loads no highlighter on a story page opened without search terms', async () => {
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.goto(`${baseUrl()}${charlotte()[0]}`);
    await page.waitForLoadState('networkidle');
    expect(requested.filter((pathname) => pathname.startsWith('/pagefind/'))).toEqual([]);
    expect(await page.locator('mark.pagefind-highlight').count()).toBe(0);
  });

  it('says clearly that search needs JavaScript when scripting is off', async () => {
    const session = await browser.context.newCDPSession(page);
    await session.send('Emulation.setScriptExecutionDisabled', { value: true });
    await page.goto(`${baseUrl()}/search/?q=charlotte`);
    const message = page.locator('.search-noscript');
    await expect(message.isVisible()).resolves.toBe(true);
    expect(await message.textContent()).toContain('Search needs JavaScript');
    expect(await message.locator('a').evaluateAll((links) => links.map((link) => link.getAttribute('href')))).toEqual(['/operations/', '/timeline/']);
    expect(await page.locator('.search-result').count()).toBe(0);
  });
});
