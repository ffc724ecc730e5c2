/**
 * Turns the bytes of one raw source into checked text: UTF-8 only, no binary,
 * a bounded size, an optional leading date line, and paragraphs. Pure: the
 * CLI reads the file, this decides whether it is an article at all.
 */
import { isIsoDate, type Original } from '../schema.ts';
import { readSourceHeader } from './source-header.ts';

/** Sources above this size are refused: a news article is a few kilobytes, a larger file is not one article. */
export const maxSourceBytes = 1024 * 1024;

export interface SourceText {
  /** The day the source states ('2017-10-19': its date line or header, or a saved page's metadata), else null. */
  statedDate: string | null;
  /** The article's paragraphs, the date line and header removed, wording untouched. */
  paragraphs: string[];
  /** What the source's header (or a saved page's metadata) says of the original; null when nothing. */
  original: Original | null;
  /** Where a saved page's metadata states the date ("Stated by the page's article:published_time"); null for a text source. */
  dateFoundIn: string | null;
}

export type ReadSourceResult = { ok: true; text: SourceText } | { ok: false; reason: string };

/** Offset of the first byte that breaks UTF-8, for an error message that helps find it. */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const byte = bytes[index]!;
    const length = byte < 0x80 ? 1 : byte >= 0xc2 && byte < 0xe0 ? 2 : byte >= 0xe0 && byte < 0xf0 ? 3 : byte >= 0xf0 && byte < 0xf5 ? 4 : 0;
    if (length === 0 || index + length > bytes.length) return index;
    for (let next = 1; next < length; next += 1) if ((bytes[index + next]! & 0xc0) !== 0x80) return index;
    index += length;
  }
  return -1;
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** The refusal for a file of `size` bytes over the limit; the CLI uses it before reading such a file. */
export function oversizeReason(size: number): string {
  return `is ${formatSize(size)}; sources over ${formatSize(maxSourceBytes)} are refused (an article is a few KB)`;
}

/** Splits text into paragraphs: blank lines separate them; a text with no blank line has one per line. */
export function splitParagraphs(text: string): string[] {
  const blocks = /\n[ \t]*\n/.test(text) ? text.split(/\n[ \t]*\n/) : text.split('\n');
  // Hard-wrapped lines inside a paragraph are one line of prose: the wording stays, the wrap goes.
  return blocks.map((block) => (block.includes('\n') ? block.replace(/[ \t]*\n[ \t]*/g, ' ') : block).trim()).filter((block) => block.length > 0);
}

// 'date 2017-10-19' at the very start (the seeds have a leading space); the value must start with a digit,
// so prose that happens to begin with the word 'date' is not taken for a date line.
const dateLinePattern = /^\s*date:?[ \t]+(\d\S*)[ \t]*\n?/i;

/**
 * 'little-endian' or 'big-endian' when the bytes are UTF-16 text: a UTF-16 byte order mark, or mostly Latin
 * text whose every other byte is NUL. Else null.
 */
export function utf16Order(bytes: Uint8Array): 'little-endian' | 'big-endian' | null {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'little-endian';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'big-endian';
  if (bytes.length < 4 || bytes.length % 2 !== 0) return null;
  const sample = Math.min(bytes.length, 512);
  let evenNul = 0;
  let oddNul = 0;
  for (let index = 0; index < sample; index += 2) {
    if (bytes[index] === 0) evenNul += 1;
    if (bytes[index + 1] === 0) oddNul += 1;
  }
  const pairs = sample / 2;
  if (oddNul >= pairs * 0.9 && evenNul === 0) return 'little-endian';
  if (evenNul >= pairs * 0.9 && oddNul === 0) return 'big-endian';
  return null;
}

/** Reads a source's bytes; refuses empty, oversized, binary and non-UTF-8 input and malformed date lines. */
export function readSource(bytes: Uint8Array): ReadSourceResult {
  if (bytes.length === 0) return { ok: false, reason: 'is empty (0 bytes)' };
  if (bytes.length > maxSourceBytes) {
    return { ok: false, reason: oversizeReason(bytes.length) };
  }
  const utf16 = utf16Order(bytes);
  if (utf16) {
    return { ok: false, reason: `is UTF-16 (${utf16}) text, not UTF-8; convert it first, e.g. iconv -f UTF-16 -t UTF-8 <file> > <file>.utf8.txt` };
  }
  if (bytes.includes(0)) return { ok: false, reason: 'is binary, not text (it contains NUL bytes)' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, reason: `is not UTF-8 text (invalid byte at offset ${firstInvalidUtf8Byte(bytes)})` };
  }
  const control = /[\u0001-\u0008\u000b\u000e-\u001f\u007f]/.exec(text);
  if (control) {
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    return { ok: false, reason: `is binary, not text (control character U+${code} at offset ${control.index})` };
  }
  text = text.replace(/\r\n?/g, '\n');
  if (text.trim() === '') return { ok: false, reason: 'is empty (only white space)' };
  let statedDate: string | null = null;
  const dateLine = dateLinePattern.exec(text);
  if (dateLine) {
    const value = dateLine[1]!;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !isIsoDate(value)) {
      return { ok: false, reason: `has a malformed date line 'date ${value}': expected a real day written YYYY-MM-DD` };
    }
    statedDate = value;
    text = text.slice(dateLine[0].length);
  }
  const headed = readSourceHeader(text);
  if (!headed.ok) return headed;
  let original: Original | null = null;
  if (headed.header !== null) {
    const { date, ...known } = headed.header;
    if (date !== null && statedDate !== null) return { ok: false, reason: 'gives its date twice, in the date line and in the header' };
    statedDate ??= date;
    original = { ...known, published: statedDate };
    text = headed.rest;
  }
  const paragraphs = splitParagraphs(text);
  if (paragraphs.length === 0) return { ok: false, reason: 'has a date line but no article text' };
  return { ok: true, text: { statedDate, paragraphs, original, dateFoundIn: null } };
}
