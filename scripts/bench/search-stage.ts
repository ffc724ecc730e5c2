/**
 * The search stage: serves the built N-article site on 127.0.0.1 and measures
 * /search/ in Chromium with the project's own search probe, for a first and a
 * second query typed by a reader with nothing cached.
 */
import { measureSearch } from '../../tests/support/search-measure';
import { serveStatic } from '../../tests/support/static-server';
import type { SearchFigures } from './report';

/** A first query, then a second one that can reuse what the first loaded. */
export const benchQueries = ['Cross Country', 'Independence Day'] as const;

/** Bytes and milliseconds of each query on the site built in `distDir`. */
export async function measureSearchStage(distDir: string): Promise<SearchFigures> {
  const server = await serveStatic(distDir);
  try {
    const measured = await measureSearch(server.url, benchQueries);
    return {
      pageBytes: measured.pageBytes,
      pageRequests: measured.pageRequests,
      queries: measured.queries.map(({ query, bytes, requests, ms, results, keyWaitMs }) => ({ query, bytes, requests, ms, results, keyWaitMs })),
    };
  } finally {
    await server.close();
  }
}
