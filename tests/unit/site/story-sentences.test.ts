import { describe, expect, it } from 'vitest';
import { anchorSentences, figureSentenceNumbers, normalise, sentenceId } from '@/domain/story-sentences';

const paragraphs = [
  ['One.', 'Two has 84 kids.'],
  ['Three.', 'Two has 84 kids.', 'Five.'],
];

describe('sentence anchors', () => {
  it('numbers sentences from 1 across paragraphs', () => {
    const anchored = anchorSentences(paragraphs, []);
    expect(anchored.map((p) => p.map((s) => s.id))).toEqual([
      ['s-1', 's-2'],
      ['s-3', 's-4', 's-5'],
    ]);
    expect(anchored[1]![2]!.text).toBe('Five.');
  });

  it('marks exactly the cited sentences', () => {
    const anchored = anchorSentences(paragraphs, [2, null, 5]).flat();
    expect(anchored.filter((s) => s.cited).map((s) => s.n)).toEqual([2, 5]);
  });

  it('points a figure at the first sentence equal to its own, ignoring re-wrapped whitespace', () => {
    const numbers = figureSentenceNumbers(paragraphs, [{ sentence: 'Two has\n  84 kids.' }, { sentence: 'Five.' }]);
    expect(numbers).toEqual([2, 5]);
  });

  it('gives null for a sentence the body does not contain', () => {
    expect(figureSentenceNumbers(paragraphs, [{ sentence: 'Not there.' }])).toEqual([null]);
  });

  it('folds every kind of whitespace, and leaves a sentence already folded as it is', () => {
    expect(normalise('Two has 84 kids.')).toBe('Two has 84 kids.');
    for (const loose of [
      ' Two has 84 kids.',
      'Two has 84 kids. ',
      'Two  has 84 kids.',
      'Two\thas 84 kids.',
      'Two\u00a0has 84\nkids.',
      '\ufeffTwo has 84 kids.',
    ]) {
      expect(normalise(loose), JSON.stringify(loose)).toBe('Two has 84 kids.');
    }
    expect(normalise(' \n ')).toBe('');
  });

  it('builds ids as s-N', () => {
    expect(sentenceId(12)).toBe('s-12');
  });
});
