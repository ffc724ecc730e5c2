import { describe, expect, it } from 'vitest';
import { heapAdvice, heapNeededMiB } from '@/lib/heap-size';

describe('heap size', () => {
  it('asks for nothing beyond the default for ten thousand stories', () => {
    expect(heapNeededMiB(10_000)).toBeLessThanOrEqual(4096);
    expect(heapAdvice(10_000, 4144 * 2 ** 20)).toBeNull();
  });

  it('names the NODE_OPTIONS a hundred thousand stories need', () => {
    expect(heapNeededMiB(100_000)).toBe(11_264);
    expect(heapAdvice(100_000, 4144 * 2 ** 20)).toMatch(/NODE_OPTIONS=--max-old-space-size=11264/);
    expect(heapAdvice(100_000, 12_288 * 2 ** 20)).toBeNull();
  });
});
