/**
 * `npm run build` runs astro build with a heap limit sized to the archive,
 * and, when a build runs out of heap, runs it once more with twice the
 * limit and says how to set it.
 */
import { describe, expect, it } from 'vitest';
import { heapNeededMiB } from '@/lib/heap-size';
import { buildFixtureArchive, copyOfArticles } from '../support/fixture-build';

describe('the build script', () => {
  it('sets the heap limit from the number of stories and builds', () => {
    const articles = copyOfArticles();
    const build = buildFixtureArchive(articles.dir);
    try {
      expect(build.status).toBe(0);
      expect(build.output).toMatch(new RegExp(`build: \\d+ stories, V8 heap limit ${heapNeededMiB(4)} MiB`));
    } finally {
      build.cleanup();
      articles.cleanup();
    }
  }, 120_000);

  it('tries once more with twice the heap when the build runs out, then names the setting', () => {
    const articles = copyOfArticles();
    const build = buildFixtureArchive(articles.dir, { env: { ARCHIVE_BUILD_HEAP_MIB: '16' } });
    try {
      expect(build.status).not.toBe(0);
      expect(build.output).toContain('build: ran out of its 16 MiB heap; building again with 32 MiB. Set ARCHIVE_BUILD_HEAP_MIB=32 to start there.');
      expect(build.output).toContain('build: ran out of 32 MiB too; set ARCHIVE_BUILD_HEAP_MIB to a larger limit.');
    } finally {
      build.cleanup();
      articles.cleanup();
    }
  }, 120_000);
});
