/**
 * What ingest and the content sync learnt from each copy in a folder, kept
 * against the copy's file stat (file-stat-cache.ts): its SHA-256 (ingest
 * checks it against its manifest), and the content sync's digest and slug.
 * One cache a folder, shared: the content sync of a full build reads every
 * copy, so the next ingest need not, and the other way round.
 *
 * It is kept in the folder itself as `.copy-stats.json` (git-ignored: a
 * file's stat means nothing on another machine), so it goes with the folder
 * and no other cache grows with every folder ever built.
 */
import path from 'node:path';
import { readStatCache, writeStatCache, type FileStatCache } from './file-stat-cache.ts';

export const copyStatsName = '.copy-stats.json';

export interface CopyFacts {
  /** SHA-256 of the copy's bytes. */
  sha256: string;
  /** The content sync's digest of the copy and the slug it found, once a sync has read it. */
  synced?: { digest: string; slug: string };
}

function isCopyFacts(value: unknown): value is CopyFacts {
  if (typeof value !== 'object' || value === null) return false;
  const { sha256, synced } = value as Record<string, unknown>;
  if (typeof sha256 !== 'string') return false;
  if (synced === undefined) return true;
  if (typeof synced !== 'object' || synced === null) return false;
  const { digest, slug } = synced as Record<string, unknown>;
  return typeof digest === 'string' && typeof slug === 'string';
}

export type CopyStats = FileStatCache<CopyFacts>;

export function readCopyStats(folder: string): CopyStats {
  return readStatCache(path.join(folder, copyStatsName), isCopyFacts);
}

export function writeCopyStats(folder: string, stats: CopyStats): void {
  writeStatCache(path.join(folder, copyStatsName), stats);
}
