/**
 * When `npm run build` builds the search index: alongside rendering (the
 * default, faster: Pagefind uses the core Astro leaves idle) or after the
 * astro process has exited (ARCHIVE_SEARCH_INDEX=after: the two never hold
 * memory at the same time). Left unset, the build indexes after Astro when
 * the estimated peak of indexing alongside would not fit the memory the
 * machine has free, so a small machine builds more slowly instead of
 * running out of memory.
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

/** Pages in the largest search shard of `stories` stories (content cuts end a run at 5/4 of the size at the latest). */
export function largestShardPages(stories: number, shardSizeSetting: string | undefined): number {
  const { size, cuts } = shardCutsFrom(shardSizeSetting, stories);
  return Math.min(stories, cuts === 'fixed' ? size : Math.ceil(size * 1.25));
}

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
 * Pagefind run and this script) fits in nine tenths of `availableBytes`.
 */
export function chooseIndexSchedule(options: {
  requested: IndexSchedule | null;
  stories: number;
  shardSizeSetting: string | undefined;
  availableBytes: number;
  /** The memory is what ARCHIVE_BUILD_MEMORY_MIB allows, not what the system has free. */
  budgeted?: boolean;
}): ScheduleChoice {
  const { requested, stories, shardSizeSetting, availableBytes } = options;
  const free = options.budgeted ? 'allowed (ARCHIVE_BUILD_MEMORY_MIB)' : 'free';
  if (requested !== null) return { schedule: requested, reason: `search index ${requested === 'after' ? 'after Astro exits' : 'alongside rendering'} (ARCHIVE_SEARCH_INDEX=${requested})` };
  const shardPages = largestShardPages(stories, shardSizeSetting);
  const alongside = astroProcessBytes(stories) + pagefindBytes(shardPages) + 60 * MiB;
  const mib = (bytes: number): string => `${Math.round(bytes / MiB).toLocaleString('en-US')} MiB`;
  if (alongside <= availableBytes * 0.9) {
    return { schedule: 'alongside', reason: `search index alongside rendering (about ${mib(alongside)} at its peak; ${mib(availableBytes)} ${free})` };
  }
  const after = Math.max(astroProcessBytes(stories), pagefindBytes(shardPages)) + 60 * MiB;
  return {
    schedule: 'after',
    reason:
      `search index after Astro exits: indexing alongside rendering would need about ${mib(alongside)} at its peak and ${mib(availableBytes)} is ${free}; ` +
      `after, about ${mib(after)}, and slower (ARCHIVE_SEARCH_INDEX=alongside to insist)`,
  };
}
