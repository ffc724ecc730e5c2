import { describe, expect, it } from 'vitest';
import { citeFigures } from '@/domain/citations';
import { latestEditionSentence, runningTotalsSentence, segmentsText, undatedEditionsSentence } from '@/domain/operation-card';
import { buildOperationTimeline } from '@/domain/operation-timeline';
import { summariseOperation } from '@/domain/operation-summary';
import type { Operation } from '@/domain/schema';
import { datedStory, figure, mention, story } from './story-factory.ts';

const crossCountry: Operation = { id: 'operation-cross-country', name: 'Operation Cross Country', aliases: [], kind: 'sweep', description: 'd' };
const innocenceLost: Operation = { id: 'innocence-lost', name: 'Innocence Lost', aliases: [], kind: 'initiative', description: 'd' };
const sentence = 'A sentence with numbers.';
const paragraphs = [[sentence]];
const since2003 = { kind: 'cumulative' as const, since: 2003, until: null, region: null };

const xi = datedStory('xi', '2017-10-19', {
  paragraphs,
  operations: [mention({ edition: 'XI', editionNumber: 11 })],
  figures: [figure({ sentence, value: 84, text: '84' }), figure({ sentence, value: 120, text: '120', subject: 'traffickers', action: 'arrested' })],
});
const thirteen = story('thirteen', {
  paragraphs,
  operations: [mention({ edition: '13th year', editionNumber: 13 })],
  figures: [figure({ sentence, value: 59, text: '59', action: 'located' })],
});

describe('operation card sentences', () => {
  it('leads with the newest dated edition, not an edition whose year is not stated', () => {
    const summary = summariseOperation(buildOperationTimeline(crossCountry, [xi, thirteen], citeFigures));
    const lead = latestEditionSentence(summary, '/operations/operation-cross-country/')!;
    expect(segmentsText(lead)).toBe('Newest dated edition: 2017 — Edition 11 (XI), with 84 children recovered and 120 traffickers arrested.');
    expect(lead.find((segment) => segment.text === '2017 — Edition 11 (XI)')!.href).toBe('/operations/operation-cross-country/#edition-11');
    expect(segmentsText(undatedEditionsSentence(summary, '/operations/operation-cross-country/')!)).toBe(
      'Also in the archive: Edition 13 (13th year) — year not stated.',
    );
  });

  it('falls back to an edition without a year, saying so, when no edition has one', () => {
    const summary = summariseOperation(buildOperationTimeline(crossCountry, [thirteen], citeFigures));
    expect(segmentsText(latestEditionSentence(summary, '/o/')!)).toBe(
      'No edition has a stated year; the latest in the timeline: Edition 13 (13th year) — year not stated, with 59 children located.',
    );
    expect(undatedEditionsSentence(summary, '/o/')).toBeNull();
  });

  it('writes running totals as one sentence with their date, span and source', () => {
    const report = datedStory('report', '2019-08-08', {
      title: 'Operation Independence Day: 67 traffickers arrested',
      paragraphs,
      operations: [mention({ id: 'innocence-lost', text: 'Innocence Lost' })],
      figures: [
        figure({ sentence, value: 6600, text: 'more than 6,600', action: 'recovered or identified', scope: since2003, operation: 'innocence-lost' }),
        figure({ sentence, value: 2700, text: 'more than 2,700', subject: 'traffickers', action: 'convicted', scope: since2003, operation: 'innocence-lost' }),
      ],
    });
    const summary = summariseOperation(buildOperationTimeline(innocenceLost, [report], citeFigures));
    const totals = runningTotalsSentence(summary)!;
    expect(segmentsText(totals)).toBe(
      'As of August 8, 2019, the running totals since 2003 were more than 6,600 children recovered or identified and more than 2,700 traffickers convicted, according to “Operation Independence Day: 67 traffickers arrested”.',
    );
    expect(totals.filter((segment) => segment.href).map((segment) => segment.href)).toEqual([
      '/stories/report/#s-1',
      '/stories/report/#s-1',
      '/stories/report/',
    ]);
  });

  it('says when the report of the totals is undated', () => {
    const undated = story('undated-report', {
      paragraphs,
      operations: [mention({ id: 'innocence-lost', text: 'Innocence Lost' })],
      figures: [figure({ sentence, value: 6500, text: 'more than 6,500', scope: since2003, operation: 'innocence-lost' })],
    });
    const summary = summariseOperation(buildOperationTimeline(innocenceLost, [undated], citeFigures));
    expect(segmentsText(runningTotalsSentence(summary)!)).toMatch(
      /^In a report whose date is not stated, the running totals since 2003 were more than 6,500 children recovered, /,
    );
  });
});
