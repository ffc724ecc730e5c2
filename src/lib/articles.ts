/**
 * Every collection query the pages use. Pages never call getCollection
 * themselves, so ordering and grouping rules live in one place.
 *
 * The archive is read and indexed once per build (memoised at module level):
 * story pages look their neighbours, related stories and citations up in
 * maps instead of each scanning every story.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { getCollection } from 'astro:content';
import { getBuildState } from './build-state';
import { summariseCollection, syncMismatch } from './content-sync-check';
import { citeFigures, type CitedFigure } from '../domain/citations';
import { buildOperationTimeline, type OperationTimeline } from '../domain/operation-timeline';
import { storyPath } from '../domain/paths';
import { buildRelated, type RelatedStory } from '../domain/related';
import { keptListPages, pageFile, planStoryPages, storyPageKey } from './render-plan';
import type { Operation } from '../domain/schema';
import { countSearchFilters } from '../domain/search-data';
import { planSearchShards, shardCutsFrom, type SearchShard } from './search-shards';
import { digestInDetailFile, readStoryDetail, readStoryDetailNow } from './story-detail';
import { searchSortDate } from '../domain/story-date';
import { buildStoryListItem, type StoryListItem } from '../domain/story-list';
import { compareStories, withoutBody, type StoryRecord } from '../domain/story-record';
import { timelinePath } from '../domain/timeline-filters';
import { listPageSizeFrom } from '../domain/list-page-size';
import { planTimeline, type TimelineLayout } from '../domain/timeline-pages';

export { compareStories };

/** A story as every page sees it (see story-record.ts); its body stays in the loader's cache until its own page reads it. */
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
  /** The digest of each story's copy, by story id. */
  digests: Map<string, string>;
  /** The loader's cached file of each story (see story-detail.ts), by story id. */
  details: Map<string, string>;
  /** The search index's shards, built on first use. */
  searchShards: () => SearchShard[];
}

function memoise<K, V>(compute: (key: K) => V): (key: K) => V {
  const cache = new Map<K, V>();
  return (key) => {
    if (!cache.has(key)) cache.set(key, compute(key));
    return cache.get(key)!;
  };
}

type ArticleEntry = Awaited<ReturnType<typeof getCollection<'articles'>>>[number];

/** Detail files read at once: enough to keep the disk busy while the last ones are parsed. */
const readConcurrency = 64;

/** Reads the collection entries' stories back from the loader's cache, in the entries' order, keeping their summaries. */
async function hydrate(entries: readonly ArticleEntry[]): Promise<Story[]> {
  const stories: Story[] = [];
  for (let index = 0; index < entries.length; index += readConcurrency) {
    const batch = entries.slice(index, index + readConcurrency);
    stories.push(...(await Promise.all(batch.map(async (entry) => ({ id: entry.id, data: withoutBody(await readStoryDetail(entry.data.detail)) })))));
  }
  return stories;
}

/** The digest of the story's copy, from the name of its detail file. */
function copyDigest(entry: ArticleEntry): string {
  return digestInDetailFile(entry.id, entry.data.detail);
}

async function loadArchive(): Promise<Archive> {
  const entries = await getCollection('articles');
  const synced = getBuildState()?.synced;
  if (synced) {
    const mismatch = syncMismatch(synced, summariseCollection(entries.map((entry) => ({ id: entry.id, detail: entry.data.detail }))));
    if (mismatch !== null) throw new Error(mismatch);
  }
  const digests = new Map(entries.map((entry) => [entry.id, copyDigest(entry)]));
  const details = new Map(entries.map((entry) => [entry.id, entry.data.detail]));
  const stories = (await hydrate(entries)).sort(compareStories);
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
  const listPageSize = listPageSizeFrom(process.env['ARCHIVE_LIST_PAGE_SIZE']);
  let related: Map<string, RelatedStory<Story>[]> | undefined;
  let shards: SearchShard[] | undefined;
  return {
    stories,
    operations,
    operationById,
    storiesByOperation,
    neighbours,
    citations,
    listItem: memoise((story: Story) => buildStoryListItem(story, citations, operationById)),
    related: () => (related ??= buildRelated(stories, { operationName })),
    digests,
    details,
    searchShards: () => {
      if (shards) return shards;
      const { size, cuts } = shardCutsFrom(process.env['ARCHIVE_SEARCH_SHARD_SIZE'], stories.length);
      const members = stories.map((story) => {
        const date = searchSortDate(story);
        return { id: story.id, date: date === '0000-00-00' ? null : date, digest: digests.get(story.id)! };
      });
      return (shards = planSearchShards(members, size, cuts));
    },
    timeline: memoise((id: string) => {
      const operation = operationById.get(id);
      return operation ? buildOperationTimeline(operation, storiesByOperation.get(id) ?? [], citations) : null;
    }),
    timelineLayout: memoise((id?: string) =>
      planTimeline(id === undefined ? stories : (storiesByOperation.get(id) ?? []), timelinePath(id), listPageSize),
    ),
  };
}

let archive: Promise<Archive> | undefined;

/** The indexed archive. Memoised for the build; `astro dev` re-reads it so edits show. */
export function getArchive(): Promise<Archive> {
  if (import.meta.env.DEV) return loadArchive();
  return (archive ??= loadArchive());
}

/**
 * The stories whose pages this build renders: all of them, except in a
 * build that can reuse the pages of the last one (see render-plan.ts), where
 * only pages whose inputs changed are rendered. Records the plan for the
 * render-cache integration.
 */
export async function getStoriesToRender(): Promise<Story[]> {
  const archive = await getArchive();
  const state = getBuildState();
  if (!state) return archive.stories;
  const digest = (story: Story | null): string | null => (story ? archive.digests.get(story.id)! : null);
  const related = archive.related();
  const keys = new Map(
    archive.stories.map((story) => {
      const { older, newer } = archive.neighbours.get(story.id)!;
      const inputs = {
        digest: digest(story)!,
        older: digest(older),
        newer: digest(newer),
        related: (related.get(story.id) ?? []).map((item) => ({ digest: digest(item.story)!, reasons: item.reasons })),
      };
      return [story.id, storyPageKey(inputs)];
    }),
  );
  const onDisk = (slug: string): boolean => existsSync(path.join(state.outDir, storyPath({ id: slug }), 'index.html'));
  const plan = planStoryPages(keys, state.previous?.stories ?? null, onDisk);
  state.stories = { ...plan, keys, searchShards: archive.searchShards() };
  const render = new Set(plan.render);
  return archive.stories.filter((story) => render.has(story.id));
}

/**
 * Of a list route's pages, each with its URL path and a key digesting everything it shows (see
 * keptListPages), those this build renders: all of them, except in a build that can reuse the last
 * one's pages, where a page whose key is unchanged is kept. Records every key for the next build.
 */
export function listPagesToRender<P extends { path: string; key: string }>(pages: readonly P[]): P[] {
  const state = getBuildState();
  if (!state) return [...pages];
  const listPages = (state.listPages ??= new Map());
  const current = new Map(pages.map((page) => [pageFile(page.path), page.key]));
  const kept = keptListPages(current, state.previous?.listPages ?? null, (file) => existsSync(path.join(state.outDir, file)));
  for (const page of pages) {
    const file = pageFile(page.path);
    listPages.set(file, { path: page.path, key: page.key, kept: kept.has(file) });
  }
  return pages.filter((page) => !kept.has(pageFile(page.path)));
}

/** The body of a story, paragraphs of sentences, read from the loader's cache: only its own page needs it. */
export async function getStoryParagraphs(story: Story): Promise<string[][]> {
  const file = (await getArchive()).details.get(story.id);
  if (file === undefined) throw new Error(`story '${story.id}' is not in the archive`);
  return readStoryDetailNow(file).paragraphs;
}

/** The catalogue's operations, in catalogue order. */
export async function getOperations(): Promise<Operation[]> {
  return (await getArchive()).operations;
}

/** The search index's shards, the first (at /pagefind/) first. */
export async function getSearchShards(): Promise<SearchShard[]> {
  return (await getArchive()).searchShards();
}

/** Each search filter's values and how many stories carry them, for the search page. */
export async function getSearchFilterCounts(): Promise<ReturnType<typeof countSearchFilters>> {
  const { stories, operationById } = await getArchive();
  return countSearchFilters(stories, operationById);
}
