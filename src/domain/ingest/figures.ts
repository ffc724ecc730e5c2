/**
 * The figure grammar: finds every count of people, victims, arrests, cases,
 * agencies, task forces or field offices in one sentence, with its qualifier,
 * subject and action. It works over word tokens, not over known sentences:
 *
 *   [qualifier] COUNT [modifiers] HEAD [of-phrase] [aux* PARTICIPLE (or aux* PARTICIPLE)*]
 *   NOMINAL (and|or NOMINAL)* of [qualifier] COUNT … HEAD     ('the arrest of 67 traffickers')
 *   VERB [determiner] [qualifier] COUNT … HEAD                 ('located 59 minor victims')
 *   COUNT of those COUNT … HEAD are HEAD                      ('59 of those 200 victims are children')
 *
 * Every occurrence is a figure: a count the text repeats in a later sentence
 * ('In addition to the 11 arrests in the state') is found again there, so
 * each sentence that states a number can be cited; the site may merge equal
 * figures. A count with no counted noun ('4 were charged') is not a figure.
 *
 * Ages ('17-year-old'), ranks ('tenth', '26th'), years, dates ('Oct. 12'),
 * percentages, money, durations and editions are not counts. Scope and the
 * operation a figure belongs to depend on the whole article: see
 * article-figures.ts.
 */
import type { FigureSubject } from '../schema.ts';
import {
  adultModifiers,
  adverbs,
  auxiliaries,
  childModifiers,
  continuationWords,
  labelWords,
  lookupHead,
  lookupParticiple,
  monthWords,
  nominalActions,
  nonCountUnits,
  participantSubjects,
  personSubjects,
  qualifiers,
  singularHeads,
  stopWords,
  verbActions,
  type HeadEntry,
} from './figure-lexicon.ts';
import { mayHoldCount, readCount, type CountMatch } from './numbers.ts';
import { isCapitalised, tokenize, type Token } from './tokens.ts';

/** A count found in a sentence, before scope and operation are known. */
export interface CountFinding {
  value: number;
  /** The words as written, qualifier included. */
  text: string;
  qualifier: string | null;
  subject: FigureSubject;
  action: string | null;
  /** Character offsets of `text` in the sentence. */
  start: number;
  end: number;
  /** Token index just past the counted phrase's head. */
  phraseEnd: number;
}

interface NounPhrase {
  entry: HeadEntry;
  subject: FigureSubject;
  /** Token index just past the head. */
  end: number;
  /** The last head word, lower case, to tell singular from plural. */
  headWord: string;
}

const maxModifiers = 6;

function subjectOf(entry: HeadEntry, modifiers: readonly string[]): FigureSubject {
  if (entry.subject !== 'victims') return entry.subject;
  if (modifiers.some((word) => childModifiers.has(word))) return 'children';
  if (modifiers.some((word) => adultModifiers.has(word))) return 'adults';
  return 'victims';
}

/** True when 'and' joins two capitalised words of one name ('Child Exploitation and Human Trafficking Task Forces'). */
function joinsName(tokens: readonly Token[], index: number): boolean {
  return tokens[index]?.lower === 'and' && isCapitalised(tokens[index - 1]) && isCapitalised(tokens[index + 1]);
}

/**
 * True when the comma, 'and' or 'or' at `index` joins modifiers of one head ('47 federal, state and tribal
 * agencies', '31 missing or runaway teens'): only modifier words, then a head, follow within a few words.
 */
function coordinatesModifiers(tokens: readonly Token[], index: number): boolean {
  const joint = tokens[index]!;
  if (!(joint.text === ',' || joint.lower === 'and' || joint.lower === 'or')) return false;
  for (let ahead = index + 1; ahead < tokens.length && ahead - index <= 5; ahead += 1) {
    const token = tokens[ahead]!;
    if (token.text === ',' || token.lower === 'and' || token.lower === 'or') continue;
    if (token.kind !== 'word' || readCount(tokens, ahead)) return false;
    if (lookupHead(token.lower, tokens[ahead + 1]?.lower)) return ahead > index + 1;
    if (stopWords.has(token.lower) || nonCountUnits.has(token.lower)) return false;
  }
  return false;
}

/**
 * 'pimps and other individuals', 'johns and pimps', 'pimps and others': a second head joined to the first
 * counts the same people, and the phrase counts people when the two differ. Returns the token index past the
 * second head and the merged subject.
 */
function coordinatedHead(tokens: readonly Token[], index: number, subject: FigureSubject): { end: number; subject: FigureSubject } | undefined {
  if (!['and', 'or'].includes(tokens[index]?.lower ?? '')) return undefined;
  let ahead = index + 1;
  if (tokens[ahead]?.lower === 'others') return { end: ahead + 1, subject: 'people' };
  if (['other', 'their'].includes(tokens[ahead]?.lower ?? '')) ahead += 1;
  const token = tokens[ahead];
  if (!token || token.kind !== 'word') return undefined;
  const head = lookupHead(token.lower, tokens[ahead + 1]?.lower);
  if (!head || head.entry.action !== undefined || !personSubjects.has(head.entry.subject)) return undefined;
  return { end: ahead + head.length, subject: head.entry.subject === subject ? subject : 'people' };
}

/**
 * Reads the counted noun phrase starting at token `start`: modifiers, then a
 * head noun; further heads may follow through name words or trafficking
 * vocabulary ('minor victims', 'child sex trafficking victims', 'Child
 * Exploitation and Human Trafficking Task Forces'), and the last head wins.
 */
function readNounPhrase(tokens: readonly Token[], start: number): NounPhrase | undefined {
  const modifiers: string[] = [];
  let found: NounPhrase | undefined;
  let index = start;
  while (index < tokens.length) {
    const token = tokens[index]!;
    if (token.kind !== 'word' && !(found === undefined && modifiers.length > 0 && token.text === ',' && coordinatesModifiers(tokens, index))) break;
    const head = lookupHead(token.lower, tokens[index + 1]?.lower);
    if (head) {
      const headWord = tokens
        .slice(index, index + head.length)
        .map((t) => t.lower)
        .join(' ');
      found = { entry: head.entry, subject: subjectOf(head.entry, modifiers), end: index + head.length, headWord };
      modifiers.push(token.lower);
      index += head.length;
      continue;
    }
    if (found) {
      // Look ahead through name or trafficking words for a further head; otherwise the phrase ends here.
      let ahead = index;
      while (ahead < tokens.length && ahead - index < maxModifiers) {
        const next = tokens[ahead]!;
        if (next.kind !== 'word' || lookupHead(next.lower, tokens[ahead + 1]?.lower)) break;
        if (!(continuationWords.has(next.lower) || isCapitalised(next) || joinsName(tokens, ahead))) break;
        ahead += 1;
      }
      const further = tokens[ahead];
      if (further?.kind === 'word' && lookupHead(further.lower, tokens[ahead + 1]?.lower)) {
        for (let skipped = index; skipped < ahead; skipped += 1) modifiers.push(tokens[skipped]!.lower);
        index = ahead;
        continue;
      }
      break;
    }
    if (nonCountUnits.has(token.lower)) return undefined;
    if (modifiers.length > 0 && coordinatesModifiers(tokens, index)) {
      index += 1;
      continue;
    }
    if (stopWords.has(token.lower) && !joinsName(tokens, index)) break;
    if (modifiers.length >= maxModifiers) break;
    modifiers.push(token.lower);
    index += 1;
  }
  return found;
}

/** The qualifier that ends right before token `index` ('more than'), with the index it starts at. */
function qualifierBefore(tokens: readonly Token[], index: number): { start: number; text: string } | undefined {
  for (const words of qualifiers) {
    const start = index - words.length;
    if (start < 0) continue;
    if (words.every((word, offset) => tokens[start + offset]!.lower === word)) return { start, text: words.join(' ') };
  }
  return undefined;
}

function isYear(tokens: readonly Token[], count: CountMatch): boolean {
  const token = tokens[count.start]!;
  return count.end === count.start + 1 && /^(1[89]|20)\d\d$/.test(token.lower);
}

/** Dates, labels, money, percentages, ages and years: numbers that are not counts. */
function isExcluded(tokens: readonly Token[], count: CountMatch): boolean {
  const before = tokens[count.start - 1];
  const wordBefore = before?.text === '.' ? tokens[count.start - 2] : before;
  if (wordBefore && (monthWords.has(wordBefore.lower) || labelWords.has(wordBefore.lower))) return true;
  if (before && ['$', '#', '£', '€'].includes(before.text)) return true;
  const after = tokens[count.end];
  if (after && (after.text === '%' || nonCountUnits.has(after.lower) || monthWords.has(after.lower))) return true;
  if (!Number.isInteger(count.value)) return true;
  if (isYear(tokens, count)) {
    // A year unless a counted noun follows at once ('1400 traffickers').
    const next = tokens[count.end];
    return !(next && next.kind === 'word' && lookupHead(next.lower, tokens[count.end + 1]?.lower));
  }
  return false;
}

function isQuote(token: Token | undefined): boolean {
  return token !== undefined && token.kind === 'punct' && /^[“”"‘]$/.test(token.text);
}

/** Skips quotation marks, auxiliaries and adverbs; reports whether an auxiliary was among them. */
function skipAuxiliaries(tokens: readonly Token[], index: number): { index: number; auxiliary: boolean } {
  let auxiliary = false;
  while (index < tokens.length) {
    const token = tokens[index]!;
    if (isQuote(token)) index += 1;
    else if (auxiliaries.has(token.lower)) {
      auxiliary = true;
      index += 1;
    } else if (adverbs.has(token.lower)) index += 1;
    else break;
  }
  return { index, auxiliary };
}

function participleAt(tokens: readonly Token[], index: number): { action: string; length: number } | undefined {
  return lookupParticiple(tokens.slice(index, index + 3).map((token) => token.lower));
}

/**
 * The action stated after the phrase: 'have been recovered', 'were recovered
 * or were offered assistance', 'who were found', or a bare participle right
 * after the head ('2,500 people convicted'). A short of/in-phrase may stand
 * between ('victims of sex trafficking were rescued').
 */
function actionAfter(tokens: readonly Token[], phraseEnd: number): string | undefined {
  let index = phraseEnd;
  let skippedPhrase = false;
  let phraseHasHead = false;
  if (['of', 'in', 'from', 'at', 'across'].includes(tokens[index]?.lower ?? '')) {
    let ahead = index + 1;
    while (ahead < tokens.length && ahead - index <= 6) {
      const token = tokens[ahead]!;
      if (token.kind === 'punct' || auxiliaries.has(token.lower) || ['who', 'that', 'which'].includes(token.lower) || participleAt(tokens, ahead)) break;
      phraseHasHead ||= lookupHead(token.lower, tokens[ahead + 1]?.lower) !== undefined;
      ahead += 1;
    }
    index = ahead;
    skippedPhrase = true;
  }
  let relative = false;
  if (['who', 'that', 'which'].includes(tokens[index]?.lower ?? '')) {
    // 'cases of missing kids who were recovered': the clause is about the kids, not the cases.
    if (phraseHasHead) return undefined;
    relative = true;
    index += 1;
  }
  const actions: string[] = [];
  for (;;) {
    const skipped = skipAuxiliaries(tokens, index);
    const found = participleAt(tokens, skipped.index);
    if (!found) break;
    // A bare participle counts only right after the head ('2,500 people convicted'); past an of/in-phrase it is
    // more often the verb of another clause, except for taking part, which is never passive.
    const bare = !skipped.auxiliary && !relative && actions.length === 0;
    if (bare && found.action !== 'participated' && (skippedPhrase || skipped.index !== phraseEnd)) break;
    if (!actions.includes(found.action)) actions.push(found.action);
    index = skipped.index + found.length;
    let next = index;
    if (tokens[next]?.text === ',') next += 1;
    if (!['or', 'and'].includes(tokens[next]?.lower ?? '')) break;
    const following = skipAuxiliaries(tokens, next + 1);
    if (!participleAt(tokens, following.index)) break;
    index = next + 1;
    relative = relative || skipped.auxiliary;
  }
  if (actions.length === 0 && relative) return actionAfterRelativeClause(tokens, index);
  return actions.length > 0 ? actions.join(' or ') : undefined;
}

/**
 * After a relative clause that says nothing of the action ('children who were
 * missing were located'), the main verb: an auxiliary and a participle within
 * a few words, with no punctuation between.
 */
function actionAfterRelativeClause(tokens: readonly Token[], index: number): string | undefined {
  for (let ahead = index + 1; ahead < tokens.length && ahead - index <= 6; ahead += 1) {
    const token = tokens[ahead]!;
    if (token.kind === 'punct') return undefined;
    if (auxiliaries.has(token.lower)) {
      const found = participleAt(tokens, skipAuxiliaries(tokens, ahead).index);
      if (found) return found.action;
    }
  }
  return undefined;
}

type LeftAction = { kind: 'action'; action: string } | { kind: 'coordinated' } | undefined;

const nominalWord = Object.keys(nominalActions).join('|');
const nominalList = new RegExp(`(?:^|\\s)((?:${nominalWord})(?:\\s*(?:,|and|or|and/or)\\s*(?:${nominalWord}))*)\\s+of$`);
const verbBefore = new RegExp(`(?:^|\\s)(${Object.keys(verbActions).join('|')})(?:\\s+in)?$`);
const roleIn = /(?:^|\s)play(?:s|ed|ing)?\s+an?\s+(?:[\w-]+\s+)?(?:role|part)\s+in$/;
const serviceTo = /(?:^|\s)(?:assistance|services|support|help|aid)\s+(?:to|for)$/;
const trailingDeterminer = /(?:^|\s)(?:an additional|additional|another|a further|further|a total of|the|those|these|some|all|each)$/;

/** The action stated before the count: 'the recovery or identification of', 'located', 'assisted in', or a list joint. */
function actionBefore(sentence: string, start: number): LeftAction {
  // The patterns are anchored at the count, and none reaches back more than a few words.
  const from = Math.max(0, start - 80);
  // A cut-off first word is dropped, so a pattern never sees part of a word as a whole one.
  const window = from === 0 ? sentence.slice(0, start) : sentence.slice(from, start).replace(/^\S*\s?/, '');
  let before = window
    .replace(/[“”"‘]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
  for (let stripped = before.replace(trailingDeterminer, '').trimEnd(); stripped !== before; stripped = before.replace(trailingDeterminer, '').trimEnd()) {
    before = stripped;
  }
  const nominal = nominalList.exec(before);
  if (nominal) {
    const actions = [...new Set(nominal[1]!.split(/[\s,/]+/).flatMap((word) => nominalActions[word] ?? []))];
    return { kind: 'action', action: actions.join(' or ') };
  }
  const verb = verbBefore.exec(before);
  if (verb) return { kind: 'action', action: verbActions[verb[1]!]! };
  if (roleIn.test(before) || serviceTo.test(before)) return { kind: 'action', action: 'assisted' };
  if (/(?:^|\s)(?:and|or)$|,$/.test(before)) return { kind: 'coordinated' };
  return undefined;
}

/** The nearest participle a few words before the count in the same clause ('Of those people recovered in the sting, 59 …'). */
function actionInClauseBefore(tokens: readonly Token[], index: number): string | undefined {
  for (let back = index - 1; back >= 0 && index - back <= 10; back -= 1) {
    const token = tokens[back]!;
    if (token.kind === 'number' || [';', ':', '—', '–'].includes(token.text) || readCount(tokens, back)) return undefined;
    // Another verb of its own ('located four minors and interviewed 23 adults') ends the clause.
    if (back === index - 1 && verbActions[token.lower] !== undefined && participleAt(tokens, back) === undefined) return undefined;
    const found = participleAt(tokens, back);
    if (found) return found.action;
  }
  return undefined;
}

/** Reads 'N of those M … are HEAD': the subject from the predicate, else from the inner phrase. */
function readPartitive(tokens: readonly Token[], count: CountMatch): { subject: FigureSubject; inner: number | undefined; end: number } | undefined {
  if (tokens[count.end]?.lower !== 'of' || tokens[count.start]!.lower === 'one') return undefined;
  let index = count.end + 1;
  const determiner = tokens[index]?.lower ?? '';
  if (!['those', 'the', 'these', 'them', 'whom', 'which', 'all'].includes(determiner)) return undefined;
  index += 1;
  if (tokens[index]?.lower === 'the') index += 1;
  // A possessive between the determiner and the count: '55 of the FBI’s 56 field offices'.
  if (/['’]s$/.test(tokens[index]?.text ?? '') && tokens[index + 1]?.kind === 'number') index += 1;
  const innerCount = readCount(tokens, index);
  const inner = innerCount && !isExcluded(tokens, innerCount) ? innerCount : undefined;
  const phrase = readNounPhrase(tokens, inner ? inner.end : index);
  let end = phrase ? phrase.end : index;
  let subject = phrase?.subject;
  if (['are', 'were', 'is', 'was'].includes(tokens[end]?.lower ?? '')) {
    let predicate = end + 1;
    if (['all', 'also'].includes(tokens[predicate]?.lower ?? '')) predicate += 1;
    const predicatePhrase = readNounPhrase(tokens, predicate);
    if (predicatePhrase) {
      subject = predicatePhrase.subject;
      end = predicatePhrase.end;
    }
  }
  return subject === undefined ? undefined : { subject, inner: inner?.start, end };
}

/**
 * Every count in one sentence, in reading order. Counts starting at a
 * character offset in `claimed` were read in label form (labels.ts) and are
 * left alone.
 */
export function findCounts(sentence: string, claimed?: ReadonlySet<number>): CountFinding[] {
  if (!mayHoldCount(sentence)) return [];
  const tokens = tokenize(sentence);
  const findings: CountFinding[] = [];
  const partitiveInner = new Map<number, CountFinding>();
  for (let index = 0; index < tokens.length; index += 1) {
    const count = readCount(tokens, index);
    if (!count) continue;
    if (claimed?.has(tokens[index]!.start)) {
      index = count.end - 1;
      continue;
    }
    if (isExcluded(tokens, count)) {
      index = count.end - 1;
      continue;
    }
    const partitive = readPartitive(tokens, count);
    const phrase = partitive ? undefined : readNounPhrase(tokens, count.end);
    if (!partitive && (!phrase || (count.value !== 1 && singularHeads.has(phrase.headWord)))) {
      index = count.end - 1;
      continue;
    }
    // '25-plus field divisions': more than 25.
    const qualifier = qualifierBefore(tokens, index) ?? (count.plus ? { start: index, text: 'more than' } : undefined);
    const startToken = tokens[qualifier?.start ?? index]!;
    const endToken = tokens[count.end - 1]!;
    let subject: FigureSubject = partitive ? partitive.subject : phrase!.subject;
    let phraseEnd = partitive ? partitive.end : phrase!.end;
    let action: string | undefined = phrase?.entry.action;
    if (phrase && action === undefined && personSubjects.has(subject)) {
      const joined = coordinatedHead(tokens, phraseEnd, subject);
      if (joined) {
        subject = joined.subject;
        phraseEnd = joined.end;
      }
    }
    if (phrase?.entry.action !== undefined && tokens[phraseEnd]?.lower === 'of') {
      // 'convictions of traffickers': the of-phrase names who was convicted.
      const object = readNounPhrase(tokens, phraseEnd + 1);
      if (object && object.entry.action === undefined) {
        subject = object.subject;
        phraseEnd = object.end;
      }
    }
    action ??= actionAfter(tokens, phraseEnd);
    if (action === undefined) {
      const before = actionBefore(sentence, startToken.start);
      if (before?.kind === 'action') action = before.action;
      else if (before?.kind === 'coordinated') {
        const previous = findings.at(-1);
        const gap = previous ? tokens.slice(previous.phraseEnd, qualifier?.start ?? index) : [];
        if (previous && gap.length <= 10 && !gap.some((token) => token.kind === 'number')) action = previous.action ?? undefined;
      }
    }
    action ??= partitiveInner.get(index)?.action ?? undefined;
    if (action === undefined && personSubjects.has(subject)) action = actionInClauseBefore(tokens, qualifier?.start ?? index);
    // Agencies that 'assisted with' or were 'involved in' an operation took part in it.
    if (participantSubjects.has(subject) && (action === undefined || action === 'assisted')) action = 'participated';
    const finding: CountFinding = {
      value: count.value,
      text: sentence.slice(startToken.start, endToken.end),
      qualifier: qualifier?.text ?? null,
      subject,
      action: action ?? null,
      start: startToken.start,
      end: endToken.end,
      phraseEnd,
    };
    findings.push(finding);
    if (partitive?.inner !== undefined) partitiveInner.set(partitive.inner, finding);
    index = count.end - 1;
  }
  return findings;
}
