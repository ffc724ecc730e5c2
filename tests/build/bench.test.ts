/**
 * Keeps the benchmark from rotting: runs `npm run bench` at N = 100 without
 * the Hugo yardstick (so `npm test` needs neither Hugo nor apt), with the
 * machinery comparisons, and checks the report is complete and sane. It
 * asserts no speed: the figures are for `npm run bench` at 10,000.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BenchReport } from '../../scripts/bench/report.ts';
import type { BuildResult, IngestResult } from '../../scripts/bench/stages.ts';
import { projectRoot } from '../support/dist.ts';

const articles = 100;
const mib = 2 ** 20;
const scratch = mkdtempSync(path.join(tmpdir(), 'bench-test-'));
const jsonFile = path.join(scratch, 'report.json');
let report: BenchReport;
let printed: string;

function expectSaneStage(stage: { seconds: number; cpuSeconds: number; peakTreeBytes: number }, what: string): void {
  expect(stage.seconds, what).toBeGreaterThan(0);
  expect(stage.cpuSeconds, what).toBeGreaterThan(0);
  // A Node process alone holds tens of MiB; more than the machine would be a sampling error.
  expect(stage.peakTreeBytes, what).toBeGreaterThan(20 * mib);
  expect(stage.peakTreeBytes, what).toBeLessThan(24 * 1024 * mib);
}

function expectSaneIngest(ingest: IngestResult, sources: number, copies: number, what: string): void {
  expectSaneStage(ingest, what);
  expect(ingest.sources, what).toBe(sources);
  expect(ingest.copies, what).toBe(copies);
  expect(ingest.articlesPerSecond, what).toBeCloseTo(sources / ingest.seconds, 5);
}

function expectSaneBuild(build: BuildResult, stories: number, read: number, what: string): void {
  expectSaneStage(build, what);
  expect(build.storyPages, what).toBe(stories);
  expect(build.loader, what).toEqual({ read, unchanged: stories - read });
  const phases = build.phases!;
  expect(
    phases.map((phase) => phase.name),
    what,
  ).toEqual(['start-up and content sync', 'bundling', 'rendering', 'search index', 'swap into place']);
  for (const phase of phases) expect(phase.seconds, `${what}: ${phase.name}`).toBeGreaterThanOrEqual(0);
  expect(
    phases.reduce((sum, phase) => sum + phase.seconds, 0),
    what,
  ).toBeCloseTo(build.seconds, 5);
  expect(Math.max(...phases.map((phase) => phase.peakTreeBytes)), what).toBe(build.peakTreeBytes);
}

describe(`npm run bench -- --articles ${articles} --skip hugo --machinery`, () => {
  beforeAll(async () => {
    const { stdout } = await promisify(execFile)(
      path.join(projectRoot, 'node_modules', '.bin', 'node'),
      ['scripts/bench/run.ts', '--articles', String(articles), '--seed', '11', '--skip', 'hugo', '--machinery', '--json', jsonFile],
      { cwd: projectRoot, maxBuffer: 16 * mib },
    );
    printed = stdout;
    report = JSON.parse(readFileSync(jsonFile, 'utf8')) as BenchReport;
  }, 600_000);

  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('names the machine and the versions it ran on, and no Hugo', () => {
    expect(report.machine.node).toMatch(/^v\d+\./);
    expect(report.machine.astro).toMatch(/^\d+\.\d+\.\d+/);
    expect(report.machine.pagefind).toMatch(/^\d+\.\d+\.\d+/);
    expect(report.machine.hugo).toBeNull();
    expect(report.hugo).toBeNull();
  });

  it('generates and ingests every source', () => {
    expect(report.generate.files).toBe(articles);
    expectSaneIngest(report.ingest, articles, articles, 'ingest');
  });

  it('builds and indexes one story page per article, cut into phases', () => {
    expectSaneBuild(report.build, articles, articles, 'full build');
  });

  it('adds one article: the rebuild reads that copy alone', () => {
    const added = report.added!;
    expectSaneIngest(added.ingest, 1, articles + 1, 'one added: ingest');
    expectSaneBuild(added.build, articles + 1, 1, 'one added: build');
    expect(added.seconds).toBeCloseTo(added.ingest.seconds + added.build.seconds, 5);
  });

  it('measures each piece of machinery with and without it on the same corpus', () => {
    const { ingestThreads, copyStats, loaderSkip } = report.machinery!;
    expectSaneIngest(ingestThreads.with, articles, articles, 'ingest with threads as by default');
    expectSaneIngest(ingestThreads.without, articles, articles, 'ingest on the main thread');
    expectSaneIngest(copyStats.reingest.with, articles, articles + 1, 're-ingest with the stat cache');
    expectSaneIngest(copyStats.reingest.without, articles, articles + 1, 're-ingest without it');
    expect(copyStats.oneArticle.with).toHaveLength(3);
    expect(copyStats.oneArticle.without).toHaveLength(3);
    const oneArticle = [...copyStats.oneArticle.with, ...copyStats.oneArticle.without].sort((a, b) => a.copies - b.copies);
    oneArticle.forEach((ingest, index) => expectSaneIngest(ingest, 1, articles + 2 + index, `one-article ingest ${index}`));
    expectSaneBuild(loaderSkip.with, articles + 1, 0, 'rebuild with the cache kept');
    expectSaneBuild(loaderSkip.without, articles + 1, articles + 1, 'rebuild with a fresh cache');
  });

  it('prints the table, the machinery comparison and the targets, unmeasured ones marked', () => {
    for (const text of ['full build + index', 'one added: total', '(a) ingest worker threads', '(b) copy stat cache', '(c) loader skip', 'Targets (issue 22)'])
      expect(printed).toContain(text);
    expect(report.targets.map((target) => target.met)).toEqual([null, null, expect.any(Boolean)]);
    expect(printed).not.toContain('hugo + pagefind');
  });
});
