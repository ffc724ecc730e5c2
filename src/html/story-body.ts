/** A story's text as markup: see StoryBody.astro, which renders it. */
import type { AnchoredSentence } from '@/domain/story-sentences';
import { html, type Html } from './html.ts';

/** One paragraph per paragraph, one span per sentence with its anchor `s-N`; sentences a figure came from are marked. */
export function storyBodyHtml(paragraphs: readonly (readonly AnchoredSentence[])[]): Html {
  return html`${paragraphs.map(
    (paragraph) =>
      html`<p>${paragraph.map(
        (sentence, index) =>
          html`${index > 0 && ' '}${sentence.cited ? html`<span id="${sentence.id}" class="cited">${sentence.text}</span>` : html`<span id="${sentence.id}">${sentence.text}</span>`}`,
      )}</p>`,
  )}`;
}
