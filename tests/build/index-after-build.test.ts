/**
 * ARCHIVE_SEARCH_INDEX=after: `npm run build` builds the search index once
 * the astro process has exited, so Astro and Pagefind never hold memory at
 * the same time. The site must be the one a build that indexes alongside
 * rendering leaves, byte for byte; a rebuild must index only the shard whose
 * story changed; and the render manifest, which lets the next build reuse
 * this one's pages, must not exist until the index is complete. The rebuild
 * is not asked to index after Astro: a memory budget too small for both at
 * once (ARCHIVE_BUILD_MEMORY_MIB) makes the build choose to. Within the
 * default budget the first shard whose pages are written is read by Pagefind
 * while Astro renders the rest; the rebuild's budget does not allow that.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexAfterBuild } from '../../src/integrations/index-after-build';
import { readStoryPages } from '../../src/integrations/pagefind';
import type { EarlyRead } from '../../src/integrations/read-while-rendering';
import { formatHandoff } from '@/lib/index-handoff';
import { astroProcessBytes, largestShardPages, pagefindBytes } from '@/lib/index-schedule';
import { buildFixtureArchive, filesOf, generateArchive, type FixtureBuild } from '../support/fixture-build';

const count = 24;
const env = { ARCHIVE_SEARCH_SHARD_SIZE: '8', ARCHIVE_LIST_PAGE_SIZE: '6' };
const afterEnv = { ...env, ARCHIVE_SEARCH_INDEX: 'after' };
const work = mkdtempSync(path.join(tmpdir(), 'archive-index-after-'));
let articles = '';
let after: FixtureBuild & { work: string };
let alongside: FixtureBuild & { work: string };
let again: FixtureBuild & { work: string };
let edited = '';
let budgetMiB = 0;
/** The two first builds' folders, compared before the rebuild changes the first. */
let compared: { mine: string[]; theirs: string[]; differing: string[] };

beforeAll(async () => {
  articles = await generateArchive(work, { count, seed: 12 });
  after = buildFixtureArchive(articles, { env: afterEnv });
  if (after.status !== 0) throw new Error(`build indexing after Astro failed:\n${after.output}`);
  alongside = buildFixtureArchive(articles, { env });
  if (alongside.status !== 0) throw new Error(`build indexing alongside failed:\n${alongside.output}`);
  const mine = filesOf(after.outDir).sort();
  const theirs = filesOf(alongside.outDir).sort();
  const differing = mine.filter((file) => theirs.includes(file) && !readFileSync(path.join(after.outDir, file)).equals(readFileSync(path.join(alongside.outDir, file))));
  compared = { mine, theirs, differing };

  edited = readdirSync(articles).filter((name) => name.endsWith('.md')).sort()[5]!;
  const editedPath = path.join(articles, edited);
  writeFileSync(editedPath, readFileSync(editedPath, 'utf8').replace(/^title: .*$/m, "title: 'A headline edited by hand'"));
  // Not asked for this time: a memory budget that holds Astro and Pagefind one after the other, not
  // both at once, makes the build choose it.
  const astro = astroProcessBytes(count);
  const pagefind = pagefindBytes(largestShardPages(count, env.ARCHIVE_SEARCH_SHARD_SIZE));
  budgetMiB = Math.floor((Math.max(astro, pagefind) + astro + pagefind) / 2 / 2 ** 20) + 60;
  again = buildFixtureArchive(articles, { work: after.work, env: { ...env, ARCHIVE_BUILD_MEMORY_MIB: String(budgetMiB) } });
  if (again.status !== 0) throw new Error(`rebuild indexing after Astro failed:\n${again.output}`);
}, 240_000);

afterAll(() => {
  after?.cleanup();
  alongside?.cleanup();
  rmSync(work, { recursive: true, force: true });
});

describe('search index built after Astro has exited', () => {
  it('indexes once the astro build is complete, and says so', () => {
    const plain = after.output.replace(/\u001b\[[0-9;]*m/g, '');
    // Dated shards of 8 oldest first, the undated stories in a shard of their own.
    expect(plain).toContain('build: search index after Astro exits (ARCHIVE_SEARCH_INDEX=after)');
    expect(alongside.output).toMatch(/build: search index alongside rendering: about [\d,]+ MiB at its peak, within the build's budget of 1,024 MiB/);
    expect(plain).toContain('search index: 4 of 4 shards to index once Astro has exited');
    expect(plain).toContain(`Pagefind indexed ${count} pages in 4 of 4 search shards, after Astro exited`);
    expect(plain.indexOf('[build] Complete!')).toBeGreaterThan(-1);
    expect(plain.indexOf('[build] Complete!')).toBeLessThan(plain.indexOf('search shard d0:'));
    expect(plain).toMatch(/search shard d1: 8 pages into \/pagefind\/shards\/d1\/ in \d+ ms \(0 stale files deleted\) \[\d of 4\]/);
    // The first shard whose pages were all written was read by Pagefind while Astro rendered, and written first.
    const early = /search shard (\w+): reading its (\d+) pages while Astro renders the rest \(about [\d,]+ MiB with Astro, within the build's budget of 1,024 MiB\)/.exec(plain);
    expect(early, plain).not.toBeNull();
    expect(plain.indexOf(early![0])).toBeLessThan(plain.indexOf('[build] Complete!'));
    expect(plain).toMatch(new RegExp(`search shard ${early![1]}: ${early![2]} pages into \\S+ in \\d+ ms \\(0 stale files deleted\\) \\[1 of 4\\], its pages read while Astro rendered`));
    expect(plain).not.toContain('while pages were rendering');
    expect(alongside.output).toMatch(/Pagefind indexed 24 pages in 4 of 4 search shards, \d+ of them while pages were rendering/);
  });

  it('leaves exactly the files a build indexing alongside rendering leaves', () => {
    expect(compared.mine.filter((file) => file.startsWith('pagefind/')).length).toBeGreaterThan(count);
    expect(compared.mine).toEqual(compared.theirs);
    expect(compared.differing).toEqual([]);
  });

  it('rebuilds incrementally and indexes only the shard whose story changed', () => {
    expect(again.output).toMatch(
      new RegExp(
        `build: search index after Astro exits: about [\\d,]+ MiB at its peak, where alongside rendering \\(faster\\) would take about [\\d,]+ MiB, above the build's budget of ${budgetMiB} MiB \\(ARCHIVE_BUILD_MEMORY_MIB\\)`,
      ),
    );
    expect(again.output).toContain('incremental build');
    expect(again.output).toContain('search index: 1 of 4 shards to index once Astro has exited');
    expect(again.output).toMatch(/Pagefind indexed 8 pages in 1 of 4 search shards \(3 unchanged\), after Astro exited/);
    // The budget that holds Astro and Pagefind only one after the other does not hold Astro and a shard's read either.
    expect(again.output).toMatch(new RegExp(`search shard \\w+: its pages are not read while Astro renders: about [\\d,]+ MiB with Astro, above the build's budget of ${budgetMiB} MiB`));
    expect(again.output).not.toContain('its pages read while Astro rendered');
    expect(readFileSync(path.join(again.outDir, 'stories', edited.replace(/\.md$/, ''), 'index.html'), 'utf8')).toContain('A headline edited by hand');
    expect(existsSync(path.join(again.work, 'cache', 'render-manifest.json'))).toBe(true);
  });
});

describe('indexing after the build, when a shard fails', () => {
  it('names the shard, and leaves no render manifest to vouch for the folder', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'archive-index-fail-'));
    try {
      const siteDir = path.join(dir, 'dist');
      mkdirSync(path.join(siteDir, 'stories'), { recursive: true });
      const manifestFile = path.join(dir, 'render-manifest.json');
      // A manifest left by an earlier build must go too: the folder no longer matches it.
      writeFileSync(manifestFile, '{"version":2}\n');
      const handoffFile = path.join(dir, 'handoff.json');
      const shard = { id: 'all', path: '/pagefind/', slugs: ['a-story-never-rendered'], key: 'k' };
      writeFileSync(handoffFile, formatHandoff({ version: 1, siteDir, shards: [shard], stale: ['all'], manifestFile, manifest: '{"version":2}\n' }));
      const lines: string[] = [];
      await expect(indexAfterBuild(handoffFile, { info: (line) => lines.push(line) })).rejects.toThrow(/search shard all \(1 of 1\): Pagefind found 0 of 1 story pages/);
      expect(existsSync(manifestFile)).toBe(false);
      expect(lines).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes a shard from pages read while Astro rendered only when they are the pages it needs', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'archive-index-early-'));
    try {
      const shard = { id: 'all', path: '/pagefind/', slugs: ['first-story', 'second-story'], key: 'k2' };
      /** A site of two story pages with a handoff naming both, indexed with `early` (or without); its files. */
      const indexSite = async (name: string, early: (siteDir: string) => Promise<EarlyRead> | null) => {
        const siteDir = path.join(dir, name, 'dist');
        for (const slug of shard.slugs) {
          mkdirSync(path.join(siteDir, 'stories', slug), { recursive: true });
          writeFileSync(
            path.join(siteDir, 'stories', slug, 'index.html'),
            `<!doctype html><html lang="en"><head><title>${slug}</title></head><body><main data-pagefind-body><h1>${slug}</h1><p>Agents recovered children in ${slug}.</p></main></body></html>`,
          );
        }
        const manifestFile = path.join(dir, name, 'render-manifest.json');
        const handoffFile = path.join(dir, name, 'handoff.json');
        writeFileSync(handoffFile, formatHandoff({ version: 1, siteDir, shards: [shard], stale: ['all'], manifestFile, manifest: '{"version":2}\n' }));
        const lines: string[] = [];
        await indexAfterBuild(handoffFile, { info: (line) => lines.push(line) }, await early(siteDir));
        expect(readFileSync(manifestFile, 'utf8')).toBe('{"version":2}\n');
        return { lines, siteDir, files: filesOf(siteDir).sort() };
      };
      const readEarly = async (siteDir: string, slugs: string[], key: string): Promise<EarlyRead> => ({
        shard: { ...shard, slugs, key },
        siteDir,
        reading: readStoryPages(siteDir, slugs),
        started: Date.now(),
      });
      const plain = await indexSite('plain', () => null);
      const used = await indexSite('used', (siteDir) => readEarly(siteDir, shard.slugs, shard.key));
      // Read before a page of the shard changed: the shard's key is not the one the handoff names.
      const stale = await indexSite('stale', (siteDir) => readEarly(siteDir, shard.slugs, 'k1'));
      expect(plain.lines.join('\n')).not.toContain('read while Astro rendered');
      expect(used.lines[0]).toMatch(/^search shard all: 2 pages into \/pagefind\/ in \d+ ms \(0 stale files deleted\) \[1 of 1\], its pages read while Astro rendered/);
      expect(stale.lines.join('\n')).not.toContain('read while Astro rendered');
      expect(stale.lines.at(-1)).toMatch(/^Pagefind indexed 2 pages in 1 of 1 search shards, after Astro exited/);
      for (const other of [used, stale]) {
        expect(other.files).toEqual(plain.files);
        for (const file of plain.files) expect(readFileSync(path.join(other.siteDir, file)).equals(readFileSync(path.join(plain.siteDir, file))), file).toBe(true);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says so when the build left no handoff', async () => {
    await expect(indexAfterBuild(path.join(tmpdir(), 'no-such-folder', 'handoff.json'), { info: () => undefined })).rejects.toThrow(
      /the build left no search index handoff at .*no-such-folder\/handoff\.json/,
    );
  });
});
