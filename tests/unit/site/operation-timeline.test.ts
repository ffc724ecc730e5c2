import { describe, expect, it } from 'vitest';
import { citeFigures } from '@/domain/citations';
import { buildOperationTimeline, foldRunningTotals, selectMeasures } from '@/domain/operation-timeline';
import type { Operation } from '@/domain/schema';
import { datedStory, figure, mention, story } from './story-factory.ts';

const crossCountry: Operation = { id: 'operation-cross-country', name: 'Operation Cross Country', aliases: [], kind: 'sweep', description: 'd' };
const sentence = 'A sentence with numbers.';
const paragraphs = [[sentence]];
const cumulative = (since: number | null, until: number | null) => ({ kind: 'cumulative' as const, since, until, region: null });

/** An archive shaped like the seeds: edition XI in 2017, a 2008–2017 summary in a 2019 story, edition 13 undated twice. */
function seedLike() {
  return [
    datedStory('xi', '2017-10-19', {
      paragraphs,
      operations: [mention({ edition: 'XI', editionNumber: 11 })],
      figures: [
        figure({ sentence, value: 84, text: '84' }),
        figure({ sentence, value: 120, text: '120', subject: 'traffickers', action: 'arrested' }),
        figure({
          sentence,
          value: 11,
          text: '11',
          subject: 'people',
          action: 'arrested',
          scope: { kind: 'region', since: null, until: null, region: 'North Carolina' },
        }),
      ],
    }),
    datedStory('independence', '2019-08-08', {
      paragraphs,
      operations: [mention()],
      figures: [
        figure({ sentence, value: 900, text: 'more than 900', qualifier: 'more than', scope: cumulative(2008, 2017) }),
        figure({ sentence, value: 1400, text: 'nearly 1,400', qualifier: 'nearly', subject: 'traffickers', action: 'arrested', scope: cumulative(2008, 2017) }),
      ],
    }),
    story('thirteen-a', {
      paragraphs,
      operations: [mention({ edition: '13th year', editionNumber: 13 })],
      figures: [
        figure({ sentence, value: 200, text: 'More than 200', subject: 'victims', action: 'rescued' }),
        figure({ sentence, value: 126, text: '126', subject: 'people', action: 'accused' }),
      ],
    }),
    story('thirteen-b', {
      paragraphs,
      operations: [mention()],
      figures: [
        figure({ sentence, value: 200, text: 'over 200', subject: 'victims', action: 'rescued' }),
        figure({ sentence, value: 126, text: '126', subject: 'people', action: 'accused' }),
      ],
    }),
  ];
}

describe('operation timeline', () => {
  it('orders dated editions, then summaries by their last year, then editions without a year', () => {
    const timeline = buildOperationTimeline(crossCountry, seedLike(), citeFigures);
    expect(timeline.entries.map((entry) => entry.heading)).toEqual([
      '2017 — Edition 11 (XI)',
      '2008–2017 — cumulative summary',
      'Edition 13 (13th year) — year not stated',
    ]);
    expect(timeline.entries.map((entry) => entry.kind)).toEqual(['edition', 'summary', 'edition']);
  });

  it('keeps figures as written, regional ones apart, each linked to its sentence', () => {
    const [xi] = buildOperationTimeline(crossCountry, seedLike(), citeFigures).entries;
    expect(xi!.measures.map((row) => [row.label, row.region, row.reports.map((r) => r.figure.text)])).toEqual([
      ['children recovered', null, ['84']],
      ['traffickers arrested', null, ['120']],
      ['people arrested', 'North Carolina', ['11']],
    ]);
    expect(xi!.measures[0]!.reports[0]!.href).toBe('/stories/xi/#s-1');
  });

  it('places a story stating neither year nor edition with the one edition it shares figures with, and says why', () => {
    const thirteen = buildOperationTimeline(crossCountry, seedLike(), citeFigures).entries.at(-1)!;
    expect(thirteen.stories.map((s) => s.id).sort()).toEqual(['thirteen-a', 'thirteen-b']);
    expect(thirteen.placedByFigures.map((p) => p.story.id)).toEqual(['thirteen-b']);
    expect(thirteen.placedByFigures[0]!.reason).toContain('over 200 victims');
    const victims = thirteen.measures.find((row) => row.label === 'victims rescued')!;
    expect(victims.reports.map((r) => r.figure.text).sort()).toEqual(['More than 200', 'over 200']);
    expect(victims.conflicting).toBe(false);
  });

  it('leaves a loose story alone when it matches no edition', () => {
    const loose = story('loose', { paragraphs, figures: [figure({ sentence, value: 7 }), figure({ sentence, value: 8, subject: 'victims' })] });
    const timeline = buildOperationTimeline(crossCountry, [...seedLike(), loose], citeFigures);
    expect(timeline.entries.at(-1)!.heading).toBe('Year and edition not stated');
    expect(timeline.entries.at(-1)!.stories.map((s) => s.id)).toEqual(['loose']);
  });

  it('flags different numbers for the same thing and shows every source', () => {
    const a = datedStory('a', '2016-01-01', { paragraphs, figures: [figure({ sentence, value: 82, text: '82' })] });
    const b = datedStory('b', '2016-02-01', { paragraphs, figures: [figure({ sentence, value: 84, text: '84' })] });
    const [entry] = buildOperationTimeline(crossCountry, [b, a], citeFigures).entries;
    expect(entry!.heading).toBe('2016');
    expect(entry!.measures[0]!.conflicting).toBe(true);
    expect(entry!.measures[0]!.reports.map((r) => [r.story.id, r.figure.text])).toEqual([
      ['a', '82'],
      ['b', '84'],
    ]);
  });

  it('lists running totals report by report, oldest first, undated last, and charts only known years', () => {
    const initiative: Operation = { ...crossCountry, id: 'innocence-lost', name: 'Innocence Lost', kind: 'initiative' };
    const total = (value: number, text: string) => figure({ sentence, value, text, operation: 'innocence-lost', scope: cumulative(2003, null) });
    const il = mention({ id: 'innocence-lost', text: 'Innocence Lost' });
    const stories = [
      datedStory('later', '2019-08-08', { paragraphs, operations: [il], figures: [total(6600, 'more than 6,600')] }),
      story('undated', { paragraphs, operations: [il], figures: [total(6700, 'more than 6,700')] }),
      datedStory('earlier', '2017-10-19', { paragraphs, operations: [il], figures: [total(6500, 'more than 6,500')] }),
    ];
    const timeline = buildOperationTimeline(initiative, stories, citeFigures);
    expect(timeline.entries).toEqual([]);
    expect(timeline.runningTotals.map((r) => r.story.id)).toEqual(['earlier', 'later', 'undated']);
    expect(timeline.totalsByYear.map((g) => [g.label, g.bars.map((b) => b.text)])).toEqual([
      ['2017', ['more than 6,500']],
      ['2019', ['more than 6,600']],
    ]);
  });

  it('charts figures by the year of their story, never for undated stories', () => {
    const timeline = buildOperationTimeline(crossCountry, seedLike(), citeFigures);
    expect(timeline.figuresByYear.map((g) => [g.label, g.bars.map((b) => `${b.text} ${b.series}`)])).toEqual([
      ['2017', ['84 children recovered', '120 traffickers arrested']],
    ]);
  });

  it('keeps stories that only name the operation apart', () => {
    const named = datedStory('named', '2018-01-01', { paragraphs, operations: [mention()], figures: [] });
    const timeline = buildOperationTimeline(crossCountry, [named], citeFigures);
    expect(timeline.entries).toEqual([]);
    expect(timeline.alsoMentioned.map((s) => s.id)).toEqual(['named']);
  });

  it('says when the only year shown rests on an inferred date', () => {
    const inferred = story('inf', { date: '2023-08-01', dateSource: 'inferred', dateEvidence: 'Aug. 1 release', paragraphs, figures: [figure({ sentence })] });
    expect(buildOperationTimeline(crossCountry, [inferred], citeFigures).entries[0]!.heading).toBe('2023 (year inferred)');
  });

  it('groups each wording of a number once, with all its reports', () => {
    const thirteen = buildOperationTimeline(crossCountry, seedLike(), citeFigures).entries.at(-1)!;
    const people = thirteen.measures.find((row) => row.label === 'people accused')!;
    expect(people.variants.map((v) => [v.text, v.reports.map((r) => r.story.id)])).toEqual([['126', ['thirteen-a', 'thirteen-b']]]);
  });

  it('charts only the lowest and highest when a year has more than two numbers for one measure, and says so', () => {
    const reports = [70, 84, 90, 84].map((value, i) =>
      datedStory(`r${i}`, `2016-0${i + 1}-01`, { paragraphs, figures: [figure({ sentence, value, text: String(value) })] }),
    );
    const [group] = buildOperationTimeline(crossCountry, reports, citeFigures).figuresByYear;
    expect(group!.bars.map((bar) => bar.text)).toEqual(['70 (lowest of 3 numbers reported)', '90 (highest of 3 numbers reported)']);
  });

  it('folds consecutive reports of the same running totals into one row', () => {
    const total = (id: string, date: string, text: string) => {
      const s = datedStory(id, date, { paragraphs, figures: [figure({ sentence, text, value: 1, scope: cumulative(2003, null) })] });
      return { story: s, figures: citeFigures(s) };
    };
    const rows = foldRunningTotals([
      total('a', '2017-01-01', 'more than 6,500'),
      total('b', '2017-06-01', 'more than 6,500'),
      total('c', '2019-01-01', 'more than 6,600'),
      total('d', '2020-01-01', 'more than 6,500'),
    ]);
    expect(rows.map((row) => [row.first.story.id, row.reports.length])).toEqual([
      ['a', 2],
      ['c', 1],
      ['d', 1],
    ]);
  });
});

describe('selectMeasures', () => {
  /** A story reporting `value` children recovered in `region` (null: nationwide) for Operation Cross Country XII. */
  const regional = (id: string, region: string | null, value: number): ReturnType<typeof story> => {
    const sentence = `Agents recovered ${value} children${region ? ` in ${region}` : ''} during Operation Cross Country XII.`;
    return story(id, {
      date: '2018-07-20',
      dateSource: 'source',
      operations: [mention({ edition: 'XII', editionNumber: 12 })],
      paragraphs: [[sentence]],
      figures: [figure({ sentence, value, text: String(value), scope: { kind: region ? 'region' : 'operation', since: null, until: null, region } })],
    });
  };
  const stories = [
    regional('national', null, 100),
    regional('ohio', 'Ohio', 3),
    regional('texas-1', 'Texas', 5),
    regional('texas-2', 'Texas', 6),
    regional('utah', 'Utah', 2),
  ];
  const measures = buildOperationTimeline(crossCountry, stories, citeFigures).entries.flatMap((entry) => entry.measures);

  it('keeps every national measure and the regional ones most reported, in their order, and counts the rest', () => {
    expect(measures.map((row) => row.region)).toEqual([null, 'Ohio', 'Texas', 'Utah']);
    const { shown, otherRegions } = selectMeasures(measures, 1);
    expect(shown.map((row) => row.region)).toEqual([null, 'Texas']);
    expect(otherRegions).toEqual({ measures: 2, stories: 2 });
  });

  it('leaves an entry with few regional measures as it is', () => {
    expect(selectMeasures(measures, 3)).toEqual({ shown: measures, otherRegions: null });
  });
});
