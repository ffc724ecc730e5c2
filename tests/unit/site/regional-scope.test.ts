/**
 * Issue 23, on the site: a regional figure is labelled with its region
 * wherever it can stand alone, and an operation's timeline keeps national
 * results apart from each place's, grouped by place and never summed.
 */
import { describe, expect, it } from 'vitest';
import { citeFigures } from '@/domain/citations';
import { describeFigureWithPlace, describeScope } from '@/domain/figure-text';
import { buildOperationTimeline, groupMeasuresByPlace } from '@/domain/operation-timeline';
import type { Operation, Scope } from '@/domain/schema';
import { buildStoryListItem } from '@/domain/story-list';
import { buildStoryView } from '@/domain/story-view';
import { datedStory, figure, mention } from './story-factory.ts';

const crossCountry: Operation = { id: 'operation-cross-country', name: 'Operation Cross Country', aliases: [], kind: 'sweep', description: 'd' };
const sentence = 'A sentence with numbers.';
const paragraphs = [[sentence]];
const region = (place: string): Scope => ({ kind: 'region', since: null, until: null, region: place });

/** Edition XI told three times: HQ's national totals, and two field offices' own counts. */
function editionXi() {
  const xi = [mention({ edition: 'XI', editionNumber: 11 })];
  return [
    datedStory('hq', '2017-10-19', { paragraphs, operations: xi, figures: [figure({ sentence, value: 84, text: '84' })] }),
    datedStory('omaha', '2017-10-20', {
      paragraphs,
      operations: xi,
      figures: [
        figure({ sentence, value: 2, text: 'two', scope: region('Omaha') }),
        figure({ sentence, value: 12, text: '12', subject: 'people', action: 'arrested', scope: region('Omaha') }),
      ],
    }),
    datedStory('charlotte', '2017-10-21', { paragraphs, operations: xi, figures: [figure({ sentence, value: 3, text: 'Three', scope: region('Charlotte') })] }),
  ];
}

describe('regional figures on the timeline', () => {
  it('keeps the national result apart and groups the others by place', () => {
    const [entry] = buildOperationTimeline(crossCountry, editionXi(), citeFigures).entries;
    const groups = groupMeasuresByPlace(entry!.measures);
    expect(groups.national.map((row) => [row.label, row.variants.map((variant) => variant.value)])).toEqual([['children recovered', [84]]]);
    expect(groups.regions.map((group) => [group.region, group.measures.map((row) => `${row.label}: ${row.variants.map((v) => v.value).join(',')}`)])).toEqual([
      ['Charlotte', ['children recovered: 3']],
      ['Omaha', ['children recovered: 2', 'people arrested: 12']],
    ]);
  });

  it('never counts a place’s figure as a different number for the national measure', () => {
    const [entry] = buildOperationTimeline(crossCountry, editionXi(), citeFigures).entries;
    expect(entry!.measures.every((row) => !row.conflicting)).toBe(true);
  });

  it('charts national results only', () => {
    const timeline = buildOperationTimeline(crossCountry, editionXi(), citeFigures);
    const values = timeline.figuresByYear.flatMap((group) => group.bars.map((bar) => bar.value));
    expect(values).toEqual([84]);
  });

  it('keeps a place’s running total out of the chart of the initiative’s totals', () => {
    const stories = [
      datedStory('national', '2019-01-01', {
        paragraphs,
        operations: [mention()],
        figures: [figure({ sentence, value: 6500, text: '6,500', scope: { kind: 'cumulative', since: 2003, until: null, region: null } })],
      }),
      datedStory('local', '2019-02-01', {
        paragraphs,
        operations: [mention()],
        figures: [figure({ sentence, value: 50, text: '50', scope: { kind: 'cumulative', since: 2010, until: null, region: 'Omaha' } })],
      }),
    ];
    const timeline = buildOperationTimeline(crossCountry, stories, citeFigures);
    expect(timeline.totalsByYear.flatMap((group) => group.bars.map((bar) => bar.value))).toEqual([6500]);
    expect(timeline.runningTotals).toHaveLength(2);
  });
});

describe('a regional figure names its place', () => {
  it('in words that stand alone', () => {
    expect(describeFigureWithPlace({ text: 'Three', subject: 'children', action: 'recovered', scope: region('Charlotte') })).toBe(
      'Three children recovered (Charlotte)',
    );
    expect(
      describeFigureWithPlace({ text: '84', subject: 'children', action: 'recovered', scope: { kind: 'operation', since: null, until: null, region: null } }),
    ).toBe('84 children recovered');
  });

  it('in its scope label, a place’s running total included', () => {
    expect(describeScope(region('Omaha'))).toBe('region: Omaha');
    expect(describeScope({ kind: 'cumulative', since: 2010, until: null, region: 'Omaha' })).toBe('cumulative, since 2010, region: Omaha');
  });

  it('in a story list’s headline figure', () => {
    const local = datedStory('omaha', '2017-10-20', {
      paragraphs,
      operations: [mention()],
      figures: [figure({ sentence, value: 2, text: 'two', scope: region('Omaha') })],
    });
    expect(buildStoryListItem(local, citeFigures, new Map()).headline?.text).toBe('two children recovered (Omaha)');
  });
});

describe('an operation the catalogue lacks', () => {
  it('shows on its story as written, with its edition and no link', () => {
    const body = [['Fourteen men were arrested in Operation Safe Harbor II.']];
    const harbor = datedStory('harbor', '2020-05-01', {
      paragraphs: body,
      operations: [mention()],
      unlistedOperations: [{ text: 'Operation Safe Harbor', edition: 'II', editionNumber: 2 }],
      figures: [],
    });
    const operationById = new Map([[crossCountry.id, crossCountry]]);
    const view = buildStoryView(harbor, body, { citations: citeFigures, operationById, site: new URL('https://archive.example') });
    expect(view.operations.map((operation) => [operation.name, operation.href, operation.edition])).toEqual([
      ['Operation Cross Country', '/operations/operation-cross-country/', null],
      ['Operation Safe Harbor', null, 'II'],
    ]);
  });
});
