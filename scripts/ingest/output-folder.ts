/**
 * Reads the output folder for a run: every copy with its digest. A copy
 * whose stat is the one the last ingest or content sync recorded
 * (src/lib/copy-stats.ts) is not read, only its bytes if the plan asks for
 * them: at 10,000 copies, reading and digesting them all was about 1 s of a
 * one-article run.
 */
import { readFileSync } from 'node:fs';
import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { CopyStats } from '../../src/lib/copy-stats.ts';
import { readFile, stat } from '../../src/lib/fs-callbacks.ts';
import type { ExistingCopy } from '../../src/domain/ingest/batch.ts';
import { manifestName } from '../../src/domain/ingest/manifest.ts';
import { sha256 } from '../../src/domain/sha256.ts';

/** File IO waits on the disk, not on the CPU: this many at once. */
const ioBatch = 32;

/** The copies in `out` (created if missing) with their digests, and its manifest's text (null: none). */
export async function readOutputFolder(out: string, statCache: CopyStats): Promise<{ existing: ExistingCopy[]; manifestRaw: string | null }> {
  await mkdir(out, { recursive: true });
  const names = (await readdir(out)).filter((name) => name.endsWith('.md')).sort();
  const existing: ExistingCopy[] = [];
  for (let start = 0; start < names.length; start += ioBatch) {
    existing.push(...(await Promise.all(names.slice(start, start + ioBatch).map((name) => readCopy(out, name, statCache)))));
  }
  const manifestRaw = await readFile(path.join(out, manifestName), 'utf8').catch(() => null);
  return { existing, manifestRaw };
}

async function readCopy(out: string, name: string, statCache: CopyStats): Promise<ExistingCopy> {
  const file = path.join(out, name);
  // Stat before reading: a write in between leaves a stat that will not match next time.
  const stats = await stat(file, { bigint: true });
  const known = statCache.get(name, stats);
  if (known !== undefined) {
    statCache.set(name, stats, known);
    return { name, sha256: known.sha256, bytes: () => readFileSync(file) };
  }
  const bytes = await readFile(file);
  const digest = sha256(bytes);
  statCache.set(name, stats, { sha256: digest });
  return { name, sha256: digest, bytes: () => bytes };
}
