/**
 * The dateline that opens a wire story: 'WASHINGTON (CBS/WNCN) —' gives the
 * place WASHINGTON and the outlet CBS/WNCN; 'CHARLOTTE, N.C. —' gives the
 * place only. The words stay in the body; this only reads them.
 */

export interface Dateline {
  /** The place in capitals, with its state if given ('CHARLOTTE, N.C.'), else null. */
  dateline: string | null;
  /** The outlet in parentheses after the place ('CBS/WNCN', 'AP'), else null. */
  outlet: string | null;
}

// A place in capitals ('ST. LOUIS'), optionally ', State' in any case ('N.C.', 'Colo.', 'Texas'),
// optionally '(OUTLET)', then a dash. Either the place or the outlet must be there.
const datelinePattern =
  /^(?:(\p{Lu}[\p{Lu}.'’ -]*[\p{Lu}.](?:,\s+\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*)*)?)\s*)?(?:\(([^()\n]{1,60})\)\s*)?(?:—|–|--|-)\s/u;

/** Reads the dateline and outlet from the first paragraph, or nulls when it has none. */
export function readDateline(firstParagraph: string): Dateline {
  const match = datelinePattern.exec(firstParagraph);
  if (!match || (match[1] === undefined && match[2] === undefined)) return { dateline: null, outlet: null };
  return { dateline: match[1]?.trim() ?? null, outlet: match[2]?.trim() ?? null };
}
