/**
 * The one date-formatting helper. Dates are calendar days (YYYY-MM-DD) with
 * no time zone, so they are read and formatted in UTC to never shift a day.
 */
import { format } from 'date-fns';
import { UTCDate } from '@date-fns/utc';

/** 'October 19, 2017' for '2017-10-19'. */
export function formatDay(isoDay: string): string {
  return format(new UTCDate(`${isoDay}T00:00:00Z`), 'MMMM d, yyyy');
}
