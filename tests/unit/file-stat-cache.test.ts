import { mkdtempSync, renameSync, rmSync, statSync, writeFileSync, type BigIntStats } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileStatCache, nowNs, racyWindowNs, readStatCache, statKey, writeStatCache } from '@/lib/file-stat-cache';

const isDigest = (value: unknown): value is { digest: string } =>
  typeof value === 'object' && value !== null && typeof (value as Record<string, unknown>)['digest'] === 'string';
const second = 1_000_000_000n;
const started = 1_700_000_000n * second;

/** A stat as the cache reads it: only the fields statKey uses are real. */
function stats(fields: Partial<Pick<BigIntStats, 'size' | 'mtimeNs' | 'ctimeNs' | 'dev' | 'ino'>> = {}): BigIntStats {
  const old = started - 60n * second;
  return { size: 100n, mtimeNs: old, ctimeNs: old, dev: 1n, ino: 42n, ...fields } as BigIntStats;
}

/** Saves `cache` and reads it back in a run that starts later. */
function nextRun<V>(cache: FileStatCache<V>, isValue: (value: unknown) => value is V): FileStatCache<V> {
  return FileStatCache.parse(cache.serialize(), isValue, started + 3600n * second);
}

describe('file stat cache', () => {
  it('trusts a value only while every part of the stat is the one it was saved with', () => {
    const cache = FileStatCache.parse(null, isDigest, started);
    cache.set('a.md', stats(), { digest: 'd1' });
    const next = nextRun(cache, isDigest);
    expect(next.get('a.md', stats())).toEqual({ digest: 'd1' });
    expect(next.get('b.md', stats())).toBeUndefined();
    for (const changed of [{ size: 101n }, { mtimeNs: started - second }, { ctimeNs: started - second }, { ino: 43n }, { dev: 2n }]) {
      expect(
        next.get('a.md', stats(changed)),
        JSON.stringify(changed, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)),
      ).toBeUndefined();
    }
  });

  it('does not save a file changed within the racy window before the run began', () => {
    const cache = FileStatCache.parse(null, isDigest, started);
    const edge = started - racyWindowNs;
    cache.set('old.md', stats({ ctimeNs: edge, mtimeNs: edge }), { digest: 'old' });
    cache.set('ctime.md', stats({ ctimeNs: edge + 1n }), { digest: 'recent change' });
    cache.set('mtime.md', stats({ mtimeNs: edge + 1n }), { digest: 'recent write' });
    const next = nextRun(cache, isDigest);
    expect(next.get('old.md', stats({ ctimeNs: edge, mtimeNs: edge }))).toEqual({ digest: 'old' });
    expect(next.get('ctime.md', stats({ ctimeNs: edge + 1n }))).toBeUndefined();
    expect(next.get('mtime.md', stats({ mtimeNs: edge + 1n }))).toBeUndefined();
  });

  it('keeps only the files set in this run, so files gone drop out', () => {
    const first = FileStatCache.parse(null, isDigest, started);
    first.set('a.md', stats(), { digest: 'a' });
    first.set('b.md', stats({ ino: 7n }), { digest: 'b' });
    const second = nextRun(first, isDigest);
    second.set('a.md', stats(), second.get('a.md', stats())!);
    const third = nextRun(second, isDigest);
    expect(third.get('a.md', stats())).toEqual({ digest: 'a' });
    expect(third.get('b.md', stats({ ino: 7n }))).toBeUndefined();
  });

  it('forgets a file whose new stat is too recent to trust', () => {
    const cache = FileStatCache.parse(null, isDigest, started);
    cache.set('a.md', stats(), { digest: 'a' });
    cache.set('a.md', stats({ ctimeNs: started }), { digest: 'a2' });
    expect(nextRun(cache, isDigest).get('a.md', stats())).toBeUndefined();
  });

  it('starts empty from a file that is not a cache of this format', () => {
    const saved = FileStatCache.parse(null, isDigest, started);
    saved.set('a.md', stats(), { digest: 'a' });
    const good = saved.serialize();
    expect(FileStatCache.parse(good, isDigest, started).get('a.md', stats())).toEqual({ digest: 'a' });
    const bad = [
      '',
      '{"version":1,',
      '[]',
      'null',
      '{"version":1,"files":[]}',
      good.replace('"version":1', '"version":2'),
      good.replace('"digest"', '"sha"'),
      good.replace(/"stat":"[^"]*"/, '"stat":1'),
    ];
    for (const raw of bad) {
      expect(FileStatCache.parse(raw, isDigest, started).get('a.md', stats()), raw).toBeUndefined();
    }
  });

  it('keys a stat by size, times, device and inode', () => {
    expect(statKey(stats())).toBe(`100:${started - 60n * second}:${started - 60n * second}:1:42`);
  });
});

describe('file stat cache on disk', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'stat-cache-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('round-trips through its file and misses a copy replaced by another of the same size', () => {
    const copy = path.join(folder, 'a.md');
    writeFileSync(copy, 'first');
    const cacheFile = path.join(folder, 'stats.json');
    // A run that began a minute after the copy was written trusts it.
    const cache = FileStatCache.parse(null, isDigest, nowNs() + 60n * second);
    cache.set('a.md', statSync(copy, { bigint: true }), { digest: 'first' });
    writeStatCache(cacheFile, cache);
    expect(readStatCache(cacheFile, isDigest).get('a.md', statSync(copy, { bigint: true }))).toEqual({ digest: 'first' });
    // Written elsewhere and renamed over it, as ingest writes: a new inode.
    writeFileSync(`${copy}.tmp`, 'again');
    renameSync(`${copy}.tmp`, copy);
    expect(readStatCache(cacheFile, isDigest).get('a.md', statSync(copy, { bigint: true }))).toBeUndefined();
  });

  it('reads no cache from a missing file', () => {
    expect(readStatCache(path.join(folder, 'none.json'), isDigest).serialize()).toBe('{"version":1,"files":{}}');
  });
});
