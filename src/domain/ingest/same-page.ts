/**
 * When two sources are the same published page: the same address once the
 * parts that do not change the page are dropped (scheme, `www.`, a trailing
 * slash, the fragment, tracking parameters). Ingest refuses the second, as
 * it refuses the same text under a second file name.
 */
import type { Article } from '../schema.ts';

const trackingParameter = /^(?:utm_\w+|fbclid|gclid|mc_cid|mc_eid|cmpid|ref|amp)$/i;

/** The key two addresses of one page share ('carolinaledger.example/2014/06/23/story'). */
export function pageKey(address: string): string {
  const url = new URL(address);
  const query = [...url.searchParams].filter(([name]) => !trackingParameter.test(name)).sort(([a], [b]) => a.localeCompare(b));
  const search = query.length === 0 ? '' : `?${new URLSearchParams(query).toString()}`;
  const host = url.host.toLowerCase().replace(/^www\./, '');
  return `${host}${url.pathname.replace(/\/+$/, '')}${search}`;
}

/** A source that claims a page, for the refusal message. */
export interface PageClaim {
  file: string;
  path: string;
}

/** The pages a run has seen: the batch's, in order, and the folder's copies' (read on first use only). */
export class SeenPages {
  private readonly batch = new Map<string, PageClaim>();
  private folder: Map<string, PageClaim> | null = null;

  private readonly copies: () => readonly (Pick<Article, 'source' | 'original'> | null)[];

  constructor(copies: () => readonly (Pick<Article, 'source' | 'original'> | null)[]) {
    this.copies = copies;
  }

  /**
   * The other source already holding the page at `address`, or undefined; records this one when none does. The
   * folder's copies are looked at only for a source new to the folder (`isNew`): one that has a copy was checked
   * when that copy was first written, and reading every copy's frontmatter on every run is what the manifest
   * spares a large archive.
   */
  claim(address: string, claim: PageClaim, isNew: boolean): PageClaim | undefined {
    const key = pageKey(address);
    const inBatch = this.batch.get(key);
    if (inBatch !== undefined && inBatch.file !== claim.file) return inBatch;
    if (isNew) {
      const inFolder = this.folderPages().get(key);
      if (inFolder !== undefined && inFolder.file !== claim.file) return inFolder;
    }
    this.batch.set(key, claim);
    return undefined;
  }

  private folderPages(): Map<string, PageClaim> {
    if (this.folder === null) {
      this.folder = new Map();
      for (const copy of this.copies()) {
        const url = copy?.original?.url;
        if (url) this.folder.set(pageKey(url), { file: copy.source.file, path: copy.source.file });
      }
    }
    return this.folder;
  }
}
