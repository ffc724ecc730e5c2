/**
 * Cuts a timed `astro build` log into its phases (start-up, content sync,
 * bundling, rendering, search index, ...) so the report can say where the
 * time and the memory go. Phases are bounded by the log lines Astro and the
 * archive's Pagefind integration print; a marker that never appears merges
 * its phase into the neighbouring one.
 */
import type { MemorySample, TimedLine } from './measure-process.ts';

export interface BuildPhase {
  name: string;
  seconds: number;
  /** Peak summed RSS of the build's process tree during the phase. */
  peakBytes: number;
}

/** Phase names in the order they run; 'index' is the wait for the search index once rendering is over. */
export const phaseNames = ['start-up', 'content sync', 'types and build info', 'bundling', 'rendering', 'other build hooks', 'index', 'shutdown'] as const;

interface Marker {
  /** The phase that starts at this line. */
  starts: (typeof phaseNames)[number];
  pattern: RegExp;
}

const markers: readonly Marker[] = [
  { starts: 'content sync', pattern: /\[content\] Syncing content/ },
  { starts: 'types and build info', pattern: /\[content\] Synced content/ },
  { starts: 'bundling', pattern: /\[build\] Building static entrypoints/ },
  { starts: 'rendering', pattern: /generating static routes/ },
  { starts: 'other build hooks', pattern: /^\S*\s*✓ Completed in/ },
];

/**
 * The integration logs, when it is done, 'Pagefind indexed N pages in ...; indexing took <ms> ms in
 * all, the build waited <ms> ms for it': shards are indexed while pages render, so only the wait is a
 * phase of its own. When the build indexes after Astro (its memory budget), the line says 'after
 * Astro exited' and the wait is the whole index, after Astro's own shutdown.
 */
const indexDone = /\[archive-pagefind\] Pagefind indexed (\d+) pages .*indexing took (\d+) ms in all, the build waited (\d+) ms/;

/** One route's share of the rendering phase. */
export interface RouteTiming {
  /** 'src/pages/[...story].astro' */
  route: string;
  seconds: number;
  /** Files it wrote. */
  pages: number;
}

export interface ParsedBuild {
  phases: BuildPhase[];
  /** Rendering time per route, slowest first. */
  routes: RouteTiming[];
  /** Pages the index holds, from the integration's log; null when it did not log. */
  indexedPages: number | null;
  /** Seconds the build waited for the index after rendering, null when it did not run. */
  indexSeconds: number | null;
  /** Seconds Pagefind ran in all, mostly alongside rendering; null when it did not run. */
  indexingSeconds: number | null;
  /** The index was built once the astro process had exited (the build's memory budget asked for it). */
  indexAfterBuild: boolean;
}

function peakBetween(samples: readonly MemorySample[], from: number, to: number): number {
  // Memory between polls is the last sample taken, so the sample in effect when the phase starts counts
  // too: otherwise a shutdown whose only poll comes from a tree already exiting has a 1.4 MB 'peak'.
  let peak = samples.findLast((sample) => sample.ms <= from)?.bytes ?? 0;
  let inside = false;
  for (const sample of samples) {
    if (sample.ms <= from || sample.ms > to) continue;
    peak = Math.max(peak, sample.bytes);
    inside = true;
  }
  // A phase shorter than the polling interval may have grown before the next poll: take that one too.
  if (!inside) peak = Math.max(peak, samples.find((sample) => sample.ms > to)?.bytes ?? 0);
  return peak;
}

/** Splits a build of `totalSeconds` into phases from its timed log lines and memory samples. */
export function parseBuildLog(lines: readonly TimedLine[], samples: readonly MemorySample[], totalSeconds: number): ParsedBuild {
  const starts = new Map<string, number>([['start-up', 0]]);
  // Markers are matched in order: the '✓ Completed in' that ends rendering is the first after 'generating static routes'.
  let next = 0;
  for (const line of lines) {
    const marker = markers[next];
    if (!marker || !marker.pattern.test(line.text)) continue;
    starts.set(marker.starts, line.ms);
    next += 1;
  }
  let indexedPages: number | null = null;
  let indexSeconds: number | null = null;
  let indexingSeconds: number | null = null;
  const done = lines.find((line) => indexDone.test(line.text));
  const indexAfterBuild = done?.text.includes('after Astro exited') ?? false;
  if (done) {
    const [, pages, indexing, ms] = indexDone.exec(done.text)!;
    indexedPages = Number(pages);
    indexSeconds = Number(ms) / 1000;
    indexingSeconds = Number(indexing) / 1000;
    starts.set('index', done.ms - Number(ms));
    // After Astro exited, its shutdown came before the index and stays in 'other build hooks'.
    if (!indexAfterBuild) starts.set('shutdown', done.ms);
  }
  const totalMs = totalSeconds * 1000;
  const ordered = phaseNames.filter((name) => starts.has(name)).map((name) => ({ name, from: starts.get(name)! }));
  const phases = ordered.map(({ name, from }, i) => {
    const to = ordered[i + 1]?.from ?? totalMs;
    return { name, seconds: Math.max(0, to - from) / 1000, peakBytes: peakBetween(samples, from, to) };
  });
  return { phases, routes: routeTimings(lines, starts.get('other build hooks') ?? totalMs), indexedPages, indexSeconds, indexingSeconds, indexAfterBuild };
}

/** Astro prints '▶ src/pages/x.astro' (or 'λ' for endpoints) before a route's pages, then one '└─ /path' line per page. */
const routeStart = /^\S*\s*[▶λ] (src\/pages\/\S+)/;
const pageLine = /^\S*\s*[├└]─ \//;

function routeTimings(lines: readonly TimedLine[], renderingEnd: number): RouteTiming[] {
  const routes: { route: string; from: number; pages: number }[] = [];
  for (const line of lines) {
    const start = routeStart.exec(line.text);
    if (start) routes.push({ route: start[1]!, from: line.ms, pages: 0 });
    else if (pageLine.test(line.text) && routes.length > 0) routes.at(-1)!.pages += 1;
  }
  return routes
    .map(({ route, from, pages }, i) => ({ route, pages, seconds: Math.max(0, (routes[i + 1]?.from ?? renderingEnd) - from) / 1000 }))
    .sort((a, b) => b.seconds - a.seconds);
}
