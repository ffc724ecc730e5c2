/** The older/newer links and related stories below a story as markup: see StoryAfterword.astro, which renders them. */
import { storyPath } from '@/domain/paths';
import type { RelatedStory } from '@/domain/related';
import { storyDate } from '@/domain/story-date';
import type { NeighbourLink, NeighbourNote } from '@/domain/story-neighbours';
import type { StoryRecord } from '@/domain/story-record';
import { html, type Html } from './html.ts';
import { storyDateHtml } from './story-date.ts';

/** The older and newer story, each with its label; a missing one as its label alone. */
export function neighbourItemsHtml(links: readonly NeighbourLink<StoryRecord>[]): Html {
  return html`${links.map(({ side, rel, label, story }) =>
    story
      ? html`<li class="${side}"><span class="neighbour-label">${label}</span> <a href="${storyPath(story)}"${rel ? html` rel="${rel}"` : null}>${story.data.title}</a> ${storyDateHtml(storyDate(story))}</li>`
      : html`<li class="${side}"><span class="neighbour-label">${label}</span></li>`,
  )}`;
}

/** How undated stories are ordered, with a link to the first of them where the note has one. */
export function neighbourNoteHtml(note: NeighbourNote<StoryRecord>): Html {
  const link = note.story ? html` ${note.linkLabel} <a href="${storyPath(note.story)}">${note.story.data.title}</a>.` : null;
  return html`<p class="undated-order">${note.text}${link}</p>`;
}

/** Stories that report the same event, each with its date and why it is related. */
export function relatedItemsHtml(related: readonly RelatedStory<StoryRecord>[]): Html {
  return html`${related.map(
    (item) =>
      html`<li><a class="story-link" href="${storyPath(item.story)}">${item.story.data.title}</a> <span class="story-facts">${storyDateHtml(storyDate(item.story))} · ${item.reasons.join('; ')}</span></li>`,
  )}`;
}
