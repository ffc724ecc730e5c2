/** The rows of the /figures/ table as markup: see FiguresTable.astro, which renders them. */
import type { FigureRow } from '@/domain/figures-table';
import { operationPath, storyPath } from '@/domain/paths';
import { storyDate } from '@/domain/story-date';
import type { StoryRecord } from '@/domain/story-record';
import { html, type Html } from './html.ts';
import { storyDateHtml } from './story-date.ts';

/** One row per figure: as written (linked to its sentence), subject, action, scope, operation, date, story. */
export function figureRowsHtml(rows: readonly FigureRow<StoryRecord>[]): Html {
  return html`${rows.map(
    (row) =>
      // Spaced as Astro spaced the template this replaced: the tests read the rows by that shape.
      html`<tr> <td> <a href="${row.cited.href}">${row.text}</a> </td> <td>${row.subject}</td> <td>${row.action ?? '—'}</td> <td>${row.scope}</td> <td>${
        row.operation ? html`<a href="${operationPath(row.operation)}">${row.operation.name}</a>` : '—'
      }</td> <td> ${storyDateHtml(storyDate(row.cited.story))} </td> <td> <a href="${storyPath(row.cited.story)}">${row.cited.story.data.title}</a> </td> </tr>`,
  )}`;
}
