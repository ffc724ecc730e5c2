/**
 * Runs one command and measures it: wall time, the peak resident memory of
 * its whole process tree (polled from /proc), the peak of its largest single
 * process (GNU time's %M, when /usr/bin/time is there), and each output line
 * with the millisecond it arrived, so a build log can be cut into phases.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

export interface TimedLine {
  /** Milliseconds since the command started. */
  ms: number;
  text: string;
}

export interface MemorySample {
  ms: number;
  /** Resident bytes of the whole tree at that moment. */
  bytes: number;
}

export interface MeasuredRun {
  /** The command line, for the report. */
  command: string;
  exitCode: number;
  seconds: number;
  /** Peak of the summed RSS of the process and all its descendants (shared pages counted per process). */
  peakTreeBytes: number;
  /** Peak RSS of the largest single process, from GNU time; null without /usr/bin/time. */
  peakProcessBytes: number | null;
  lines: TimedLine[];
  samples: MemorySample[];
}

export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Every output line also goes here. */
  logFile?: string;
  /** Polling interval for memory, ms. */
  pollMs?: number;
}

const gnuTime = '/usr/bin/time';
const pageSize = 4096;

/** pid → [parent pid, resident bytes] for every process /proc shows. */
function readProcessTable(): Map<number, [number, number]> {
  const table = new Map<number, [number, number]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name may hold spaces and parentheses: fields start after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      table.set(Number(entry), [Number(fields[1]), Number(fields[21]) * pageSize]);
    } catch {
      // The process ended between listing and reading.
    }
  }
  return table;
}

/** Summed RSS of `root` and all its descendants. */
export function treeResidentBytes(root: number): number {
  const table = readProcessTable();
  const children = new Map<number, number[]>();
  for (const [pid, [parent]] of table) {
    const list = children.get(parent);
    if (list) list.push(pid);
    else children.set(parent, [pid]);
  }
  let total = 0;
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    total += table.get(pid)?.[1] ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** Runs `command args` to completion, measuring it; never throws on a non-zero exit. */
export async function runMeasured(command: string, args: readonly string[], options: RunOptions): Promise<MeasuredRun> {
  const timeFile = path.join(tmpdir(), `bench-time-${process.pid}-${Date.now()}.txt`);
  const useTime = existsSync(gnuTime);
  const [file, argv] = useTime ? [gnuTime, ['-f', '%e %M', '-o', timeFile, command, ...args]] : [command, [...args]];
  const log = options.logFile ? createWriteStream(options.logFile) : null;
  const lines: TimedLine[] = [];
  const samples: MemorySample[] = [];
  const started = performance.now();
  const child = spawn(file, argv, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const collect = (stream: NodeJS.ReadableStream): Promise<void> =>
    new Promise((resolve) => {
      const reader = createInterface({ input: stream, crlfDelay: Infinity });
      reader.on('line', (text) => {
        lines.push({ ms: performance.now() - started, text });
        log?.write(`${text}\n`);
      });
      reader.on('close', resolve);
    });
  // Read output from the start: an unread pipe fills and stalls the child.
  const outputDone = Promise.all([collect(child.stdout), collect(child.stderr)]);
  let peakTreeBytes = 0;
  const poll = (): void => {
    if (child.pid === undefined) return;
    const bytes = treeResidentBytes(child.pid);
    samples.push({ ms: performance.now() - started, bytes });
    peakTreeBytes = Math.max(peakTreeBytes, bytes);
  };
  const timer = setInterval(poll, options.pollMs ?? 100);
  const exitCode = await new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(timer);
  await outputDone;
  await new Promise<void>((resolve) => (log ? log.end(resolve) : resolve()));
  let peakProcessBytes: number | null = null;
  if (useTime && existsSync(timeFile)) {
    // GNU time prefixes a line when the command failed; the figures are on the last line.
    const last = readFileSync(timeFile, 'utf8').trim().split('\n').at(-1) ?? '';
    const kib = Number(last.split(' ')[1]);
    if (Number.isFinite(kib)) peakProcessBytes = kib * 1024;
    rmSync(timeFile, { force: true });
  }
  return { command: [command, ...args].join(' '), exitCode, seconds, peakTreeBytes, peakProcessBytes, lines, samples };
}

/** Throws with the last lines of output when a measured command failed. */
export function assertSucceeded(run: MeasuredRun, what: string): void {
  if (run.exitCode === 0) return;
  const tail = run.lines.slice(-30).map((line) => line.text).join('\n');
  throw new Error(`${what} failed (exit ${run.exitCode}): ${run.command}\n${tail}`);
}
