/** The body of an operation timeline entry's figures table as markup: see MeasureTable.astro, which renders it. */
import type { MeasureRow } from '@/lib/operation-timeline';
import { storyPath } from '@/lib/paths';
import { storyDate } from '@/lib/story-date';
import type { StoryRecord } from '@/lib/story-record';
import { html, type Html } from './html';
import { storyDateHtml } from './story-date';

/** Sources listed per figure before the rest are counted. */
const shown = 3;

/**
 * One row group per thing counted, flagged when the stories give different
 * numbers; one row per number as written, with up to three of its sources.
 */
export function measureRowsHtml(measures: readonly MeasureRow<StoryRecord>[]): Html {
  return html`${measures.map((row) => {
    const rows = row.variants.map((variant, index) => {
      const heading =
        index === 0
          ? html`<th scope="rowgroup" rowspan="${row.variants.length}">${row.label}${row.region && html`<span class="region"> (${row.region})</span>`}${
              row.conflicting && html` <strong class="differs">Reports differ</strong>`
            }</th>`
          : null;
      const rest = variant.reports.length - shown;
      const sources = variant.reports
        .slice(0, shown)
        .map((report) => html`<li><a href="${storyPath(report.story)}">${report.story.data.title}</a>, ${storyDateHtml(storyDate(report.story))}</li>`);
      return html`<tr>${heading}<td><a href="${variant.reports[0]!.href}">${variant.text}</a></td><td><ul class="sources">${sources}${
        rest > 0 && html`<li>and ${rest} more ${rest === 1 ? 'story' : 'stories'}</li>`
      }</ul></td></tr>`;
    });
    return row.conflicting ? html`<tbody class="conflict">${rows}</tbody>` : html`<tbody>${rows}</tbody>`;
  })}`;
}
