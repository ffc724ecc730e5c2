/**
 * A story as the article loader validated it (frontmatter, figures, the
 * body split into sentences, and what other pages need of the body: see
 * story-record.ts), cached beside Astro's content cache in a file named by
 * the copy's digest. The collection store keeps only the path to it (see
 * storyPointerSchema).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readFile, rename, writeFile } from './fs-callbacks';
import type { StoryDetail } from '../domain/story-record';

/** Bumped when what a detail file holds changes, so files of an older layout are never read as new. */
const detailFormat = 'v3';

/** `<slug>.<digest of the copy>.<format>.json` */
export function detailFileName(slug: string, digest: string): string {
  return `${slug}.${digest}.${detailFormat}.json`;
}

/** The copy's digest named in a detail file's name, as detailFileName wrote it. */
export function digestInDetailFile(slug: string, file: string): string {
  return path.basename(file).slice(slug.length + 1, -`.${detailFormat}.json`.length);
}

/**
 * Writes a detail file into its (existing) folder. Written under a temporary
 * name and renamed, so a build killed midway never leaves a truncated file
 * that the next build would trust by its name.
 */
export async function writeStoryDetail(file: string, story: StoryDetail): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(story));
  await rename(temporary, file);
}

/** Reads a detail file written by writeStoryDetail; the loader validated it before writing. */
export async function readStoryDetail(file: string): Promise<StoryDetail> {
  return JSON.parse(await readFile(file, 'utf8')) as StoryDetail;
}

/**
 * The same, read at once: for a story's own page, which Astro renders one at
 * a time, so an asynchronous read only leaves the thread waiting on the file
 * system (5,000 detail files read one after another: 0.3 s, against 0.9-1.1 s).
 */
export function readStoryDetailNow(file: string): StoryDetail {
  return JSON.parse(readFileSync(file, 'utf8')) as StoryDetail;
}
