import { describe, expect, it } from 'vitest';
import { readSource } from '@/domain/ingest/read-source';
import { readSourceHeader } from '@/domain/ingest/source-header';
import { ingestFresh, seedSources, source } from './support.ts';

const encode = (text: string) => new TextEncoder().encode(text);

function read(text: string) {
  const result = readSource(encode(text));
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  return result.text;
}

function refusal(text: string): string {
  const result = readSource(encode(text));
  if (result.ok) throw new Error('expected a refusal');
  return result.reason;
}

describe('text source header', () => {
  it('reads the header lines after the date line into original, and removes only them', () => {
    const text = read(
      [
        'date 2017-10-19',
        'url: https://www.cbsnews.com/news/fbi-operation-cross-country-xi/',
        'outlet: CBS News',
        'headline: FBI: 84 kids recovered in nationwide sweep',
        'author: Jane Doe and John Roe',
        '',
        'WASHINGTON (CBS/WNCN) — The FBI said.',
        '',
        'Second paragraph.',
      ].join('\n'),
    );
    expect(text).toEqual({
      statedDate: '2017-10-19',
      paragraphs: ['WASHINGTON (CBS/WNCN) — The FBI said.', 'Second paragraph.'],
      original: {
        url: 'https://www.cbsnews.com/news/fbi-operation-cross-country-xi/',
        outlet: 'CBS News',
        headline: 'FBI: 84 kids recovered in nationwide sweep',
        author: 'Jane Doe and John Roe',
        published: '2017-10-19',
      },
      dateFoundIn: null,
    });
  });

  it('takes a date among the header lines, in any order, and leaves unknown facts null', () => {
    const text = read('outlet: WNCN\r\ndate: 2017-10-19\r\n\r\nCHARLOTTE, N.C. — Text.');
    expect(text.statedDate).toBe('2017-10-19');
    expect(text.original).toEqual({ url: null, outlet: 'WNCN', headline: null, author: null, published: '2017-10-19' });
    expect(text.paragraphs).toEqual(['CHARLOTTE, N.C. — Text.']);
  });

  it('gives an undated source with a header no published day', () => {
    expect(read('outlet: WNCN\n\nText.').original).toEqual({ url: null, outlet: 'WNCN', headline: null, author: null, published: null });
  });

  it('never reads an ordinary opening as a header', () => {
    const openings = [
      'WASHINGTON (CBS/WNCN) — The FBI said.\n\nMore.',
      'Outlet: the FBI said its agents recovered 84 children.\n\nMore.',
      'Author: unknown\n\nMore.',
      'url: https://example.com/a\nThe FBI said 84 children were recovered.\n\nMore.',
      'headline: one line and no blank line after it',
      'author: Jane Doe\n\n',
      'Note: 84 children.\n\nMore.',
    ];
    for (const opening of openings) {
      const result = readSource(encode(opening));
      if (!result.ok) throw new Error(`${opening}: refused: ${result.reason}`);
      expect(result.text.original, opening).toBeNull();
    }
    expect(read('Author: unknown\n\nMore.').paragraphs).toEqual(['Author: unknown', 'More.']);
  });

  it('keeps the seeds as they were: a date line alone is no header', () => {
    for (const seed of seedSources()) {
      const result = readSource(seed.bytes);
      expect(result.ok && result.text.original, seed.file).toBeNull();
    }
  });

  it('refuses an address that is not http or https, so a javascript: URL can never become a link', () => {
    expect(refusal('url: javascript:alert(1)\n\nText.')).toBe("has a header line 'url: javascript:alert(1)' that is not an absolute http or https address");
    expect(refusal('url: /news/story\n\nText.')).toContain('not an absolute http or https address');
    expect(refusal('url: https://exa mple.com/\n\nText.')).toContain('not an absolute http or https address');
  });

  it('refuses a header that is a header but wrong, naming the line', () => {
    expect(refusal('outlet: A\noutlet: B\n\nText.')).toBe("has the header line 'outlet:' twice");
    expect(refusal('outlet:\n\nText.')).toBe("has an empty header line 'outlet:'; give a value or leave the line out");
    expect(refusal('date 2017-10-19\ndate: 2017-10-20\n\nText.')).toBe('gives its date twice, in the date line and in the header');
    expect(refusal('outlet: A\ndate: 2017-02-30\n\nText.')).toContain("malformed header line 'date: 2017-02-30'");
  });

  it('returns the text unchanged when there is no header', () => {
    expect(readSourceHeader('Just text.\n\nMore.')).toEqual({ ok: true, header: null, rest: 'Just text.\n\nMore.' });
  });

  it('carries the header into the copy as original, and seeds get none', () => {
    const articles = ingestFresh([
      source(
        'a.txt',
        'date 2017-10-19\nurl: https://example.com/news/84-children\noutlet: WNCN\n\nWASHINGTON — So far, 84 kids have been recovered in Operation Cross Country XI.',
      ),
      ...seedSources(),
    ]);
    expect(articles.get('a.txt')!.original).toEqual({
      url: 'https://example.com/news/84-children',
      outlet: 'WNCN',
      headline: null,
      author: null,
      published: '2017-10-19',
    });
    expect(articles.get('a.txt')!.dateSource).toBe('source');
    for (const seed of seedSources()) expect(articles.get(seed.file)!, seed.file).not.toHaveProperty('original');
  });
});
