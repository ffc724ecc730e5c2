/**
 * Which search shards can be indexed while Astro is still rendering. A
 * shard that must be built again is ready once every one of its pages that
 * this build renders is on disk (the others are on disk from the last
 * build). Indexing a ready shard then runs in Pagefind's own process, on
 * the second core, while the build renders the rest.
 */
import type { SearchShard } from './search-shards';

export class ShardProgress {
  /** Stale shards not yet handed out, in plan order, with how many of their pages are still to be written. */
  private readonly waiting = new Map<string, { shard: SearchShard; pages: number }>();
  /** For each page this build renders that belongs to a stale shard: that shard's id. */
  private readonly shardOf = new Map<string, string>();

  /**
   * @param shards every shard of the archive
   * @param stale ids of the shards to build
   * @param rendered slugs of the story pages this build renders
   */
  constructor(shards: readonly SearchShard[], stale: ReadonlySet<string>, rendered: Iterable<string>) {
    const toRender = new Set(rendered);
    for (const shard of shards) {
      if (!stale.has(shard.id)) continue;
      let pages = 0;
      for (const slug of shard.slugs) {
        if (!toRender.has(slug)) continue;
        this.shardOf.set(slug, shard.id);
        pages += 1;
      }
      this.waiting.set(shard.id, { shard, pages });
    }
  }

  private take(ids: readonly string[]): SearchShard[] {
    const shards = ids.map((id) => this.waiting.get(id)!.shard);
    for (const id of ids) this.waiting.delete(id);
    return shards;
  }

  /** Shards with no page left to render (handed out once). */
  ready(): SearchShard[] {
    return this.take([...this.waiting].filter(([, entry]) => entry.pages === 0).map(([id]) => id));
  }

  /** A story page is on disk: the shards this made ready (none, or its own). */
  written(slug: string): SearchShard[] {
    const id = this.shardOf.get(slug);
    if (id === undefined) return [];
    this.shardOf.delete(slug);
    const entry = this.waiting.get(id);
    if (entry === undefined) return [];
    entry.pages -= 1;
    return entry.pages === 0 ? this.take([id]) : [];
  }

  /** Every shard not yet handed out, in plan order: at the end of the build all pages are on disk. */
  rest(): SearchShard[] {
    return this.take([...this.waiting.keys()]);
  }

  /** Pages this build renders that have not been reported written. */
  get pagesOutstanding(): number {
    return this.shardOf.size;
  }
}

/** The slug of a story page's path ('/stories/<slug>/'), or null for any other page. */
export function storySlugOfPath(pathname: string): string | null {
  const match = /^\/stories\/([^/]+)\/?$/.exec(pathname);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return null;
  }
}
