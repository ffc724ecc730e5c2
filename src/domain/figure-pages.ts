/**
 * How the figures table is laid out in pages. Up to `pageSize` figures
 * (the ARCHIVE_LIST_PAGE_SIZE setting) it is one page, /figures/. A longer table was cut into
 * pages of that many rows, newest first, so one new story moved every row
 * of every page (103 pages rendered again for one article at 10,000 stories)
 * and no page's address named what it showed. Now /figures/ lists the years
 * and each year's figures have their own page (/figures/2019/, continued at
 * /figures/2019/2/), newest first like the table, undated stories last.
 */
import type { FigureRow } from './figures-table.ts';
import { storyYear, type StoryRecord } from './story-record.ts';
import { yearSegment } from './timeline-pages.ts';

/** A year in the index of a split figures table. */
export interface FigureYearLink {
  year: number | null;
  label: string;
  /** Figures that year, and the stories they come from. */
  figures: number;
  stories: number;
  /** The year's first page. */
  href: string;
}

/** One page of a year's figures. */
export interface FigureYearPage<S extends StoryRecord = StoryRecord> {
  path: string;
  year: number | null;
  label: string;
  rows: FigureRow<S>[];
  /** The year's figure count over all its pages; this page's first row within the year (0-based). */
  yearCount: number;
  start: number;
  part: number;
  parts: number;
  previous: string | null;
  next: string | null;
}

export type FiguresLayout<S extends StoryRecord = StoryRecord> =
  { split: false; rows: FigureRow<S>[] } | { split: true; years: FigureYearLink[]; pages: FigureYearPage<S>[] };

/** The path of part `part` of a year's figures. */
export function figureYearPath(year: number | null, part = 1): string {
  return `/figures/${yearSegment({ year })}/${part > 1 ? `${part}/` : ''}`;
}

/** Lays out the figures of `stories` (archive order: newest first, undated last), `rowsOf` giving each story's rows. */
export function planFigurePages<S extends StoryRecord>(stories: readonly S[], rowsOf: (story: S) => FigureRow<S>[], pageSize: number): FiguresLayout<S> {
  const byYear = new Map<number | null, { rows: FigureRow<S>[]; stories: number }>();
  let total = 0;
  for (const story of stories) {
    const rows = rowsOf(story);
    if (rows.length === 0) continue;
    const year = storyYear(story);
    const group = byYear.get(year) ?? { rows: [], stories: 0 };
    group.rows.push(...rows);
    group.stories += 1;
    byYear.set(year, group);
    total += rows.length;
  }
  if (total <= pageSize) return { split: false, rows: [...byYear.values()].flatMap((group) => group.rows) };
  const years: FigureYearLink[] = [];
  const pages: FigureYearPage<S>[] = [];
  // In the stories' order: newest year first, undated last.
  for (const [year, group] of byYear) {
    const label = year === null ? 'Undated' : String(year);
    const parts = Math.ceil(group.rows.length / pageSize);
    years.push({ year, label, figures: group.rows.length, stories: group.stories, href: figureYearPath(year) });
    for (let part = 1; part <= parts; part += 1) {
      const start = (part - 1) * pageSize;
      pages.push({
        path: figureYearPath(year, part),
        year,
        label,
        rows: group.rows.slice(start, start + pageSize),
        yearCount: group.rows.length,
        start,
        part,
        parts,
        previous: part > 1 ? figureYearPath(year, part - 1) : null,
        next: part < parts ? figureYearPath(year, part + 1) : null,
      });
    }
  }
  return { split: true, years, pages };
}
