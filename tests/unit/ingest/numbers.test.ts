import { describe, expect, it } from 'vitest';
import { countValue } from '@/domain/ingest/numbers';

describe('countValue', () => {
  it.each([
    ['five dozen', 60],
    ['Thirteen', 13],
    ['6,500', 6500],
    ['400,000', 400000],
    ['84', 84],
    ['a dozen', 12],
    ['two hundred', 200],
    ['one hundred and five', 105],
    ['twenty-five', 25],
    ['1.2 million', 1_200_000],
    ['three thousand four hundred', 3400],
  ])('reads %j as %d', (phrase, value) => {
    expect(countValue(phrase)).toBe(value);
  });

  it.each(['tenth', '26th', '17-year-old', 'a', 'dozens', 'several', 'five apples'])('does not read %j as a count', (phrase) => {
    expect(countValue(phrase)).toBeUndefined();
  });
});
