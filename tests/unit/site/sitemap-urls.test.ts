import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sitemapUrls } from '@/lib/sitemap-urls';
import { sitemapEntryLimit, writeSitemap } from '../../../src/integrations/sitemap';

const site = 'https://archive.example/';

describe('sitemap URLs', () => {
  it('lists rendered pages, static routes and kept pages once each, without the status pages', () => {
    const urls = sitemapUrls({
      site,
      rendered: ['', 'search/', '404/', 'stories/b/', '/stories/a/'],
      routes: ['/', '/search', '/404', '/500'],
      kept: [`${site}stories/c/`, `${site}stories/a/`],
    });
    expect(urls).toEqual([site, `${site}search/`, `${site}stories/a/`, `${site}stories/b/`, `${site}stories/c/`]);
  });

  it('sorts as English with numbers by value, as String#localeCompare did for @astrojs/sitemap', () => {
    const kept = ['x-10', 'x-9', 'X-1', 'x-1', 'a-b', 'a_b', 'ab', 'z', 'é'].map((slug) => `${site}stories/${slug}/`);
    const urls = sitemapUrls({ site, rendered: [], routes: [], kept });
    expect(urls).toEqual([...kept].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })));
    expect(urls.indexOf(`${site}stories/x-9/`)).toBeLessThan(urls.indexOf(`${site}stories/x-10/`));
  });
});

describe('sitemap files', () => {
  it('writes an index and one file per 45,000 URLs, in the sitemap protocol', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sitemap-'));
    try {
      const urls = Array.from({ length: sitemapEntryLimit + 2 }, (_, i) => `${site}stories/s-${i}/`);
      await writeSitemap(dir, site, urls);
      const index = readFileSync(path.join(dir, 'sitemap-index.xml'), 'utf8');
      expect(index).toBe(
        `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` +
          `<sitemap><loc>${site}sitemap-0.xml</loc></sitemap><sitemap><loc>${site}sitemap-1.xml</loc></sitemap></sitemapindex>`,
      );
      const first = readFileSync(path.join(dir, 'sitemap-0.xml'), 'utf8');
      expect(first.startsWith('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"')).toBe(true);
      expect(first.match(/<loc>/g)).toHaveLength(sitemapEntryLimit);
      expect(readFileSync(path.join(dir, 'sitemap-1.xml'), 'utf8')).toContain(`<url><loc>${site}stories/s-${sitemapEntryLimit + 1}/</loc></url></urlset>`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
