/**
 * The ingest CLI: file IO only; the decisions are in src/domain/ingest.
 *
 *   npm run ingest                                   content/sources/*.txt, *.html, *.htm → content/articles/
 *   npm run ingest -- --out <dir> <file-or-dir>...   the given sources (a folder means its *.txt, *.html, *.htm) → <dir>
 *   npm run ingest -- --fetch <url>...               saves each page into the sources folder, then ingests
 *
 * Prints one line per article and a summary; exits 1 when any source was
 * refused (one line each, naming the file and the reason), 2 when the run
 * failed or another ingest holds the output folder. `--` ends the options.
 * Every file is written to a temporary name in the output folder and renamed,
 * so a run never leaves a half-written copy; copies are written on a worker
 * thread while the main thread goes on. One ingest at a time writes a folder
 * (a lock, src/build/run-lock.ts), and each copy's manifest entry is
 * journaled before the copy is renamed into place, so a run killed at any
 * point leaves no copy that looks edited by hand. A large run reads and extracts its sources
 * on worker threads, one a core (ARCHIVE_INGEST_THREADS sets how many; 0:
 * none), and gives exactly the copies a run on one thread gives.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { readFile } from '../src/lib/fs-callbacks.ts';
import { ingestOrder, startIngestPlan, type IngestPlan, type Outcome, type Refusal } from '../src/domain/ingest/batch.ts';
import { copyStatsName, readCopyStats, writeCopyStats, type CopyStats } from '../src/lib/copy-stats.ts';
import { prepareCatalogue, type Catalogue } from '../src/domain/ingest/build-article.ts';
import { applyJournal, formatManifest, journalLine, journalName, manifestName, parseManifest } from '../src/domain/ingest/manifest.ts';
import { printable } from '../src/domain/ingest/report-line.ts';
import { operationSchema } from '../src/domain/schema.ts';
import { ExtractPool, LocalExtractions, ThreadedExtractions, extractThreads, type Extractions } from './ingest/extract-pool.ts';
import { collectSources, type CollectedSource } from './ingest/collect-sources.ts';
import { readOutputFolder } from './ingest/output-folder.ts';
import { savePage } from './ingest/fetch-page.ts';
import { startAhead } from './ingest/start-ahead.ts';
import { stallHere, stallPoint } from './ingest/fault-points.ts';
import { removeLeftoverTemporaries } from './ingest/leftovers.ts';
import { acquireRunLock, RunLockHeld } from '../src/build/run-lock.ts';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const usage = 'usage: npm run ingest [-- [--out <dir>] [--fetch <url>...] [--] <file-or-dir>...]';

/** What a run reads: text sources and saved web pages. */
const sourceExtensions = ['.txt', '.html', '.htm'];

/** The lock file that keeps a second ingest out of a folder one is writing. */
const ingestLockName = '.ingest.lock';

interface Arguments {
  out: string;
  inputs: string[];
  /** Addresses to save into the sources folder before the run (--fetch). */
  fetch: string[];
}

function parseArguments(argv: readonly string[]): Arguments {
  let out: string | undefined;
  const inputs: string[] = [];
  const fetch: string[] = [];
  let fetching = false;
  let optionsEnded = false;
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index]!;
    if (optionsEnded) inputs.push(argument);
    else if (argument === '--') optionsEnded = true;
    else if (argument === '--fetch') fetching = true;
    else if (argument.startsWith('--fetch=')) fetch.push(argument.slice('--fetch='.length));
    else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(argument)) {
      // Addresses follow --fetch; an address without it is a mistake, not a file name.
      if (!fetching) throw new Error(`${argument} is an address: use --fetch to save and ingest it\n${usage}`);
      fetch.push(argument);
    } else if (argument === '--out') {
      out = argv[index + 1];
      if (out === undefined) throw new Error(`--out needs a folder\n${usage}`);
      index += 1;
    } else if (argument.startsWith('--out=')) out = argument.slice('--out='.length);
    else if (argument === '--help' || argument === '-h') {
      console.log(usage);
      process.exit(0);
    } else if (argument.startsWith('-')) throw new Error(`unknown option ${printable(argument)} (after --, a file name may start with -)\n${usage}`);
    else inputs.push(argument);
  }
  if (fetching && fetch.length === 0) throw new Error(`--fetch needs one or more http(s) addresses\n${usage}`);
  if (inputs.length === 0) inputs.push(path.join(projectRoot, 'content/sources'));
  return { out: out ?? path.join(projectRoot, 'content/articles'), inputs, fetch };
}

/**
 * Saves the --fetch pages into the first folder the run reads (content/sources by default) and adds any the
 * inputs do not already cover; an address that cannot be saved is refused by name.
 */
async function fetchPages(args: Arguments, refusals: Refusal[]): Promise<Map<string, string>> {
  // Each page fetched by this run, by the path the run reports it under, with its address.
  const fetched = new Map<string, string>();
  if (args.fetch.length === 0) return fetched;
  const folders = args.inputs.filter((input) => statSync(input, { throwIfNoEntry: false })?.isDirectory());
  const folder = folders[0] ?? path.join(projectRoot, 'content/sources');
  for (const address of args.fetch) {
    const result = await savePage(address, folder);
    if ('refused' in result) {
      refusals.push({ path: address, reason: result.refused });
      continue;
    }
    const note = result.fetched ? '' : ' (saved before: not fetched again; delete the file to fetch the page anew)';
    console.log(`${'saved'.padEnd(10)} ${display(result.saved)} ← ${address}${note}`);
    if (result.fetched) fetched.set(display(result.saved), address);
    if (!folders.some((input) => path.resolve(input) === path.resolve(folder))) args.inputs.push(result.saved);
  }
  return fetched;
}

/** A page this run fetched and then refused is not kept as a source: it would be refused again by every run. */
function dropRefusedPages(refusals: readonly Refusal[], fetched: ReadonlyMap<string, string>): void {
  for (const refusal of refusals) {
    const address = fetched.get(refusal.path);
    if (address === undefined) continue;
    rmSync(refusal.path, { force: true });
    refusal.reason += ` (fetched from ${address}; the saved page is removed)`;
  }
}

function display(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') ? relative : file;
}

/** Sources handed to extraction at a time. */
const ioBatch = 32;

/** Chunks of sources handed to extraction ahead of the planning; this many at most, so a huge run is not all in memory at once. */
const chunksAhead = 64;

/** The temporary name a file is written under before it is renamed into place. */
function temporaryFor(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
}

/** Writes next to the target and renames: readers see the old file or the new one, never half of one. */
function writeAtomically(file: string, content: string): void {
  const temporary = temporaryFor(file);
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

// The writer thread's whole program: plain CommonJS, so it starts without the TypeScript loader.
const writerProgram = `
const { parentPort, workerData } = require('node:worker_threads');
const { closeSync, openSync, renameSync, rmSync, writeFileSync, writeSync } = require('node:fs');
const { journal, stallAfter } = workerData;
let renamed = 0;
parentPort.on('message', (jobs) => {
  const failures = [];
  // Opened for each batch: a descriptor a thread opens is the process's, and outlives the thread.
  let journalFd = null;
  for (const { file, temporary, content, record } of jobs) {
    try {
      writeFileSync(temporary, content);
      if (renamed === stallAfter) {
        writeSync(2, 'stalled at write:' + renamed + ', pid ' + process.pid + '\\n');
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
      }
      // The entry first: a copy renamed into place is always one the journal vouches for.
      if (record !== null) {
        if (journalFd === null) journalFd = openSync(journal, 'a');
        writeSync(journalFd, record);
      }
      renameSync(temporary, file);
      renamed += 1;
    } catch (error) {
      rmSync(temporary, { force: true });
      failures.push(file + ': ' + (error && error.message ? error.message : String(error)));
    }
  }
  if (journalFd !== null) closeSync(journalFd);
  parentPort.postMessage({ done: jobs.length, failures });
});
`;

interface WriteJob {
  file: string;
  temporary: string;
  content: string;
  /** The copy's journal line (manifest.ts journalLine), or null for a write the manifest does not vouch for. */
  record: string | null;
}

/**
 * Writes the copies on a worker thread, each atomically (temporary file, then rename), so the disk's
 * system time overlaps the extraction that goes on meanwhile on the main thread.
 */
class CopyWriter {
  private readonly worker: Worker;
  private queue: WriteJob[] = [];
  private sent = 0;
  private done = 0;
  private readonly failures: string[] = [];
  private wake: (() => void) | undefined;

  /** `journal`: the file each copy's entry is appended to before its rename; `stallAfter`: see fault-points.ts. */
  constructor(journal: string, stallAfter: number | null) {
    this.worker = new Worker(writerProgram, { eval: true, execArgv: [], workerData: { journal, stallAfter } });
    this.worker.on('message', (message: { done: number; failures: string[] }) => {
      this.done += message.done;
      this.failures.push(...message.failures);
      if (this.done === this.sent) this.wake?.();
    });
    this.worker.on('error', (error: Error) => {
      this.failures.push(`the writer thread failed: ${error.message}`);
      this.done = this.sent;
      this.wake?.();
    });
  }

  write(file: string, content: string, record: string | null): void {
    this.queue.push({ file, temporary: temporaryFor(file), content, record });
    if (this.queue.length >= 32) this.flush();
  }

  private flush(): void {
    if (this.queue.length === 0) return;
    this.sent += this.queue.length;
    this.worker.postMessage(this.queue);
    this.queue = [];
  }

  /** Waits for every write; returns the failures ('file: reason'). */
  async close(): Promise<string[]> {
    this.flush();
    if (this.done < this.sent) await new Promise<void>((resolve) => (this.wake = resolve));
    await this.worker.terminate();
    return this.failures;
  }
}

/** One line of the report, whatever the file names hold (report-line.ts). */
function describe(outcome: Outcome): string {
  return printable(describeOutcome(outcome));
}

function describeOutcome(outcome: Outcome): string {
  const { article } = outcome;
  const date = article.date === null ? 'date unknown' : article.dateSource === 'inferred' ? `${article.date}, inferred` : article.date;
  const detail = `(${date}; ${article.figures.length} figures)`;
  switch (outcome.status) {
    case 'kept':
      return `kept       ${outcome.copy} ← ${outcome.path} (edited by hand${outcome.sourceChanged ? '; the source has changed since: compare by hand' : ''})`;
    default:
      return `${outcome.status.padEnd(10)} ${outcome.copy} ← ${outcome.path} ${detail}`;
  }
}

/** Reads the sources and the output folder and plans the run, handing each copy to `writer` as soon as it is ready. */
async function planRun(
  out: string,
  files: readonly CollectedSource[],
  catalogue: Catalogue,
  refusals: Refusal[],
  writer: CopyWriter,
  extractions: Extractions,
  statCache: CopyStats,
): Promise<{ plan: IngestPlan; manifestRaw: string | null }> {
  // The run's order is the files' names, known before any is read: hand them to extraction in it, a chunk at a
  // time, and plan each source as its extraction comes back.
  const entries = ingestOrder(files.map((file) => ({ file: path.basename(file.given), path: display(file.given), location: file.location })));
  const chunks = startAhead(entries, ioBatch, chunksAhead, async (chunk) => {
    extractions.submit(chunk);
    return chunk;
  });
  const { existing, manifestRaw } = await readOutputFolder(out, statCache);
  // A run killed before writing its manifest left a journal: the copies it vouches for are ingest's.
  const journalRaw = readJournal(out);
  const onDisk = new Map(existing.map((copy) => [copy.name, copy.sha256]));
  const long = entries.length >= 1000;
  let written = 0;
  const planner = startIngestPlan({
    existing,
    manifest: applyJournal(parseManifest(manifestRaw), journalRaw, (name) => onDisk.get(name)),
    copyPath: (name) => display(path.join(out, name)),
    catalogue,
    emit: (outcome) => {
      writer.write(path.join(out, outcome.copy), outcome.content!, outcome.record === null ? null : journalLine(outcome.copy, outcome.record));
      written += 1;
      if (long && written % 1000 === 0) process.stderr.write(`… ${written} copies ready\n`);
    },
  });
  let taken = 0;
  for await (const chunk of chunks) {
    for (const entry of chunk) {
      const result = await extractions.result(entry);
      if ('unread' in result) refusals.push(result.unread);
      else planner.add(entry, result.extracted);
      taken += 1;
      if (long && (taken % 1000 === 0 || taken === entries.length)) process.stderr.write(`… read ${taken}/${entries.length}\n`);
    }
  }
  return { plan: planner.finish(), manifestRaw: journalRaw === null ? manifestRaw : null };
}

function readJournal(out: string): string | null {
  try {
    return readFileSync(path.join(out, journalName), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

async function main(): Promise<number> {
  const started = performance.now();
  const startedCpu = process.cpuUsage();
  const args = parseArguments(process.argv.slice(2));
  const stall = stallPoint(process.env['ARCHIVE_INGEST_STALL']);
  // One writer at a time; the lock goes with the process, however it ends.
  mkdirSync(args.out, { recursive: true });
  acquireRunLock(path.join(args.out, ingestLockName), 'ingest');
  for (const name of removeLeftoverTemporaries(args.out)) console.log(printable(`note       removed ${name}, left by an interrupted run`));
  const refusals: Refusal[] = [];
  const fetched = await fetchPages(args, refusals);
  const files = await collectSources(args.inputs, sourceExtensions, refusals);
  const catalogue = prepareCatalogue(operationSchema.array().parse(JSON.parse(await readFile(path.join(projectRoot, 'content/operations.json'), 'utf8'))));
  // A large run reads and extracts on worker threads; a small one on this thread, as each source is planned.
  const threads = extractThreads(files.length, process.env['ARCHIVE_INGEST_THREADS']);
  const extractions: Extractions = threads > 0 ? new ThreadedExtractions(ExtractPool.start(catalogue.operations, threads)) : new LocalExtractions(catalogue);
  if (threads > 0) process.stderr.write(`… extracting on ${threads} worker threads\n`);
  const writer = new CopyWriter(path.join(args.out, journalName), stall?.kind === 'write' ? stall.after : null);
  const statCache = readCopyStats(args.out);
  let run: { plan: IngestPlan; manifestRaw: string | null };
  try {
    run = await planRun(args.out, files, catalogue, refusals, writer, extractions, statCache);
  } catch (error) {
    await Promise.all([writer.close(), extractions.close()]);
    throw error;
  }
  const { plan, manifestRaw } = run;
  await extractions.close();
  const failures = await writer.close();
  // The manifest only ever describes copies that are on disk.
  if (failures.length > 0) throw new Error(`cannot write ${failures.length} copies:\n${failures.join('\n')}`);
  refusals.push(...plan.refusals);
  dropRefusedPages(refusals, fetched);
  console.log(plan.outcomes.map(describe).join('\n'));
  const manifest = formatManifest(plan.manifest);
  if (stall?.kind === 'manifest') stallHere('manifest');
  if (manifest !== manifestRaw) writeAtomically(path.join(args.out, manifestName), manifest);
  if (stall?.kind === 'journal') stallHere('journal');
  // The manifest now holds every entry the journal did.
  rmSync(path.join(args.out, journalName), { force: true });
  // Copies written just now are left out (their stats changed): the next run reads those few.
  try {
    writeCopyStats(args.out, statCache);
  } catch (error) {
    console.log(
      printable(`note       cannot save ${path.join(display(args.out), copyStatsName)} (${(error as Error).message}); the next run reads every copy`),
    );
  }
  for (const note of plan.notes) console.log(printable(`note       ${note}`));
  for (const refusal of refusals) console.error(printable(`refused    ${refusal.path}: ${refusal.reason}`));
  const seconds = (performance.now() - started) / 1000;
  // CPU time too: on a shared machine the wall time says more about the neighbours than about ingest.
  const cpu = process.cpuUsage(startedCpu);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const count = plan.outcomes.length;
  const tally = (['written', 'updated', 'unchanged', 'kept'] as const).map((status) => `${plan.outcomes.filter((o) => o.status === status).length} ${status}`);
  console.log(
    `${count} articles into ${display(args.out)} in ${seconds.toFixed(2)} s (${Math.round(count / Math.max(seconds, 1e-6))} articles/s; ${cpuSeconds.toFixed(2)} s CPU): ${tally.join(', ')}, ${refusals.length} refused`,
  );
  return refusals.length > 0 ? 1 : 0;
}

// exitCode, not process.exit(): on a pipe (`npm run ingest | less`, a CI log) stdout is written
// asynchronously, and exit() dropped everything after the first 64 KB, the summary included.
main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof RunLockHeld) console.error(`ingest: ${printable(error.message)}`);
    else console.error(`ingest failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  },
);
