/**
 * The file name `--fetch` saves a page under: readable (host and path) and
 * stable (the same address always gives the same name), with a digest of the
 * whole address so two addresses never share one.
 */
import { sha256 } from '../sha256.ts';

/** 'carolinaledger-example-2014-06-23-fbi-sweep-recovers-105-children-3f9a1c2b.html'. */
export function savedPageName(address: string): string {
  const url = new URL(address);
  const words = `${url.hostname.replace(/^www\./, '')}${url.pathname}`
    .toLowerCase()
    .replace(/\.(?:s?html?|php|aspx?)$/, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return `${words || 'page'}-${sha256(url.href).slice(0, 8)}.html`;
}

/** Media types a saved page may have: HTML, as served or as XHTML. */
export function isHtmlMediaType(contentType: string | null): boolean {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  return type === 'text/html' || type === 'application/xhtml+xml';
}

/** The charset a Content-Type header names ('windows-1252'), else null. */
export function headerCharset(contentType: string | null): string | null {
  const match = /;\s*charset\s*=\s*"?([\w-]+)"?/i.exec(contentType ?? '');
  return match ? match[1]!.toLowerCase() : null;
}
