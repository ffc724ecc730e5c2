/**
 * Unicode sentence boundaries (UAX #29) for the common case, without ICU.
 * Intl.Segmenter was the largest single cost of ingest, and runs again for
 * every story the site renders: 1.3 s for the 149,000 paragraphs of 10,000
 * generated articles, against 0.17 s here. Text made only of the characters classified
 * below is split here, by the rules of UAX #29 section 5.1; anything else
 * (line breaks, format characters, other scripts, '…') returns null so the
 * caller asks ICU. tests/unit/sentence-breaks.test.ts checks the two agree
 * on every paragraph of the seeds and on random text over this alphabet.
 */

// Plain constants, not an enum: Node runs this file with its TypeScript support, which only strips types.
const Kind = { Other: 0, Sp: 1, Lower: 2, Upper: 3, Numeric: 4, ATerm: 5, STerm: 6, Close: 7, SContinue: 8 } as const;
type Kind = (typeof Kind)[keyof typeof Kind];

/** The sentence-break property of each character the fast path knows; -1 for the rest. */
const kinds = new Int8Array(0x100).fill(-1);
function assign(kind: Kind, characters: string): void {
  for (const character of characters) kinds[character.charCodeAt(0)] = kind;
}
function assignRange(kind: Kind, from: number, to: number): void {
  for (let code = from; code <= to; code += 1) kinds[code] = kind;
}
assign(Kind.Other, '#$%&*+/<=>@\\^_`|~');
assign(Kind.Sp, ' \t\u000b\u000c\u00a0');
assignRange(Kind.Lower, 0x61, 0x7a);
assignRange(Kind.Upper, 0x41, 0x5a);
assignRange(Kind.Numeric, 0x30, 0x39);
assign(Kind.ATerm, '.');
assign(Kind.STerm, '!?');
assign(Kind.Close, '"\'()[]{}\u00ab\u00bb');
assign(Kind.SContinue, ',-:;');
// Latin-1 letters: À-Ö and Ø-Þ upper; ß-ö and ø-ÿ lower.
assignRange(Kind.Upper, 0xc0, 0xd6);
assignRange(Kind.Upper, 0xd8, 0xde);
assignRange(Kind.Lower, 0xdf, 0xf6);
assignRange(Kind.Lower, 0xf8, 0xff);

/** The property of the character at `code`, or -1 when the fast path does not know it. */
export function kindOf(code: number): number {
  if (code < 0x100) return kinds[code]!;
  switch (code) {
    case 0x2018: // ‘ ’ “ ”
    case 0x2019:
    case 0x201c:
    case 0x201d:
      return Kind.Close;
    case 0x2013: // – —
    case 0x2014:
      return Kind.SContinue;
    default:
      return -1;
  }
}

/** Exactly the characters kindOf knows (the test checks every code unit): one native scan decides the path. */
const known = /^[\t\u000b\u000c\u0020-\u007e\u00a0\u00ab\u00bb\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff\u2013\u2014\u2018\u2019\u201c\u201d]*$/;
const terminators = /[.!?]/g;

/**
 * The sentences of `text` as UAX #29 segments them (each with its trailing spaces, as
 * Intl.Segmenter gives them), or null when `text` holds a character this fast path does not know.
 */
export function sentenceSegments(text: string): string[] | null {
  if (!known.test(text)) return null;
  const length = text.length;
  const kindAt = (index: number): number => (index < length ? kindOf(text.charCodeAt(index)) : -1);
  const segments: string[] = [];
  let start = 0;
  // Only a terminator can end a sentence: look at each one and what surrounds it.
  terminators.lastIndex = 0;
  for (let match = terminators.exec(text); match !== null; match = terminators.exec(text)) {
    const index = match.index;
    let after = index + 1;
    while (kindAt(after) === Kind.Close) after += 1;
    while (kindAt(after) === Kind.Sp) after += 1;
    // SB9-SB11: the only break a terminator can make is after its closing marks and spaces.
    if (after >= length) break;
    const next = kindAt(after);
    // SB8a: a continuation mark or another terminator follows: no break.
    if (next === Kind.SContinue || next === Kind.ATerm || next === Kind.STerm) continue;
    if (text.charCodeAt(index) === 0x2e) {
      const following = kindAt(index + 1);
      // SB6: a full stop before a digit ('3.5').
      if (following === Kind.Numeric) continue;
      // SB7: a full stop between letters and before a capital ('U.S').
      const preceding = index > 0 ? kindAt(index - 1) : -1;
      if (following === Kind.Upper && (preceding === Kind.Upper || preceding === Kind.Lower)) continue;
      // SB8: a full stop followed, past anything but letters and terminators, by a small letter.
      let scan = after;
      let ahead = next;
      while (scan < length && ahead !== Kind.Upper && ahead !== Kind.Lower && ahead !== Kind.ATerm && ahead !== Kind.STerm) {
        scan += 1;
        ahead = kindAt(scan);
      }
      if (ahead === Kind.Lower) continue;
    }
    segments.push(text.slice(start, after));
    start = after;
    terminators.lastIndex = after;
  }
  if (start < length) segments.push(text.slice(start));
  return segments;
}
