import { describe, expect, it } from 'vitest';
import { localOrigin, readSettings, siteWarning } from '@/settings';

describe('settings from the environment', () => {
  it('builds for the local preview, and says so in one line, when SITE_URL is unset', () => {
    const settings = readSettings({});
    expect(settings).toEqual({ site: localOrigin, siteConfigured: false, articles: 'content/articles', cacheDir: null, listPageSize: 1000 });
    expect(siteWarning(settings)).toMatch(/^SITE_URL is not set: permalinks, canonical URLs, the feed and the sitemap point to http:\/\/localhost:4321;/);
    expect(siteWarning(settings)).not.toContain('\n');
  });

  it('takes SITE_URL as the origin, without a trailing slash, and no warning', () => {
    const settings = readSettings({ SITE_URL: 'https://archive.example.org/' });
    expect(settings.site).toBe('https://archive.example.org');
    expect(settings.siteConfigured).toBe(true);
    expect(siteWarning(settings)).toBeNull();
  });

  it.each(['archive.example.org', 'javascript:alert(1)', 'ftp://archive.example.org', 'https://a.example/?q=1'])(
    'refuses SITE_URL %j, naming the variable',
    (value) => {
      expect(() => readSettings({ SITE_URL: value })).toThrow(/SITE_URL/);
    },
  );

  it('takes ARCHIVE_LIST_PAGE_SIZE when set and refuses nonsense', () => {
    expect(readSettings({ ARCHIVE_LIST_PAGE_SIZE: '' }).listPageSize).toBe(1000);
    expect(readSettings({ ARCHIVE_LIST_PAGE_SIZE: '25' }).listPageSize).toBe(25);
    expect(() => readSettings({ ARCHIVE_LIST_PAGE_SIZE: '0' })).toThrow(/ARCHIVE_LIST_PAGE_SIZE/);
    expect(() => readSettings({ ARCHIVE_LIST_PAGE_SIZE: 'ten' })).toThrow(/ARCHIVE_LIST_PAGE_SIZE/);
  });

  it('reads the articles folder and cache folder when set', () => {
    expect(readSettings({ ARCHIVE_ARTICLES: '/tmp/a', ARCHIVE_CACHE_DIR: '/tmp/c' })).toMatchObject({ articles: '/tmp/a', cacheDir: '/tmp/c' });
  });
});
