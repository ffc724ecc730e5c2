import { describe, expect, it } from 'vitest';
import { extractThreads, threadedFrom } from '../../../scripts/ingest/extract-pool.ts';

describe('extractThreads', () => {
  it('uses no thread for a small run or on one core, else one a core up to four', () => {
    expect(extractThreads(threadedFrom - 1, undefined, 8)).toBe(0);
    expect(extractThreads(threadedFrom, undefined, 1)).toBe(0);
    expect(extractThreads(threadedFrom, undefined, 2)).toBe(2);
    expect(extractThreads(100_000, undefined, 16)).toBe(4);
  });

  it('takes ARCHIVE_INGEST_THREADS as given, 0 included, and refuses anything else', () => {
    expect(extractThreads(10, '3', 2)).toBe(3);
    expect(extractThreads(100_000, '0', 8)).toBe(0);
    expect(extractThreads(100_000, '', 2)).toBe(2);
    for (const bad of ['-1', '1.5', 'two']) expect(() => extractThreads(10, bad, 2)).toThrow(`not '${bad}'`);
  });
});
