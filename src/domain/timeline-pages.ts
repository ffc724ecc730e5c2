/**
 * How a timeline (the archive's, or one operation's) is laid out in pages.
 * A timeline of up to `pageSize` stories (the ARCHIVE_LIST_PAGE_SIZE setting) is one page with
 * every year on it. A longer one becomes an index of its years, each year a page of its own
 * (or several, `pageSize` stories each), so no page grows with the archive:
 * at 10,000 stories the one-page timeline was 5.4 MB of HTML.
 *
 * A year's pages have stable addresses (`/timeline/2019/`), so a link to a
 * year keeps working as the archive grows; only a year of more than
 * `pageSize` stories has numbered pages after its first (`/timeline/2019/2/`).
 */
import { groupByYear, type YearGroup } from './timeline.ts';
import type { StoryRecord } from './story-record.ts';

/** The URL segment of a year in a list cut by year (timelines, figures): '2019', or 'undated'. */
export function yearSegment(group: Pick<YearGroup, 'year'>): string {
  return group.year === null ? 'undated' : String(group.year);
}

/** One page of a year: its stories (a slice of the year's when the year has several pages). */
export interface YearPage<S extends StoryRecord = StoryRecord> {
  /** The page's path, '/timeline/2019/' or '/timeline/<operation>/2019/2/'. */
  path: string;
  /** The year, its stories cut to this page's share. */
  group: YearGroup<S>;
  /** The year's story count, over all its pages. */
  yearCount: number;
  /** 1-based position of this page within its year, and how many pages the year has. */
  part: number;
  parts: number;
  /** Index of this page's first story within the year (0-based). */
  start: number;
  /** Paths of the year's previous and next pages, when there are any. */
  previous: string | null;
  next: string | null;
}

/** A year in the index of a split timeline. */
export interface YearLink {
  year: number | null;
  label: string;
  count: number;
  /** The year's first page. */
  href: string;
}

export type TimelineLayout<S extends StoryRecord = StoryRecord> =
  /** Every year on the timeline's own page. */
  | { split: false; groups: YearGroup<S>[] }
  /** The timeline's page lists the years; each year has pages of its own. */
  | { split: true; years: YearLink[]; pages: YearPage<S>[] };

/** The path of part `part` of a year under `base` ('/timeline/' or '/timeline/<operation>/'). */
export function yearPagePath(base: string, group: Pick<YearGroup, 'year'>, part = 1): string {
  return `${base}${yearSegment(group)}/${part > 1 ? `${part}/` : ''}`;
}

/** Lays out the timeline of `stories` whose own page is at `base`. */
export function planTimeline<S extends StoryRecord>(stories: readonly S[], base: string, pageSize: number): TimelineLayout<S> {
  const groups = groupByYear(stories);
  if (stories.length <= pageSize) return { split: false, groups };
  const pages: YearPage<S>[] = [];
  const years: YearLink[] = [];
  for (const group of groups) {
    const parts = Math.ceil(group.stories.length / pageSize);
    years.push({ year: group.year, label: group.year === null ? 'Undated' : String(group.year), count: group.stories.length, href: yearPagePath(base, group) });
    for (let part = 1; part <= parts; part += 1) {
      const start = (part - 1) * pageSize;
      pages.push({
        path: yearPagePath(base, group, part),
        group: { ...group, stories: group.stories.slice(start, start + pageSize) },
        yearCount: group.stories.length,
        part,
        parts,
        start,
        previous: part > 1 ? yearPagePath(base, group, part - 1) : null,
        next: part < parts ? yearPagePath(base, group, part + 1) : null,
      });
    }
  }
  return { split: true, years, pages };
}

/**
 * Where a link to `year` on the timeline laid out as `layout` at `base` goes: the year's page when
 * the timeline is split, the year's section when it is one page, the timeline itself when it has
 * no story from that year.
 */
export function yearHref(layout: TimelineLayout, base: string, year: number | null): string {
  if (layout.split) return layout.years.find((entry) => entry.year === year)?.href ?? base;
  const group = layout.groups.find((entry) => entry.year === year);
  return group ? `${base}#${group.id}` : base;
}
