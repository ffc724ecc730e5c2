/**
 * Given these pages, index them, then look at what Pagefind wrote: the
 * build's own rules (the story pages only, every one of them indexed).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { indexSite } from '@/build/search-index';

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

afterEach(() => {
  if (site) rmSync(site, { recursive: true, force: true });
  site = '';
});

describe('indexSite', () => {
  it('indexes the story pages and nothing else', async () => {
    const dir = makeSite({
      'index.html': '<!doctype html><html lang="en"><body><p>Home page about Charlotte</p></body></html>',
      'search/index.html': '<!doctype html><html lang="en"><body><p>Search</p></body></html>',
      'stories/a/index.html': story('A'),
      'stories/b/index.html': story('B'),
    });
    const summary = await indexSite(dir, 2);
    expect(summary.indexedPages).toBe(2);
    const fragments = readdirSync(path.join(dir, 'pagefind', 'fragment')).map(
      (name) =>
        JSON.parse(
          gunzipSync(readFileSync(path.join(dir, 'pagefind', 'fragment', name)))
            .subarray(12)
            .toString('utf8'),
        ) as { url: string; content: string },
    );
    expect(fragments.map((fragment) => fragment.url).sort()).toEqual(['/stories/a/', '/stories/b/']);
    expect(fragments.every((fragment) => !fragment.content.includes('Navigation'))).toBe(true);
  });

  it('fails when a story page would be left out of the index', async () => {
    const dir = makeSite({ 'stories/a/index.html': story('A'), 'stories/b/index.html': story('B', false) });
    await expect(indexSite(dir, 2)).rejects.toThrow(/indexed 1 pages, but the archive has 2 stories/);
  });

  it('writes an empty index for an empty archive, so the search page still loads', async () => {
    const dir = makeSite({ 'index.html': '<!doctype html><html lang="en"><body><p>No stories yet.</p></body></html>' });
    await expect(indexSite(dir, 0)).resolves.toMatchObject({ indexedPages: 0 });
    expect(readFileSync(path.join(dir, 'pagefind', 'pagefind.js'), 'utf8').length).toBeGreaterThan(0);
  });
});
