import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { acquireRunLock, isStale, RunLockHeld, type LockHolder } from '../../../src/build/run-lock.ts';
import { killAt, killStarted, runIngest, startIngest } from './processes.ts';
import { sourcesDir } from './support.ts';

const temporary = mkdtempSync(path.join(tmpdir(), 'ingest-lock-'));
afterAll(() => rmSync(temporary, { recursive: true, force: true }));
afterEach(killStarted);

const lockName = '.ingest.lock';

/** Every file in the folder with its bytes. */
function snapshot(folder: string): Map<string, string> {
  return new Map(
    readdirSync(folder)
      .sort()
      .map((name) => [name, readFileSync(path.join(folder, name), 'utf8')]),
  );
}

/** A process that is alive for the test and then ends. */
function liveProcess(): { pid: number; stop: () => void } {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
  return { pid: child.pid!, stop: () => child.kill('SIGKILL') };
}

describe('one ingest at a time into a folder', () => {
  it('a second ingest while one is running says so, with the pid, exits 2 and writes nothing', async () => {
    const out = path.join(temporary, 'two-at-once');
    expect((await runIngest({}, '--out', out, sourcesDir)).code).toBe(0);
    const first = startIngest({ ARCHIVE_INGEST_STALL: 'manifest' }, '--out', out, sourcesDir);
    await first.waitFor('stalled at manifest');
    const before = snapshot(out);
    const second = await runIngest({}, '--out', out, sourcesDir);
    expect(second.code).toBe(2);
    expect(second.stderr).toMatch(new RegExp(`^ingest: another ingest is running, pid ${first.pid} \\(since .*; lock .*\\.ingest\\.lock\\)\\n$`));
    expect(second.stdout).toBe('');
    expect(snapshot(out)).toEqual(before);
    first.child.kill('SIGKILL');
    await first.finished;
  }, 30_000);

  it('of several started at the same moment, exactly one runs', async () => {
    const out = path.join(temporary, 'race');
    // Each stalls once it holds the folder, so none can finish before the others have tried.
    const runs = Array.from({ length: 4 }, () => startIngest({ ARCHIVE_INGEST_STALL: 'manifest' }, '--out', out, sourcesDir));
    const holder = await Promise.any(runs.map((run) => run.waitFor('stalled at manifest').then(() => run)));
    const others = runs.filter((run) => run !== holder);
    const refused = await Promise.all(others.map((run) => run.finished));
    for (const result of refused) {
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`another ingest is running, pid ${holder.pid}`);
    }
    holder.child.kill('SIGKILL');
    await holder.finished;
  }, 30_000);

  it('takes over the lock a run killed with SIGKILL left, and releases it at the end', async () => {
    const out = path.join(temporary, 'stale');
    const killed = await killAt('manifest', '--out', out, sourcesDir);
    expect(killed.signal).toBe('SIGKILL');
    const left = JSON.parse(readFileSync(path.join(out, lockName), 'utf8')) as LockHolder;
    expect(left.pid).toBeGreaterThan(0);
    const next = await runIngest({}, '--out', out, sourcesDir);
    expect(next.code).toBe(0);
    // The killed run had written every copy and journaled them: they are known as ingest's, not as edits.
    expect(next.stdout).toContain('0 written, 0 updated, 4 unchanged, 0 kept, 0 refused');
    expect(existsSync(path.join(out, lockName))).toBe(false);
  }, 30_000);

  it('releases the lock on SIGTERM and SIGINT, and when the run fails', async () => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const out = path.join(temporary, `signal-${signal}`);
      // Stalled on the writer thread: the main thread is free to handle the signal.
      const run = startIngest({ ARCHIVE_INGEST_STALL: 'write:0' }, '--out', out, sourcesDir);
      await run.waitFor('stalled at write:0');
      expect(existsSync(path.join(out, lockName))).toBe(true);
      run.child.kill(signal);
      expect((await run.finished).signal).toBe(signal);
      expect(existsSync(path.join(out, lockName)), signal).toBe(false);
    }
    const failing = path.join(temporary, 'failing');
    const failed = await runIngest({ ARCHIVE_INGEST_THREADS: 'two' }, '--out', failing, sourcesDir);
    expect(failed.code).toBe(2);
    expect(readdirSync(failing)).toEqual([]);
  }, 30_000);
});

describe('acquireRunLock', () => {
  it('refuses a lock held by a live process, naming it, and leaves the lock alone', () => {
    const file = path.join(temporary, 'live.lock');
    const other = liveProcess();
    try {
      const holder: LockHolder = { pid: other.pid, started: '2026-01-01T00:00:00.000Z', processStart: null, token: 'abc' };
      writeFileSync(file, JSON.stringify(holder));
      expect(() => acquireRunLock(file, 'build')).toThrow(RunLockHeld);
      expect(() => acquireRunLock(file, 'build')).toThrow(`another build is running, pid ${other.pid}`);
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(holder);
    } finally {
      other.stop();
    }
  });

  it('takes over a lock whose pid is gone, or now names a process started at another time', async () => {
    const gone = liveProcess();
    gone.stop();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const reused = liveProcess();
    try {
      for (const [name, holder] of [
        ['gone.lock', { pid: gone.pid, started: 'x', processStart: null, token: 'a' }],
        ['reused.lock', { pid: reused.pid, started: 'x', processStart: '1', token: 'b' }],
        ['damaged.lock', null],
      ] as const) {
        const file = path.join(temporary, name);
        writeFileSync(file, holder === null ? '{"pid":' : JSON.stringify(holder));
        const lock = acquireRunLock(file, 'ingest');
        const now = JSON.parse(readFileSync(file, 'utf8')) as LockHolder;
        expect(now.pid, name).toBe(process.pid);
        expect(isStale(now)).toBe(false);
        lock.release();
        expect(existsSync(file), name).toBe(false);
        // Nothing else is left beside it.
        expect(readdirSync(temporary).filter((entry) => entry.startsWith(name))).toEqual([]);
      }
    } finally {
      reused.stop();
    }
  });

  it('release leaves alone a lock another run has taken since', () => {
    const file = path.join(temporary, 'taken.lock');
    const lock = acquireRunLock(file, 'ingest');
    const other: LockHolder = { pid: process.pid, started: 'later', processStart: null, token: 'someone-else' };
    writeFileSync(file, JSON.stringify(other));
    lock.release();
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(other);
  });
});
