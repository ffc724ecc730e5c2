/**
 * Builds the result list from Pagefind fragments with DOM nodes and text
 * only: headlines and metadata are raw page text, so nothing here is ever
 * assigned as HTML.
 */
import { formatDay } from './format-day.ts';
import { excerptParts } from './excerpt.ts';
import type { PagefindFragment } from './pagefind-api.ts';

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The result's link if it is a web address on this site, else null: the
 * index is ours, but a javascript: or foreign URL must never become a link.
 */
export function safeResultUrl(url: string, base: string): string | null {
  try {
    const resolved = new URL(url, base);
    const origin = new URL(base).origin;
    return (resolved.protocol === 'http:' || resolved.protocol === 'https:') && resolved.origin === origin ? url : null;
  } catch {
    return null;
  }
}

/** The excerpt as text nodes, with <mark> elements around the matches. */
export function renderExcerpt(doc: Document, excerpt: string): DocumentFragment {
  const out = doc.createDocumentFragment();
  for (const part of excerptParts(excerpt)) {
    if (part.marked) {
      const mark = doc.createElement('mark');
      mark.textContent = part.text;
      out.append(mark);
    } else {
      out.append(doc.createTextNode(part.text));
    }
  }
  return out;
}

/** The story's date as <time>, or the page's own words when it has none. */
function renderDate(doc: Document, date: string | undefined): Node {
  if (date === undefined || !isoDay.test(date)) return doc.createTextNode(date ?? 'date not stated');
  const time = doc.createElement('time');
  time.dateTime = date;
  time.textContent = formatDay(date);
  return time;
}

/** One result: headline linked to the story (with the highlight parameter), date, operation, excerpt. */
export function renderResult(doc: Document, fragment: PagefindFragment): HTMLLIElement {
  const href = safeResultUrl(fragment.url, doc.location.href);
  const item = doc.createElement('li');
  item.className = 'search-result';

  const heading = doc.createElement('h3');
  const title = fragment.meta['title'] ?? fragment.url;
  if (href === null) {
    heading.textContent = title;
  } else {
    const link = doc.createElement('a');
    link.href = href;
    link.textContent = title;
    heading.append(link);
  }

  const meta = doc.createElement('p');
  meta.className = 'search-result-meta';
  meta.append(renderDate(doc, fragment.meta['date']));
  const operation = fragment.meta['operation'];
  if (operation) meta.append(doc.createTextNode(` · ${operation}`));

  const excerpt = doc.createElement('p');
  excerpt.className = 'search-result-excerpt';
  excerpt.append(renderExcerpt(doc, fragment.excerpt));

  item.append(heading, meta, excerpt);
  return item;
}

/** What the live region says after a search: the count, and how the filters narrowed it. */
export function statusText(term: string, total: number, filtered: boolean, unfiltered: number): string {
  const stories = (n: number): string => `${n} ${n === 1 ? 'story' : 'stories'}`;
  const subject = term === '' ? 'the chosen filters' : `“${term}”`;
  if (total === 0) {
    return filtered && term !== '' && unfiltered > 0
      ? `No stories match ${subject} with these filters (${stories(unfiltered)} without them).`
      : `No stories match ${subject}.`;
  }
  const scope = filtered && term !== '' ? ` with these filters, of ${unfiltered} in all` : '';
  return `${stories(total)} ${total === 1 ? 'matches' : 'match'} ${subject}${scope}.`;
}
