/**
 * The benchmark's figures as one JSON-able object, the targets of issue 6
 * checked against them, and the plain-text table the CLI prints.
 */
import type { FolderSize } from './disk-usage.ts';
import type { PagefindAloneFigures } from './pagefind-alone.ts';
import type { BuildResult, GenerateResult, HugoResult, IngestResult, StageFigures } from './stages.ts';

export interface SearchQueryFigures {
  query: string;
  /** Bytes fetched from the moment the query was typed until results showed. */
  bytes: number;
  /** Milliseconds from the last keystroke to results shown. */
  ms: number;
  /** Requests in that time. */
  requests: number;
  /** Matching stories the page announced. */
  results: number;
  /** The longest a keystroke waited for the page's thread while the query was typed (not measured for the yardstick). */
  keyWaitMs?: number;
}

export interface SearchFigures {
  /** Bytes to open /search/ and get Pagefind ready, before the first keystroke. */
  pageBytes: number;
  pageRequests: number;
  /** Of pageBytes, Pagefind's own files (script, wasm, each bundle's entry and metadata), fetched whatever the query. */
  pagefindStartBytes?: number;
  /** The first query, then the second. */
  queries: SearchQueryFigures[];
  /** Pagefind's own search for the same queries, their chunks already loaded (pagefind-alone.ts). */
  pagefindAlone?: PagefindAloneFigures[];
}

export interface IncrementalFigures {
  ingest: IngestResult;
  build: BuildResult;
  /** Ingest of the one article plus the rebuild with its index: until dist/ is current again. */
  seconds: number;
  /** One more build of the same code and copies, nothing changed: what any rebuild at this size costs before its changes. */
  unchanged: BuildResult;
}

export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  memoryBytes: number;
  /** One-minute load average when the run started: the cores are shared, so a busy machine slows every stage. */
  loadAverage: number;
  node: string;
  astro: string;
  pagefind: string;
  hugo: string | null;
}

export interface BenchReport {
  articles: number;
  seed: number;
  startedAt: string;
  machine: MachineInfo;
  generate: Omit<GenerateResult, 'files'> & { files: number };
  ingest: IngestResult;
  build: BuildResult | null;
  hugo: HugoResult | null;
  incremental: IncrementalFigures | null;
  search: SearchFigures | null;
  /** The same queries with Pagefind's own API over Hugo's pages (yardstick-search.ts). */
  yardstickSearch: SearchFigures | null;
  targets: TargetCheck[];
}

export interface TargetCheck {
  name: string;
  measured: string;
  target: string;
  /** null when the figure was not measured in this run. */
  met: boolean | null;
}

const mib = (bytes: number): string => (bytes / 2 ** 20).toFixed(bytes < 10 * 2 ** 20 ? 1 : 0);
const secs = (seconds: number): string => seconds.toFixed(seconds < 10 ? 2 : 1);
const count = (value: number): string => value.toLocaleString('en-US');
const size = (folder: FolderSize): string => `${mib(folder.bytes)} MiB in ${count(folder.files)} files`;

/** Pagefind's own search, chunks loaded, cold and warm, as a note on a measured time. */
function aloneText(alone: PagefindAloneFigures | undefined): string {
  return alone ? ` (Pagefind alone, chunks loaded: ${alone.firstMs} ms cold, ${alone.bestMs} ms warm, + ${alone.fragmentsMs} ms for ten fragments)` : '';
}

/** The targets of issue 6, checked against whatever this run measured. */
export function checkTargets(report: Omit<BenchReport, 'targets'>): TargetCheck[] {
  const { build, hugo, incremental, search, ingest } = report;
  const checks: TargetCheck[] = [];
  const yardstick = hugo && hugo.pagefindFailure === null ? hugo.build.seconds + hugo.pagefind.seconds : null;
  const ratio = build && yardstick ? build.total.seconds / yardstick : null;
  checks.push({
    name: 'full build + index vs Hugo + Pagefind',
    measured:
      ratio !== null
        ? `${ratio.toFixed(2)}x (${secs(build!.total.seconds)} s vs ${secs(yardstick!)} s)`
        : hugo?.pagefindFailure
          ? `yardstick failed: Pagefind on Hugo's pages ${hugo.pagefindFailure}`
          : 'not measured',
    target: '<= 2x',
    met: ratio === null ? null : ratio <= 2,
  });
  checks.push({
    name: 'incremental rebuild (1 article) vs Hugo full build',
    measured: incremental && hugo ? `${secs(incremental.seconds)} s vs ${secs(hugo.build.seconds)} s; nothing changed: ${secs(incremental.unchanged.total.seconds)} s` : 'not measured',
    target: '< Hugo build',
    met: incremental && hugo ? incremental.seconds < hugo.build.seconds : null,
  });
  checks.push({
    name: 'peak memory of the build (process tree)',
    measured: build ? `${mib(build.total.peakTreeBytes)} MiB` : 'not measured',
    target: '< 1024 MiB',
    met: build ? build.total.peakTreeBytes < 2 ** 30 : null,
  });
  const first = search?.queries[0];
  // A reader's first search pays for opening /search/ (page, Pagefind code and wasm) and for the query's index chunks.
  const firstBytes = first && search ? search.pageBytes + first.bytes : null;
  const kb = (bytes: number): string => (bytes / 1000).toFixed(0);
  const yardstickFirst = report.yardstickSearch?.queries[0];
  const yardstickBytes = yardstickFirst ? `; Pagefind on Hugo: ${kb(report.yardstickSearch!.pageBytes + yardstickFirst.bytes)} KB` : '';
  const startBytes = search?.pagefindStartBytes === undefined ? '' : ` (Pagefind's own files before any word: ${kb(search.pagefindStartBytes)} KB)`;
  checks.push({
    name: 'first search: bytes fetched (open /search/ + query)',
    measured: firstBytes === null ? 'not measured' : `${kb(firstBytes)} KB (${kb(search!.pageBytes)} + ${kb(first!.bytes)})${startBytes}${yardstickBytes}`,
    target: '< 300 KB',
    met: firstBytes === null ? null : firstBytes < 300_000,
  });
  checks.push({
    name: 'first search: last keystroke to results',
    measured: first ? `${first.ms.toFixed(0)} ms${aloneText(search!.pagefindAlone?.[0])}${yardstickFirst ? `; Pagefind on Hugo: ${yardstickFirst.ms} ms${aloneText(report.yardstickSearch!.pagefindAlone?.[0])}` : ''}` : 'not measured',
    target: '< 150 ms',
    met: first ? first.ms < 150 : null,
  });
  checks.push({
    name: 'ingest speed',
    measured: `${count(Math.round(ingest.articlesPerSecond))} articles/s`,
    target: '>= 1,000 articles/s',
    met: ingest.articlesPerSecond >= 1000,
  });
  return checks;
}

function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  return rows
    .map((row) => row.map((cell, column) => (column === 0 || column === row.length - 1 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ').trimEnd())
    .join('\n');
}

const peak = (stage: StageFigures): string => mib(stage.peakTreeBytes);
const largest = (stage: StageFigures): string => (stage.peakProcessBytes === null ? '-' : mib(stage.peakProcessBytes));

/** The build's phases; under rendering, its slowest routes. */
function phaseRows(build: BuildResult, withIndex: boolean): string[][] {
  const rows: string[][] = [];
  for (const phase of build.phases) {
    if (phase.name === 'index' && !withIndex) continue;
    rows.push([`    ${phase.name}`, secs(phase.seconds), mib(phase.peakBytes), '', '']);
    if (phase.name !== 'rendering') continue;
    for (const route of build.routes.slice(0, 5)) {
      rows.push([`      ${route.route.replace(/^src\/pages\//, '')}`, secs(route.seconds), '', '', `${count(route.pages)} files`]);
    }
  }
  return rows;
}

/** One site's search figures: what it fetched before the first query, then each query. */
function searchTable([title, msHeading]: readonly [string, string], startLabel: string, figures: SearchFigures): string {
  return table([
    [title, 'KB fetched', 'requests', msHeading, 'results', 'longest key wait ms'],
    [startLabel, (figures.pageBytes / 1000).toFixed(1), count(figures.pageRequests), '', '', ''],
    ...figures.queries.map((q, i) => [
      `${i === 0 ? 'first' : 'second'} query '${q.query}'`,
      (q.bytes / 1000).toFixed(1),
      count(q.requests),
      q.ms.toFixed(0),
      count(q.results),
      q.keyWaitMs === undefined ? '' : q.keyWaitMs.toFixed(0),
    ]),
  ]);
}

/** Pagefind's own search on each site, the query's chunks loaded: its cold and warm cost beside the page's. */
function aloneTable(sites: readonly [string, SearchFigures | null][]): string | null {
  const rows: string[][] = [];
  for (const [site, figures] of sites) {
    for (const alone of figures?.pagefindAlone ?? []) {
      rows.push([`${site}: '${alone.query}'`, alone.firstMs.toFixed(0), `${alone.bestMs.toFixed(0)} (of ${alone.repeats})`, alone.fragmentsMs.toFixed(0), count(alone.results)]);
    }
  }
  if (rows.length === 0) return null;
  return table([["Pagefind's search alone, the query's chunks loaded", 'first call ms', 'fastest ms', 'ten fragments ms', 'results'], ...rows]);
}

/** The report as the CLI prints it. */
export function formatReport(report: BenchReport): string {
  const { machine, build, hugo, incremental, search, ingest, generate } = report;
  const rows: string[][] = [['stage', 'seconds', 'peak MiB (tree)', 'largest process MiB', 'output']];
  rows.push(['generate sources', secs(generate.seconds), '', '', size(generate.size)]);
  rows.push(['ingest', secs(ingest.seconds), peak(ingest), largest(ingest), `${count(ingest.articles)} copies, ${count(Math.round(ingest.articlesPerSecond))} articles/s`]);
  if (build) {
    rows.push(['astro build (without index wait)', secs(build.build.seconds), peak(build.build), '', `dist/ ${size(build.dist)}; ${count(build.storyPages)} story pages`]);
    rows.push(...phaseRows(build, false));
    rows.push([
      build.indexAfterBuild ? 'index (after astro exited)' : 'index (wait after rendering)',
      build.index ? secs(build.index.seconds) : '-',
      build.index ? mib(build.index.peakTreeBytes) : '-',
      '',
      `pagefind/ ${size(build.searchIndex)}; ${build.index ? `${count(build.index.indexedPages)} pages indexed, Pagefind ran ${secs(build.index.indexingSeconds)} s in all` : '?'}`,
    ]);
    rows.push(['full build + index (astro build)', secs(build.total.seconds), peak(build.total), largest(build.total), '']);
  }
  if (hugo) {
    rows.push(['hugo build', secs(hugo.build.seconds), peak(hugo.build), largest(hugo.build), `public/ ${size(hugo.public)}; ${count(hugo.storyPages)} story pages`]);
    const indexed = hugo.pagefindFailure ?? `pagefind/ ${size(hugo.searchIndex)}; ${hugo.indexedPages === null ? '?' : count(hugo.indexedPages)} pages indexed`;
    rows.push(['pagefind on hugo', secs(hugo.pagefind.seconds), peak(hugo.pagefind), largest(hugo.pagefind), indexed]);
    if (hugo.pagefindFailure === null) rows.push(['hugo + pagefind', secs(hugo.build.seconds + hugo.pagefind.seconds), '', '', '']);
  }
  if (incremental) {
    rows.push(['incremental: ingest 1 article', secs(incremental.ingest.seconds), peak(incremental.ingest), largest(incremental.ingest), '']);
    rows.push(['incremental: build + index', secs(incremental.build.total.seconds), peak(incremental.build.total), largest(incremental.build.total), `${count(incremental.build.storyPages)} story pages`]);
    rows.push(...phaseRows(incremental.build, true));
    rows.push(['incremental total', secs(incremental.seconds), '', '', '']);
    rows.push(['rebuild, nothing changed', secs(incremental.unchanged.total.seconds), peak(incremental.unchanged.total), largest(incremental.unchanged.total), 'the same code and copies once more']);
    rows.push(...phaseRows(incremental.unchanged, true));
  }
  const lines = [
    `Benchmark: ${count(report.articles)} articles, seed ${report.seed}, ${report.startedAt}`,
    `Machine: ${machine.cpus} x ${machine.cpuModel}, ${(machine.memoryBytes / 2 ** 30).toFixed(1)} GiB, load ${machine.loadAverage.toFixed(1)} at start; Node ${machine.node}, Astro ${machine.astro}, Pagefind ${machine.pagefind}, ${machine.hugo ?? 'hugo not run'}`,
    '',
    table(rows),
  ];
  if (search) lines.push('', searchTable(['search (Chromium, nothing cached)', 'ms to results'], 'open /search/ until Pagefind is ready', search));
  if (report.yardstickSearch) {
    const title = ["yardstick: Pagefind's API, its defaults, on Hugo's pages", 'ms to 10 results'] as const;
    lines.push('', searchTable(title, 'start Pagefind (its files; wasm and index metadata come with the first query)', report.yardstickSearch));
  }
  const alone = aloneTable([
    ['archive', search],
    ['Hugo', report.yardstickSearch],
  ]);
  if (alone) lines.push('', alone);
  lines.push('', 'Targets (issue 6)', table([['target', 'measured', 'wanted', 'met'], ...report.targets.map((t) => [t.name, t.measured, t.target, t.met === null ? '-' : t.met ? 'yes' : 'NO'])]));
  return lines.join('\n');
}
