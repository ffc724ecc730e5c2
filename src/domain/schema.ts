/**
 * The archive's content model: one zod schema per collection. The content
 * collections (src/content.config.ts) and the ingest CLI validate with these
 * same objects, so a file the CLI writes is a file the build accepts.
 */
import { z } from 'zod';

const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The years a story's date may fall in. News about these sweeps starts in
 * the 2000s; anything outside this range (0000, 9999, a typo of a century)
 * is an error, not a date to publish.
 */
export const dateYears = { first: 1900, last: 2100 } as const;

/** True when `value` is a real calendar day written as YYYY-MM-DD, in a year of dateYears. */
export function isIsoDate(value: string): boolean {
  if (!isoDatePattern.test(value)) return false;
  const year = Number(value.slice(0, 4));
  if (year < dateYears.first || year > dateYears.last) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

/** A Date that is exactly a day: midnight UTC, as YAML reads an unquoted YYYY-MM-DD. */
function isWholeDay(value: Date): boolean {
  return !Number.isNaN(value.getTime()) && value.getTime() % 86_400_000 === 0;
}

/**
 * A calendar day. YAML turns an unquoted 2017-10-19 into a Date, so a hand
 * edit that drops the quotes is accepted and normalised back to the string.
 * YAML would also roll an unquoted 2019-13-45 over to 2020-02-14: the copy
 * reader (article-file.ts) refuses such a scalar before it gets here. A
 * timestamp with a time of day is not a day and is refused.
 */
export const isoDate = z.preprocess(
  (value) => (value instanceof Date && isWholeDay(value) ? value.toISOString().slice(0, 10) : value),
  z.string().refine(isIsoDate, { message: `must be a real date written YYYY-MM-DD, in the years ${dateYears.first} to ${dateYears.last}` }),
);

/** Lower-case words joined by single hyphens: the only shape a permalink segment takes. */
export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Who or what a figure counts. */
export const figureSubjects = [
  'children',
  'adults',
  'victims',
  'traffickers',
  'people',
  'agencies',
  'task forces',
  'field offices',
  'investigations',
  'cases',
] as const;

/** Where a figure applies. */
export const scopeKinds = ['operation', 'cumulative', 'region'] as const;

export const scopeSchema = z.object({
  /**
   * `operation`: this sweep's or edition's national result; `cumulative`: a running total (national unless
   * `region` is set); `region`: one place's share, never part of the national figure.
   */
  kind: z.enum(scopeKinds),
  /** First year a cumulative total counts from, when the text states it ('since 2003'). */
  since: z.number().int().nullable(),
  /** Last year a cumulative total counts to, when the text states it ('between 2008 and 2017'). */
  until: z.number().int().nullable(),
  /** The place a regional figure covers ('North Carolina'), else null. */
  region: z.string().nullable(),
});

export const figureSchema = z.object({
  /** The count as a number: 'five dozen' is 60, 'Thirteen' is 13, '6,500' is 6500. */
  value: z.number().int().nonnegative(),
  /** The words as written, qualifier included ('more than 6,500'). */
  text: z.string().min(1),
  /** 'more than', 'nearly', 'over', ... or null when the count is given flat. */
  qualifier: z.string().nullable(),
  /** Who or what is counted. */
  subject: z.enum(figureSubjects),
  /** What happened to them: recovered, rescued, arrested, convicted, identified, ... */
  action: z.string().nullable(),
  /** Where the figure applies. */
  scope: scopeSchema,
  /** Catalogue id of the operation or initiative the figure belongs to, else null. */
  operation: z.string().nullable(),
  /** The whole sentence the figure came from, exactly as it stands in the body. */
  sentence: z.string().min(1),
});

export const operationMentionSchema = z.object({
  /** Catalogue id (content/operations.json). */
  id: z.string().regex(slugPattern),
  /** The words the article used ('Operation Cross County'). */
  text: z.string().min(1),
  /** The edition as the article gives it ('XI', '13th year'), else null. */
  edition: z.string().nullable(),
  /** The edition as a number (11, 13), else null. */
  editionNumber: z.number().int().positive().nullable(),
});

/** True when `value` is an absolute http: or https: URL: the only addresses the archive links to (never `javascript:`). */
export function isHttpUrl(value: string): boolean {
  if (!/^https?:\/\//i.test(value) || /[\s<>"]/.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/**
 * What is known of where an article was first published, from a saved page's
 * metadata or a text source's header lines (docs/ingest.md). Absent when
 * nothing is known; each field null when that fact is not.
 */
export const originalSchema = z.object({
  /** The original's address (the page's canonical URL): http or https only. */
  url: z.string().refine(isHttpUrl, { message: 'must be an absolute http or https URL' }).nullable(),
  /** Who published it ('CBS News'), as the page or the header names it. */
  outlet: z.string().min(1).nullable(),
  /** The original's own headline, as written. */
  headline: z.string().min(1).nullable(),
  /** The byline's name(s), as written ('Jane Doe and John Roe'). */
  author: z.string().min(1).nullable(),
  /** The day the original was published, as its metadata or header states it. */
  published: isoDate.nullable(),
});

/** An operation the article names that the catalogue lacks, recorded as written so an editor can add it. */
export const unlistedOperationSchema = z.object({
  /** The name as written, without its edition ('Operation Safe Harbor'). */
  text: z.string().min(1),
  /** The edition as the article gives it ('II', '2021', '7th'), else null. */
  edition: z.string().nullable(),
  /** The edition as a number (2, 7), else null; a year is an edition but not a number of one. */
  editionNumber: z.number().int().positive().nullable(),
});

export const dateSources = ['source', 'inferred', 'unknown'] as const;

/** The frontmatter fields of an article copy, before the cross-field rules. */
export const articleFields = z.object({
  /** A factual headline generated from the lead and the figures; editors may rewrite it. */
  title: z.string().min(1),
  /**
   * The permalink segment: /stories/<slug>/. Ingest fixes it at first ingest and never changes it; an
   * editor may, and ingest keeps the edit and records the old one in formerSlugs.
   */
  slug: z.string().regex(slugPattern),
  /** Publication day, or null when neither stated nor inferable. */
  date: isoDate.nullable(),
  /**
   * How the date is known: `source`, stated by the source (its date line or header, a saved page's metadata, or
   * the release's own date at its head: 'March 4, 2015' under the letterhead, 'WASHINGTON, July 29, 2013 —');
   * `inferred`; or `unknown`.
   */
  dateSource: z.enum(dateSources),
  /**
   * When inferred: the words the inference rests on. When unknown: clues that did not settle it. When stated by a
   * saved page's metadata: where it was found ('article:published_time'), and a day the text gives instead. Else null.
   */
  dateEvidence: z.string().nullable(),
  /** The place line that opens the story ('CHARLOTTE, N.C.'), else null. */
  dateline: z.string().nullable(),
  /** The outlet the text names ('CBS/WNCN'), else null. */
  outlet: z.string().nullable(),
  /** Operations and initiatives the article names, mapped to the catalogue. */
  operations: z.array(operationMentionSchema),
  /** Operations the article names that are not in the catalogue; absent when there are none. */
  unlistedOperations: z.array(unlistedOperationSchema).optional(),
  /** Every count the article reports, each with the sentence it came from. */
  figures: z.array(figureSchema),
  /** The raw source this copy was made from: its file name and the SHA-256 of its bytes. */
  source: z.object({
    file: z.string().min(1),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
  /** Where the article was first published, when anything of it is known; absent otherwise. */
  original: originalSchema.optional(),
  /**
   * Slugs the story was published under before an editor changed `slug`, oldest first. Published URLs never
   * die: each /stories/<former>/ serves a redirect page to /stories/<slug>/ (redirects.ts). Absent when there
   * are none (ingest never writes an empty list), so copies without a slug change are as they always were.
   * Ingest adds the old slug itself when it sees a slug changed by hand; an editor may add one too.
   */
  formerSlugs: z.array(z.string().regex(slugPattern)).optional(),
});

type CheckedFields = Pick<z.infer<typeof articleFields>, 'date' | 'dateSource' | 'dateEvidence' | 'slug' | 'formerSlugs'>;

/**
 * The date fields must agree: a stated or inferred date exists, an inferred one says why. A former slug is
 * neither the slug itself nor listed twice.
 */
function checkFields(article: CheckedFields, ctx: z.RefinementCtx): void {
  const former = article.formerSlugs ?? [];
  former.forEach((slug, index) => {
    if (slug === article.slug) ctx.addIssue({ code: 'custom', path: ['formerSlugs', index], message: `is the story's own slug '${slug}'` });
    else if (former.indexOf(slug) !== index) ctx.addIssue({ code: 'custom', path: ['formerSlugs', index], message: `lists '${slug}' twice` });
  });
  if (article.dateSource === 'unknown' && article.date !== null) {
    ctx.addIssue({ code: 'custom', path: ['date'], message: "must be null when dateSource is 'unknown'" });
  }
  if (article.dateSource !== 'unknown' && article.date === null) {
    ctx.addIssue({ code: 'custom', path: ['date'], message: `is required when dateSource is '${article.dateSource}'` });
  }
  if (article.dateSource === 'inferred' && !article.dateEvidence) {
    ctx.addIssue({ code: 'custom', path: ['dateEvidence'], message: 'must say what an inferred date rests on' });
  }
}

/** One article copy's frontmatter, as ingest writes it and editors may correct it. */
export const articleSchema = articleFields.superRefine(checkFields);

/**
 * What the content layer stores for a story: the frontmatter plus the body
 * already split into paragraphs of sentences, so pages never parse Markdown.
 */
export const storedArticleSchema = articleFields
  .extend({
    /** Paragraphs, each a list of sentences; a figure's sentence is one of them. */
    paragraphs: z.array(z.array(z.string())),
  })
  .superRefine(checkFields);

export const operationKinds = ['sweep', 'initiative'] as const;

export const operationSchema = z.object({
  /** Stable id, used in URLs: /operations/<id>/. */
  id: z.string().regex(slugPattern),
  /** The canonical name. */
  name: z.string().min(1),
  /** Other spellings found in reporting, matched case-insensitively ('Operation Cross County'). */
  aliases: z.array(z.string().min(1)),
  /** `sweep`: a time-boxed nationwide operation; `initiative`: a standing programme. */
  kind: z.enum(operationKinds),
  /** Our own short description, one or two sentences. */
  description: z.string().min(1),
});

/**
 * What the article collection stores per story: only where the loader cached
 * the validated story (storedArticleSchema, in a file named by the copy's
 * digest). Astro bundles the whole collection store into the build, so a
 * store of pointers keeps the bundling of a large archive small and fast.
 */
export const storyPointerSchema = z.object({
  /** Absolute path of the cached story, `<slug>.<digest of the copy>.json`. */
  detail: z.string().min(1),
});

/** 'figures.3.subject: Invalid enum value' for each issue, so an error names the field. */
export function describeSchemaError(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || 'frontmatter'}: ${issue.message}`).join('; ');
}

export type Article = z.infer<typeof articleSchema>;
export type StoredArticle = z.infer<typeof storedArticleSchema>;
export type Figure = z.infer<typeof figureSchema>;
export type FigureSubject = (typeof figureSubjects)[number];
export type Scope = z.infer<typeof scopeSchema>;
export type OperationMention = z.infer<typeof operationMentionSchema>;
export type UnlistedOperation = z.infer<typeof unlistedOperationSchema>;
export type Operation = z.infer<typeof operationSchema>;
export type Original = z.infer<typeof originalSchema>;
