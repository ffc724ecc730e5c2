/**
 * What a run learnt from a file's bytes (its digest, its slug), kept against
 * the file's stat, so the next run can trust it without reading the file. At
 * 10,000 copies, reading and digesting every one to find the one that changed
 * took about 1.5 s of the content sync and 1 s of a one-article ingest.
 *
 * The stat is size, modification and change times (nanoseconds), device and inode:
 * any write changes the change time, and no tool can set it back. But a
 * file's times come from a clock coarser than writes can be (a few ms), so a
 * file rewritten within one tick at the same size would keep its stat. As git
 * does with its index, an entry is saved only when the file had last changed
 * well before the run looked at it; a file changed just before is read again
 * next time.
 *
 * The cache holds only the files set in this run: a file gone drops out.
 */
import { readFileSync, renameSync, rmSync, writeFileSync, type BigIntStats } from 'node:fs';

/**
 * A file changed less than this before the run began is not trusted next time: longer than the coarsest
 * tick of a file system's times (2 s on FAT; a few ms on ext4, xfs, btrfs, tmpfs), and shorter than the
 * time between an ingest's last write and the build's content sync, so a build right after an ingest
 * already trusts every copy.
 */
export const racyWindowNs = 2_000_000_000n;

/** The parts of a stat that any write to the file changes. */
export function statKey(stats: Pick<BigIntStats, 'size' | 'mtimeNs' | 'ctimeNs' | 'dev' | 'ino'>): string {
  return `${stats.size}:${stats.mtimeNs}:${stats.ctimeNs}:${stats.dev}:${stats.ino}`;
}

const formatVersion = 1;

export class FileStatCache<V> {
  private readonly known: Map<string, { stat: string; value: V }>;
  private readonly current = new Map<string, { stat: string; value: V }>();
  /** Files changed after this may change again within their change time's tick: not saved. */
  private readonly trustedBeforeNs: bigint;

  private constructor(known: Map<string, { stat: string; value: V }>, startedNs: bigint) {
    this.known = known;
    this.trustedBeforeNs = startedNs - racyWindowNs;
  }

  /**
   * Reads a saved cache (null: none). A cache that is not one, of another format or with a value `isValue`
   * refuses, is empty: it only saves time, and everything in it can be read again. `startedNs` is when the
   * run began (wall clock, ns): every stat passed to set() must be taken after it.
   */
  static parse<V>(raw: string | null, isValue: (value: unknown) => value is V, startedNs: bigint = nowNs()): FileStatCache<V> {
    const empty = new FileStatCache<V>(new Map(), startedNs);
    if (raw === null) return empty;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      return empty;
    }
    // Checked by hand: zod took 170 ms over 10,000 entries, a sixth of a one-article ingest.
    if (!isRecord(json) || json['version'] !== formatVersion || !isRecord(json['files'])) return empty;
    const known = new Map<string, { stat: string; value: V }>();
    for (const [name, entry] of Object.entries(json['files'])) {
      if (!isRecord(entry) || typeof entry['stat'] !== 'string' || !isValue(entry['value'])) return empty;
      known.set(name, { stat: entry['stat'], value: entry['value'] });
    }
    return new FileStatCache(known, startedNs);
  }

  /** The value saved for this file when its stat is still the one it was saved with. */
  get(name: string, stats: BigIntStats): V | undefined {
    const entry = this.known.get(name);
    return entry !== undefined && entry.stat === statKey(stats) ? entry.value : undefined;
  }

  /**
   * Records what this run learnt from the file as it was when `stats` was taken: stat first, then read, so a
   * write in between leaves a stat that no longer matches. A file changed within the racy window is not kept.
   */
  set(name: string, stats: BigIntStats, value: V): void {
    if (stats.ctimeNs <= this.trustedBeforeNs && stats.mtimeNs <= this.trustedBeforeNs) this.current.set(name, { stat: statKey(stats), value });
    else this.current.delete(name);
  }

  /** The cache to save: what this run set, file names sorted. */
  serialize(): string {
    const files: Record<string, { stat: string; value: V }> = {};
    for (const name of [...this.current.keys()].sort()) files[name] = this.current.get(name)!;
    return JSON.stringify({ version: formatVersion, files });
  }
}

/** The wall clock in nanoseconds, as file times are. */
export function nowNs(): bigint {
  return BigInt(Date.now()) * 1_000_000n;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads the cache saved in `file` (none when there is no such file); see FileStatCache.parse. */
export function readStatCache<V>(file: string, isValue: (value: unknown) => value is V): FileStatCache<V> {
  let raw: string | null = null;
  try {
    raw = readFileSync(file, 'utf8');
  } catch {
    // No cache yet (or unreadable): every file is read.
  }
  return FileStatCache.parse(raw, isValue);
}

/** Saves the cache to `file`, written under a temporary name and renamed, so a reader never sees half of it. */
export function writeStatCache<V>(file: string, cache: FileStatCache<V>): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, cache.serialize());
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
