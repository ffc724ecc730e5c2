/**
 * Keeps the benchmark from rotting: runs `npm run bench` at N = 200 with every
 * stage (ingest, astro build with its index, Hugo and Pagefind, search in
 * Chromium on both sites, incremental rebuild) and checks the report is
 * complete and sane.
 * It does not assert the speed targets: those are for the large runs.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BenchReport } from '../../scripts/bench/report.ts';
import { benchQueries } from '../../scripts/bench/search-stage.ts';
import { projectRoot } from '../support/dist.ts';

const articles = 200;
const scratch = mkdtempSync(path.join(tmpdir(), 'bench-test-'));
const jsonFile = path.join(scratch, 'report.json');
let report: BenchReport;
let printed: string;

const mib = 2 ** 20;

describe(`npm run bench -- --articles ${articles}`, () => {
  beforeAll(async () => {
    const { stdout } = await promisify(execFile)(
      path.join(projectRoot, 'node_modules', '.bin', 'tsx'),
      ['scripts/bench/run.ts', '--articles', String(articles), '--seed', '11', '--json', jsonFile],
      { cwd: projectRoot, maxBuffer: 64 * mib },
    );
    printed = stdout;
    report = JSON.parse(readFileSync(jsonFile, 'utf8')) as BenchReport;
  }, 280_000);

  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('generates and ingests every source', () => {
    expect(report.generate.files).toBe(articles);
    expect(report.generate.size.bytes / articles).toBeGreaterThan(2000);
    expect(report.ingest.articles).toBe(articles);
    expect(report.ingest.seconds).toBeGreaterThan(0);
    expect(report.ingest.articlesPerSecond).toBeCloseTo(articles / report.ingest.seconds, 5);
  });

  it('builds one story page per article and indexes every one', () => {
    const build = report.build!;
    expect(build.storyPages).toBe(articles);
    expect(build.index?.indexedPages).toBe(articles);
    expect(build.searchIndex.files).toBeGreaterThan(0);
    expect(build.dist.bytes).toBeGreaterThan(build.searchIndex.bytes);
    expect(build.total.seconds).toBeCloseTo(build.build.seconds + build.index!.seconds, 5);
  });

  it('splits the build into its phases, with time and memory for each', () => {
    const names = report.build!.phases.map((phase) => phase.name);
    for (const name of ['start-up', 'content sync', 'bundling', 'rendering', 'index']) expect(names).toContain(name);
    for (const phase of report.build!.phases) expect(phase.peakBytes, phase.name).toBeGreaterThan(10 * mib);
    const sum = report.build!.phases.reduce((total, phase) => total + phase.seconds, 0);
    expect(sum).toBeCloseTo(report.build!.total.seconds, 1);
    const peak = report.build!.total.peakTreeBytes;
    expect(peak).toBeGreaterThan(50 * mib);
    expect(peak).toBeLessThan(24 * 1024 * mib);
    expect(Math.max(...report.build!.phases.map((phase) => phase.peakBytes))).toBe(peak);
  });

  it('times each route of the rendering phase', () => {
    const { routes, phases } = report.build!;
    const stories = routes.find((route) => route.route === 'src/pages/[...story].astro');
    expect(stories?.pages).toBe(articles);
    const rendering = phases.find((phase) => phase.name === 'rendering')!.seconds;
    expect(routes.reduce((total, route) => total + route.seconds, 0)).toBeLessThanOrEqual(rendering + 0.01);
  });

  it('builds and indexes the same copies with Hugo as the yardstick', () => {
    const hugo = report.hugo!;
    expect(report.machine.hugo).toMatch(/^hugo v\d+\.\d+/);
    expect(hugo.storyPages).toBe(articles);
    expect(hugo.indexedPages).toBe(articles);
    expect(hugo.build.seconds).toBeGreaterThan(0);
    expect(hugo.pagefind.seconds).toBeGreaterThan(0);
    expect(hugo.searchIndex.files).toBeGreaterThan(0);
  });

  it('rebuilds after one more article, with that article in dist/ and the index', () => {
    const incremental = report.incremental!;
    expect(incremental.ingest.articles).toBe(articles + 1);
    expect(incremental.build.storyPages).toBe(articles + 1);
    expect(incremental.build.index?.indexedPages).toBe(articles + 1);
    expect(incremental.seconds).toBeCloseTo(incremental.ingest.seconds + incremental.build.total.seconds, 5);
  });

  it('builds once more with nothing changed, rendering no story page and indexing nothing', () => {
    const unchanged = report.incremental!.unchanged;
    expect(unchanged.storyPages).toBe(articles + 1);
    expect(unchanged.routes.find((route) => route.route === 'src/pages/[...story].astro')?.pages).toBe(0);
    expect(unchanged.index).toBeNull();
    expect(unchanged.total.seconds).toBeGreaterThan(0);
    expect(printed).toContain('rebuild, nothing changed');
  });

  it('measures a first and a second search in Chromium', () => {
    const search = report.search!;
    expect(search.pageBytes).toBeGreaterThan(0);
    expect(search.queries).toHaveLength(2);
    for (const query of search.queries) {
      expect(query.results, query.query).toBeGreaterThan(0);
      expect(query.bytes, query.query).toBeGreaterThan(0);
      expect(query.ms, query.query).toBeGreaterThan(0);
    }
    expect(search.queries.map((query) => query.query)).toEqual([...benchQueries]);
  });

  it("measures the same queries with Pagefind's own API over Hugo's pages, which finds what the shards find", () => {
    const yardstick = report.yardstickSearch!;
    expect(yardstick.pageBytes).toBeGreaterThan(10_000);
    expect(yardstick.queries.map((query) => query.query)).toEqual([...benchQueries]);
    yardstick.queries.forEach((query, index) => {
      expect(query.bytes, query.query).toBeGreaterThan(0);
      expect(query.ms, query.query).toBeGreaterThan(0);
      // One index over the same stories: the archive's narrowing over shards must give the same count.
      expect(query.results, query.query).toBe(report.search!.queries[index]!.results);
    });
    expect(printed).toContain("yardstick: Pagefind's API");
  });

  it("times Pagefind's own search on both sites with the query's chunks loaded", () => {
    const search = report.search!;
    // Pagefind's script, wasm and the bundle's metadata: most of what opening the page fetched.
    expect(search.pagefindStartBytes).toBeGreaterThan(50_000);
    expect(search.pagefindStartBytes).toBeLessThan(search.pageBytes);
    for (const figures of [search, report.yardstickSearch!]) {
      const alone = figures.pagefindAlone!;
      expect(alone.map((entry) => entry.query)).toEqual([...benchQueries]);
      for (const entry of alone) {
        expect(entry.firstMs, entry.query).toBeGreaterThanOrEqual(0);
        expect(entry.fragmentsMs, entry.query).toBeGreaterThan(0);
        expect(entry.repeats).toBe(5);
      }
    }
    // One index over the same stories: Pagefind alone finds what the page found for a one-bundle archive.
    report.yardstickSearch!.pagefindAlone!.forEach((entry, index) => expect(entry.results, entry.query).toBe(search.queries[index]!.results));
    expect(printed).toContain("Pagefind's search alone, the query's chunks loaded");
  });

  it('checks every target of issue 6 and prints the table', () => {
    expect(report.targets).toHaveLength(6);
    for (const target of report.targets) expect(target.met, target.name).not.toBeNull();
    expect(printed).toContain('Targets (issue 6)');
    expect(printed).toContain('full build + index (astro build)');
    expect(printed).toContain('hugo + pagefind');
  });
});
