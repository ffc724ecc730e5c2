/**
 * Plans one ingest run, without touching the file system: which copies to
 * write, which to leave, which sources to refuse. The CLI reads the inputs
 * and the output folder, calls planIngest, and writes what it returns.
 *
 * Deterministic: sources are taken in file-name order; pass one extracts
 * every source; pass two dates the undated ones from the dated ones (this
 * batch's date lines and the copies already in the folder), names new copies
 * and renders them.
 */
import { readFrontmatter } from '../article-file';
import { articleSchema, type Article } from '../schema';
import {
  dateArticle, extractArticle, finishArticle, sha256, titleFor, type Catalogue, type ExtractedArticle, type SourceFile,
} from './build-article';
import { indexDated, type DatedArticle } from './dates';
import type { Manifest } from './manifest';
import { slugForTitle, uniqueSlug } from './slug';

/** A copy already in the output folder. */
export interface ExistingCopy {
  /** File name in the folder ('operation-cross-country-xi-84-children-recovered.md'). */
  name: string;
  raw: string;
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
}

interface KnownCopy {
  name: string;
  slug: string;
  sourceFile: string | null;
  sourceSha256: string | null;
  article: Article | null;
}

function stem(name: string): string {
  return name.replace(/\.md$/, '');
}

/** What the folder already holds: each copy's slug and source, and its validated frontmatter when it has one. */
function indexCopies(existing: readonly ExistingCopy[], notes: string[]): KnownCopy[] {
  return existing.map(({ name, raw }) => {
    let data: Record<string, unknown> = {};
    try {
      data = readFrontmatter(raw);
    } catch (error) {
      notes.push(`${name}: cannot read its frontmatter (${(error as Error).message.split('\n')[0]}); left as is`);
    }
    const parsed = articleSchema.safeParse(data);
    const source = (data['source'] ?? {}) as { file?: unknown; sha256?: unknown };
    return {
      name,
      slug: typeof data['slug'] === 'string' ? data['slug'] : stem(name),
      sourceFile: typeof source.file === 'string' ? source.file : null,
      sourceSha256: typeof source.sha256 === 'string' ? source.sha256 : null,
      article: parsed.success ? parsed.data : null,
    };
  });
}

/** Plans the run: see the module comment. */
export function planIngest({ sources, existing, manifest, catalogue, onProgress }: PlanInput): IngestPlan {
  const notes: string[] = [];
  const refusals: Refusal[] = [];
  const copies = indexCopies(existing, notes);
  const copyByName = new Map(copies.map((copy) => [copy.name, copy]));
  const rawByName = new Map(existing.map((copy) => [copy.name, copy.raw]));
  const nextManifest: Manifest = new Map([...manifest].filter(([name]) => copyByName.has(name)));

  // Which copy belongs to which source: the manifest first, then the copies' own frontmatter.
  const copyOfSource = new Map<string, string>();
  for (const copy of copies) if (copy.sourceFile !== null && !copyOfSource.has(copy.sourceFile)) copyOfSource.set(copy.sourceFile, copy.name);
  for (const [name, entry] of nextManifest) copyOfSource.set(entry.source, name);

  // Pass one: read and extract every source, refusing bad input and the same article twice.
  const ordered = [...sources].sort((a, b) => a.file.localeCompare(b.file) || a.path.localeCompare(b.path));
  const extracted: ExtractedArticle[] = [];
  const byFileName = new Map<string, string>();
  const byText = new Map<string, string>();
  const textInFolder = new Map<string, string>();
  for (const entry of nextManifest.values()) textInFolder.set(entry.textDigest, entry.source);
  const bytesInFolder = new Map<string, string>();
  for (const copy of copies) if (copy.sourceSha256 !== null && copy.sourceFile !== null) bytesInFolder.set(copy.sourceSha256, copy.sourceFile);
  ordered.forEach((source, index) => {
    onProgress?.(index + 1, ordered.length);
    const sameName = byFileName.get(source.file);
    if (sameName !== undefined) {
      refusals.push({ path: source.path, reason: `has the same file name as ${sameName}, and a copy records its source by file name` });
      return;
    }
    byFileName.set(source.file, source.path);
    const result = extractArticle(source, catalogue);
    if (!result.ok) {
      refusals.push({ path: source.path, reason: result.reason });
      return;
    }
    const article = result.value;
    const inFolder = [textInFolder.get(article.textDigest), bytesInFolder.get(article.sha256)].find(
      (file) => file !== undefined && file !== article.file,
    );
    const twin = byText.get(article.textDigest) ?? inFolder;
    if (twin !== undefined) {
      refusals.push({ path: source.path, reason: `is the same article as ${twin} (identical text); not ingested twice` });
      return;
    }
    byText.set(article.textDigest, source.path);
    extracted.push(article);
  });

  // Pass two: name every copy (titles do not depend on dates), then date the undated from the dated ones
  // (this batch's date lines and the folder's copies dated by theirs), then render.
  const takenSlugs = new Set(copies.flatMap((copy) => [copy.slug, stem(copy.name)]));
  const named = extracted.map((article) => {
    const title = titleFor(article, catalogue);
    const existingName = copyOfSource.get(article.file);
    const existingCopy = existingName === undefined ? undefined : copyByName.get(existingName);
    const slug = existingCopy ? existingCopy.slug : uniqueSlug(slugForTitle(title), takenSlugs);
    takenSlugs.add(slug);
    return { article, title, slug, existingCopy };
  });
  const batchFiles = new Set(extracted.map((article) => article.file));
  const dated: DatedArticle[] = [];
  for (const { article, slug } of named) {
    if (article.statedDate !== null) dated.push({ file: article.file, slug, date: article.statedDate, figures: article.figures });
  }
  for (const copy of copies) {
    const article = copy.article;
    if (article && article.dateSource === 'source' && article.date !== null && !batchFiles.has(article.source.file)) {
      dated.push({ file: article.source.file, slug: article.slug, date: article.date, figures: article.figures });
    }
  }
  const datedIndex = indexDated(dated);
  const outcomes: Outcome[] = [];
  for (const { article, title, slug, existingCopy } of named) {
    const finished = finishArticle(article, dateArticle(article, datedIndex), slug, title);
    if (!finished.ok) {
      refusals.push({ path: article.path, reason: finished.reason });
      continue;
    }
    const { content } = finished.value;
    const copy = existingCopy?.name ?? `${slug}.md`;
    const entry = { source: article.file, sourceSha256: article.sha256, textDigest: article.textDigest, written: sha256(content) };
    const current = rawByName.get(copy);
    const recorded = nextManifest.get(copy);
    let status: OutcomeStatus;
    if (current === undefined) status = 'written';
    else if (current === content) status = 'unchanged';
    else if (recorded !== undefined && sha256(current) === recorded.written) status = 'updated';
    else status = 'kept';
    if (status !== 'kept') nextManifest.set(copy, entry);
    outcomes.push({
      path: article.path,
      copy,
      status,
      content: status === 'written' || status === 'updated' ? content : null,
      article: finished.value.article,
      sourceChanged: status === 'kept' && (recorded?.sourceSha256 ?? existingCopy?.sourceSha256) !== article.sha256,
    });
    for (const name of article.operations.unknown) notes.push(`${article.path}: '${name}' is not in the operations catalogue`);
  }
  return { outcomes, refusals, manifest: nextManifest, notes };
}
