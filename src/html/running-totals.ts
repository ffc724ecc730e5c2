/** The rows of an operation's running totals table as markup: see RunningTotals.astro, which renders them. */
import { describeFigure, describeYearRange } from '@/lib/figure-text';
import { foldRunningTotals, type RunningTotalReport } from '@/lib/operation-timeline';
import { storyPath } from '@/lib/paths';
import { storyDate } from '@/lib/story-date';
import type { StoryRecord } from '@/lib/story-record';
import { html, type Html } from './html';
import { storyDateHtml } from './story-date';

/** One row per report, oldest first; consecutive reports giving the very same totals share a row. */
export function runningTotalRowsHtml(reports: readonly RunningTotalReport<StoryRecord>[]): Html {
  return html`${foldRunningTotals(reports).map(({ first, reports: same }) => {
    const last = same.at(-1)!;
    const later = same.length - 1;
    const figures = first.figures.map((item) => {
      const range = describeYearRange(item.figure.scope.since, item.figure.scope.until);
      return html`<li><a href="${item.href}">${describeFigure(item.figure)}</a>${range && html`<span class="figure-scope"> ${range}</span>`}</li>`;
    });
    return html`<tr><td>${storyDateHtml(storyDate(first.story))}${later > 0 && html` to ${storyDateHtml(storyDate(last.story))}`}</td><td><ul class="plain">${figures}</ul></td><td><a href="${storyPath(first.story)}">${first.story.data.title}</a>${
      later > 0 && html`<span class="figure-scope"> and ${later} later ${later === 1 ? 'report' : 'reports'} with the same totals</span>`
    }</td></tr>`;
  })}`;
}
