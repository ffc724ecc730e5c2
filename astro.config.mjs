// @ts-check
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import pagefind from './src/integrations/pagefind';

/** The public origin; canonical URLs, feeds and the sitemap are built from it. */
const site = process.env.SITE_URL ?? 'https://operations-archive.example';

export default defineConfig({
  site,
  // The benchmark builds generated archives; their content cache must not evict the real one's.
  ...(process.env.ARCHIVE_CACHE_DIR ? { cacheDir: process.env.ARCHIVE_CACHE_DIR } : {}),
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Pagefind runs last: it indexes the finished dist/.
  integrations: [sitemap(), pagefind()],
  devToolbar: { enabled: false },
});
