/**
 * An operation at a glance (home and /operations/): its latest edition's
 * headline figures and its latest running totals, each linked to a sentence.
 */
import type { CitedFigure } from './citations.ts';
import { headlineSubjects } from './figure-text.ts';
import type { OperationTimeline, TimelineEntry } from './operation-timeline.ts';
import type { StoryRecord } from './story-record.ts';

export interface OperationSummary<S extends StoryRecord = StoryRecord> {
  /**
   * The newest edition entry with a stated (or inferred) year that reports national headline figures;
   * only when no such entry exists, the last one without a year.
   */
  latest: { entry: TimelineEntry<S>; figures: CitedFigure<S>[] } | null;
  /** Other edition entries with national figures whose year no story states: they cannot be placed before or after `latest`. */
  undated: TimelineEntry<S>[];
  /** The latest report of running totals. */
  latestTotals: { story: S; figures: CitedFigure<S>[] } | null;
}

/**
 * One national figure per headline subject (children, victims, traffickers,
 * ...), in that order: of several measures of one subject, the one most
 * stories report, then the larger number.
 */
function nationalHeadlines<S extends StoryRecord>(entry: TimelineEntry<S>): CitedFigure<S>[] {
  const national = entry.measures.filter((row) => row.region === null && row.reports[0]!.figure.scope.kind === 'operation');
  const picked: CitedFigure<S>[] = [];
  for (const subject of headlineSubjects) {
    const rows = national.filter((row) => row.reports[0]!.figure.subject === subject);
    const best = rows.sort(
      (a, b) => b.reports.length - a.reports.length || Math.max(...b.reports.map((r) => r.figure.value)) - Math.max(...a.reports.map((r) => r.figure.value)),
    )[0];
    if (best) picked.push(best.reports[0]!);
  }
  return picked;
}

/** The at-a-glance figures of an operation's timeline, at most `max` of each kind. */
export function summariseOperation<S extends StoryRecord>(timeline: OperationTimeline<S>, max = 3): OperationSummary<S> {
  let latestDated: OperationSummary<S>['latest'] = null;
  let latestUndated: OperationSummary<S>['latest'] = null;
  const undated: TimelineEntry<S>[] = [];
  // Timeline order puts dated entries first, oldest to newest, then those without a year.
  for (const entry of timeline.entries) {
    if (entry.kind !== 'edition') continue;
    const figures = nationalHeadlines(entry);
    if (figures.length === 0) continue;
    if (entry.years.length > 0) latestDated = { entry, figures: figures.slice(0, max) };
    else {
      latestUndated = { entry, figures: figures.slice(0, max) };
      undated.push(entry);
    }
  }
  const latest = latestDated ?? latestUndated;
  // Running totals are oldest first with undated reports last: the latest is the last dated one, if any.
  const dated = timeline.runningTotals.filter((report) => report.story.data.date !== null);
  const last = dated.at(-1) ?? timeline.runningTotals.at(-1);
  return {
    latest,
    undated: undated.filter((entry) => entry !== latest?.entry),
    latestTotals: last ? { story: last.story, figures: last.figures.slice(0, max) } : null,
  };
}
