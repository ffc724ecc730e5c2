import { describe, expect, it } from 'vitest';
import { groupByYear } from '@/domain/timeline';
import { datedStory, story } from './story-factory.ts';

describe('groupByYear', () => {
  it('orders years ascending, stories oldest first, undated last in their own group', () => {
    const stories = [datedStory('b', '2019-08-08'), story('undated-z'), datedStory('a', '2017-10-19'), datedStory('c', '2019-01-02'), story('undated-a')];
    const groups = groupByYear(stories);
    expect(groups.map((g) => g.label)).toEqual(['2017', '2019', 'Undated: date not stated']);
    expect(groups.map((g) => g.id)).toEqual(['y-2017', 'y-2019', 'undated']);
    expect(groups[1]!.stories.map((s) => s.id)).toEqual(['c', 'b']);
    expect(groups[2]!.year).toBeNull();
    expect(groups[2]!.stories.map((s) => s.id)).toEqual(['undated-a', 'undated-z']);
  });

  it('puts an inferred date in its year, and makes no group without stories', () => {
    const groups = groupByYear([story('x', { date: '2023-08-01', dateSource: 'inferred', dateEvidence: 'an Aug. 1 release' })]);
    expect(groups.map((g) => g.label)).toEqual(['2023']);
    expect(groupByYear([])).toEqual([]);
  });
});
