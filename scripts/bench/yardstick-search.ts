/**
 * The search yardstick: Pagefind's own browser API, with its default options
 * (its web worker included), over the index the Pagefind CLI built for Hugo's
 * pages. A fresh Chromium opens one of Hugo's story pages, starts Pagefind,
 * then runs each query: bytes fetched, and the time from the search call to
 * its results listed with the first ten results' fragments loaded (the
 * archive's page shows ten). No typing and no pause: what Pagefind itself
 * costs for the same query over the same stories, in one index.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Request } from 'playwright-core';
import { launchBrowser } from '../../tests/support/browser.ts';
import { bodyBytes } from '../../tests/support/search-measure.ts';
import { serveStatic } from '../../tests/support/static-server.ts';
import { measurePagefindAlone, yardstickSetup } from './pagefind-alone.ts';
import type { SearchFigures } from './report.ts';

interface Timed {
  ms: number;
  results: number;
}

/** Bytes and milliseconds of each query with Pagefind's API over Hugo's `publicDir`. */
export async function measureYardstickSearch(publicDir: string, queries: readonly string[]): Promise<SearchFigures> {
  const story = (await readdir(path.join(publicDir, 'stories'))).sort()[0];
  if (story === undefined) throw new Error(`yardstick search: no story page in ${publicDir}`);
  const server = await serveStatic(publicDir);
  const browser = await launchBrowser();
  try {
    const page = await browser.context.newPage();
    let phase = -1;
    const started = new Map<Request, number>();
    const fetched: { phase: number; bytes: number }[] = [];
    const pending: Promise<void>[] = [];
    // Context-wide: Pagefind fetches its index from its web worker, which page events miss.
    browser.context.on('request', (request: Request) => void started.set(request, phase));
    browser.context.on('requestfinished', (request: Request) => {
      pending.push(bodyBytes(request).then((bytes) => void fetched.push({ phase: started.get(request) ?? phase, bytes })));
    });
    await page.goto(`${server.url}/stories/${story}/`);
    await page.waitForLoadState('networkidle');
    phase = 0;
    await page.evaluate(`(async () => {
      const pagefind = await import('/pagefind/pagefind.js');
      await pagefind.init();
      window.yardstickPagefind = pagefind;
    })()`);
    const timed: Timed[] = [];
    for (const [index, query] of queries.entries()) {
      await Promise.all(pending);
      phase = index + 1;
      timed.push(
        (await page.evaluate(`(async () => {
          const started = performance.now();
          const response = await window.yardstickPagefind.search(${JSON.stringify(query)});
          await Promise.all(response.results.slice(0, 10).map((result) => result.data()));
          return { ms: performance.now() - started, results: response.results.length };
        })()`)) as Timed,
      );
    }
    await Promise.all(pending);
    const inPhase = (wanted: number) => fetched.filter((entry) => entry.phase === wanted);
    const sum = (entries: { bytes: number }[]): number => entries.reduce((total, entry) => total + entry.bytes, 0);
    return {
      pageBytes: sum(inPhase(0)),
      pageRequests: inPhase(0).length,
      queries: queries.map((query, index) => ({
        query,
        bytes: sum(inPhase(index + 1)),
        requests: inPhase(index + 1).length,
        ms: Math.round(timed[index]!.ms),
        results: timed[index]!.results,
      })),
      // In a browser of its own, as for the archive (search-stage.ts).
      pagefindAlone: await measurePagefindAlone(server.url, yardstickSetup(`/stories/${story}/`), queries),
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
