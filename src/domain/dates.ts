/**
 * The one date-formatting helper. Dates are calendar days (YYYY-MM-DD) with
 * no time zone, so they are read and formatted in UTC to never shift a day.
 */
import { format } from 'date-fns';
import { UTCDate } from '@date-fns/utc';

/**
 * Days formatted so far: a story page shows a dozen dates (its own, its
 * neighbours', related stories'), about 100 µs each through date-fns, a
 * second of a 10,000-story build. An archive has at most a few thousand days.
 */
const formatted = new Map<string, string>();

/** 'October 19, 2017' for '2017-10-19'. */
export function formatDay(isoDay: string): string {
  let text = formatted.get(isoDay);
  if (text === undefined) {
    text = format(new UTCDate(`${isoDay}T00:00:00Z`), 'MMMM d, yyyy');
    formatted.set(isoDay, text);
  }
  return text;
}
