/**
 * The sitemap: sitemap-index.xml and sitemap-<n>.xml of up to 45,000 URLs,
 * the files @astrojs/sitemap wrote, byte for byte, written the way it wrote
 * them (the `sitemap` package's streams). This integration replaces it for
 * its URL sort, 0.6 s of every build at 10,000 stories (sitemap-urls.ts); it
 * also takes the pages an incremental build kept, which it never rendered.
 */
import type { AstroIntegration } from 'astro';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { SitemapAndIndexStream, SitemapStream } from 'sitemap';
import { sitemapUrls } from '../lib/sitemap-urls';

/** URLs per sitemap file: @astrojs/sitemap's default, under the protocol's 50,000. */
export const sitemapEntryLimit = 45_000;

/** Writes the sitemap of these URLs (sorted) into `dir`. */
export async function writeSitemap(dir: string, site: string, urls: readonly string[]): Promise<void> {
  const stream = new SitemapAndIndexStream({
    limit: sitemapEntryLimit,
    getSitemapStream: (i) => {
      const sitemap = new SitemapStream({ hostname: site, xmlns: { news: true, xhtml: true, image: true, video: true } });
      const name = `sitemap-${i}.xml`;
      return [new URL(name, site).toString(), sitemap, sitemap.pipe(createWriteStream(path.join(dir, name)))];
    },
  });
  await pipeline(Readable.from(urls.map((url) => ({ url }))), stream, createWriteStream(path.join(dir, 'sitemap-index.xml')));
}

export function sitemap(options: { customPages: readonly string[] }): AstroIntegration {
  /** The site's base URL: config.base resolved against config.site, as @astrojs/sitemap had it. */
  let site: string | undefined;
  let routes: string[] = [];
  return {
    name: 'archive-sitemap',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site === undefined ? undefined : new URL(config.base, config.site).href;
      },
      'astro:routes:resolved': ({ routes: resolved }) => {
        routes = resolved.filter((route) => route.type === 'page' && route.pathname !== undefined).map((route) => route.pathname!);
      },
      'astro:build:done': async ({ dir, pages, logger }) => {
        if (!site) throw new Error('the sitemap needs the `site` option in astro.config.mjs');
        const urls = sitemapUrls({ site, rendered: pages.map((page) => page.pathname), routes, kept: options.customPages });
        await writeSitemap(fileURLToPath(dir), site, urls);
        logger.info(`sitemap-index.xml and ${Math.ceil(urls.length / sitemapEntryLimit)} sitemap file(s): ${urls.length} URLs`);
      },
    },
  };
}
