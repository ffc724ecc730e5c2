/**
 * How much V8 heap a build of N stories wants. Node's default limit (about
 * 4 GiB here) is enough for tens of thousands of stories; at 100,000 the
 * build process reached 8.9 GiB and needs a higher limit. Measured, rounded
 * up: half a GiB for Astro and Vite, and 100 KiB a story.
 */
export function heapNeededMiB(stories: number): number {
  return Math.ceil((512 + stories * 0.1) / 1024) * 1024;
}

/** Advice to print when the heap limit is below what `stories` need, else null. */
export function heapAdvice(stories: number, heapLimitBytes: number): string | null {
  const needed = heapNeededMiB(stories);
  if (heapLimitBytes / 2 ** 20 >= needed) return null;
  return `${stories.toLocaleString('en-US')} stories may need more memory than Node's heap limit of ${Math.round(heapLimitBytes / 2 ** 20)} MiB; if the build runs out of heap, run it with NODE_OPTIONS=--max-old-space-size=${needed}`;
}
