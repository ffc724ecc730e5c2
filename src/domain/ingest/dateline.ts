/**
 * The dateline that opens a wire story or a release: 'WASHINGTON (CBS/WNCN) —'
 * gives the place WASHINGTON and the outlet CBS/WNCN; 'CHARLOTTE, N.C. —',
 * 'Mobile, AL -' and 'WASHINGTON, D.C.—' give the place only; a release's
 * '(Washington, D.C./Omaha)' gives the places it was issued from; 'WASHINGTON,
 * July 29, 2013 —' gives a day too. The words stay in the body; this only
 * reads them. A release's letterhead ('FOR IMMEDIATE RELEASE', 'FBI Omaha',
 * a date alone) may come first: the dateline is then the first paragraph after it.
 */
import { isIsoDate } from '../schema.ts';
import { monthNumbers } from './dates.ts';
import { stateFor } from './places.ts';

export interface Dateline {
  /** The place as written, with its state if given ('CHARLOTTE, N.C.', 'Mobile, AL'), else null. */
  dateline: string | null;
  /** The outlet in parentheses after the place ('CBS/WNCN', 'AP'), else null. */
  outlet: string | null;
  /** The day the dateline or the letterhead gives ('WASHINGTON, July 29, 2013 —'), YYYY-MM-DD, else null. */
  date?: string | null;
}

const monthNames =
  'January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Mar\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.';
const fullDate = `(?:${monthNames})\\s+\\d{1,2},?\\s+\\d{4}`;
const dash = '(?:—|–|--|-)';

// A place in capitals ('ST. LOUIS'), optionally ', State' in any case ('N.C.', 'Colo.', 'Texas'), optionally a
// full date, optionally '(OUTLET)', then a dash. Either the place or the outlet must be there. A dash glued to
// the next word ('D.C.—Operation') still ends the dateline.
const capitalsPattern = new RegExp(
  `^(?:(\\p{Lu}[\\p{Lu}.'’ -]*[\\p{Lu}.](?:,\\s+\\p{Lu}[\\p{L}.]*(?:\\s+\\p{Lu}[\\p{L}.]*)*)?)(?:,?\\s+(${fullDate}))?\\s*)?(?:\\(([^()\\n]{1,60})\\)\\s*)?(?:${dash}\\s|[—–](?=\\p{Lu}))`,
  'u',
);
// A place in ordinary case needs a state after it to be a place ('Mobile, AL -', 'Anchorage, Alaska –').
const mixedCasePattern = new RegExp(
  `^(\\p{Lu}[\\p{Ll}.'’]+(?:\\s+\\p{Lu}[\\p{Ll}.'’]+){0,2}),\\s+(\\p{Lu}[\\p{L}.]*(?:\\s+\\p{Lu}[\\p{L}.]*)?)(?:,?\\s+(${fullDate}))?\\s*(?:\\(([^()\\n]{1,60})\\)\\s*)?(?:${dash}\\s|[—–](?=\\p{Lu}))`,
  'u',
);
// A release's places in parentheses, with no dash after: '(Washington, D.C./Omaha) The FBI …'.
const parenthesisedPlaces = /^\(((?:\p{Lu}[\p{L}.'’]*(?:[ ,]+\p{Lu}[\p{L}.'’]*)*)(?:\s*\/\s*\p{Lu}[\p{L}.'’]*(?:[ ,]+\p{Lu}[\p{L}.'’]*)*)*)\)\s+\p{Lu}/u;

/** 'July 29, 2013' as '2013-07-29', or null when it is no real day. */
export function isoDay(written: string): string | null {
  const match = /^(\p{L}+)\.?\s+(\d{1,2}),?\s+(\d{4})$/u.exec(written.trim());
  const month = match ? monthNumbers[match[1]!.toLowerCase()] : undefined;
  if (!match || month === undefined) return null;
  const day = `${match[3]}-${String(month).padStart(2, '0')}-${match[2]!.padStart(2, '0')}`;
  return isIsoDate(day) ? day : null;
}

/** Reads the dateline and outlet from one paragraph, or nulls when it opens with none. */
export function readDateline(paragraph: string): Dateline {
  const mixed = mixedCasePattern.exec(paragraph);
  if (mixed && stateFor(mixed[2]!) !== undefined) {
    return { dateline: `${mixed[1]}, ${mixed[2]}`, outlet: mixed[4]?.trim() ?? null, date: mixed[3] ? isoDay(mixed[3]) : null };
  }
  const places = parenthesisedPlaces.exec(paragraph);
  if (places && (places[1]!.includes('/') || places[1]!.includes(','))) return { dateline: places[1]!.trim(), outlet: null, date: null };
  const match = capitalsPattern.exec(paragraph);
  if (!match || (match[1] === undefined && match[3] === undefined)) return { dateline: null, outlet: null, date: null };
  return { dateline: match[1]?.trim() ?? null, outlet: match[3]?.trim() ?? null, date: match[2] ? isoDay(match[2]) : null };
}

/**
 * A letterhead: short lines with no sentence in them ('FOR IMMEDIATE RELEASE March 4, 2015', 'FBI Omaha',
 * 'U.S. Attorney's Office Central District of Illinois'); abbreviations' periods are not sentence ends.
 */
function isLetterhead(paragraph: string): boolean {
  return paragraph.length <= 160 && !/[.!?”"]$/.test(paragraph) && !/\p{Ll}{2,}[.!?]\s/u.test(paragraph);
}

const letterheadDate = new RegExp(`(?:^|\\s)(${fullDate})$`);

/**
 * The dateline of an article: that of the first paragraph, or of the first
 * after a letterhead of at most three short lines; a day the letterhead ends
 * with is the release's date.
 */
export function readArticleDateline(paragraphs: readonly string[]): Dateline {
  let letterheadDay: string | null = null;
  for (let index = 0; index < Math.min(paragraphs.length, 4); index += 1) {
    const paragraph = paragraphs[index]!;
    const found = readDateline(paragraph);
    if (found.dateline !== null || found.outlet !== null) return { ...found, date: found.date ?? letterheadDay };
    if (!isLetterhead(paragraph)) break;
    const day = letterheadDate.exec(paragraph);
    if (day) letterheadDay ??= isoDay(day[1]!);
  }
  return { dateline: null, outlet: null, date: letterheadDay };
}
