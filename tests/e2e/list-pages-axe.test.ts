/**
 * The pages a long archive gets instead of one long list (see
 * tests/build/list-pages.test.ts): a generated archive of 80 stories built
 * with list pages of 5, checked with axe-core in both colour schemes. The
 * seed archive is too small to have any of these pages.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { launchBrowser, type LaunchedBrowser } from '../support/browser.ts';
import { buildFixtureArchive, generateArchive, type FixtureBuild } from '../support/fixture-build.ts';
import { serveStatic, type RunningServer } from '../support/static-server.ts';

const work = mkdtempSync(path.join(tmpdir(), 'archive-list-pages-'));
let build: FixtureBuild;
let server: RunningServer;

beforeAll(async () => {
  const articles = await generateArchive(work, { count: 80, seed: 31 });
  build = buildFixtureArchive(articles, { env: { ARCHIVE_LIST_PAGE_SIZE: '5' } });
  if (build.status !== 0) throw new Error(`build failed:\n${build.output}`);
  server = await serveStatic(build.outDir);
}, 120_000);

afterAll(async () => {
  await server?.close();
  build?.cleanup();
  rmSync(work, { recursive: true, force: true });
});

/** Where the first link matching `pattern` on `pathname` goes. */
async function firstLink(browser: LaunchedBrowser, pathname: string, pattern: RegExp): Promise<string> {
  const page = await browser.context.newPage();
  await page.goto(`${server.url}${pathname}`);
  const hrefs = await page.$$eval('main a', (links) => links.map((link) => link.getAttribute('href') ?? ''));
  await page.close();
  const found = hrefs.find((href) => pattern.test(href));
  if (!found) throw new Error(`no link like ${pattern} on ${pathname}`);
  return found;
}

for (const colorScheme of ['light', 'dark'] as const) {
  describe(`axe-core on the pages of long lists, ${colorScheme} scheme`, () => {
    let browser: LaunchedBrowser;
    beforeAll(async () => {
      browser = await launchBrowser({ colorScheme });
    });
    afterAll(async () => {
      await browser?.close();
    });

    const pages: { name: string; heading: RegExp; path: () => Promise<string> }[] = [
      { name: 'the timeline as a list of years', heading: /^Timeline$/, path: async () => '/timeline/' },
      { name: "a year's page of the timeline", heading: /^Timeline: \d{4}/, path: async () => firstLink(browser, '/timeline/', /^\/timeline\/\d{4}\/$/) },
      {
        name: "an operation's year page",
        heading: /^Timeline: Innocence Lost National Initiative, \d{4}/,
        path: async () => firstLink(browser, '/timeline/innocence-lost/', /^\/timeline\/innocence-lost\/\d{4}\/$/),
      },
      { name: 'the figures as a list of years', heading: /^Figures$/, path: async () => '/figures/' },
      {
        name: "a year's second page of figures",
        heading: /^Figures: \d{4}, page 2 of \d+$/,
        path: async () => firstLink(browser, '/figures/', /^\/figures\/\d{4}\/$/).then((first) => firstLink(browser, first, /\/2\/$/)),
      },
      {
        name: 'an operation page with running totals by year',
        heading: /^Innocence Lost National Initiative$/,
        path: async () => '/operations/innocence-lost/',
      },
    ];
    for (const { name, heading, path: pathOf } of pages) {
      it(`${name} has no violations`, async () => {
        const pathname = await pathOf();
        const page = await browser.context.newPage();
        await page.goto(`${server.url}${pathname}`);
        expect((await page.textContent('main h1'))?.trim()).toMatch(heading);
        if (pathname.startsWith('/operations/')) expect(await page.textContent('#totals-heading')).toBe('Running totals, year by year');
        expect(await axeViolations(page)).toEqual([]);
        await page.close();
      });
    }
  });
}
