/**
 * A story as one line of a list (home, timeline, operation pages, 404):
 * headline, date, operations and its headline figure linked to its sentence.
 */
import type { CitedFigure } from './citations.ts';
import { describeFigureWithPlace, headlineFigure } from './figure-text.ts';
import { operationPath, storyPath } from './paths.ts';
import type { Operation } from './schema.ts';
import { storyDate, type StoryDate } from './story-date.ts';
import type { StoryRecord } from './story-record.ts';

export interface StoryListItem {
  id: string;
  href: string;
  title: string;
  date: StoryDate;
  operations: { name: string; href: string }[];
  /** 'more than 200 victims rescued', linked to its sentence; null when the story gives no figure. */
  headline: { text: string; href: string } | null;
}

/** The list line of one story. */
export function buildStoryListItem<S extends StoryRecord>(
  story: S,
  citations: (story: S) => readonly CitedFigure<S>[],
  operationById: ReadonlyMap<string, Operation>,
): StoryListItem {
  const cited = citations(story);
  const headline = headlineFigure(cited.map((item) => ({ ...item.figure, item })));
  const operations = [...new Set(story.data.operations.map((mention) => mention.id))]
    .map((id) => operationById.get(id))
    .filter((operation): operation is Operation => operation !== undefined)
    .map((operation) => ({ name: operation.name, href: operationPath(operation) }));
  return {
    id: story.id,
    href: storyPath(story),
    title: story.data.title,
    date: storyDate(story),
    operations,
    headline: headline ? { text: describeFigureWithPlace(headline), href: headline.item.href } : null,
  };
}
