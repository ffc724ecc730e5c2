import { describe, expect, it } from 'vitest';
import { citeFigures } from '@/domain/citations';
import { actionGroup, buildEditionsTable, editionsChartGroups } from '@/domain/editions-table';
import { buildOperationTimeline } from '@/domain/operation-timeline';
import type { Operation } from '@/domain/schema';
import { datedStory, figure, mention, story } from './story-factory.ts';

const crossCountry: Operation = { id: 'operation-cross-country', name: 'Operation Cross Country', aliases: [], kind: 'sweep', description: 'd' };
const sentence = 'A sentence with numbers.';
const other = 'Another sentence with numbers.';
const paragraphs = [[sentence, other]];
const region = (name: string) => ({ kind: 'region' as const, since: null, until: null, region: name });

function table(stories: Parameters<typeof buildOperationTimeline>[1], limit?: number) {
  return buildEditionsTable(buildOperationTimeline(crossCountry, stories, citeFigures), limit);
}

describe('action groups', () => {
  it('folds verbs that report the same outcome, and keeps wider compounds as written', () => {
    expect(actionGroup('located')).toBe('recovered');
    expect(actionGroup('Rescued')).toBe('recovered');
    expect(actionGroup('recovered or rescued')).toBe('recovered');
    expect(actionGroup('identified or arrested')).toBe('identified or arrested');
    expect(actionGroup('recovered or assisted')).toBe('recovered or assisted');
    expect(actionGroup('convicted')).toBe('convicted');
    expect(actionGroup(null)).toBeNull();
  });
});

describe('editions table', () => {
  const xi = datedStory('xi', '2017-10-19', {
    paragraphs,
    operations: [mention({ edition: 'XI', editionNumber: 11 })],
    figures: [
      figure({ sentence, value: 84, text: '84' }),
      figure({ sentence, value: 120, text: '120', subject: 'traffickers', action: 'arrested' }),
      figure({ sentence: other, value: 11, text: '11', subject: 'people', action: 'arrested', scope: region('North Carolina') }),
      figure({ sentence: other, value: 3, text: 'three', subject: 'children', action: 'recovered', scope: region('North Carolina') }),
    ],
  });
  const thirteenA = story('thirteen-a', {
    paragraphs,
    operations: [mention({ edition: '13th year', editionNumber: 13 })],
    figures: [
      figure({ sentence, value: 59, text: '59', action: 'located' }),
      figure({ sentence: other, value: 200, text: 'More than 200', subject: 'victims', action: 'rescued' }),
    ],
  });
  const thirteenB = story('thirteen-b', {
    paragraphs,
    operations: [mention({ edition: '13th year', editionNumber: 13 })],
    figures: [
      figure({ sentence, value: 59, text: '59', action: 'recovered' }),
      figure({ sentence, value: 59, text: '59', action: 'rescued' }),
      figure({ sentence: other, value: 210, text: '210', subject: 'victims', action: 'rescued' }),
    ],
  });

  it('has a row per edition, dated or not, and a column per national measure', () => {
    const result = table([xi, thirteenA, thirteenB]);
    expect(result.rows.map((row) => row.heading)).toEqual(['2017 — Edition 11 (XI)', 'Edition 13 (13th year) — year not stated']);
    expect(result.columns.map((column) => column.label)).toEqual(['children recovered', 'victims recovered', 'traffickers arrested']);
  });

  it('keeps regional figures out of national cells', () => {
    const result = table([xi]);
    const children = result.columns.findIndex((column) => column.label === 'children recovered');
    const cell = result.rows[0]!.cells[children]!;
    expect(cell.variants.map((variant) => variant.text)).toEqual(['84']);
    expect(result.columns.map((column) => column.label)).not.toContain('people arrested');
  });

  it('folds located, recovered and rescued into one measure and keeps each wording with its source', () => {
    const result = table([thirteenA, thirteenB]);
    const children = result.columns.findIndex((column) => column.label === 'children recovered');
    expect(result.columns[children]!.wordings).toEqual(['located', 'recovered', 'rescued']);
    const cell = result.rows[0]!.cells[children]!;
    expect(cell.conflicting).toBe(false);
    expect(cell.variants.map((variant) => [variant.text, variant.action, variant.reports.map((report) => report.story.id)])).toEqual([
      ['59', 'located', ['thirteen-a']],
      ['59', 'recovered', ['thirteen-b']],
      ['59', 'rescued', ['thirteen-b']],
    ]);
  });

  it('marks a conflict when sources give different numbers for one edition and measure', () => {
    const result = table([thirteenA, thirteenB]);
    const victims = result.columns.findIndex((column) => column.label === 'victims recovered');
    const cell = result.rows[0]!.cells[victims]!;
    expect(cell.conflicting).toBe(true);
    expect(cell.variants.map((variant) => variant.text)).toEqual(['More than 200', '210']);
  });

  it('numbers each source once per row, whatever the number of cells it fills', () => {
    const result = table([thirteenA, thirteenB]);
    expect(result.rows[0]!.sources.map((source) => [source.key, source.story.id])).toEqual([
      [1, 'thirteen-a'],
      [2, 'thirteen-b'],
    ]);
  });

  it('leaves cells empty where an edition reports nothing for a measure', () => {
    const result = table([xi, thirteenA, thirteenB]);
    const traffickers = result.columns.findIndex((column) => column.label === 'traffickers arrested');
    expect(result.rows[0]!.cells[traffickers]).not.toBeNull();
    expect(result.rows[1]!.cells[traffickers]).toBeNull();
  });

  it('keeps the measures most editions report as columns and counts the rest', () => {
    const result = table([xi, thirteenA, thirteenB], 1);
    expect(result.columns.map((column) => column.label)).toEqual(['children recovered']);
    expect(result.omittedMeasures).toEqual(['traffickers arrested', 'victims recovered']);
    expect(result.rows.map((row) => row.otherMeasures)).toEqual([1, 1]);
  });

  it('charts every edition row, undated editions included, one bar per distinct number', () => {
    const groups = editionsChartGroups(table([xi, thirteenA, thirteenB]));
    expect(groups.map((group) => group.label)).toEqual(['2017 — Edition 11 (XI)', 'Edition 13 (13th year) — year not stated']);
    expect(groups[1]!.bars.map((bar) => `${bar.text} ${bar.series}`)).toEqual([
      '59 children recovered',
      'More than 200 victims recovered',
      '210 victims recovered',
    ]);
  });
});
