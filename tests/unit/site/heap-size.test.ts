import { describe, expect, it } from 'vitest';
import { heapAdvice, heapLimitIn, heapNeededMiB, ranOutOfHeap } from '@/lib/heap-size';

describe('heap size', () => {
  it('sizes the limit to the archive: above the smallest limits measured to build (128 MiB at 1,000 stories, 330 at 10,000)', () => {
    expect(heapNeededMiB(4)).toBe(160);
    expect(heapNeededMiB(1_000)).toBe(160);
    expect(heapNeededMiB(10_000)).toBe(384);
    expect(heapNeededMiB(100_000)).toBe(2496);
    expect(heapNeededMiB(10_000)).toBeGreaterThan(330 * 1.15);
  });

  it('advises a limit only when the one in force is smaller', () => {
    expect(heapAdvice(10_000, 4144 * 2 ** 20)).toBeNull();
    expect(heapAdvice(100_000, 2048 * 2 ** 20)).toMatch(/NODE_OPTIONS=--max-old-space-size=2496/);
    expect(heapAdvice(100_000, 2496 * 2 ** 20)).toBeNull();
  });

  it('reads a limit from NODE_OPTIONS', () => {
    expect(heapLimitIn('--max-old-space-size=2048')).toBe(2048);
    expect(heapLimitIn('--enable-source-maps --max-old-space-size 900')).toBe(900);
    expect(heapLimitIn('--enable-source-maps')).toBeNull();
  });

  it("recognises V8's out-of-heap message", () => {
    expect(ranOutOfHeap('FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory')).toBe(true);
    expect(ranOutOfHeap('Error: something else')).toBe(false);
  });
});
