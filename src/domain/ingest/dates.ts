/**
 * Dating an article that has no date line. Two rules, both conservative:
 *
 * 1. From its own text: a full date (with the year) attached to the
 *    announcement or release the article reports ('an Aug. 1, 2023
 *    announcement', 'a release from the FBI on August 1, 2023', 'announced on
 *    Aug. 1, 2023'). The latest such day is taken. A bare year is not enough
 *    for a day.
 * 2. From another article: when a dated article (dated by its own date line)
 *    reports the same figures — at least two identical value, subject and
 *    action, or an identical set — the undated one takes its date. Running
 *    totals are left out of the match: they recur across years; so are
 *    figures that more than `maxReporting` dated articles report.
 *
 * Otherwise the date stays unknown and the clues that did not settle it
 * (days without a year, 'last month', 'the 13th year') are quoted.
 */
import { isIsoDate, type Figure } from '../schema.ts';
import { ordinalPattern } from './ordinals.ts';

export interface DateFields {
  date: string | null;
  dateSource: 'source' | 'inferred' | 'unknown';
  dateEvidence: string | null;
}

/** A month's number by its name or abbreviation, lower case. */
export const monthNumbers: Readonly<Record<string, number>> = {
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sep: 9,
  sept: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};

const month =
  '(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Mar\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.)';
const monthDay = `${month}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:\\s*[-–]\\s*\\d{1,2})?(?:,?\\s+(\\d{4}))?`;
const announcementNoun = '(?:press\\s+|news\\s+|media\\s+)?(?:announcement|release|statement|conference|briefing|report)';
const announcingVerb = '(?:announced|said|reported|released|stated|revealed|unveiled)';

/** Day-anchored phrases, most specific first; groups 1–3 are month, day and optional year. */
const anchoredPatterns: readonly RegExp[] = [
  new RegExp(`\\b(?:an?|the|its|their)\\s+${monthDay}\\s+${announcementNoun}\\b`, 'g'),
  new RegExp(
    `\\b(?:an?|the|its|their)\\s+${announcementNoun}(?:\\s+(?:from|by)(?:\\s+the)?(?:\\s+\\p{Lu}[\\p{L}.&’'-]*){1,5})?\\s+(?:on|dated)\\s+${monthDay}`,
    'gu',
  ),
  // 'announced the results … last week, on June 20, 2019'.
  new RegExp(`\\b${announcingVerb}(?:\\s+[\\w’'-]+,?){0,10}?\\s+on\\s+${monthDay}`, 'g'),
  // 'On March 4, 2015, the FBI announced …'.
  new RegExp(`\\b[Oo]n\\s+${monthDay},?\\s+(?:[\\p{L}’'.-]+\\s+){1,6}?${announcingVerb}\\b`, 'gu'),
];
const plainDay = new RegExp(`\\b${monthDay}`, 'g');
const relativePhrase =
  /\b(?:(?:last|this|next|past|earlier this|later this)\s+(?:week|month|year|weekend|spring|summer|fall|autumn|winter|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|yesterday|on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b/gi;
const editionPhrase = new RegExp(`\\bthe\\s+${ordinalPattern}\\s+(?:year|annual|edition|iteration)\\b`, 'gi');
const monthOnly =
  /\b(?:in|during|since|throughout|of)\s+(?:the\s+month\s+of\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December)\b(?!\s+\d)/g;

/** A date phrase found in the text. */
export interface DatePhrase {
  text: string;
  sentence: number;
  start: number;
  end: number;
  /** The full day when the phrase gives month, day and year and is tied to an announcement. */
  announcedDay: string | null;
}

function dayOf(match: RegExpExecArray): string | null {
  const monthName = match[1]?.replace('.', '').toLowerCase();
  const monthValue = monthName === undefined ? undefined : monthNumbers[monthName];
  if (monthValue === undefined || match[3] === undefined) return null;
  const day = `${match[3]}-${String(monthValue).padStart(2, '0')}-${match[2]!.padStart(2, '0')}`;
  return isIsoDate(day) ? day : null;
}

// Cheap tests that say which patterns can match a sentence at all: most name no day and no month.
const monthDayHint = new RegExp(`${month}\\s+\\d`);
const monthHint = /January|February|March|April|May|June|July|August|September|October|November|December/;
const editionHint = /\s(?:year|annual|edition|iteration)\b/i;

/** Every date clue of the article in reading order; anchored phrases win over the bare days inside them. */
export function findDatePhrases(sentences: readonly string[]): DatePhrase[] {
  const found: DatePhrase[] = [];
  sentences.forEach((sentence, index) => {
    const here: DatePhrase[] = [];
    const add = (match: RegExpExecArray, announcedDay: string | null) => {
      const end = match.index + match[0].length;
      if (here.some((other) => match.index < other.end && end > other.start)) return;
      here.push({ text: match[0].replace(/\s+/g, ' '), sentence: index, start: match.index, end, announcedDay });
    };
    const hasDay = monthDayHint.test(sentence);
    if (hasDay) for (const pattern of anchoredPatterns) for (const match of sentence.matchAll(pattern)) add(match, dayOf(match));
    const patterns = [hasDay && plainDay, relativePhrase, editionHint.test(sentence) && editionPhrase, monthHint.test(sentence) && monthOnly];
    for (const pattern of patterns) if (pattern) for (const match of sentence.matchAll(pattern)) add(match, null);
    found.push(...here.sort((a, b) => a.start - b.start));
  });
  return found;
}

/** Rule 1: the day of the latest dated announcement the text reports, with the words it rests on. */
export function dateFromPhrases(phrases: readonly DatePhrase[]): DateFields | null {
  const anchored = phrases.filter((phrase) => phrase.announcedDay !== null);
  if (anchored.length === 0) return null;
  const latest = anchored.reduce((best, phrase) => (phrase.announcedDay! > best.announcedDay! ? phrase : best));
  return {
    date: latest.announcedDay,
    dateSource: 'inferred',
    dateEvidence: `The text dates the announcement it reports: '${latest.text}'`,
  };
}

/** Rule 1 on sentences. */
export function dateFromText(sentences: readonly string[]): DateFields | null {
  return dateFromPhrases(findDatePhrases(sentences));
}

/** The clues that did not settle a date, quoted, or null when there are none. */
export function cluesFromPhrases(phrases: readonly DatePhrase[]): string | null {
  const seen = new Set<string>();
  const clues = phrases.map((phrase) => phrase.text).filter((text) => !seen.has(text.toLowerCase()) && seen.add(text.toLowerCase()));
  if (clues.length === 0) return null;
  // A full day is a date with a year ('March 4, 2015'); only the other clues lack one.
  const withYear = phrases.some((phrase) => /\d{4}$/.test(phrase.text) && phrase.text.length > 4);
  return `${withYear ? 'Clues that do not settle the day' : 'Clues without a year'}: ${clues.map((text) => `'${text}'`).join(', ')}`;
}

/** The unsettled clues of sentences. */
export function unsettledClues(sentences: readonly string[]): string | null {
  return cluesFromPhrases(findDatePhrases(sentences));
}

/** A dated article that an undated one may share figures with. */
export interface DatedArticle {
  file: string;
  slug: string;
  date: string;
  figures: readonly Figure[];
}

function figureKey(figure: Figure): string {
  return `${figure.value}|${figure.subject}|${figure.action ?? ''}`;
}

/** How a figure reads in evidence: 'more than 200 victims rescued'. */
export function describeFigure(figure: Figure): string {
  return [figure.qualifier, figure.value.toLocaleString('en-US'), figure.subject, figure.action].filter(Boolean).join(' ');
}

function matchKeys(figures: readonly Figure[]): Map<string, Figure> {
  const keys = new Map<string, Figure>();
  for (const figure of figures) if (figure.scope.kind !== 'cumulative' && !keys.has(figureKey(figure))) keys.set(figureKey(figure), figure);
  return keys;
}

export type FigureDating = { kind: 'dated'; fields: DateFields } | { kind: 'ambiguous'; note: string } | null;

/**
 * The dated articles indexed by figure, so matching an undated article costs
 * the number of articles that share a figure with it, not the whole archive.
 */
export interface DatedIndex {
  byKey: Map<string, DatedArticle[]>;
  sizes: Map<DatedArticle, number>;
}

/** Indexes dated articles by their non-cumulative figures. */
export function indexDated(dated: readonly DatedArticle[]): DatedIndex {
  const byKey = new Map<string, DatedArticle[]>();
  const sizes = new Map<DatedArticle, number>();
  for (const article of dated) {
    const keys = matchKeys(article.figures);
    sizes.set(article, keys.size);
    for (const key of keys.keys()) {
      const list = byKey.get(key);
      if (list) list.push(article);
      else byKey.set(key, [article]);
    }
  }
  return { byKey, sizes };
}

/** More dated articles than this reporting one figure make it too common to date anything by. */
export const maxReporting = 20;

/** Rule 2: the date of the dated article that shares the most figures, when the match is strong and unambiguous. */
export function dateFromFigures(figures: readonly Figure[], index: DatedIndex, ownFile: string): FigureDating {
  const mine = matchKeys(figures);
  if (mine.size === 0) return null;
  const shared = new Map<DatedArticle, string[]>();
  for (const key of mine.keys()) {
    const reporting = index.byKey.get(key) ?? [];
    // A figure that many dated articles report is boilerplate ('56 field offices participated') and tells
    // no date; skipping it also keeps matching linear in the size of the archive.
    if (reporting.length > maxReporting) continue;
    for (const other of reporting) {
      if (other.file === ownFile) continue;
      const list = shared.get(other);
      if (list) list.push(key);
      else shared.set(other, [key]);
    }
  }
  const matches = [...shared]
    .map(([other, keys]) => ({ other, shared: keys, identical: keys.length === mine.size && keys.length === index.sizes.get(other) }))
    .filter((match) => match.shared.length >= 2 || match.identical)
    .sort((a, b) => b.shared.length - a.shared.length || a.other.file.localeCompare(b.other.file));
  const best = matches[0];
  if (!best) return null;
  const rivals = matches.filter((match) => match.shared.length === best.shared.length && match.other.date !== best.other.date);
  if (rivals.length > 0) {
    const names = [best, ...rivals].map((match) => `${match.other.file} (${match.other.date})`).join(', ');
    return { kind: 'ambiguous', note: `Shares as many figures with articles of different dates: ${names}` };
  }
  const described = best.shared.map((key) => describeFigure(mine.get(key)!)).join('; ');
  return {
    kind: 'dated',
    fields: {
      date: best.other.date,
      dateSource: 'inferred',
      dateEvidence: `Reports the same figures as ${best.other.file} (${best.other.slug}, dated ${best.other.date} by its date line): ${described}`,
    },
  };
}
