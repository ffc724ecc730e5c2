/**
 * Published URLs never die. A story whose slug an editor changed lists its
 * old slugs in `formerSlugs` (schema.ts); the site serves a redirect page at
 * each old permalink. This is the list of those pages. Pure.
 */
import { storyPath } from './paths.ts';

/** One redirect page: the old permalink and the story's permalink now. */
export interface StoryRedirect {
  /** `/stories/<former slug>/`. */
  from: string;
  /** `/stories/<slug>/`. */
  to: string;
  /** The former slug, for a route's params (`{ story: formerSlug }`). */
  formerSlug: string;
  /** The story's slug now. */
  slug: string;
}

/** What storyRedirects needs of a story: its slug (the collection id) and its former slugs. */
export interface RedirectSource {
  id: string;
  data: { formerSlugs?: readonly string[] | undefined };
}

/**
 * Every redirect page, sorted by old permalink. Throws, naming both stories, when an old permalink is also a
 * story's permalink or the old permalink of two stories: ingest refuses such copies, and a build must not
 * publish one URL twice.
 */
export function storyRedirects(stories: readonly RedirectSource[]): StoryRedirect[] {
  const live = new Set(stories.map((story) => story.id));
  const claimed = new Map<string, string>();
  const redirects: StoryRedirect[] = [];
  for (const story of stories) {
    for (const formerSlug of story.data.formerSlugs ?? []) {
      if (formerSlug === story.id) continue;
      if (live.has(formerSlug)) throw new Error(`story '${story.id}' lists '${formerSlug}' in formerSlugs, but that is the slug of another story`);
      const other = claimed.get(formerSlug);
      if (other !== undefined && other !== story.id) throw new Error(`stories '${other}' and '${story.id}' both list '${formerSlug}' in formerSlugs`);
      if (other === story.id) continue;
      claimed.set(formerSlug, story.id);
      redirects.push({ from: storyPath({ id: formerSlug }), to: storyPath(story), formerSlug, slug: story.id });
    }
  }
  return redirects.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}
