/**
 * One operation's history as the archive knows it: an entry per edition or
 * year with the figures reported for it, closed cumulative summaries
 * ('2008–2017') as entries of their own, and running totals ('since 2003')
 * listed report by report so their growth shows. Nothing is guessed: an
 * edition whose year no story states is placed after the dated ones and
 * says so.
 */
import type { ChartGroupInput } from './chart.ts';
import type { CitedFigure } from './citations.ts';
import { describeFigureWithPlace, describeMeasure, describeYearRange, headlineSubjects, measureKey } from './figure-text.ts';
import { figureSubjects, type Operation, type OperationMention } from './schema.ts';
import { compareStories, storyYear, type StoryRecord } from './story-record.ts';

/** All reports of one measure within an entry; `conflicting` when they give different numbers. */
export interface MeasureRow<S extends StoryRecord = StoryRecord> {
  key: string;
  /** 'children recovered'. */
  label: string;
  /** The region of a regional figure, else null. */
  region: string | null;
  /** Oldest report first, undated reports last. */
  reports: CitedFigure<S>[];
  /**
   * The reports grouped by the figure as written ('more than 200', 'over 200'),
   * in order of first report: a page can show each wording once with a few
   * of its sources, however many stories repeat it.
   */
  variants: { text: string; value: number; reports: CitedFigure<S>[] }[];
  conflicting: boolean;
}

export interface TimelineEntry<S extends StoryRecord = StoryRecord> {
  /** Anchor id on the operation page. */
  id: string;
  kind: 'edition' | 'summary';
  /** '2017 — Edition 11 (XI)', 'Edition 13 (13th year) — year not stated', '2008–2017 — cumulative summary'. */
  heading: string;
  /** Years of the stories behind an edition entry; for a summary, the span it covers. */
  years: number[];
  /** True when every year shown rests on inferred dates. */
  yearInferred: boolean;
  editionNumber: number | null;
  /** The stories behind the entry, newest first like the archive. */
  stories: S[];
  /**
   * Stories that state neither year nor edition but were placed here because
   * they report the same figures as this entry's other stories: the reason says which.
   */
  placedByFigures: { story: S; reason: string }[];
  measures: MeasureRow<S>[];
}

/** One report of running totals: the cumulative figures a story gave on its date. */
export interface RunningTotalReport<S extends StoryRecord = StoryRecord> {
  story: S;
  figures: CitedFigure<S>[];
}

/** Consecutive reports that give the very same totals, shown as one row. */
export interface RunningTotalRow<S extends StoryRecord = StoryRecord> {
  /** The first report of the run: its figures and links are shown. */
  first: RunningTotalReport<S>;
  /** Every report in the run, oldest first. */
  reports: RunningTotalReport<S>[];
}

/**
 * Folds consecutive reports with the same totals (as written) into one row,
 * so a page shows each step of the growth once however many stories repeat it.
 */
export function foldRunningTotals<S extends StoryRecord>(reports: readonly RunningTotalReport<S>[]): RunningTotalRow<S>[] {
  const rows: RunningTotalRow<S>[] = [];
  let previous: string | null = null;
  for (const report of reports) {
    const signature = report.figures
      .map((item) => describeFigureWithPlace(item.figure))
      .sort()
      .join('|');
    const last = rows.at(-1);
    if (last && signature === previous) last.reports.push(report);
    else rows.push({ first: report, reports: [report] });
    previous = signature;
  }
  return rows;
}

export interface OperationTimeline<S extends StoryRecord = StoryRecord> {
  operation: Operation;
  entries: TimelineEntry<S>[];
  /** Reports of open-ended cumulative totals, oldest first, undated last. */
  runningTotals: RunningTotalReport<S>[];
  /** Stories that name the operation but report nothing for it. */
  alsoMentioned: S[];
  /** Headline figures per year of the stories that reported them (known years only). */
  figuresByYear: ChartGroupInput[];
  /** Running totals per year of report (known years only). */
  totalsByYear: ChartGroupInput[];
}

/** Oldest first, undated last, so growth reads top to bottom. */
function compareOldestFirst(a: StoryRecord, b: StoryRecord): number {
  if (a.data.date === null || b.data.date === null) return compareStories(a, b);
  return -compareStories(a, b);
}

function slugify(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'x'
  );
}

function isRunningTotal(figure: CitedFigure['figure']): boolean {
  return figure.scope.kind === 'cumulative' && figure.scope.until === null;
}

function editionMention(story: StoryRecord, operationId: string): OperationMention | undefined {
  const mentions = story.data.operations.filter((mention) => mention.id === operationId);
  return mentions.find((mention) => mention.edition !== null || mention.editionNumber !== null) ?? mentions[0];
}

function editionLabel(editionNumber: number | null, texts: readonly string[]): string | null {
  if (editionNumber !== null) {
    const other = texts.filter((text) => text !== String(editionNumber));
    return other.length > 0 ? `Edition ${editionNumber} (${other.join(', ')})` : `Edition ${editionNumber}`;
  }
  return texts.length > 0 ? `Edition ${texts.join(', ')}` : null;
}

const subjectRank = new Map<string, number>(figureSubjects.map((subject, index) => [subject, index]));

/** National figures first, then regional ones place by place; within each, by subject as the schema orders them. */
function compareMeasures(a: MeasureRow<StoryRecord>, b: MeasureRow<StoryRecord>): number {
  const regionA = a.region === null ? 0 : 1;
  const regionB = b.region === null ? 0 : 1;
  if (regionA !== regionB) return regionA - regionB;
  if (a.region !== null && b.region !== null && a.region !== b.region) return a.region.localeCompare(b.region);
  const first = (row: MeasureRow<StoryRecord>) => row.reports[0]!.figure.subject;
  return (subjectRank.get(first(a)) ?? 99) - (subjectRank.get(first(b)) ?? 99) || a.label.localeCompare(b.label);
}

function measureRows<S extends StoryRecord>(cited: readonly CitedFigure<S>[]): MeasureRow<S>[] {
  const rows = new Map<string, MeasureRow<S>>();
  const seen = new Set<string>();
  for (const item of cited) {
    const key = measureKey(item.figure);
    // The same story repeating the same number in two sentences is one report.
    const once = `${key}#${item.story.id}#${item.figure.value}`;
    if (seen.has(once)) continue;
    seen.add(once);
    const row = rows.get(key);
    if (row) row.reports.push(item);
    else rows.set(key, { key, label: describeMeasure(item.figure), region: item.figure.scope.region, reports: [item], variants: [], conflicting: false });
  }
  for (const row of rows.values()) {
    row.reports.sort((a, b) => compareOldestFirst(a.story, b.story) || a.index - b.index);
    const variants = new Map<string, MeasureRow<S>['variants'][number]>();
    for (const report of row.reports) {
      const variant = variants.get(report.figure.text);
      if (variant) variant.reports.push(report);
      else variants.set(report.figure.text, { text: report.figure.text, value: report.figure.value, reports: [report] });
    }
    row.variants = [...variants.values()];
    row.conflicting = new Set(row.reports.map((report) => report.figure.value)).size > 1;
  }
  return [...rows.values()].sort(compareMeasures);
}

/** An entry's measures as a page shows them: the national results, then each place's own, never summed. */
export interface MeasureGroups<S extends StoryRecord = StoryRecord> {
  /** The operation's national results (and closed cumulative totals, which have no place). */
  national: MeasureRow<S>[];
  /** Regional results grouped by place, places in alphabetical order. */
  regions: { region: string; measures: MeasureRow<S>[] }[];
}

/** Splits measures into the national ones and one group per place, keeping their order within each. */
export function groupMeasuresByPlace<S extends StoryRecord>(measures: readonly MeasureRow<S>[]): MeasureGroups<S> {
  const national = measures.filter((row) => row.region === null);
  const byPlace = new Map<string, MeasureRow<S>[]>();
  for (const row of measures) {
    if (row.region === null) continue;
    const group = byPlace.get(row.region) ?? [];
    group.push(row);
    byPlace.set(row.region, group);
  }
  const regions = [...byPlace].sort(([a], [b]) => a.localeCompare(b)).map(([region, rows]) => ({ region, measures: rows }));
  return { national, regions };
}

/** Numbers shown per measure on an operation's page; the rest are counted, and listed in the figures table. */
export const variantsShown = 6;

export interface VariantSelection<S extends StoryRecord = StoryRecord> {
  /** The numbers most stories give, at most `limit`, in order of first report. */
  shown: MeasureRow<S>['variants'];
  /** How many other numbers were given, and by how many stories. */
  others: { numbers: number; stories: number } | null;
}

/**
 * The numbers of one measure a page has room for. A big archive can give a
 * measure of one edition scores of numbers (each story's own count taken for
 * the operation's); the ones given by most stories are kept, in their order.
 */
export function selectVariants<S extends StoryRecord>(row: MeasureRow<S>, limit = variantsShown): VariantSelection<S> {
  if (row.variants.length <= limit) return { shown: row.variants, others: null };
  const ranked = row.variants
    .map((variant, order) => ({ variant, order }))
    .sort((a, b) => b.variant.reports.length - a.variant.reports.length || a.order - b.order);
  const kept = new Set(ranked.slice(0, limit).map((entry) => entry.variant));
  const rest = row.variants.filter((variant) => !kept.has(variant));
  const stories = new Set(rest.flatMap((variant) => variant.reports.map((report) => report.story.id)));
  return { shown: row.variants.filter((variant) => kept.has(variant)), others: { numbers: rest.length, stories: stories.size } };
}

/** Regional measures (a state's, a city's) shown per timeline entry; the rest are counted, and listed in the figures table. */
export const regionalMeasuresShown = 12;

export interface MeasureSelection<S extends StoryRecord = StoryRecord> {
  /** Every national measure, and the regional ones most stories report, at most `limit`, in their order. */
  shown: MeasureRow<S>[];
  /** How many regional measures were left out, and how many stories reported them. */
  otherRegions: { measures: number; stories: number } | null;
}

/**
 * The measures of one timeline entry a page has room for. On a big archive an edition gathers a
 * measure for every state and city some story gives a count for (143 of the 157 of one edition at
 * 10,000 stories, 290 KB of its page); the national ones are what the entry is about.
 */
export function selectMeasures<S extends StoryRecord>(measures: readonly MeasureRow<S>[], limit = regionalMeasuresShown): MeasureSelection<S> {
  const regional = measures.filter((row) => row.region !== null);
  if (regional.length <= limit) return { shown: [...measures], otherRegions: null };
  const reports = (row: MeasureRow<S>): number => row.variants.reduce((sum, variant) => sum + variant.reports.length, 0);
  const ranked = regional.map((row, order) => ({ row, order })).sort((a, b) => reports(b.row) - reports(a.row) || a.order - b.order);
  const dropped = new Set(ranked.slice(limit).map((entry) => entry.row));
  const stories = new Set([...dropped].flatMap((row) => row.variants.flatMap((variant) => variant.reports.map((report) => report.story.id))));
  return { shown: measures.filter((row) => !dropped.has(row)), otherRegions: { measures: dropped.size, stories: stories.size } };
}

interface Bucket<S extends StoryRecord> {
  id: string;
  kind: 'edition' | 'summary';
  editionNumber: number | null;
  editionTexts: Set<string>;
  since: number | null;
  until: number | null;
  stories: Set<S>;
  cited: CitedFigure<S>[];
  placed: { story: S; reason: string }[];
}

function headingOf(bucket: Bucket<StoryRecord>, years: readonly number[], yearInferred: boolean): string {
  if (bucket.kind === 'summary') return `${describeYearRange(bucket.since, bucket.until) ?? 'Cumulative'} — cumulative summary`;
  const edition = editionLabel(bucket.editionNumber, [...bucket.editionTexts]);
  const yearText = years.length > 0 ? `${years.join(', ')}${yearInferred ? ' (year inferred)' : ''}` : null;
  if (yearText && edition) return `${yearText} — ${edition}`;
  if (yearText) return yearText;
  if (edition) return `${edition} — year not stated`;
  return 'Year and edition not stated';
}

/** Where an entry goes: dated entries by year (a summary after the editions of its last year), then editions without a year, then the rest. */
function entryOrder(entry: TimelineEntry<StoryRecord>): [number, number, number, number] {
  if (entry.years.length > 0) {
    const year = entry.kind === 'summary' ? entry.years.at(-1)! : entry.years[0]!;
    return [0, year, entry.kind === 'summary' ? 1 : 0, entry.editionNumber ?? Number.MAX_SAFE_INTEGER];
  }
  if (entry.editionNumber !== null) return [1, entry.editionNumber, 0, 0];
  return [2, 0, 0, 0];
}

function compareEntries(a: TimelineEntry<StoryRecord>, b: TimelineEntry<StoryRecord>): number {
  const left = entryOrder(a);
  const right = entryOrder(b);
  for (let i = 0; i < left.length; i += 1) {
    if (left[i] !== right[i]) return left[i]! - right[i]!;
  }
  return a.id.localeCompare(b.id);
}

/**
 * Chart groups by year. Per year and measure, one bar per distinct number:
 * reports that agree draw once, two that differ draw both; when more than
 * two numbers are reported, only the lowest and highest are drawn and say so.
 */
function chartGroups<S extends StoryRecord>(cited: readonly CitedFigure<S>[]): ChartGroupInput[] {
  type Bar = ChartGroupInput['bars'][number];
  const byYear = new Map<number, Map<string, Map<number, Bar>>>();
  for (const item of cited) {
    const year = storyYear(item.story);
    if (year === null) continue;
    const measures = byYear.get(year) ?? new Map<string, Map<number, Bar>>();
    byYear.set(year, measures);
    const key = measureKey(item.figure);
    const values = measures.get(key) ?? new Map<number, Bar>();
    measures.set(key, values);
    if (!values.has(item.figure.value)) {
      values.set(item.figure.value, { series: describeMeasure(item.figure), value: item.figure.value, text: item.figure.text, href: item.href });
    }
  }
  return [...byYear.entries()]
    .sort(([a], [b]) => a - b)
    .map(([year, measures]) => ({
      label: String(year),
      bars: [...measures.values()].flatMap((values) => {
        const bars = [...values.values()];
        if (bars.length <= 2) return bars;
        const sorted = bars.sort((a, b) => a.value - b.value);
        const note = (which: string): string => ` (${which} of ${bars.length} numbers reported)`;
        return [
          { ...sorted[0]!, text: `${sorted[0]!.text}${note('lowest')}` },
          { ...sorted.at(-1)!, text: `${sorted.at(-1)!.text}${note('highest')}` },
        ];
      }),
    }));
}

/** What a figure counts and how many, ignoring wording: the key two reports of one event share. */
function sameFigureKey(item: CitedFigure): string {
  return `${item.figure.subject}|${item.figure.value}`;
}

/**
 * A story that states neither year nor edition joins the one edition entry
 * with which it shares at least `minShared` figures (subject and number), and
 * says so; with no such entry, or more than one, it stays where it is.
 */
function placeByFigures<S extends StoryRecord>(buckets: Map<string, Bucket<S>>, minShared = 2): void {
  const loose = buckets.get('undated');
  if (!loose) return;
  const candidates = [...buckets.values()].filter((item) => item.kind === 'edition' && item.id !== 'undated');
  const keysOf = new Map(candidates.map((item) => [item, new Set(item.cited.map(sameFigureKey))]));
  const citedByStory = new Map<S, CitedFigure<S>[]>();
  for (const item of loose.cited) citedByStory.set(item.story, [...(citedByStory.get(item.story) ?? []), item]);
  const moved = new Set<S>();
  for (const story of loose.stories) {
    const own = citedByStory.get(story) ?? [];
    const ownKeys = [...new Set(own.map(sameFigureKey))];
    const matches = candidates
      .map((item) => ({ item, shared: ownKeys.filter((key) => keysOf.get(item)!.has(key)) }))
      .filter((match) => match.shared.length >= minShared);
    if (matches.length !== 1) continue;
    const { item: target, shared } = matches[0]!;
    const examples = shared.map((key) => own.find((cited) => sameFigureKey(cited) === key)!);
    target.stories.add(story);
    target.cited.push(...own);
    target.placed.push({
      story,
      reason: `states no year or edition; placed here because it reports the same figures: ${examples.map((cited) => `${cited.figure.text} ${cited.figure.subject}`).join(', ')}`,
    });
    moved.add(story);
  }
  for (const story of moved) loose.stories.delete(story);
  loose.cited = loose.cited.filter((item) => !moved.has(item.story));
  if (loose.stories.size === 0) buckets.delete('undated');
}

/**
 * Builds an operation's timeline from the stories that mention it or report
 * figures for it, each with its cited figures.
 */
export function buildOperationTimeline<S extends StoryRecord>(
  operation: Operation,
  stories: readonly S[],
  citationsOf: (story: S) => readonly CitedFigure<S>[],
): OperationTimeline<S> {
  const buckets = new Map<string, Bucket<S>>();
  const runningTotals: RunningTotalReport<S>[] = [];
  const alsoMentioned: S[] = [];
  const headline: CitedFigure<S>[] = [];
  const totals: CitedFigure<S>[] = [];
  const bucket = (id: string, init: () => Omit<Bucket<S>, 'id' | 'stories' | 'cited' | 'placed' | 'editionTexts'>): Bucket<S> => {
    let found = buckets.get(id);
    if (!found) {
      found = { id, stories: new Set(), cited: [], placed: [], editionTexts: new Set(), ...init() };
      buckets.set(id, found);
    }
    return found;
  };

  for (const story of [...stories].sort(compareStories)) {
    const own = citationsOf(story).filter((item) => item.figure.operation === operation.id);
    const mention = editionMention(story, operation.id);
    const editionNumber = mention?.editionNumber ?? null;
    const editionText = mention?.edition ?? null;
    const year = storyYear(story);
    const edition = own.filter((item) => item.figure.scope.kind !== 'cumulative');
    const running = own.filter((item) => isRunningTotal(item.figure));
    const closed = own.filter((item) => item.figure.scope.kind === 'cumulative' && !isRunningTotal(item.figure));
    let contributes = false;

    if (edition.length > 0 || editionNumber !== null || editionText !== null) {
      const id =
        editionNumber !== null
          ? `edition-${editionNumber}`
          : editionText !== null
            ? `edition-${slugify(editionText)}`
            : year !== null
              ? `year-${year}`
              : 'undated';
      const target = bucket(id, () => ({ kind: 'edition', editionNumber, since: null, until: null }));
      if (editionText !== null) target.editionTexts.add(editionText);
      target.stories.add(story);
      target.cited.push(...edition);
      headline.push(...edition.filter((item) => item.figure.scope.kind === 'operation' && headlineSubjects.includes(item.figure.subject)));
      contributes = true;
    }
    for (const item of closed) {
      const { since, until } = item.figure.scope;
      const target = bucket(`cumulative-${since ?? 'start'}-${until}`, () => ({ kind: 'summary', editionNumber: null, since, until }));
      target.stories.add(story);
      target.cited.push(item);
      contributes = true;
    }
    if (running.length > 0) {
      runningTotals.push({ story, figures: running });
      // The chart of running totals shows national totals only: a place's total is not the initiative's.
      totals.push(...running.filter((item) => item.figure.scope.region === null && headlineSubjects.includes(item.figure.subject)));
      contributes = true;
    }
    if (!contributes) alsoMentioned.push(story);
  }

  placeByFigures(buckets);

  const entries = [...buckets.values()].map((item): TimelineEntry<S> => {
    const storyList = [...item.stories].sort(compareStories);
    let years: number[];
    let yearInferred = false;
    if (item.kind === 'summary') {
      years = [item.since, item.until].filter((year): year is number => year !== null);
    } else {
      const dated = storyList.filter((story) => story.data.date !== null);
      years = [...new Set(dated.map((story) => storyYear(story)!))].sort((a, b) => a - b);
      yearInferred = dated.length > 0 && dated.every((story) => story.data.dateSource === 'inferred');
    }
    return {
      id: item.id,
      kind: item.kind,
      heading: headingOf(item, years, yearInferred),
      years,
      yearInferred,
      editionNumber: item.editionNumber,
      stories: storyList,
      placedByFigures: item.placed,
      measures: measureRows(item.cited),
    };
  });

  runningTotals.sort((a, b) => compareOldestFirst(a.story, b.story));
  return {
    operation,
    entries: entries.sort(compareEntries),
    runningTotals,
    alsoMentioned,
    figuresByYear: chartGroups(headline),
    totalsByYear: chartGroups(totals),
  };
}
