/**
 * What readers asked for in #24 (items 4, 6, 7 and 9), checked in Chromium on the built seed archive:
 * each test is something a reader would see go wrong.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, type LaunchedBrowser } from '../support/browser.ts';
import { countColours } from '../support/screenshot.ts';

const crossCountry = '/operations/operation-cross-country/';
/** The oldest story with a stated date in the seed archive; the two undated ones follow it in archive order. */
const oldestDated = '/stories/operation-cross-country-xi-84-children-recovered/';
const undatedStories = ['/stories/operation-cross-country-more-than-200-victims-rescued/', '/stories/operation-cross-country-over-200-victims-rescued/'];

let browser: LaunchedBrowser;
let phone: LaunchedBrowser;
beforeAll(async () => {
  browser = await launchBrowser();
  phone = await launchBrowser({ width: 390, height: 844 });
});
afterAll(async () => {
  await browser.close();
  await phone.close();
});

async function open(path: string, on: LaunchedBrowser = browser): Promise<Page> {
  const page = await on.context.newPage();
  const response = await page.goto(`${inject('baseUrl')}${path}`);
  expect(response?.status()).toBe(200);
  return page;
}

/** The text of the sentence a `/stories/<slug>/#s-N` link points to, read from that page. */
async function sentenceAt(href: string): Promise<string> {
  const page = await open(href.split('#')[0]!);
  const text = await page.locator(`#${href.split('#')[1]}`).textContent();
  await page.close();
  return text ?? '';
}

describe('4. an operation across its editions', () => {
  it('has one table of editions by national measure, each figure linked to its sentence', async () => {
    const page = await open(crossCountry);
    const table = page.locator('table.editions-table');
    await expect(table.count()).resolves.toBe(1);
    const rows = await table.locator('tbody th[scope="row"]').allTextContents();
    expect(rows.map((row) => row.trim())).toEqual(['2017 — Edition 11 (XI)', 'Edition 13 (13th year) — year not stated']);
    const columns = (await table.locator('thead th').allTextContents()).map((text) => text.trim());
    expect(columns[0]).toBe('Edition');
    expect(columns.at(-1)).toBe('Reported by');
    const children = columns.findIndex((text) => text.startsWith('Children recovered'));
    expect(children).toBeGreaterThan(0);
    // '59 children located / recovered / rescued' is one measure: one cell of edition 13, each wording shown.
    const cell = table
      .locator('tbody tr')
      .nth(1)
      .locator('td')
      .nth(children - 1);
    const cellText = (await cell.textContent())!;
    for (const wording of ['located', 'rescued']) expect(cellText).toContain(wording);
    expect(cellText).not.toContain('Reports differ');
    const figure = cell.locator('li > a').first();
    expect(await figure.textContent()).toBe('59');
    expect(await sentenceAt((await figure.getAttribute('href'))!)).toContain('59');
    await page.close();
  });

  it('keeps regional figures out of the national cells', async () => {
    const page = await open(crossCountry);
    // Edition XI's story gives 11 arrests, 13 agencies and three children for North Carolina alone.
    const row = await page.locator('table.editions-table tbody tr').first().locator('td:not(.edition-sources) li > a').allTextContents();
    expect(row.sort()).toEqual(['120', '84']);
    await page.close();
  });

  it("lists each row's sources once in 'Reported by', not once per cell", async () => {
    const page = await open(crossCountry);
    const sources = page.locator('table.editions-table tbody tr').nth(1).locator('td');
    const titles = await page.locator('table.editions-table tbody tr').nth(1).locator('.edition-sources li > a').allTextContents();
    expect(titles).toHaveLength(2);
    const rowText = (await sources.allTextContents()).join(' ');
    for (const title of titles) expect(rowText.split(title).length - 1).toBe(1);
    await page.close();
  });

  it("writes each headline once per timeline table, not in every 'Reported by' row", async () => {
    const page = await open(crossCountry);
    const tables = page.locator('.timeline table.measures');
    expect(await tables.count()).toBeGreaterThan(0);
    for (const table of await tables.all()) {
      const titles = await table.locator('ul.sources a').allTextContents();
      const headlines = titles.filter((title) => !/^story \[\d+\]$/.test(title));
      expect(new Set(headlines).size).toBe(headlines.length);
    }
    // Edition XI's one story fills every row of its national table: its headline is written once, the other rows
    // name it by number (its North Carolina figures are in a table of their own).
    const first = await tables.first().locator('ul.sources a').allTextContents();
    expect(first.length).toBeGreaterThan(1);
    expect(first).toEqual(['Operation Cross Country XI: 84 children recovered, 120 traffickers arrested', ...first.slice(1).map(() => 'story [1]')]);
    await page.close();
  });

  it('charts every edition, undated ones included, with a legend', async () => {
    const page = await open(crossCountry);
    const groups = await page.locator('svg[aria-labelledby^="chart-figures"] text.chart-group').allTextContents();
    expect(groups).toEqual(['2017 — Edition 11 (XI)', 'Edition 13 (13th year) — year not stated']);
    const legend = await page.locator('figure[aria-labelledby="chart-figures-caption"] .chart-legend li').allTextContents();
    expect(legend).toContain('children recovered');
    expect(legend).toContain('traffickers arrested');
    // Every bar's colour has a legend entry: one swatch per series.
    const series = await page
      .locator('svg[aria-labelledby^="chart-figures"] rect.chart-bar')
      .evaluateAll((bars) => new Set(bars.map((bar) => bar.getAttribute('class'))).size);
    expect(legend).toHaveLength(series);
    await page.close();
  });

  it('fits a phone: the table stacks instead of scrolling the page sideways', async () => {
    const page = await open(crossCountry, phone);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const label = await page
      .locator('table.editions-table td')
      .first()
      .evaluate((cell) => getComputedStyle(cell, '::before').content);
    expect(label).toContain('Children recovered');
    await page.close();
  });
});

describe('6. undated stories in the older/newer links', () => {
  it('the oldest dated story offers no undated story as older, and says how undated stories are ordered', async () => {
    const page = await open(oldestDated);
    const nav = page.locator('nav.story-neighbours');
    expect(await nav.locator('a[rel="prev"]').count()).toBe(0);
    const older = (await nav.locator('li.prev').textContent())!;
    expect(older).toContain('No older dated story');
    for (const path of undatedStories) expect(await nav.locator(`li a[href="${path}"]`).count()).toBe(0);
    const note = nav.locator('.undated-order');
    expect(await note.textContent()).toMatch(/date is not stated have no place in time: they are listed after the dated ones, in order of their web address/);
    expect(await note.locator('a').getAttribute('href')).toBe(undatedStories[0]);
    await page.close();
  });

  it('an undated story says its date is not stated and calls its neighbours undated, not older or newer', async () => {
    const page = await open(undatedStories[0]!);
    const nav = page.locator('nav.story-neighbours');
    const labels = await nav.locator('.neighbour-label').allTextContents();
    expect(labels).toEqual(['Next undated story, by web address', 'Back to the oldest dated story']);
    expect(await nav.locator('a[rel]').count()).toBe(0);
    expect(await nav.locator('.undated-order').textContent()).toContain("This story's date is not stated.");
    await page.close();
  });
});

describe('7. cite, copy, open data, about', () => {
  it("'Cite this story' gives the permalink, the date and the citation as text, BibTeX and CSL-JSON", async () => {
    const page = await open(oldestDated);
    const cite = page.locator('section.cite');
    expect(await cite.locator('h2').textContent()).toBe('Cite this story');
    const permalink = (await page.locator('#cite-permalink').textContent())!;
    expect(permalink.endsWith(oldestDated)).toBe(true);
    expect(await page.locator('#cite-permalink').getAttribute('href')).toBe(oldestDated);
    const text = (await page.locator('#cite-text').textContent())!;
    expect(text).toContain('October 19, 2017');
    expect(text).toContain(permalink);
    await cite.locator('summary', { hasText: 'BibTeX' }).click();
    const bibtex = (await page.locator('#cite-bibtex').textContent())!;
    expect(bibtex).toMatch(/^@misc\{operations-archive-operation-cross-country-xi-84-children-recovered,/);
    expect(bibtex).toContain('year = {2017}');
    await cite.locator('summary', { hasText: 'CSL-JSON' }).click();
    const csl = JSON.parse((await page.locator('#cite-csl').textContent())!) as { issued: unknown; archive_location: string }[];
    expect(csl[0]!.issued).toEqual({ 'date-parts': [[2017, 10, 19]] });
    expect(csl[0]!.archive_location).toBe(permalink);
    await page.close();
  });

  it('an undated story is cited without a date, and says so', async () => {
    const page = await open(undatedStories[1]!);
    const text = (await page.locator('#cite-text').textContent())!;
    expect(text).toContain('date not stated');
    expect(text).not.toMatch(/\b20\d\d\b/);
    await page.close();
  });

  it('the copy-link button puts the permalink on the clipboard', async () => {
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: inject('baseUrl') });
    const page = await open(oldestDated);
    const button = page.locator('button[data-copy-target="cite-permalink"]');
    expect(await button.isVisible()).toBe(true);
    await button.click();
    await expect.poll(() => page.locator('#cite-permalink ~ .copy-status').textContent()).toBe('Copied.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await page.locator('#cite-permalink').textContent());
    await page.close();
  });

  it('without JavaScript, no dead button: the permalink is there as a link to select', async () => {
    const noScript = await launchBrowser({ javaScriptEnabled: false });
    try {
      const page = await noScript.context.newPage();
      await page.goto(`${inject('baseUrl')}${oldestDated}`);
      expect(
        await page.locator('button.copy-button').evaluateAll((buttons) => buttons.filter((button) => (button as HTMLElement).offsetParent !== null).length),
      ).toBe(0);
      expect(await page.locator('#cite-permalink').isVisible()).toBe(true);
    } finally {
      await noScript.close();
    }
  });

  it('the figures page links open data whose rows are the figures, each with a working sentence link', async () => {
    const page = await open('/figures/');
    const tableRows = await page.locator('table.figures-table tbody tr').count();
    const csvHref = (await page.locator('a', { hasText: 'figures.csv' }).getAttribute('href'))!;
    const jsonHref = (await page.locator('a', { hasText: 'figures.json' }).getAttribute('href'))!;
    expect([csvHref, jsonHref]).toEqual(['/data/figures.csv', '/data/figures.json']);
    const csv = await page.evaluate(async (href) => (await fetch(href)).text(), csvHref);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^story_slug,story_path,story_title,date,date_source,/);
    const json = JSON.parse(await page.evaluate(async (href) => (await fetch(href)).text(), jsonHref)) as {
      figures: { text: string; sentence_path: string; value: number }[];
    };
    expect(json.figures).toHaveLength(tableRows);
    // Rows, not lines: a quoted sentence could hold a line break; the seed's do not.
    expect(lines).toHaveLength(tableRows + 1);
    const first = json.figures[0]!;
    expect(await sentenceAt(first.sentence_path)).toContain(first.text);
    // Every column the files have is documented on /data/.
    await page.goto(`${inject('baseUrl')}/data/`);
    const documented = await page.locator('table.data-columns tbody th code').allTextContents();
    expect(documented).toEqual(lines[0]!.split(','));
    await page.close();
  });

  it('an About page, linked from every page, explains inferred and not-stated dates and corrections', async () => {
    const page = await open('/');
    await page.locator('.site-footer a', { hasText: 'About the archive' }).click();
    await page.waitForURL(/\/about\/$/);
    const headings = await page.locator('main h2').allTextContents();
    expect(headings).toEqual([
      'What it is',
      'How facts are read from the articles',
      'What the dates mean',
      'Linking, citing and reusing',
      'Reporting a correction',
    ]);
    const terms = await page.locator('.about-terms dt').allTextContents();
    expect(terms).toEqual(['A date shown plainly', '‘inferred’', '‘date not stated’']);
    await page.close();
  });
});

describe('9. home cards, feed, favicon, print', () => {
  it("the Cross Country card leads with the newest dated edition, not 'year not stated'", async () => {
    const page = await open('/');
    const card = page.locator('section.operation-card', { has: page.locator('h3', { hasText: 'Operation Cross Country' }) });
    const sentences = await card.locator('p.card-sentence').allTextContents();
    expect(sentences[0]).toBe('Newest dated edition: 2017 — Edition 11 (XI), with 84 children recovered and 120 traffickers arrested.');
    expect(sentences[1]).toBe('Also in the archive: Edition 13 (13th year) — year not stated.');
    await page.close();
  });

  it('the Innocence Lost card reads as a sentence', async () => {
    const page = await open('/');
    const card = page.locator('section.operation-card', { has: page.locator('h3', { hasText: 'Innocence Lost' }) });
    const sentence = (await card.locator('p.card-sentence').textContent())!.replace(/\s+/g, ' ');
    expect(sentence).toMatch(
      /^As of August 8, 2019, the running totals since 2003 were more than [\d,]+ children [a-z ]+ and more than [\d,]+ traffickers convicted, according to “Operation Independence Day: .+”\.$/,
    );
    await page.close();
  });

  it('the RSS feed is readable in a browser, and its undated items say so', async () => {
    const page = await open('/rss.xml');
    const styled = await page.evaluate(() => {
      const title = document.querySelector('channel > title')!;
      return { display: getComputedStyle(title).display, size: parseFloat(getComputedStyle(title).fontSize) };
    });
    expect(styled).toEqual({ display: 'block', size: 32 });
    const items = await page.evaluate(() =>
      [...document.querySelectorAll('item')].map((item) => ({
        date: item.getElementsByClassName('item-date')[0]?.textContent ?? null,
        description: item.querySelector('description')?.textContent ?? '',
        link: item.getElementsByTagNameNS('http://www.w3.org/1999/xhtml', 'a')[0]?.getAttribute('href') ?? null,
        pubDate: item.querySelector('pubDate') !== null,
      })),
    );
    expect(items).toHaveLength(4);
    const undated = items.filter((item) => !item.pubDate);
    expect(undated).toHaveLength(2);
    for (const item of undated) {
      expect(item.date).toBe('Date not stated');
      expect(item.description.startsWith('Date not stated. ')).toBe(true);
    }
    expect(items[0]!.date).toBe('August 8, 2019');
    for (const item of items) expect(item.link).toMatch(/\/stories\/[a-z0-9-]+\/$/);
    // The viewport, not the full page: Chromium does not measure an XML document's full height for a screenshot.
    expect(countColours(await page.screenshot())).toBeGreaterThan(10);
    await page.close();
  });

  it('/favicon.ico is an icon', async () => {
    const page = await browser.context.newPage();
    const response = await page.goto(`${inject('baseUrl')}/favicon.ico`);
    expect(response?.status()).toBe(200);
    const bytes = await response!.body();
    // An ICO file: reserved 0, type 1, at least one image.
    expect([...bytes.subarray(0, 4)]).toEqual([0, 0, 1, 0]);
    expect(bytes.readUInt16LE(4)).toBeGreaterThan(0);
    await page.close();
  });

  it('printed pages keep a margin', async () => {
    const page = await open(oldestDated);
    await page.emulateMedia({ media: 'print' });
    const margins = await page.evaluate(() => {
      for (const sheet of document.styleSheets) {
        for (const rule of sheet.cssRules)
          if (rule instanceof CSSPageRule) return [rule.style.marginTop, rule.style.marginRight, rule.style.marginBottom, rule.style.marginLeft];
      }
      return null;
    });
    expect(margins).not.toBeNull();
    for (const margin of margins!) expect(parseFloat(margin)).toBeGreaterThan(0);
    // The page itself drops its padding in print, so the @page margin is all the paper has.
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('main')!).paddingLeft)).toBe('0px');
    await page.close();
  });
});
