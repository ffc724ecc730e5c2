/** The meta description of a story: its opening words, cut at a word boundary. */
import { normalise } from './story-sentences.ts';

/** The first sentences of the body up to about `max` characters, ending in '…' when cut; the title when the body is empty. */
export function storyDescription(paragraphs: readonly (readonly string[])[], title: string, max = 160): string {
  // Only the opening sentences can reach the description: join sentences until their text is longer than
  // `max`; what that text holds is the start of the whole body's (whitespace folded the same way).
  let joined = '';
  let text = '';
  for (const paragraph of paragraphs) {
    for (const sentence of paragraph) {
      joined = joined === '' ? sentence : `${joined} ${sentence}`;
      if (joined.length > max && (text = normalise(joined)).length > max) return cutAt(text, max);
    }
  }
  text = normalise(joined);
  if (text.length === 0) return title;
  return text.length <= max ? text : cutAt(text, max);
}

/** A text longer than `max` cut at a word boundary before it, ending in '…'. */
function cutAt(text: string, max: number): string {
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}
