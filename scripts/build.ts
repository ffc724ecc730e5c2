/**
 * `npm run build`: runs `astro build` (arguments passed through) with a V8
 * heap limit sized to the archive (src/lib/heap-size.ts), which halves the
 * build's memory at no cost in time. NODE_OPTIONS with its own
 * --max-old-space-size, or ARCHIVE_BUILD_HEAP_MIB, wins. Should the build
 * still run out of heap, it is run once more with twice the limit, and the
 * message says how to set it. A build whose pages read a content store Astro
 * had not finished writing fails (src/lib/content-sync-check.ts) and is run
 * once more. The search index is built alongside rendering or, when both
 * would not fit the build's memory budget, once the astro process has exited
 * (src/lib/index-schedule.ts, src/integrations/index-after-build.ts).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { freemem, tmpdir } from 'node:os';
import path from 'node:path';
import { indexAfterBuild } from '../src/integrations/index-after-build';
import { ReadWhileRendering } from '../src/integrations/read-while-rendering';
import { articlesFolder } from '../src/lib/content-folders';
import { outOfStepMarker } from '../src/lib/content-sync-check';
import { heapLimitIn, heapNeededMiB, ranOutOfHeap } from '../src/lib/heap-size';
import { handoffVariable } from '../src/lib/index-handoff';
import { chooseIndexSchedule, memoryBudgetFrom, requestedIndexSchedule } from '../src/lib/index-schedule';

const args = process.argv.slice(2);
// Astro's CLI, as its package.json's "bin" names it (the file itself is not in its exports).
const astroPackage = createRequire(import.meta.url).resolve('astro/package.json');
const astro = path.join(path.dirname(astroPackage), (JSON.parse(readFileSync(astroPackage, 'utf8')) as { bin: { astro: string } }).bin.astro);

/** Stories in the folder the build will read, as the content config finds it. */
async function countStories(): Promise<number> {
  const rootIndex = args.indexOf('--root');
  const root = rootIndex >= 0 && args[rootIndex + 1] ? path.resolve(args[rootIndex + 1]!) : process.cwd();
  const folder = path.resolve(root, articlesFolder(process.env));
  const names = await readdir(folder).catch(() => [] as string[]);
  return names.filter((name) => name.endsWith('.md')).length;
}

interface BuildRun {
  code: number;
  outOfHeap: boolean;
  /** The pages read a content store Astro had not finished writing (see src/lib/content-sync-check.ts). */
  outOfStep: boolean;
}

/** Set when the index is built after the astro process exits: where that process leaves what to index. */
let handoffFile: string | null = null;

/** Set with handoffFile: Pagefind reads a shard whose pages are written while Astro renders the rest. */
let earlyRead: ReadWhileRendering | null = null;

/** Runs astro build with the given heap limit (null: Node's own). */
function build(heapMiB: number | null): Promise<BuildRun> {
  return new Promise((resolve, reject) => {
    const flags = heapMiB === null ? [] : [`--max-old-space-size=${heapMiB}`];
    // glibc gives each thread that allocates its own arena (libuv's pool reads and writes every page): in two
    // pairs of 10,000-story builds the astro process peaked 17 and 47 MB higher with them than with two
    // arenas (or one), in the same time within the machine's noise.
    const env = { ...process.env, MALLOC_ARENA_MAX: process.env['MALLOC_ARENA_MAX'] ?? '2', ...(handoffFile ? { [handoffVariable]: handoffFile } : {}) };
    // Indexing after Astro, an IPC channel too: the astro process reports each stale shard whose pages are written.
    const child = spawn(process.execPath, [...flags, astro, 'build', ...args], { stdio: earlyRead ? ['inherit', 'inherit', 'pipe', 'ipc'] : ['inherit', 'inherit', 'pipe'], env });
    const reader = earlyRead;
    if (reader) child.on('message', (message) => reader.offer(message));
    // V8's out-of-heap message goes to stderr: pass it on, and note it as it passes. A native stack trace
    // of several KB can follow it, so the end of stderr alone may no longer hold it.
    let tail = '';
    let outOfHeap = false;
    let outOfStep = false;
    // Piped above: never null.
    child.stderr?.on('data', (chunk: Buffer) => {
      process.stderr.write(chunk);
      // The previous chunk's end too, for a message split between two chunks.
      tail = tail.slice(-256) + chunk.toString('utf8');
      outOfHeap ||= ranOutOfHeap(tail);
      outOfStep ||= tail.includes(outOfStepMarker);
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), outOfHeap, outOfStep }));
  });
}

/** Builds once more when the pages read a half-written content store: by then Astro has finished writing it. */
async function buildInStep(heapMiB: number | null): Promise<BuildRun> {
  const run = await build(heapMiB);
  // Pages read while a failed run rendered may not be the ones the next run writes.
  if (run.code !== 0) await earlyRead?.discard();
  if (run.code === 0 || !run.outOfStep) return run;
  console.error('build: the pages read a content store Astro had not finished writing (withastro/astro#15453); building again.');
  const again = await build(heapMiB);
  if (again.code !== 0) await earlyRead?.discard();
  return again;
}

/** Memory this build may use: what the system has free, within the cgroup's limit where there is one. */
function availableMemory(): number {
  // process.availableMemory arrived in Node 20.13; freemem() is MemAvailable, without the cgroup's limit.
  return typeof process.availableMemory === 'function' ? process.availableMemory() : freemem();
}

/** Builds, then, when indexing alongside would not fit in memory, indexes once Astro has exited (its memory handed back first). */
async function main(): Promise<number> {
  const stories = await countStories();
  const choice = chooseIndexSchedule({
    requested: requestedIndexSchedule(process.env),
    stories,
    shardSizeSetting: process.env['ARCHIVE_SEARCH_SHARD_SIZE'],
    budgetBytes: memoryBudgetFrom(process.env),
    freeBytes: availableMemory(),
  });
  console.log(`build: ${choice.reason}`);
  if (choice.schedule === 'alongside') return astroBuild(stories);
  const handoffDir = mkdtempSync(path.join(tmpdir(), 'archive-index-'));
  handoffFile = path.join(handoffDir, 'handoff.json');
  const logger = { info: (message: string) => console.log(`[archive-pagefind] ${message}`) };
  earlyRead = new ReadWhileRendering({ stories, budgetBytes: memoryBudgetFrom(process.env), freeBytes: availableMemory, logger });
  try {
    const code = await astroBuild(stories);
    if (code !== 0) return code;
    console.log('build: astro build done; building the search index');
    await indexAfterBuild(handoffFile, logger, earlyRead.take());
    return 0;
  } finally {
    rmSync(handoffDir, { recursive: true, force: true });
  }
}

async function astroBuild(stories: number): Promise<number> {
  const inherited = heapLimitIn(process.env['NODE_OPTIONS'] ?? '');
  const chosen = process.env['ARCHIVE_BUILD_HEAP_MIB'];
  if (chosen !== undefined && !/^\d+$/.test(chosen)) throw new Error(`ARCHIVE_BUILD_HEAP_MIB must be a number of MiB, not '${chosen}'`);
  if (inherited !== null) return (await buildInStep(null)).code;
  const heap = chosen !== undefined ? Number(chosen) : heapNeededMiB(stories);
  console.log(`build: ${stories.toLocaleString('en-US')} stories, V8 heap limit ${heap} MiB${chosen !== undefined ? ' (ARCHIVE_BUILD_HEAP_MIB)' : ''}`);
  const first = await buildInStep(heap);
  if (!first.outOfHeap) return first.code;
  console.error(
    `build: ran out of its ${heap} MiB heap; building again with ${heap * 2} MiB. Set ARCHIVE_BUILD_HEAP_MIB=${heap * 2} to start there.`,
  );
  const second = await buildInStep(heap * 2);
  if (second.outOfHeap) console.error(`build: ran out of ${heap * 2} MiB too; set ARCHIVE_BUILD_HEAP_MIB to a larger limit.`);
  return second.code;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`build: ${(error as Error).message}`);
    process.exit(1);
  },
);
