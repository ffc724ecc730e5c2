import { describe, expect, it } from 'vitest';
import { startAhead } from '../../../scripts/ingest/start-ahead.ts';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('startAhead', () => {
  it('gives every chunk, in order, each started before the consumer asks for it', async () => {
    const started: number[][] = [];
    const chunks = startAhead([1, 2, 3, 4, 5, 6, 7], 3, 10, async (chunk) => {
      started.push([...chunk]);
      return chunk.map((n) => n * 10);
    });
    await tick();
    expect(started).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
    const taken: number[][] = [];
    for await (const chunk of chunks) taken.push(chunk);
    expect(taken).toEqual([[10, 20, 30], [40, 50, 60], [70]]);
  });

  it('never runs more than `window` chunks ahead of the consumer', async () => {
    let started = 0;
    const chunks = startAhead(
      Array.from({ length: 20 }, (_, n) => n),
      2,
      3,
      async (chunk) => {
        started += 1;
        return chunk;
      },
    );
    await tick();
    expect(started).toBe(3);
    const iterator = chunks[Symbol.asyncIterator]();
    await iterator.next();
    await iterator.next();
    await tick();
    // Two chunks asked for, the first of them done with: one more may start.
    expect(started).toBe(4);
    while (!(await iterator.next()).done);
    expect(started).toBe(10);
  });

  it('throws a chunk’s failure when the consumer reaches it, and starts nothing after a consumer stops', async () => {
    let started = 0;
    const chunks = startAhead([1, 2, 3, 4, 5, 6], 1, 2, async (chunk) => {
      started += 1;
      if (chunk[0] === 2) throw new Error('chunk 2 failed');
      return chunk;
    });
    const taken: (readonly number[])[] = [];
    await expect(
      (async () => {
        for await (const chunk of chunks) taken.push(chunk);
      })(),
    ).rejects.toThrow('chunk 2 failed');
    expect(taken).toEqual([[1]]);
    await tick();
    expect(started).toBe(2);
  });

  it('refuses a chunk size or window below one', () => {
    expect(() => startAhead([1], 0, 1, async (chunk) => chunk)).toThrow('startAhead needs');
    expect(() => startAhead([1], 1, 0, async (chunk) => chunk)).toThrow('startAhead needs');
  });
});
