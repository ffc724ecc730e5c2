/** A story's date as markup: see StoryDateText.astro, which renders it. */
import type { StoryDate } from '@/domain/story-date';
import { html, type Html } from './html.ts';

/**
 * Stated dates plain, inferred ones marked as such (with their evidence when
 * `detailed`), missing ones as 'date not stated' (with any clues when `detailed`).
 */
export function storyDateHtml(date: StoryDate, detailed = false): Html {
  const shown = date.iso === null ? html`<span class="date-unknown">${date.text}</span>` : html`<time datetime="${date.iso}">${date.text}</time>`;
  if (date.source === 'inferred') {
    const from = detailed && date.evidence ? html` from: <q>${date.evidence}</q>` : null;
    return html`${shown}<span class="date-note"> (inferred${from})</span>`;
  }
  if (detailed && date.source === 'unknown' && date.evidence) return html`${shown}<span class="date-note"> (${date.evidence})</span>`;
  return shown;
}
