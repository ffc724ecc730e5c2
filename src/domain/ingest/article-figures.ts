/**
 * Places the counts of each sentence (figures.ts) in their article: the
 * scope (one operation, a running total since a year, one region) and the
 * catalogue operation each figure belongs to.
 *
 * The operation of a figure is, in order: the operation named earlier in the
 * same sentence; for a running total, the operation the sentence names, else
 * the standing initiative last named (a running total belongs to an
 * initiative, not to one sweep; none when the article names no initiative);
 * for 'the initiative' / 'the sweep' before the count, the last initiative /
 * sweep named so far; the operation named later in the sentence; else the
 * operation the article is about.
 */
import type { Figure } from '../schema';
import { cumulativeSpan } from './cumulative';
import type { Dateline } from './dateline';
import { findCounts } from './figures';
import type { MentionHit, OperationFindings } from './operations';
import { findPlaces, stateFor, statesNamed, type PlaceHit } from './places';

/** One sentence of the article and the paragraph it belongs to. */
export interface ArticleSentence {
  paragraph: number;
  text: string;
}

const anaphor = /\b(?:the|this|that|its|their)\s+(?:[\w-]+\s+){0,3}?(initiative|program|programme|collaboration|partnership|operation|sweep|campaign|crackdown|sting|effort)s?\b/i;
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
  return after?.id ?? operations.primary;
}

function regionOf(places: readonly PlaceHit[], text: string, start: number, end: number, nextStart: number): string | null {
  const after = places.find((place) => place.start >= end && place.start < nextStart);
  if (after) return after.region;
  const before = places.filter((place) => place.end <= start).at(-1);
  if (before && !/\bnation(?:wide|ally)\b|\bacross the (?:country|nation)\b/i.test(text.slice(before.end, start))) return before.region;
  return null;
}

/** Every figure of the article, in reading order, each with the exact sentence it came from. */
export function extractFigures(sentences: readonly ArticleSentence[], operations: OperationFindings, dateline: Dateline): Figure[] {
  const figures: Figure[] = [];
  const [datelineCity, datelineState] = (dateline.dateline ?? '').split(/,\s*/);
  const datelineStateName = datelineState === undefined ? null : stateFor(datelineState) ?? null;
  const cityName = datelineCity ? datelineCity.toLowerCase() : null;
  // The last state named before sentence `index`: scanned for only when a sentence says 'in the state', and
  // only forward from where the last scan stopped, so each sentence is read once at most.
  let scanned = 0;
  let lastState = datelineStateName;
  const stateBefore = (index: number): string | null => {
    for (; scanned < index; scanned += 1) lastState = statesNamed(sentences[scanned]!.text).at(-1)?.state ?? lastState;
    return lastState;
  };
  sentences.forEach(({ paragraph, text }, index) => {
    const counts = findCounts(text);
    if (counts.length > 0) {
      const earlier = sentences.slice(0, index).filter((sentence) => sentence.paragraph === paragraph).map((sentence) => sentence.text);
      const span = cumulativeSpan(text, earlier);
      const places = findPlaces(text, { stateBefore: () => stateBefore(index), datelineCity: cityName });
      counts.forEach((count, position) => {
        const region = regionOf(places, text, count.start, count.end, counts[position + 1]?.start ?? Infinity);
        figures.push({
          value: count.value,
          text: count.text,
          qualifier: count.qualifier,
          subject: count.subject,
          action: count.action,
          scope: { kind: span ? 'cumulative' : region ? 'region' : 'operation', since: span?.since ?? null, until: span?.until ?? null, region },
          operation: operationOf(text, index, count.start, span !== null, operations),
          sentence: text,
        });
      });
    }
  });
  return figures;
}
