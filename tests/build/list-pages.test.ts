/**
 * Lists longer than a page, as a large archive has: a generated archive of
 * 80 stories built with list pages of 5 (ARCHIVE_LIST_PAGE_SIZE). The
 * timelines and the figures table list years, each year has pages of its
 * own, every story (every figure) is on exactly one of them, and every link
 * holds.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storyPath } from '@/domain/paths';
import type { Article } from '@/domain/schema';
import { listFiles } from '../support/dist.ts';
import { buildFixtureArchive, generateArchive, readArticles, type FixtureBuild } from '../support/fixture-build.ts';
import { htmlProblems } from '../support/html-validator.ts';
import { checkLinks, extractLinks } from '../support/link-check.ts';

const count = 80;
const pageSize = 5;
const work = mkdtempSync(path.join(tmpdir(), 'archive-timeline-'));
let build: FixtureBuild;
let articles: Article[];

beforeAll(async () => {
  const articlesDir = await generateArchive(work, { count, seed: 31 });
  articles = readArticles(articlesDir);
  build = buildFixtureArchive(articlesDir, { env: { ARCHIVE_LIST_PAGE_SIZE: String(pageSize) } });
  if (build.status !== 0) throw new Error(`build failed:\n${build.output}`);
}, 120_000);

afterAll(() => {
  build?.cleanup();
  rmSync(work, { recursive: true, force: true });
});

const read = (urlPath: string): string => readFileSync(path.join(build.outDir, urlPath, 'index.html'), 'utf8');
/** The story permalinks listed on a page, in order (story links only, not figure links). */
const storyLinks = (html: string): string[] => [...html.matchAll(/<a class="story-link" href="([^"]+)"/g)].map((match) => match[1]!);
/** The year links of a timeline's index. */
const yearLinks = (html: string): { href: string; count: number }[] =>
  [...html.matchAll(/<li> ?<a href="([^"]+)">[^<]+<\/a> <span class="count">\(([\d,]+) stor(?:y|ies)\)<\/span> ?<\/li>/g)].map((match) => ({
    href: match[1]!,
    count: Number(match[2]!.replace(/,/g, '')),
  }));

/** Every page of a year: its first, then each 'next' page. */
function yearPages(first: string): string[] {
  const pages = [first];
  for (;;) {
    const next = /<a href="([^"]+)" rel="next">/.exec(read(pages.at(-1)!))?.[1];
    if (!next) return pages;
    pages.push(next);
  }
}

/** Checks one timeline (at `base`) against the stories it should hold, and returns its pages. */
function checkTimeline(base: string, expected: readonly Article[]): string[] {
  const index = read(base);
  expect(storyLinks(index), `${base} lists years, not stories`).toEqual([]);
  const years = yearLinks(index);
  expect(years.length).toBeGreaterThan(1);
  expect(years.reduce((sum, year) => sum + year.count, 0)).toBe(expected.length);
  const shown: string[] = [];
  const pages: string[] = [];
  for (const year of years) {
    expect(year.href.startsWith(base)).toBe(true);
    const ofYear = yearPages(year.href);
    const listed = ofYear.flatMap((page) => storyLinks(read(page)));
    expect(listed, year.href).toHaveLength(year.count);
    for (const page of ofYear) expect(storyLinks(read(page)).length).toBeLessThanOrEqual(pageSize);
    shown.push(...listed);
    pages.push(...ofYear);
  }
  expect(shown.sort()).toEqual(expected.map((article) => storyPath({ id: article.slug })).sort());
  return pages;
}

describe(`a timeline of more than ${pageSize} stories`, () => {
  it("puts the archive's stories on a page per year, each story once, oldest first", () => {
    const pages = checkTimeline('/timeline/', articles);
    const dates = pages.flatMap((page) => [...read(page).matchAll(/<span class="story-facts"><time datetime="([\d-]+)"/g)].map((match) => match[1]!));
    expect(dates).toEqual([...dates].sort());
    // The year's own address; more than a page of stories continues on numbered pages.
    expect(pages.some((page) => /^\/timeline\/\d{4}\/$/.test(page))).toBe(true);
    expect(pages.some((page) => /^\/timeline\/\d{4}\/2\/$/.test(page))).toBe(true);
  });

  it("does the same for each operation's timeline long enough to be split", () => {
    const byOperation = new Map<string, Article[]>();
    for (const article of articles) {
      const ids = new Set([...article.operations.map((mention) => mention.id), ...article.figures.map((figure) => figure.operation)]);
      for (const id of ids) if (id !== null) byOperation.set(id, [...(byOperation.get(id) ?? []), article]);
    }
    const long = [...byOperation].filter(([, stories]) => stories.length > pageSize);
    expect(long.length).toBeGreaterThan(0);
    for (const [id, stories] of long) checkTimeline(`/timeline/${id}/`, stories);
  });

  it("shows an operation's running totals by year when its timeline is split, each year linked to its page", async () => {
    const long = ['innocence-lost', 'operation-cross-country'].filter((id) => read(`/timeline/${id}/`).includes('class="year-index"'));
    let checked = 0;
    for (const id of long) {
      const page = read(`/operations/${id}/`);
      const table = /<table class="running-totals">[\s\S]*?<\/table>/.exec(page)?.[0];
      if (table === undefined) continue;
      checked += 1;
      expect(table).toContain('<th scope="col">Year</th>');
      const yearRows = [...table.matchAll(/<tr><td>(\d{4}|Undated)\b/g)].map((match) => match[1]);
      expect(yearRows.length).toBeGreaterThan(0);
      expect(new Set(yearRows).size).toBe(yearRows.length);
      for (const year of yearRows) expect(table).toContain(`href="/timeline/${id}/${year === 'Undated' ? 'undated' : year}/"`);
      expect(await htmlProblems(page, `operations/${id}/index.html`)).toEqual([]);
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('links each year page to the same year in the other timelines, and back to its own index', () => {
    const html = read('/timeline/');
    const firstYear = yearLinks(html)[0]!.href;
    const page = read(firstYear);
    const year0 = /\/(\d{4})\/$/.exec(firstYear)?.[1];
    expect(page).toMatch(new RegExp(`<p> ?Stories in the archive, published in ${year0}, oldest first\\.`));
    const links = extractLinks(page);
    expect(links).toContain('/timeline/');
    const year = /\/(\d{4})\/$/.exec(firstYear)?.[1];
    expect(links.some((href) => new RegExp(`^/timeline/[a-z-]+/(${year}/|#y-${year})$`).test(href))).toBe(true);
  });

  it('puts every figure on a page of its year, newest year first, each once', async () => {
    const index = read('/figures/');
    expect(index).not.toContain('<table');
    const years = [...index.matchAll(/<li> ?<a href="(\/figures\/(\d{4}|undated)\/)">[^<]+<\/a> <span class="count">\(([\d,]+) figures? from/g)].map(
      (match) => ({
        href: match[1]!,
        year: match[2]!,
        count: Number(match[3]!.replace(/,/g, '')),
      }),
    );
    const dated = years.filter((year) => year.year !== 'undated').map((year) => Number(year.year));
    expect(dated).toEqual([...dated].sort((a, b) => b - a));
    const expected = articles.flatMap((article) => article.figures.map(() => `${storyPath({ id: article.slug })}#`));
    expect(years.reduce((sum, year) => sum + year.count, 0)).toBe(expected.length);
    const links: string[] = [];
    for (const year of years) {
      const pages = yearPages(year.href);
      const rows = pages.flatMap((page) => [...read(page).matchAll(/<tr> <td> <a href="([^"]+)">/g)].map((match) => match[1]!));
      expect(rows, year.href).toHaveLength(year.count);
      for (const page of pages) expect([...read(page).matchAll(/<tr> <td> <a href=/g)].length).toBeLessThanOrEqual(pageSize);
      links.push(...rows);
    }
    // Each row links to its figure's sentence: as many rows per story as the story has figures.
    const perStory = (hrefs: string[]): Record<string, number> =>
      hrefs.reduce<Record<string, number>>((acc, href) => ({ ...acc, [href.split('#')[0]!]: (acc[href.split('#')[0]!] ?? 0) + 1 }), {});
    expect(perStory(links)).toEqual(perStory(expected));
    expect(await htmlProblems(read(years[0]!.href), 'figures year page')).toEqual([]);
  });

  it('every link on every page resolves, and the year pages are valid HTML', async () => {
    const { broken } = checkLinks(build.outDir, 'https://operations-archive.example');
    expect(broken).toEqual([]);
    const yearFiles = listFiles(build.outDir).filter((file) => /^timeline\/(?:[a-z-]+\/)?(?:\d{4}|undated)\/(?:\d+\/)?index\.html$/.test(file));
    expect(yearFiles.length).toBeGreaterThan(5);
    for (const file of yearFiles.slice(0, 4)) expect(await htmlProblems(readFileSync(path.join(build.outDir, file), 'utf8'), file)).toEqual([]);
    expect(await htmlProblems(read('/timeline/'), 'timeline/index.html')).toEqual([]);
  });
});
