/**
 * How long a list page may grow: a timeline page holds at most this many
 * stories, a figures page this many figures. Past it a list is cut into
 * pages by year (timeline-pages.ts, figure-pages.ts), so no page grows with
 * the archive.
 */

/** Entries on one list page. */
export const defaultListPageSize = 1000;

/** The size a build uses: ARCHIVE_LIST_PAGE_SIZE when set (tests cut small archives into pages), else the default. */
export function listPageSizeFrom(value: string | undefined): number {
  if (value === undefined || value === '') return defaultListPageSize;
  const size = Number(value);
  if (!Number.isInteger(size) || size < 1) throw new Error(`ARCHIVE_LIST_PAGE_SIZE must be a positive whole number, not '${value}'`);
  return size;
}
