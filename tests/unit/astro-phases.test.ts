import { describe, expect, it } from 'vitest';
import { parseBuildLog } from '../../scripts/bench/astro-phases.ts';

const astroLines = [
  { ms: 1000, text: '10:00:01 [content] Syncing content' },
  { ms: 3000, text: '10:00:03 [content] Synced content' },
  { ms: 3500, text: '10:00:03 [build] Building static entrypoints...' },
  { ms: 8000, text: '10:00:08 generating static routes' },
  { ms: 8100, text: '10:00:08 ▶ src/pages/[...story].astro' },
  { ms: 8200, text: '10:00:08   └─ /stories/a/index.html (+1ms)' },
  { ms: 20000, text: '10:00:20 ✓ Completed in 12.00s.' },
];
/** The integration's last line for a one-shard index that kept the build waiting 200 ms. */
const oneShardIndexed = (ms: number) => ({ ms, text: '10:00:21 [archive-pagefind] Pagefind indexed 40 pages in 1 of 1 search shards, 1 of them while pages were rendering; indexing took 900 ms in all, the build waited 200 ms for it' });
const seconds = (phases: { name: string; seconds: number }[]): Record<string, number> => Object.fromEntries(phases.map((phase) => [phase.name, phase.seconds]));

describe('the benchmark reads the phases of a build from its log', () => {
  it('takes the wait for an index built while pages rendered as a phase before shutdown', () => {
    const lines = [
      ...astroLines,
      { ms: 24000, text: '10:00:24 [archive-pagefind] Pagefind indexed 40 pages in 5 of 5 search shards, 4 of them while pages were rendering; indexing took 9000 ms in all, the build waited 3000 ms for it' },
    ];
    const parsed = parseBuildLog(lines, [], 25);
    expect(parsed.indexAfterBuild).toBe(false);
    expect([parsed.indexedPages, parsed.indexSeconds, parsed.indexingSeconds]).toEqual([40, 3, 9]);
    expect(seconds(parsed.phases)).toEqual({ 'start-up': 1, 'content sync': 2, 'types and build info': 0.5, bundling: 4.5, rendering: 12, 'other build hooks': 1, index: 3, shutdown: 1 });
  });

  it('gives a phase shorter than the polling interval the larger memory sample either side of it', () => {
    const lines = [
      ...astroLines,
      oneShardIndexed(21300),
    ];
    // Sampled every 500 ms: none falls within the index wait (21,100-21,300 ms); the one after it is a tree already exiting.
    const samples = [
      { ms: 20500, bytes: 300e6 },
      { ms: 21000, bytes: 310e6 },
      { ms: 21500, bytes: 1.4e6 },
    ];
    const index = parseBuildLog(lines, samples, 21.6).phases.find((phase) => phase.name === 'index')!;
    expect(index.seconds).toBeCloseTo(0.2, 5);
    expect(index.peakBytes).toBe(310e6);
  });

  it('counts the memory in effect when a phase starts, so a shutdown polled only as the tree exits keeps its peak', () => {
    const lines = [
      ...astroLines,
      oneShardIndexed(21000),
    ];
    // The index wait holds the 310 MB poll; shutdown (21,000-22,400 ms) holds only the exiting tree's 1.4 MB.
    const samples = [
      { ms: 20500, bytes: 300e6 },
      { ms: 20900, bytes: 310e6 },
      { ms: 21400, bytes: 1.4e6 },
    ];
    const phases = parseBuildLog(lines, samples, 22.4).phases;
    expect(phases.find((phase) => phase.name === 'shutdown')!.peakBytes).toBe(310e6);
    expect(phases.find((phase) => phase.name === 'index')!.peakBytes).toBe(310e6);
  });

  it('takes an index built after Astro exited as the last phase, Astro’s shutdown before it', () => {
    const lines = [
      ...astroLines,
      { ms: 22000, text: 'build: astro build done; building the search index (ARCHIVE_SEARCH_INDEX=after)' },
      { ms: 30000, text: '[archive-pagefind] Pagefind indexed 40 pages in 5 of 5 search shards, after Astro exited; indexing took 7900 ms in all, the build waited 7900 ms for it' },
    ];
    const parsed = parseBuildLog(lines, [], 30.1);
    expect(parsed.indexAfterBuild).toBe(true);
    const phases = seconds(parsed.phases);
    expect(phases['other build hooks']).toBeCloseTo(2.1, 5);
    expect(phases['index']).toBeCloseTo(8, 5);
    expect(phases['shutdown']).toBeUndefined();
    expect(parsed.phases.at(-1)!.name).toBe('index');
  });
});
