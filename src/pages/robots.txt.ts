/** robots.txt: everything may be crawled; the sitemap is named with its absolute URL. */
import type { APIContext } from 'astro';

export function GET(context: APIContext): Response {
  const sitemap = new URL('/sitemap-index.xml', context.site ?? context.url.origin);
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap.href}\n`, {
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });
}
