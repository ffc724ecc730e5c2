/**
 * The Pagefind index in the real dist/: it covers exactly the story pages,
 * holds their filters, metadata and sort keys, and none of the site chrome.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseArticleFile } from '@/domain/article-file';
import { storyPath } from '@/domain/paths';
import { articleSchema, type Article } from '@/domain/schema';
import { assertBuilt, distDir, projectRoot, readDist } from '../support/dist.ts';

interface Fragment {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

const bundle = path.join(distDir, 'pagefind');
const articlesDir = path.join(projectRoot, 'content', 'articles');

/** Every fragment Pagefind wrote: gzip over a 12-byte 'pagefind_dcd' signature and JSON. */
function readFragments(): Fragment[] {
  const folder = path.join(bundle, 'fragment');
  return readdirSync(folder).map((name) => {
    const raw = gunzipSync(readFileSync(path.join(folder, name)));
    expect(raw.subarray(0, 12).toString('utf8')).toBe('pagefind_dcd');
    return JSON.parse(raw.subarray(12).toString('utf8')) as Fragment;
  });
}

function readArticles(): Article[] {
  return readdirSync(articlesDir)
    .filter((name) => name.endsWith('.md'))
    .map((name) => articleSchema.parse(parseArticleFile(readFileSync(path.join(articlesDir, name), 'utf8')).data));
}

describe('the search index in the real build', () => {
  let fragments: Fragment[];
  let articles: Article[];
  beforeAll(() => {
    assertBuilt();
    fragments = readFragments();
    articles = readArticles();
  });

  it('is written to dist/pagefind with the browser API and the highlighter', () => {
    for (const file of ['pagefind.js', 'pagefind-worker.js', 'pagefind-highlight.js', 'pagefind-entry.json']) {
      expect(existsSync(path.join(bundle, file)), file).toBe(true);
    }
    expect(readdirSync(path.join(bundle, 'index')).length).toBeGreaterThan(0);
  });

  it('counts exactly one page per article in content/articles', () => {
    const entry = JSON.parse(readFileSync(path.join(bundle, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    const pages = Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
    expect(articles.length).toBeGreaterThan(0);
    expect(pages).toBe(articles.length);
  });

  it('indexes the story pages and no other page', () => {
    expect(fragments.map((fragment) => fragment.url).sort()).toEqual(articles.map((article) => storyPath({ id: article.slug })).sort());
  });

  it('gives every story its headline, date and operations as metadata', () => {
    const byUrl = new Map(fragments.map((fragment) => [fragment.url, fragment]));
    for (const article of articles) {
      const fragment = byUrl.get(storyPath({ id: article.slug }))!;
      expect(fragment.meta['title']).toBe(article.title);
      expect(fragment.meta['date']).toBe(article.date ?? 'date not stated');
      expect(fragment.meta['operation']?.length).toBeGreaterThan(0);
    }
  });

  it('files every story under operation and year, and under outlet and place when the article names them', () => {
    const operations = JSON.parse(readFileSync(path.join(projectRoot, 'content', 'operations.json'), 'utf8')) as { id: string; name: string }[];
    const nameOf = new Map(operations.map((operation) => [operation.id, operation.name]));
    const byUrl = new Map(fragments.map((fragment) => [fragment.url, fragment]));
    for (const article of articles) {
      const { filters } = byUrl.get(storyPath({ id: article.slug }))!;
      expect(filters['operation']?.slice().sort()).toEqual([...new Set(article.operations.map((mention) => nameOf.get(mention.id)!))].sort());
      expect(filters['year']).toEqual([article.date ? article.date.slice(0, 4) : 'Undated']);
      expect(filters['outlet'] ?? []).toEqual(article.outlet ? [article.outlet] : []);
      expect(filters['place'] ?? []).toEqual(article.dateline ? [article.dateline] : []);
    }
    expect(readdirSync(path.join(bundle, 'filter')).length).toBeGreaterThan(0);
  });

  it('gives every story page a sort date, 0000-00-00 when undated, so none drops out of a date sort', () => {
    for (const article of articles) {
      const html = readDist(`${storyPath({ id: article.slug }).slice(1)}index.html`);
      expect(html).toContain(`data-pagefind-sort="date:${article.date ?? '0000-00-00'}"`);
    }
  });

  it('indexes story text only: no site chrome, no hidden filter and metadata values as words', () => {
    for (const fragment of fragments) {
      expect(fragment.content).not.toContain('Skip to content');
      expect(fragment.content).not.toContain('RSS feed');
      // The ISO date is only in hidden metadata; a reader sees 'October 19, 2017'.
      if (/^\d{4}-\d{2}-\d{2}$/.test(fragment.meta['date'] ?? '')) expect(fragment.content).not.toContain(fragment.meta['date']);
      const html = readDist(`${fragment.url.slice(1)}index.html`);
      for (const tag of html.match(/<[a-z]+\b[^>]*\bdata-pagefind-(?:filter|meta)=[^>]*>/g) ?? []) {
        if (/\shidden[\s>=]/.test(tag)) expect(tag, 'hidden search data must be data-pagefind-ignore').toMatch(/\sdata-pagefind-ignore[\s>=]/);
      }
    }
  });
});
