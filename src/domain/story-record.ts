/**
 * The shape of a story that the pure view-model modules work on: what the
 * archive keeps in memory for every page of a build. The body's sentences
 * are not part of it (at 10,000 stories they were 74 MB of the records'
 * 131 MB of heap): a story's own page reads them from its detail file, and
 * every other page needs only what summariseStory derives from them.
 * Unit tests build one by hand without Astro's virtual modules.
 */
import type { StoredArticle } from './schema.ts';
import { storyDescription } from './story-description.ts';
import { figureSentenceNumbers } from './story-sentences.ts';

/** A story's validated frontmatter, with what other pages need of its body. */
export type StoryData = Omit<StoredArticle, 'paragraphs'> & {
  /** For each figure (same order), the number of the body sentence it came from, or null when none is. */
  figureSentences: (number | null)[];
  /** The opening words of the body, for meta descriptions and feeds. */
  description: string;
};

/** One story: its slug as id and its data. */
export interface StoryRecord {
  id: string;
  data: StoryData;
}

/** What the loader caches of a story (see story-detail.ts): its data and its body's sentences. */
export type StoryDetail = StoryData & { paragraphs: string[][] };

/** What the archive keeps of a validated story: everything but the body's sentences. */
export function summariseStory(stored: StoredArticle): StoryData {
  const { paragraphs, ...rest } = stored;
  return { ...rest, figureSentences: figureSentenceNumbers(paragraphs, stored.figures), description: storyDescription(paragraphs, stored.title) };
}

/** A validated story with its summary worked out once, as the loader caches it. */
export function storyDetail(stored: StoredArticle): StoryDetail {
  return { ...summariseStory(stored), paragraphs: stored.paragraphs };
}

/** A cached story without its body, as the archive keeps it. */
export function withoutBody(detail: StoryDetail): StoryData {
  const { paragraphs: _body, ...data } = detail;
  return data;
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
