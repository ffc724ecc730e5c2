import { describe, expect, it } from 'vitest';
import {
  astroProcessBytes, chooseIndexSchedule, largestShardPages, memoryBudgetFrom, pagefindBytes, pagefindReadBytes, readWhileRenderingFits, requestedIndexSchedule,
} from '@/lib/index-schedule';

const MiB = 2 ** 20;
const GiB = 2 ** 30;

describe('the schedule asked for', () => {
  it('reads ARCHIVE_SEARCH_INDEX, unset meaning the build chooses', () => {
    expect(requestedIndexSchedule({})).toBeNull();
    expect(requestedIndexSchedule({ ARCHIVE_SEARCH_INDEX: '' })).toBeNull();
    expect(requestedIndexSchedule({ ARCHIVE_SEARCH_INDEX: 'alongside' })).toBe('alongside');
    expect(requestedIndexSchedule({ ARCHIVE_SEARCH_INDEX: 'after' })).toBe('after');
  });

  it('names the variable and the values it takes when given another', () => {
    expect(() => requestedIndexSchedule({ ARCHIVE_SEARCH_INDEX: 'later' })).toThrow(/ARCHIVE_SEARCH_INDEX must be 'alongside' .* or 'after' .*, not 'later'/);
  });
});

describe('memory estimates', () => {
  it('puts the astro process near what was measured: 314 MB at 1,000 stories, 595-690 MB at 10,000', () => {
    expect(astroProcessBytes(1_000) / MiB).toBeGreaterThanOrEqual(314);
    expect(astroProcessBytes(10_000) / MiB).toBeGreaterThanOrEqual(650);
    expect(astroProcessBytes(10_000) / MiB).toBeLessThan(800);
  });

  it('puts a Pagefind run near what was measured: 293 MiB for 1,000 story pages, 745-851 for 2,500', () => {
    expect(pagefindBytes(1_000) / MiB).toBeGreaterThanOrEqual(293);
    expect(pagefindBytes(2_500) / MiB).toBeGreaterThanOrEqual(851);
    expect(pagefindBytes(2_500) / MiB).toBeLessThan(1_000);
  });

  it("puts a Pagefind run that has only read its pages near what was measured: 106 / 199 / 242 MiB for 1,000 / 1,975 / 2,500", () => {
    expect(pagefindReadBytes(1_000) / MiB).toBeGreaterThanOrEqual(106);
    expect(pagefindReadBytes(1_975) / MiB).toBeGreaterThanOrEqual(199);
    expect(pagefindReadBytes(2_500) / MiB).toBeGreaterThanOrEqual(242);
    expect(pagefindReadBytes(2_500) / MiB).toBeLessThan(300);
  });

  it('finds the largest shard: 5/4 of the size with content cuts, the size itself with fixed runs, never more than the archive', () => {
    expect(largestShardPages(10_000, undefined)).toBe(2_500);
    expect(largestShardPages(100_000, undefined)).toBe(20_000);
    expect(largestShardPages(1_000, undefined)).toBe(1_000);
    expect(largestShardPages(40, '8')).toBe(8);
  });
});

describe('choosing the schedule', () => {
  const at10k = { requested: null, stories: 10_000, shardSizeSetting: undefined, budgetBytes: null, freeBytes: 20 * GiB };

  it('indexes alongside rendering when the estimated peak fits the 1 GiB budget: an archive of 1,000 stories', () => {
    const choice = chooseIndexSchedule({ ...at10k, stories: 1_000 });
    expect(choice.schedule).toBe('alongside');
    expect(choice.reason).toMatch(/^search index alongside rendering: about 8\d\d MiB at its peak, within the build's budget of 1,024 MiB$/);
  });

  it('indexes after Astro exits when it does not: 10,000 stories, and says why and how to choose', () => {
    const choice = chooseIndexSchedule(at10k);
    expect(choice.schedule).toBe('after');
    expect(choice.reason).toMatch(
      /^search index after Astro exits: about 9\d\d MiB at its peak, where alongside rendering \(faster\) would take about 1,6\d\d MiB, above the build's budget of 1,024 MiB \(ARCHIVE_BUILD_MEMORY_MIB sets the budget; ARCHIVE_SEARCH_INDEX=alongside\|after decides\)$/,
    );
  });

  it('takes a larger budget from ARCHIVE_BUILD_MEMORY_MIB, and a smaller one from the memory free', () => {
    const larger = chooseIndexSchedule({ ...at10k, budgetBytes: 4 * GiB });
    expect(larger.schedule).toBe('alongside');
    expect(larger.reason).toContain("within the build's budget of 4,096 MiB (ARCHIVE_BUILD_MEMORY_MIB)");
    const short = chooseIndexSchedule({ ...at10k, stories: 1_000, freeBytes: 0.8 * GiB });
    expect(short.schedule).toBe('after');
    expect(short.reason).toContain('above nine tenths of the 819 MiB free');
    expect(chooseIndexSchedule({ ...at10k, budgetBytes: 4 * GiB, freeBytes: 1.5 * GiB }).schedule).toBe('after');
  });

  it('takes the faster schedule when no schedule keeps the budget at this size but the memory free holds it: 100,000 stories', () => {
    const at100k = { ...at10k, stories: 100_000 };
    const roomy = chooseIndexSchedule(at100k);
    expect(roomy.schedule).toBe('alongside');
    expect(roomy.reason).toMatch(
      /^search index alongside rendering: about 10,\d\d\d MiB at its peak; no schedule keeps within the build's budget of 1,024 MiB at this size \(after Astro exits, about 6,\d\d\d MiB\), and nine tenths of the 20,480 MiB free hold the faster one/,
    );
    expect(chooseIndexSchedule({ ...at100k, freeBytes: 9 * GiB }).schedule).toBe('after');
  });

  it('reads the budget, and names the variable when it is not a number of MiB', () => {
    expect(memoryBudgetFrom({})).toBeNull();
    expect(memoryBudgetFrom({ ARCHIVE_BUILD_MEMORY_MIB: '1024' })).toBe(GiB);
    expect(() => memoryBudgetFrom({ ARCHIVE_BUILD_MEMORY_MIB: '1G' })).toThrow("ARCHIVE_BUILD_MEMORY_MIB must be a number of MiB, not '1G'");
    expect(() => memoryBudgetFrom({ ARCHIVE_BUILD_MEMORY_MIB: '0' })).toThrow(/ARCHIVE_BUILD_MEMORY_MIB/);
  });

  it('does what ARCHIVE_SEARCH_INDEX asks whatever the memory', () => {
    expect(chooseIndexSchedule({ ...at10k, requested: 'alongside', freeBytes: 1 * GiB }).schedule).toBe('alongside');
    expect(chooseIndexSchedule({ ...at10k, stories: 10, requested: 'after' })).toEqual({
      schedule: 'after',
      reason: 'search index after Astro exits (ARCHIVE_SEARCH_INDEX=after)',
    });
  });
});

describe("reading a shard's pages while Astro renders", () => {
  const free = 20 * GiB;

  it('fits a shard of 2,500 pages beside the astro process of 10,000 stories within 1 GiB', () => {
    const fits = readWhileRenderingFits({ stories: 10_000, shardPages: 2_500, budgetBytes: null, freeBytes: free });
    expect(fits.fits).toBe(true);
    expect(fits.reason).toMatch(/^about [\d,]+ MiB with Astro, within the build's budget of 1,024 MiB$/);
    expect(astroProcessBytes(10_000) + pagefindReadBytes(2_500) + 60 * MiB).toBeLessThanOrEqual(GiB);
  });

  it('does not fit a smaller budget, or more than nine tenths of the memory free, and says which', () => {
    const budget = readWhileRenderingFits({ stories: 10_000, shardPages: 2_000, budgetBytes: 900 * MiB, freeBytes: free });
    expect(budget).toEqual({ fits: false, reason: expect.stringMatching(/^about [\d,]+ MiB with Astro, above the build's budget of 900 MiB$/) });
    const tight = readWhileRenderingFits({ stories: 10_000, shardPages: 2_000, budgetBytes: null, freeBytes: 200 * MiB });
    expect(tight).toEqual({ fits: false, reason: 'about 216 MiB, above nine tenths of the 200 MiB free' });
  });

  it('does not fit at 100,000 stories, where the astro process alone is above the budget', () => {
    expect(readWhileRenderingFits({ stories: 100_000, shardPages: 16_000, budgetBytes: null, freeBytes: free }).fits).toBe(false);
  });
});
