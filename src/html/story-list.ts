/** A list of stories as markup: see StoryList.astro, which renders it. */
import type { StoryListItem } from '@/domain/story-list';
import { html, type Html } from './html.ts';
import { storyDateHtml } from './story-date.ts';

export interface StoryListOptions {
  /** Omit the operation names, e.g. on an operation's own timeline. */
  hideOperations?: boolean;
  /** Omit the headline figure, where the figures are already shown around the list. */
  hideHeadline?: boolean;
}

/** One line per story: headline, date, operations and headline figure. */
export function storyListHtml(items: readonly StoryListItem[], { hideOperations = false, hideHeadline = false }: StoryListOptions = {}): Html {
  const lines = items.map((item) => {
    const operations =
      !hideOperations && item.operations.length > 0
        ? html` · ${item.operations.map((operation, index) => html`${index > 0 && ', '}<a href="${operation.href}">${operation.name}</a>`)}`
        : null;
    const headline = !hideHeadline && item.headline ? html` · <a class="figure-link" href="${item.headline.href}">${item.headline.text}</a>` : null;
    return html`<li><a class="story-link" href="${item.href}">${item.title}</a> <span class="story-facts">${storyDateHtml(item.date)}${operations}${headline}</span></li>`;
  });
  return html`<ul class="story-list">${lines}</ul>`;
}
