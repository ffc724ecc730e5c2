/**
 * Every collection query the pages use: the only caller of getCollection.
 * Ordering and grouping rules live in src/domain; this module reads the
 * collections once per build and indexes them, so story pages look their
 * neighbours, related stories and citations up in maps instead of each
 * scanning every story.
 */
import { getCollection } from 'astro:content';
import { citeFigures, type CitedFigure } from '@/domain/citations';
import { buildOperationTimeline, type OperationTimeline } from '@/domain/operation-timeline';
import { storyRedirects, type StoryRedirect } from '@/domain/redirects';
import { buildRelated, type RelatedStory } from '@/domain/related';
import type { Operation } from '@/domain/schema';
import { countSearchFilters } from '@/domain/search-data';
import { buildStoryListItem, type StoryListItem } from '@/domain/story-list';
import { compareStories, summariseStory, type StoryRecord } from '@/domain/story-record';
import { timelinePath } from '@/domain/timeline-filters';
import { planTimeline, type TimelineLayout } from '@/domain/timeline-pages';
import { settings } from '@/settings';

export { compareStories };

/** A story as every page sees it (see story-record.ts); its body is read by its own page (storyParagraphs). */
export type Story = StoryRecord;

export interface Neighbours {
  /** The story just before in date order. */
  older: Story | null;
  /** The story just after in date order. */
  newer: Story | null;
}

/** The indexed archive: built once, shared by every page of a build. */
export interface Archive {
  /** Newest first, undated last. */
  stories: Story[];
  /** Catalogue order. */
  operations: Operation[];
  operationById: Map<string, Operation>;
  /** Stories that mention an operation or report a figure for it, newest first. */
  storiesByOperation: Map<string, Story[]>;
  neighbours: Map<string, Neighbours>;
  /** Every figure of a story with the link to its sentence. */
  citations: (story: Story) => CitedFigure<Story>[];
  /** Related stories of every story, built on first use. */
  related: () => Map<string, RelatedStory<Story>[]>;
  /** A story as one line of a list. */
  listItem: (story: Story) => StoryListItem;
  /** An operation's timeline, built on first use. */
  timeline: (operationId: string) => OperationTimeline<Story> | null;
  /** How the timeline of every story (no id) or of one operation's stories is laid out in pages. */
  timelineLayout: (operationId?: string) => TimelineLayout<Story>;
  /** A story's body: paragraphs of sentences. */
  paragraphs: (story: Story) => string[][];
  /** Entries on one list page before it is cut by year. */
  listPageSize: number;
  /** The redirect page at each old address of a story whose slug an editor changed. */
  redirects: StoryRedirect[];
  /** A story by its slug. */
  storyById: Map<string, Story>;
  /** The permalink readers see for a site path: absolute with SITE_URL set, else the path alone, never a placeholder origin. */
  permalink: (path: string) => string;
}

function memoise<K, V>(compute: (key: K) => V): (key: K) => V {
  const cache = new Map<K, V>();
  return (key) => {
    if (!cache.has(key)) cache.set(key, compute(key));
    return cache.get(key)!;
  };
}

async function loadArchive(): Promise<Archive> {
  const entries = await getCollection('articles');
  const bodies = new Map(entries.map((entry) => [entry.id, entry.data.paragraphs]));
  const stories: Story[] = entries.map((entry) => ({ id: entry.id, data: summariseStory(entry.data) })).sort(compareStories);
  const operations = (await getCollection('operations')).map((entry) => entry.data);
  const operationById = new Map(operations.map((operation) => [operation.id, operation]));

  const storiesByOperation = new Map<string, Story[]>(operations.map((operation) => [operation.id, []]));
  const neighbours = new Map<string, Neighbours>();
  stories.forEach((story, index) => {
    neighbours.set(story.id, { newer: stories[index - 1] ?? null, older: stories[index + 1] ?? null });
    const ids = new Set([...story.data.operations.map((mention) => mention.id), ...story.data.figures.map((figure) => figure.operation)]);
    for (const id of ids) if (id !== null) storiesByOperation.get(id)?.push(story);
  });

  const citations = memoise((story: Story) => citeFigures(story));
  const operationName = (id: string): string => operationById.get(id)?.name ?? id;
  const { listPageSize, site, siteConfigured } = settings();
  let related: Map<string, RelatedStory<Story>[]> | undefined;
  return {
    stories,
    operations,
    operationById,
    storiesByOperation,
    neighbours,
    citations,
    listItem: memoise((story: Story) => buildStoryListItem(story, citations, operationById)),
    related: () => (related ??= buildRelated(stories, { operationName })),
    timeline: memoise((id: string) => {
      const operation = operationById.get(id);
      return operation ? buildOperationTimeline(operation, storiesByOperation.get(id) ?? [], citations) : null;
    }),
    timelineLayout: memoise((id?: string) => planTimeline(id === undefined ? stories : (storiesByOperation.get(id) ?? []), timelinePath(id), listPageSize)),
    paragraphs: (story) => {
      const body = bodies.get(story.id);
      if (body === undefined) throw new Error(`story '${story.id}' is not in the archive`);
      return body;
    },
    listPageSize,
    redirects: storyRedirects(stories),
    storyById: new Map(stories.map((story) => [story.id, story])),
    permalink: (path) => (siteConfigured ? new URL(path, site).href : path),
  };
}

let archive: Promise<Archive> | undefined;

/** The indexed archive. Memoised for the build; `astro dev` re-reads it so edits show. */
export function getArchive(): Promise<Archive> {
  if (import.meta.env.DEV) return loadArchive();
  return (archive ??= loadArchive());
}

/** The catalogue's operations, in catalogue order. */
export async function getOperations(): Promise<Operation[]> {
  return (await getArchive()).operations;
}

/** Each search filter's values and how many stories carry them, for the search page. */
export async function getSearchFilterCounts(): Promise<ReturnType<typeof countSearchFilters>> {
  const { stories, operationById } = await getArchive();
  return countSearchFilters(stories, operationById);
}
