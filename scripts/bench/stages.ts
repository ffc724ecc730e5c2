/**
 * The benchmark's stages, each run as the project runs it (the ingest CLI,
 * `astro build` with its Pagefind integration, Debian's hugo, the Pagefind
 * CLI) and measured from outside: wall time and peak memory.
 */
import { mkdir, readdir, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import { parseBuildLog, type BuildPhase, type RouteTiming } from './astro-phases.ts';
import { folderSize, type FolderSize } from './disk-usage.ts';
import { writeSources } from './generate-sources.ts';
import { prepareHugoSite } from './hugo-site.ts';
import { assertSucceeded, runMeasured, type MeasuredRun } from './measure-process.ts';

export interface StageFigures {
  seconds: number;
  /** Peak summed RSS of the stage's process tree, bytes. */
  peakTreeBytes: number;
  /** Peak RSS of its largest single process (GNU time), bytes; null without /usr/bin/time. */
  peakProcessBytes: number | null;
}

export interface Workspace {
  /** The project root: commands run here. */
  projectRoot: string;
  /** The temporary folder everything else goes into. */
  root: string;
  sources: string;
  articles: string;
  cache: string;
  dist: string;
  hugo: string;
  logs: string;
}

/** The folders of one run under `root`. */
export function workspace(projectRoot: string, root: string): Workspace {
  return {
    projectRoot,
    root,
    sources: path.join(root, 'sources'),
    articles: path.join(root, 'articles'),
    cache: path.join(root, 'cache'),
    dist: path.join(root, 'dist'),
    hugo: path.join(root, 'hugo'),
    logs: path.join(root, 'logs'),
  };
}

function figures(run: MeasuredRun): StageFigures {
  return { seconds: run.seconds, peakTreeBytes: run.peakTreeBytes, peakProcessBytes: run.peakProcessBytes };
}

const bin = (ws: Workspace, name: string): string => path.join(ws.projectRoot, 'node_modules', '.bin', name);

export interface GenerateResult {
  seconds: number;
  files: string[];
  size: FolderSize;
}

/** Writes `count` generated sources (from index `first`) into `directory`. */
export async function generateStage(directory: string, count: number, seed: number, first = 0): Promise<GenerateResult> {
  const started = performance.now();
  const files = await writeSources(directory, { count, seed, first });
  const seconds = (performance.now() - started) / 1000;
  return { seconds, files, size: await folderSize(directory) };
}

export interface IngestResult extends StageFigures {
  /** Article copies in the output folder afterwards. */
  articles: number;
  articlesPerSecond: number;
}

async function countFiles(directory: string, suffix: string): Promise<number> {
  try {
    return (await readdir(directory)).filter((name) => name.endsWith(suffix)).length;
  } catch {
    return 0;
  }
}

/** How many `stories/<slug>/index.html` pages a built site has. */
async function countStoryPages(siteDir: string): Promise<number> {
  const stories = path.join(siteDir, 'stories');
  let entries;
  try {
    entries = await readdir(stories, { withFileTypes: true });
  } catch {
    return 0;
  }
  let pages = 0;
  for (const entry of entries) {
    if (entry.isDirectory() && (await countFiles(path.join(stories, entry.name), 'index.html')) === 1) pages += 1;
  }
  return pages;
}

/**
 * `npm run ingest -- --out <articles> <inputs...>`, the project's CLI, measured. Run as `npm run ingest`
 * runs it, without npm itself (0.3-0.8 s of npm's own start-up here), as the build stage runs the build.
 */
export async function ingestStage(ws: Workspace, inputs: readonly string[], ingested: number, logName: string): Promise<IngestResult> {
  const script = [path.join(ws.projectRoot, 'scripts', 'launch.mjs'), path.join(ws.projectRoot, 'scripts', 'ingest.ts')];
  const run = await runMeasured(process.execPath, [...script, '--out', ws.articles, ...inputs], {
    cwd: ws.projectRoot,
    logFile: path.join(ws.logs, `${logName}.log`),
  });
  assertSucceeded(run, 'ingest');
  return { ...figures(run), articles: await countFiles(ws.articles, '.md'), articlesPerSecond: ingested / run.seconds };
}

export interface BuildResult {
  /** The whole `astro build` process: build plus its Pagefind hook. */
  total: StageFigures;
  /** The build without the wait for the index after rendering. */
  build: StageFigures;
  /**
   * The search index, from the integration's log line: `seconds` the build waited for it after
   * rendering, `indexingSeconds` Pagefind ran in all (mostly while pages rendered).
   */
  index: { seconds: number; indexingSeconds: number; peakTreeBytes: number; indexedPages: number } | null;
  /** The index was built once the astro process had exited (the build's memory budget), not while it rendered. */
  indexAfterBuild: boolean;
  phases: BuildPhase[];
  /** Rendering time per route, slowest first. */
  routes: RouteTiming[];
  /** stories/<slug>/index.html files in dist/. */
  storyPages: number;
  dist: FolderSize;
  searchIndex: FolderSize;
}

/** `npm run build` (astro build) of the generated archive into the workspace's dist/, with its own content cache. */
export async function astroBuildStage(ws: Workspace, logName: string): Promise<BuildResult> {
  // When outDir lies outside the working directory, Astro stages its server chunks in <cwd>/.astro/.
  // Run from a folder of our own inside the project (git-ignored tmp/), so the chunks still resolve
  // the project's node_modules but never share the project's .astro/ with a build running alongside.
  const staging = path.join(ws.projectRoot, 'tmp', `bench-${path.basename(ws.root)}`);
  await mkdir(staging, { recursive: true });
  let run: MeasuredRun;
  try {
    // Through npm run build's script, so the build runs with the heap limit it sets for the archive.
    run = await runMeasured(process.execPath, [path.join(ws.projectRoot, 'scripts', 'launch.mjs'), path.join(ws.projectRoot, 'scripts', 'build.ts'), '--root', ws.projectRoot, '--outDir', ws.dist], {
      cwd: staging,
      env: { ...process.env, ARCHIVE_ARTICLES: ws.articles, ARCHIVE_CACHE_DIR: ws.cache, NO_COLOR: '1' },
      logFile: path.join(ws.logs, `${logName}.log`),
    });
  } finally {
    await rm(staging, { recursive: true, force: true });
    // tmp/ itself goes too once no other run uses it.
    await rmdir(path.dirname(staging)).catch(() => undefined);
  }
  assertSucceeded(run, 'astro build');
  const parsed = parseBuildLog(run.lines, run.samples, run.seconds);
  const indexPhase = parsed.phases.find((phase) => phase.name === 'index');
  const others = parsed.phases.filter((phase) => phase.name !== 'index');
  const index =
    indexPhase && parsed.indexedPages !== null
      ? { seconds: indexPhase.seconds, indexingSeconds: parsed.indexingSeconds ?? 0, peakTreeBytes: indexPhase.peakBytes, indexedPages: parsed.indexedPages }
      : null;
  return {
    total: figures(run),
    build: {
      seconds: run.seconds - (index?.seconds ?? 0),
      peakTreeBytes: Math.max(0, ...others.map((phase) => phase.peakBytes)),
      peakProcessBytes: null,
    },
    index,
    indexAfterBuild: parsed.indexAfterBuild,
    phases: parsed.phases,
    routes: parsed.routes,
    storyPages: await countStoryPages(ws.dist),
    dist: await folderSize(ws.dist),
    searchIndex: await folderSize(path.join(ws.dist, 'pagefind')),
  };
}

export interface HugoResult {
  build: StageFigures;
  pagefind: StageFigures;
  /** How Pagefind failed on Hugo's pages ('exit 137 (killed, perhaps out of memory)'), or null. */
  pagefindFailure: string | null;
  storyPages: number;
  indexedPages: number | null;
  public: FolderSize;
  searchIndex: FolderSize;
}

/** Builds the same article copies with Hugo, then indexes Hugo's story pages with the Pagefind CLI. */
export async function hugoStage(ws: Workspace): Promise<HugoResult> {
  await prepareHugoSite(ws.hugo, ws.articles);
  const publicDir = path.join(ws.hugo, 'public');
  const build = await runMeasured('hugo', ['--quiet', '--source', ws.hugo, '--destination', publicDir], {
    cwd: ws.hugo,
    logFile: path.join(ws.logs, 'hugo.log'),
  });
  assertSucceeded(build, 'hugo');
  // The same pages and language as the archive's integration indexes.
  const pagefind = await runMeasured(
    bin(ws, 'pagefind'),
    ['--site', publicDir, '--glob', 'stories/*/index.html', '--force-language', 'en'],
    { cwd: ws.hugo, logFile: path.join(ws.logs, 'hugo-pagefind.log') },
  );
  // Pagefind indexes a site in one piece: at 100,000 pages it runs out of memory. That is a finding, not a crash.
  const pagefindFailure =
    pagefind.exitCode === 0 ? null : `failed: exit ${pagefind.exitCode}${pagefind.exitCode === 137 || pagefind.exitCode === -9 ? ' (killed, out of memory)' : ''}`;
  const indexed = pagefind.lines.map((line) => /Indexed (\d+) pages?/.exec(line.text)).find(Boolean);
  return {
    build: figures(build),
    pagefind: figures(pagefind),
    pagefindFailure,
    storyPages: await countStoryPages(publicDir),
    indexedPages: indexed ? Number(indexed[1]) : null,
    public: await folderSize(publicDir),
    searchIndex: await folderSize(path.join(publicDir, 'pagefind')),
  };
}
