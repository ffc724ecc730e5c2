/**
 * The rows of the /figures/ table: every figure in the archive, story by
 * story in archive order, each with the words needed to read it alone.
 */
import type { CitedFigure } from './citations.ts';
import { describeScope } from './figure-text.ts';
import type { StoryRecord } from './story-record.ts';

export interface FigureRow<S extends StoryRecord = StoryRecord> {
  cited: CitedFigure<S>;
  /** As written: 'more than 6,500'. */
  text: string;
  subject: string;
  action: string | null;
  /** 'cumulative, since 2003'. */
  scope: string;
  /** Catalogue id and name, or null when the figure belongs to no catalogued operation. */
  operation: { id: string; name: string } | null;
}

/** One row per figure, in the order the stories are given. */
export function buildFigureRows<S extends StoryRecord>(
  stories: readonly S[],
  citationsOf: (story: S) => readonly CitedFigure<S>[],
  operationName: (id: string) => string | undefined,
): FigureRow<S>[] {
  return stories.flatMap((story) =>
    citationsOf(story).map((cited) => {
      const { figure } = cited;
      const name = figure.operation === null ? undefined : operationName(figure.operation);
      return {
        cited,
        text: figure.text,
        subject: figure.subject,
        action: figure.action,
        scope: describeScope(figure.scope),
        operation: figure.operation !== null && name !== undefined ? { id: figure.operation, name } : null,
      };
    }),
  );
}
