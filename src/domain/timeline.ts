/**
 * The archive timeline: every story in date order, grouped by year, with the
 * undated stories in a group of their own at the end.
 */
import { compareStories, storyYear, type StoryRecord } from './story-record.ts';

export interface YearGroup<S extends StoryRecord = StoryRecord> {
  /** Anchor id: `y-2017`, or `undated`. */
  id: string;
  /** The year, or null for the undated group. */
  year: number | null;
  /** '2017', or 'Undated: date not stated'. */
  label: string;
  /** Oldest first within the year. */
  stories: S[];
}

/** Oldest first: the timeline reads forward; undated stories keep the archive's stable order. */
function compareChronologically(a: StoryRecord, b: StoryRecord): number {
  if (a.data.date === null || b.data.date === null) return compareStories(a, b);
  return -compareStories(a, b);
}

/** Groups stories by the year of their date, years ascending, undated last. */
export function groupByYear<S extends StoryRecord>(stories: readonly S[]): YearGroup<S>[] {
  const byYear = new Map<number | null, S[]>();
  for (const story of stories) {
    const year = storyYear(story);
    const list = byYear.get(year);
    if (list) list.push(story);
    else byYear.set(year, [story]);
  }
  const years = [...byYear.keys()].filter((year): year is number => year !== null).sort((a, b) => a - b);
  const groups: YearGroup<S>[] = years.map((year) => ({
    id: `y-${year}`,
    year,
    label: String(year),
    stories: byYear.get(year)!.sort(compareChronologically),
  }));
  const undated = byYear.get(null);
  if (undated) groups.push({ id: 'undated', year: null, label: 'Undated: date not stated', stories: undated.sort(compareStories) });
  return groups;
}
