/**
 * The sentences of an operation's card (home, /operations/): its newest
 * dated edition with its figures, the editions whose year is not stated,
 * and its latest running totals, each written as a sentence whose figures
 * and sources are links. Pure: a component renders the segments.
 */
import type { CitedFigure } from './citations.ts';
import { describeFigureWithPlace, describeYearRange } from './figure-text.ts';
import type { OperationSummary } from './operation-summary.ts';
import { storyPath } from './paths.ts';
import { storyDate } from './story-date.ts';
import type { StoryRecord } from './story-record.ts';

/** A piece of a sentence: text, or text that links somewhere. */
export interface Segment {
  text: string;
  href?: string;
}

/** 'a', 'a and b', 'a, b and c', as segments. */
function joinList(items: readonly Segment[][]): Segment[] {
  return items.flatMap((item, index) => [...(index === 0 ? [] : [{ text: index === items.length - 1 ? ' and ' : ', ' }]), ...item]);
}

function figureLinks<S extends StoryRecord>(
  figures: readonly CitedFigure<S>[],
  words: (item: CitedFigure<S>) => string = (item) => describeFigureWithPlace(item.figure),
): Segment[] {
  return joinList(figures.map((item) => [{ text: words(item), href: item.href }]));
}

/** 'Newest dated edition: 2017 — Edition 11 (XI), with 84 children recovered and 120 traffickers arrested.' */
export function latestEditionSentence<S extends StoryRecord>(summary: OperationSummary<S>, operationHref: string): Segment[] | null {
  const latest = summary.latest;
  if (!latest) return null;
  const dated = latest.entry.years.length > 0;
  return [
    { text: dated ? 'Newest dated edition: ' : 'No edition has a stated year; the latest in the timeline: ' },
    { text: latest.entry.heading, href: `${operationHref}#${latest.entry.id}` },
    { text: ', with ' },
    ...figureLinks(latest.figures),
    { text: '.' },
  ];
}

/** 'Also in the archive, with no stated year: Edition 13 (13th year).' */
export function undatedEditionsSentence<S extends StoryRecord>(summary: OperationSummary<S>, operationHref: string): Segment[] | null {
  if (summary.undated.length === 0) return null;
  return [
    { text: 'Also in the archive: ' },
    ...joinList(summary.undated.map((entry) => [{ text: entry.heading, href: `${operationHref}#${entry.id}` }])),
    { text: '.' },
  ];
}

/**
 * 'As of August 8, 2019, the running totals since 2003 were more than 6,600 children recovered or identified and
 * more than 2,700 traffickers convicted, according to “Operation Independence Day: …”.'
 */
export function runningTotalsSentence<S extends StoryRecord>(summary: OperationSummary<S>): Segment[] | null {
  const totals = summary.latestTotals;
  if (!totals || totals.figures.length === 0) return null;
  const date = storyDate(totals.story);
  const when =
    date.iso === null ? 'In a report whose date is not stated' : date.source === 'inferred' ? `As of ${date.text} (date inferred)` : `As of ${date.text}`;
  const ranges = new Set(totals.figures.map((item) => describeYearRange(item.figure.scope.since, item.figure.scope.until)));
  const shared = ranges.size === 1 ? [...ranges][0]! : null;
  const words = (item: CitedFigure<S>): string => {
    const own = shared === null ? describeYearRange(item.figure.scope.since, item.figure.scope.until) : null;
    return own ? `${describeFigureWithPlace(item.figure)} (${own})` : describeFigureWithPlace(item.figure);
  };
  return [
    { text: `${when}, the running totals${shared ? ` ${shared}` : ''} were ` },
    ...figureLinks(totals.figures, words),
    { text: ', according to “' },
    { text: totals.story.data.title, href: storyPath(totals.story) },
    { text: '”.' },
  ];
}

/** The plain text of a sentence, for tests and descriptions. */
export function segmentsText(segments: readonly Segment[]): string {
  return segments.map((segment) => segment.text).join('');
}
