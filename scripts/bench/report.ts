/**
 * The benchmark's figures as one JSON-able object, the targets of issue 22
 * checked against them, and the plain-text table the CLI prints.
 */
import type { BuildResult, HugoResult, IngestResult, StageFigures } from './stages.ts';

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

export interface AddedFigures {
  ingest: IngestResult;
  build: BuildResult;
  /** Ingest of the one article plus the rebuild: until the site is current again. */
  seconds: number;
}

/** What each piece of build machinery buys: the same work with and without it, in this run. */
export interface MachineryFigures {
  /** Ingest of the N sources into an empty folder: worker threads as by default against ARCHIVE_INGEST_THREADS=0. */
  ingestThreads: { with: IngestResult; without: IngestResult };
  /** Ingest's stat cache of copies (.copy-stats.json) kept against deleted before the run. */
  copyStats: {
    /** The N sources again into their unchanged folder. */
    reingest: { with: IngestResult; without: IngestResult };
    /** One new source into the folder: each of `repeats` runs with a source of its own. */
    oneArticle: { with: IngestResult[]; without: IngestResult[] };
  };
  /** The loader's skip of unchanged copies: a rebuild with nothing changed and its cache folder kept, against the same build with a fresh cache folder. */
  loaderSkip: { with: BuildResult; without: BuildResult };
}

export interface TargetCheck {
  name: string;
  measured: string;
  target: string;
  /** null when this run did not measure it. */
  met: boolean | null;
}

export interface BenchReport {
  articles: number;
  seed: number;
  startedAt: string;
  machine: MachineInfo;
  generate: { seconds: number; files: number };
  ingest: IngestResult;
  build: BuildResult;
  hugo: HugoResult | null;
  added: AddedFigures | null;
  machinery: MachineryFigures | null;
  targets: TargetCheck[];
}

const gib = 2 ** 30;
const mib = (bytes: number): string => (bytes / 2 ** 20).toFixed(0);
const secs = (seconds: number): string => seconds.toFixed(seconds < 10 ? 2 : 1);
const count = (value: number): string => Math.round(value).toLocaleString('en-US');
const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** CPU seconds side by side: on a loaded machine they vary less than wall time, which is what the targets ask. */
const cpuVersus = (ours: number, yardstick: number): string => `${secs(ours)} s vs ${secs(yardstick)} s, ${(ours / yardstick).toFixed(2)}x`;

/** The targets of issue 22, checked against whatever this run measured. */
export function checkTargets(report: Omit<BenchReport, 'targets'>): TargetCheck[] {
  const { build, hugo, added } = report;
  const ratio = hugo ? build.seconds / hugo.seconds : null;
  return [
    {
      name: 'full build + index vs Hugo + Pagefind',
      measured:
        ratio === null
          ? 'not measured'
          : `${ratio.toFixed(2)}x (${secs(build.seconds)} s vs ${secs(hugo!.seconds)} s; CPU ${cpuVersus(build.cpuSeconds, hugo!.build.cpuSeconds + hugo!.pagefind.cpuSeconds)})`,
      target: '<= 2x',
      met: ratio === null ? null : ratio <= 2,
    },
    {
      name: 'one article added (ingest + build + index) vs Hugo full build',
      measured:
        added && hugo
          ? `${secs(added.seconds)} s vs ${secs(hugo.build.seconds)} s; CPU ${cpuVersus(added.ingest.cpuSeconds + added.build.cpuSeconds, hugo.build.cpuSeconds)}`
          : 'not measured',
      target: '< Hugo build',
      met: added && hugo ? added.seconds < hugo.build.seconds : null,
    },
    {
      name: 'peak memory of the full build (process tree)',
      measured: `${mib(build.peakTreeBytes)} MiB`,
      target: '< 1024 MiB',
      met: build.peakTreeBytes < gib,
    },
  ];
}

function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  const cell = (text: string, column: number, last: number): string =>
    column === 0 || column === last ? text.padEnd(widths[column]!) : text.padStart(widths[column]!);
  return rows
    .map((row) =>
      row
        .map((text, column) => cell(text, column, row.length - 1))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

const stageRow = (name: string, stage: StageFigures, note: string): string[] => [
  name,
  secs(stage.seconds),
  secs(stage.cpuSeconds),
  mib(stage.peakTreeBytes),
  note,
];
const ingestNote = (ingest: IngestResult): string => `${count(ingest.articlesPerSecond)} articles/s; ${count(ingest.copies)} copies`;
const loaderNote = (build: BuildResult): string => (build.loader ? `loader: ${count(build.loader.read)} read, ${count(build.loader.unchanged)} unchanged` : '');

function phaseRows(build: BuildResult): string[][] {
  return (build.phases ?? []).map((phase) => [`    ${phase.name}`, secs(phase.seconds), '', mib(phase.peakTreeBytes), '']);
}

function machineryRows(machinery: MachineryFigures): string[][] {
  const { ingestThreads, copyStats, loaderSkip } = machinery;
  const pair = (name: string, withIt: number, without: number, unit: string, digits = 2): string[] => [
    name,
    `${withIt.toFixed(digits)} ${unit}`,
    `${without.toFixed(digits)} ${unit}`,
    `${(without / withIt).toFixed(2)}x`,
  ];
  const oneWith = copyStats.oneArticle.with.map((run) => run.seconds);
  const oneWithout = copyStats.oneArticle.without.map((run) => run.seconds);
  const syncSeconds = (build: BuildResult): number => build.phases?.[0]?.seconds ?? Number.NaN;
  return [
    // Times only, so every ratio reads the same way: above 1, the piece saves time.
    ['machinery', 'with', 'without', 'without/with'],
    pair('(a) ingest worker threads: ingest N, wall s', ingestThreads.with.seconds, ingestThreads.without.seconds, 's'),
    pair('(a) ingest worker threads: ingest N, CPU s', ingestThreads.with.cpuSeconds, ingestThreads.without.cpuSeconds, 's'),
    pair('(b) copy stat cache: re-ingest N unchanged, s', copyStats.reingest.with.seconds, copyStats.reingest.without.seconds, 's'),
    pair(`(b) copy stat cache: ingest 1 article, median of ${oneWith.length}, s`, median(oneWith), median(oneWithout), 's'),
    pair('(c) loader skip: rebuild, nothing changed, s', loaderSkip.with.seconds, loaderSkip.without.seconds, 's'),
    pair('(c) loader skip: its start-up and content sync, s', syncSeconds(loaderSkip.with), syncSeconds(loaderSkip.without), 's'),
    pair('(c) loader skip: peak MiB', loaderSkip.with.peakTreeBytes / 2 ** 20, loaderSkip.without.peakTreeBytes / 2 ** 20, 'MiB', 0),
  ];
}

/** The report as the CLI prints it. */
export function formatReport(report: BenchReport): string {
  const { machine, build, hugo, added, ingest } = report;
  const rows: string[][] = [['stage', 'seconds', 'CPU s', 'peak MiB', 'notes']];
  rows.push(['generate sources', secs(report.generate.seconds), '', '', `${count(report.generate.files)} files`]);
  rows.push(stageRow('ingest', ingest, ingestNote(ingest)));
  rows.push(stageRow('full build + index', build, `${count(build.storyPages)} story pages; ${loaderNote(build)}`));
  rows.push(...phaseRows(build));
  if (hugo) {
    rows.push(stageRow('hugo build', hugo.build, `${count(hugo.storyPages)} story pages`));
    rows.push(stageRow('pagefind on hugo', hugo.pagefind, ''));
    rows.push(['hugo + pagefind', secs(hugo.seconds), secs(hugo.build.cpuSeconds + hugo.pagefind.cpuSeconds), '', '']);
  }
  if (added) {
    rows.push(stageRow('one added: ingest', added.ingest, ''));
    rows.push(stageRow('one added: build + index', added.build, `${count(added.build.storyPages)} story pages; ${loaderNote(added.build)}`));
    rows.push(...phaseRows(added.build));
    rows.push(['one added: total', secs(added.seconds), '', '', '']);
  }
  const lines = [
    `Benchmark: ${count(report.articles)} articles, seed ${report.seed}, ${report.startedAt}`,
    `Machine: ${machine.cpus} x ${machine.cpuModel}, ${(machine.memoryBytes / gib).toFixed(1)} GiB, load ${machine.loadAverage.toFixed(1)} at start; Node ${machine.node}, Astro ${machine.astro}, Pagefind ${machine.pagefind}, ${machine.hugo ?? 'hugo not run'}`,
    '',
    table(rows),
  ];
  if (report.machinery) lines.push('', table(machineryRows(report.machinery)));
  const targetRows = report.targets.map((t) => [t.name, t.measured, t.target, t.met === null ? '-' : t.met ? 'yes' : 'NO']);
  lines.push('', 'Targets (issue 22)', table([['target', 'measured', 'wanted', 'met'], ...targetRows]));
  return lines.join('\n');
}
