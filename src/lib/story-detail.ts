/**
 * The bulky part of a story, cached by the article loader beside Astro's
 * content cache: its figures and its body split into sentences. The
 * collection store keeps only a pointer to it (see storySummarySchema).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Figure } from './schema';

export interface StoryDetail {
  figures: Figure[];
  /** Paragraphs, each a list of sentences. */
  paragraphs: string[][];
}

/** Writes a detail file (creating its folder) and returns its path. */
export function writeStoryDetail(file: string, detail: StoryDetail): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(detail));
}

/** Reads a detail file written by writeStoryDetail; the loader validated it before writing. */
export function readStoryDetail(file: string): StoryDetail {
  return JSON.parse(readFileSync(file, 'utf8')) as StoryDetail;
}
