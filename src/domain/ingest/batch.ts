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
import { isDeepStrictEqual } from 'node:util';
import { readFrontmatter } from '../article-file.ts';
import { articleSchema, slugPattern, type Article } from '../schema.ts';
import {
  dateArticle,
  extractArticle,
  finishArticle,
  sha256,
  titleFor,
  type Catalogue,
  type ExtractedArticle,
  type Refusable,
  type SourceFile,
} from './build-article.ts';
import { indexDated, type DatedArticle, type DateFields } from './dates.ts';
import { checkCopy } from './copy-check.ts';
import { setFormerSlugs, formerSlugsFor } from './former-slugs.ts';
import type { Manifest, ManifestEntry } from './manifest.ts';
import { SeenPages } from './same-page.ts';
import { slugForTitle, uniqueSlug } from './slug.ts';

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
  /** How refusals name a copy of the output folder (its path); its file name when not given. */
  copyPath?: (name: string) => string;
}

interface Named {
  article: ExtractedArticle;
  title: string;
  slug: string;
  /** The copy's former slugs, the one ingest last knew included when an editor has changed it since. */
  formerSlugs: string[];
  existingCopy: KnownCopy | undefined;
  /** Position in file-name order, so outcomes and refusals are reported in that order. */
  order: number;
}

const emptyIndex = indexDated([]);

interface KnownCopy {
  name: string;
  /** Its bytes are what ingest last wrote (the manifest's digest). */
  trusted: boolean;
  /** The copy's text, read on demand. */
  raw: () => string;
  /** The copy's slug: the manifest's for a trusted copy, else its frontmatter's when that is a slug. */
  slug: string;
  /** The same, read from the copy's text for a trusted copy whose manifest entry predates recording slugs. */
  currentSlug: () => string;
  /** Its formerSlugs, as the manifest or its frontmatter lists them. */
  formerSlugs: string[];
  /** The slug ingest last wrote or saw for it: the manifest's, else the file name's stem. */
  previousSlug: string;
  sourceFile: string | null;
  sourceSha256: string | null;
  /** The validated frontmatter, or null; read on first use (only dating needs it). */
  article: () => Article | null;
}

function stem(name: string): string {
  return name.replace(/\.md$/, '');
}

/** The `slug:` line of a copy ingest wrote (a bare identifier, the second line), without parsing its YAML. */
function slugInText(head: string): string | undefined {
  const slug = /^slug: ([a-z0-9-]+)\r?$/m.exec(head)?.[1];
  return slug !== undefined && slugPattern.test(slug) ? slug : undefined;
}

function withoutSlugs(entry: ManifestEntry): ManifestEntry {
  const { slug: _slug, formerSlugs: _former, ...rest } = entry;
  return rest;
}

interface SlugClash {
  /** The copy refused: the later of the two in file-name order. */
  name: string;
  reason: (copyPath: (name: string) => string) => string;
}

/**
 * Two copies that claim one URL: the same slug (the build cannot publish both), or one's slug that is the
 * other's former slug, or one former slug listed by both (the old URL cannot redirect to two stories).
 */
function slugClashes(slugs: ReadonlyMap<string, { slug: string; formerSlugs: readonly string[] }>): SlugClash[] {
  const owners = new Map<string, { name: string; former: boolean }>();
  const clashes: SlugClash[] = [];
  const names = [...slugs.keys()].sort();
  // Former slugs first: an old URL was published before any slug that now claims it, so the newer claim is refused.
  for (const former of [true, false]) {
    for (const name of names) {
      const { slug, formerSlugs } = slugs.get(name)!;
      for (const claimed of former ? formerSlugs : [slug]) {
        const owner = owners.get(claimed);
        if (owner === undefined) {
          owners.set(claimed, { name, former });
          continue;
        }
        if (owner.name === name) continue;
        const mine = former ? `lists '${claimed}' in formerSlugs` : `has the slug '${claimed}'`;
        const theirs = owner.former ? `lists it in formerSlugs` : `has it as its slug`;
        clashes.push({ name, reason: (copyPath) => `${mine}, but ${copyPath(owner.name)} ${theirs}: two copies cannot both claim /stories/${claimed}/` });
      }
    }
  }
  return clashes;
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
    const raw = once(() => utf8.decode(bytes()));
    const previousSlug = recorded?.slug ?? stem(name);
    if (recorded !== undefined && digest === recorded.written) {
      return {
        name,
        trusted: true,
        raw,
        slug: previousSlug,
        // An entry without a slug was written before slugs were recorded, and then a slug changed by hand that
        // rendered otherwise unchanged was trusted as ingest's: its text has the slug to keep.
        // Only the head of the file, and not kept: this is every copy of the batch on the first run after slugs were recorded.
        currentSlug: recorded.slug !== undefined ? () => previousSlug : once(() => slugInText(utf8.decode(bytes().subarray(0, 4096))) ?? previousSlug),
        formerSlugs: recorded.formerSlugs ?? [],
        previousSlug,
        sourceFile: recorded.source,
        sourceSha256: recorded.sourceSha256,
        article: once(() => validated(readCopy(name, raw(), notes))),
      };
    }
    // A copy the build would refuse is refused by name when the plan finishes (copy-check.ts), not noted here.
    const data = readCopy(name, raw(), []);
    const source = (data['source'] ?? {}) as { file?: unknown; sha256?: unknown };
    const article = validated(data);
    const written = data['slug'];
    const former = data['formerSlugs'];
    // A slug the build would refuse is the copy's fault, refused by its name: the source is rendered as before.
    const slug = typeof written === 'string' && slugPattern.test(written) ? written : previousSlug;
    return {
      name,
      trusted: false,
      raw,
      slug,
      currentSlug: () => slug,
      formerSlugs: Array.isArray(former) && former.every((item) => typeof item === 'string' && slugPattern.test(item)) ? (former as string[]) : [],
      previousSlug,
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

export function startIngestPlan({ existing, manifest, catalogue, emit, copyPath = (name) => name }: Omit<PlanInput, 'sources' | 'onProgress'>): IngestPlanner {
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
  const seenPages = new SeenPages(() => copies.map((copy) => copy.article()));
  let order = 0;
  let finished = false;
  // A former slug is a published URL too (it redirects): no new article may take one.
  const takenSlugs = new Set(copies.flatMap((copy) => [copy.slug, stem(copy.name), copy.previousSlug, ...copy.formerSlugs]));
  /** Each copy's slug and former slugs once this run is done, by file name: checked for collisions at the end. */
  const finalSlugs = new Map(copies.map((copy) => [copy.name, { slug: copy.slug, formerSlugs: copy.formerSlugs }]));
  // A copy whose slug already clashes is refused at the end; its slug edit is not recorded, as it was never published.
  const clashing = new Set(slugClashes(finalSlugs).map((clash) => clash.name));
  const nextSuffix = new Map<string, number>();
  const dated: DatedArticle[] = [];
  const undated: Named[] = [];
  const outcomes: (Outcome & { order: number })[] = [];
  const refused: (Refusal & { order: number })[] = [];
  /** Copies this run wrote or found as it would write them: ingest's own, so the build accepts them. */
  const settled = new Set<string>();

  /** Renders one named article with its date fields and records the outcome. */
  const finish = (named: Named, dates: DateFields): void => {
    const { article, title, slug, formerSlugs, existingCopy, order } = named;
    const finished = finishArticle(article, dates, slug, title, formerSlugs);
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
    let write: string | null = status === 'written' || status === 'updated' ? content : null;
    const slugs = { slug, ...(formerSlugs.length > 0 ? { formerSlugs } : {}) };
    if (status !== 'kept') {
      settled.add(copy);
      record = { source: article.file, sourceSha256: article.sha256, textDigest: article.textDigest, written: sha256(content), ...slugs };
      nextManifest.set(copy, record);
      finalSlugs.set(copy, { slug, formerSlugs });
    } else if (existingCopy === undefined || clashing.has(copy)) {
      // Kept as it is.
    } else if (!isDeepStrictEqual(formerSlugs, existingCopy.formerSlugs)) {
      // The editor changed the slug: keep it, and record the old one in the copy so its URL keeps working.
      const patched = setFormerSlugs(existingCopy.raw(), formerSlugs);
      const change =
        existingCopy.previousSlug === slug
          ? `its formerSlugs should list [${formerSlugs.join(', ')}] (never its own slug, never one twice)`
          : `its slug was changed by hand from '${existingCopy.previousSlug}' to '${slug}'`;
      if (patched === null) {
        refused.push({ path: copyPath(copy), reason: `${change}: set formerSlugs: [${formerSlugs.join(', ')}] in it, so every old URL keeps working`, order });
      } else {
        write = patched;
        notes.push(`${copyPath(copy)}: ${change}; formerSlugs now lists [${formerSlugs.join(', ')}], each redirecting to /stories/${slug}/`);
        if (recorded !== undefined) nextManifest.set(copy, { ...withoutSlugs(recorded), ...slugs });
        finalSlugs.set(copy, { slug, formerSlugs });
      }
    } else if (recorded !== undefined && recorded.slug !== slug) {
      // Kept as edited, formerSlugs already right: remember the slug it has now, to notice the next change.
      nextManifest.set(copy, { ...withoutSlugs(recorded), ...slugs });
    }
    const outcome: Outcome = {
      path: article.path,
      copy,
      status,
      content: write,
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
    const inFolder = [textInFolder.get(article.textDigest), bytesInFolder.get(article.sha256)].find((file) => file !== undefined && file !== article.file);
    const twin = byText.get(article.textDigest) ?? inFolder;
    if (twin !== undefined) {
      refused.push({ path: source.path, reason: `is the same article as ${twin} (identical text); not ingested twice`, order });
      return;
    }
    const address = article.original?.url;
    const samePage = address ? seenPages.claim(address, { file: article.file, path: source.path }, !copyOfSource.has(article.file)) : undefined;
    if (samePage !== undefined) {
      refused.push({ path: source.path, reason: `is the same page as ${samePage.path} (address ${address}); not ingested twice`, order });
      return;
    }
    byText.set(article.textDigest, source.path);
    const title = titleFor(article, catalogue);
    const existingName = copyOfSource.get(article.file);
    const existingCopy = existingName === undefined ? undefined : copyByName.get(existingName);
    const slug = existingCopy ? existingCopy.currentSlug() : uniqueSlug(slugForTitle(title), takenSlugs, nextSuffix);
    takenSlugs.add(slug);
    const formerSlugs = existingCopy ? formerSlugsFor(existingCopy.formerSlugs, existingCopy.previousSlug, slug) : [];
    const named: Named = { article, title, slug, formerSlugs, existingCopy, order };
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

    // Copies claiming one URL, and every copy left as it is that the build would refuse, by the copy's name:
    // the source is not at fault. Reported after the sources' refusals.
    let after = order;
    for (const clash of slugClashes(finalSlugs)) {
      after += 1;
      refused.push({ path: copyPath(clash.name), reason: clash.reason(copyPath), order: after });
    }
    for (const copy of copies) {
      if (copy.trusted || settled.has(copy.name)) continue;
      const check = checkCopy(copy.raw());
      after += 1;
      if (!check.ok)
        refused.push({ path: copyPath(copy.name), reason: `is left as edited by hand, but the build will refuse it: ${check.reason}`, order: after });
    }

    const byOrder = (a: { order: number }, b: { order: number }) => a.order - b.order;
    const strip = <T extends { order: number }>({ order: _order, ...rest }: T): Omit<T, 'order'> => rest;
    return { outcomes: outcomes.sort(byOrder).map(strip), refusals: refused.sort(byOrder).map(strip), manifest: nextManifest, notes };
  };
  return { add, finish: finishPlan };
}
