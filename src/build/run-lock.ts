/**
 * One writer at a time: a lock file that a run creates before it writes and
 * removes on any exit. Two ingests into one folder (or two builds in one
 * checkout) would otherwise overwrite each other and both report success.
 *
 * The lock holds the holder's pid, its start time and a random token. It is
 * created whole, in one step (written under a temporary name, then hard-linked
 * to the lock's name, which fails when the name exists, like O_EXCL), so no
 * reader ever sees a half-written lock. A lock whose pid is not alive (or, on
 * Linux, is alive but is another process that reused the pid) is stale: left
 * by a run killed with SIGKILL or by a crash, and taken over.
 */
import { randomBytes } from 'node:crypto';
import { linkSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** What a lock file holds. */
export interface LockHolder {
  pid: number;
  /** When the holder took the lock (ISO 8601). */
  started: string;
  /** The holder's process start time in clock ticks since boot (Linux), to tell a reused pid; null elsewhere. */
  processStart: string | null;
  /** Tells this holder's lock from a later one with the same pid. */
  token: string;
}

/** Thrown when another live process holds the lock. */
export class RunLockHeld extends Error {
  readonly file: string;
  readonly holder: LockHolder;

  constructor(file: string, holder: LockHolder, what: string) {
    super(`another ${what} is running, pid ${holder.pid} (since ${holder.started}; lock ${file})`);
    this.name = 'RunLockHeld';
    this.file = file;
    this.holder = holder;
  }
}

/** A lock this process holds. */
export interface RunLock {
  readonly file: string;
  /** Removes the lock if it is still this process's; safe to call more than once. */
  release(): void;
}

/** The start time of process `pid` in clock ticks since boot (Linux /proc), or null when unknown. */
function processStartOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22; the command name (field 2) is in parentheses and may hold spaces, so count from its end.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** True when the lock's holder is gone: its pid is not alive, or now names a process started at another time. */
export function isStale(holder: LockHolder): boolean {
  if (holder.pid <= 0) return true;
  if (holder.pid === process.pid) return holder.processStart !== processStartOf(process.pid);
  if (!isAlive(holder.pid)) return true;
  const now = processStartOf(holder.pid);
  return holder.processStart !== null && now !== null && now !== holder.processStart;
}

function readHolder(file: string): LockHolder | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const data = JSON.parse(text) as Partial<LockHolder>;
    if (Number.isInteger(data.pid) && typeof data.started === 'string' && typeof data.token === 'string') {
      return { pid: data.pid!, started: data.started, processStart: typeof data.processStart === 'string' ? data.processStart : null, token: data.token };
    }
  } catch {
    // Not ours, or damaged: treated as stale below.
  }
  return { pid: 0, started: 'unknown', processStart: null, token: '' };
}

/** Creates `file` holding `holder`, whole, or returns false when it exists. */
function createWhole(file: string, holder: LockHolder): boolean {
  const temporary = `${file}.${process.pid}.${holder.token}.new`;
  writeFileSync(temporary, `${JSON.stringify(holder)}\n`);
  try {
    linkSync(temporary, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/**
 * Takes the lock `file` for this process, or throws RunLockHeld naming the live holder. A stale lock is
 * taken over. The lock is released when the process exits (normally, by an error, by process.exit, or on
 * SIGINT, SIGTERM or SIGHUP); `what` names the run in the message ('ingest': 'another ingest is running, pid N').
 */
export function acquireRunLock(file: string, what: string): RunLock {
  const holder: LockHolder = {
    pid: process.pid,
    started: new Date().toISOString(),
    processStart: processStartOf(process.pid),
    token: randomBytes(8).toString('hex'),
  };
  const temporary = `${file}.${process.pid}.${holder.token}.new`;
  try {
    for (let attempt = 0; ; attempt += 1) {
      if (createWhole(file, holder)) break;
      const current = readHolder(file);
      if (current === null) continue;
      if (!isStale(current) || attempt >= 5) throw new RunLockHeld(file, current, what);
      takeOverStale(file, current);
    }
  } finally {
    rmSync(temporary, { force: true });
  }
  return holdUntilExit(file, holder);
}

/**
 * Moves a stale lock out of the way. Two runs may find the same stale lock: each renames whatever is at the
 * lock's name to a name of its own, and if that turns out to be a live lock the other run has just taken, puts
 * it back (when the name is still free) and lets the next attempt report it.
 */
function takeOverStale(file: string, stale: LockHolder): void {
  const aside = `${file}.${process.pid}.stale`;
  try {
    renameSync(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const moved = readHolder(aside);
  if (moved !== null && moved.token !== stale.token && !isStale(moved)) {
    try {
      linkSync(aside, file);
    } catch {
      // The name was taken again meanwhile: the next attempt reports that holder.
    }
  }
  rmSync(aside, { force: true });
}

const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function holdUntilExit(file: string, holder: LockHolder): RunLock {
  let released = false;
  const release = (): void => {
    if (released) return;
    released = true;
    process.removeListener('exit', release);
    for (const signal of signals) process.removeListener(signal, onSignal);
    // Only this holder's lock: never one a later run took over.
    const current = readHolder(file);
    if (current !== null && current.token === holder.token) rmSync(file, { force: true });
  };
  function onSignal(signal: NodeJS.Signals): void {
    release();
    // With no listener left, the signal's default action ends the process with the usual status.
    process.kill(process.pid, signal);
  }
  process.on('exit', release);
  for (const signal of signals) process.on(signal, onSignal);
  return { file: path.resolve(file), release };
}
