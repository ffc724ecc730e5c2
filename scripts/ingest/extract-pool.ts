/**
 * Extraction on worker threads. Reading an article (sentences, operations,
 * dates, figures) is most of ingest's CPU time and each source is read on
 * its own, so a large run extracts batches of sources on as many threads as
 * the machine has cores, while the main thread names, dates and renders the
 * copies in order as the batches come back.
 */
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Catalogue } from '../../src/domain/ingest/build-article.ts';
import type { Operation } from '../../src/domain/schema.ts';
import { isPageFile, loadPageReader } from '../../src/domain/ingest/page-reader.ts';
import { extractFile, type FileResult, type SourceEntry } from './extract-file.ts';

export interface ExtractRequest {
  id: number;
  sources: readonly SourceEntry[];
}

export type ExtractResult = FileResult | { thrown: string };

export interface ExtractReply {
  id: number;
  results: ExtractResult[];
}

/** Below this many sources, starting the threads (about 0.4 s) costs about what they would save. */
export const threadedFrom = 400;

/**
 * Threads for a run of `count` sources: ARCHIVE_INGEST_THREADS when set (0: extract on the main
 * thread), else none for a small run and one a core for a large one.
 */
export function extractThreads(count: number, setting: string | undefined, cores = availableParallelism()): number {
  if (setting !== undefined && setting !== '') {
    const threads = Number(setting);
    if (!Number.isInteger(threads) || threads < 0) throw new Error(`ARCHIVE_INGEST_THREADS must be a whole number, 0 or more, not '${setting}'`);
    return threads;
  }
  return count >= threadedFrom && cores > 1 ? Math.min(cores, 4) : 0;
}

/** The thread's program: Node runs its TypeScript as it runs the CLI's. */
function workerProgramFile(): Promise<string> {
  return Promise.resolve(fileURLToPath(new URL('./extract-worker.ts', import.meta.url)));
}

interface Pending {
  request: ExtractRequest;
  resolve: (results: ExtractResult[]) => void;
  reject: (error: Error) => void;
}

/** A fixed set of extraction threads; each batch goes to the first free thread. */
export class ExtractPool {
  private readonly idle: Worker[] = [];
  private readonly workers: Worker[] = [];
  private readonly queue: Pending[] = [];
  private readonly running = new Map<Worker, Pending>();
  private nextId = 0;
  private failure: Error | null = null;

  /** Starts `threads` extraction threads for this catalogue. */
  static async start(operations: readonly Operation[], threads: number): Promise<ExtractPool> {
    if (threads < 1) throw new Error('an extraction pool needs at least one thread');
    return new ExtractPool(await workerProgramFile(), operations, threads);
  }

  private constructor(programFile: string, operations: readonly Operation[], threads: number) {
    for (let n = 0; n < threads; n += 1) {
      const worker = new Worker(programFile, { workerData: { operations } });
      worker.on('message', (reply: ExtractReply) => this.settle(worker, reply));
      worker.on('error', (error: Error) => this.fail(new Error(`an extraction thread failed: ${error.message}`)));
      worker.on('exit', (code) => {
        if (this.running.has(worker) || (code !== 0 && this.failure === null && this.workers.includes(worker))) {
          this.fail(new Error(`an extraction thread stopped (exit code ${code})`));
        }
      });
      this.workers.push(worker);
      this.idle.push(worker);
    }
  }

  /** Reads and extracts a batch of sources; resolves with one result per source, in order. */
  extract(sources: readonly SourceEntry[]): Promise<ExtractResult[]> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.queue.push({ request: { id: this.nextId++, sources }, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop()!;
      const pending = this.queue.shift()!;
      this.running.set(worker, pending);
      worker.postMessage(pending.request);
    }
  }

  private settle(worker: Worker, reply: ExtractReply): void {
    const pending = this.running.get(worker);
    this.running.delete(worker);
    this.idle.push(worker);
    if (pending === undefined || pending.request.id !== reply.id) {
      this.fail(new Error(`an extraction thread answered batch ${reply.id}, which it was not working on`));
      return;
    }
    pending.resolve(reply.results);
    this.dispatch();
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    for (const pending of [...this.running.values(), ...this.queue]) pending.reject(error);
    this.running.clear();
    this.queue.length = 0;
  }

  /** Stops the threads. */
  async close(): Promise<void> {
    const workers = this.workers.splice(0);
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

/** Sources read and extracted as the run takes them: submitted a chunk at a time, each result taken once, in the run's order. */
export interface Extractions {
  submit(sources: readonly SourceEntry[]): void;
  /** extractFile's result for a submitted source; throws when its thread failed or extraction threw. */
  result(source: SourceEntry): Promise<FileResult>;
  close(): Promise<void>;
}

/** Extraction on the pool's threads: a chunk starts as soon as it is submitted, ahead of the run taking its results. */
export class ThreadedExtractions implements Extractions {
  private readonly results = new Map<SourceEntry, Promise<ExtractResult>>();
  private readonly pool: Promise<ExtractPool>;

  constructor(pool: Promise<ExtractPool>) {
    this.pool = pool;
    // A pool that fails to start is reported by the first result taken.
    pool.catch(() => undefined);
  }

  submit(sources: readonly SourceEntry[]): void {
    if (sources.length === 0) return;
    const reply = this.pool.then((pool) => pool.extract(sources));
    sources.forEach((source, index) => {
      const result = reply.then((results) => results[index]!);
      // Taken (and any failure thrown) in the run's order, later; not an unhandled rejection meanwhile.
      result.catch(() => undefined);
      this.results.set(source, result);
    });
  }

  async result(source: SourceEntry): Promise<FileResult> {
    const pending = this.results.get(source);
    if (pending === undefined) throw new Error(`${source.path} was never handed to an extraction thread`);
    this.results.delete(source);
    const result = await pending;
    if ('thrown' in result) throw new Error(`extracting ${source.path} failed: ${result.thrown}`);
    return result;
  }

  async close(): Promise<void> {
    const pool = await this.pool.catch(() => null);
    await pool?.close();
  }
}

/** Extraction on the main thread, when the result is taken: for a small run, where starting threads costs more than it saves. */
export class LocalExtractions implements Extractions {
  private readonly catalogue: Catalogue;

  constructor(catalogue: Catalogue) {
    this.catalogue = catalogue;
  }

  submit(): void {}

  async result(source: SourceEntry): Promise<FileResult> {
    if (isPageFile(source.file)) await loadPageReader();
    return extractFile(source, this.catalogue);
  }

  async close(): Promise<void> {}
}
