/**
 * A figure together with where it is cited: its story and the anchor of the
 * sentence it came from. Every page that shows a number links it this way.
 */
import { storyPath } from './paths.ts';
import type { Figure } from './schema.ts';
import type { StoryRecord } from './story-record.ts';
import { sentenceId } from './story-sentences.ts';

export interface CitedFigure<S extends StoryRecord = StoryRecord> {
  story: S;
  figure: Figure;
  /** Position of the figure in the story's frontmatter. */
  index: number;
  /** Number of the sentence it came from. */
  sentence: number;
  /** `/stories/<slug>/#s-N`. */
  href: string;
}

/** Every figure of a story with the link to its sentence. */
export function citeFigures<S extends StoryRecord>(story: S): CitedFigure<S>[] {
  const numbers = story.data.figureSentences;
  const base = storyPath(story);
  return story.data.figures.map((figure, index) => {
    const sentence = numbers[index];
    // The article loader refuses such a copy, so this only guards hand-built records.
    if (sentence === null || sentence === undefined) throw new Error(`${story.id}: figures.${index}.sentence is not a sentence of the body`);
    return { story, figure, index, sentence, href: `${base}#${sentenceId(sentence)}` };
  });
}
