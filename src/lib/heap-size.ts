/**
 * The V8 heap limit a build of N stories runs with. Left to itself, V8 lets
 * the heap grow to about three times what is live between full collections:
 * at 10,000 stories the build process reached 1.9 GiB while the live heap
 * after its last full collection was 502 MB (--trace-gc), so a limit near
 * the live size halves the process's memory for the same build time
 * (measured: 1,024 MiB limit, 1.06 GB peak, same wall time).
 * The limit: 384 MiB for Astro and Vite, plus 64 KiB a story (the live heap
 * grows by about 40 KB a story), rounded up to 128 MiB.
 */
export function heapNeededMiB(stories: number): number {
  return Math.ceil((384 + (stories * 64) / 1024) / 128) * 128;
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
