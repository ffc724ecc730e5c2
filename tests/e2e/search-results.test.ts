/**
 * Given the real archive, built and indexed: what a reader finds on /search/.
 * Every expected set comes from content/ (source texts and frontmatter).
 */
import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { filterKeys, noFilters, type FilterKey } from '@/scripts/search/search-state';
import { launchBrowser, type LaunchedBrowser } from '../support/browser.ts';
import { projectRoot } from '../support/dist.ts';
import { countColours, takeScreenshot } from '../support/screenshot.ts';
import { openSearch, readStoryFacts, resultPaths, searchUrl, statusText, storiesMatching, waitForSearch, type StoryFacts } from './search-support.ts';

const baseUrl = (): string => inject('baseUrl');
const sorted = (paths: readonly string[]): string[] => [...paths].sort();

describe('search results on the real archive', () => {
  let browser: LaunchedBrowser;
  let page: Page;
  let stories: StoryFacts[];
  const dialogs: string[] = [];

  beforeAll(async () => {
    stories = readStoryFacts();
    browser = await launchBrowser();
    page = await browser.context.newPage();
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  });
  afterAll(async () => {
    await browser.close();
  });

  it("'Charlotte' finds exactly the stories whose text mentions it", async () => {
    const expected = storiesMatching(stories, /charlotte/i);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(stories.length);
    await openSearch(page, baseUrl(), searchUrl({ query: 'Charlotte' }));
    expect(sorted(await resultPaths(page))).toEqual(expected);
    expect(await statusText(page)).toBe(`${expected.length} ${expected.length === 1 ? 'story matches' : 'stories match'} “Charlotte”.`);
    const marks = await page
      .locator('.search-result')
      .evaluateAll((items) => items.map((item) => [...item.querySelectorAll('.search-result-excerpt mark')].map((mark) => mark.textContent)));
    for (const itemMarks of marks) expect(itemMarks.some((text) => /charlotte/i.test(text ?? ''))).toBe(true);
  });

  it('a phrase in quotes matches the words together, not apart', async () => {
    const together = storiesMatching(stories, /nationwide sweep/i);
    const apart = stories.filter((story) => /nationwide/i.test(story.source) && /sweep/i.test(story.source)).map((story) => story.path);
    expect(together.length).toBeGreaterThan(0);
    expect(apart.length).toBeGreaterThan(together.length);

    await openSearch(page, baseUrl(), searchUrl({ query: '"nationwide sweep"' }));
    expect(sorted(await resultPaths(page))).toEqual(together);
    await openSearch(page, baseUrl(), searchUrl({ query: 'nationwide sweep' }));
    const loose = await resultPaths(page);
    expect(loose.length).toBeGreaterThan(together.length);
    expect(loose).toEqual(expect.arrayContaining(together));
  });

  it("a figure as written ('6,500') finds the stories that print it", async () => {
    const expected = storiesMatching(stories, /6,500/);
    expect(expected.length).toBeGreaterThan(0);
    await openSearch(page, baseUrl(), searchUrl({ query: '6,500' }));
    expect(sorted(await resultPaths(page))).toEqual(expected);
    expect(await page.locator('.search-result-excerpt mark').allTextContents()).toContain('6,500');
  });

  /** Checks or selects one filter value through the form and waits for the narrowed search. */
  async function chooseFilter(key: FilterKey, value: string, query: string, chosen: Record<FilterKey, string[]>): Promise<void> {
    const select = page.locator(`select[name="${key}"]`);
    if ((await select.count()) > 0) await select.selectOption(value);
    else await page.locator(`input[type="checkbox"][name="${key}"][value=${JSON.stringify(value)}]`).check();
    await waitForSearch(page, searchUrl({ query, filters: chosen }));
  }

  it('each filter narrows the results to the stories that carry its value', async () => {
    const query = 'recovered';
    await openSearch(page, baseUrl(), searchUrl({ query }));
    const base = await resultPaths(page);
    expect(base.length).toBeGreaterThan(1);
    const facts = new Map(stories.map((story) => [story.path, story]));
    let narrowed = 0;
    for (const key of filterKeys) {
      const values = [...new Set(base.flatMap((storyPath) => facts.get(storyPath)!.filters[key]))];
      expect(values.length, `no result carries a ${key}`).toBeGreaterThan(0);
      // Prefer a value only some results carry, so the narrowing shows.
      const value = values.find((candidate) => base.some((storyPath) => !facts.get(storyPath)!.filters[key].includes(candidate))) ?? values[0]!;
      const chosen = { ...noFilters(), [key]: [value] };
      await chooseFilter(key, value, query, chosen);
      const expected = base.filter((storyPath) => facts.get(storyPath)!.filters[key].includes(value));
      expect(sorted(await resultPaths(page)), `${key} = ${value}`).toEqual(sorted(expected));
      expect(new URL(page.url()).searchParams.getAll(key)).toEqual([value]);
      if (expected.length < base.length) narrowed += 1;
      await openSearch(page, baseUrl(), searchUrl({ query }));
    }
    expect(narrowed).toBeGreaterThanOrEqual(3);
  });

  it("narrows 'recovered' to Operation Cross Country in 2017, from the form and from a link", async () => {
    const query = 'recovered';
    const filters = { ...noFilters(), operation: ['Operation Cross Country'], year: ['2017'] };
    await openSearch(page, baseUrl(), searchUrl({ query }));
    const base = await resultPaths(page);
    const facts = new Map(stories.map((story) => [story.path, story]));
    const expected = base.filter(
      (storyPath) => facts.get(storyPath)!.filters.operation.includes('Operation Cross Country') && facts.get(storyPath)!.filters.year.includes('2017'),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(base.length);

    await chooseFilter('operation', 'Operation Cross Country', query, { ...noFilters(), operation: ['Operation Cross Country'] });
    await chooseFilter('year', '2017', query, filters);
    expect(sorted(await resultPaths(page))).toEqual(sorted(expected));
    expect(await statusText(page)).toContain(`with these filters, of ${base.length} in all`);

    await openSearch(page, baseUrl(), searchUrl({ query, filters }));
    expect(sorted(await resultPaths(page))).toEqual(sorted(expected));
    await expect(page.locator('input[name="year"][value="2017"]').isChecked()).resolves.toBe(true);
    await expect(page.locator('input[name="operation"][value="Operation Cross Country"]').isChecked()).resolves.toBe(true);
  });

  it('sorts by date, newest first with undated stories last', async () => {
    const query = 'recovered';
    await openSearch(page, baseUrl(), searchUrl({ query }));
    await page.locator('[data-search-sort]').selectOption('date');
    await waitForSearch(page, searchUrl({ query, sort: 'date' }));
    const paths = await resultPaths(page);
    const facts = new Map(stories.map((story) => [story.path, story]));
    const dates = paths.map((storyPath) => facts.get(storyPath)!.date ?? '');
    expect(dates.length).toBeGreaterThan(1);
    expect(dates).toEqual([...dates].sort().reverse());
    const shown = await page
      .locator('.search-result-meta')
      .evaluateAll((metas) => metas.map((meta) => meta.querySelector('time')?.getAttribute('datetime') ?? ''));
    expect(shown).toEqual(dates);
  });

  it('says so when nothing matches, and offers the operations and the timeline', async () => {
    await openSearch(page, baseUrl(), searchUrl({ query: 'zzqxvw' }));
    expect(await statusText(page)).toBe('No stories match “zzqxvw”.');
    expect(await page.locator('.search-result').count()).toBe(0);
    const empty = page.locator('[data-search-empty]');
    await expect(empty.isVisible()).resolves.toBe(true);
    expect(await empty.locator('a').evaluateAll((links) => links.map((link) => link.getAttribute('href')))).toEqual(['/operations/', '/timeline/']);
  });

  it('shows a query with HTML special characters as text and runs nothing', async () => {
    const query = '<img src=x onerror=alert(1)>';
    await openSearch(page, baseUrl(), '/search/');
    await page.locator('[data-search-box]').fill(query);
    await waitForSearch(page, searchUrl({ query }));
    expect(await statusText(page)).toContain(`“${query}”`);
    expect(await page.locator('main img, main script:not([src]):not([type])').count()).toBe(0);
    expect(new URL(page.url()).searchParams.get('q')).toBe(query);
    await page.waitForTimeout(200);
    expect(dialogs).toEqual([]);
  });

  it('shows an ampersand in story text as itself', async () => {
    const expected = storiesMatching(stories, /Missing & Exploited Children \(NCMEC\)/);
    expect(expected.length).toBeGreaterThan(0);
    await openSearch(page, baseUrl(), searchUrl({ query: 'NCMEC' }));
    const excerpts = await page
      .locator('.search-result')
      .evaluateAll((items) =>
        items.map((item) => [new URL(item.querySelector('a')!.href).pathname, item.querySelector('.search-result-excerpt')!.textContent ?? '']),
      );
    for (const [storyPath, text] of excerpts) {
      expect(text).not.toMatch(/&(amp|lt|gt|quot|#\d+);/);
      if (expected.includes(storyPath!)) expect(text).toContain('Missing & Exploited');
    }
  });

  it('shows markup in a result’s stored title, date and operation as text', async () => {
    const hostile = await browser.context.newPage();
    hostile.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    // Rewrite every fragment as it arrives: the page must treat Pagefind's metadata as untrusted text.
    await hostile.route('**/pagefind/fragment/*.pf_fragment', async (route) => {
      const response = await route.fetch();
      const raw = gunzipSync(await response.body());
      const fragment = JSON.parse(raw.subarray(12).toString('utf8')) as { meta: Record<string, string> };
      fragment.meta['title'] = '<img src=x onerror=alert(1)>';
      fragment.meta['date'] = '<b>bold</b>';
      fragment.meta['operation'] = '<script>alert(2)</script>';
      await route.fulfill({ response, body: gzipSync(Buffer.concat([raw.subarray(0, 12), Buffer.from(JSON.stringify(fragment))])) });
    });
    try {
      await openSearch(hostile, baseUrl(), searchUrl({ query: 'recovered' }));
      const first = hostile.locator('.search-result').first();
      expect(await first.locator('h3 a').textContent()).toBe('<img src=x onerror=alert(1)>');
      expect(await first.locator('.search-result-meta').textContent()).toBe('<b>bold</b> · <script>alert(2)</script>');
      expect(await hostile.locator('main img, main b, .search-result script').count()).toBe(0);
      await hostile.waitForTimeout(200);
      expect(dialogs).toEqual([]);
    } finally {
      await hostile.close();
    }
  });
});

describe('the search page’s look and accessibility', () => {
  const axeSource = readFileSync(path.join(projectRoot, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`has no axe violations with results, and a non-blank screenshot, in ${colorScheme}`, async () => {
      const browser = await launchBrowser({ colorScheme });
      try {
        const page = await browser.context.newPage();
        await openSearch(page, baseUrl(), searchUrl({ query: 'recovered' }));
        expect(await page.locator('.search-result').count()).toBeGreaterThan(0);
        await page.addScriptTag({ content: axeSource });
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } })
            .axe;
          const result = await axe.run(document);
          return result.violations.map((violation) => `${violation.id}: ${JSON.stringify(violation.nodes.map((node) => node.target))}`);
        });
        expect(violations).toEqual([]);
        const png = await takeScreenshot(page, `search-results-${colorScheme}`);
        expect(countColours(png)).toBeGreaterThan(10);
      } finally {
        await browser.close();
      }
    });
  }
});
