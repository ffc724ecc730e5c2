/**
 * Every collection query the pages use. Pages never call getCollection
 * themselves, so ordering and grouping rules live in one place.
 */
import { getCollection, type CollectionEntry } from 'astro:content';

export type Story = CollectionEntry<'articles'>;

/** Newest first; undated stories last, then by slug so the order is stable. */
export function compareStories(a: Story, b: Story): number {
  const left = a.data.date ?? '';
  const right = b.data.date ?? '';
  if (left !== right) return left < right ? 1 : -1;
  return a.id.localeCompare(b.id);
}

/** All stories, newest first. */
export async function getStories(): Promise<Story[]> {
  return (await getCollection('articles')).sort(compareStories);
}
