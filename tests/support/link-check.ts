/**
 * A link checker for a built static site: every internal href/src in every
 * HTML file must resolve to a file the static host would serve, and every
 * #fragment to an element id on the target page.
 *
 * Attributes are read with a pattern, which is sound for Astro's output:
 * Astro always double-quotes attribute values and escapes `"` and `<` in
 * text, so text can never look like an attribute.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { listFiles } from './dist.ts';

export interface BrokenLink {
  /** The page the link is on, relative to the site root. */
  page: string;
  href: string;
  reason: string;
}

const entities: Record<string, string> = { '&amp;': '&', '&quot;': '"', '&#39;': "'", '&lt;': '<', '&gt;': '>' };

function decode(value: string): string {
  return value.replace(/&(?:amp|quot|#39|lt|gt);/g, (entity) => entities[entity] ?? entity);
}

/** Every href and src value on a page, decoded. */
export function extractLinks(html: string): string[] {
  // Inline scripts and JSON-LD hold code and data, not links.
  const markup = html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '');
  return [...markup.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((match) => decode(match[1]!));
}

/** Every element id on a page (plus legacy `name` anchors). */
export function extractIds(html: string): Set<string> {
  return new Set([...html.matchAll(/\s(?:id|name)="([^"]*)"/g)].map((match) => decode(match[1]!)));
}

/** The file a static host serves for a URL path, or null. */
export function resolvePath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const candidate = path.join(root, decoded);
  if (!candidate.startsWith(root)) return null;
  if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  const index = path.join(candidate, 'index.html');
  return existsSync(index) ? index : null;
}

/**
 * Checks every HTML file under `root`. Links to `origin` (the site's own
 * absolute URLs: canonical, og:url) count as internal; other origins and
 * schemes (mailto:) are skipped.
 */
export function checkLinks(root: string, origin: string): { pages: number; links: number; broken: BrokenLink[] } {
  const pages = listFiles(root).filter((file) => file.endsWith('.html'));
  const idCache = new Map<string, Set<string>>();
  const idsOf = (file: string): Set<string> => {
    let ids = idCache.get(file);
    if (!ids) {
      ids = extractIds(readFileSync(file, 'utf8'));
      idCache.set(file, ids);
    }
    return ids;
  };
  const broken: BrokenLink[] = [];
  let links = 0;
  for (const page of pages) {
    const pageUrl = new URL(`/${page.replace(/(^|\/)index\.html$/, '$1')}`, origin);
    for (const href of extractLinks(readFileSync(path.join(root, page), 'utf8'))) {
      let url: URL;
      try {
        url = new URL(href, pageUrl);
      } catch {
        broken.push({ page, href, reason: 'not a URL' });
        continue;
      }
      if (url.origin !== new URL(origin).origin) continue;
      links += 1;
      const file = resolvePath(root, url.pathname);
      if (!file) {
        broken.push({ page, href, reason: 'no such file' });
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment && file.endsWith('.html') && !idsOf(file).has(fragment)) {
        broken.push({ page, href, reason: `no element with id '${fragment}'` });
      }
    }
  }
  return { pages: pages.length, links, broken };
}
