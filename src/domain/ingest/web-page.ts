/**
 * Reads a saved web page as a source: the article's paragraphs (Mozilla's
 * Readability, the engine of Firefox's Reader View, on linkedom's DOM) and
 * what the page's metadata says of the original (page-metadata.ts). Pure:
 * bytes in, text or a refusal out. Nothing of the page runs or is fetched:
 * linkedom builds a tree without scripts, styles or network, and only text
 * leaves this module, so no markup, handler or `javascript:` address can.
 * Loaded on demand: see page-reader.ts.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { Original } from '../schema.ts';
import { firstInvalidUtf8Byte, type ReadSourceResult } from './read-source.ts';
import { cleanText, readPageMetadata } from './page-metadata.ts';
import { maxPageBytes, oversizePageReason } from './page-reader.ts';

/** Fewer words than this is not an article (a teaser, an error page, a wall). */
const minArticleWords = 40;
/** A page that shows a wall and fewer words than this is the wall, not an article behind a banner. */
const wallWords = 80;

/** The charset the page declares (BOM, `<meta charset>`, `http-equiv`), else UTF-8: HTML's default for a saved file. */
function declaredCharset(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const match = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  return match ? match[1]!.toLowerCase() : 'utf-8';
}

function decode(bytes: Uint8Array): { ok: true; html: string } | { ok: false; reason: string } {
  const charset = declaredCharset(bytes);
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset, { fatal: charset === 'utf-8' || charset === 'utf8' });
  } catch {
    return { ok: false, reason: `declares the character set '${charset}', which cannot be read` };
  }
  try {
    return { ok: true, html: decoder.decode(bytes) };
  } catch {
    return { ok: false, reason: `is not valid UTF-8 (invalid byte at offset ${firstInvalidUtf8Byte(bytes)}); a page in another character set must declare it` };
  }
}

/** Markup with an html, head or body element or an HTML doctype near its start: what a saved page is. */
function looksLikeHtml(html: string): boolean {
  const start = html.replace(/^\ufeff/, '').trimStart();
  return start.startsWith('<') && /<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]/i.test(start.slice(0, 8192));
}

// Parts of a page that are never the article: removed before Readability so its scoring cannot pick them.
const chrome = [
  // Not 'form': ASP.NET pages (many government sites) wrap the whole page in one.
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'svg',
  'canvas',
  'button',
  'input',
  'select',
  'textarea',
  'nav',
  'aside',
  'footer',
  'dialog',
  'figure',
  'figcaption',
  'picture',
  'video',
  'audio',
  '[hidden]',
  '[aria-hidden="true"]',
  '[role="navigation"]',
  '[role="complementary"]',
  '[role="dialog"]',
  '[role="alertdialog"]',
  'amp-ad',
  'amp-analytics',
  'amp-consent',
  'amp-sidebar',
  'amp-social-share',
  'amp-img',
  'amp-iframe',
  'amp-video',
].join(', ');

/** id or class words of banners, sharing, related links, comments and newsletters: not the article either. */
const chromeWords =
  /(?:^|[\s_-])(?:cookies?|consent|gdpr|cmp|onetrust|banner|share|sharing|social|related|recommended|comments?|newsletter|subscribe|promo|advert|ad-slot|byline|breadcrumbs?|tags|skip-link|sr-only|visually-hidden)(?:$|[\s_-])/i;

/** The labels publishers put in the text's flow around an ad: a paragraph that is only one is not the article's. */
const adLabel =
  /^(?:advertisement|ad|sponsored content|story continues below(?: this)?(?: advertisement| ad)?|continue reading below|scroll to continue(?: with content)?)$/i;

/** Signs of a page that shows a wall instead of the article. */
function wallOf(document: Document, paywalled: boolean): string | null {
  if (document.querySelector('input[type="password" i]')) return 'a login page (it asks for a password)';
  const consent = [...document.querySelectorAll('[id], [class]')].find((element) =>
    /cookie|consent|gdpr|privacy-choices/i.test(`${element.id} ${element.getAttribute('class') ?? ''}`),
  );
  const bodyText = document.body?.textContent ?? '';
  if (
    paywalled ||
    /subscribe to (?:continue|read)|to continue reading|already a subscriber|sign in to (?:continue|read)|log in to (?:continue|read)/i.test(bodyText)
  ) {
    return 'a subscription or login wall';
  }
  if (consent || /we use cookies|accept (?:all )?cookies|your privacy choices/i.test(bodyText)) return 'a cookie consent wall';
  return null;
}

function words(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** The article's paragraphs from Readability's tree: each block of text once, links lists and headings left out. */
function paragraphsOf(root: Element): string[] {
  for (const element of [...root.querySelectorAll(`${chrome}, h1, h2, h3, h4, h5, h6`)]) element.remove();
  const blocks = [...root.querySelectorAll('p, li, blockquote, pre, dd')].filter((element) => element.querySelector('p, li, blockquote, pre, dd') === null);
  const paragraphs: string[] = [];
  for (const block of blocks) {
    const text = cleanText(block.textContent, Number.MAX_SAFE_INTEGER);
    if (text === null) continue;
    // A block that is nothing but a link ('Read more: ...', a related story, 'Share on Facebook') is navigation.
    const linked = cleanText([...block.querySelectorAll('a')].map((link) => link.textContent ?? '').join(' '), Number.MAX_SAFE_INTEGER);
    if (linked !== null && linked.length >= text.length * 0.9) continue;
    if (adLabel.test(text)) continue;
    // 'Posted: Oct 19, 2017 / 10:02 AM Updated: ...': the page's time stamps, read as metadata, not prose.
    if (block.querySelector('time') !== null && words(text) <= 20) continue;
    paragraphs.push(text);
  }
  return paragraphs;
}

/** Reads a saved page's bytes: refuses what is not an HTML page with an article, and gives its text and metadata. */
export function readWebPage(bytes: Uint8Array): ReadSourceResult {
  if (bytes.length === 0) return { ok: false, reason: 'is empty (0 bytes)' };
  if (bytes.length > maxPageBytes) return { ok: false, reason: oversizePageReason(bytes.length) };
  if (bytes.includes(0) && !declaredCharset(bytes).startsWith('utf-16'))
    return { ok: false, reason: 'is not an HTML page (it is binary: it contains NUL bytes)' };
  const decoded = decode(bytes);
  if (!decoded.ok) return decoded;
  const { html } = decoded;
  if (!looksLikeHtml(html)) return { ok: false, reason: 'is not an HTML page (no <html>, <head> or <body> near its start)' };

  const { document } = parseHTML(html) as unknown as { document: Document };
  const metadata = readPageMetadata(document, html);
  const wall = wallOf(document, metadata.paywalled);
  for (const element of [...document.querySelectorAll(chrome)]) element.remove();
  const paragraphText = (root: ParentNode): number => [...root.querySelectorAll('p')].reduce((sum, p) => sum + (p.textContent?.length ?? 0), 0);
  const pageText = paragraphText(document);
  for (const element of [...document.querySelectorAll('[id], [class]')]) {
    if (!element.isConnected || !chromeWords.test(`${element.id} ${element.getAttribute('class') ?? ''}`)) continue;
    // A class word is a hint, not proof: a wrapper that holds the article ('post share-enabled', or most of the
    // page's paragraphs) stays.
    if (element.matches('html, body, main, article, [itemprop~="articleBody" i]') || element.querySelector('main, article, [itemprop~="articleBody" i]'))
      continue;
    if (paragraphText(element) > pageText / 2) continue;
    element.remove();
  }
  // The serializer hands back Readability's tree itself: no second parse of its markup.
  const parsed = new Readability<Node>(document, { charThreshold: 200, serializer: (node) => node }).parse();
  const content = parsed?.content;
  const paragraphs = content && 'querySelectorAll' in content ? paragraphsOf(content as Element) : [];
  const count = words(paragraphs.join(' '));
  if (wall !== null && count < wallWords)
    return { ok: false, reason: `is ${wall}, not the article: save the page as a reader sees it after signing in or accepting` };
  if (count < minArticleWords) return { ok: false, reason: `has no article text (${count} words found; an article has at least ${minArticleWords})` };

  const author = metadata.author ?? cleanText(parsed?.byline?.replace(/^\s*by\s+/i, ''));
  const original: Original = {
    url: metadata.url,
    outlet: metadata.outlet,
    headline: metadata.headline,
    author,
    published: metadata.published?.date ?? null,
  };
  return {
    ok: true,
    text: {
      statedDate: metadata.published?.date ?? null,
      paragraphs,
      original,
      dateFoundIn: metadata.published ? `Stated by the page's ${metadata.published.foundIn}` : null,
    },
  };
}
