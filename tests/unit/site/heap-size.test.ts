import { describe, expect, it } from 'vitest';
import { heapAdvice, heapLimitIn, heapNeededMiB, ranOutOfHeap } from '@/lib/heap-size';

describe('heap size', () => {
  it('sizes the limit to the archive: near the live heap measured at 10,000 stories (502 MB)', () => {
    expect(heapNeededMiB(4)).toBe(512);
    expect(heapNeededMiB(10_000)).toBe(1024);
    expect(heapNeededMiB(100_000)).toBe(6656);
    expect(heapNeededMiB(10_000)).toBeGreaterThan(502 * 1.5);
  });

  it('advises a limit only when the one in force is smaller', () => {
    expect(heapAdvice(10_000, 4144 * 2 ** 20)).toBeNull();
    expect(heapAdvice(100_000, 4144 * 2 ** 20)).toMatch(/NODE_OPTIONS=--max-old-space-size=6656/);
    expect(heapAdvice(100_000, 6656 * 2 ** 20)).toBeNull();
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
