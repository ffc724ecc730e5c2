import { describe, expect, it } from 'vitest';
import { splitSentences } from '@/domain/sentences';

describe('splitSentences', () => {
  it('splits on sentence ends', () => {
    expect(splitSentences('One thing happened. Then another! Did it?')).toEqual(['One thing happened.', 'Then another!', 'Did it?']);
  });

  it('does not split after month and title abbreviations', () => {
    expect(splitSentences('It ran from Oct. 12-15 in the state. Then Mr. Smith spoke.')).toEqual([
      'It ran from Oct. 12-15 in the state.',
      'Then Mr. Smith spoke.',
    ]);
  });

  it("keeps 'U.S. Attorney’s' in one sentence but ends a sentence at 'the U.S.'", () => {
    expect(splitSentences('Help came from the U.S. Attorney’s office. It was in the U.S. The end.')).toEqual([
      'Help came from the U.S. Attorney’s office.',
      'It was in the U.S.',
      'The end.',
    ]);
  });

  it('keeps a closing quotation mark with its sentence', () => {
    expect(splitSentences('“We see it everywhere.” He left.')).toEqual(['“We see it everywhere.”', 'He left.']);
  });
});
