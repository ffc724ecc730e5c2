/**
 * Issue 21, case 5: numbers are read as a reader sees them. Invisible
 * characters inside a number are ignored, no-break and thin spaces between
 * digit groups separate groups, Unicode digits are digits; bidirectional
 * controls never reach a headline; UTF-16 files are named as such.
 */
import { describe, expect, it } from 'vitest';
import { findCounts } from '@/domain/ingest/figures';
import { countValue } from '@/domain/ingest/numbers';
import { readSource } from '@/domain/ingest/read-source';
import { ingestFresh, source } from './support.ts';

describe('numbers as a reader sees them', () => {
  it.each([
    ['1\u200b07', 107],
    ['1\u00ad07', 107],
    ['1\u206007', 107],
    ['1\ufeff07', 107],
    ['6\u00a0500', 6500],
    ['6\u202f500', 6500],
    ['6\u2009500', 6500],
    ['１０７', 107],
    ['٤٢', 42],
    ['1,2\u200b00', 1200],
  ])('reads %j as %d', (written, value) => {
    expect(countValue(written)).toBe(value);
  });

  it('finds the figure a reader sees, quoting the characters as written', () => {
    const [figure] = findCounts('Agents recovered 1\u200b07 children.');
    expect(figure).toMatchObject({ value: 107, subject: 'children', action: 'recovered', text: '1\u200b07' });
    expect(findCounts('More than 6\u00a0500 children have been recovered.')[0]).toMatchObject({ value: 6500, qualifier: 'more than' });
    expect(findCounts('Agents recovered ４２ children.')[0]).toMatchObject({ value: 42 });
  });

  it('keeps a space that is not between digit groups a space', () => {
    expect(findCounts('Of the 12\u00a0children, 5 were recovered.').map((figure) => figure.value)).toEqual([12]);
    expect(countValue('6\u00a05000')).toBeUndefined();
  });

  it('gives the headline and slug the number the reader sees, and no bidirectional controls', () => {
    const articles = ingestFresh([
      source('zw.txt', 'Operation Cross Country XI recovered 1\u200b07 children and arrested 6\u202f500 traffickers.'),
      source('bidi.txt', '\u202eThe task force met on Tuesday to plan its work.'),
    ]);
    const zw = articles.get('zw.txt')!;
    expect(zw.title).toBe('Operation Cross Country XI: 107 children recovered, 6,500 traffickers arrested');
    expect(zw.slug).toBe('operation-cross-country-xi-107-children-recovered');
    expect(articles.get('bidi.txt')!.title).toBe('The task force met on Tuesday to plan its work.');
  });
});

describe('UTF-16 sources', () => {
  const utf16le = (text: string, bom: boolean): Uint8Array => {
    const bytes = [...(bom ? [0xff, 0xfe] : [])];
    for (const character of text) bytes.push(character.charCodeAt(0) & 0xff, character.charCodeAt(0) >> 8);
    return Uint8Array.from(bytes);
  };

  it.each([
    ['with a byte order mark', true],
    ['without one', false],
  ])('names UTF-16 and how to convert it, %s', (_label, bom) => {
    const result = readSource(utf16le('Agents recovered 12 children.', bom));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toMatch(/UTF-16/);
      expect(result.reason).toMatch(/iconv -f UTF-16/);
      expect(result.reason).not.toMatch(/binary/);
    }
  });

  it('names big-endian UTF-16 too', () => {
    const bytes = Uint8Array.from([0xfe, 0xff, 0, 0x41, 0, 0x67, 0, 0x65, 0, 0x6e, 0, 0x74, 0, 0x73]);
    const result = readSource(bytes);
    expect(!result.ok && result.reason).toMatch(/UTF-16/);
  });
});
