/**
 * schema.org NewsArticle data for a story page, and its safe serialisation
 * into a `<script type="application/ld+json">`.
 *
 * Only what the article states goes in: `datePublished` only for a date the
 * source states (never an inferred one), `publisher` only when the text names
 * an outlet. The place line goes in `dateline`, which schema.org defines on
 * NewsArticle as plain text for exactly this; it is not a Place, so
 * `locationCreated`/`contentLocation` would overstate what we know.
 */
import type { StoryRecord } from './story-record.ts';

export interface NewsArticleInput {
  story: StoryRecord;
  /** Absolute permalink. */
  url: string;
  description: string;
  /** The operations the story covers, with absolute URLs of their pages. */
  operations: { name: string; url: string }[];
  /** The original article the copy was made from (schema.org isBasedOn), when its address is known. */
  isBasedOn?: Record<string, unknown> | null;
}

/** The NewsArticle object for one story. */
export function newsArticle({ story, url, description, operations, isBasedOn }: NewsArticleInput): Record<string, unknown> {
  const { title, date, dateSource, dateline, outlet } = story.data;
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: title,
    description,
    url,
    mainEntityOfPage: url,
    ...(dateSource === 'source' && date !== null ? { datePublished: date } : {}),
    ...(dateline !== null ? { dateline } : {}),
    ...(outlet !== null ? { publisher: { '@type': 'Organization', name: outlet } } : {}),
    ...(operations.length > 0 ? { about: operations.map((operation) => ({ '@type': 'Thing', name: operation.name, url: operation.url })) } : {}),
    ...(isBasedOn ? { isBasedOn } : {}),
  };
}

/**
 * JSON for a script element: `<` becomes \u003c so article text containing
 * `</script>` or `<!--` cannot end or alter the element; `>`, `&` and the two
 * JavaScript line separators are escaped too. The result parses to the same value.
 */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
