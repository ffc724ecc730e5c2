import { describe, expect, it } from 'vitest';
import { outOfStepMarker, summariseCollection, syncMismatch } from '@/lib/content-sync-check';

const stored = [
  { id: 'a', detail: '/cache/story-details/a.d1.v2.json' },
  { id: 'b', detail: '/cache/story-details/b.d2.v2.json' },
];

describe('the content sync check', () => {
  it('finds nothing amiss when the build reads what the loader stored, in any order and from any folder', () => {
    const read = summariseCollection([
      { id: 'b', detail: 'node_modules/.astro/story-details/b.d2.v2.json' },
      { id: 'a', detail: 'node_modules/.astro/story-details/a.d1.v2.json' },
    ]);
    expect(syncMismatch(summariseCollection(stored), read)).toBeNull();
  });

  it('fails a build that reads an empty store, naming both counts', () => {
    const message = syncMismatch(summariseCollection(stored), summariseCollection([]));
    expect(message).toContain(outOfStepMarker);
    expect(message).toContain('stored 2 stories, the build read 0');
  });

  it('fails a build that reads an older store with as many stories', () => {
    const older = summariseCollection([stored[0]!, { id: 'b', detail: '/cache/story-details/b.d0.v2.json' }]);
    expect(syncMismatch(summariseCollection(stored), older)).toMatch(/read 2 \(not the same ones\)/);
  });
});
