import { describe, expect, it } from 'vitest';
import { citeFigures } from '@/domain/citations';
import { planFigurePages } from '@/domain/figure-pages';
import { buildFigureRows } from '@/domain/figures-table';
import { compareStories, type StoryRecord } from '@/domain/story-record';
import { datedStory, figure, story } from './story-factory.ts';

/** A story with `count` figures, one sentence each. */
function withFigures(id: string, date: string | null, count: number): StoryRecord {
  const sentences = Array.from({ length: count }, (_, i) => `Agents recovered ${i + 1} children.`);
  const overrides = { paragraphs: [sentences], figures: sentences.map((sentence, i) => figure({ sentence, value: i + 1, text: String(i + 1) })) };
  return date === null ? story(id, overrides) : datedStory(id, date, overrides);
}

const stories = [
  withFigures('a', '2019-03-01', 3),
  withFigures('b', '2019-08-01', 2),
  withFigures('c', '2017-01-01', 2),
  withFigures('u', null, 1),
  withFigures('none', '2018-01-01', 0),
].sort(compareStories);
const rowsOf = (s: StoryRecord) => buildFigureRows([s], citeFigures, () => 'Operation Cross Country');

describe('planFigurePages', () => {
  it('keeps a table of up to a page of figures on one page, in the stories’ order', () => {
    const layout = planFigurePages(stories, rowsOf, 8);
    expect(layout.split).toBe(false);
    if (layout.split) return;
    expect(layout.rows.map((row) => row.cited.story.id)).toEqual(['b', 'b', 'a', 'a', 'a', 'c', 'c', 'u']);
  });

  it('gives a longer table a page per year, newest first, undated last, years without figures left out', () => {
    const layout = planFigurePages(stories, rowsOf, 3);
    if (!layout.split) throw new Error('expected a split table');
    expect(layout.years).toEqual([
      { year: 2019, label: '2019', figures: 5, stories: 2, href: '/figures/2019/' },
      { year: 2017, label: '2017', figures: 2, stories: 1, href: '/figures/2017/' },
      { year: null, label: 'Undated', figures: 1, stories: 1, href: '/figures/undated/' },
    ]);
    expect(
      layout.pages.map((page) => [page.path, page.rows.map((row) => row.cited.story.id), page.part, page.parts, page.start, page.previous, page.next]),
    ).toEqual([
      ['/figures/2019/', ['b', 'b', 'a'], 1, 2, 0, null, '/figures/2019/2/'],
      ['/figures/2019/2/', ['a', 'a'], 2, 2, 3, '/figures/2019/', null],
      ['/figures/2017/', ['c', 'c'], 1, 1, 0, null, null],
      ['/figures/undated/', ['u'], 1, 1, 0, null, null],
    ]);
  });
});
