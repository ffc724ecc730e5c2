/**
 * Open data: every figure in the archive with its provenance, one row per
 * figure, as CSV (RFC 4180) and JSON. The columns are defined once here, with
 * their documentation, so the files and the page describing them
 * (/data/) cannot drift apart. Links are paths from the archive's root, so
 * a file never carries an address the build was not given.
 */
import type { CitedFigure } from './citations.ts';
import { storyPath } from './paths.ts';
import type { StoryRecord } from './story-record.ts';

export const figureColumns = [
  { name: 'story_slug', description: "The story's permalink segment: fixed at first ingest, never changed." },
  { name: 'story_path', description: "The story's permalink, as a path from the archive's root: /stories/<slug>/." },
  { name: 'story_title', description: 'The factual headline the archive gives the story.' },
  { name: 'date', description: 'Publication day YYYY-MM-DD, empty when the story does not state it and it cannot be inferred.' },
  {
    name: 'date_source',
    description: "How the date is known: 'source' (stated by the story's date line), 'inferred' (worked out from the text) or 'unknown'.",
  },
  { name: 'date_evidence', description: 'For an inferred date, the words it rests on; for an unknown one, the clues that did not settle it; else empty.' },
  { name: 'operation_id', description: 'Catalogue id of the operation or initiative the figure belongs to, empty when none.' },
  { name: 'operation_name', description: "The catalogue's name for it." },
  { name: 'edition', description: "The operation's edition as the story gives it ('XI', '13th year'), else empty." },
  { name: 'edition_number', description: 'The edition as a number, else empty.' },
  { name: 'value', description: "The count as a number: 'five dozen' is 60, 'more than 6,500' is 6500." },
  { name: 'text', description: "The number exactly as written, qualifier included ('more than 6,500')." },
  { name: 'qualifier', description: "'more than', 'nearly', 'over', ... or empty when the count is given flat." },
  {
    name: 'subject',
    description: 'Who or what is counted: children, adults, victims, traffickers, people, agencies, task forces, field offices, investigations, cases.',
  },
  { name: 'action', description: 'What happened to them as the story words it (recovered, rescued, located, arrested, ...), else empty.' },
  { name: 'scope_kind', description: "'operation' (the operation's own total), 'region' (one place's share) or 'cumulative' (a total over years)." },
  { name: 'region', description: 'The place a regional figure covers, else empty.' },
  { name: 'since', description: 'For a cumulative figure, the first year it counts from when the story states it, else empty.' },
  { name: 'until', description: 'For a cumulative figure, the last year it counts to when the story states it, else empty.' },
  { name: 'sentence', description: 'The whole sentence the figure was read from, exactly as it stands in the story.' },
  { name: 'sentence_path', description: 'Link to that sentence in the story: /stories/<slug>/#s-<n>.' },
  { name: 'figure_index', description: "The figure's position among the story's figures, from 0: with story_slug, a row's identity." },
] as const;

export type FigureColumn = (typeof figureColumns)[number]['name'];
export type FigureDataRow = Record<FigureColumn, string | number | null>;

/** The stable addresses of the files. */
export const figuresCsvPath = '/data/figures.csv';
export const figuresJsonPath = '/data/figures.json';
export const openDataPath = '/data/';

/** One row per figure, stories in the order given (the archive's: newest first, undated last), figures in story order. */
export function figureDataRows<S extends StoryRecord>(
  stories: readonly S[],
  citationsOf: (story: S) => readonly CitedFigure<S>[],
  operationName: (id: string) => string | undefined,
): FigureDataRow[] {
  return stories.flatMap((story) =>
    citationsOf(story).map(({ figure, index, href }): FigureDataRow => {
      const mentions = story.data.operations.filter((item) => item.id === figure.operation);
      const mention = mentions.find((item) => item.edition !== null || item.editionNumber !== null);
      return {
        story_slug: story.id,
        story_path: storyPath(story),
        story_title: story.data.title,
        date: story.data.date,
        date_source: story.data.dateSource,
        date_evidence: story.data.dateEvidence,
        operation_id: figure.operation,
        operation_name: figure.operation === null ? null : (operationName(figure.operation) ?? null),
        edition: mention?.edition ?? null,
        edition_number: mention?.editionNumber ?? null,
        value: figure.value,
        text: figure.text,
        qualifier: figure.qualifier,
        subject: figure.subject,
        action: figure.action,
        scope_kind: figure.scope.kind,
        region: figure.scope.region,
        since: figure.scope.since,
        until: figure.scope.until,
        sentence: figure.sentence,
        sentence_path: href,
        figure_index: index,
      };
    }),
  );
}

/**
 * A text cell made safe for spreadsheets: one that starts with a character a
 * spreadsheet reads as a formula (= + - @, or a tab or carriage return before
 * one) gets a leading apostrophe, so article text can never run as a formula.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One CSV field per RFC 4180: quoted when it holds a comma, quote or line break, quotes doubled. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = neutraliseFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The CSV file: a header row of the column names, then one row per figure, lines ended by CRLF. */
export function figuresCsv(rows: readonly FigureDataRow[]): string {
  const names = figureColumns.map((column) => column.name);
  const lines = [names.join(','), ...rows.map((row) => names.map((name) => csvField(row[name])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

/** The JSON file: where the columns are documented, the columns, and the rows as objects (null for empty). */
export function figuresJson(rows: readonly FigureDataRow[]): string {
  return `${JSON.stringify(
    {
      documentation: openDataPath,
      columns: figureColumns.map((column) => ({ name: column.name, description: column.description })),
      figures: rows,
    },
    null,
    1,
  )}\n`;
}
