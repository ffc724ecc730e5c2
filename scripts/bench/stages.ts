/**
 * The benchmark's stages, each run as the project runs it (the ingest CLI,
 * `npm run build`'s script, Debian's hugo, the Pagefind CLI) and measured
 * from outside (measure-process.ts).
 */
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { writeSources } from './generate-sources.ts';
import { prepareHugoSite } from './hugo-site.ts';
import { assertSucceeded, runMeasured, type MeasuredRun, type MemorySample, type TimedLine } from './measure-process.ts';

export interface StageFigures {
  seconds: number;
  cpuSeconds: number;
  /** Peak summed RSS of the stage's process tree, bytes. */
  peakTreeBytes: number;
}

export interface Workspace {
  /** The project root: the build's --root. */
  projectRoot: string;
  /** The temporary folder everything else goes into. */
  root: string;
  sources: string;
  articles: string;
  cache: string;
  dist: string;
  logs: string;
}

export function workspace(projectRoot: string, root: string): Workspace {
  const at = (name: string): string => path.join(root, name);
  return { projectRoot, root, sources: at('sources'), articles: at('articles'), cache: at('cache'), dist: at('dist'), logs: at('logs') };
}

const figures = (run: MeasuredRun): StageFigures => ({ seconds: run.seconds, cpuSeconds: run.cpuSeconds, peakTreeBytes: run.peakTreeBytes });

/** Writes `count` generated sources (from index `first`) into `directory`; returns their paths. */
export async function generateStage(directory: string, count: number, seed: number, first = 0): Promise<{ seconds: number; files: string[] }> {
  const started = performance.now();
  const names = await writeSources(directory, { count, seed, first });
  return { seconds: (performance.now() - started) / 1000, files: names.map((name) => path.join(directory, name)) };
}

export interface IngestResult extends StageFigures {
  /** Sources given to this run. */
  sources: number;
  /** Article copies in the output folder afterwards. */
  copies: number;
  articlesPerSecond: number;
}

async function countCopies(directory: string): Promise<number> {
  return (await readdir(directory).catch(() => [])).filter((name) => name.endsWith('.md')).length;
}

/**
 * `npm run ingest -- --out <folder> <inputs...>` as npm runs it, without npm's own start-up.
 * `sources` is how many sources the inputs hold, for articles/s.
 */
export async function ingestStage(
  ws: Workspace,
  options: { out: string; inputs: readonly string[]; sources: number; log: string; env?: NodeJS.ProcessEnv },
): Promise<IngestResult> {
  const script = [path.join(ws.projectRoot, 'scripts', 'ingest.ts')];
  const run = await runMeasured(process.execPath, [...script, '--out', options.out, ...options.inputs], {
    cwd: ws.projectRoot,
    env: { ...process.env, ...options.env },
    logFile: path.join(ws.logs, `${options.log}.log`),
  });
  assertSucceeded(run, 'ingest');
  return { ...figures(run), sources: options.sources, copies: await countCopies(options.out), articlesPerSecond: options.sources / run.seconds };
}

export interface BuildPhase {
  name: string;
  seconds: number;
  peakTreeBytes: number;
}

export interface BuildResult extends StageFigures {
  /** stories/<slug>/ folders in the output. */
  storyPages: number;
  /** The loader's own count: copies parsed, and copies kept from the content store unchanged. */
  loader: { read: number; unchanged: number } | null;
  /** Cut by the log lines that end each; null when one of them is missing (Astro changed its log). */
  phases: BuildPhase[] | null;
}

/** Each phase ends with the first line that contains its marker, in this order. */
const phaseEnds: readonly [string, string][] = [
  ['start-up and content sync', '[content] Synced content'],
  ['bundling', 'generating static routes'],
  ['rendering', '[build] Complete!'],
  ['search index', 'build: search index of'],
];

function peakBetween(samples: readonly MemorySample[], from: number, to: number): number {
  // The sample in effect when the phase starts counts too: a short phase may hold no sample of its own.
  const before = samples.filter((sample) => sample.ms <= from).at(-1);
  return samples.filter((sample) => sample.ms > from && sample.ms <= to).reduce((peak, sample) => Math.max(peak, sample.bytes), before?.bytes ?? 0);
}

/** The build's phases from its log: each marker line's arrival ends one phase; the swap into place is the rest. */
export function buildPhases(lines: readonly TimedLine[], samples: readonly MemorySample[], seconds: number): BuildPhase[] | null {
  const phases: BuildPhase[] = [];
  let from = 0;
  let searchFrom = 0;
  for (const [name, marker] of phaseEnds) {
    const index = lines.findIndex((line, at) => at >= searchFrom && line.text.includes(marker));
    if (index < 0) return null;
    const to = lines[index]!.ms;
    phases.push({ name, seconds: (to - from) / 1000, peakTreeBytes: peakBetween(samples, from, to) });
    from = to;
    searchFrom = index + 1;
  }
  phases.push({ name: 'swap into place', seconds: seconds - from / 1000, peakTreeBytes: peakBetween(samples, from, seconds * 1000) });
  return phases;
}

function loaderCounts(lines: readonly TimedLine[]): BuildResult['loader'] {
  const match = lines.map((line) => /\[article-loader\] \d+ stories: (\d+) read, (\d+) unchanged/.exec(line.text)).find((found) => found !== null);
  return match ? { read: Number(match[1]), unchanged: Number(match[2]) } : null;
}

/** `npm run build`'s script over the workspace's copies into `dist`, with the content cache in `cache`. */
export async function buildStage(ws: Workspace, options: { cache: string; log: string }): Promise<BuildResult> {
  // With outDir outside the working directory Astro stages server chunks in <cwd>/.astro/: a folder of
  // this run's own inside the project (git-ignored tmp/) still resolves node_modules and is shared with no other build.
  await mkdir(path.join(ws.projectRoot, 'tmp'), { recursive: true });
  const cwd = await mkdtemp(path.join(ws.projectRoot, 'tmp', 'bench-'));
  let run: MeasuredRun;
  try {
    run = await runMeasured(process.execPath, [path.join(ws.projectRoot, 'src', 'build', 'build.ts'), '--root', ws.projectRoot, '--outDir', ws.dist], {
      cwd,
      env: { ...process.env, ARCHIVE_ARTICLES: ws.articles, ARCHIVE_CACHE_DIR: options.cache, NO_COLOR: '1' },
      logFile: path.join(ws.logs, `${options.log}.log`),
    });
  } finally {
    // tmp/ itself stays: a build test may be about to make its own folder in it.
    await rm(cwd, { recursive: true, force: true });
  }
  assertSucceeded(run, 'build');
  return {
    ...figures(run),
    storyPages: (await readdir(path.join(ws.dist, 'stories')).catch(() => [])).length,
    loader: loaderCounts(run.lines),
    phases: buildPhases(run.lines, run.samples, run.seconds),
  };
}

export interface HugoResult {
  build: StageFigures;
  pagefind: StageFigures;
  /** Hugo build plus Pagefind: the yardstick for the full build and index. */
  seconds: number;
  storyPages: number;
}

/** Builds the same article copies with Hugo, then indexes Hugo's story pages with the Pagefind CLI, as the build indexes its own. */
export async function hugoStage(ws: Workspace): Promise<HugoResult> {
  const site = path.join(ws.root, 'hugo');
  await prepareHugoSite(site, ws.articles);
  const publicDir = path.join(site, 'public');
  const build = await runMeasured('hugo', ['--quiet', '--source', site, '--destination', publicDir], { cwd: site, logFile: path.join(ws.logs, 'hugo.log') });
  assertSucceeded(build, 'hugo');
  const pagefind = await runMeasured(
    path.join(ws.projectRoot, 'node_modules', '.bin', 'pagefind'),
    ['--site', publicDir, '--glob', 'stories/*/index.html', '--force-language', 'en'],
    { cwd: site, logFile: path.join(ws.logs, 'hugo-pagefind.log') },
  );
  assertSucceeded(pagefind, 'pagefind on hugo');
  const storyPages = (await readdir(path.join(publicDir, 'stories'), { withFileTypes: true })).filter((entry) => entry.isDirectory()).length;
  return { build: figures(build), pagefind: figures(pagefind), seconds: build.seconds + pagefind.seconds, storyPages };
}
