import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSources } from '../../scripts/bench/generate-sources.ts';
import { Random } from '../../scripts/bench/random.ts';
import { kindOf, sentenceSegments } from '@/domain/sentence-breaks';

const icu = new Intl.Segmenter('en', { granularity: 'sentence' });
const icuSegments = (text: string): string[] => Array.from(icu.segment(text), ({ segment }) => segment);

const projectRoot = path.resolve(import.meta.dirname, '../..');

/** Every paragraph of the bundled sources and of 300 generated ones. */
function paragraphs(): string[] {
  const folder = path.join(projectRoot, 'content/sources');
  const texts = readdirSync(folder)
    .filter((name) => name.endsWith('.txt'))
    .map((name) => readFileSync(path.join(folder, name), 'utf8'));
  texts.push(...generateSources({ count: 300, seed: 11 }).map(({ text }) => text));
  return texts
    .flatMap((text) => text.split(/\n\s*\n/))
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
}

// Weighted towards what decides a boundary: terminators, closing marks, spaces, and the letter after.
const pieces = [
  'the',
  'Smith',
  'a',
  'B',
  'U',
  'S',
  'x',
  'é',
  'Émile',
  'ß',
  '42',
  '3',
  '.',
  '.',
  '.',
  '!',
  '?',
  ' ',
  ' ',
  ' ',
  '  ',
  '\t',
  '\u00a0',
  '"',
  "'",
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  '«',
  '»',
  '‘',
  '’',
  '“',
  '”',
  ',',
  '-',
  ':',
  ';',
  '–',
  '—',
  '#',
  '$',
  '%',
  '&',
  '*',
  '/',
  '@',
  '_',
  '~',
];

describe('sentenceSegments', () => {
  it('splits every paragraph of the sources as ICU does', () => {
    let fast = 0;
    for (const paragraph of paragraphs()) {
      const segments = sentenceSegments(paragraph);
      if (segments === null) continue;
      fast += 1;
      expect(segments, paragraph).toEqual(icuSegments(paragraph));
    }
    // The fast path must actually take the common case, or this test proves nothing.
    expect(fast).toBeGreaterThan(1000);
  });

  it('agrees with ICU on 60,000 random strings over the characters it knows', () => {
    const random = new Random(29);
    const mismatches: string[] = [];
    for (let n = 0; n < 60_000 && mismatches.length < 5; n += 1) {
      let text = '';
      const count = random.int(1, 14);
      for (let piece = 0; piece < count; piece += 1) text += pieces[random.int(0, pieces.length - 1)];
      const segments = sentenceSegments(text);
      if (segments === null) throw new Error(`fast path refused ${JSON.stringify(text)}`);
      if (JSON.stringify(segments) !== JSON.stringify(icuSegments(text))) mismatches.push(text);
    }
    expect(mismatches.map((text) => ({ text, fast: sentenceSegments(text), icu: icuSegments(text) }))).toEqual([]);
  });

  it('leaves to ICU what it does not know: line breaks, format characters, ellipses, other scripts', () => {
    for (const text of ['One.\nTwo.', 'soft\u00adhyphen. Next', 'Wait… What', 'Он ушёл. Она пришла.', 'A\u200bB. C', 'x. \u{1F600} Y']) {
      expect(sentenceSegments(text), text).toBeNull();
    }
  });

  it('takes the fast path for exactly the characters it classifies', () => {
    const disagree: string[] = [];
    for (let code = 0; code <= 0xffff; code += 1) {
      const character = String.fromCharCode(code);
      if ((sentenceSegments(character) !== null) !== kindOf(code) >= 0) disagree.push(code.toString(16));
    }
    expect(disagree).toEqual([]);
  });

  it('keeps the text whole: the segments join back to it', () => {
    for (const text of ['One thing happened. Then another! Did it?', 'He said. “Yes.” Then', 'Hi. ; There', '3.5 x. U.S. Attorney', '']) {
      expect((sentenceSegments(text) ?? []).join('')).toBe(text);
    }
  });
});
