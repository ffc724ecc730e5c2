/**
 * The search page's copy of formatDay ('October 19, 2017'), on Intl instead
 * of date-fns: bundling date-fns's format would add 21 kB to the search
 * script. A unit test holds it equal to src/domain/dates.ts formatDay.
 */
const longDay = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric' });

/** 'October 19, 2017' for '2017-10-19', read in UTC so the day never shifts. */
export function formatDay(isoDay: string): string {
  return longDay.format(new Date(`${isoDay}T00:00:00Z`));
}
