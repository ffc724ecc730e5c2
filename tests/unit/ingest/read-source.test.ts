import { describe, expect, it } from 'vitest';
import { maxSourceBytes, readSource } from '@/domain/ingest/read-source';

const encode = (text: string) => new TextEncoder().encode(text);

function refusal(bytes: Uint8Array): string {
  const result = readSource(bytes);
  if (result.ok) throw new Error('expected a refusal');
  return result.reason;
}

describe('readSource', () => {
  it("takes the ' date YYYY-MM-DD ' prefix as the stated date and removes only it", () => {
    const result = readSource(encode(' date 2017-10-19 WASHINGTON (CBS/WNCN) — The FBI said.\n\nSecond paragraph.'));
    expect(result).toEqual({
      ok: true,
      text: { statedDate: '2017-10-19', paragraphs: ['WASHINGTON (CBS/WNCN) — The FBI said.', 'Second paragraph.'], original: null, dateFoundIn: null },
    });
  });

  it('accepts a date line of its own and CRLF line ends', () => {
    const result = readSource(encode('date 2020-02-29\r\nFirst.\r\n\r\nSecond.\r\n'));
    expect(result).toEqual({ ok: true, text: { statedDate: '2020-02-29', paragraphs: ['First.', 'Second.'], original: null, dateFoundIn: null } });
  });

  it('drops a UTF-8 byte order mark before the date line', () => {
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, ...encode(' date 2017-10-19 Text.')]);
    expect(readSource(bytes)).toEqual({ ok: true, text: { statedDate: '2017-10-19', paragraphs: ['Text.'], original: null, dateFoundIn: null } });
  });

  it('has no stated date without a date line, and prose starting with the word date is prose', () => {
    expect(readSource(encode('Date night was cancelled.'))).toEqual({
      ok: true,
      text: { statedDate: null, paragraphs: ['Date night was cancelled.'], original: null, dateFoundIn: null },
    });
  });

  it('joins hard-wrapped lines and treats single lines as paragraphs when there are no blank lines', () => {
    expect(readSource(encode('One line\nwrapped.\n\nTwo.'))).toMatchObject({
      ok: true,
      text: { paragraphs: ['One line wrapped.', 'Two.'], original: null, dateFoundIn: null },
    });
    expect(readSource(encode('One.\nTwo.\nThree.'))).toMatchObject({
      ok: true,
      text: { paragraphs: ['One.', 'Two.', 'Three.'], original: null, dateFoundIn: null },
    });
  });

  it('refuses an empty file and one of only white space', () => {
    expect(refusal(new Uint8Array())).toBe('is empty (0 bytes)');
    expect(refusal(encode(' \n\n\t'))).toBe('is empty (only white space)');
  });

  it.each(['date 2019-13-45', 'date 2019-02-30', 'date 2019-1-5', 'date 20190105'])('refuses the malformed date line %j', (line) => {
    expect(refusal(encode(`${line} Text.`))).toMatch(/^has a malformed date line 'date [^']+': expected a real day written YYYY-MM-DD$/);
  });

  it('refuses a date line with no article after it', () => {
    expect(refusal(encode(' date 2019-01-05 '))).toBe('has a date line but no article text');
  });

  it('refuses binary and non-UTF-8 bytes, naming the offset', () => {
    expect(refusal(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).toMatch(/^is binary/);
    expect(refusal(Uint8Array.from([...encode('Caf'), 0xe9, ...encode(' au lait')]))).toBe('is not UTF-8 text (invalid byte at offset 3)');
    expect(refusal(encode('Text with a bell \u0007 in it.'))).toMatch(/control character U\+0007/);
  });

  it('refuses a file over the size limit without scanning it as text', () => {
    const big = new Uint8Array(maxSourceBytes + 1).fill(0x61);
    expect(refusal(big)).toMatch(/^is 1\.0 MB; sources over 1\.0 MB are refused/);
    expect(readSource(new Uint8Array(maxSourceBytes).fill(0x61)).ok).toBe(true);
  });

  it('keeps HTML, Markdown and YAML-looking text as plain words', () => {
    const text = '<script>alert(1)</script>\n\n---\n\n# Not a heading\n\ntitle: "x" & *y* #z';
    expect(readSource(encode(text))).toMatchObject({
      ok: true,
      text: { paragraphs: ['<script>alert(1)</script>', '---', '# Not a heading', 'title: "x" & *y* #z'] },
    });
  });
});
