/**
 * The one place permalinks are built. Pages, feeds, the sitemap, JSON-LD and
 * search all link through these, so a URL scheme change is one edit.
 */

/** `/stories/<slug>/`: a story's permalink, fixed by its slug. */
export function storyPath(story: { id: string }): string {
  return `/stories/${encodeURIComponent(story.id)}/`;
}

/** `/operations/<id>/`: an operation's page. */
export function operationPath(operation: { id: string }): string {
  return `/operations/${encodeURIComponent(operation.id)}/`;
}

/** The figures table, every figure in the archive (its first page on a big archive). */
export const figuresPath = '/figures/';
