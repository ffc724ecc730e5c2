/**
 * Fault injection for the tests that kill ingest with SIGKILL mid-run
 * (tests/unit/ingest/interrupted.test.ts): ARCHIVE_INGEST_STALL names a point
 * where the run announces itself on stderr and then hangs until killed.
 *
 *   write:<n>   on the writer thread, once <n> copies are in place and the next one's temporary file is written
 *   manifest    every copy written, the manifest not yet
 *   journal     the manifest written, the journal not yet removed
 *
 * Unset (always, outside those tests), nothing changes.
 */
import { writeSync } from 'node:fs';

export type StallPoint = { kind: 'write'; after: number } | { kind: 'manifest' } | { kind: 'journal' };

export function stallPoint(setting: string | undefined): StallPoint | null {
  if (setting === undefined || setting === '') return null;
  const write = /^write:(\d+)$/.exec(setting);
  if (write) return { kind: 'write', after: Number(write[1]) };
  if (setting === 'manifest' || setting === 'journal') return { kind: setting };
  throw new Error(`ARCHIVE_INGEST_STALL must be write:<n>, manifest or journal, not '${setting}'`);
}

/** Announces the stall on stderr (synchronously, so the line is out before the hang) and blocks this thread for good. */
export function stallHere(label: string): void {
  writeSync(2, `stalled at ${label}, pid ${process.pid}\n`);
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
}
