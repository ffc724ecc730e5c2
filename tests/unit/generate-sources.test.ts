import { describe, expect, it } from 'vitest';
import { generateSources } from '../../scripts/bench/generate-sources.ts';
import { isIsoDate } from '@/domain/schema';
import { splitSentences } from '@/domain/sentences';

const datePrefix = /^ date (\d{4}-\d{2}-\d{2}) /;
const sample = generateSources({ count: 600, seed: 7 });

const share = (predicate: (text: string) => boolean): number => sample.filter(({ text }) => predicate(text)).length / sample.length;

describe('generated benchmark sources', () => {
  it('are the same for the same seed and differ for another', () => {
    const again = generateSources({ count: 50, seed: 7 });
    expect(again).toEqual(sample.slice(0, 50));
    const other = generateSources({ count: 50, seed: 8 });
    expect(other.filter((source, i) => source.text === sample[i]!.text)).toEqual([]);
  });

  it('give article i the same text whatever the count, so one more can be added later', () => {
    expect(generateSources({ count: 3, seed: 7, first: 10 })).toEqual(sample.slice(10, 13));
  });

  it('are all distinct, with distinct file names in the seeds’ pattern', () => {
    expect(new Set(sample.map(({ text }) => text)).size).toBe(sample.length);
    expect(new Set(sample.map(({ fileName }) => fileName)).size).toBe(sample.length);
    for (const { fileName } of sample) expect(fileName).toMatch(/^\d{6}_[0-9a-f]{16}\.txt$/);
  });

  it('follow the seeds’ format: paragraphs split by blank lines, a real date line on some, datelines on some', () => {
    for (const { text } of sample) {
      expect(text).not.toMatch(/\n{3}/);
      expect(
        text
          .trim()
          .split('\n\n')
          .every((paragraph) => paragraph.trim().length > 0 && !paragraph.includes('\n')),
      ).toBe(true);
      const date = datePrefix.exec(text)?.[1];
      if (date) expect(isIsoDate(date), date).toBe(true);
    }
    const dated = share((text) => datePrefix.test(text));
    expect(dated).toBeGreaterThan(0.4);
    expect(dated).toBeLessThan(0.8);
    const datelined = share((text) => /^(?: date \S+ )?[A-Z][A-Z .]+(?:, [A-Z][A-Za-z.]+)?(?: \([^)]+\))? — /.test(text));
    expect(datelined).toBeGreaterThan(0.5);
    expect(datelined).toBeLessThan(0.9);
    expect(sample.some(({ text }) => text.startsWith(' date ') && text.includes('WASHINGTON ('))).toBe(true);
  });

  it('are seed-sized: 15 to 40 sentences and a few kilobytes', () => {
    for (const { text } of sample) {
      const sentences = text.replace(datePrefix, '').trim().split('\n\n').flatMap(splitSentences);
      expect(sentences.length).toBeGreaterThanOrEqual(15);
      expect(sentences.length).toBeLessThanOrEqual(40);
    }
    const sizes = sample.map(({ text }) => Buffer.byteLength(text)).sort((a, b) => a - b);
    const median = sizes[Math.floor(sizes.length / 2)]!;
    expect(median).toBeGreaterThan(3000);
    expect(median).toBeLessThan(6000);
  });

  it('vary operations, editions, spellings, years, places and the way figures are written', () => {
    const all = sample.map(({ text }) => text).join('\n');
    for (const phrase of ['Operation Cross Country', 'Operation Cross County', 'Operation Independence Day', 'Innocence Lost National Initiative']) {
      expect(all, phrase).toContain(phrase);
    }
    for (const edition of ['I', 'IV', 'IX', 'XI', 'XIII']) expect(all).toMatch(new RegExp(`Operation Cross Count(?:ry|y) ${edition}\\b`));
    const years = new Set([...all.matchAll(/ date (\d{4})-/g)].map((match) => Number(match[1])));
    expect(Math.min(...years)).toBe(2008);
    expect(Math.max(...years)).toBeGreaterThanOrEqual(2024);
    const places = new Set([...all.matchAll(/resulted in \d+ arrests in ([A-Z][a-z]+(?: [A-Z][a-z]+)?)\./g)].map((match) => match[1]));
    expect(places.size).toBeGreaterThan(15);
    for (const wording of [
      /\bmore than \d{1,3}(?:,\d{3})+/,
      /\bnearly \d/,
      /\bover \d/,
      /\b(?:five|two|three|four|six) dozen\b/,
      /(?:^|\. )(?:Thirteen|Twelve|Eleven|Fifteen|Nine) /m,
    ]) {
      expect(all).toMatch(wording);
    }
    const outlets = new Set([...all.matchAll(/— |\(([A-Z][A-Za-z/-]+)\) — /g)].map((match) => match[1]).filter(Boolean));
    expect(outlets.size).toBeGreaterThan(10);
  });
});
