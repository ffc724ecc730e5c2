/**
 * The shape of a story that the pure view-model modules work on. Content
 * collection entries satisfy it, and unit tests can build one by hand
 * without Astro's virtual modules.
 */
import type { StoredArticle } from './schema';

/** One story: its slug as id, its validated frontmatter and sentence-split body. */
export interface StoryRecord {
  id: string;
  data: StoredArticle;
}

/** Newest first; undated stories last, then by slug so the order is stable. */
export function compareStories(a: StoryRecord, b: StoryRecord): number {
  const left = a.data.date ?? '';
  const right = b.data.date ?? '';
  if (left !== right) return left < right ? 1 : -1;
  return a.id.localeCompare(b.id);
}

/** The story's year when its date is stated or inferred, else null: never guessed from the text. */
export function storyYear(story: StoryRecord): number | null {
  return story.data.date === null ? null : Number(story.data.date.slice(0, 4));
}
