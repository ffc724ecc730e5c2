/**
 * Plans one ingest run, without touching the file system: which copies to
 * write, which to leave, which sources to refuse. The CLI reads the inputs
 * and the output folder, feeds the sources to startIngestPlan one at a time
 * (extracted on worker threads when there are many; planIngest does it all
 * in one call), and writes what the plan returns.
 *
 * Deterministic: sources are taken in file-name order. Pass one extracts
 * every source, names its copy and renders it when the text gives its date;
 * pass two dates the rest from the dated ones (this batch's date lines and
 * the copies already in the folder) and renders them. A copy is named in
 * pass one, so slugs never depend on dates.
 */
import { Buffer } from 'node:buffer';
import { readFrontmatter } from '../article-file';
import { articleSchema, type Article } from '../schema';
import {
  dateArticle, extractArticle, finishArticle, sha256, titleFor, type Catalogue, type ExtractedArticle, type Refusable, type SourceFile,
} from './build-article';
import { indexDated, type DatedArticle, type DateFields } from './dates';
import type { Manifest, ManifestEntry } from './manifest';
import { slugForTitle, uniqueSlug } from './slug';

/** A copy already in the output folder. */
export interface ExistingCopy {
  /** File name in the folder ('operation-cross-country-xi-84-children-recovered.md'). */
  name: string;
  /** SHA-256 of the file's bytes: a copy the manifest knows is checked by it. */
  sha256: string;
  /**
   * The file's bytes, asked for only when its YAML must be read or its text compared: decoding ten thousand
   * copies was most of a one-article run's time, and the CLI does not read a copy whose digest it knows.
   */
  bytes: () => Uint8Array;
}

const utf8 = new TextDecoder();

/** What the plan needs of a source it does not extract itself: the names it orders and reports it by. */
export type SourceName = Pick<SourceFile, 'file' | 'path'>;

/** True when `bytes` are exactly `text` in UTF-8. */
function sameText(bytes: Uint8Array, text: string): boolean {
  return Buffer.compare(Buffer.from(text, 'utf8'), bytes) === 0;
}

export type OutcomeStatus = 'written' | 'updated' | 'unchanged' | 'kept';

export interface Outcome {
  /** The source's path as given. */
  path: string;
  /** The copy's file name in the output folder. */
  copy: string;
  status: OutcomeStatus;
  /** The bytes to write, for 'written' and 'updated'. */
  content: string | null;
  /** The generated frontmatter (for 'kept', what ingest would have written). */
  article: Article;
  /** For 'kept': the source changed since the copy was written, so an editor should compare. */
  sourceChanged: boolean;
  /** The manifest entry for the bytes in `content`, journaled with the write (manifest.ts); null when there is none. */
  record: ManifestEntry | null;
}

export interface Refusal {
  path: string;
  reason: string;
}

export interface IngestPlan {
  outcomes: Outcome[];
  refusals: Refusal[];
  manifest: Manifest;
  /** Things worth telling the user that are not errors (unknown operation names, unreadable copies). */
  notes: string[];
}

export interface PlanInput {
  sources: readonly SourceFile[];
  existing: readonly ExistingCopy[];
  manifest: Manifest;
  catalogue: Catalogue;
  /** Called as sources are extracted, for progress on long runs. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Called with each outcome that has content to write, as soon as it is ready, so a long run need not hold
   * every copy in memory. The returned plan then has `content: null` for it.
   */
  emit?: (outcome: Outcome) => void;
}

interface Named {
  article: ExtractedArticle;
  title: string;
  slug: string;
  existingCopy: KnownCopy | undefined;
  /** Position in file-name order, so outcomes and refusals are reported in that order. */
  order: number;
}

const emptyIndex = indexDated([]);

interface KnownCopy {
  name: string;
  slug: string;
  sourceFile: string | null;
  sourceSha256: string | null;
  /** The validated frontmatter, or null; read on first use (only dating needs it). */
  article: () => Article | null;
}

function stem(name: string): string {
  return name.replace(/\.md$/, '');
}

/** Reads a copy's frontmatter, noting (not throwing) when it cannot. */
function readCopy(name: string, raw: string, notes: string[]): Record<string, unknown> {
  try {
    return readFrontmatter(raw);
  } catch (error) {
    notes.push(`${name}: cannot read its frontmatter (${(error as Error).message.split('\n')[0]}); left as is`);
    return {};
  }
}

function once<T>(compute: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value;
  };
}

/**
 * What the folder already holds: each copy's slug and source. A copy whose
 * bytes are what ingest last wrote (the manifest's digest) is known from the
 * manifest, as `<slug>.md`, without parsing its YAML, which on a folder of
 * ten thousand copies is most of a small run's time. Edited or unknown
 * copies are read.
 */
function indexCopies(existing: readonly ExistingCopy[], manifest: Manifest, notes: string[]): KnownCopy[] {
  return existing.map(({ name, sha256: digest, bytes }) => {
    const recorded = manifest.get(name);
    const validated = (data: Record<string, unknown>): Article | null => {
      const parsed = articleSchema.safeParse(data);
      return parsed.success ? parsed.data : null;
    };
    if (recorded !== undefined && digest === recorded.written) {
      return {
        name,
        slug: stem(name),
        sourceFile: recorded.source,
        sourceSha256: recorded.sourceSha256,
        article: once(() => validated(readCopy(name, utf8.decode(bytes()), notes))),
      };
    }
    const data = readCopy(name, utf8.decode(bytes()), notes);
    const source = (data['source'] ?? {}) as { file?: unknown; sha256?: unknown };
    const article = validated(data);
    return {
      name,
      slug: typeof data['slug'] === 'string' ? data['slug'] : stem(name),
      sourceFile: typeof source.file === 'string' ? source.file : null,
      sourceSha256: typeof source.sha256 === 'string' ? source.sha256 : null,
      article: () => article,
    };
  });
}

/** The order a run takes its sources in (file name, then path): slugs and which twin is refused depend on it. */
export function ingestOrder<S extends SourceName>(sources: readonly S[]): S[] {
  return [...sources].sort((a, b) => a.file.localeCompare(b.file) || a.path.localeCompare(b.path));
}

/** Plans the run: see the module comment. */
export function planIngest({ sources, onProgress, ...input }: PlanInput): IngestPlan {
  const planner = startIngestPlan(input);
  const ordered = ingestOrder(sources);
  ordered.forEach((source, order) => {
    onProgress?.(order + 1, ordered.length);
    planner.add(source);
  });
  return planner.finish();
}

/** A run planned one source at a time, so extraction can happen elsewhere (on worker threads) meanwhile. */
export interface IngestPlanner {
  /**
   * Pass one for the next source, in ingestOrder. `extracted` is extractArticle's result for it when it was
   * computed elsewhere (then only the source's names are needed); without it the source is extracted here.
   */
  add(source: SourceFile): void;
  add(source: SourceName, extracted: Refusable<ExtractedArticle>): void;
  /** Pass two, then the plan. No source may be added after. */
  finish(): IngestPlan;
}

export function startIngestPlan({ existing, manifest, catalogue, emit }: Omit<PlanInput, 'sources' | 'onProgress'>): IngestPlanner {
  const notes: string[] = [];
  const copies = indexCopies(existing, manifest, notes);
  const copyByName = new Map(copies.map((copy) => [copy.name, copy]));
  const existingByName = new Map(existing.map((copy) => [copy.name, copy]));
  const nextManifest: Manifest = new Map([...manifest].filter(([name]) => copyByName.has(name)));

  // Which copy belongs to which source: the manifest first, then the copies' own frontmatter.
  const copyOfSource = new Map<string, string>();
  for (const copy of copies) if (copy.sourceFile !== null && !copyOfSource.has(copy.sourceFile)) copyOfSource.set(copy.sourceFile, copy.name);
  for (const [name, entry] of nextManifest) copyOfSource.set(entry.source, name);

  const byFileName = new Map<string, string>();
  const byText = new Map<string, string>();
  const textInFolder = new Map<string, string>();
  for (const entry of nextManifest.values()) textInFolder.set(entry.textDigest, entry.source);
  const bytesInFolder = new Map<string, string>();
  for (const copy of copies) if (copy.sourceSha256 !== null && copy.sourceFile !== null) bytesInFolder.set(copy.sourceSha256, copy.sourceFile);
  const batchFiles = new Set<string>();
  let order = 0;
  let finished = false;
  const takenSlugs = new Set(copies.flatMap((copy) => [copy.slug, stem(copy.name)]));
  const nextSuffix = new Map<string, number>();
  const dated: DatedArticle[] = [];
  const undated: Named[] = [];
  const outcomes: (Outcome & { order: number })[] = [];
  const refused: (Refusal & { order: number })[] = [];

  /** Renders one named article with its date fields and records the outcome. */
  const finish = (named: Named, dates: DateFields): void => {
    const { article, title, slug, existingCopy, order } = named;
    const finished = finishArticle(article, dates, slug, title);
    if (!finished.ok) {
      refused.push({ path: article.path, reason: finished.reason, order });
      return;
    }
    const { content } = finished.value;
    const copy = existingCopy?.name ?? `${slug}.md`;
    const current = existingByName.get(copy);
    const recorded = nextManifest.get(copy);
    let status: OutcomeStatus;
    if (current === undefined) status = 'written';
    else if (sameText(current.bytes(), content)) status = 'unchanged';
    else if (recorded !== undefined && current.sha256 === recorded.written) status = 'updated';
    else status = 'kept';
    let record: ManifestEntry | null = null;
    if (status !== 'kept') {
      record = { source: article.file, sourceSha256: article.sha256, textDigest: article.textDigest, written: sha256(content) };
      nextManifest.set(copy, record);
    }
    const outcome: Outcome = {
      path: article.path,
      copy,
      status,
      content: status === 'written' || status === 'updated' ? content : null,
      article: finished.value.article,
      sourceChanged: status === 'kept' && (recorded?.sourceSha256 ?? existingCopy?.sourceSha256) !== article.sha256,
      record,
    };
    if (emit && outcome.content !== null) {
      emit(outcome);
      outcome.content = null;
    }
    outcomes.push({ ...outcome, order });
    for (const name of article.operations.unknown) notes.push(`${article.path}: '${name}' is not in the operations catalogue`);
  };

  // Pass one, in file-name order: extract, refuse bad input and the same article twice, name the copy (titles
  // do not depend on dates), and finish every article whose date the text itself gives. Only the undated wait.
  const add = (source: SourceName | SourceFile, extracted?: Refusable<ExtractedArticle>): void => {
    if (finished) throw new Error('ingest plan: a source was added after the plan was finished');
    order += 1;
    batchFiles.add(source.file);
    const sameName = byFileName.get(source.file);
    if (sameName !== undefined) {
      refused.push({ path: source.path, reason: `has the same file name as ${sameName}, and a copy records its source by file name`, order });
      return;
    }
    byFileName.set(source.file, source.path);
    const result = extracted ?? ('bytes' in source ? extractArticle(source, catalogue) : null);
    if (result === null) throw new Error(`ingest plan: ${source.path} was added with neither its bytes nor its extraction`);
    if (!result.ok) {
      refused.push({ path: source.path, reason: result.reason, order });
      return;
    }
    const article = result.value;
    const inFolder = [textInFolder.get(article.textDigest), bytesInFolder.get(article.sha256)].find(
      (file) => file !== undefined && file !== article.file,
    );
    const twin = byText.get(article.textDigest) ?? inFolder;
    if (twin !== undefined) {
      refused.push({ path: source.path, reason: `is the same article as ${twin} (identical text); not ingested twice`, order });
      return;
    }
    byText.set(article.textDigest, source.path);
    const title = titleFor(article, catalogue);
    const existingName = copyOfSource.get(article.file);
    const existingCopy = existingName === undefined ? undefined : copyByName.get(existingName);
    const slug = existingCopy ? existingCopy.slug : uniqueSlug(slugForTitle(title), takenSlugs, nextSuffix);
    takenSlugs.add(slug);
    const named: Named = { article, title, slug, existingCopy, order };
    if (article.statedDate !== null) dated.push({ file: article.file, slug, date: article.statedDate, figures: article.figures });
    if (article.statedDate !== null || article.textDate !== null) finish(named, dateArticle(article, emptyIndex));
    else undated.push(named);
  };

  const finishPlan = (): IngestPlan => {
    if (finished) throw new Error('ingest plan: finished twice');
    finished = true;
    // Pass two: date the undated from the dated (this batch's date lines and the folder's copies dated by theirs).
    // Only needed when something is undated: reading every copy's frontmatter is the slow part of a small run.
    for (const copy of undated.length > 0 ? copies : []) {
      const article = copy.article();
      if (article && article.dateSource === 'source' && article.date !== null && !batchFiles.has(article.source.file)) {
        dated.push({ file: article.source.file, slug: article.slug, date: article.date, figures: article.figures });
      }
    }
    const datedIndex = indexDated(dated);
    for (const named of undated) finish(named, dateArticle(named.article, datedIndex));

    const byOrder = (a: { order: number }, b: { order: number }) => a.order - b.order;
    const strip = <T extends { order: number }>({ order: _order, ...rest }: T): Omit<T, 'order'> => rest;
    return { outcomes: outcomes.sort(byOrder).map(strip), refusals: refused.sort(byOrder).map(strip), manifest: nextManifest, notes };
  };
  return { add, finish: finishPlan };
}
