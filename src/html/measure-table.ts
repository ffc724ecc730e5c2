/** The body of an operation timeline entry's figures table as markup: see MeasureTable.astro, which renders it. */
import { selectVariants, type MeasureRow } from '@/domain/operation-timeline';
import { figuresPath, storyPath } from '@/domain/paths';
import { storyDate } from '@/domain/story-date';
import type { StoryRecord } from '@/domain/story-record';
import { html, type Html } from './html.ts';
import { storyDateHtml } from './story-date.ts';

/** Sources listed per figure before the rest are counted. */
const shown = 3;

/**
 * One row group per thing counted, flagged when the stories give different
 * numbers; one row per number as written, with up to three of its sources;
 * past six numbers, the others are counted in a last row. Sources are
 * numbered in order of appearance: a story's headline is written out the
 * first time only, and later rows name it by its number, so a long headline
 * is not repeated row after row.
 */
export function measureRowsHtml(measures: readonly MeasureRow<StoryRecord>[]): Html {
  const keys = new Map<string, number>();
  const source = (story: StoryRecord): Html => {
    const known = keys.get(story.id);
    if (known !== undefined) return html`<li><a href="${storyPath(story)}">story [${known}]</a> <span class="source-again">(above)</span></li>`;
    keys.set(story.id, keys.size + 1);
    return html`<li><span class="source-key">[${keys.size}]</span> <a href="${storyPath(story)}">${story.data.title}</a>, ${storyDateHtml(storyDate(story))}</li>`;
  };
  return html`${measures.map((row) => {
    const { shown: variants, others } = selectVariants(row);
    const rows = variants.map((variant, index) => {
      const heading =
        index === 0
          ? html`<th scope="rowgroup" rowspan="${variants.length + (others ? 1 : 0)}">${row.label}${row.region && html`<span class="region"> (${row.region})</span>`}${
              row.conflicting && html` <strong class="differs">Reports differ</strong>`
            }</th>`
          : null;
      const rest = variant.reports.length - shown;
      const sources = variant.reports.slice(0, shown).map((report) => source(report.story));
      return html`<tr>${heading}<td><a href="${variant.reports[0]!.href}">${variant.text}</a></td><td><ul class="sources">${sources}${
        rest > 0 && html`<li>and ${rest} more ${rest === 1 ? 'story' : 'stories'}</li>`
      }</ul></td></tr>`;
    });
    const otherNumbers =
      others &&
      html`<tr class="other-numbers"><td colspan="2">${others.numbers} other numbers, given by ${others.stories} ${others.stories === 1 ? 'story' : 'stories'}: every figure is in <a href="${figuresPath}">the figures table</a></td></tr>`;
    return row.conflicting ? html`<tbody class="conflict">${rows}${otherNumbers}</tbody>` : html`<tbody>${rows}${otherNumbers}</tbody>`;
  })}`;
}
