/**
 * The 'older' and 'newer' links under a story. Undated stories sit after the
 * dated ones in archive order, by slug, but they are not older than any
 * dated story: no link calls one 'older', the oldest dated story says there
 * is no older dated story, and a note says plainly how undated stories are
 * ordered. Links that cross into or among undated stories carry no rel,
 * since they are no sequence in time.
 */
import type { StoryRecord } from './story-record.ts';

export interface NeighbourLink<S extends StoryRecord> {
  /** Which side of the pair the link sits on: older ('prev') or newer ('next'). */
  side: 'prev' | 'next';
  /** The link's rel, only between stories ordered in time. */
  rel: 'prev' | 'next' | null;
  label: string;
  story: S | null;
}

export interface NeighbourNote<S extends StoryRecord> {
  text: string;
  /** The story the note points to (the first undated story), else null. */
  story: S | null;
  /** The words before the link, when there is one. */
  linkLabel: string | null;
}

export interface Neighbourhood<S extends StoryRecord> {
  links: NeighbourLink<S>[];
  /** How undated stories are ordered, on the stories where that matters, else null. */
  note: NeighbourNote<S> | null;
}

/** How the archive orders stories whose date is not stated, in the words every note uses. */
export const undatedOrder = 'Stories whose date is not stated have no place in time: they are listed after the dated ones, in order of their web address.';

/** The links and note for `story`, given its neighbours in archive order (newest first, undated last). */
export function neighbourLinks<S extends StoryRecord>(story: S, older: S | null, newer: S | null): Neighbourhood<S> {
  const dated = story.data.date !== null;
  if (dated) {
    const olderUndated = older !== null && older.data.date === null;
    return {
      links: [
        olderUndated
          ? { side: 'prev', rel: null, label: 'No older dated story', story: null }
          : { side: 'prev', rel: older ? 'prev' : null, label: older ? 'Older story' : 'No older story', story: older },
        { side: 'next', rel: newer ? 'next' : null, label: newer ? 'Newer story' : 'No newer story', story: newer },
      ],
      note: olderUndated ? { text: `This is the oldest dated story. ${undatedOrder}`, story: older, linkLabel: 'The first of them:' } : null,
    };
  }
  return {
    links: [
      { side: 'prev', rel: null, label: older ? 'Next undated story, by web address' : 'No further undated story', story: older },
      {
        side: 'next',
        rel: null,
        label: newer === null ? 'No newer story' : newer.data.date !== null ? 'Back to the oldest dated story' : 'Previous undated story, by web address',
        story: newer,
      },
    ],
    note: { text: `This story's date is not stated. ${undatedOrder}`, story: null, linkLabel: null },
  };
}
