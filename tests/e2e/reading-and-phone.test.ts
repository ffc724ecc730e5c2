/**
 * What a reader sees on the built seed archive, in Chromium: permalinks,
 * reading comfort on a story, the figures table and search on a phone, and
 * the keyboard after a search.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, type LaunchedBrowser } from '../support/browser.ts';
import { sitePageTypes } from '../support/site-pages.ts';

const baseUrl = (): string => inject('baseUrl');
const storyPath = sitePageTypes().find((type) => type.name === 'story')!.path;

describe('a story page', () => {
  let desktop: LaunchedBrowser;
  let phone: LaunchedBrowser;
  beforeAll(async () => {
    desktop = await launchBrowser({ width: 1280, height: 900 });
    phone = await launchBrowser({ width: 390, height: 844 });
  });
  afterAll(async () => {
    await desktop.close();
    await phone.close();
  });

  it('shows a permalink that is the public address or a path, never a placeholder origin', async () => {
    const page = await desktop.context.newPage();
    await page.goto(`${baseUrl()}${storyPath}`);
    const permalink = (await page.locator('.permalink a').first().textContent())!.trim();
    expect(permalink.endsWith(storyPath)).toBe(true);
    expect(permalink).not.toMatch(/\.example|localhost|127\.0\.0\.1/);
    await page.close();
  });

  it('sets its text at 60 to 75 characters a line', async () => {
    const page = await desktop.context.newPage();
    await page.goto(`${baseUrl()}${storyPath}`);
    const perLine = await page.evaluate(() => {
      // The longest paragraph: characters over the number of lines it takes.
      const paragraphs = [...document.querySelectorAll<HTMLElement>('.story-body p')];
      const longest = paragraphs.reduce((a, b) => ((b.textContent ?? '').length > (a.textContent ?? '').length ? b : a));
      const lineHeight = parseFloat(getComputedStyle(longest).lineHeight);
      const lines = Math.round(longest.getBoundingClientRect().height / lineHeight);
      return (longest.textContent ?? '').length / lines;
    });
    expect(perLine).toBeGreaterThanOrEqual(58);
    expect(perLine).toBeLessThanOrEqual(78);
    await page.close();
  });

  it('marks cited sentences quietly, the one jumped to plainly, and search words in another colour', async () => {
    const page = await desktop.context.newPage();
    const target = (await (async () => {
      await page.goto(`${baseUrl()}${storyPath}`);
      return page.locator('.figures-panel a[href^="#s-"]').first().getAttribute('href');
    })())!;
    const colours = async (): Promise<{ cited: string[]; target: string }> =>
      page.evaluate((id) => {
        const cited = [...document.querySelectorAll('.story-body .cited')]
          .filter((element) => `#${element.id}` !== id)
          .map((element) => getComputedStyle(element).backgroundColor);
        return { cited, target: getComputedStyle(document.querySelector(id)!).backgroundColor };
      }, target);
    await page.goto(`${baseUrl()}${storyPath}${target}`);
    const marked = await colours();
    expect(marked.cited.length).toBeGreaterThan(0);
    for (const background of marked.cited) expect(background).toBe('rgba(0, 0, 0, 0)');
    expect(marked.target).not.toBe('rgba(0, 0, 0, 0)');

    // Opened from a search result, the searched words are highlighted (Pagefind's highlighter), unlike the target.
    await page.goto(`${baseUrl()}${storyPath}?highlight=agents${target}`);
    await page.waitForSelector('mark.pagefind-highlight', { timeout: 10_000 });
    const hit = await page
      .locator('mark.pagefind-highlight')
      .first()
      .evaluate((element) => getComputedStyle(element).backgroundColor);
    expect(hit).not.toBe('rgba(0, 0, 0, 0)');
    expect(hit).not.toBe(marked.target);
    await page.close();
  });

  it('on a phone, puts the article before the figures panel, and the panel scrolls with the page', async () => {
    const page = await phone.context.newPage();
    await page.goto(`${baseUrl()}${storyPath}`);
    const layout = await page.evaluate(() => {
      const body = document.querySelector('.story-body')!.getBoundingClientRect();
      const panel = document.querySelector<HTMLElement>('.figures-panel')!;
      return {
        body: body.top,
        panel: panel.getBoundingClientRect().top,
        inner: panel.scrollHeight > panel.clientHeight + 1,
        overflow: getComputedStyle(panel).overflowY,
      };
    });
    expect(layout.body).toBeLessThan(layout.panel);
    expect(layout.inner).toBe(false);
    expect(layout.overflow).toBe('visible');
    await page.close();
  });
});

describe('on a phone and with the keyboard', () => {
  let phone: LaunchedBrowser;
  let desktop: LaunchedBrowser;
  beforeAll(async () => {
    phone = await launchBrowser({ width: 390, height: 844 });
    desktop = await launchBrowser({ width: 1280, height: 900 });
  });
  afterAll(async () => {
    await phone.close();
    await desktop.close();
  });

  it('reads the figures table without sideways scrolling: a card a figure', async () => {
    const page = await phone.context.newPage();
    await page.goto(`${baseUrl()}/figures/`);
    const sizes = await page.evaluate(() => {
      const table = document.querySelector<HTMLElement>('.figures-table')!;
      const scroller = table.closest<HTMLElement>('.table-scroll')!;
      return { page: document.documentElement.scrollWidth, viewport: innerWidth, table: table.scrollWidth, box: scroller.clientWidth };
    });
    expect(sizes.page).toBeLessThanOrEqual(sizes.viewport);
    expect(sizes.table).toBeLessThanOrEqual(sizes.box);
    await page.close();
  });

  const waitForResults = (page: Page): Promise<unknown> =>
    page.waitForFunction(() => document.querySelector('[data-search-status]')?.getAttribute('data-state') === 'ready');

  it('shows search results before the folded filters', async () => {
    const page = await phone.context.newPage();
    await page.goto(`${baseUrl()}/search/?q=charlotte`);
    await waitForResults(page);
    const layout = await page.evaluate(() => ({
      results: document.querySelector('.search-result')!.getBoundingClientRect().top,
      options: document.querySelector('[data-search-options]')!.getBoundingClientRect().top,
      open: document.querySelector<HTMLDetailsElement>('[data-search-options]')!.open,
    }));
    expect(layout.results).toBeLessThan(layout.options);
    expect(layout.open).toBe(false);
    await page.close();
  });

  it('moves the focus to the results heading after a search is submitted', async () => {
    const page = await desktop.context.newPage();
    await page.goto(`${baseUrl()}/search/`);
    await page.locator('[data-search-box]').fill('charlotte');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'search-results-title');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('.search-result') !== null)).toBe(true);
    await page.close();
  });

  it('has one search box on every page type', async () => {
    const page = await desktop.context.newPage();
    for (const type of sitePageTypes()) {
      await page.goto(`${baseUrl()}${type.path}`);
      expect(await page.locator('input[type="search"]').count(), type.name).toBe(1);
    }
    await page.close();
  });

  it('does not move the search page as results arrive (cumulative layout shift under 0.1)', async () => {
    const page = await phone.context.newPage();
    await page.addInitScript(() => {
      (window as unknown as { shift: number }).shift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[])
          if (!entry.hadRecentInput) (window as unknown as { shift: number }).shift += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(`${baseUrl()}/search/?q=children`);
    await waitForResults(page);
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as unknown as { shift: number }).shift)).toBeLessThan(0.1);
    await page.close();
  });
});
