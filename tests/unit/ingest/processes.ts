/** Running the ingest CLI as real processes, to stop, kill and race them: for the fault and concurrency tests. */
import { spawn, type ChildProcess } from 'node:child_process';
import { projectRoot } from '../../support/dist.ts';

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** An ingest process and its output so far. */
export interface Running {
  child: ChildProcess;
  pid: number;
  output: () => { stdout: string; stderr: string };
  /** Resolves once stderr holds `text`; rejects when the process ends first. */
  waitFor: (text: string) => Promise<void>;
  /** Resolves when the process has ended. */
  finished: Promise<Finished>;
}

const started = new Set<ChildProcess>();

/** Kills (SIGKILL) every ingest these helpers started that is still running: a failed test leaves no stalled run behind. */
export function killStarted(): void {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  started.clear();
}

/** Starts `node scripts/ingest.ts …args` with `env` added, output through pipes. */
export function startIngest(env: Record<string, string>, ...args: string[]): Running {
  const child = spawn(process.execPath, ['scripts/ingest.ts', ...args], {
    cwd: projectRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.add(child);
  let stdout = '';
  let stderr = '';
  const waiting: { text: string; resolve: () => void; reject: (error: Error) => void }[] = [];
  const settle = (): void => {
    for (const wait of [...waiting]) {
      if (stderr.includes(wait.text)) {
        waiting.splice(waiting.indexOf(wait), 1);
        wait.resolve();
      }
    }
  };
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
    settle();
  });
  const finished = new Promise<Finished>((resolve) => {
    child.on('close', (code, signal) => {
      for (const wait of waiting.splice(0))
        wait.reject(new Error(`ingest ended (${signal ?? code}) before '${wait.text}'; stderr:\n${stderr}\nstdout:\n${stdout}`));
      resolve({ code, signal, stdout, stderr });
    });
  });
  return {
    child,
    pid: child.pid!,
    output: () => ({ stdout, stderr }),
    waitFor: (text) =>
      new Promise<void>((resolve, reject) => {
        waiting.push({ text, resolve, reject });
        settle();
      }),
    finished,
  };
}

/** Runs ingest to the end. */
export function runIngest(env: Record<string, string>, ...args: string[]): Promise<Finished> {
  return startIngest(env, ...args).finished;
}

/** Starts ingest with ARCHIVE_INGEST_STALL at `point`, waits until it hangs there and kills it with SIGKILL. */
export async function killAt(point: string, ...args: string[]): Promise<Finished> {
  const run = startIngest({ ARCHIVE_INGEST_STALL: point }, ...args);
  await run.waitFor(`stalled at ${point}`);
  run.child.kill('SIGKILL');
  return run.finished;
}
