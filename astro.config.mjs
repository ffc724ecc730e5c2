// @ts-check
import { defineConfig } from 'astro/config';
import searchIndex from './src/integrations/search-index';
import { renderCache } from './src/integrations/render-cache';
import { sitemap } from './src/integrations/sitemap';
import { dataStoreAtRunTime } from './src/integrations/data-store-at-run-time';

/** Rebuilds into the same folder render only the story pages whose inputs changed. */
const cache = renderCache();

/** The public origin; canonical URLs, feeds and the sitemap are built from it. */
const site = process.env.SITE_URL ?? 'https://operations-archive.example';

export default defineConfig({
  site,
  // The benchmark builds generated archives; their content cache must not evict the real one's.
  ...(process.env.ARCHIVE_CACHE_DIR ? { cacheDir: process.env.ARCHIVE_CACHE_DIR } : {}),
  trailingSlash: 'always',
  build: { format: 'directory' },
  // In this order: read the content store at run time (not bundled), plan which pages to render, list them in the sitemap (kept pages included),
  // index shards as their pages are written, then record the build for the next one.
  integrations: [dataStoreAtRunTime(), cache.plan(), sitemap({ customPages: cache.sitemapPages }), searchIndex({ plan: cache.searchIndexPlan }), cache.record()],
  devToolbar: { enabled: false },
});
