/**
 * An operation across its editions: one row per edition (or year) the
 * timeline knows, one column per main national measure, each cell the
 * figures as written with their sources. Built from the timeline's edition
 * entries so the rows are the same editions the timeline shows.
 *
 * A measure is what is counted and what happened to it, with verbs that
 * report the same fact folded together ('59 children located / recovered /
 * rescued' is one measure); each source's own wording stays in the cell.
 * Only national figures (the operation's own total, not a region's share,
 * not a running total) fill cells.
 */
import type { ChartGroupInput } from './chart.ts';
import type { CitedFigure } from './citations.ts';
import { headlineSubjects } from './figure-text.ts';
import type { OperationTimeline } from './operation-timeline.ts';
import { figureSubjects, type Figure } from './schema.ts';
import type { StoryRecord } from './story-record.ts';

/** Verbs that report the same outcome, mapped to the one the column is named by. */
const actionGroups: Readonly<Record<string, string>> = {
  recovered: 'recovered',
  rescued: 'recovered',
  located: 'recovered',
  found: 'recovered',
  freed: 'recovered',
  saved: 'recovered',
  arrested: 'arrested',
  apprehended: 'arrested',
  detained: 'arrested',
  'taken into custody': 'arrested',
};

/**
 * The action a column is named by: 'located' and 'rescued' read as
 * 'recovered'. A compound ('recovered or assisted') folds only when every
 * part folds to the same action; otherwise it stays as written, since it
 * counts something wider.
 */
export function actionGroup(action: string | null): string | null {
  if (action === null) return null;
  const words = action.trim().toLowerCase();
  if (words === '') return null;
  const parts = words.split(/\s+(?:or|and|\/)\s+|\s*\/\s*/);
  const groups = new Set(parts.map((part) => actionGroups[part] ?? part));
  return groups.size === 1 ? [...groups][0]! : words;
}

/** A figure of the operation's own, nationwide total: no region's share, no running total. */
export function isNationalFigure(figure: Pick<Figure, 'scope'>): boolean {
  return figure.scope.kind === 'operation' && figure.scope.region === null;
}

/** 'children|recovered': the column a national figure belongs in. */
export function editionMeasureKey(figure: Pick<Figure, 'subject' | 'action'>): string {
  return `${figure.subject}|${actionGroup(figure.action) ?? ''}`;
}

export interface EditionMeasure {
  key: string;
  subject: Figure['subject'];
  /** The folded action, or null when the figures state none. */
  action: string | null;
  /** 'children recovered'. */
  label: string;
  /** Every verb the sources used for it, in order of first use ('located', 'recovered', 'rescued'). */
  wordings: string[];
}

/** One wording of one number in a cell, with every source that gives it. */
export interface CellVariant<S extends StoryRecord = StoryRecord> {
  /** As written: 'more than five dozen'. */
  text: string;
  value: number;
  /** The verb the source used ('located'), or null when it states none. */
  action: string | null;
  /** Each report, linked to its sentence; one per story. */
  reports: CitedFigure<S>[];
}

export interface EditionCell<S extends StoryRecord = StoryRecord> {
  variants: CellVariant<S>[];
  /** True when the sources give different numbers for this edition and measure. */
  conflicting: boolean;
}

export interface EditionSource<S extends StoryRecord = StoryRecord> {
  story: S;
  /** The story's number within its row, for the cells' source marks. */
  key: number;
}

export interface EditionRow<S extends StoryRecord = StoryRecord> {
  /** The timeline entry's anchor on the operation page. */
  id: string;
  /** As the timeline heads it: '2017 — Edition 11 (XI)'. */
  heading: string;
  years: number[];
  yearInferred: boolean;
  editionNumber: number | null;
  /** One cell per column, null where no story reports that measure for this edition. */
  cells: (EditionCell<S> | null)[];
  /** The stories whose figures fill the row's cells, numbered once for the whole row. */
  sources: EditionSource<S>[];
  /** National measures of this edition that have no column. */
  otherMeasures: number;
}

export interface EditionsTable<S extends StoryRecord = StoryRecord> {
  columns: EditionMeasure[];
  rows: EditionRow<S>[];
  /** National measures reported somewhere that have no column, by label. */
  omittedMeasures: string[];
}

/** Columns a page has room for: the measures most editions report. */
export const editionColumnsShown = 5;

const subjectRank = new Map<string, number>(figureSubjects.map((subject, index) => [subject, index]));

/**
 * The table for one operation. Columns are national measures of headline
 * subjects (children, victims, traffickers, ...), the ones most editions
 * report first, at most `limit`; a row's other national figures are counted.
 */
export function buildEditionsTable<S extends StoryRecord>(timeline: OperationTimeline<S>, limit = editionColumnsShown): EditionsTable<S> {
  const entries = timeline.entries.filter((entry) => entry.kind === 'edition');
  const measures = new Map<string, EditionMeasure & { editions: Set<string> }>();
  const reportsByEntry = entries.map((entry) => {
    const national = entry.measures.flatMap((row) => row.reports).filter((report) => isNationalFigure(report.figure));
    for (const report of national) {
      const key = editionMeasureKey(report.figure);
      let measure = measures.get(key);
      if (!measure) {
        const action = actionGroup(report.figure.action);
        measure = {
          key,
          subject: report.figure.subject,
          action,
          label: action ? `${report.figure.subject} ${action}` : report.figure.subject,
          wordings: [],
          editions: new Set(),
        };
        measures.set(key, measure);
      }
      const wording = report.figure.action?.trim().toLowerCase();
      if (wording && !measure.wordings.includes(wording)) measure.wordings.push(wording);
      measure.editions.add(entry.id);
    }
    return national;
  });

  const headline = [...measures.values()].filter((measure) => headlineSubjects.includes(measure.subject));
  const chosen = headline
    .map((measure, order) => ({ measure, order }))
    .sort((a, b) => b.measure.editions.size - a.measure.editions.size || a.order - b.order)
    .slice(0, limit)
    .map((item) => item.measure)
    .sort((a, b) => (subjectRank.get(a.subject) ?? 99) - (subjectRank.get(b.subject) ?? 99) || a.label.localeCompare(b.label));
  const columns: EditionMeasure[] = chosen.map(({ editions: _editions, ...measure }) => measure);
  const columnIndex = new Map(columns.map((column, index) => [column.key, index]));

  const rows = entries.map((entry, entryIndex): EditionRow<S> => {
    const cells: (EditionCell<S> | null)[] = columns.map(() => null);
    const sourceKeys = new Map<string, number>();
    const sources: EditionSource<S>[] = [];
    const other = new Set<string>();
    for (const report of reportsByEntry[entryIndex]!) {
      const key = editionMeasureKey(report.figure);
      const index = columnIndex.get(key);
      if (index === undefined) {
        other.add(key);
        continue;
      }
      if (!sourceKeys.has(report.story.id)) {
        sourceKeys.set(report.story.id, sources.length + 1);
        sources.push({ story: report.story, key: sources.length + 1 });
      }
      const cell = (cells[index] ??= { variants: [], conflicting: false });
      const action = report.figure.action?.trim().toLowerCase() || null;
      const variant = cell.variants.find((item) => item.text === report.figure.text && item.action === action);
      if (!variant) cell.variants.push({ text: report.figure.text, value: report.figure.value, action, reports: [report] });
      // A story that repeats its number in a second sentence is one source of it.
      else if (!variant.reports.some((item) => item.story.id === report.story.id)) variant.reports.push(report);
    }
    for (const cell of cells) if (cell) cell.conflicting = new Set(cell.variants.map((variant) => variant.value)).size > 1;
    return {
      id: entry.id,
      heading: entry.heading,
      years: entry.years,
      yearInferred: entry.yearInferred,
      editionNumber: entry.editionNumber,
      cells,
      sources,
      otherMeasures: other.size,
    };
  });

  const omittedMeasures = [...measures.values()].filter((measure) => !columnIndex.has(measure.key)).map((measure) => measure.label);
  return { columns, rows, omittedMeasures };
}

/**
 * The chart of the table: one group per edition row, dated or not, one bar per
 * distinct number of each column (two that differ both draw). Running totals
 * are not in the table, so they are not here either.
 */
export function editionsChartGroups<S extends StoryRecord>(table: EditionsTable<S>): ChartGroupInput[] {
  return table.rows
    .map((row) => ({
      label: row.heading,
      bars: row.cells.flatMap((cell, index) => {
        if (!cell) return [];
        const seen = new Set<number>();
        return cell.variants.flatMap((variant) => {
          if (seen.has(variant.value)) return [];
          seen.add(variant.value);
          return [{ series: table.columns[index]!.label, value: variant.value, text: variant.text, href: variant.reports[0]!.href }];
        });
      }),
    }))
    .filter((group) => group.bars.length > 0);
}
