/**
 * Reading and writing one article copy: gray-matter frontmatter over a
 * Markdown body of plain paragraphs. Pure: no file system here.
 */
import matter from 'gray-matter';
import { markdownToParagraphs, paragraphsToMarkdown } from './markdown-body.ts';
import { dateYears, isIsoDate, type Article } from './schema.ts';

/**
 * The frontmatter keys in the order ingest writes them, so files diff cleanly. formerSlugs comes last and only
 * when set: a copy without it is byte for byte what it was, and ingest adds it to a hand-edited copy by
 * inserting lines before the closing fence (former-slugs.ts), which gives the same bytes as writing it.
 */
const keyOrder: readonly (keyof Article)[] = [
  'title',
  'slug',
  'date',
  'dateSource',
  'dateEvidence',
  'dateline',
  'outlet',
  'operations',
  'unlistedOperations',
  'figures',
  'source',
  'original',
  'formerSlugs',
];

export interface ParsedArticleFile {
  /** The frontmatter as YAML gave it: not yet validated. */
  data: Record<string, unknown>;
  /** The body's paragraphs as plain text. */
  paragraphs: string[];
}

function refuseEngine(): never {
  throw new Error('only YAML frontmatter is read');
}

/**
 * gray-matter's options for reading: its JavaScript engine evaluates `---js` frontmatter, so every engine but
 * YAML (js-yaml's safe schema, which refuses `!!js/function` and other code tags) throws. Passing options also
 * turns off gray-matter's unbounded cache keyed by file text.
 */
const readOptions = {
  excerpt: false,
  language: 'yaml',
  engines: { js: refuseEngine, javascript: refuseEngine, coffee: refuseEngine, coffeescript: refuseEngine, cson: refuseEngine, json: refuseEngine },
};

/**
 * gray-matter reads the word after the opening '---' as the frontmatter's language ('---js'). A copy's
 * frontmatter is YAML, so its opening line must be '---' alone; anything else is refused before gray-matter
 * sees it, rather than trusted to its list of engines.
 */
function assertYamlFence(raw: string): void {
  const text = raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
  if (!text.startsWith('---')) return;
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  if (firstLine.trimEnd() !== '---') {
    throw new Error(`its frontmatter opens with '${firstLine.slice(0, 40)}': only YAML frontmatter, opened by '---' alone, is read`);
  }
}

/** What js-yaml (3, gray-matter's) shows its `listener` option of a node as it opens and closes one. */
interface YamlNodeState {
  input: string;
  position: number;
  line: number;
  tag: string | null;
  result: unknown;
}

const timestampTag = 'tag:yaml.org,2002:timestamp';

/**
 * js-yaml reads an unquoted 2019-13-45 as a timestamp and builds the Date
 * 2020-02-14 from it, so by the time the schema sees the value the mistake is
 * gone. The loader's listener sees each node's source text: a timestamp whose
 * written day is not a real calendar day (or falls outside dateYears) is
 * refused there, and every Date in the result must be one it checked, so a
 * change in js-yaml fails closed instead of publishing another day.
 */
function timestampChecker(): { listener: (event: 'open' | 'close', state: YamlNodeState) => void; checked: WeakSet<Date> } {
  const opened: number[] = [];
  const checked = new WeakSet<Date>();
  const listener = (event: 'open' | 'close', state: YamlNodeState): void => {
    if (event === 'open') {
      opened.push(state.position);
      return;
    }
    const start = opened.pop() ?? state.position;
    if (state.tag !== timestampTag || !(state.result instanceof Date)) return;
    const written = state.input.slice(start, state.position).trim();
    const day = /(\d{4})-(\d{1,2})-(\d{1,2})/.exec(written);
    const iso = day ? `${day[1]}-${day[2]!.padStart(2, '0')}-${day[3]!.padStart(2, '0')}` : null;
    if (iso === null || !isIsoDate(iso)) {
      throw new Error(
        `line ${state.line + 1}: '${written.slice(0, 40)}' is not a real calendar day (YYYY-MM-DD, years ${dateYears.first} to ${dateYears.last})`,
      );
    }
    checked.add(state.result);
  };
  return { listener, checked };
}

/** Throws when `value` holds a Date the timestamp checker did not see. */
function assertDatesChecked(value: unknown, checked: WeakSet<Date>): void {
  if (value instanceof Date) {
    if (!checked.has(value)) throw new Error('holds a timestamp that could not be checked as a calendar day; quote it');
  } else if (Array.isArray(value)) for (const item of value) assertDatesChecked(item, checked);
  else if (typeof value === 'object' && value !== null) for (const item of Object.values(value)) assertDatesChecked(item, checked);
}

/** Frontmatter and body of a copy, YAML only (see readOptions). Throws on malformed or non-YAML frontmatter and impossible dates. */
function readMatter(raw: string): { data: Record<string, unknown>; content: string } {
  assertYamlFence(raw);
  const { listener, checked } = timestampChecker();
  // gray-matter hands its options to js-yaml's safeLoad, which calls `listener` on every node.
  const file = matter(raw, { ...readOptions, listener });
  assertDatesChecked(file.data, checked);
  return file;
}

/** Splits a copy into its unvalidated frontmatter and its paragraphs. Throws on malformed YAML. */
export function parseArticleFile(raw: string): ParsedArticleFile {
  const { data, content } = readMatter(raw);
  return { data, paragraphs: bodyParagraphs(content) };
}

/**
 * The paragraphs of a Markdown body. A body of plain prose (what ingest
 * writes for almost every article) is split on blank lines without remark,
 * which reads it the same way; anything else goes through remark.
 */
export function bodyParagraphs(markdown: string): string[] {
  const blocks = markdown
    .split(/\n[ \t]*\n/)
    .map((block) => block.trim())
    .filter((block) => block.length > 0);
  return blocks.every(isPlainProse) ? blocks : markdownToParagraphs(markdown);
}

/**
 * Only the unvalidated frontmatter of a copy, without reading the body: what
 * ingest needs to know about the copies already in its output folder.
 * Throws on malformed YAML.
 */
export function readFrontmatter(raw: string): Record<string, unknown> {
  return readMatter(raw).data;
}

// Prose in which Markdown sees no syntax: letters, digits and ordinary punctuation, no '&' that could start an
// entity, no '://', and no line-start marker (list, heading, quote, rule). remark writes such paragraphs
// unchanged and reads them back unchanged, so ingest can skip remark for them (it is most of ingest's time).
// Checked character by character: a single pattern with Unicode classes was a tenth of ingest's time.
const asciiProse = new Uint8Array(128);
for (const character of 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,;:\'"()$%?/@!&-') asciiProse[character.charCodeAt(0)] = 1;
const otherProse = new Set([...'“”‘’—–…'].map((character) => character.charCodeAt(0)));
const letterOrDigit = /^[\p{L}\p{N}]$/u;
const entityStart = /&[#\p{L}\p{N}]/u;
const lineStartMarker = /^(?:[-+=#>*_]|\d+[.)])/;

/** True when a paragraph is plain prose that the Markdown body holds as is (see above). */
export function isPlainProse(paragraph: string): boolean {
  for (let index = 0; index < paragraph.length; index += 1) {
    const code = paragraph.charCodeAt(index);
    if (code < 128 ? asciiProse[code] === 0 : !otherProse.has(code) && !letterOrDigit.test(paragraph[index]!)) return false;
  }
  return !lineStartMarker.test(paragraph) && !paragraph.includes('://') && !entityStart.test(paragraph);
}

/** A copy's Markdown body, and whether every paragraph was plain prose written as is. */
export interface MarkdownBody {
  markdown: string;
  plainProse: boolean;
}

/** The Markdown body: plain prose joined by blank lines, as remark would write it; anything else escaped by remark. */
export function markdownBody(paragraphs: readonly string[]): MarkdownBody {
  const plainProse = paragraphs.every(isPlainProse);
  return { markdown: plainProse ? `${paragraphs.join('\n\n')}\n` : paragraphsToMarkdown(paragraphs), plainProse };
}

/** markdownBody's text alone. */
export function bodyMarkdown(paragraphs: readonly string[]): string {
  return markdownBody(paragraphs).markdown;
}

// YAML words that must not be written bare, or they would read back as booleans or null.
const reservedWords = new Set(['null', 'true', 'false', 'yes', 'no', 'on', 'off', 'y', 'n']);

/**
 * One scalar in YAML: lower-case identifiers ('source', 'operation-cross-country') bare for reading ease,
 * every other string as a JSON string literal, which is also a YAML double-quoted scalar: any text, quotes,
 * '#', ': ', '---' or control characters included, reads back exactly.
 */
function yamlScalar(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return /^[a-z][a-z0-9-]*$/.test(value) && !reservedWords.has(value) ? value : JSON.stringify(value);
  throw new TypeError(`cannot write ${typeof value} as a YAML scalar`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Block-style YAML lines for a mapping of scalars, nested mappings and lists. */
function yamlMapping(data: Record<string, unknown>, indent: string): string[] {
  const lines: string[] = [];
  for (const [key, value] of Object.entries(data)) {
    if (Array.isArray(value)) {
      if (value.length === 0) lines.push(`${indent}${key}: []`);
      else {
        lines.push(`${indent}${key}:`);
        for (const item of value) {
          if (isRecord(item)) {
            const itemLines = yamlMapping(item, `${indent}    `);
            itemLines[0] = `${indent}  - ${itemLines[0]!.trimStart()}`;
            lines.push(...itemLines);
          } else lines.push(`${indent}  - ${yamlScalar(item)}`);
        }
      }
    } else if (isRecord(value)) {
      lines.push(Object.keys(value).length === 0 ? `${indent}${key}: {}` : `${indent}${key}:`, ...yamlMapping(value, `${indent}  `));
    } else lines.push(`${indent}${key}: ${yamlScalar(value)}`);
  }
  return lines;
}

/**
 * gray-matter writes the copy, with a YAML engine of our own for the dump:
 * js-yaml's dumper was the largest cost of ingest. gray-matter's default
 * engine (js-yaml) reads it back, and tests check the two agree.
 */
const yamlEngine = {
  parse: (text: string): object => readMatter(`---\n${text}\n---\n`).data,
  stringify: (data: object): string => yamlMapping(data as Record<string, unknown>, '').join('\n'),
};

/** Writes a copy: ordered frontmatter, then the paragraphs as Markdown. */
export function formatArticleFile(article: Article, paragraphs: readonly string[]): string {
  return formatArticleWithBody(article, bodyMarkdown(paragraphs));
}

/** Writes a copy whose Markdown body (markdownBody) is already made: ingest makes it on an extraction thread. */
export function formatArticleWithBody(article: Article, markdown: string): string {
  const ordered: Record<string, unknown> = {};
  // An optional key that is absent (original, formerSlugs) is left out, not written as null: copies without it stay as they were.
  for (const key of keyOrder) if (article[key] !== undefined) ordered[key] = article[key];
  // The body goes in as a file object: given a string, gray-matter first parses it for frontmatter of its own
  // (about 60 µs a copy, a tenth of ingest's main thread), which a body never has.
  return matter.stringify({ content: markdown }, ordered, { engines: { yaml: yamlEngine } });
}
