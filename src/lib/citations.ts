/**
 * A figure together with where it is cited: its story and the anchor of the
 * sentence it came from. Every page that shows a number links it this way.
 */
import { storyPath } from './paths';
import type { Figure } from './schema';
import type { StoryRecord } from './story-record';
import { figureSentenceNumbers, sentenceId } from './story-sentences';

export interface CitedFigure<S extends StoryRecord = StoryRecord> {
  story: S;
  figure: Figure;
  /** Position of the figure in the story's frontmatter. */
  index: number;
  /** Number of the sentence it came from, or null when the body lacks that sentence. */
  sentence: number | null;
  /** `/stories/<slug>/#s-N`, or the story's permalink when the sentence is missing. */
  href: string;
}

/** Every figure of a story with the link to its sentence. */
export function citeFigures<S extends StoryRecord>(story: S): CitedFigure<S>[] {
  const numbers = figureSentenceNumbers(story.data.paragraphs, story.data.figures);
  const base = storyPath(story);
  return story.data.figures.map((figure, index) => {
    const sentence = numbers[index] ?? null;
    return { story, figure, index, sentence, href: sentence === null ? base : `${base}#${sentenceId(sentence)}` };
  });
}
