/**
 * What the render-cache integration and the story pages share during one
 * `astro build`. They run in one process but from different bundles (the
 * config's and the pages'), so module state would not be shared: globalThis is.
 */
import type { RenderManifest, StoryPagePlan } from './render-plan';
import type { SyncedCollection } from './content-sync-check';
import type { SearchShard } from './search-shards';

export interface StoryPagesPlanned extends StoryPagePlan {
  /** Every current story's page key. */
  keys: Map<string, string>;
  /** The search index's shards for the current stories. */
  searchShards: SearchShard[];
}

export interface BuildState {
  /** Absolute output folder. */
  outDir: string;
  /** The last build's manifest when its pages can be reused, else null (a full build). */
  previous: RenderManifest | null;
  /** Set by the story route once it has planned its pages. */
  stories: StoryPagesPlanned | null;
  /** Pages of list routes that key theirs (listPagesToRender), by file: URL path, key, and whether the last build's file is kept. */
  listPages?: Map<string, { path: string; key: string; kept: boolean }>;
  /**
   * Called by the middleware as each page starts rendering. Astro renders one
   * page at a time and writes it before starting the next, so every page
   * reported before this one is on disk.
   */
  pageStarted?: (pathname: string) => void;
  /** What the article loader stored in the collection, so the pages can check they read the same (content-sync-check.ts). */
  synced?: SyncedCollection;
}

const slot = Symbol.for('operations-archive.build-state');
type Holder = { [slot]?: BuildState | undefined };

export function setBuildState(state: BuildState | undefined): void {
  (globalThis as Holder)[slot] = state;
}

/** The state of the build in progress; undefined under `astro dev` or outside a build. */
export function getBuildState(): BuildState | undefined {
  return (globalThis as Holder)[slot];
}
