/**
 * Places the counts of each sentence (figures.ts, labels.ts) in their
 * article: the scope (one operation's national result, a running total, one
 * region's share) and the catalogue operation each figure belongs to.
 *
 * Scope is read from the sentence first, then from the document:
 *
 * 1. A running total ('since 2003', 'To date'), also when the sentence before
 *    says it and this one gives the numbers, is cumulative.
 * 2. A place named at the count ('11 arrests in North Carolina', 'Mobile (14)')
 *    is the figure's region.
 * 3. A sentence that says nationwide, across the country, nationally or 'in
 *    all' is national; one that names a field office ('FBI Greenville
 *    recovered …'), opens on a place ('In the Omaha metro area, …') or says
 *    'Locally' is that place's. What a sentence says carries to the rest of
 *    its paragraph.
 * 4. A heading that names a place ('Sarpy County') scopes the paragraphs under it.
 * 5. Else the document: a release from one field office or with a dateline
 *    city other than Washington is that place's; any other article's figures
 *    are national.
 *
 * Counts inside one anecdote ('In one case, two suspects …') are not results
 * and are left out.
 *
 * The operation of a figure is, in order: the operation named earlier in the
 * same sentence (none when that is one the catalogue lacks); for a running
 * total, the operation the sentence names, else the standing initiative last
 * named; for 'the initiative' / 'the sweep' before the count, the last
 * initiative / sweep named so far; the operation named later in the
 * sentence; else the operation the article is about.
 */
import type { Figure, FigureSubject } from '../schema.ts';
import { cumulativeSpan, type CumulativeSpan } from './cumulative.ts';
import type { Dateline } from './dateline.ts';
import { findCounts, type CountFinding } from './figures.ts';
import { findLabelCounts, measureOf, type Measure } from './labels.ts';
import { mayHoldCount } from './numbers.ts';
import type { MentionHit, OperationFindings, UnlistedHit } from './operations.ts';
import { fieldOfficeCities, findPlaces, stateFor, statesNamed, type PlaceHit } from './places.ts';
import { tokenize } from './tokens.ts';

/** One sentence of the article and the paragraph it belongs to. */
export interface ArticleSentence {
  paragraph: number;
  text: string;
}

const anaphor =
  /\b(?:the|this|that|its|their)\s+(?:[\w-]+\s+){0,3}?(initiative|program|programme|collaboration|partnership|operation|sweep|campaign|crackdown|sting|effort)s?\b/i;
const initiativeWords = new Set(['initiative', 'program', 'programme', 'collaboration', 'partnership']);

function lastHit(hits: readonly MentionHit[], sentence: number, offset: number, kind?: MentionHit['kind']): MentionHit | undefined {
  let last: MentionHit | undefined;
  for (const hit of hits) {
    if (hit.sentence > sentence || (hit.sentence === sentence && hit.start >= offset)) break;
    if (kind === undefined || hit.kind === kind) last = hit;
  }
  return last;
}

function operationOf(text: string, sentence: number, offset: number, cumulative: boolean, operations: OperationFindings): string | null {
  const here = operations.hits.filter((hit) => hit.sentence === sentence);
  const before = here.filter((hit) => hit.end <= offset).at(-1);
  // An operation the catalogue lacks, named nearer the count than any catalogue name, owns the figure.
  const unlistedBefore = operations.unlistedHits.filter((hit: UnlistedHit) => hit.sentence === sentence && hit.end <= offset).at(-1);
  if (unlistedBefore && (!before || unlistedBefore.start > before.start)) return null;
  // One that opens the sentence is its subject: 'Operation Lost Lantern III, separate from Operation …, ended with 18 arrests'.
  if (operations.unlistedHits.some((hit: UnlistedHit) => hit.sentence === sentence && hit.start <= 4 && hit.end <= offset)) return null;
  if (before) return before.id;
  const after = here.find((hit) => hit.start >= offset);
  if (cumulative) return after?.id ?? lastHit(operations.hits, sentence, offset, 'initiative')?.id ?? null;
  const reference = anaphor.exec(text.slice(0, offset));
  if (reference) {
    if (initiativeWords.has(reference[1]!.toLowerCase())) {
      const initiative = lastHit(operations.hits, sentence, offset, 'initiative');
      if (initiative) return initiative.id;
    }
    return lastHit(operations.hits, sentence, offset, 'sweep')?.id ?? operations.primary;
  }
  if (!after && operations.unlistedHits.some((hit) => hit.sentence === sentence)) return null;
  return after?.id ?? operations.primary;
}

const nationalWords = /\bnation(?:wide|ally)\b|\bacross the (?:country|nation|United States|U\.S\.)|\bacross America\b/i;

function regionOf(places: readonly PlaceHit[], text: string, start: number, end: number, nextStart: number): string | null {
  const after = places.find((place) => place.start >= end && place.start < nextStart);
  if (after) return after.region;
  const before = places.filter((place) => place.end <= start).at(-1);
  if (before && !nationalWords.test(text.slice(before.end, start))) return before.region;
  return null;
}

/** Where a sentence, or a paragraph from it on, puts its figures. */
type Frame = { kind: 'national' } | { kind: 'region'; region: string };

const national: Frame = { kind: 'national' };

// What makes a sentence's figures the whole operation's.
const nationalSignal = new RegExp(
  [
    nationalWords.source,
    '\\b(?:around|throughout) the (?:country|nation|United States)\\b',
    '\\bcoast[- ]to[- ]coast\\b',
    '^(?:In all|In total|All told|Overall),',
    // '… 92 children in all.' (not 'in all of Nebraska', 'in all 12 counties').
    '\\bin all(?=[.,;]|$)',
    '\\ball (?:50|fifty) states\\b',
    "\\b(?:all|each|every one) of the (?:FBI[’']s |Bureau[’']s )?(?:56|fifty-six) field offices\\b",
    "\\b(?:FBI|Bureau)[’']s (?:56|fifty-six) field offices\\b",
    '\\bin the (?:U\\.S\\.|United States)(?![A-Za-z])',
    '\\bnational (?:totals?|results|figures|numbers|operation|sweep|effort)\\b',
  ].join('|'),
  // Not Unicode-aware: with the u flag, case-insensitive matching of this pattern was a quarter of ingest's time.
  'i',
);
// Every alternative holds one of these words: most sentences hold none and skip the pattern.
const nationalHint = /nation|countr|coast|all|total|overall|fifty|50|56|U\.S\.|United States/i;
const isNational = (text: string): boolean => nationalHint.test(text) && nationalSignal.test(text);

// What makes a sentence's figures the document's own place: 'Locally,', 'the local operation'.
const localSignal = /\blocal(?:ly)?\b(?!\s+(?:police|law|agencies|partners|officers|departments?|authorities|sheriff|and|,))/i;

// 'FBI Omaha', 'the FBI’s Sioux Falls office', 'the Omaha Field Office', 'FBI Jackson Field Office'.
const fieldOfficeNamed =
  /\b(?:FBI(?:[’']s)?\s+((?:\p{Lu}[\p{L}.’'-]*\s+){0,2}\p{Lu}[\p{L}’'-]*)\s+(?:Field Office|Division|field office|division|office|Resident Agency)\b|(?:the\s+)?((?:\p{Lu}[\p{L}.’'-]*\s+){0,2}\p{Lu}[\p{L}’'-]*)\s+(?:Field Office|Division)\b|FBI\s+((?:\p{Lu}[\p{L}’'-]*)(?:\s+\p{Lu}[\p{L}’'-]*){0,2})(?=(\s+(?:recovered|arrested|located|rescued|identified|made|conducted|led|joined|took|worked|partnered|teamed)\b)|\s+(?:and|said|announced|agents|officials|reported|is|was|has|had|along|together)\b|[,.;]))/u;

// 'FBI Omaha Special Agent in Charge …': a field office's own city after 'FBI' names the office whatever follows.
const fieldOfficeCity = new RegExp(
  `\\bFBI(?:[’']s)?\\s+(${[...fieldOfficeCities].map((city) => city.replace('.', '\\.')).join('|')})\\b(?!\\s+(?:Police|County|Street|Avenue|Road|Sheriff))`,
);

/** Words after 'FBI' that name no city ('FBI Director', 'FBI Headquarters'). */
const notFieldOffices = new Set([
  'director',
  'deputy',
  'assistant',
  'executive',
  'special',
  'supervisory',
  'agent',
  'agents',
  'headquarters',
  'hq',
  'academy',
  'laboratory',
  'national',
  'victim',
  'victims',
  'child',
  'violent',
  'criminal',
  'cyber',
  'office',
  'field',
  'task',
  'tips',
  'public',
  'press',
  'spokesperson',
  'spokesman',
  'spokeswoman',
  'chief',
  'acting',
  'investigators',
  'analysts',
  'intelligence',
  'operation',
  'operations',
  'washington',
  'the',
  'in',
  'on',
  'and',
  'bureau',
  'federal',
  'our',
  'its',
  'child exploitation',
  'innocence',
  'crimes',
  'division',
  'services',
  'unit',
  'boston marathon',
]);

/** The place a field office named in the text covers ('FBI Omaha' → 'Omaha'), else null. */
export function fieldOfficePlace(text: string): string | null {
  const match = fieldOfficeNamed.exec(text);
  if (!match) return fieldOfficeCity.exec(text)?.[1] ?? null;
  const place = (match[1] ?? match[2] ?? match[3])!
    .replace(/^(?:The|the)\s+/, '')
    .replace(/^FBI(?:[’']s)?\s+/, '')
    .trim();
  const words = place.toLowerCase().split(/\s+/);
  if (words.some((word) => notFieldOffices.has(word)) || notFieldOffices.has(place.toLowerCase())) return null;
  // A bare 'FBI <Name>' is a field office when the name is one's city, or when it acts ('FBI Greenville recovered').
  if (match[3] !== undefined && !fieldOfficeCities.has(place) && match[4] === undefined) return null;
  if (stateFor(place) !== undefined && match[3] !== undefined) return null;
  return place;
}

const officeHint = /FBI|Field Office|Division/;
const attributionOnly =
  /,\s+(?:the\s+)?FBI(?:[’']s)?\s+(?:\p{Lu}[\p{L}.’'-]*\s+){1,3}(?:(?:Field\s+Office|Division|office)\s+)?(?:said|announced|reported|stated)\b[^,]*[.”"]?$/u;

/** 'KEARNEY, Neb.' → 'Kearney'; 'Washington, D.C./Omaha' → 'Omaha'; 'WASHINGTON' → null (headquarters). */
export function datelinePlace(dateline: string | null): string | null {
  if (dateline === null) return null;
  for (const part of dateline.split('/')) {
    const city = part.split(',')[0]!.trim();
    if (city === '' || /^washington(?:\s+d\.?c\.?)?$/i.test(city) || /^d\.?c\.?$/i.test(city)) continue;
    const named =
      city === city.toUpperCase()
        ? city.toLowerCase().replace(/(^|[\s.'’-])(\p{L})/gu, (_, lead: string, letter: string) => lead + letter.toUpperCase())
        : city;
    return named;
  }
  return null;
}

// A sentence that opens on a place: 'In Georgia,', 'In the Omaha metro area,', 'Around Kansas City,'.
const placeOpening =
  /^(?:In|Across|Throughout|Around|Within)\s+(?:the\s+)?((?:\p{Lu}[\p{L}.’'-]*\s*){1,3}?)(?:\s+(?:metro(?:politan)?\s+area|area|region|metro|County))?,/u;

function openingPlace(text: string, places: readonly PlaceHit[]): string | null {
  const match = placeOpening.exec(text);
  if (!match) return null;
  const hit = places.find((place) => place.start === 0);
  if (hit) return hit.region;
  const name = match[1]!.trim();
  if (stateFor(name) !== undefined) return stateFor(name)!;
  return fieldOfficeCities.has(name) || /County$/.test(match[0].replace(/,$/, '')) ? (/County,$/.test(match[0]) ? `${name} County` : name) : null;
}

// Counts in an anecdote are not the operation's results.
const anecdote =
  /^(?:(?:For example|For instance|In particular),\s+)?(?:In|During)\s+(?:one|another|a separate|a single|an?\s+(?:earlier|recent))\s+(?:case|instance|incident|sting|encounter|investigation)\b/i;

/** A heading: short, one line, no sentence in it ('Sarpy County', 'Arrests by city:'). */
function isHeading(text: string): boolean {
  return text.length <= 90 && !/[.!?”"]$/.test(text) && !/[.!?]\s/.test(text);
}

/** A heading that names a place and nothing else ('Sarpy County', 'Nebraska:'). */
function headingPlace(text: string): string | null {
  const name = text.replace(/[:\s]+$/, '').trim();
  if (!/^(?:\p{Lu}[\p{L}.’'-]*)(?:\s+\p{Lu}[\p{L}.’'-]*){0,3}$/u.test(name)) return null;
  if (/\sCounty$|\sParish$/.test(name)) return name;
  const state = stateFor(name);
  if (state !== undefined && name.length > 2) return state;
  return fieldOfficeCities.has(name) ? name : null;
}

/** A count of either grammar (the sentence grammar's fields), as placed in the article. */
type Found = Omit<CountFinding, 'phraseEnd'> & {
  place: string | null;
  total: boolean;
  fromHeading: boolean;
};

const noLabels: ReturnType<typeof findLabelCounts> = { counts: [], measure: null, place: null };

/** Subjects a heading's generic measure ('Recoveries by city') takes from the figures above it. */
const specificSubjects = new Set<FigureSubject>(['children', 'adults']);

/** Every figure of the article, in reading order, each with the exact sentence it came from. */
export function extractFigures(sentences: readonly ArticleSentence[], operations: OperationFindings, dateline: Dateline): Figure[] {
  const figures: Figure[] = [];
  const [datelineCity, datelineState] = (dateline.dateline ?? '').split(/,\s*/);
  const datelineStateName = datelineState === undefined ? null : (stateFor(datelineState) ?? null);
  const cityName = datelineCity ? datelineCity.toLowerCase() : null;
  // The release's own place: its dateline city, else the field office its opening names.
  let opening = '';
  for (const sentence of sentences) {
    if (sentence.paragraph > 1) break;
    opening += ` ${sentence.text}`;
  }
  const documentRegion = datelinePlace(dateline.dateline) ?? (officeHint.test(opening) ? fieldOfficePlace(opening) : null);
  // The last state named before sentence `index`: scanned for only when a sentence says 'in the state', and
  // only forward from where the last scan stopped, so each sentence is read once at most.
  let scanned = 0;
  let lastState = datelineStateName;
  const stateBefore = (index: number): string | null => {
    for (; scanned < index; scanned += 1) lastState = statesNamed(sentences[scanned]!.text).at(-1)?.state ?? lastState;
    return lastState;
  };
  let paragraphFrame: Frame | null = null;
  let headingFrame: Frame | null = null;
  let headingMeasure: Measure | null = null;
  let headingSpan: CumulativeSpan | null = null;
  // A sentence with no count that may announce a running total for the next one ('Since its inception, …'); its
  // span is worked out only if the next sentence has counts.
  let pending: { text: string; earlier: string[]; count: number } | null = null;
  let inAnecdote = false;
  let currentParagraph = -1;
  // The paragraph's earlier sentences, where a launch year dates a 'to date' total.
  let paragraphSentences: string[] = [];
  sentences.forEach(({ paragraph, text }, index) => {
    const newParagraph = paragraph !== currentParagraph;
    if (newParagraph) {
      currentParagraph = paragraph;
      paragraphSentences = [];
      paragraphFrame = null;
      inAnecdote = false;
      const previous = sentences[index - 1]?.text ?? '';
      // A running total announced at the end of the last paragraph ('… since 2003:') scopes the lines after it.
      if (!previous.endsWith(':')) pending = null;
      // Prose ends what a heading's measure or running total labelled; a heading's place lasts to the next heading.
      if (!isHeading(text)) {
        headingMeasure = null;
        headingSpan = null;
      }
    }
    const wholeParagraph = newParagraph && sentences[index + 1]?.paragraph !== paragraph;
    if (anecdote.test(text)) inAnecdote = true;
    const maybe = mayHoldCount(text);
    const labels = maybe || text.endsWith(':') ? findLabelCounts(text, headingMeasure) : noLabels;
    const counts = maybe ? findCounts(text, labels.counts.length > 0 ? new Set(labels.counts.map((count) => count.start)) : undefined) : [];
    const earlier = paragraphSentences;
    const earlierCount = earlier.length;
    paragraphSentences.push(text);
    if (wholeParagraph && isHeading(text) && counts.length === 0 && labels.counts.length === 0) {
      const ownSpan = cumulativeSpan(text, []);
      // A heading: a place scopes what follows; a measure ('Recoveries by city:') labels the lines under it.
      const place = headingPlace(text);
      headingFrame = place ? { kind: 'region', region: place } : null;
      headingMeasure = labels.measure ?? measureOf(tokenize(text)) ?? null;
      headingSpan = ownSpan;
      return;
    }
    if (labels.measure) headingMeasure = labels.measure;
    if (inAnecdote) return;
    if (counts.length === 0 && labels.counts.length === 0) {
      // 'Since its inception in 2003, …' with the numbers in the next sentence.
      pending = { text, earlier, count: earlierCount };
      // 'The nationwide investigation …' scopes the figures of the sentences after it.
      if (isNational(text)) paragraphFrame = national;
      return;
    }
    const ownSpan = cumulativeSpan(text, earlier.slice(0, earlierCount));
    const pendingSpan = pending === null ? null : cumulativeSpan(pending.text, pending.earlier.slice(0, pending.count));
    pending = null;
    const span = ownSpan ?? pendingSpan ?? headingSpan;
    const places = findPlaces(text, { stateBefore: () => stateBefore(index), datelineCity: cityName });
    // What the sentence itself says about where its figures belong.
    let sentenceFrame: Frame | null = null;
    // An office that only speaks ('…, the FBI Jackson Field Office said') is the source, not the place.
    const office = !officeHint.test(text) || attributionOnly.test(text) ? null : fieldOfficePlace(text);
    const openedOn = openingPlace(text, places);
    if (isNational(text)) sentenceFrame = national;
    else if (openedOn) sentenceFrame = { kind: 'region', region: openedOn };
    else if (labels.place) sentenceFrame = { kind: 'region', region: labels.place };
    else if (office) sentenceFrame = { kind: 'region', region: office };
    else if (localSignal.test(text) && (documentRegion ?? headingFrame) !== null) {
      sentenceFrame = documentRegion ? { kind: 'region', region: documentRegion } : headingFrame;
    }
    const frame: Frame | null = sentenceFrame ?? paragraphFrame ?? headingFrame ?? (documentRegion ? { kind: 'region', region: documentRegion } : null);
    const found: Found[] = [];
    // Fields copied one by one: object spread here was a twentieth of ingest's time.
    for (const c of counts) {
      found.push({
        value: c.value,
        text: c.text,
        qualifier: c.qualifier,
        subject: c.subject,
        action: c.action,
        start: c.start,
        end: c.end,
        place: null,
        total: false,
        fromHeading: false,
      });
    }
    if (labels.counts.length > 0) {
      for (const c of labels.counts) {
        found.push({
          value: c.value,
          text: c.text,
          qualifier: c.qualifier,
          subject: c.subject,
          action: c.action,
          start: c.start,
          end: c.end,
          place: c.place,
          total: c.total,
          fromHeading: c.fromHeading,
        });
      }
      found.sort((a, b) => a.start - b.start);
    }
    let lastRegion: string | null = null;
    found.forEach((count, position) => {
      const placed = count.place ?? (count.total ? null : regionOf(places, text, count.start, count.end, found[position + 1]?.start ?? Infinity));
      let region: string | null = placed;
      if (span === null && region === null && !count.total && frame?.kind === 'region') region = frame.region;
      let subject = count.subject;
      if (count.fromHeading && !specificSubjects.has(subject)) {
        // 'Recoveries by city' under a release that reported children recovered counts those children.
        subject = figures.find((figure) => figure.action === count.action && specificSubjects.has(figure.subject))?.subject ?? subject;
      }
      lastRegion = region;
      figures.push({
        value: count.value,
        text: count.text,
        qualifier: count.qualifier,
        subject,
        action: count.action,
        scope: { kind: span ? 'cumulative' : region ? 'region' : 'operation', since: span?.since ?? null, until: span?.until ?? null, region },
        operation: operationOf(text, index, count.start, span !== null, operations),
        sentence: text,
      });
    });
    // What this sentence settled carries to the rest of its paragraph.
    if (sentenceFrame) paragraphFrame = sentenceFrame;
    else if (span === null && lastRegion !== null && found.every((count) => count.place === null)) paragraphFrame = { kind: 'region', region: lastRegion };
  });
  return figures;
}
