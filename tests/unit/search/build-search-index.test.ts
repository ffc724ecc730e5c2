/**
 * Given these pages, index them, then look at what Pagefind wrote: the
 * integration's own rules (story pages only, every one of them indexed).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { buildSearchIndex, storyPageGlob } from '@/integrations/pagefind';

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
const quiet = { info: () => {} };

afterEach(() => {
  if (site) rmSync(site, { recursive: true, force: true });
  site = '';
});

describe('buildSearchIndex', () => {
  it('looks for story pages where storyPath puts them', () => {
    expect(storyPageGlob).toBe('stories/*/index.html');
  });

  it('indexes the story pages and nothing else', async () => {
    const dir = makeSite({
      'index.html': '<!doctype html><html lang="en"><body><p>Home page about Charlotte</p></body></html>',
      'search/index.html': '<!doctype html><html lang="en"><body><p>Search</p></body></html>',
      'stories/a/index.html': story('A'),
      'stories/b/index.html': story('B'),
    });
    const logged: string[] = [];
    const summary = await buildSearchIndex(dir, { info: (message) => logged.push(message) });
    expect(summary).toMatchObject({ storyPages: 2, indexedPages: 2 });
    const entry = JSON.parse(readFileSync(path.join(dir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    expect(Object.values(entry.languages).map((language) => language.page_count)).toEqual([2]);
    expect(logged.some((line) => /indexed 2 pages/.test(line))).toBe(true);
    const fragments = readdirSync(path.join(dir, 'pagefind', 'fragment')).map(
      (name) => JSON.parse(gunzipSync(readFileSync(path.join(dir, 'pagefind', 'fragment', name))).subarray(12).toString('utf8')) as { url: string; content: string },
    );
    expect(fragments.map((fragment) => fragment.url).sort()).toEqual(['/stories/a/', '/stories/b/']);
    expect(fragments.every((fragment) => !fragment.content.includes('Navigation'))).toBe(true);
  });

  it('fails when a story page would be left out of the index', async () => {
    const dir = makeSite({ 'stories/a/index.html': story('A'), 'stories/b/index.html': story('B', false) });
    await expect(buildSearchIndex(dir, quiet)).rejects.toThrow(/indexed 1 of 2 story pages/);
  });

  it('fails when no story page is indexed although story pages exist', async () => {
    // With no data-pagefind-body anywhere Pagefind indexes whole pages; an empty one yields nothing.
    const dir = makeSite({ 'stories/a/index.html': '<!doctype html><html lang="en"><body></body></html>' });
    await expect(buildSearchIndex(dir, quiet)).rejects.toThrow(/indexed 0 of 1 story pages/);
  });

  it('writes an empty index for an empty archive, so the search page still loads', async () => {
    const dir = makeSite({ 'index.html': '<!doctype html><html lang="en"><body><p>No stories yet.</p></body></html>' });
    await expect(buildSearchIndex(dir, quiet)).resolves.toMatchObject({ storyPages: 0, indexedPages: 0 });
    expect(readFileSync(path.join(dir, 'pagefind', 'pagefind.js'), 'utf8').length).toBeGreaterThan(0);
  });

  it('rebuilt in the same folder, leaves exactly what a fresh index of the same pages has', async () => {
    const dir = makeSite({ 'stories/a/index.html': story('A'), 'stories/b/index.html': story('B'), 'stories/c/index.html': story('C') });
    await buildSearchIndex(dir, quiet);
    rmSync(path.join(dir, 'stories', 'b'), { recursive: true });
    writeFileSync(path.join(dir, 'stories', 'c', 'index.html'), story('C, corrected'));
    const again = await buildSearchIndex(dir, quiet);
    expect(again.deleted).toBeGreaterThan(0);
    const fresh = mkdtempSync(path.join(tmpdir(), 'archive-pagefind-fresh-'));
    try {
      for (const name of ['a', 'c']) {
        mkdirSync(path.join(fresh, 'stories', name), { recursive: true });
        writeFileSync(path.join(fresh, 'stories', name, 'index.html'), readFileSync(path.join(dir, 'stories', name, 'index.html')));
      }
      await buildSearchIndex(fresh, quiet);
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
