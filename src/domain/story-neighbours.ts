/**
 * The 'older' and 'newer' links under a story. Undated stories sit after the
 * dated ones in archive order, so the links next to them say 'undated'
 * rather than claiming an order in time that no article states.
 */
import type { StoryRecord } from './story-record';

export interface NeighbourLink<S extends StoryRecord> {
  rel: 'prev' | 'next';
  label: string;
  story: S | null;
}

/** The two links for `story`, given its neighbours in archive order (newest first, undated last). */
export function neighbourLinks<S extends StoryRecord>(story: S, older: S | null, newer: S | null): NeighbourLink<S>[] {
  const dated = story.data.date !== null;
  const olderLabel =
    older === null ? (dated ? 'No older story' : 'No further undated story')
    : older.data.date !== null ? 'Older story'
    : dated ? 'Undated stories begin with'
    : 'Next undated story';
  const newerLabel =
    newer === null ? 'No newer story'
    : dated ? 'Newer story'
    : newer.data.date !== null ? 'Oldest dated story'
    : 'Previous undated story';
  return [
    { rel: 'prev', label: olderLabel, story: older },
    { rel: 'next', label: newerLabel, story: newer },
  ];
}
