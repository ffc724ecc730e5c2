/**
 * `npm run bench -- --articles N [--seed S] [--skip hugo,incremental] [--machinery] [--json FILE] [--keep]`
 *
 * In a temporary folder: generates N sources, ingests them with the
 * project's CLI, runs the full build and index (`npm run build`'s script),
 * builds the same copies with Hugo and indexes them with the Pagefind CLI
 * (the yardstick, in the same run), then adds one article (ingest and
 * rebuild). Prints a table and the targets of issue 22. `--machinery` also
 * measures, in the same run, what each piece of ingest and build machinery
 * buys (with it against without it).
 */
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { hugoVersion } from './hugo-site.ts';
import { checkTargets, formatReport, type AddedFigures, type BenchReport, type MachineInfo, type MachineryFigures } from './report.ts';
import { buildStage, generateStage, hugoStage, ingestStage, workspace, type BuildResult, type IngestResult, type Workspace } from './stages.ts';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const skippable = ['hugo', 'incremental', 'search'] as const;
type Skippable = (typeof skippable)[number];
/** One-article ingests per side in --machinery: each takes about a second, so one alone is mostly noise. */
const oneArticleRepeats = 3;

interface Options {
  articles: number;
  seed: number;
  keep: boolean;
  json: string | null;
  skip: Set<Skippable>;
  machinery: boolean;
}

function readOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      articles: { type: 'string' },
      seed: { type: 'string', default: '1' },
      keep: { type: 'boolean', default: false },
      json: { type: 'string' },
      skip: { type: 'string', multiple: true, default: [] },
      machinery: { type: 'boolean', default: false },
    },
  });
  const articles = Number(values.articles);
  if (!Number.isInteger(articles) || articles < 1) throw new Error('--articles N is required: a positive whole number');
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) throw new Error('--seed must be a whole number');
  const skip = new Set<Skippable>();
  for (const name of values.skip.flatMap((value) => value.split(','))) {
    if (!(skippable as readonly string[]).includes(name)) throw new Error(`--skip takes ${skippable.join(', ')}; got '${name}'`);
    skip.add(name as Skippable);
  }
  if (values.machinery && skip.has('incremental')) throw new Error('--machinery compares against the one-article rebuild: do not skip incremental');
  return { articles, seed, keep: values.keep, json: values.json ?? null, skip, machinery: values.machinery };
}

function packageVersion(name: string): string {
  return (JSON.parse(readFileSync(path.join(projectRoot, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
}

function machineInfo(hugo: string | null): MachineInfo {
  return {
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown CPU',
    memoryBytes: os.totalmem(),
    loadAverage: os.loadavg()[0] ?? 0,
    node: process.version,
    astro: packageVersion('astro'),
    pagefind: packageVersion('pagefind'),
    hugo,
  };
}

const say = (message: string): void => void process.stderr.write(`bench: ${message}\n`);

function expectCount(what: string, found: number, wanted: number): void {
  // A stage that 'succeeds' with missing pages or copies would make every figure after it meaningless.
  if (found !== wanted) throw new Error(`${what}: ${found}, expected ${wanted}`);
}

/** Ingests one newly generated source (index `index`) into the workspace's copies. */
async function ingestOne(ws: Workspace, seed: number, index: number, log: string): Promise<IngestResult> {
  const added = await generateStage(path.join(ws.root, 'added', String(index)), 1, seed, index);
  return ingestStage(ws, { out: ws.articles, inputs: added.files, sources: 1, log });
}

async function addOneArticle(ws: Workspace, articles: number, seed: number): Promise<AddedFigures> {
  const ingest = await ingestOne(ws, seed, articles, 'added-ingest');
  expectCount('copies after one added', ingest.copies, articles + 1);
  const build = await buildStage(ws, { cache: ws.cache, log: 'added-build' });
  expectCount('story pages after one added', build.storyPages, articles + 1);
  return { ingest, build, seconds: ingest.seconds + build.seconds };
}

/**
 * Each piece with and without it, run back to back: on a shared machine the load drifts within minutes,
 * so a pair measured far apart (the main ingest against one at the end) would compare the load, not the piece.
 */
async function measureMachinery(ws: Workspace, options: Options): Promise<MachineryFigures> {
  const n = options.articles;
  say('(c) rebuild with nothing changed: cache folder kept, then a fresh one');
  const kept: BuildResult = await buildStage(ws, { cache: ws.cache, log: 'machinery-kept-cache-build' });
  const fresh: BuildResult = await buildStage(ws, { cache: path.join(ws.root, 'cache-fresh'), log: 'machinery-fresh-cache-build' });
  for (const [what, build] of [
    ['kept', kept],
    ['fresh', fresh],
  ] as const)
    expectCount(`story pages, cache ${what}`, build.storyPages, n + 1);

  say('(a) the N sources into an empty folder: worker threads as by default, then ARCHIVE_INGEST_THREADS=0');
  const intoEmpty = async (name: string, env: NodeJS.ProcessEnv): Promise<IngestResult> => {
    const out = path.join(ws.root, name);
    const result = await ingestStage(ws, { out, inputs: [ws.sources], sources: n, log: `machinery-${name}`, env });
    expectCount(`copies ingested (${name})`, result.copies, n);
    await rm(out, { recursive: true, force: true });
    return result;
  };
  const threaded = await intoEmpty('ingest-threaded', {});
  const unthreaded = await intoEmpty('ingest-unthreaded', { ARCHIVE_INGEST_THREADS: '0' });

  const statFile = path.join(ws.articles, '.copy-stats.json');
  const dropStats = (): Promise<void> => rm(statFile, { force: true });
  say('(b) the N sources again into their unchanged folder, stat cache kept, then deleted');
  const reingestArgs = { out: ws.articles, inputs: [ws.sources], sources: n };
  const reingestWith = await ingestStage(ws, { ...reingestArgs, log: 'machinery-reingest-with-stats' });
  await dropStats();
  const reingestWithout = await ingestStage(ws, { ...reingestArgs, log: 'machinery-reingest-without-stats' });

  say(`(b) one new article, stat cache kept, then deleted, ${oneArticleRepeats} times each`);
  const oneWith: IngestResult[] = [];
  const oneWithout: IngestResult[] = [];
  // Each run adds a source of its own, after the one-article stage's (index n).
  for (let repeat = 0; repeat < oneArticleRepeats; repeat += 1) {
    oneWith.push(await ingestOne(ws, options.seed, n + 1 + 2 * repeat, `machinery-one-with-stats-${repeat}`));
    await dropStats();
    oneWithout.push(await ingestOne(ws, options.seed, n + 2 + 2 * repeat, `machinery-one-without-stats-${repeat}`));
  }
  expectCount('copies after the one-article ingests', oneWithout.at(-1)!.copies, n + 1 + 2 * oneArticleRepeats);
  return {
    ingestThreads: { with: threaded, without: unthreaded },
    copyStats: { reingest: { with: reingestWith, without: reingestWithout }, oneArticle: { with: oneWith, without: oneWithout } },
    loaderSkip: { with: kept, without: fresh },
  };
}

async function runBenchmark(options: Options, root: string): Promise<BenchReport> {
  const ws = workspace(projectRoot, root);
  await mkdir(ws.logs, { recursive: true });
  // Before anything slow: a missing Hugo should fail the run at once, with the way to install it.
  const hugo = options.skip.has('hugo') ? null : hugoVersion();
  if (options.skip.has('search')) say('search is not timed by this bench (the search tests cover the page): nothing to skip');
  const machine = machineInfo(hugo);
  const startedAt = new Date().toISOString();
  const n = options.articles.toLocaleString('en-US');

  say(`generating ${n} sources in ${ws.sources}`);
  const generated = await generateStage(ws.sources, options.articles, options.seed);
  say(`ingesting ${n} sources`);
  const ingest = await ingestStage(ws, { out: ws.articles, inputs: [ws.sources], sources: options.articles, log: 'ingest' });
  expectCount('copies ingested', ingest.copies, options.articles);

  say('full build and index');
  const build = await buildStage(ws, { cache: ws.cache, log: 'build' });
  expectCount('story pages built', build.storyPages, options.articles);

  let hugoResult = null;
  if (hugo !== null) {
    say('yardstick: hugo build and the pagefind CLI over the same copies');
    hugoResult = await hugoStage(ws);
    expectCount("Hugo's story pages", hugoResult.storyPages, options.articles);
    await rm(path.join(root, 'hugo'), { recursive: true, force: true });
  }
  let added: AddedFigures | null = null;
  if (!options.skip.has('incremental')) {
    say('one article added: ingest and rebuild');
    added = await addOneArticle(ws, options.articles, options.seed);
  }
  const machinery = options.machinery && added ? await measureMachinery(ws, options) : null;
  const report = {
    articles: options.articles,
    seed: options.seed,
    startedAt,
    machine,
    generate: { seconds: generated.seconds, files: generated.files.length },
    ingest,
    build,
    hugo: hugoResult,
    added,
    machinery,
  };
  return { ...report, targets: checkTargets(report) };
}

async function main(): Promise<void> {
  const options = readOptions(process.argv.slice(2));
  const root = await mkdtemp(path.join(os.tmpdir(), 'archive-bench-'));
  try {
    const report = await runBenchmark(options, root);
    process.stdout.write(`${formatReport(report)}\n`);
    if (options.json) {
      await writeFile(path.resolve(options.json), `${JSON.stringify(report, null, 2)}\n`);
      say(`figures written to ${options.json}`);
    }
  } finally {
    if (options.keep) say(`kept ${root} (logs in ${path.join(root, 'logs')})`);
    else await rm(root, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
