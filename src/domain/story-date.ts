/**
 * How a story's date is shown: stated dates plainly, inferred ones with the
 * words they rest on, missing ones as 'date not stated' (with any clues).
 */
import { formatDay } from './dates.ts';
import type { StoryRecord } from './story-record.ts';

export interface StoryDate {
  /** YYYY-MM-DD for `<time datetime>`, or null when not stated. */
  iso: string | null;
  /** 'October 19, 2017', or 'date not stated'. */
  text: string;
  source: StoryRecord['data']['dateSource'];
  /** Inferred: what the inference rests on. Unknown: clues that did not settle it. */
  evidence: string | null;
}

/** The wording shown wherever a story has no date. */
export const dateNotStated = 'date not stated';

/** The display form of a story's date. */
export function storyDate(story: StoryRecord): StoryDate {
  const { date, dateSource, dateEvidence } = story.data;
  return {
    iso: date,
    text: date === null ? dateNotStated : formatDay(date),
    source: dateSource,
    evidence: dateEvidence,
  };
}

/**
 * Pagefind's sort value. Undated stories get '0000-00-00' so they sort last
 * newest-first and are never dropped for lacking a sort key.
 */
export function searchSortDate(story: StoryRecord): string {
  return story.data.date ?? '0000-00-00';
}
