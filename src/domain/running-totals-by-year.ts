/**
 * An operation's running totals year by year, for an operation with more
 * stories than one page lists (see timeline-pages.ts): a table of every
 * report grew with the archive (4.7 MB of the 7.3 MB Innocence Lost page at
 * 10,000 stories). Each year shows the totals its last report gave, the
 * growth read from one year to the next, and how many reports the year had.
 */
import type { RunningTotalReport } from './operation-timeline.ts';
import { storyYear, type StoryRecord } from './story-record.ts';

export interface YearOfTotals<S extends StoryRecord = StoryRecord> {
  /** The year of the reports, null for reports that state no date. */
  year: number | null;
  /** The year's last report (oldest first order); null for undated reports, which have no order in time. */
  last: RunningTotalReport<S> | null;
  /** Reports that year. */
  reports: number;
}

/** One row per year, oldest first, undated last, from reports in the order buildOperationTimeline gives them. */
export function runningTotalsByYear<S extends StoryRecord>(reports: readonly RunningTotalReport<S>[]): YearOfTotals<S>[] {
  const years: YearOfTotals<S>[] = [];
  for (const report of reports) {
    const year = storyYear(report.story);
    const current = years.find((entry) => entry.year === year);
    if (current) {
      current.reports += 1;
      if (year !== null) current.last = report;
    } else {
      years.push({ year, last: year === null ? null : report, reports: 1 });
    }
  }
  return years.sort((a, b) => (a.year === null ? 1 : b.year === null ? -1 : a.year - b.year));
}
