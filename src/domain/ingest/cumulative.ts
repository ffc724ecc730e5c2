/**
 * Whether a sentence reports a running total rather than one sweep's result,
 * and over which years: 'since the initiative began in 2003' (since 2003),
 * 'held annually between 2008 and 2017' (2008 to 2017), 'To date' (since the
 * launch year the paragraph states, if it does).
 */

export interface CumulativeSpan {
  since: number | null;
  until: number | null;
}

const year = '(1[89]\\d\\d|20\\d\\d)';
const sinceYear = new RegExp(`\\bsince\\b(?:(?![.;:])[^]){0,60}?\\b${year}\\b`, 'i');
const betweenYears = new RegExp(`\\b(?:between|from)\\s+${year}\\s+(?:and|to|through|until|-|–)\\s+${year}\\b`, 'i');
const runningTotal =
  /\b(?:to date|in total|all told|over the years|cumulative(?:ly)?|since (?:its|the|their) (?:inception|creation|launch|start|beginning|founding|establishment)|over the (?:past|last) (?:\w+ )?(?:years|decades?)|in (?:its|their) (?:\w+ )?(?:history|existence))\b/i;
const launchedIn = new RegExp(
  `\\b(?:launched|began|begun|started|established|founded|created|formed|inaugurated)\\b(?:(?![.;:])[^]){0,80}?\\b(?:in|since)\\s+${year}\\b`,
  'i',
);

/**
 * The cumulative span a sentence states, or null when it reports no running
 * total. `earlier` holds the paragraph's previous sentences, nearest last,
 * where a launch year ('launched … in 2003') dates a 'to date' total.
 */
export function cumulativeSpan(sentence: string, earlier: readonly string[]): CumulativeSpan | null {
  const between = betweenYears.exec(sentence);
  if (between) return { since: Number(between[1]), until: Number(between[2]) };
  const since = sinceYear.exec(sentence);
  if (since) return { since: Number(since[1]), until: null };
  if (!runningTotal.test(sentence)) return null;
  for (const text of [sentence, ...[...earlier].reverse()]) {
    const launched = launchedIn.exec(text);
    if (launched) return { since: Number(launched[1]), until: null };
  }
  return { since: null, until: null };
}
