// @ts-check
import { fileURLToPath, pathToFileURL } from 'node:url';
import { defineConfig } from 'astro/config';
import { bundledScript } from './scripts/bundle-cache.mjs';

// The integrations are TypeScript: imported from their cached bundle, so that Node loads this file itself
// (see src/integrations/archive-integrations.ts).
const integrationsEntry = fileURLToPath(new URL('./src/integrations/archive-integrations.ts', import.meta.url));
/** @type {typeof import('./src/integrations/archive-integrations')} */
const { archiveIntegrations } = await import(pathToFileURL(await bundledScript(integrationsEntry, 'esm')).href);

/** The public origin; canonical URLs, feeds and the sitemap are built from it. */
const site = process.env.SITE_URL ?? 'https://operations-archive.example';

export default defineConfig({
  site,
  // The benchmark builds generated archives; their content cache must not evict the real one's.
  ...(process.env.ARCHIVE_CACHE_DIR ? { cacheDir: process.env.ARCHIVE_CACHE_DIR } : {}),
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: archiveIntegrations(),
  devToolbar: { enabled: false },
});
