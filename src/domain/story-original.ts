/**
 * Where a story was first published, as its page shows it: the outlet, the
 * day and the address, the original's headline and author, each only as far
 * as the copy records it (its `original`, else what the text itself says: the
 * outlet its dateline names and the day its source states). The headline
 * the archive shows is always the archive's own, and the page says so.
 */
import { formatDay } from './dates.ts';
import { isHttpUrl } from './schema.ts';
import type { StoryRecord } from './story-record.ts';

export interface StoryOriginal {
  /** Who first published it: the original's outlet, else the outlet the text names. */
  outlet: string | null;
  /** The day, only when stated (never an inferred one). */
  published: { iso: string; text: string } | null;
  /** The original's address: http(s) only, checked again here so no other scheme can become a link. */
  url: string | null;
  /** The original's own headline, when recorded. */
  headline: string | null;
  author: string | null;
}

/** What the story's page says of its original. */
export function storyOriginal(story: StoryRecord): StoryOriginal {
  const { original, outlet, date, dateSource } = story.data;
  const day = original?.published ?? (dateSource === 'source' ? date : null);
  const url = original?.url ?? null;
  return {
    outlet: original?.outlet ?? outlet,
    published: day === null ? null : { iso: day, text: formatDay(day) },
    url: url !== null && isHttpUrl(url) ? url : null,
    headline: original?.headline ?? null,
    author: original?.author ?? null,
  };
}

/** schema.org `isBasedOn` for the story's JSON-LD: the original article, only when its address is known. */
export function isBasedOn(original: StoryOriginal): Record<string, unknown> | null {
  if (original.url === null) return null;
  return {
    '@type': 'NewsArticle',
    url: original.url,
    ...(original.headline !== null ? { headline: original.headline } : {}),
    ...(original.author !== null ? { author: { '@type': 'Person', name: original.author } } : {}),
    ...(original.outlet !== null ? { publisher: { '@type': 'Organization', name: original.outlet } } : {}),
    ...(original.published !== null ? { datePublished: original.published.iso } : {}),
  };
}
