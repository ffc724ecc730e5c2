/**
 * Pagefind's own cost for a query, with nothing of the page around it: the
 * query's index chunks are loaded first (no network in the timing), then
 * Pagefind's `search` is called and timed, once cold, as a reader's first
 * search meets it, and then warm, and the first ten results' fragments are
 * loaded. No typing pause, no shard narrowing, no rendering. The page can do
 * some of this before the last keystroke (it preloads the chunks; a prefix's
 * search warms Pagefind and may load the same fragments), so it can beat the
 * cold call; the fastest warm call is the part no page can start before the
 * query is complete.
 */
import type { Page } from 'playwright-core';
import { launchBrowser } from '../../tests/support/browser.ts';

/** One query's timings. */
export interface PagefindAloneFigures {
  query: string;
  /** The first `search` call after its chunks were loaded, ms. */
  firstMs: number;
  /** The fastest of the calls after it, ms. */
  bestMs: number;
  /** How many calls `bestMs` is the fastest of. */
  repeats: number;
  /** Loading the first ten results' fragments, after the first call, ms. */
  fragmentsMs: number;
  results: number;
}

/** Where Pagefind is started: a page of the site, and the script that leaves its API in `window.benchPagefind`. */
export interface PagefindSetup {
  pagePath: string;
  /** Run in the page (a string: it must not pass through the TypeScript loader's helpers). */
  startScript: string;
  /** A selector the page shows once its own start-up is done, if it has one. */
  readySelector?: string;
}

/** The archive's /search/ page: its Pagefind, with the shards merged as the page merged them. */
export const archiveSetup: PagefindSetup = {
  pagePath: '/search/',
  readySelector: '[data-search-status][data-state="ready"]',
  startScript: `(async () => { window.benchPagefind = await import('/pagefind/pagefind.js'); })()`,
};

/** Hugo's site: Pagefind with its default options, started on one of its story pages. */
export function yardstickSetup(storyPath: string): PagefindSetup {
  return {
    pagePath: storyPath,
    startScript: `(async () => { const api = await import('/pagefind/pagefind.js'); await api.init(); window.benchPagefind = api; })()`,
  };
}

async function timeQuery(page: Page, query: string, repeats: number): Promise<PagefindAloneFigures> {
  return (await page.evaluate(`(async () => {
    const api = window.benchPagefind;
    const query = ${JSON.stringify(query)};
    await api.preload(query);
    let started = performance.now();
    const first = await api.search(query);
    const firstMs = performance.now() - started;
    started = performance.now();
    await Promise.all(first.results.slice(0, 10).map((result) => result.data()));
    const fragmentsMs = performance.now() - started;
    let bestMs = Infinity;
    for (let i = 0; i < ${repeats}; i += 1) {
      started = performance.now();
      await api.search(query);
      bestMs = Math.min(bestMs, performance.now() - started);
    }
    return { query, firstMs, bestMs, repeats: ${repeats}, fragmentsMs, results: first.results.length };
  })()`)) as PagefindAloneFigures;
}

/**
 * Starts Pagefind as `setup` says on the site served at `baseUrl`, in a fresh Chromium, and times each
 * query in turn (the first query's first call pays for Pagefind's first search; later queries find it warm).
 */
export async function measurePagefindAlone(baseUrl: string, setup: PagefindSetup, queries: readonly string[], repeats = 5): Promise<PagefindAloneFigures[]> {
  const browser = await launchBrowser();
  try {
    const page = await browser.context.newPage();
    await page.goto(`${baseUrl}${setup.pagePath}`);
    if (setup.readySelector) await page.waitForSelector(setup.readySelector, { timeout: 60_000 });
    await page.evaluate(setup.startScript);
    const timed: PagefindAloneFigures[] = [];
    for (const query of queries) timed.push(await timeQuery(page, query, repeats));
    return timed.map((entry) => ({ ...entry, firstMs: Math.round(entry.firstMs), bestMs: Math.round(entry.bestMs), fragmentsMs: Math.round(entry.fragmentsMs) }));
  } finally {
    await browser.close();
  }
}
