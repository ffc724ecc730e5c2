/**
 * Given these pages, index them, then look at what Pagefind wrote: the
 * integration's own rules (the named story pages only, every one of them
 * indexed).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { indexStoryPages, slugsPerGlob, storyPageGlobs } from '@/integrations/pagefind';

const story = (title: string, body = true): string =>
  `<!doctype html><html lang="en"><body><nav>Navigation words</nav><article ${body ? 'data-pagefind-body ' : ''}data-pagefind-sort="date:2017-10-19"><h1 data-pagefind-meta="title">${title}</h1><p>Story text about Charlotte.</p></article></body></html>`;

let site = '';
function makeSite(pages: Record<string, string>): string {
  site = mkdtempSync(path.join(tmpdir(), 'archive-pagefind-'));
  for (const [file, html] of Object.entries(pages)) {
    mkdirSync(path.dirname(path.join(site, file)), { recursive: true });
    writeFileSync(path.join(site, file), html);
  }
  return site;
}
/** The whole site's index, as the integration builds it for an archive of one shard. */
const indexSite = (dir: string, slugs: string[]) => indexStoryPages(dir, slugs, path.join(dir, 'pagefind'));

afterEach(() => {
  if (site) rmSync(site, { recursive: true, force: true });
  site = '';
});

describe('storyPageGlobs', () => {
  it('names the pages where storyPath puts them', () => {
    expect(storyPageGlobs(['a', 'b-2'])).toEqual(['stories/{a,b-2}/index.html']);
    expect(storyPageGlobs([])).toEqual([]);
  });

  it('splits long lists into globs Pagefind can parse', () => {
    const slugs = Array.from({ length: slugsPerGlob * 2 + 1 }, (_, n) => `s${n}`);
    const globs = storyPageGlobs(slugs);
    expect(globs).toHaveLength(3);
    expect(globs.flatMap((glob) => /\{(.*)\}/.exec(glob)![1]!.split(','))).toEqual(slugs);
  });

  it('refuses a slug that would be read as a glob', () => {
    expect(() => storyPageGlobs(['a,b'])).toThrow(/'a,b': not a valid slug/);
    expect(() => storyPageGlobs(['*'])).toThrow(/not a valid slug/);
  });
});

describe('indexStoryPages', () => {
  it('indexes the named story pages and nothing else', async () => {
    const dir = makeSite({
      'index.html': '<!doctype html><html lang="en"><body><p>Home page about Charlotte</p></body></html>',
      'search/index.html': '<!doctype html><html lang="en"><body><p>Search</p></body></html>',
      'stories/a/index.html': story('A'),
      'stories/b/index.html': story('B'),
      'stories/other-shard/index.html': story('Other'),
    });
    const summary = await indexSite(dir, ['a', 'b']);
    expect(summary).toMatchObject({ storyPages: 2, indexedPages: 2 });
    const entry = JSON.parse(readFileSync(path.join(dir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    expect(Object.values(entry.languages).map((language) => language.page_count)).toEqual([2]);
    const fragments = readdirSync(path.join(dir, 'pagefind', 'fragment')).map(
      (name) => JSON.parse(gunzipSync(readFileSync(path.join(dir, 'pagefind', 'fragment', name))).subarray(12).toString('utf8')) as { url: string; content: string },
    );
    expect(fragments.map((fragment) => fragment.url).sort()).toEqual(['/stories/a/', '/stories/b/']);
    expect(fragments.every((fragment) => !fragment.content.includes('Navigation'))).toBe(true);
  });

  it('fails when a named story page is not on disk', async () => {
    const dir = makeSite({ 'stories/a/index.html': story('A') });
    await expect(indexSite(dir, ['a', 'missing'])).rejects.toThrow(/found 1 of 2 story pages/);
  });

  it('fails when a story page would be left out of the index', async () => {
    const dir = makeSite({ 'stories/a/index.html': story('A'), 'stories/b/index.html': story('B', false) });
    await expect(indexSite(dir, ['a', 'b'])).rejects.toThrow(/indexed 1 of 2 story pages/);
  });

  it('fails when no story page is indexed although story pages exist', async () => {
    // With no data-pagefind-body anywhere Pagefind indexes whole pages; an empty one yields nothing.
    const dir = makeSite({ 'stories/a/index.html': '<!doctype html><html lang="en"><body></body></html>' });
    await expect(indexSite(dir, ['a'])).rejects.toThrow(/indexed 0 of 1 story pages/);
  });

  it('writes an empty index for an empty archive, so the search page still loads', async () => {
    const dir = makeSite({ 'index.html': '<!doctype html><html lang="en"><body><p>No stories yet.</p></body></html>' });
    await expect(indexSite(dir, [])).resolves.toMatchObject({ storyPages: 0, indexedPages: 0 });
    expect(readFileSync(path.join(dir, 'pagefind', 'pagefind.js'), 'utf8').length).toBeGreaterThan(0);
  });

  it('rebuilt in the same folder, leaves exactly what a fresh index of the same pages has', async () => {
    const dir = makeSite({ 'stories/a/index.html': story('A'), 'stories/b/index.html': story('B'), 'stories/c/index.html': story('C') });
    await indexSite(dir, ['a', 'b', 'c']);
    writeFileSync(path.join(dir, 'stories', 'c', 'index.html'), story('C, corrected'));
    const again = await indexSite(dir, ['a', 'c']);
    expect(again.deleted).toBeGreaterThan(0);
    const fresh = mkdtempSync(path.join(tmpdir(), 'archive-pagefind-fresh-'));
    try {
      for (const name of ['a', 'c']) {
        mkdirSync(path.join(fresh, 'stories', name), { recursive: true });
        writeFileSync(path.join(fresh, 'stories', name, 'index.html'), readFileSync(path.join(dir, 'stories', name, 'index.html')));
      }
      await indexSite(fresh, ['a', 'c']);
      const files = (root: string): string[] => readdirSync(path.join(root, 'pagefind'), { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => path.relative(path.join(root, 'pagefind'), path.join(entry.parentPath, entry.name)))
        .sort();
      expect(files(dir)).toEqual(files(fresh));
      for (const file of files(fresh)) expect(readFileSync(path.join(dir, 'pagefind', file)).equals(readFileSync(path.join(fresh, 'pagefind', file))), file).toBe(true);
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  });
});
