/**
 * What a saved web page says about itself in its metadata: canonical
 * address, headline, outlet, author and publication day. Read in the order
 * publishers are most careful with: the JSON-LD NewsArticle (search engines
 * check it), then Open Graph and `article:*` meta, then the older meta names
 * (Dublin Core, `author`, `pubdate`), then `<time>` in the page, then the
 * `<title>`. Every value is plain text, whitespace folded; nothing is run.
 */
import { isHttpUrl } from '../schema.ts';

/** A day the page states, and where it was found ('article:published_time'). */
export interface PageDate {
  date: string;
  foundIn: string;
}

export interface PageMetadata {
  url: string | null;
  headline: string | null;
  outlet: string | null;
  author: string | null;
  published: PageDate | null;
  /** Whether the page's JSON-LD says the article is not free to read (a paywall's own flag). */
  paywalled: boolean;
}

/** JSON-LD types that describe an article; a page's JSON-LD also describes its site, breadcrumbs, videos. */
const articleTypes = new Set(['NewsArticle', 'Article', 'ReportageNewsArticle', 'AnalysisNewsArticle', 'BlogPosting', 'Report']);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whitespace folded, control characters dropped; null for nothing. Values are capped: a headline is not a page. */
export function cleanText(value: string | null | undefined, max = 300): string | null {
  if (typeof value !== 'string') return null;
  const text = value
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b\u2028\u2029\ufeff]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text === '' || text.length > max ? null : text;
}

/** Every object of the page's JSON-LD blocks, @graph and arrays flattened. A block that is not JSON is skipped. */
function jsonLdObjects(document: Document): JsonObject[] {
  const objects: JsonObject[] = [];
  const visit = (value: Json | undefined): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (isObject(value)) {
      objects.push(value);
      if (value['@graph'] !== undefined) visit(value['@graph']);
    }
  };
  for (const script of document.querySelectorAll('script[type="application/ld+json" i]')) {
    try {
      visit(JSON.parse(script.textContent ?? '') as Json);
    } catch {
      // A broken block is the publisher's bug; the page's other metadata still counts.
    }
  }
  return objects;
}

function typesOf(object: JsonObject): string[] {
  const type = object['@type'];
  return (Array.isArray(type) ? type : [type]).filter((item): item is string => typeof item === 'string');
}

/**
 * The name of a Person or Organization, a list of them, or a plain string. A node that is only a reference
 * (`{"@id": "https://site/#organization"}`, as Yoast's @graph writes the publisher) is looked up in `byId`.
 */
function nameOf(value: Json | undefined, byId: ReadonlyMap<string, JsonObject> = new Map()): string | null {
  if (typeof value === 'string') return cleanText(value);
  if (Array.isArray(value)) {
    const names = value.map((item) => nameOf(item, byId)).filter((name): name is string => name !== null);
    return names.length === 0 ? null : cleanText(names.join(', '));
  }
  if (isObject(value)) {
    if (typeof value['name'] === 'string') return cleanText(value['name']);
    const target = typeof value['@id'] === 'string' ? byId.get(value['@id']) : undefined;
    return target !== undefined && target !== value && typeof target['name'] === 'string' ? cleanText(target['name']) : null;
  }
  return null;
}

function urlOf(value: Json | undefined): string | null {
  if (typeof value === 'string') return value;
  if (isObject(value)) return typeof value['@id'] === 'string' ? value['@id'] : typeof value['url'] === 'string' ? value['url'] : null;
  return null;
}

const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function isoDay(year: number, month: number, day: number): string | null {
  const text = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const parsed = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === text ? text : null;
}

/**
 * The day a date value states, as written: '2017-10-19T14:02:00-04:00' is 2017-10-19 (the publisher's own day,
 * not converted to UTC), as are 'Thu, 19 Oct 2017 14:02:00 -0400' and 'October 19, 2017'. Null for anything else.
 */
export function dayOf(value: string): string | null {
  const text = value.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/.exec(text);
  if (iso) return isoDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dayFirst = /^(?:[A-Za-z]{3,9},?\s+)?(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/.exec(text);
  if (dayFirst) {
    const month = months.indexOf(dayFirst[2]!.slice(0, 3).toLowerCase());
    return month < 0 ? null : isoDay(Number(dayFirst[3]), month + 1, Number(dayFirst[1]));
  }
  const monthFirst = /^(?:[A-Za-z]{3,9},?\s+)?([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})\b/.exec(text);
  if (monthFirst) {
    const month = months.indexOf(monthFirst[1]!.slice(0, 3).toLowerCase());
    return month < 0 ? null : isoDay(Number(monthFirst[3]), month + 1, Number(monthFirst[2]));
  }
  return null;
}

/** The content of the first meta element with one of these property or name values, in the order given. */
function meta(document: Document, keys: readonly string[]): { key: string; value: string } | null {
  for (const key of keys) {
    for (const element of document.querySelectorAll('meta[property], meta[name], meta[itemprop]')) {
      const name = element.getAttribute('property') ?? element.getAttribute('name') ?? element.getAttribute('itemprop');
      const content = element.getAttribute('content');
      if (name !== null && name.toLowerCase() === key.toLowerCase() && content !== null && content.trim() !== '') return { key, value: content };
    }
  }
  return null;
}

/**
 * An absolute http(s) address, resolved against `base` when relative (an AMP page's canonical link is often
 * absolute, a CMS's sometimes not); the fragment dropped. Null for any other scheme.
 */
export function absoluteUrl(value: string | null, base: string | null): string | null {
  if (value === null) return null;
  const text = value.trim();
  try {
    const url = base !== null && isHttpUrl(base) ? new URL(text, base) : new URL(text);
    url.hash = '';
    return isHttpUrl(url.href) ? url.href : null;
  } catch {
    return null;
  }
}

/** The address a browser's "Save page as" records: `<!-- saved from url=(0042)https://... -->`; --fetch writes the same. */
export function savedFromUrl(html: string): string | null {
  const match = /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i.exec(html.slice(0, 4096));
  return match ? match[1]! : null;
}

/** The comment --fetch puts before a page it saves, in the form browsers write. */
export function savedFromComment(url: string): string {
  return `<!-- saved from url=(${String(url.length).padStart(4, '0')})${url} -->\n`;
}

/** Reads the page's metadata. `html` is the page's text, for the saved-from comment. */
export function readPageMetadata(document: Document, html: string): PageMetadata {
  const objects = jsonLdObjects(document);
  const article =
    objects.find((object) => typesOf(object).some((type) => articleTypes.has(type))) ??
    // Some CMSs describe the article only as a WebPage with a headline.
    objects.find((object) => typesOf(object).includes('WebPage') && typeof object['headline'] === 'string');
  const ld = (key: string): Json | undefined => article?.[key];
  const byId = new Map<string, JsonObject>();
  for (const object of objects) if (typeof object['@id'] === 'string' && Object.keys(object).length > 1) byId.set(object['@id'], object);

  const savedFrom = savedFromUrl(html);
  const ogUrl = meta(document, ['og:url'])?.value ?? null;
  const base = [savedFrom, ogUrl].find((candidate): candidate is string => candidate !== null && isHttpUrl(candidate.trim())) ?? null;
  const canonical = document.querySelector('link[rel~="canonical" i]')?.getAttribute('href') ?? null;
  const url =
    [canonical, ogUrl, urlOf(ld('mainEntityOfPage')), urlOf(ld('url')), savedFrom]
      .map((candidate) => absoluteUrl(candidate, base ?? savedFrom))
      .find((candidate) => candidate !== null) ?? null;

  const firstH1 = document.querySelector('article h1, main h1, h1');
  const headline =
    nameOf(ld('headline') ?? null) ??
    cleanText(meta(document, ['og:title', 'twitter:title', 'dcterms.title', 'DC.title'])?.value) ??
    cleanText(firstH1?.textContent) ??
    cleanText(document.querySelector('title')?.textContent);

  const outlet =
    nameOf(ld('publisher'), byId) ??
    cleanText(meta(document, ['og:site_name', 'application-name', 'dcterms.publisher', 'DC.publisher', 'publisher'])?.value, 120);

  const metaAuthor = meta(document, ['author', 'article:author', 'byl', 'dcterms.creator', 'DC.creator', 'parsely-author', 'sailthru.author']);
  // article:author is often a profile address, not a name.
  const metaAuthorName = metaAuthor && !/^https?:/i.test(metaAuthor.value.trim()) ? cleanText(metaAuthor.value.replace(/^\s*by\s+/i, '')) : null;
  const author = nameOf(ld('author'), byId) ?? metaAuthorName;

  const published = publishedDay(document, ld('datePublished'));
  const free = ld('isAccessibleForFree');
  return { url, headline, outlet, author, published, paywalled: free === false || free === 'False' || free === 'false' };
}

function publishedDay(document: Document, ldDate: Json | undefined): PageDate | null {
  if (typeof ldDate === 'string') {
    const date = dayOf(ldDate);
    if (date !== null) return { date, foundIn: 'JSON-LD datePublished' };
  }
  const keys = [
    'article:published_time',
    'og:article:published_time',
    'datePublished',
    'pubdate',
    'publish-date',
    'parsely-pub-date',
    'sailthru.date',
    'dcterms.date',
    'dcterms.issued',
    'DC.date.issued',
    'DC.date',
    'date',
  ];
  for (const key of keys) {
    const found = meta(document, [key]);
    const date = found === null ? null : dayOf(found.value);
    if (found !== null && date !== null) return { date, foundIn: found.key.includes(':') ? found.key : `meta ${found.key}` };
  }
  // A <time> the page marks as the publication time, else the first one in the article.
  const times = [
    ...document.querySelectorAll('time[itemprop~="datePublished" i], time[pubdate], time.published, time.entry-date'),
    ...document.querySelectorAll('article time[datetime], main time[datetime]'),
  ];
  for (const time of times) {
    const value = time.getAttribute('datetime') ?? time.textContent ?? '';
    const date = dayOf(value);
    if (date !== null) return { date, foundIn: '<time datetime>' };
  }
  return null;
}
