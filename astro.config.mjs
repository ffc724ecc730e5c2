// @ts-check
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';

/** The public origin; canonical URLs, feeds and the sitemap are built from it. */
const site = process.env.SITE_URL ?? 'https://operations-archive.example';

export default defineConfig({
  site,
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [sitemap()],
  devToolbar: { enabled: false },
});
