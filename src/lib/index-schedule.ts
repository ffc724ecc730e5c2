/**
 * When `npm run build` builds the search index: alongside rendering
 * (Pagefind uses the core Astro leaves idle: faster) or after the astro
 * process has exited (the two never hold memory at the same time). The
 * build keeps within a memory budget, 1 GiB unless ARCHIVE_BUILD_MEMORY_MIB
 * says otherwise, and never more than the system has free: it indexes
 * alongside when the estimated peak of doing so fits, after otherwise.
 * ARCHIVE_SEARCH_INDEX=alongside|after overrides the choice.
 */
import { heapNeededMiB } from './heap-size';
import { shardCutsFrom } from './search-shards';

export type IndexSchedule = 'alongside' | 'after';

/** The schedule ARCHIVE_SEARCH_INDEX asks for, or null when it is not set. */
export function requestedIndexSchedule(env: Readonly<Record<string, string | undefined>>): IndexSchedule | null {
  const value = env['ARCHIVE_SEARCH_INDEX'];
  if (value === undefined || value === '') return null;
  if (value === 'alongside' || value === 'after') return value;
  throw new Error(`ARCHIVE_SEARCH_INDEX must be 'alongside' (index while pages render) or 'after' (index once Astro has exited), not '${value}'`);
}

const MiB = 2 ** 20;

/**
 * Resident memory of the astro process, estimated from its heap limit: at
 * 10,000 stories (384 MiB limit) it peaked at 595-690 MB in this session's
 * and earlier measured builds; at 1,000 (160 MiB) at 314 MB.
 */
export function astroProcessBytes(stories: number): number {
  return (heapNeededMiB(stories) * 1.25 + 200) * MiB;
}

/**
 * Resident memory of one Pagefind run over `pages` story pages: about 300 KB
 * a page (measured: 1,000 / 2,500 story pages, 293 / 745-851 MiB).
 */
export function pagefindBytes(pages: number): number {
  return (pages * 0.34 + 20) * MiB;
}

/**
 * Resident memory of a Pagefind run that has read `pages` story pages and not yet built their index:
 * about 100 KB a page (measured on 2026-11-28: 1,000 / 1,975 / 2,500 story pages, 106 / 199 / 242 MiB).
 */
export function pagefindReadBytes(pages: number): number {
  return (pages * 0.1 + 16) * MiB;
}

/** Pages in the largest search shard of `stories` stories (content cuts end a run at 5/4 of the size at the latest). */
export function largestShardPages(stories: number, shardSizeSetting: string | undefined): number {
  const { size, cuts } = shardCutsFrom(shardSizeSetting, stories);
  return Math.min(stories, cuts === 'fixed' ? size : Math.ceil(size * 1.25));
}

/** The build's memory budget unless ARCHIVE_BUILD_MEMORY_MIB sets one: the scale target of issue 6. */
export const defaultMemoryBudgetMiB = 1024;

/** The memory ARCHIVE_BUILD_MEMORY_MIB allows the build, in bytes, or null when it is not set. */
export function memoryBudgetFrom(env: Readonly<Record<string, string | undefined>>): number | null {
  const value = env['ARCHIVE_BUILD_MEMORY_MIB'];
  if (value === undefined || value === '') return null;
  if (!/^\d+$/.test(value) || Number(value) === 0) throw new Error(`ARCHIVE_BUILD_MEMORY_MIB must be a number of MiB, not '${value}'`);
  return Number(value) * MiB;
}

export interface ScheduleChoice {
  schedule: IndexSchedule;
  /** One line for the build's log: what was chosen and why. */
  reason: string;
}

/**
 * The schedule for a build of `stories` stories: the one asked for, else
 * alongside when the estimated peak (the astro process, the largest shard's
 * Pagefind run and build.ts) keeps within the budget and nine tenths of the
 * memory free, else after when that does. When neither keeps within the
 * budget (100,000 stories: each of the two alone needs several GiB), the
 * budget cannot be kept at this size, and the faster schedule is taken if
 * the memory free holds it.
 */
export function chooseIndexSchedule(options: {
  requested: IndexSchedule | null;
  stories: number;
  shardSizeSetting: string | undefined;
  /** ARCHIVE_BUILD_MEMORY_MIB in bytes, or null for the default budget. */
  budgetBytes: number | null;
  freeBytes: number;
}): ScheduleChoice {
  const { requested, stories, shardSizeSetting, budgetBytes, freeBytes } = options;
  if (requested !== null) return { schedule: requested, reason: `search index ${requested === 'after' ? 'after Astro exits' : 'alongside rendering'} (ARCHIVE_SEARCH_INDEX=${requested})` };
  const mib = (bytes: number): string => `${Math.round(bytes / MiB).toLocaleString('en-US')} MiB`;
  const budget = { bytes: budgetBytes ?? defaultMemoryBudgetMiB * MiB, says: `the build's budget of ${mib(budgetBytes ?? defaultMemoryBudgetMiB * MiB)}${budgetBytes === null ? '' : ' (ARCHIVE_BUILD_MEMORY_MIB)'}` };
  const free = { bytes: freeBytes * 0.9, says: `nine tenths of the ${mib(freeBytes)} free` };
  const limit = free.bytes < budget.bytes ? free : budget;
  const shardPages = largestShardPages(stories, shardSizeSetting);
  const alongside = astroProcessBytes(stories) + pagefindBytes(shardPages) + 60 * MiB;
  const after = Math.max(astroProcessBytes(stories), pagefindBytes(shardPages)) + 60 * MiB;
  const settings = '(ARCHIVE_BUILD_MEMORY_MIB sets the budget; ARCHIVE_SEARCH_INDEX=alongside|after decides)';
  if (alongside <= limit.bytes) {
    return { schedule: 'alongside', reason: `search index alongside rendering: about ${mib(alongside)} at its peak, within ${limit.says}` };
  }
  if (after <= limit.bytes || alongside > free.bytes) {
    return {
      schedule: 'after',
      reason: `search index after Astro exits: about ${mib(after)} at its peak, where alongside rendering (faster) would take about ${mib(alongside)}, above ${limit.says} ${settings}`,
    };
  }
  return {
    schedule: 'alongside',
    reason:
      `search index alongside rendering: about ${mib(alongside)} at its peak; no schedule keeps within ${budget.says} at this size ` +
      `(after Astro exits, about ${mib(after)}), and ${free.says} hold the faster one ${settings}`,
  };
}

/**
 * Whether, indexing after Astro, the first search shard whose pages are all written may be read by
 * Pagefind while Astro renders the rest (its index is then built once Astro has exited): when the astro
 * process, that read and build.ts keep within the budget, and the read within nine tenths of what is free
 * now (with Astro running). `reason` is the log line when it may not.
 */
export function readWhileRenderingFits(options: { stories: number; shardPages: number; budgetBytes: number | null; freeBytes: number }): {
  fits: boolean;
  reason: string;
} {
  const { stories, shardPages, budgetBytes, freeBytes } = options;
  const mib = (bytes: number): string => `${Math.round(bytes / MiB).toLocaleString('en-US')} MiB`;
  const budget = budgetBytes ?? defaultMemoryBudgetMiB * MiB;
  const read = pagefindReadBytes(shardPages);
  const peak = astroProcessBytes(stories) + read + 60 * MiB;
  if (peak > budget) return { fits: false, reason: `about ${mib(peak)} with Astro, above the build's budget of ${mib(budget)}` };
  if (read > freeBytes * 0.9) return { fits: false, reason: `about ${mib(read)}, above nine tenths of the ${mib(freeBytes)} free` };
  return { fits: true, reason: `about ${mib(peak)} with Astro, within the build's budget of ${mib(budget)}` };
}
