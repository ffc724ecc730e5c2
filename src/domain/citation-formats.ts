/**
 * How to cite one story: plain text, BibTeX and CSL-JSON, built from what
 * the archive knows and nothing more. A date is given only as the archive
 * holds it; an inferred one says so (and from what), a missing one says
 * 'date not stated'. The archive's origin is a parameter (the permalink is
 * passed in whole), so no page prints an address the build was not given.
 */
import { formatDay } from './dates.ts';
import { isIsoDate } from './schema.ts';
import type { StoryRecord } from './story-record.ts';

/** The original publication, where the archive records it; every field may be missing. */
export interface CitationOriginal {
  url?: string | null;
  outlet?: string | null;
  headline?: string | null;
  author?: string | null;
  /** YYYY-MM-DD, or the date as the original gives it. */
  published?: string | null;
}

export interface CitationInput {
  story: StoryRecord;
  /** The story's absolute permalink in this archive. */
  permalink: string;
  /** The archive's name. */
  archive: string;
  original?: CitationOriginal | null;
}

/** What the archive knows of the story's date, as one phrase: 'October 19, 2017', 'October 19, 2017 (date inferred from: ...)', 'date not stated'. */
export function citationDate(story: StoryRecord): string {
  const { date, dateSource, dateEvidence } = story.data;
  if (date === null) return 'date not stated';
  if (dateSource === 'inferred') return `${formatDay(date)} (date inferred${dateEvidence ? ` from: ${dateEvidence}` : ''})`;
  return formatDay(date);
}

function present(text: string | null | undefined): string | null {
  const trimmed = text?.trim();
  return trimmed ? trimmed : null;
}

/** The original's fields that are stated, trimmed. */
function originalOf(input: CitationInput): Required<{ [K in keyof CitationOriginal]: string | null }> {
  const original = input.original ?? {};
  return {
    url: present(original.url),
    outlet: present(original.outlet) ?? present(input.story.data.outlet),
    headline: present(original.headline),
    author: present(original.author),
    published: present(original.published),
  };
}

function sentenceEnd(text: string): string {
  return /[.!?]["”’)]?$/.test(text) ? text : `${text}.`;
}

/**
 * One paragraph in the usual order: author, headline in quotes, outlet, date,
 * then where the archive's copy is. Only stated parts appear.
 */
export function plainTextCitation(input: CitationInput): string {
  const original = originalOf(input);
  const parts: string[] = [];
  if (original.author) parts.push(sentenceEnd(original.author));
  parts.push(`“${sentenceEnd(original.headline ?? input.story.data.title)}”`);
  if (original.outlet) parts.push(`${original.outlet},`);
  parts.push(sentenceEnd(citationDate(input.story)));
  if (original.published && original.published !== input.story.data.date) parts.push(`The original gives its date as ${original.published}.`);
  if (original.url) parts.push(`Original: ${original.url}.`);
  parts.push(`Archived copy${original.headline ? ` (“${input.story.data.title}”)` : ''} in ${input.archive}: ${input.permalink}`);
  return parts.join(' ');
}

/** Characters BibTeX reads as markup, and what stands for each as text. */
const bibtexSpecial: Readonly<Record<string, string>> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  $: '\\$',
  '&': '\\&',
  '%': '\\%',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/** Text for a BibTeX field: its special characters as text, so a headline never becomes markup or unbalances a brace. */
export function escapeBibtex(text: string): string {
  return text.replace(/[\\{}$&%#_~^]/g, (char) => bibtexSpecial[char]!);
}

/** A URL for BibTeX's verbatim `url` field: braces, backslashes and spaces percent-encoded so the field stays balanced. */
function bibtexUrl(url: string): string {
  return url.replace(/[{}\\\s]/g, (char) => encodeURIComponent(char));
}

/** A URL as the argument of `\url{}` in an ordinary field, where `%` and `#` would be read as TeX. */
function urlCommand(url: string): string {
  return `\\url{${bibtexUrl(url).replace(/[%#]/g, (char) => `\\${char}`)}}`;
}

/** A citation key from the slug: letters, digits and hyphens only. */
export function citationKey(story: StoryRecord): string {
  return `operations-archive-${story.id.replace(/[^A-Za-z0-9-]/g, '')}`;
}

const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * A @misc entry (BibTeX's own type, read by biblatex too). The date fields
 * appear only for a date the archive holds; an inferred or missing date is
 * said in `note`.
 */
export function bibtexCitation(input: CitationInput): string {
  const original = originalOf(input);
  const { date, dateSource } = input.story.data;
  const fields: [string, string][] = [];
  if (original.author) fields.push(['author', `{${escapeBibtex(original.author)}}`]);
  // Double braces keep the headline's capitals as written.
  fields.push(['title', `{{${escapeBibtex(original.headline ?? input.story.data.title)}}}`]);
  if (original.outlet) fields.push(['organization', `{${escapeBibtex(original.outlet)}}`]);
  if (date !== null) {
    fields.push(['year', `{${date.slice(0, 4)}}`]);
    fields.push(['month', months[Number(date.slice(5, 7)) - 1]!]);
    fields.push(['date', `{${date}}`]);
  }
  const url = original.url ?? input.permalink;
  fields.push(['url', `{${bibtexUrl(url)}}`]);
  fields.push(['howpublished', `{${urlCommand(input.permalink)}}`]);
  const notes = [
    dateSource === 'inferred' ? `Date inferred${input.story.data.dateEvidence ? ` from: ${input.story.data.dateEvidence}` : ''}.` : null,
    date === null ? 'Date not stated.' : null,
    original.published && original.published !== date ? `The original gives its date as ${original.published}.` : null,
    `Archived copy in ${input.archive}: ${input.permalink}.`,
  ].filter((note): note is string => note !== null);
  fields.push(['note', `{${escapeBibtex(notes.join(' '))}}`]);
  return `@misc{${citationKey(input.story)},\n${fields.map(([name, value]) => `  ${name} = ${value}`).join(',\n')}\n}`;
}

type CslDate = { 'date-parts': [number, number, number][]; circa?: boolean } | { literal: string };

/**
 * One CSL-JSON item (the format Zotero, Pandoc and citeproc read). An
 * inferred date is marked `circa`; a missing one is left out and said in
 * `note`. The archive's copy is `archive` and `archive_location`.
 */
export function cslJsonCitation(input: CitationInput): Record<string, unknown> {
  const original = originalOf(input);
  const { date, dateSource, dateEvidence } = input.story.data;
  const day = (iso: string): [number, number, number] => [Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))];
  let issued: CslDate | null = null;
  if (date !== null) issued = dateSource === 'inferred' ? { 'date-parts': [day(date)], circa: true } : { 'date-parts': [day(date)] };
  else if (original.published) issued = isIsoDate(original.published) ? { 'date-parts': [day(original.published)] } : { literal: original.published };
  const notes = [
    dateSource === 'inferred' ? `Date inferred${dateEvidence ? ` from: ${dateEvidence}` : ''}.` : null,
    date === null && !original.published ? 'Date not stated.' : null,
    original.headline ? `Archive title: ${input.story.data.title}` : null,
  ].filter((note): note is string => note !== null);
  return {
    id: citationKey(input.story),
    type: 'article-newspaper',
    title: original.headline ?? input.story.data.title,
    ...(original.author ? { author: [{ literal: original.author }] } : {}),
    ...(original.outlet ? { 'container-title': original.outlet } : {}),
    ...(issued ? { issued } : {}),
    URL: original.url ?? input.permalink,
    archive: input.archive,
    archive_location: input.permalink,
    ...(notes.length > 0 ? { note: notes.join(' ') } : {}),
  };
}

/** The story's `original` (where it was first published), or null when the copy records none. */
export function storyOriginal(story: StoryRecord): CitationOriginal | null {
  return story.data.original ?? null;
}
