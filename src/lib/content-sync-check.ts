/**
 * A check that a build renders the collection its content sync produced.
 * Astro 5 writes its data store (data-store.json) on a debounce, and can
 * report the content synced while such a write is still in flight; the
 * build then reads a missing or older file and renders an empty or stale
 * archive without a word (withastro/astro#15453, fixed after Astro 5). Seen
 * here at 100,000 stories: a 'complete' build with no story pages. The loader
 * records what it stored; the archive compares that with what it reads.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';

/** What the article loader left in the collection: how many stories, and a digest of each one's detail file name. */
export interface SyncedCollection {
  count: number;
  digest: string;
}

/** The words scripts/build.ts looks for to build once more. */
export const outOfStepMarker = 'content store out of step with its content sync';

/** Summarises entries as (slug, detail file) pairs; the detail file's name carries the copy's digest. */
export function summariseCollection(entries: Iterable<{ id: string; detail: string }>): SyncedCollection {
  const names = [...entries].map((entry) => `${entry.id}\0${path.basename(entry.detail)}`).sort();
  const hash = createHash('sha256');
  for (const name of names) hash.update(name).update('\n');
  return { count: names.length, digest: hash.digest('base64url') };
}

/** Null when the build reads what the sync stored; else the error message. */
export function syncMismatch(synced: SyncedCollection, read: SyncedCollection): string | null {
  if (synced.count === read.count && synced.digest === read.digest) return null;
  return (
    `${outOfStepMarker}: the article loader stored ${synced.count} stories, the build read ${read.count}` +
    `${synced.count === read.count ? ' (not the same ones)' : ''}. Astro 5 read its data store before it had finished writing it ` +
    '(withastro/astro#15453); npm run build builds once more when this happens.'
  );
}
