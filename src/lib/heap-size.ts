/**
 * The V8 heap limit a build of N stories runs with. Left to itself, V8 lets
 * the heap grow to several times what is live between full collections, and
 * the process's memory with it; a limit near the live size keeps the
 * process small for the same build time. Measured by the smallest limit a
 * full build completes with (after the article loader stopped keeping the
 * raw copies alive): 1,000 stories build with 128 MiB; 10,000 fail at 260
 * MiB and build at 330 MiB, with a heap snapshot near the limit holding 289
 * MB. So about 20 KB a story on a base under 128 MiB.
 * The limit: 128 MiB plus 24 KiB a story, rounded up to 32 MiB.
 */
export function heapNeededMiB(stories: number): number {
  return Math.ceil((128 + (stories * 24) / 1024) / 32) * 32;
}

/** Advice to print when the heap limit is below what `stories` need, else null. */
export function heapAdvice(stories: number, heapLimitBytes: number): string | null {
  const needed = heapNeededMiB(stories);
  if (heapLimitBytes / 2 ** 20 >= needed) return null;
  return `${stories.toLocaleString('en-US')} stories may need more memory than Node's heap limit of ${Math.round(heapLimitBytes / 2 ** 20)} MiB; if the build runs out of heap, run it with npm run build, or with NODE_OPTIONS=--max-old-space-size=${needed}`;
}

/** The heap limit NODE_OPTIONS already sets, in MiB, or null. */
export function heapLimitIn(nodeOptions: string): number | null {
  const match = /--max-old-space-size[= ](\d+)/.exec(nodeOptions);
  return match ? Number(match[1]) : null;
}

/** V8's message when a process runs out of heap (it then aborts). */
export function ranOutOfHeap(stderr: string): boolean {
  return /JavaScript heap out of memory|Reached heap limit/.test(stderr);
}
