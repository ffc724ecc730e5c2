/**
 * `npm run bench -- --articles N [--seed S] [--keep] [--json FILE] [--skip hugo|search|incremental]`
 * `npm run bench:ingest -- --articles N` (generate and ingest only)
 *
 * Generates N sources into a temporary folder, ingests them with the
 * project's CLI, builds the site and its search index, builds the same
 * copies with Hugo and Pagefind as the yardstick, rebuilds after adding one
 * article, measures search in Chromium, and prints the figures against the
 * targets of issue 6. Stages are skipped only when asked.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { bundledScript } from '../bundle-cache.mjs';
import { ensureHugo } from './hugo-site.ts';
import { checkTargets, formatReport, type BenchReport, type MachineInfo } from './report.ts';
import { benchQueries, measureSearchStage } from './search-stage.ts';
import { astroBuildStage, generateStage, hugoStage, ingestStage, workspace } from './stages.ts';
import { measureYardstickSearch } from './yardstick-search.ts';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const skippable = ['hugo', 'search', 'incremental'] as const;
type Skippable = (typeof skippable)[number];

interface Options {
  articles: number;
  seed: number;
  keep: boolean;
  json: string | null;
  skip: Set<Skippable>;
  ingestOnly: boolean;
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
      'ingest-only': { type: 'boolean', default: false },
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
  return { articles, seed, keep: values.keep, json: values.json ?? null, skip, ingestOnly: values['ingest-only'] };
}

async function packageVersion(name: string): Promise<string> {
  const manifest = JSON.parse(await readFile(path.join(projectRoot, 'node_modules', name, 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

async function machineInfo(hugo: string | null): Promise<MachineInfo> {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown CPU',
    memoryBytes: os.totalmem(),
    loadAverage: os.loadavg()[0] ?? 0,
    node: process.version,
    astro: await packageVersion('astro'),
    pagefind: await packageVersion('pagefind'),
    hugo,
  };
}

const say = (message: string): void => {
  process.stderr.write(`bench: ${message}\n`);
};

/** Runs every stage of one benchmark in `root` and returns its report. */
async function runBenchmark(options: Options, root: string): Promise<BenchReport> {
  const ws = workspace(projectRoot, root);
  await mkdir(ws.logs, { recursive: true });
  const n = options.articles.toLocaleString('en-US');
  const hugoVersion = options.ingestOnly || options.skip.has('hugo') ? null : ensureHugo(say);
  const startedAt = new Date().toISOString();

  // `npm run ingest` and `npm run build` start from cached bundles (scripts/launch.mjs). Make them now, as any
  // earlier run of the same code has, so the first measured stage does not also bundle the scripts.
  const bundling = performance.now();
  for (const [script, format] of [['ingest.ts', 'esm'], ['build.ts', 'esm'], ['ingest/extract-worker.ts', 'cjs']] as const) {
    await bundledScript(path.join(projectRoot, 'scripts', script), format);
  }
  say(`scripts bundled (or found up to date) in ${((performance.now() - bundling) / 1000).toFixed(2)} s`);
  say(`generating ${n} sources in ${ws.sources}`);
  const generated = await generateStage(ws.sources, options.articles, options.seed);
  say(`ingesting ${n} sources`);
  const ingest = await ingestStage(ws, [ws.sources], options.articles, 'ingest');
  if (ingest.articles !== options.articles) throw new Error(`ingest wrote ${ingest.articles} copies for ${options.articles} sources`);

  const report: Omit<BenchReport, 'targets'> = {
    articles: options.articles,
    seed: options.seed,
    startedAt,
    machine: await machineInfo(hugoVersion),
    generate: { seconds: generated.seconds, size: generated.size, files: generated.files.length },
    ingest,
    build: null,
    hugo: null,
    incremental: null,
    search: null,
    yardstickSearch: null,
  };
  if (options.ingestOnly) return { ...report, targets: checkTargets(report) };

  say('astro build (with its Pagefind hook)');
  report.build = await astroBuildStage(ws, 'astro-build');
  // A build that 'succeeds' with missing pages would make every figure below meaningless.
  if (report.build.storyPages !== options.articles) throw new Error(`astro build wrote ${report.build.storyPages} story pages for ${options.articles} articles`);
  if (!options.skip.has('hugo')) {
    say('hugo build and pagefind over the same copies');
    report.hugo = await hugoStage(ws);
  }
  // Search runs on the N-article site, before the incremental article is added.
  if (!options.skip.has('search')) {
    say('search in Chromium');
    report.search = await measureSearchStage(ws.dist);
    if (report.hugo?.pagefindFailure === null) {
      say("the same queries with Pagefind's API on Hugo's pages");
      report.yardstickSearch = await measureYardstickSearch(path.join(ws.hugo, 'public'), benchQueries);
    }
  }
  if (!options.skip.has('incremental')) {
    say('incremental: one more article, ingest and rebuild');
    const extra = path.join(root, 'extra-source');
    const added = await generateStage(extra, 1, options.seed, options.articles);
    const ingestOne = await ingestStage(ws, added.files.map((name) => path.join(extra, name)), 1, 'ingest-incremental');
    const rebuild = await astroBuildStage(ws, 'astro-rebuild');
    if (rebuild.storyPages !== options.articles + 1) throw new Error(`the incremental build left ${rebuild.storyPages} story pages for ${options.articles + 1} articles`);
    // The floor under any rebuild of this archive: the same build with nothing to do.
    say('incremental: the same build once more, nothing changed');
    const unchanged = await astroBuildStage(ws, 'astro-rebuild-unchanged');
    report.incremental = { ingest: ingestOne, build: rebuild, seconds: ingestOne.seconds + rebuild.total.seconds, unchanged };
  }
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
