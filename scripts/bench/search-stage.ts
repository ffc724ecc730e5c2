/**
 * The search stage: serves the built N-article site on 127.0.0.1 and measures
 * /search/ in Chromium with the project's own search probe, for a first and a
 * second query typed by a reader with nothing cached.
 */
import { measureSearch } from '../../tests/support/search-measure.ts';
import { serveStatic } from '../../tests/support/static-server.ts';
import { archiveSetup, measurePagefindAlone } from './pagefind-alone.ts';
import type { SearchFigures } from './report.ts';

/** A first query, then a second one that can reuse what the first loaded. */
export const benchQueries = ['Cross Country', 'Independence Day'] as const;

/** Pagefind's own files, which a reader fetches before any word's index chunk: its script, its wasm, each bundle's entry and metadata. */
const pagefindStartFile = /\/pagefind\/(?:.*\/)?(?:pagefind\.js|pagefind-entry\.json|[^/]+\.pf_meta|wasm\.[^/]+\.pagefind)$/;

/** Bytes and milliseconds of each query on the site built in `distDir`, then Pagefind's own cost for the same queries there. */
export async function measureSearchStage(distDir: string): Promise<SearchFigures> {
  const server = await serveStatic(distDir);
  try {
    const measured = await measureSearch(server.url, benchQueries);
    return {
      pageBytes: measured.pageBytes,
      pageRequests: measured.pageRequests,
      pagefindStartBytes: measured.pageResources.filter((resource) => pagefindStartFile.test(resource.path)).reduce((sum, resource) => sum + resource.bytes, 0),
      queries: measured.queries.map(({ query, bytes, requests, ms, results, keyWaitMs }) => ({ query, bytes, requests, ms, results, keyWaitMs })),
      // In a browser of its own, so nothing the typed queries loaded is warm.
      pagefindAlone: await measurePagefindAlone(server.url, archiveSetup, benchQueries),
    };
  } finally {
    await server.close();
  }
}
