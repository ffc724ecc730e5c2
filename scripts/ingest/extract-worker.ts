/**
 * One extraction thread: receives batches of source files, reads each and
 * answers with extractFile's result for it, in order. Extraction is pure, so
 * a source extracted here gives exactly what the main thread would.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { prepareCatalogue } from '../../src/domain/ingest/build-article.ts';
import { isPageFile, loadPageReader } from '../../src/domain/ingest/page-reader.ts';
import type { Operation } from '../../src/domain/schema.ts';
import { extractFile } from './extract-file.ts';
import type { ExtractReply, ExtractRequest } from './extract-pool.ts';

const catalogue = prepareCatalogue((workerData as { operations: Operation[] }).operations);

function extractBatch({ id, sources }: ExtractRequest): void {
  const results = sources.map((source) => {
    try {
      return extractFile(source, catalogue);
    } catch (error) {
      // A bug, not bad input: the main thread fails the run and names the file.
      return { thrown: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
  });
  parentPort!.postMessage({ id, results } satisfies ExtractReply);
}

// Batches are answered in the order they came; a batch with a saved page first loads the page reader.
let previous: Promise<void> = Promise.resolve();
parentPort!.on('message', (request: ExtractRequest) => {
  previous = previous.then(async () => {
    try {
      if (request.sources.some((source) => isPageFile(source.file))) await loadPageReader();
    } catch (error) {
      const thrown = `loading the page reader failed: ${error instanceof Error ? error.message : String(error)}`;
      parentPort!.postMessage({ id: request.id, results: request.sources.map(() => ({ thrown })) } satisfies ExtractReply);
      return;
    }
    extractBatch(request);
  });
});
