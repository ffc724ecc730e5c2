/**
 * Work on a list in fixed-size chunks, in order, started ahead of the
 * consumer but never more than `window` chunks ahead. Ingest hands its
 * sources to the extraction threads this way: planning starts with the first
 * chunk's results while the threads work on the next ones, and a run of
 * 100,000 sources never holds all their extractions in memory.
 */
export function startAhead<T, R>(items: readonly T[], size: number, window: number, start: (chunk: readonly T[]) => Promise<R>): AsyncIterable<R> {
  if (!Number.isInteger(size) || size < 1 || !Number.isInteger(window) || window < 1) {
    throw new Error(`startAhead needs a whole chunk size and window of 1 or more, not ${size} and ${window}`);
  }
  const count = Math.ceil(items.length / size);
  const release: Array<() => void> = [];
  const consumed = Array.from({ length: count }, (_, index) => new Promise<void>((resolve) => (release[index] = resolve)));
  let abandoned = false;
  const chunks: Promise<R>[] = [];
  let previous: Promise<unknown> = Promise.resolve();
  for (let index = 0; index < count; index += 1) {
    // One chunk at a time, in order; and only once the consumer has taken the chunk `window` places back.
    const chunk = Promise.all([previous, index >= window ? consumed[index - window] : undefined]).then(() => {
      if (abandoned) throw new Error('started ahead of a consumer that stopped');
      return start(items.slice(index * size, (index + 1) * size));
    });
    // A failure is thrown to the consumer when it reaches the chunk; until then it is not unhandled.
    chunk.catch(() => undefined);
    chunks.push(chunk);
    previous = chunk;
  }
  return {
    async *[Symbol.asyncIterator]() {
      try {
        for (let index = 0; index < count; index += 1) {
          yield await chunks[index]!;
          release[index]!();
        }
      } finally {
        abandoned = true;
        for (const done of release) done();
      }
    },
  };
}
