import { describe, expect, it } from 'vitest';
import { buildRelated } from '@/domain/related';
import { datedStory, figure, mention, story } from './story-factory.ts';

const sentence = 'Numbers.';
const paragraphs = [[sentence]];
const name = (id: string) => (id === 'operation-cross-country' ? 'Operation Cross Country' : id);

describe('related stories', () => {
  it('relates the same operation and edition, with the reason', () => {
    const a = story('a', { operations: [mention({ edition: '13th year', editionNumber: 13 })] });
    const b = story('b', { operations: [mention({ edition: '13th', editionNumber: 13 })] });
    const c = story('c', { operations: [mention({ edition: 'XI', editionNumber: 11 })] });
    const related = buildRelated([a, b, c], { operationName: name });
    expect(related.get('a')!.map((r) => r.story.id)).toEqual(['b']);
    expect(related.get('a')![0]!.reasons).toEqual(['same edition of Operation Cross Country (13th year)']);
    expect(related.get('c')).toEqual([]);
  });

  it('relates stories sharing at least two figures, not one', () => {
    const shared = [figure({ sentence, value: 200, subject: 'victims' }), figure({ sentence, value: 126, subject: 'people' })];
    const a = story('a', { paragraphs, figures: shared });
    const b = datedStory('b', '2020-01-01', { paragraphs, figures: [...shared, figure({ sentence, value: 5 })] });
    const c = story('c', { paragraphs, figures: [shared[0]!] });
    const related = buildRelated([a, b, c]);
    expect(related.get('a')!.map((r) => [r.story.id, r.reasons])).toEqual([['b', ['2 figures in common']]]);
    expect(related.get('c')).toEqual([]);
  });

  it('caps the list and only looks at a bounded window of each bucket', () => {
    const many = Array.from({ length: 40 }, (_, i) =>
      story(`s${String(i).padStart(2, '0')}`, { operations: [mention({ edition: '13th year', editionNumber: 13 })] }),
    );
    const related = buildRelated(many, { limit: 3, window: 2 });
    expect(related.get('s20')!.map((r) => r.story.id)).toEqual(['s19', 's21', 's18']);
    expect(related.get('s00')!.map((r) => r.story.id)).toEqual(['s01', 's02']);
  });
});
