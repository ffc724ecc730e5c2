/**
 * One extraction thread: receives batches of source files, reads each and
 * answers with extractFile's result for it, in order. Extraction is pure, so
 * a source extracted here gives exactly what the main thread would.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { prepareCatalogue } from '../../src/domain/ingest/build-article';
import type { Operation } from '../../src/domain/schema';
import { extractFile } from './extract-file';
import type { ExtractReply, ExtractRequest } from './extract-pool';

const catalogue = prepareCatalogue((workerData as { operations: Operation[] }).operations);

parentPort!.on('message', ({ id, sources }: ExtractRequest) => {
  const results = sources.map((source) => {
    try {
      return extractFile(source, catalogue);
    } catch (error) {
      // A bug, not bad input: the main thread fails the run and names the file.
      return { thrown: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
  });
  parentPort!.postMessage({ id, results } satisfies ExtractReply);
});
