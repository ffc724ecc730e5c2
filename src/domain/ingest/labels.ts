/**
 * Counts in label form, as releases and fact sheets write them:
 *
 *   MEASURE: COUNT            'Minors recovered: four', 'Arrests: 318', 'Task forces participating: 73'
 *   PLACE: COUNT, PLACE – COUNT   under a measure ('Children recovered, by field office' / 'Omaha: 4')
 *   PLACE (COUNT)             under a measure ('Arrests by city: Mobile (14), Montgomery (9)')
 *   PLACE: MEASURE: COUNT; MEASURE: COUNT   ('Kansas: juveniles recovered: 3; arrests: 5')
 *
 * The measure (subject and action) comes from the label, else from a
 * measure label earlier in the sentence, else from the heading the caller
 * passes. A count in label form followed by its own counted noun ('Omaha: 4
 * children were recovered') is left to the sentence grammar (figures.ts).
 */
import type { FigureSubject } from '../schema.ts';
import { adultModifiers, childModifiers, lookupHead, lookupParticiple, participantSubjects, qualifiers } from './figure-lexicon.ts';
import { countWords, readCount } from './numbers.ts';
import { isCapitalised, tokenize, type Token } from './tokens.ts';

/** What a label counts. */
export interface Measure {
  subject: FigureSubject;
  action: string | null;
}

/** A count read in label form. */
export interface LabelCount {
  value: number;
  /** The count as written, qualifier included. */
  text: string;
  /** 'more than', … when the label gives one ('Partner agencies: more than 400'). */
  qualifier: string | null;
  start: number;
  end: number;
  subject: FigureSubject;
  action: string | null;
  /** The place the label names ('Mobile', 'Salt Lake City'), else null. */
  place: string | null;
  /** A 'Total:' or 'Nationwide:' line: the whole operation's figure. */
  total: boolean;
  /** The measure came from a heading rather than the label itself. */
  fromHeading: boolean;
}

const separators = new Set([':', '–', '—', '-']);
const boundaries = new Set([';', '•', '·', '|', '*', '▪', '●']);
const totalWords = new Set(['total', 'totals', 'overall', 'nationwide', 'nationally', 'national', 'all']);
/** Capitalised words that start a label but name no place. */
const notPlaces = new Set([
  'total',
  'totals',
  'overall',
  'nationwide',
  'national',
  'results',
  'summary',
  'note',
  'source',
  'update',
  'date',
  'question',
  'answer',
  'q',
  'a',
  'the',
  'and',
  'of',
  'by',
  'operation',
  'fbi',
  'statistics',
]);

/**
 * The measure a run of words names: the head noun with its action ('Minors recovered', 'Adult victims
 * rescued', 'Arrests', 'Task forces participating'). Heads after 'by' or 'per' name the breakdown, not the
 * measure ('children recovered, by field office'); a head that carries an action wins over one that does not
 * ('field offices reporting recoveries').
 */
export function measureOf(tokens: readonly Token[], from = 0, to = tokens.length): Measure | undefined {
  let best: Measure | undefined;
  let bestStated = false;
  const modifiers: string[] = [];
  for (let index = from; index < to; index += 1) {
    const token = tokens[index]!;
    if (token.lower === 'by' || token.lower === 'per') break;
    if (token.kind !== 'word') continue;
    const head = lookupHead(token.lower, tokens[index + 1]?.lower);
    if (!head) {
      modifiers.push(token.lower);
      continue;
    }
    let subject = head.entry.subject;
    if (subject === 'victims' && modifiers.some((word) => childModifiers.has(word))) subject = 'children';
    else if (subject === 'victims' && modifiers.some((word) => adultModifiers.has(word))) subject = 'adults';
    let action = head.entry.action ?? null;
    const after = index + head.length;
    if (action === null && after < to) action = lookupParticiple(tokens.slice(after, Math.min(after + 3, to)).map((t) => t.lower))?.action ?? null;
    // A stated action ('recoveries', 'children recovered') outranks the one taking part implies.
    const stated = action !== null;
    if (action === null && participantSubjects.has(subject)) action = 'participated';
    if (!best || (!bestStated && stated)) {
      best = { subject, action };
      bestStated = stated;
    }
    modifiers.push(token.lower);
    index = after - 1;
  }
  return best;
}

/** The words of a label as a place name, when they read as one: one to four capitalised words. */
function placeOf(tokens: readonly Token[], from: number, to: number): string | null {
  const words = tokens.slice(from, to);
  if (words.length === 0 || words.length > 5) return null;
  if (!words.every((token) => isCapitalised(token) || token.text === '.' || token.lower === 'of')) return null;
  if (!isCapitalised(words[0]) || notPlaces.has(words[0]!.lower)) return null;
  if (words.some((token) => token.kind === 'word' && lookupHead(token.lower, undefined))) return null;
  return words.map((token, index) => (index > 0 && token.text !== '.' ? ` ${token.text}` : token.text)).join('');
}

/** Where the label before a separator at `separator` starts: after a boundary, a count, or another separator. */
function labelStart(tokens: readonly Token[], separator: number, floor: number): number {
  let start = separator;
  while (start > floor) {
    const token = tokens[start - 1]!;
    if (boundaries.has(token.text) || token.text === ':' || token.text === ',' || token.text === '.' || token.text === ')') break;
    if (token.kind === 'number') break;
    start -= 1;
  }
  return start;
}

/** True when the tokens from `index` are the next label: words, then a separator, within a few words. */
function nextLabelFollows(tokens: readonly Token[], index: number): boolean {
  for (let ahead = index; ahead < tokens.length && ahead - index <= 5; ahead += 1) {
    const token = tokens[ahead]!;
    if (token.text === ':' || (separators.has(token.text) && tokens[ahead + 1]?.kind === 'number')) return ahead > index;
    if (token.kind !== 'word') return false;
  }
  return false;
}

/** A cheap test: label form needs a count after a colon or a spaced dash, or a count in parentheses. */
const labelHint = new RegExp(
  `:\\s*(?:(?:more than|nearly|over|about|approximately|almost|at least|some|roughly|an estimated)\\s+)?(?:\\p{Nd}|(?:${countWords.join('|')})\\b)|\\s[–—-]\\s*\\p{Nd}|\\(\\p{Nd}[\\d,]*\\)|:\\s*$`,
  'iu',
);

/**
 * The counts in label form in one sentence, with the measure a trailing
 * measure label leaves for the lines after it ('Recoveries by city:'), and
 * the place a leading place label gives the sentence ('Kansas: …').
 */
export function findLabelCounts(sentence: string, heading: Measure | null): { counts: LabelCount[]; measure: Measure | null; place: string | null } {
  if (!labelHint.test(sentence)) return { counts: [], measure: null, place: null };
  const tokens = tokenize(sentence);
  const counts: LabelCount[] = [];
  let sentenceMeasure: Measure | null = null;
  let sentencePlace: string | null = null;
  let floor = 0;
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index]!;
    if (boundaries.has(token.text)) {
      floor = index + 1;
      continue;
    }
    const parenthesised = token.text === '(' && tokens[index + 2]?.text === ')' ? readCount(tokens, index + 1) : undefined;
    if (parenthesised && parenthesised.end === index + 2) {
      // 'Mobile (14)': the place is the capitalised words right before the parenthesis.
      let start = index;
      while (start > floor && (isCapitalised(tokens[start - 1]) || tokens[start - 1]!.text === '.') && index - start < 4) start -= 1;
      const place = placeOf(tokens, start, index);
      const measure = sentenceMeasure ?? heading;
      if (place && measure) {
        counts.push({
          value: parenthesised.value,
          text: tokens[index + 1]!.text,
          qualifier: null,
          start: tokens[index + 1]!.start,
          end: tokens[index + 1]!.end,
          ...measure,
          place,
          total: false,
          fromHeading: sentenceMeasure === null,
        });
      }
      index += 2;
      floor = index + 1;
      continue;
    }
    if (!separators.has(token.text)) continue;
    const start = labelStart(tokens, index, floor);
    // 'Partner agencies: more than 400': a qualifier may stand before the count.
    const qualifier = qualifiers.find((words) => words.every((word, offset) => tokens[index + 1 + offset]?.lower === word));
    const countAt = index + 1 + (qualifier?.length ?? 0);
    const count = readCount(tokens, countAt);
    if (!count) {
      // A label with no count after it: a measure for the counts that follow, or the place they belong to.
      if (token.text === ':' && start < index) {
        const measure = measureOf(tokens, start, index);
        if (measure) sentenceMeasure = measure;
        else sentencePlace = placeOf(tokens, start, index) ?? sentencePlace;
      }
      continue;
    }
    const afterCount = tokens[count.end];
    const ownNoun = afterCount?.kind === 'word' && lookupHead(afterCount.lower, tokens[count.end + 1]?.lower) !== undefined;
    if ((ownNoun && !nextLabelFollows(tokens, count.end)) || start === index) continue;
    // A year is a date, not a count ('Updated: 2019').
    if (/^(1[89]|20)\d\d$/.test(tokens[countAt]!.lower) && count.end === countAt + 1) continue;
    const first = tokens[index + 1]!;
    const last = tokens[count.end - 1]!;
    const own = measureOf(tokens, start, index);
    const total = totalWords.has(tokens[start]!.lower);
    const place = own || total ? null : placeOf(tokens, start, index);
    const measure = own ?? (place || total ? (sentenceMeasure ?? heading) : null);
    if (measure) {
      counts.push({
        value: count.value,
        text: sentence.slice(first.start, last.end),
        qualifier: qualifier ? qualifier.join(' ') : null,
        start: first.start,
        end: last.end,
        ...measure,
        place: place ?? (own ? sentencePlace : null),
        total,
        fromHeading: own === undefined && sentenceMeasure === null,
      });
    }
    index = count.end - 1;
    floor = count.end;
  }
  return { counts, measure: sentenceMeasure, place: sentencePlace };
}
