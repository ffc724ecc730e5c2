/**
 * Finds the operations and initiatives an article names and maps them to the
 * catalogue (content/operations.json): exact names and aliases, spelling
 * variants within a small edit distance ('Operation Cross County'), and
 * editions given after the name ('Operation Cross Country XI') or in a phrase
 * ('the 13th year that the enforcement initiative has taken place').
 */
import type { Operation, OperationMention, UnlistedOperation } from '../schema.ts';
import { ordinalPattern, ordinalValue, romanValue } from './ordinals.ts';

/** One place where the text names a catalogue operation. */
export interface MentionHit {
  id: string;
  kind: Operation['kind'];
  /** The words as written ('Operation Cross County'). */
  text: string;
  /** Position of the sentence in the article (0-based, across paragraphs). */
  sentence: number;
  /** Character offsets within the sentence. */
  start: number;
  end: number;
}

/** An 'Operation …' name the catalogue lacks, where the text gives it. */
export interface UnlistedHit extends UnlistedOperation {
  sentence: number;
  start: number;
  end: number;
}

/** An edition the text gives, attached to the operation it belongs to. */
interface EditionHit {
  id: string;
  edition: string;
  /** Null for a year ('Operation Independence Day 2021'): an edition, but not a number of one. */
  editionNumber: number | null;
  sentence: number;
  start: number;
}

export interface OperationFindings {
  /** Every mention, in reading order. */
  hits: MentionHit[];
  /** One entry per operation id, first wording as written, with the first edition found. */
  mentions: OperationMention[];
  /** The operation the article is about: the first sweep it names, else the first operation, else null. */
  primary: string | null;
  /** 'Operation …' names that match nothing in the catalogue, as written, for the CLI to report. */
  unknown: string[];
  /** Those names once each, without their editions, for the copy's frontmatter. */
  unlisted: UnlistedOperation[];
  /** Every place the text names one, in reading order. */
  unlistedHits: UnlistedHit[];
}

const letter = '[\\p{L}\\p{N}]';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A pattern for one name: case-insensitive, spaces and hyphens interchangeable, whole words only. */
function namePattern(name: string): RegExp {
  const body = name
    .trim()
    .split(/[\s-]+/)
    .map(escapeRegExp)
    .join('[\\s-]+');
  return new RegExp(`(?<!${letter})${body}(?!${letter})`, 'giu');
}

/** Edit distance between two short strings (names), for spelling variants. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost));
    }
    previous = current;
  }
  return previous[b.length]!;
}

interface CompiledName {
  id: string;
  kind: Operation['kind'];
  pattern: RegExp;
  /** Lower-case words after 'Operation', for fuzzy matching of 'Operation …' phrases. */
  operationWords: string[] | null;
  length: number;
}

/** The compiled catalogue: the names, and cheap tests for sentences that may hold one. */
export interface CompiledCatalogue {
  names: CompiledName[];
  /** The first two words of any name ('cross country', 'innocence lost'), in any case. */
  hint: RegExp;
  /** 'Operation' before a capitalised word: a name that may be a spelling variant. */
  variantHint: RegExp;
}

/** Prepares the catalogue once: every name and alias as a pattern, longest first. */
export function compileCatalogue(catalogue: readonly Operation[]): CompiledCatalogue {
  const names = compileNames(catalogue);
  const starts = new Set(
    catalogue.flatMap((operation) =>
      [operation.name, ...operation.aliases].map((name) =>
        name
          .toLowerCase()
          .split(/[\s-]+/)
          .slice(0, 2)
          .map(escapeRegExp)
          .join('[\\s-]+'),
      ),
    ),
  );
  return { names, hint: new RegExp(`(?:${[...starts].join('|')})`, 'i'), variantHint: /\bOperation\s+\p{Lu}/u };
}

function compileNames(catalogue: readonly Operation[]): CompiledName[] {
  const compiled: CompiledName[] = [];
  for (const operation of catalogue) {
    for (const name of new Set([operation.name, ...operation.aliases])) {
      const words = name.toLowerCase().split(/[\s-]+/);
      compiled.push({
        id: operation.id,
        kind: operation.kind,
        pattern: namePattern(name),
        operationWords: words[0] === 'operation' && words.length > 1 ? words.slice(1) : null,
        length: name.length,
      });
    }
  }
  return compiled.sort((a, b) => b.length - a.length || a.id.localeCompare(b.id));
}

const operationPhrase = /(?<![\p{L}\p{N}])Operation\s+((?:\p{Lu}[\p{L}’'-]*)(?:\s+\p{Lu}[\p{L}’'-]*){0,4})/gu;

// A task force's name holds the initiative's ('the Gulf Coast Innocence Lost Task Force'): it names the task force.
const taskForceAfter = /^\s+Task\s+Forces?\b/i;

/** The edition an unlisted name carries: a Roman numeral last ('Safe Harbor II'), a year or an ordinal before it. */
function unlistedHit(sentence: string, index: number, start: number, words: string[]): UnlistedHit {
  let edition: string | null = null;
  let editionNumber: number | null = null;
  const last = words.at(-1)!;
  const roman = words.length > 1 ? romanValue(last) : undefined;
  let nameWords = words;
  if (roman !== undefined) {
    edition = last;
    editionNumber = roman;
    nameWords = words.slice(0, -1);
  }
  const text = `Operation ${nameWords.join(' ')}`;
  const written = sentence.slice(start, sentence.indexOf(last, start) + last.length);
  const end = start + written.length;
  if (edition === null) {
    const year = editionYear.exec(sentence.slice(end));
    const before = editionBeforeName.exec(sentence.slice(0, start));
    if (year) edition = year[1]!;
    else if (before && ordinalValue(before[1]!) !== undefined) {
      edition = before[1]!;
      editionNumber = ordinalValue(before[1]!)!;
    }
  }
  return { text, edition, editionNumber, sentence: index, start, end };
}

/** Finds the catalogue names in one sentence, longest first, without overlaps. */
function findInSentence(sentence: string, index: number, names: readonly CompiledName[], unlisted: UnlistedHit[]): MentionHit[] {
  const hits: MentionHit[] = [];
  const overlaps = (start: number, end: number) => hits.some((hit) => start < hit.end && end > hit.start);
  for (const name of names) {
    for (const match of sentence.matchAll(name.pattern)) {
      const end = match.index + match[0].length;
      if (overlaps(match.index, end)) continue;
      if (name.kind === 'initiative' && taskForceAfter.test(sentence.slice(end))) {
        // Still an overlap for shorter names: 'Innocence Lost' inside it is not the initiative either.
        hits.push({ id: '', kind: name.kind, text: match[0], sentence: index, start: match.index, end });
        continue;
      }
      hits.push({ id: name.id, kind: name.kind, text: match[0], sentence: index, start: match.index, end });
    }
  }
  // Spelling variants: an 'Operation …' phrase within a small edit distance of a catalogue name.
  for (const match of sentence.matchAll(operationPhrase)) {
    const start = match.index;
    if (overlaps(start, start + match[0].length)) continue;
    const words = match[1]!.split(/\s+/);
    let best: { name: CompiledName; distance: number; taken: number } | undefined;
    for (const name of names) {
      if (!name.operationWords) continue;
      const target = name.operationWords.join(' ');
      const allowed = target.length >= 12 ? 2 : target.length >= 6 ? 1 : 0;
      // Any number of the phrase's words may spell the name ('Crosscountry' for 'Cross Country').
      for (let taken = 1; taken <= words.length; taken += 1) {
        const distance = editDistance(words.slice(0, taken).join(' ').toLowerCase(), target);
        if (distance <= allowed && (!best || distance < best.distance)) best = { name, distance, taken };
      }
    }
    if (best) {
      const taken = words.slice(0, best.taken).join(' ');
      const text = sentence.slice(start, sentence.indexOf(taken, start) + taken.length);
      hits.push({ id: best.name.id, kind: best.name.kind, text, sentence: index, start, end: start + text.length });
    } else {
      unlisted.push(unlistedHit(sentence, index, start, words));
    }
  }
  return hits.filter((hit) => hit.id !== '').sort((a, b) => a.start - b.start);
}

// A Roman numeral right after the name: 'XI', 'VIII', and single 'X', 'V' or 'I' when no word follows
// ('Operation Cross Country X, the FBI said'; not 'Operation Cross Country I think').
const editionAfterName = /^\s+([IVXLC]{2,}|[XV]|I(?=[,.;:)–—]|$))(?![\p{L}\p{N}])/u;
// A year right after the name: 'Operation Independence Day 2021'.
const editionYear = /^\s+((?:19|20)\d\d)(?![\p{L}\p{N}]|,\d)/u;
const editionBeforeName = new RegExp(`(${ordinalPattern})\\s+(?:annual\\s+)?$`, 'i');
const editionPhrase = new RegExp(`\\b(?:the|its|this|their)\\s+(${ordinalPattern})\\s+(year|annual|edition|iteration|installment|instalment|round)\\b`, 'gi');

const editionHint = /\s(?:year|annual|edition|iteration|installment|instalment|round)\b/i;

/** Editions given right after or before a name in the sentence. */
function editionsAtNames(sentence: string, hits: readonly MentionHit[]): EditionHit[] {
  const editions: EditionHit[] = [];
  for (const hit of hits) {
    const after = editionAfterName.exec(sentence.slice(hit.end));
    const afterValue = after ? romanValue(after[1]!) : undefined;
    if (after && afterValue !== undefined) {
      editions.push({ id: hit.id, edition: after[1]!, editionNumber: afterValue, sentence: hit.sentence, start: hit.start });
      continue;
    }
    const year = editionYear.exec(sentence.slice(hit.end));
    if (year) {
      editions.push({ id: hit.id, edition: year[1]!, editionNumber: null, sentence: hit.sentence, start: hit.start });
      continue;
    }
    const before = editionBeforeName.exec(sentence.slice(0, hit.start));
    const beforeValue = before ? ordinalValue(before[1]!) : undefined;
    if (before && beforeValue !== undefined) {
      editions.push({ id: hit.id, edition: before[1]!, editionNumber: beforeValue, sentence: hit.sentence, start: hit.start });
    }
  }
  return editions;
}

/**
 * Collects the operations of an article from its sentences in reading order.
 * An edition phrase ('the 13th year') belongs to the operation named in the
 * same sentence, else to the operation the article is about.
 */
export function findOperations(sentences: readonly string[], catalogue: CompiledCatalogue): OperationFindings {
  const unlistedHits: UnlistedHit[] = [];
  const hits: MentionHit[] = [];
  const editions: EditionHit[] = [];
  const phrases: { sentence: number; start: number; edition: string; editionNumber: number }[] = [];
  sentences.forEach((sentence, index) => {
    if (catalogue.hint.test(sentence) || catalogue.variantHint.test(sentence)) {
      const found = findInSentence(sentence, index, catalogue.names, unlistedHits);
      hits.push(...found);
      editions.push(...editionsAtNames(sentence, found));
    }
    if (!editionHint.test(sentence)) return;
    for (const match of sentence.matchAll(editionPhrase)) {
      const value = ordinalValue(match[1]!);
      if (value !== undefined) phrases.push({ sentence: index, start: match.index, edition: `${match[1]} ${match[2]!.toLowerCase()}`, editionNumber: value });
    }
  });
  const primary = hits.find((hit) => hit.kind === 'sweep')?.id ?? hits[0]?.id ?? null;
  const phraseEditions: EditionHit[] = [];
  for (const phrase of phrases) {
    const sameSentence = hits.filter((hit) => hit.sentence === phrase.sentence);
    const id = sameSentence.length === 1 ? sameSentence[0]!.id : primary;
    if (id !== null) phraseEditions.push({ id, edition: phrase.edition, editionNumber: phrase.editionNumber, sentence: phrase.sentence, start: phrase.start });
  }
  // An edition written with the name ('XI', 'eighth annual Operation …') outranks a separate phrase ('the 13th year').
  editions.push(...phraseEditions);
  const mentions: OperationMention[] = [];
  for (const hit of hits) {
    if (mentions.some((mention) => mention.id === hit.id)) continue;
    const edition = editions.find((candidate) => candidate.id === hit.id);
    mentions.push({ id: hit.id, text: hit.text, edition: edition?.edition ?? null, editionNumber: edition?.editionNumber ?? null });
  }
  const unlisted: UnlistedOperation[] = [];
  for (const hit of unlistedHits) {
    const known = unlisted.find((other) => other.text === hit.text);
    if (!known) unlisted.push({ text: hit.text, edition: hit.edition, editionNumber: hit.editionNumber });
    else if (known.edition === null && hit.edition !== null) Object.assign(known, { edition: hit.edition, editionNumber: hit.editionNumber });
  }
  const unknown = [...new Set(unlistedHits.map((hit) => sentences[hit.sentence]!.slice(hit.start, hit.end)))];
  return { hits, mentions, primary, unknown, unlisted, unlistedHits };
}
