/** A story's original as markup: see StoryMeta.astro, which renders it around the facts line. Not indexed for search. */
import type { StoryOriginal } from '@/domain/story-original';
import { html, type Html } from './html.ts';

/** 'First published by WNCN on October 19, 2017 at <address>', or the same with 'original address not recorded'. */
export function firstPublishedHtml(original: StoryOriginal): Html {
  const by = original.outlet === null ? null : html` by <span class="original-outlet">${original.outlet}</span>`;
  const on = original.published === null ? null : html` on <time datetime="${original.published.iso}">${original.published.text}</time>`;
  const at =
    original.url === null
      ? html`${by || on ? '; ' : ': '}<span class="original-missing">original address not recorded</span>`
      : html` at <a class="original-url" href="${original.url}" rel="noopener noreferrer">${original.url}</a>`;
  const author = original.author === null ? null : html` Written by <span class="original-author">${original.author}</span>.`;
  return html`<p class="story-original" data-pagefind-ignore>First published${by}${on}${at}.${author}</p>`;
}

/** The note under the headline: the archive wrote it; the original's, when recorded. */
export function headlineNoteHtml(original: StoryOriginal): Html {
  return original.headline === null
    ? html`<p class="headline-note" data-pagefind-ignore>Headline written by the archive; the original headline is not recorded.</p>`
    : html`<p class="headline-note" data-pagefind-ignore>Headline written by the archive. Original headline: <q class="original-headline">${original.headline}</q></p>`;
}
