/**
 * The archive's integrations, in the order they must run: read the content
 * store at run time (it is not bundled), plan which pages to render, list
 * them in the sitemap (kept pages included), index search shards as their
 * pages are written, then record the build for the next one.
 *
 * astro.config.mjs loads this module from a cached esbuild bundle
 * (scripts/bundle-cache.mjs), so that Node imports the config natively:
 * a config that imports TypeScript makes Astro start a Vite server just to
 * load it (0.2-0.3 s of every build's start-up, measured).
 */
import type { AstroIntegration } from 'astro';
import { dataStoreAtRunTime } from './data-store-at-run-time';
import { renderCache } from './render-cache';
import searchIndex from './search-index';
import { sitemap } from './sitemap';

export function archiveIntegrations(): AstroIntegration[] {
  /** Rebuilds into the same folder render only the story pages whose inputs changed. */
  const cache = renderCache();
  return [dataStoreAtRunTime(), cache.plan(), sitemap({ customPages: cache.sitemapPages }), searchIndex({ plan: cache.searchIndexPlan }), cache.record()];
}
