/**
 * The vocabulary of the figure grammar (figures.ts): which nouns are counted
 * subjects, which words say what happened to them, which words qualify a
 * count. Kept apart so the grammar reads as rules and the words can grow.
 */
import type { FigureSubject } from '../schema.ts';

/** A noun that heads a counted phrase; nominal heads ('arrests') carry their action. */
export interface HeadEntry {
  subject: FigureSubject;
  action?: string;
}

const heads = new Map<string, HeadEntry>();
function addHeads(subject: FigureSubject, words: readonly string[], action?: string): void {
  for (const word of words) heads.set(word, action === undefined ? { subject } : { subject, action });
}
addHeads('children', [
  'children',
  'child',
  'kids',
  'kid',
  'minors',
  'minor',
  'juveniles',
  'juvenile',
  'teenagers',
  'teenager',
  'teens',
  'teen',
  'girls',
  'girl',
  'boys',
  'boy',
  'youths',
  'youth',
  'infants',
  'infant',
]);
// 'women' and 'men' say nothing of who was a victim and who was arrested: they are people.
addHeads('adults', ['adults', 'adult']);
addHeads('victims', ['victims', 'victim', 'survivors', 'survivor']);
addHeads('traffickers', ['traffickers', 'trafficker', 'pimps', 'pimp', 'panderers', 'panderer']);
addHeads('people', [
  'people',
  'persons',
  'person',
  'individuals',
  'individual',
  'suspects',
  'suspect',
  'defendants',
  'defendant',
  'offenders',
  'offender',
  'men',
  'man',
  'women',
  'woman',
  'johns',
  'buyers',
  'buyer',
  'predators',
  'predator',
  'agents',
  'officers',
  'personnel',
  'investigators',
  'analysts',
  'specialists',
  'subjects',
  'customers',
  'purchasers',
  'solicitors',
  'arrestees',
  'fugitives',
]);
addHeads('agencies', ['agencies', 'agency', 'departments', 'department']);
addHeads('investigations', ['investigations', 'investigation', 'probes', 'probe']);
addHeads('cases', ['cases', 'case']);
// Only plural nominal heads: a singular one is usually a modifier ('arrest warrants', 'rescue teams').
addHeads('people', ['arrests'], 'arrested');
addHeads('people', ['convictions'], 'convicted');
addHeads('people', ['indictments'], 'indicted');
addHeads('victims', ['rescues'], 'rescued');
addHeads('victims', ['recoveries'], 'recovered');

/**
 * Singular heads: with a count other than one they are modifiers of a noun
 * the lexicon does not know ('five child advocacy centers'), so no figure.
 */
export const singularHeads = new Set([
  'child',
  'kid',
  'minor',
  'juvenile',
  'teenager',
  'teen',
  'girl',
  'boy',
  'youth',
  'infant',
  'adult',
  'woman',
  'victim',
  'survivor',
  'trafficker',
  'pimp',
  'person',
  'individual',
  'suspect',
  'defendant',
  'offender',
  'man',
  'buyer',
  'predator',
  'agency',
  'department',
  'investigation',
  'probe',
  'case',
  'task force',
  'field office',
  'field division',
  'sex worker',
]);

/** Two-word heads by first word, looked up before single words ('task forces', 'field offices'). */
const twoWordHeads = new Map<string, ReadonlyMap<string, HeadEntry>>([
  [
    'task',
    new Map([
      ['forces', { subject: 'task forces' }],
      ['force', { subject: 'task forces' }],
    ]),
  ],
  [
    'field',
    new Map([
      ['offices', { subject: 'field offices' }],
      ['office', { subject: 'field offices' }],
      ['divisions', { subject: 'field offices' }],
      ['division', { subject: 'field offices' }],
    ]),
  ],
  // Adults in commercial sex: in these releases they are victims offered help, not suspects.
  [
    'sex',
    new Map([
      ['workers', { subject: 'adults' }],
      ['worker', { subject: 'adults' }],
    ]),
  ],
]);

/** The head noun starting at these lower-case words, and how many words it takes. */
export function lookupHead(word: string, nextWord: string | undefined): { entry: HeadEntry; length: number } | undefined {
  const pair = nextWord === undefined ? undefined : twoWordHeads.get(word)?.get(nextWord);
  if (pair) return { entry: pair, length: 2 };
  const single = heads.get(word);
  return single ? { entry: single, length: 1 } : undefined;
}

/** Modifiers that make 'victims' children or adults ('minor victims', 'adult victims'). */
export const childModifiers = new Set([
  'child',
  'children',
  'minor',
  'minors',
  'underage',
  'juvenile',
  'young',
  'teen',
  'teenage',
  'kid',
  'kids',
  'girl',
  'boy',
]);
export const adultModifiers = new Set(['adult', 'adults']);

/** Words that may sit between two heads of one phrase ('child sex trafficking victims'). */
export const continuationWords = new Set([
  'sex',
  'sexual',
  'trafficking',
  'trafficked',
  'human',
  'labor',
  'labour',
  'exploitation',
  'exploited',
  'missing',
  'runaway',
  'endangered',
  'abuse',
]);

/** Words that end a counted phrase before its head: determiners, prepositions, auxiliaries, relatives, pronouns. */
export const stopWords = new Set([
  'the',
  'a',
  'an',
  'this',
  'that',
  'these',
  'those',
  'its',
  'their',
  'his',
  'her',
  'our',
  'of',
  'in',
  'on',
  'at',
  'for',
  'from',
  'to',
  'with',
  'by',
  'during',
  'across',
  'since',
  'into',
  'among',
  'including',
  'over',
  'under',
  'through',
  'throughout',
  'after',
  'before',
  'between',
  'within',
  'without',
  'per',
  'as',
  'than',
  'and',
  'or',
  'but',
  'have',
  'has',
  'had',
  'are',
  'is',
  'was',
  'were',
  'be',
  'been',
  'being',
  'will',
  'would',
  'could',
  'can',
  'may',
  'might',
  'shall',
  'should',
  'do',
  'does',
  'did',
  'who',
  'whom',
  'whose',
  'which',
  'where',
  'when',
  'they',
  'it',
  'we',
  'he',
  'she',
  'not',
  'also',
  'said',
  'says',
  'according',
]);

/** Units of time, money and measure: a number before them is a duration or amount, never a count of people. */
export const nonCountUnits = new Set([
  'year',
  'years',
  'month',
  'months',
  'week',
  'weeks',
  'day',
  'days',
  'hour',
  'hours',
  'minute',
  'minutes',
  'decade',
  'decades',
  'percent',
  'per',
  'dollars',
  'cents',
  'miles',
  'mile',
  'times',
  'a.m',
  'p.m',
  'am',
  'pm',
  'states',
]);

/** Words right before a number that make it a label, a rank or an age rather than a count. */
export const labelWords = new Set([
  'age',
  'aged',
  'ages',
  'ranked',
  'rank',
  'no',
  'number',
  'chapter',
  'section',
  'title',
  'route',
  'interstate',
  'highway',
  'room',
  'suite',
  'page',
  'episode',
  'season',
  'ward',
  'district',
  'precinct',
  'unit',
  'code',
  'usc',
  'u.s.c',
]);

export const monthWords = new Set([
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
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
]);

/** Qualifiers of a count as word sequences, longest first. */
export const qualifiers: readonly (readonly string[])[] = [
  'just more than',
  'no fewer than',
  'no less than',
  'in excess of',
  'more than',
  'fewer than',
  'less than',
  'at least',
  'at most',
  'up to',
  'an estimated',
  'close to',
  'upwards of',
  'upward of',
  'just over',
  'just under',
  'well over',
  'as many as',
  'nearly',
  'almost',
  'about',
  'approximately',
  'around',
  'roughly',
  'some',
  'over',
  'estimated',
]
  .map((phrase) => phrase.split(' '))
  .sort((a, b) => b.length - a.length);

/** Auxiliaries and adverbs that may stand between a counted phrase and its participle ('have been', 'were also'). */
export const auxiliaries = new Set(['have', 'has', 'had', 'are', 'is', 'was', 'were', 'be', 'been', 'being', 'will', 'would', 'got', 'get']);
export const adverbs = new Set([
  'also',
  'later',
  'all',
  'subsequently',
  'successfully',
  'safely',
  'reportedly',
  'allegedly',
  'each',
  'now',
  'then',
  'eventually',
  'ultimately',
  'since',
  'either',
  'ever',
  'already',
  'quickly',
]);

/** Participles and past tenses that say what happened to the counted, mapped to the archive's action words. */
const participles: Readonly<Record<string, string>> = {
  arrested: 'arrested',
  apprehended: 'arrested',
  detained: 'arrested',
  rescued: 'rescued',
  freed: 'rescued',
  saved: 'rescued',
  recovered: 'recovered',
  identified: 'identified',
  located: 'located',
  found: 'located',
  assisted: 'assisted',
  helped: 'assisted',
  served: 'assisted',
  convicted: 'convicted',
  charged: 'charged',
  indicted: 'indicted',
  sentenced: 'sentenced',
  prosecuted: 'prosecuted',
  opened: 'opened',
  initiated: 'opened',
  participated: 'participated',
  involved: 'participated',
  interviewed: 'interviewed',
  participating: 'participated',
};

/** Multi-word phrases with the same role ('offered assistance', 'taken into custody'). */
const participlePhrases: readonly (readonly [readonly string[], string])[] = [
  [['taken', 'into', 'custody'], 'arrested'],
  [['face', 'charges'], 'charged'],
  [['faced', 'charges'], 'charged'],
  [['facing', 'charges'], 'charged'],
  [['face', 'federal', 'charges'], 'charged'],
  [['face', 'state', 'charges'], 'charged'],
  [['took', 'part'], 'participated'],
  [['taken', 'part'], 'participated'],
  [['offered', 'assistance'], 'assisted'],
  [['offered', 'services'], 'assisted'],
  [['offered', 'help'], 'assisted'],
  [['provided', 'assistance'], 'assisted'],
  [['provided', 'services'], 'assisted'],
  [['provided', 'with', 'services'], 'assisted'],
  [['received', 'assistance'], 'assisted'],
  [['received', 'services'], 'assisted'],
];

/** The action a participle or participle phrase starting at `words[0]` states, and its length in words. */
export function lookupParticiple(words: readonly string[]): { action: string; length: number } | undefined {
  for (const [phrase, action] of participlePhrases) {
    if (phrase.every((word, index) => words[index] === word)) return { action, length: phrase.length };
  }
  const single = words[0] === undefined ? undefined : participles[words[0]];
  return single === undefined ? undefined : { action: single, length: 1 };
}

/** Verbs before a count in any tense ('located 59', 'to rescue 20'), mapped to actions. */
export const verbActions: Readonly<Record<string, string>> = {
  ...participles,
  arrest: 'arrested',
  arrests: 'arrested',
  arresting: 'arrested',
  apprehend: 'arrested',
  detain: 'arrested',
  rescue: 'rescued',
  rescues: 'rescued',
  rescuing: 'rescued',
  free: 'rescued',
  freeing: 'rescued',
  save: 'rescued',
  recover: 'recovered',
  recovers: 'recovered',
  recovering: 'recovered',
  identify: 'identified',
  identifies: 'identified',
  identifying: 'identified',
  locate: 'located',
  locates: 'located',
  locating: 'located',
  find: 'located',
  finds: 'located',
  finding: 'located',
  assist: 'assisted',
  assists: 'assisted',
  assisting: 'assisted',
  help: 'assisted',
  helps: 'assisted',
  helping: 'assisted',
  serve: 'assisted',
  serves: 'assisted',
  serving: 'assisted',
  convict: 'convicted',
  convicting: 'convicted',
  charge: 'charged',
  charging: 'charged',
  indict: 'indicted',
  prosecute: 'prosecuted',
  open: 'opened',
  opening: 'opened',
  initiate: 'opened',
  interview: 'interviewed',
  interviewing: 'interviewed',
};

/** Nouns of action before 'of' ('the arrest of 67 traffickers'), mapped to actions. */
export const nominalActions: Readonly<Record<string, string>> = {
  arrest: 'arrested',
  arrests: 'arrested',
  apprehension: 'arrested',
  apprehensions: 'arrested',
  rescue: 'rescued',
  rescues: 'rescued',
  recovery: 'recovered',
  recoveries: 'recovered',
  identification: 'identified',
  identifications: 'identified',
  location: 'located',
  locating: 'located',
  conviction: 'convicted',
  convictions: 'convicted',
  opening: 'opened',
  openings: 'opened',
  indictment: 'indicted',
  indictments: 'indicted',
  prosecution: 'prosecuted',
  prosecutions: 'prosecuted',
};

/** Subjects that take part rather than undergo: with no stated action they participated. */
export const participantSubjects = new Set<FigureSubject>(['agencies', 'task forces', 'field offices']);

/** Subjects that are people, for whom an action a few words earlier in the clause still applies. */
export const personSubjects = new Set<FigureSubject>(['children', 'adults', 'victims', 'traffickers', 'people']);
