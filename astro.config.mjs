// @ts-check
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { isSitemapPage } from './src/build/site-output.ts';
import { settings } from './src/settings.ts';

const { site, cacheDir } = settings();

export default defineConfig({
  site,
  // The benchmark and the build tests build generated archives; their content store must not evict the real one's.
  ...(cacheDir ? { cacheDir } : {}),
  trailingSlash: 'always',
  // The one stylesheet (about 11 KB) inline in each page: no render-blocking request before the first paint.
  build: { format: 'directory', inlineStylesheets: 'always' },
  // Redirect pages at the old addresses of renamed stories are no pages of their own.
  integrations: [sitemap({ filter: (page) => isSitemapPage(page) })],
  devToolbar: { enabled: false },
});
