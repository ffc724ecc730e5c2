/**
 * What the feed says of a story beyond its title: its description led by
 * how its date is known, since a feed reader shows an undated item without
 * any date and an inferred one as if stated.
 */
import { formatDay } from './dates.ts';
import type { StoryRecord } from './story-record.ts';

/** 'Date not stated. …' or 'Date inferred. …' before the description; a stated date adds nothing. */
export function feedDescription(story: StoryRecord): string {
  const { date, dateSource, description } = story.data;
  if (date === null) return `Date not stated. ${description}`;
  if (dateSource === 'inferred') return `Date inferred, not stated by the source. ${description}`;
  return description;
}

/** Text for XML content or a double-quoted attribute. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[char]!);
}

/** The XHTML namespace: elements in it render as HTML where the feed is shown in a browser with its stylesheet; feed readers skip them. */
export const xhtmlNamespace = 'http://www.w3.org/1999/xhtml';

/**
 * For a browser showing the feed with its stylesheet: the date as the site writes it (the feed's
 * pubDate is machine text) and a link it can follow (the feed's own <link> is text there).
 */
export function feedItemExtras(story: StoryRecord, url: string): string {
  const { date, dateSource } = story.data;
  const when = date === null ? 'Date not stated' : dateSource === 'inferred' ? `${formatDay(date)} (date inferred)` : formatDay(date);
  return `<h:p class="item-date">${escapeXml(when)}</h:p><h:p class="item-link"><h:a href="${escapeXml(url)}">Read the story</h:a></h:p>`;
}
