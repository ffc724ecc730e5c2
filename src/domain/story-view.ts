/**
 * Everything a story page shows, prepared in one place: numbered sentences,
 * the figures panel, operation links, the search data Pagefind reads, and
 * the JSON-LD. The page component only renders it.
 */
import type { CitedFigure } from './citations.ts';
import { describeFigure, describeScope } from './figure-text.ts';
import { newsArticle, serializeJsonLd } from './json-ld.ts';
import { operationPath, storyPath } from './paths.ts';
import type { Operation } from './schema.ts';
import { storySearchData, type StorySearchData } from './search-data.ts';
import { storyDate, type StoryDate } from './story-date.ts';
import { isBasedOn, storyOriginal, type StoryOriginal } from './story-original.ts';
import type { StoryRecord } from './story-record.ts';
import { anchorSentences, type AnchoredSentence } from './story-sentences.ts';

export interface StoryOperation {
  /** Catalogue id; empty for an operation the catalogue lacks. */
  id: string;
  /** Catalogue name, or the article's words when the id is not in the catalogue. */
  name: string;
  /** The operation page, or null when the catalogue lacks the id. */
  href: string | null;
  /** The edition as the article gives it ('XI', '13th year'), else null. */
  edition: string | null;
}

export interface StoryFigure<S extends StoryRecord> {
  cited: CitedFigure<S>;
  /** 'more than 6,500 children recovered'. */
  description: string;
  scope: string;
  /** Whether the search index takes the scope: a region's name is the article's data, 'operation total' a label. */
  scopeIndexed: boolean;
  /** `indexed`: the first figure of the panel naming this operation; the search index takes each operation's name once. */
  operation: { name: string; href: string; indexed: boolean } | null;
}

export interface StoryView<S extends StoryRecord> {
  story: S;
  path: string;
  date: StoryDate;
  description: string;
  paragraphs: AnchoredSentence[][];
  figures: StoryFigure<S>[];
  operations: StoryOperation[];
  search: StorySearchData;
  /** Where the story was first published, as far as the copy records it. */
  original: StoryOriginal;
  /** Serialised NewsArticle, safe to place inside a script element. */
  jsonLd: string;
}

export interface StoryViewContext<S extends StoryRecord> {
  citations: (story: S) => readonly CitedFigure<S>[];
  operationById: ReadonlyMap<string, Operation>;
  /** The site origin for absolute URLs. */
  site: URL;
}

/** Builds the view of one story from its record and its body's sentences; looks up only this story's data. */
export function buildStoryView<S extends StoryRecord>(story: S, paragraphs: readonly (readonly string[])[], context: StoryViewContext<S>): StoryView<S> {
  const cited = context.citations(story);
  const seen = new Set<string>();
  const operations: StoryOperation[] = [];
  for (const mention of story.data.operations) {
    const key = `${mention.id}|${mention.edition ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const operation = context.operationById.get(mention.id);
    operations.push({
      id: mention.id,
      name: operation?.name ?? mention.text,
      href: operation ? operationPath(operation) : null,
      edition: mention.edition ?? (mention.editionNumber === null ? null : String(mention.editionNumber)),
    });
  }
  // Operations the catalogue lacks are shown as the article wrote them, with no page to link to, until an editor adds them.
  for (const unlisted of story.data.unlistedOperations ?? []) {
    const key = `unlisted|${unlisted.text}|${unlisted.edition ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    operations.push({ id: '', name: unlisted.text, href: null, edition: unlisted.edition });
  }
  const date = storyDate(story);
  const description = story.data.description;
  const path = storyPath(story);
  const absolute = (pathname: string): string => new URL(pathname, context.site).href;
  const original = storyOriginal(story);
  return {
    story,
    path,
    date,
    description,
    paragraphs: anchorSentences(
      paragraphs,
      cited.map((item) => item.sentence),
    ),
    figures: cited.map((item, index) => {
      const operation = item.figure.operation === null ? undefined : context.operationById.get(item.figure.operation);
      const indexed = cited.findIndex((other) => other.figure.operation === item.figure.operation) === index;
      return {
        cited: item,
        description: describeFigure(item.figure),
        scope: describeScope(item.figure.scope),
        scopeIndexed: item.figure.scope.kind === 'region',
        operation: operation ? { name: operation.name, href: operationPath(operation), indexed } : null,
      };
    }),
    operations,
    search: storySearchData(story, context.operationById),
    original,
    jsonLd: serializeJsonLd(
      newsArticle({
        story,
        url: absolute(path),
        description,
        operations: [
          ...new Map(
            operations
              .filter((operation) => operation.href !== null)
              .map((operation) => [operation.id, { name: operation.name, url: absolute(operation.href!) }]),
          ).values(),
        ],
        isBasedOn: isBasedOn(original),
      }),
    ),
  };
}
