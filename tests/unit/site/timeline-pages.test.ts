import { describe, expect, it } from 'vitest';
import { planTimeline, yearHref, yearPagePath } from '@/domain/timeline-pages';
import { datedStory, story } from './story-factory.ts';

/** `count` stories in `year`, one a day from January 1. */
function storiesIn(year: number, count: number, prefix = String(year)): ReturnType<typeof datedStory>[] {
  return Array.from({ length: count }, (_, i) =>
    datedStory(`${prefix}-${String(i).padStart(3, '0')}`, new Date(Date.UTC(year, 0, 1 + i)).toISOString().slice(0, 10)),
  );
}

describe('planTimeline', () => {
  it('keeps a timeline of up to a page of stories on one page, every year on it', () => {
    const layout = planTimeline([...storiesIn(2017, 2), ...storiesIn(2019, 3)], '/timeline/', 5);
    expect(layout.split).toBe(false);
    if (layout.split) return;
    expect(layout.groups.map((group) => [group.label, group.stories.length])).toEqual([
      ['2017', 2],
      ['2019', 3],
    ]);
  });

  it('gives a longer timeline a page per year, at a stable address, and lists the years with their counts', () => {
    const layout = planTimeline([...storiesIn(2019, 3), story('undated-a'), ...storiesIn(2017, 2)], '/timeline/', 5);
    expect(layout.split).toBe(true);
    if (!layout.split) return;
    expect(layout.years).toEqual([
      { year: 2017, label: '2017', count: 2, href: '/timeline/2017/' },
      { year: 2019, label: '2019', count: 3, href: '/timeline/2019/' },
      { year: null, label: 'Undated', count: 1, href: '/timeline/undated/' },
    ]);
    expect(layout.pages.map((page) => [page.path, page.group.stories.map((s) => s.id)])).toEqual([
      ['/timeline/2017/', ['2017-000', '2017-001']],
      ['/timeline/2019/', ['2019-000', '2019-001', '2019-002']],
      ['/timeline/undated/', ['undated-a']],
    ]);
    expect(layout.pages.every((page) => page.parts === 1 && page.previous === null && page.next === null)).toBe(true);
  });

  it('continues a year of more than a page on numbered pages, every story on exactly one', () => {
    const stories = [...storiesIn(2018, 1), ...storiesIn(2019, 12)];
    const layout = planTimeline(stories, '/timeline/operation-cross-country/', 5);
    if (!layout.split) throw new Error('expected a split timeline');
    const pages2019 = layout.pages.filter((page) => page.group.year === 2019);
    expect(pages2019.map((page) => [page.path, page.part, page.parts, page.start, page.group.stories.length, page.yearCount])).toEqual([
      ['/timeline/operation-cross-country/2019/', 1, 3, 0, 5, 12],
      ['/timeline/operation-cross-country/2019/2/', 2, 3, 5, 5, 12],
      ['/timeline/operation-cross-country/2019/3/', 3, 3, 10, 2, 12],
    ]);
    expect(pages2019.map((page) => [page.previous, page.next])).toEqual([
      [null, '/timeline/operation-cross-country/2019/2/'],
      ['/timeline/operation-cross-country/2019/', '/timeline/operation-cross-country/2019/3/'],
      ['/timeline/operation-cross-country/2019/2/', null],
    ]);
    const shown = layout.pages.flatMap((page) => page.group.stories.map((s) => s.id));
    expect(shown).toHaveLength(stories.length);
    expect(new Set(shown)).toEqual(new Set(stories.map((s) => s.id)));
    // Oldest first, across a year's pages.
    expect(pages2019.flatMap((page) => page.group.stories.map((s) => s.data.date))).toEqual([...stories.slice(1).map((s) => s.data.date)].sort());
  });
});

describe('yearHref', () => {
  it("leads to the year's page on a split timeline, its section on a one-page one, the timeline itself when the year is not on it", () => {
    const split = planTimeline(storiesIn(2019, 6), '/timeline/x/', 5);
    const whole = planTimeline(storiesIn(2019, 2), '/timeline/y/', 5);
    expect(yearHref(split, '/timeline/x/', 2019)).toBe('/timeline/x/2019/');
    expect(yearHref(whole, '/timeline/y/', 2019)).toBe('/timeline/y/#y-2019');
    expect(yearHref(split, '/timeline/x/', 2004)).toBe('/timeline/x/');
    expect(yearHref(whole, '/timeline/y/', null)).toBe('/timeline/y/');
  });
});

describe('yearPagePath', () => {
  it('names undated stories and later pages plainly', () => {
    expect(yearPagePath('/timeline/', { year: null })).toBe('/timeline/undated/');
    expect(yearPagePath('/timeline/', { year: 2020 }, 2)).toBe('/timeline/2020/2/');
  });
});
