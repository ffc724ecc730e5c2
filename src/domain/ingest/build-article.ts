/**
 * One source to one article copy, in two steps so dates can be inferred
 * across a batch: extractArticle reads everything the text itself says;
 * finishArticle adds the date fields and the slug, validates with the
 * content schema and renders the file, checking that it reads back as is.
 */
import { isDeepStrictEqual } from 'node:util';
import { bodyParagraphs, formatArticleWithBody, markdownBody, readFrontmatter } from '../article-file.ts';
import { articleSchema, describeSchemaError, type Article, type Figure, type Operation, type Original } from '../schema.ts';
import { sha256 } from '../sha256.ts';
import { splitSentences } from '../sentences.ts';
import { extractFigures } from './article-figures.ts';
import { readArticleDateline, type Dateline } from './dateline.ts';
import { cluesFromPhrases, dateFromFigures, dateFromPhrases, findDatePhrases, type DateFields, type DatedIndex } from './dates.ts';
import { compileCatalogue, findOperations, type CompiledCatalogue, type OperationFindings } from './operations.ts';
import { readSource } from './read-source.ts';
import { isPageFile, readPage } from './page-reader.ts';
import { makeTitle } from './title.ts';

/** A raw source as the CLI read it. */
export interface SourceFile {
  /** The file name, recorded in the copy ('000_8f2de62f41e94ce4.txt'). */
  file: string;
  /** The path as given on the command line, for messages. */
  path: string;
  bytes: Uint8Array;
}

/** The catalogue, with its names compiled once per run. */
export interface Catalogue {
  operations: readonly Operation[];
  compiled: CompiledCatalogue;
}

/** Prepares the operations catalogue for matching. */
export function prepareCatalogue(operations: readonly Operation[]): Catalogue {
  return { operations, compiled: compileCatalogue(operations) };
}

/** Everything one source says about itself, before dates are inferred across the batch. */
export interface ExtractedArticle {
  file: string;
  path: string;
  sha256: string;
  /** SHA-256 of the paragraphs: the same article under another name has the same digest. */
  textDigest: string;
  /**
   * The copy's Markdown body (markdownBody), made where the article is extracted: checking the paragraphs
   * for Markdown syntax was the main thread's largest cost. A body that is not plain prose has been read
   * back to the same paragraphs.
   */
  body: string;
  /** Every paragraph is plain prose, written as is. */
  plainProse: boolean;
  /** The first paragraph's sentences, for a headline when the article names no operation and no figure. */
  leadSentences: string[];
  statedDate: string | null;
  /** Where a stated date was found when not in a date line (a saved page's metadata), and any other day the text gives. */
  statedEvidence: string | null;
  /** What the source says of its original (a text source's header, a saved page's metadata), else null. */
  original: Original | null;
  /** Rule 1 of dates.ts: a day the text itself dates (null when it dates none). */
  textDate: DateFields | null;
  /** The date clues that settle nothing, quoted, for an article that stays undated. */
  clues: string | null;
  dateline: Dateline;
  operations: OperationFindings;
  figures: Figure[];
}

export type Refusable<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Re-exported for ingest's modules, which take it from here. */
export { sha256 };

/** Reads one source and extracts its dateline, operations and figures; refuses what is not an article. */
export function extractArticle(source: SourceFile, catalogue: Catalogue): Refusable<ExtractedArticle> {
  // A saved web page (.html, .htm) is read for its article and metadata (after loadPageReader()); anything else is a text source.
  const read = isPageFile(source.file) ? readPage(source.bytes) : readSource(source.bytes);
  if (!read.ok) return read;
  const { paragraphs, original, dateFoundIn } = read.text;
  const sentences = paragraphs.flatMap((text, paragraph) => splitSentences(text).map((sentence) => ({ paragraph, text: sentence })));
  const texts = sentences.map((sentence) => sentence.text);
  const dateline = readArticleDateline(paragraphs);
  // A release's own date, in its dateline or at the foot of its letterhead, is stated as much as a date line is.
  const statedDate = read.text.statedDate ?? dateline.date ?? null;
  const operations = findOperations(texts, catalogue.compiled);
  // Only what pass two needs is kept, not the sentences: the plan holds every undated article until then.
  // A date from a page's metadata is checked against the text's own: where they differ, the copy says so.
  const phrases = statedDate === null || dateFoundIn !== null ? findDatePhrases(texts) : [];
  const textDate = dateFromPhrases(phrases);
  const otherDay =
    statedDate !== null && textDate !== null && textDate.date !== statedDate
      ? `. The text's own date differs (${textDate.date}): ${textDate.dateEvidence}`
      : '';
  const body = markdownBody(paragraphs);
  // Text with Markdown syntax in it is read back to prove the copy holds exactly these words. Plain prose needs
  // no proof: it is written as is.
  if (!body.plainProse && !isDeepStrictEqual(bodyParagraphs(body.markdown), paragraphs)) {
    return { ok: false, reason: 'its text does not read back unchanged from Markdown' };
  }
  return {
    ok: true,
    value: {
      file: source.file,
      path: source.path,
      sha256: sha256(source.bytes),
      textDigest: sha256(paragraphs.join('\n\n')),
      body: body.markdown,
      plainProse: body.plainProse,
      leadSentences: sentences.filter((sentence) => sentence.paragraph === 0).map((sentence) => sentence.text),
      statedDate,
      statedEvidence: dateFoundIn === null ? null : `${dateFoundIn}${otherDay}`,
      original,
      textDate: statedDate === null ? textDate : null,
      clues: statedDate === null ? cluesFromPhrases(phrases) : null,
      dateline,
      operations: { ...operations, hits: [], unlistedHits: [] },
      figures: extractFigures(sentences, operations, dateline),
    },
  };
}

/**
 * The date fields: the date line's day; else a dated announcement in the
 * text; else the date of a dated article with the same figures; else
 * unknown, with the clues that did not settle it.
 */
export function dateArticle(article: ExtractedArticle, dated: DatedIndex): DateFields {
  if (article.statedDate !== null) return { date: article.statedDate, dateSource: 'source', dateEvidence: article.statedEvidence };
  if (article.textDate) return article.textDate;
  const fromFigures = dateFromFigures(article.figures, dated, article.file);
  if (fromFigures?.kind === 'dated') return fromFigures.fields;
  const clues = [article.clues, fromFigures?.kind === 'ambiguous' ? fromFigures.note : null].filter(Boolean);
  return { date: null, dateSource: 'unknown', dateEvidence: clues.length > 0 ? clues.join('. ') : null };
}

/** The generated headline of an extracted article. */
export function titleFor(article: ExtractedArticle, catalogue: Catalogue): string {
  return makeTitle(
    {
      primary: article.operations.primary,
      mentions: article.operations.mentions,
      figures: article.figures,
      leadSentences: article.leadSentences,
      sourceFile: article.file,
    },
    catalogue.operations,
  );
}

/** The finished copy: frontmatter and file text. */
export interface FinishedArticle {
  article: Article;
  content: string;
}

/** Assembles, validates and renders the copy; refuses when the schema or the round trip disagrees. */
export function finishArticle(
  extracted: ExtractedArticle,
  dates: DateFields,
  slug: string,
  title: string,
  formerSlugs: readonly string[] = [],
): Refusable<FinishedArticle> {
  const candidate = {
    title,
    slug,
    date: dates.date,
    dateSource: dates.dateSource,
    dateEvidence: dates.dateEvidence,
    dateline: extracted.dateline.dateline,
    outlet: extracted.dateline.outlet,
    operations: extracted.operations.mentions,
    ...(extracted.operations.unlisted.length > 0 ? { unlistedOperations: extracted.operations.unlisted } : {}),
    figures: extracted.figures,
    source: { file: extracted.file, sha256: extracted.sha256 },
    ...(extracted.original === null ? {} : { original: extracted.original }),
    ...(formerSlugs.length > 0 ? { formerSlugs: [...formerSlugs] } : {}),
  };
  const parsed = articleSchema.safeParse(candidate);
  if (!parsed.success) return { ok: false, reason: `does not fit the content schema: ${describeSchemaError(parsed.error)}` };
  const article = parsed.data;
  const content = formatArticleWithBody(article, extracted.body);
  // A copy with Markdown or YAML syntax in its text (or an odd file name) is read back to prove it holds exactly
  // this frontmatter (extractArticle proved the body). Plain prose needs no proof: its strings are ones js-yaml
  // round-trips; skipping the read-back halves ingest time.
  if (!extracted.plainProse || !/^[\w.-]+$/.test(extracted.file)) {
    const reread = articleSchema.safeParse(readFrontmatter(content));
    if (!reread.success || !isDeepStrictEqual(reread.data, article)) return { ok: false, reason: 'its frontmatter does not read back unchanged from YAML' };
  }
  return { ok: true, value: { article, content } };
}
