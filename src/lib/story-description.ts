/** The meta description of a story: its opening words, cut at a word boundary. */
import type { StoryRecord } from './story-record';

/** The first sentences of the body up to about `max` characters, ending in '…' when cut. */
export function storyDescription(story: StoryRecord, max = 160): string {
  const text = story.data.paragraphs.flat().join(' ').replace(/\s+/g, ' ').trim();
  if (text.length === 0) return story.data.title;
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}
