/**
 * Saved pages are read by web-page.ts, whose DOM (linkedom) and Readability
 * cost every process that loads them CPU time (a run of the four seeds took
 * 0.45 s of CPU with them loaded, 0.37 s without), most runs for nothing: a
 * run of text sources never needs them. So they are loaded on demand: a caller about to extract a saved page
 * awaits loadPageReader() once (the CLI does, on its main thread and on each
 * extraction thread), and extraction stays synchronous.
 */
import type { ReadSourceResult } from './read-source.ts';

/** Saved pages carry their scripts, styles and inline images: a news page is often 1-3 MB. */
export const maxPageBytes = 5 * 1024 * 1024;

/** File names read as saved pages. */
export function isPageFile(file: string): boolean {
  return /\.html?$/i.test(file);
}

/** The refusal for a saved page of `size` bytes over the limit. */
export function oversizePageReason(size: number): string {
  return `is ${(size / 1024 / 1024).toFixed(1)} MB; saved pages over ${maxPageBytes / 1024 / 1024} MB are refused`;
}

let reader: ((bytes: Uint8Array) => ReadSourceResult) | null = null;

/** Loads the page reader; resolves at once when it is loaded already. */
export async function loadPageReader(): Promise<void> {
  reader ??= (await import('./web-page.ts')).readWebPage;
}

/** Reads a saved page (web-page.ts). Throws when loadPageReader() was not awaited first: a caller's bug, not bad input. */
export function readPage(bytes: Uint8Array): ReadSourceResult {
  if (reader === null) throw new Error('a saved page was extracted before loadPageReader() was awaited');
  return reader(bytes);
}
