/**
 * What a first and a second query cost on the seed archive, measured with
 * the same function the benchmark runs on a generated archive, and printed.
 */
import { describe, expect, inject, it } from 'vitest';
import { formatSearchMeasurement, keyIntervalMs, measureSearch } from '../support/search-measure.ts';
import { readStoryFacts, storiesMatching } from './search-support.ts';

describe('bytes fetched by search on the seed archive', () => {
  it('measures a first and a second query, fetching only what they need', async () => {
    const measurement = await measureSearch(inject('baseUrl'), ['charlotte', 'recovered']);
    console.log(`search on the seed archive (uncompressed bodies, fresh profile):\n${formatSearchMeasurement(measurement)}`);

    const pagePaths = measurement.pageResources.map((resource) => resource.path);
    expect(pagePaths).toContain('/search/');
    expect(pagePaths).toContain('/pagefind/pagefind.js');
    expect(pagePaths.some((p) => p.startsWith('/pagefind/wasm.'))).toBe(true);

    const [first, second] = measurement.queries;
    expect(first!.results).toBe(storiesMatching(readStoryFacts(), /charlotte/i).length);
    expect(first!.resources.some((resource) => resource.path.endsWith('.pf_index'))).toBe(true);
    for (const query of [first!, second!]) {
      expect(query.bytes).toBe(query.resources.reduce((sum, resource) => sum + resource.bytes, 0));
      expect(query.ms).toBeGreaterThan(0);
      // One fragment per result the page asked for: those it showed, and on a loaded machine those of a
      // prefix's search (a pause mid-word) that a keystroke superseded while they loaded; a page of
      // results at a time, never the whole archive; nothing the page load already fetched.
      const fragments = query.resources.filter((resource) => resource.path.endsWith('.pf_fragment')).length;
      expect(fragments).toBeLessThanOrEqual(query.askedWhileTyping);
      expect(query.askedWhileTyping).toBeGreaterThanOrEqual(query.shown);
      expect(query.resources.some((resource) => resource.path === '/pagefind/pagefind.js' || resource.path.startsWith('/pagefind/wasm.'))).toBe(false);
    }
    expect(first!.bytes).toBeGreaterThan(0);
  });

  it('measures how long a keystroke waits for a busy page', async () => {
    // The page is kept busy for 400 ms from 10 ms after the first key, as a long search on its thread
    // would: the next key, typed keyIntervalMs after the first, waits for the rest of it.
    const blockMs = 400;
    const busy = await measureSearch(inject('baseUrl'), ['charlotte'], {
      prepare: (page) =>
        page.evaluate((ms) => {
          // At the query's first letter (clearing the box beforehand sends a key too).
          const block = (event: KeyboardEvent): void => {
            if (event.key !== 'c') return;
            document.removeEventListener('keydown', block);
            setTimeout(() => {
              const until = performance.now() + ms;
              while (performance.now() < until);
            }, 10);
          };
          document.addEventListener('keydown', block);
        }, blockMs),
    });
    // Unblocked, keys on the seed archive wait a few ms (2-80 measured here).
    const waited = busy.queries[0]!.keyWaitMs;
    expect(waited).toBeGreaterThanOrEqual(blockMs - keyIntervalMs - 60);
    expect(waited).toBeLessThan(blockMs + 300);
    // The whole word was typed and searched.
    expect(busy.queries[0]!.results).toBe(storiesMatching(readStoryFacts(), /charlotte/i).length);
  });
});
