/**
 * Word tokens of one sentence, with their offsets, so the grammar in
 * figures.ts can reason over words and still quote the text as written.
 */

export type TokenKind = 'number' | 'word' | 'punct';

export interface Token {
  /** The characters as written. */
  text: string;
  /** Lower-case form, curly apostrophes made straight, for lexicon look-ups. */
  lower: string;
  kind: TokenKind;
  /** Offset of the first character in the sentence. */
  start: number;
  /** Offset just past the last character. */
  end: number;
}

// A count with thousands separators ('6,500') or a plain run of digits, with an optional decimal part
// ('1.2 million'); then words, where hyphens and apostrophes stay inside ('17-year-old', 'FBI’s', '13th');
// then any other single character.
const tokenPattern = /\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\p{L}\p{N}-])|\d+(?:\.\d+)?(?![\p{L}\p{N}-])|[\p{L}\p{N}]+(?:['’][\p{L}]+)*(?:-[\p{L}\p{N}]+(?:['’][\p{L}]+)*)*|\S/gu;

/** Splits a sentence into number, word and punctuation tokens. */
export function tokenize(sentence: string): Token[] {
  const tokens: Token[] = [];
  for (const match of sentence.matchAll(tokenPattern)) {
    const text = match[0];
    const start = match.index;
    const kind: TokenKind = /^\d/.test(text) && /^[\d,.]+$/.test(text) ? 'number' : /[\p{L}\p{N}]/u.test(text) ? 'word' : 'punct';
    const lower = text.toLowerCase();
    tokens.push({ text, lower: lower.includes('’') ? lower.replace(/’/g, "'") : lower, kind, start, end: start + text.length });
  }
  return tokens;
}

/** True for a word that starts with a capital letter ('Task', 'FBI'). */
export function isCapitalised(token: Token | undefined): boolean {
  return token !== undefined && token.kind === 'word' && /^\p{Lu}/u.test(token.text);
}
