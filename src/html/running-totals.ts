/** The rows of an operation's running totals table as markup: see RunningTotals.astro, which renders them. */
import { describeFigureWithPlace, describeYearRange } from '@/domain/figure-text';
import { foldRunningTotals, type RunningTotalReport } from '@/domain/operation-timeline';
import type { YearOfTotals } from '@/domain/running-totals-by-year';
import { storyPath } from '@/domain/paths';
import { storyDate } from '@/domain/story-date';
import type { StoryRecord } from '@/domain/story-record';
import { html, type Html } from './html.ts';
import { storyDateHtml } from './story-date.ts';

/** One row per report, oldest first; consecutive reports giving the very same totals share a row. */
export function runningTotalRowsHtml(reports: readonly RunningTotalReport<StoryRecord>[]): Html {
  return html`${foldRunningTotals(reports).map(({ first, reports: same }) => {
    const last = same.at(-1)!;
    const later = same.length - 1;
    return html`<tr><td>${storyDateHtml(storyDate(first.story))}${later > 0 && html` to ${storyDateHtml(storyDate(last.story))}`}</td><td>${reportFiguresHtml(first)}</td><td><a href="${storyPath(first.story)}">${first.story.data.title}</a>${
      later > 0 && html`<span class="figure-scope"> and ${later} later ${later === 1 ? 'report' : 'reports'} with the same totals</span>`
    }</td></tr>`;
  })}`;
}

/** The figures of one report, each linked to its sentence, with the years it covers. */
function reportFiguresHtml(report: RunningTotalReport<StoryRecord>): Html {
  return html`<ul class="plain">${report.figures.map((item) => {
    const range = describeYearRange(item.figure.scope.since, item.figure.scope.until);
    return html`<li><a href="${item.href}">${describeFigureWithPlace(item.figure)}</a>${range && html`<span class="figure-scope"> ${range}</span>`}</li>`;
  })}</ul>`;
}

/** One row per year (see running-totals-by-year.ts): the year's last report and how many the year had, linked to the year's stories. */
export function runningTotalYearRowsHtml(years: readonly YearOfTotals<StoryRecord>[], yearHref: (year: number | null) => string): Html {
  return html`${years.map(({ year, last, reports }) => {
    const count = html`${reports} ${reports === 1 ? 'report' : 'reports'}${year === null ? ' without a date' : ` in ${year}`}, among <a href="${yearHref(year)}">${year === null ? 'the undated stories' : `the stories of ${year}`}</a>`;
    if (last === null) return html`<tr><td>Undated</td><td>Not placed in time: these reports state no date.</td><td>${count}</td></tr>`;
    return html`<tr><td>${year} <span class="figure-scope">(last report: ${storyDateHtml(storyDate(last.story))})</span></td><td>${reportFiguresHtml(last)}</td><td><a href="${storyPath(last.story)}">${last.story.data.title}</a><span class="figure-scope">; ${count}</span></td></tr>`;
  })}`;
}
