/**
 * Runs one command and measures it from outside: wall time, CPU time of the
 * whole process tree, the peak resident memory of that tree (polled from
 * /proc), and each output line with the millisecond it arrived, so a build
 * log can be cut into phases.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
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
  command: string;
  exitCode: number;
  seconds: number;
  /** User + system CPU of the command and every descendant it waited for. */
  cpuSeconds: number;
  /** Peak of the summed RSS of the process and its descendants (shared pages counted per process). */
  peakTreeBytes: number;
  lines: TimedLine[];
  samples: MemorySample[];
}

export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Every output line also goes here. */
  logFile?: string;
}

const pageSize = 4096;
/** USER_HZ: /proc reports CPU times in these ticks; 100 on every Linux build this runs on. */
const ticksPerSecond = 100;
const pollMs = 100;

/** Fields of a /proc/<pid>/stat line after the command name (which may hold spaces and parentheses). */
function statFields(pid: number | 'self'): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/**
 * CPU seconds of this process's children that have been waited for (cutime + cstime). Node reaps
 * every child it spawns, and each child's own waited-for descendants are in its figure, so the
 * difference across one run is that run's whole tree.
 */
function childrenCpuSeconds(): number {
  const fields = statFields('self');
  return (Number(fields[13]) + Number(fields[14])) / ticksPerSecond;
}

/**
 * Follows one command's processes across polls: those under the root, and any seen under it before
 * that lives on reparented (the Pagefind service the build stops just before it exits is not always
 * waited for, so its CPU never reaches the build's cutime). A pid is known with its start time, so a
 * reused pid is not taken for one of ours.
 */
class ProcessTree {
  private readonly seen = new Map<number, string>();
  /** The last CPU ticks (utime + stime) read for each process, by pid and start time. */
  private readonly ticks = new Map<string, number>();

  private readonly root: number;

  constructor(root: number) {
    this.root = root;
  }

  /** Summed RSS of the processes now; records their CPU. */
  poll(): number {
    const rows = new Map<number, { parent: number; start: string; ticks: number; bytes: number }>();
    const children = new Map<number, number[]>();
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const fields = statFields(Number(entry));
        const row = { parent: Number(fields[1]), start: fields[19]!, ticks: Number(fields[11]) + Number(fields[12]), bytes: Number(fields[21]) * pageSize };
        rows.set(Number(entry), row);
        children.set(row.parent, [...(children.get(row.parent) ?? []), Number(entry)]);
      } catch {
        // The process ended between listing and reading.
      }
    }
    const stack = [this.root, ...[...this.seen].filter(([pid, start]) => rows.get(pid)?.start === start).map(([pid]) => pid)];
    const counted = new Set<number>();
    let bytes = 0;
    while (stack.length > 0) {
      const pid = stack.pop()!;
      const row = rows.get(pid);
      if (row === undefined || counted.has(pid)) continue;
      counted.add(pid);
      this.seen.set(pid, row.start);
      this.ticks.set(`${pid}:${row.start}`, row.ticks);
      bytes += row.bytes;
      stack.push(...(children.get(pid) ?? []));
    }
    return bytes;
  }

  /** CPU seconds of every process seen, as of its last poll. */
  cpuSeconds(): number {
    return [...this.ticks.values()].reduce((sum, ticks) => sum + ticks, 0) / ticksPerSecond;
  }
}

/** Runs `command args` to completion, measuring it; never throws on a non-zero exit. */
export async function runMeasured(command: string, args: readonly string[], options: RunOptions): Promise<MeasuredRun> {
  const log = options.logFile ? createWriteStream(options.logFile) : null;
  const lines: TimedLine[] = [];
  const samples: MemorySample[] = [];
  const cpuBefore = childrenCpuSeconds();
  const started = performance.now();
  const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
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
  const tree = child.pid === undefined ? null : new ProcessTree(child.pid);
  const timer = setInterval(() => {
    if (tree) samples.push({ ms: performance.now() - started, bytes: tree.poll() });
  }, pollMs);
  const exitCode = await new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(timer);
  await outputDone;
  await new Promise<void>((resolve) => (log ? log.end(resolve) : resolve()));
  return {
    command: [command, ...args].join(' '),
    exitCode,
    seconds,
    // Both are lower bounds: the polls miss each process's last tenth of a second, cutime misses what was not waited for.
    cpuSeconds: Math.max(childrenCpuSeconds() - cpuBefore, tree?.cpuSeconds() ?? 0),
    peakTreeBytes: samples.reduce((peak, sample) => Math.max(peak, sample.bytes), 0),
    lines,
    samples,
  };
}

/** Throws with the last lines of output when a measured command failed. */
export function assertSucceeded(run: MeasuredRun, what: string): void {
  if (run.exitCode === 0) return;
  const tail = run.lines
    .slice(-30)
    .map((line) => line.text)
    .join('\n');
  throw new Error(`${what} failed (exit ${run.exitCode}): ${run.command.slice(0, 300)}\n${tail}`);
}
