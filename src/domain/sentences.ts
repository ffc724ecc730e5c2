/**
 * Sentence segmentation shared by ingest (a figure records its sentence) and
 * the site (each sentence gets an anchor), so a figure's sentence is always
 * one of the story's anchored sentences.
 */
import { sentenceSegments } from './sentence-breaks.ts';

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/**
 * Abbreviations after which ICU breaks a sentence too eagerly when a capital
 * follows ('Mr. Smith', 'Sen. Jones', 'Gov. Cooper').
 */
const abbreviations = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'sen',
  'rep',
  'gov',
  'lt',
  'sgt',
  'capt',
  'col',
  'gen',
  'det',
  'atty',
  'st',
  'ft',
  'mt',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'no',
  'vs',
  'inc',
  'corp',
  'jr',
  'sr',
]);

/** Words that, after 'U.S.', continue a name ('U.S. Attorney’s Office') rather than start a sentence. */
const usNameContinuations =
  /^(?:Attorney|Attorneys|Attorney’s|Attorney's|Marshals?|Department|Customs|Immigration|Border|Secret|Postal|Army|Navy|Air|Coast|Senate|House|Congress|Supreme|District|Court|Government|Embassy|Homeland|Citizenship|Immigration)\b/;

function continuesPrevious(previous: string, next: string): boolean {
  if (/\bU\.S\.\s*$/.test(previous)) return usNameContinuations.test(next.trim());
  const match = /(?:^|[\s(“"'])([A-Za-z]+)\.\s*$/.exec(previous);
  return match !== null && abbreviations.has(match[1]!.toLowerCase());
}

/** Splits one paragraph into its sentences, each trimmed; joining them with spaces restores the words. */
export function splitSentences(paragraph: string): string[] {
  const sentences: string[] = [];
  // The same boundaries as ICU's, found without it for text of common characters (sentence-breaks.ts).
  const segments = sentenceSegments(paragraph) ?? Array.from(segmenter.segment(paragraph), ({ segment }) => segment);
  for (const segment of segments) {
    const previous = sentences.at(-1);
    if (previous !== undefined && continuesPrevious(previous, segment)) {
      sentences[sentences.length - 1] = `${previous} ${segment.trim()}`;
    } else if (segment.trim()) {
      sentences.push(segment.trim());
    }
  }
  return sentences;
}
