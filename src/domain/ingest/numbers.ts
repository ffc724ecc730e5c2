/**
 * Counts written in words or numerals, turned into values: 'five dozen' is
 * 60, 'Thirteen' is 13, '6,500' is 6500, '1.2 million' is 1200000.
 */
import { tokenize, type Token } from './tokens.ts';

const unitWords: Readonly<Record<string, number>> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

// Maps, not objects: a look-up per word of every sentence must be fast and must not find 'constructor'.
const units = new Map(Object.entries(unitWords));

/** Words that multiply what came before them. */
const multipliers = new Map(Object.entries({ dozen: 12, hundred: 100, thousand: 1000, million: 1_000_000, billion: 1_000_000_000 }));

/** A count found in a token list: its value and the tokens it spans (end exclusive). */
export interface CountMatch {
  value: number;
  start: number;
  end: number;
  /** Written '25-plus': at least the value. */
  plus?: boolean;
}

/** The value of one word such as 'thirteen' or 'twenty-five', else undefined. */
function wordValue(word: string): number | undefined {
  const unit = units.get(word);
  if (unit !== undefined || !word.includes('-')) return unit;
  const parts = /^(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(one|two|three|four|five|six|seven|eight|nine)$/.exec(word);
  return parts ? units.get(parts[1]!)! + units.get(parts[2]!)! : undefined;
}

function digitsValue(text: string): number {
  return Number(text.replace(/,/g, ''));
}

/**
 * Reads the count that starts at token `index`, if any. Accepts numerals
 * ('6,500', '84'), number words ('Thirteen', 'twenty-five', 'two hundred'),
 * a numeral or word followed by scale words ('1.2 million', 'five dozen'),
 * and 'a dozen' / 'a hundred'. Returns undefined when the token starts no count.
 */
export function readCount(tokens: readonly Token[], index: number): CountMatch | undefined {
  const first = tokens[index];
  if (!first) return undefined;
  let total = 0;
  let current: number;
  let position = index + 1;
  if (first.kind === 'number') {
    current = digitsValue(first.lower);
  } else if (first.lower === 'a' || first.lower === 'an') {
    const next = tokens[index + 1]?.lower;
    if (next === undefined || !multipliers.has(next)) return undefined;
    current = 1;
  } else {
    const plus = first.lower.endsWith('-plus') ? /^(\d{1,3}(?:,\d{3})*|\d+)-plus$/.exec(first.lower) : null;
    if (plus) return { value: Number(plus[1]!.replace(/,/g, '')), start: index, end: index + 1, plus: true };
    const value = wordValue(first.lower);
    if (value === undefined) return undefined;
    current = value;
  }
  // Words that continue the count: further units after a scale ('two hundred five'), 'and' inside
  // ('one hundred and five'), and scale words.
  for (;;) {
    const token = tokens[position];
    if (!token || token.kind !== 'word') break;
    const scale = multipliers.get(token.lower);
    if (scale !== undefined) {
      if (scale >= 1000) {
        total += current * scale;
        current = 0;
      } else {
        current = (current === 0 ? 1 : current) * scale;
      }
      position += 1;
      continue;
    }
    const unit = wordValue(token.lower);
    const afterAnd = token.lower === 'and' ? wordValue(tokens[position + 1]?.lower ?? '') : undefined;
    const previousWasScale = multipliers.has(tokens[position - 1]?.lower ?? '');
    if (unit !== undefined && previousWasScale) {
      current += unit;
      position += 1;
      continue;
    }
    if (afterAnd !== undefined && previousWasScale) {
      current += afterAnd;
      position += 2;
      continue;
    }
    break;
  }
  const value = Math.round(total + current);
  if (!Number.isFinite(value) || value < 0) return undefined;
  return { value, start: index, end: position };
}

/**
 * True when a sentence may hold a count: a digit or a number word. Most
 * sentences hold none, and the grammar skips them without tokenizing.
 */
export function mayHoldCount(sentence: string): boolean {
  // ASCII digits first: the Unicode test is only for text that has characters beyond ASCII at all.
  return /\d/.test(sentence) || countWordHint.test(sentence) || (beyondLatin.test(sentence) && otherDigits.test(sentence));
}

/** The words a count may start with ('four', 'dozen'), for cheap tests elsewhere. */
export const countWords: readonly string[] = [...units.keys(), ...multipliers.keys()];

/**
 * Decimal digits of other scripts ('４', '٤'), as a pattern without the u flag: a Unicode property test on
 * every sentence was a tenth of ingest's time. Built once from the Unicode data the engine has.
 */
let otherDigitsPattern: RegExp | undefined;
const otherDigits = { test: (text: string): boolean => (otherDigitsPattern ??= buildOtherDigits()).test(text) };

/** Built on first need: walking the code points costs a process start time that most runs never need. */
function buildOtherDigits(): RegExp {
  const isDigit = /^\p{Nd}$/u;
  const single: string[] = [];
  const astral: string[] = [];
  for (let code = 0x80; code <= 0x1ffff; code += 1) {
    if (code >= 0xd800 && code <= 0xdfff) continue;
    const character = String.fromCodePoint(code);
    if (!isDigit.test(character)) continue;
    // Digits come in runs of ten from zero: one range per run.
    if (code <= 0xffff) single.push(`\\u${code.toString(16).padStart(4, '0')}-\\u${(code + 9).toString(16).padStart(4, '0')}`);
    else
      astral.push(
        `${
          character.charCodeAt(0) === String.fromCodePoint(code + 9).charCodeAt(0)
            ? `\\u${character.charCodeAt(0).toString(16)}[\\u${character.charCodeAt(1).toString(16)}-\\u${String.fromCodePoint(code + 9)
                .charCodeAt(1)
                .toString(16)}]`
            : character
        }`,
      );
    code += 9;
  }
  return new RegExp([`[${single.join('')}]`, ...astral].join('|'));
}

/** Characters beyond Latin letters and general punctuation: only text with some can hold other scripts' digits. */
const beyondLatin = /[^\x00-\u024f\u2000-\u206f]/;

const countWordHint = new RegExp(`\\b(?:${[...units.keys(), ...multipliers.keys()].join('|')})`, 'i');

/** The value of a whole phrase ('five dozen', 'Thirteen', '6,500'), or undefined if it is not just a count. */
export function countValue(phrase: string): number | undefined {
  const tokens = tokenize(phrase.trim());
  const match = readCount(tokens, 0);
  return match && match.end === tokens.length ? match.value : undefined;
}
