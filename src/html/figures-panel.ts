/** The items of a story's figures panel as markup: see FiguresPanel.astro, which renders them. */
import type { StoryRecord } from '@/domain/story-record';
import type { StoryFigure } from '@/domain/story-view';
import { html, type Html } from './html.ts';

/** The attribute that keeps an element out of the search index, unless the element is `indexed`. */
function indexedIf(indexed: boolean): Html {
  return indexed ? html`` : html` data-pagefind-ignore`;
}

/** One item per figure, linked to its sentence, with its scope and operation. */
export function figureItemsHtml(figures: readonly StoryFigure<StoryRecord>[]): Html {
  return html`${figures.map(
    (item) =>
      html`<li><a href="#s-${item.cited.sentence}">${item.description}</a> <span class="figure-scope"><span${indexedIf(item.scopeIndexed)}>${item.scope}</span>${
        item.operation && html` · <a href="${item.operation.href}"${indexedIf(item.operation.indexed)}>${item.operation.name}</a>`
      }</span></li>`,
  )}`;
}
