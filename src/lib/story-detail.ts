/**
 * A story as the article loader validated it (frontmatter, figures and the
 * body split into sentences), cached beside Astro's content cache in a file
 * named by the copy's digest. The collection store keeps only the path to
 * it (see storyPointerSchema).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { StoredArticle } from './schema';

/** Bumped when what a detail file holds changes, so files of an older layout are never read as new. */
const detailFormat = 'v2';

/** `<slug>.<digest of the copy>.<format>.json` */
export function detailFileName(slug: string, digest: string): string {
  return `${slug}.${digest}.${detailFormat}.json`;
}

/** The copy's digest named in a detail file's name, as detailFileName wrote it. */
export function digestInDetailFile(slug: string, file: string): string {
  return path.basename(file).slice(slug.length + 1, -`.${detailFormat}.json`.length);
}

/** Writes a detail file, creating its folder. */
export function writeStoryDetail(file: string, story: StoredArticle): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(story));
}

/** Reads a detail file written by writeStoryDetail; the loader validated it before writing. */
export function readStoryDetail(file: string): StoredArticle {
  return JSON.parse(readFileSync(file, 'utf8')) as StoredArticle;
}
