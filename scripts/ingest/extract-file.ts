/**
 * One source file, read and extracted where it is needed: on an extraction
 * thread for a large run (so the main thread neither reads the file nor
 * receives its bytes), on the main thread for a small one. Reads are
 * synchronous: 10,000 small files took 0.3 s of CPU this way against about
 * 1 s through libuv's thread pool.
 */
import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import type { Refusal } from '../../src/domain/ingest/batch.ts';
import { extractArticle, type Catalogue, type ExtractedArticle, type Refusable } from '../../src/domain/ingest/build-article.ts';
import { maxSourceBytes, oversizeReason } from '../../src/domain/ingest/read-source.ts';
import { isPageFile, maxPageBytes, oversizePageReason } from '../../src/domain/ingest/page-reader.ts';

/** A source file to read: the names the run orders and reports it by, and where it is. */
export interface SourceEntry {
  /** The file name, recorded in the copy. */
  file: string;
  /** The path as given, for messages. */
  path: string;
  /** The path to open. */
  location: string;
}

/** A source refused before it was read (not a file, too large, unreadable), or extractArticle's result for it. */
export type FileResult = { unread: Refusal } | { extracted: Refusable<ExtractedArticle> };

function reasonOf(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  return `cannot be read (${code ?? message})`;
}

/** Reads `entry` and extracts it; refuses an oversized file before reading it (the limit is checked again on the bytes). */
export function extractFile(entry: SourceEntry, catalogue: Catalogue): FileResult {
  let bytes: Buffer;
  try {
    // No link is followed here (collect-sources resolved the allowed ones), and a FIFO does not block the run.
    const descriptor = openSync(entry.location, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
    try {
      const info = fstatSync(descriptor);
      if (!info.isFile()) return { unread: { path: entry.path, reason: 'is not a regular file' } };
      // A saved page carries its scripts and styles: it has a limit of its own.
      if (isPageFile(entry.file) ? info.size > maxPageBytes : info.size > maxSourceBytes) {
        return { unread: { path: entry.path, reason: isPageFile(entry.file) ? oversizePageReason(info.size) : oversizeReason(info.size) } };
      }
      bytes = readFileSync(descriptor);
    } finally {
      closeSync(descriptor);
    }
  } catch (error) {
    return { unread: { path: entry.path, reason: reasonOf(error) } };
  }
  return { extracted: extractArticle({ file: entry.file, path: entry.path, bytes }, catalogue) };
}
