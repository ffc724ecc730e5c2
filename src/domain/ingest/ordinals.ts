/**
 * Ordinals ('13th', 'eleventh') and Roman numerals ('XI'), which name an
 * edition of an operation. They are never counts.
 */

const ordinalWords = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
  'sixteenth',
  'seventeenth',
  'eighteenth',
  'nineteenth',
  'twentieth',
] as const;

/** Source text of a regular expression matching one ordinal ('13th', 'thirteenth'). */
export const ordinalPattern = `(?:\\d{1,3}(?:st|nd|rd|th)|${ordinalWords.join('|')})`;

/** The value of an ordinal ('13th' → 13, 'Eleventh' → 11), else undefined. */
export function ordinalValue(text: string): number | undefined {
  const digits = /^(\d{1,3})(?:st|nd|rd|th)$/i.exec(text);
  if (digits) return Number(digits[1]);
  const index = (ordinalWords as readonly string[]).indexOf(text.toLowerCase());
  return index === -1 ? undefined : index + 1;
}

const romanDigits: Readonly<Record<string, number>> = { I: 1, V: 5, X: 10, L: 50, C: 100 };

/** The value of an upper-case Roman numeral written in canonical form ('XI' → 11), else undefined. */
export function romanValue(text: string): number | undefined {
  if (!/^(?=[IVXLC])C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/.test(text)) return undefined;
  let value = 0;
  for (let index = 0; index < text.length; index += 1) {
    const digit = romanDigits[text[index]!]!;
    const next = romanDigits[text[index + 1] ?? ''] ?? 0;
    value += digit < next ? -digit : digit;
  }
  return value;
}
