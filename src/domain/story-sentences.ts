/**
 * Sentence anchors for story pages: every sentence of the body gets an id
 * `s-N` (N counts from 1 across the whole article), and every figure points
 * at the sentence it was taken from, so a reader can check each number.
 */
import type { Figure } from './schema.ts';

/** One sentence of a story body with its anchor. */
export interface AnchoredSentence {
  /** 1-based position in the article. */
  n: number;
  /** The element id, `s-N`. */
  id: string;
  text: string;
  /** True when at least one figure was taken from this sentence. */
  cited: boolean;
}

/** The element id of sentence number `n`. */
export function sentenceId(n: number): string {
  return `s-${n}`;
}

/** Whitespace other than single spaces between words: what normalise changes. */
const looseWhitespace = /[^\S ]| {2}|^ | $/;

/**
 * Runs of whitespace as one space, none at either end: the whitespace-insensitive form, so a hand edit that
 * re-wraps a sentence still matches; descriptions fold their text with it too. Most sentences are in that
 * form already and are returned as they are: the replace made this 2 s of a 10,000-story content sync.
 */
export function normalise(text: string): string {
  return looseWhitespace.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
}

/**
 * For each figure (same order), the number of the first sentence equal to its
 * `sentence`, or null when the body has no such sentence.
 */
export function figureSentenceNumbers(paragraphs: readonly (readonly string[])[], figures: readonly Pick<Figure, 'sentence'>[]): (number | null)[] {
  const firstByText = new Map<string, number>();
  let n = 0;
  for (const paragraph of paragraphs) {
    for (const sentence of paragraph) {
      n += 1;
      const key = normalise(sentence);
      if (!firstByText.has(key)) firstByText.set(key, n);
    }
  }
  return figures.map((figure) => firstByText.get(normalise(figure.sentence)) ?? null);
}

/** The body as paragraphs of numbered sentences; `cited` marks the sentences in `citedNumbers`. */
export function anchorSentences(paragraphs: readonly (readonly string[])[], citedNumbers: Iterable<number | null>): AnchoredSentence[][] {
  const cited = new Set(citedNumbers);
  let n = 0;
  return paragraphs.map((paragraph) =>
    paragraph.map((text) => {
      n += 1;
      return { n, id: sentenceId(n), text, cited: cited.has(n) };
    }),
  );
}
