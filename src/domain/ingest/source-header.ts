/**
 * The optional header of a text source: what is known of the original
 * (docs/ingest.md). After the date line, if any, a block of lines each
 * `key: value`, with lower-case keys from a fixed set, ended by a blank line:
 *
 *   date 2017-10-19
 *   url: https://www.cbsnews.com/news/fbi-operation-cross-country/
 *   outlet: CBS News
 *   headline: FBI rescues 84 children in nationwide sweep
 *   author: Jane Doe
 *
 *   WASHINGTON (CBS) — The FBI ...
 *
 * The block is taken as a header only when every one of its lines is such a
 * line and article text follows it, so an opening paragraph is never read as
 * one. A header that is a header but wrong (an unknown address scheme, a key
 * twice, an empty value) refuses the source rather than being half-read.
 */
import { isHttpUrl, isIsoDate } from '../schema.ts';

/** `date` is the date line's day, for a header that gives it among the other lines rather than first. */
export const headerKeys = ['url', 'outlet', 'headline', 'author', 'date'] as const;
export type HeaderKey = (typeof headerKeys)[number];

/** The header's values; a key the header lacks is null. */
export type SourceHeader = Record<HeaderKey, string | null>;

export type HeaderResult = { ok: true; header: SourceHeader | null; rest: string } | { ok: false; reason: string };

const headerLine = /^([a-z]+):(?:[ \t]+(.*?))?[ \t]*$/;

/** A value longer than this is not a headline or a name: the block is prose, or a mistake worth refusing. */
const maxValueLength = 500;

/** Reads the header block at the start of `text` (its line ends already '\n'); `rest` is the text after it. */
export function readSourceHeader(text: string): HeaderResult {
  const leading = /^[ \t]*\n*/.exec(text)![0].length;
  const body = text.slice(leading);
  const end = body.search(/\n[ \t]*\n/);
  if (end < 0) return { ok: true, header: null, rest: text };
  const lines = body.slice(0, end).split('\n');
  const matches = lines.map((line) => headerLine.exec(line.trim()));
  if (!matches.every((match) => match !== null && (headerKeys as readonly string[]).includes(match[1]!))) {
    return { ok: true, header: null, rest: text };
  }
  const rest = body.slice(end).replace(/^\n[ \t]*\n/, '');
  if (rest.trim() === '') return { ok: true, header: null, rest: text };
  const header: SourceHeader = { url: null, outlet: null, headline: null, author: null, date: null };
  for (const match of matches) {
    const key = match![1] as HeaderKey;
    const value = (match![2] ?? '').trim();
    if (value === '') return { ok: false, reason: `has an empty header line '${key}:'; give a value or leave the line out` };
    if (header[key] !== null) return { ok: false, reason: `has the header line '${key}:' twice` };
    if (value.length > maxValueLength) return { ok: false, reason: `has a header line '${key}:' over ${maxValueLength} characters` };
    if (key === 'url' && !isHttpUrl(value)) {
      return { ok: false, reason: `has a header line 'url: ${value.slice(0, 80)}' that is not an absolute http or https address` };
    }
    if (key === 'date' && !(/^\d{4}-\d{2}-\d{2}$/.test(value) && isIsoDate(value))) {
      return { ok: false, reason: `has a malformed header line 'date: ${value.slice(0, 40)}': expected a real day written YYYY-MM-DD` };
    }
    header[key] = value;
  }
  return { ok: true, header, rest };
}
