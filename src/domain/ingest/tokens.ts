/**
 * Word tokens of one sentence, with their offsets, so the grammar in
 * figures.ts can reason over words and still quote the text as written.
 */

export type TokenKind = 'number' | 'word' | 'punct';

export interface Token {
  /** The characters as written. */
  text: string;
  /** Lower-case form, curly apostrophes made straight, for lexicon look-ups; for a number, its ASCII digits. */
  lower: string;
  kind: TokenKind;
  /** Offset of the first character in the sentence. */
  start: number;
  /** Offset just past the last character. */
  end: number;
}

// Characters a reader does not see inside a number: zero-width space and joiners, word joiner, BOM, soft hyphen.
const invisible = '[\\u200b-\\u200d\\u2060\\ufeff\\u00ad]';
const digit = `${invisible}*\\p{Nd}`;
// Between digit groups, a comma or a no-break, narrow no-break, thin or figure space ('6 500').
const groupSeparator = `${invisible}*[,\\u00a0\\u202f\\u2009\\u2007]`;
const group = `${groupSeparator}${digit}${digit}${digit}`;

// A count with group separators ('6,500') or a plain run of digits, with an optional decimal part
// ('1.2 million'); then words, where hyphens and apostrophes stay inside ('17-year-old', 'FBI’s', '13th');
// then any other single character. Digits are any script's ('１０７'), and may carry invisible characters.
// ASCII numerals first, as most are; they must not run into a character that continues a number in another form.
const asciiEnd = '(?![\\p{L}\\p{N}\\u200b-\\u200d\\u2060\\ufeff\\u00ad\\u00a0\\u202f\\u2009\\u2007-]|,\\d)';
const tokenPattern = new RegExp(
  // Words that start with a letter come first: they are most tokens, and fail fast elsewhere.
  `\\p{L}[\\p{L}\\p{N}]*(?:['’][\\p{L}]+)*(?:-[\\p{L}\\p{N}]+(?:['’][\\p{L}]+)*)*|\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?${asciiEnd}|\\d+(?:\\.\\d+)?${asciiEnd}|\\p{Nd}(?:${digit}){0,2}(?:${group})+(?:\\.\\p{Nd}+)?(?![\\p{L}\\p{N}-])|\\p{Nd}(?:${digit})*(?:\\.\\p{Nd}+)?(?![\\p{L}\\p{N}-])|[\\p{L}\\p{N}]+(?:['’][\\p{L}]+)*(?:-[\\p{L}\\p{N}]+(?:['’][\\p{L}]+)*)*|\\S`,
  'gu',
);

const digitValues = new Map<string, string>();
const isDigit = /^\p{Nd}$/u;

/** The ASCII digit a Unicode decimal digit stands for ('４' → '4'): digits come in runs of ten from zero. */
function asciiDigit(character: string): string {
  let known = digitValues.get(character);
  if (known === undefined) {
    const code = character.codePointAt(0)!;
    let zero = code;
    while (isDigit.test(String.fromCodePoint(zero - 1))) zero -= 1;
    known = String((code - zero) % 10);
    digitValues.set(character, known);
  }
  return known;
}

/** A number as ASCII: invisible characters dropped, digits made ASCII, group separators commas ('6 500' → '6,500'). */
function normaliseNumber(text: string): string {
  if (/^[\d,.]+$/.test(text)) return text;
  let out = '';
  for (const character of text) {
    if (/[\u200b-\u200d\u2060\ufeff\u00ad]/.test(character)) continue;
    if (/[\u00a0\u202f\u2009\u2007]/.test(character)) out += ',';
    else if (character === ',' || character === '.' || (character >= '0' && character <= '9')) out += character;
    else out += asciiDigit(character);
  }
  return out;
}

/** Splits a sentence into number, word and punctuation tokens. A number's `lower` is its ASCII form ('6,500'). */
export function tokenize(sentence: string): Token[] {
  const tokens: Token[] = [];
  for (const match of sentence.matchAll(tokenPattern)) {
    const text = match[0];
    const start = match.index;
    const first = text.charCodeAt(0);
    const number = (first >= 48 && first <= 57) || (first > 127 && isDigit.test(String.fromCodePoint(text.codePointAt(0)!))) ? !/[\p{L}-]/u.test(text) : false;
    const kind: TokenKind = number ? 'number' : /[\p{L}\p{N}]/u.test(text) ? 'word' : 'punct';
    const lower = number ? normaliseNumber(text) : text.toLowerCase();
    tokens.push({ text, lower: lower.includes('’') ? lower.replace(/’/g, "'") : lower, kind, start, end: start + text.length });
  }
  return tokens;
}

/** True for a word that starts with a capital letter ('Task', 'FBI'). */
export function isCapitalised(token: Token | undefined): boolean {
  return token !== undefined && token.kind === 'word' && /^\p{Lu}/u.test(token.text);
}
