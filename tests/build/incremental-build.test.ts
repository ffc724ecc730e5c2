/**
 * An incremental build must leave exactly the folder a full build would.
 * Builds a generated archive, then adds one article, edits another and
 * deletes a third, rebuilds into the same folder (which reuses unchanged
 * story pages), and compares every file with a fresh full build of the same
 * copies. The index is cut into shards of 8 stories (ARCHIVE_SEARCH_SHARD_SIZE),
 * and the timelines and figures into pages per year past 6 entries (ARCHIVE_LIST_PAGE_SIZE),
 * so rebuilding some shards and year pages and keeping others is part of what is compared.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSources } from '../../scripts/bench/generate-sources';
import { readCopyStats } from '@/lib/copy-stats';
import { projectRoot } from '../support/dist';
import { buildFixtureArchive, filesOf, type FixtureBuild } from '../support/fixture-build';

const count = 40;
const seed = 11;
const env = { ARCHIVE_SEARCH_SHARD_SIZE: '8', ARCHIVE_LIST_PAGE_SIZE: '6' };
const work = mkdtempSync(path.join(tmpdir(), 'archive-incremental-'));
const articles = path.join(work, 'articles');
let first: FixtureBuild & { work: string };
let again: FixtureBuild & { work: string };
let fresh: FixtureBuild & { work: string };
let edited = '';
let deleted = '';

function ingest(inputs: string[]): void {
  const run = spawnSync(process.execPath, ['scripts/launch.mjs', 'scripts/ingest.ts', '--out', articles, ...inputs], { cwd: projectRoot, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`ingest failed:\n${run.stdout}\n${run.stderr}`);
}

const copies = (): string[] => readdirSync(articles).filter((name) => name.endsWith('.md')).sort();

beforeAll(async () => {
  const sources = path.join(work, 'sources');
  await writeSources(sources, { count, seed });
  ingest([sources]);
  first = buildFixtureArchive(articles, { env });
  if (first.status !== 0) throw new Error(`first build failed:\n${first.output}`);

  const extra = path.join(work, 'extra');
  const [added] = await writeSources(extra, { count: 1, seed, first: count });
  ingest([path.join(extra, added!)]);
  const names = copies();
  edited = names[3]!;
  deleted = names[7]!;
  const editedPath = path.join(articles, edited);
  writeFileSync(editedPath, readFileSync(editedPath, 'utf8').replace(/^title: .*$/m, "title: 'A headline edited by hand'"));
  rmSync(path.join(articles, deleted));

  again = buildFixtureArchive(articles, { work: first.work, env });
  if (again.status !== 0) throw new Error(`incremental build failed:\n${again.output}`);
  fresh = buildFixtureArchive(articles, { env });
  if (fresh.status !== 0) throw new Error(`full build failed:\n${fresh.output}`);
}, 240_000);

afterAll(() => {
  first?.cleanup();
  fresh?.cleanup();
  rmSync(work, { recursive: true, force: true });
});

describe('incremental build', () => {
  it('reuses the pages whose inputs did not change, and says so', () => {
    expect(first.output).toContain('full build (no earlier output)');
    expect(again.output).toContain('incremental build');
    const counts = /(\d+) story pages rendered, (\d+) kept from the last build/.exec(again.output);
    expect(counts).not.toBeNull();
    const [rendered, kept] = [Number(counts![1]), Number(counts![2])];
    expect(rendered + kept).toBe(count);
    // The added story, the edited one, and their neighbours and related stories; not the whole archive.
    expect(rendered).toBeGreaterThanOrEqual(2);
    expect(kept).toBeGreaterThan(count / 2);
    expect(again.output).toMatch(/removed \d+ pages the archive no longer has/);
    const shards = /Pagefind indexed \d+ pages in (\d+) of (\d+) search shards/.exec(again.output);
    expect(shards).not.toBeNull();
    expect(Number(shards![2])).toBeGreaterThanOrEqual(5);
  });

  it('renders only the year pages (timelines, figures) whose rows or links changed', () => {
    const counts = /(\d+) keyed list pages rendered, (\d+) kept from the last build/.exec(again.output);
    expect(counts).not.toBeNull();
    const [rendered, kept] = [Number(counts![1]), Number(counts![2])];
    expect(rendered).toBeGreaterThanOrEqual(1);
    expect(kept).toBeGreaterThan(rendered);
    // Year pages of the timelines and of the figures table.
    expect(filesOf(again.outDir).filter((file) => /^(?:timeline\/(?:[a-z-]+\/)?|figures\/)(?:\d{4}|undated)\//.test(file)).length).toBe(rendered + kept);
    expect(filesOf(again.outDir).some((file) => file.startsWith('figures/20'))).toBe(true);
  });

  it('indexes shards while the other pages are still rendering', () => {
    const report = /Pagefind indexed (\d+) pages in (\d+) of (\d+) search shards, (\d+) of them while pages were rendering/.exec(first.output);
    expect(report).not.toBeNull();
    const [pages, indexed, shards, early] = report!.slice(1).map(Number) as [number, number, number, number];
    expect([pages, indexed, shards]).toEqual([count, 5, 5]);
    // Only a shard whose last page is the last page rendered may have to wait for the end.
    expect(early).toBeGreaterThanOrEqual(shards - 1);
    // Story pages come before the routes with many pages, which render while the last shard is indexed.
    // Astro colours its log when CI is set: drop the colour codes.
    const plain = first.output.replace(/\u001b\[[0-9;]*m/g, '');
    const routes = [...plain.matchAll(/▶ src\/pages\/(\S+)/g)].map((match) => match[1]);
    expect(routes).toEqual(expect.arrayContaining(['[...story].astro', 'figures/[...page].astro', 'timeline/[operation].astro']));
    expect(routes.indexOf('[...story].astro')).toBeLessThan(routes.indexOf('figures/[...page].astro'));
    expect(routes.indexOf('[...story].astro')).toBeLessThan(routes.indexOf('timeline/[operation].astro'));
  });

  it('leaves exactly the files a full build of the same copies leaves', () => {
    const mine = filesOf(again.outDir).sort();
    const theirs = filesOf(fresh.outDir).sort();
    expect(mine).toEqual(theirs);
    const differing = mine.filter((file) => !readFileSync(path.join(again.outDir, file)).equals(readFileSync(path.join(fresh.outDir, file))));
    expect(differing).toEqual([]);
  });

  it('drops the deleted story and shows the edit', () => {
    const slug = (name: string): string => name.replace(/\.md$/, '');
    expect(filesOf(again.outDir).some((file) => file.startsWith(path.join('stories', slug(deleted))))).toBe(false);
    expect(readFileSync(path.join(again.outDir, 'stories', slug(edited), 'index.html'), 'utf8')).toContain('A headline edited by hand');
    expect(readFileSync(path.join(again.outDir, 'sitemap-0.xml'), 'utf8')).not.toContain(`/stories/${slug(deleted)}/`);
  });

  it('rebuilds nothing and keeps the search index when nothing changed', () => {
    const idle = buildFixtureArchive(articles, { work: fresh.work, env });
    expect(idle.status).toBe(0);
    expect(idle.output).toContain(`0 story pages rendered, ${count} kept from the last build`);
    expect(idle.output).toMatch(/ 0 keyed list pages rendered, \d+ kept from the last build/);
    expect(idle.output).toContain('search index kept');
    // Every copy was read by an earlier sync more than the racy window after it was written: none is read now.
    expect(idle.output).toContain(`${count} stories: 0 parsed, ${count} unchanged (${count} known by their file's stat, not read)`);
  }, 120_000);

  it("keeps what the content sync read of each copy beside the copies, so the next sync and ingest need not read it", () => {
    const known = readCopyStats(articles);
    for (const name of copies()) {
      const file = path.join(articles, name);
      const facts = known.get(name, statSync(file, { bigint: true }));
      expect(facts, name).toEqual({ sha256: createHash('sha256').update(readFileSync(file)).digest('hex'), synced: { digest: expect.any(String), slug: name.replace(/\.md$/, '') } });
    }
  });
});
