/**
 * How a reader's words become Pagefind searches. Pure: no DOM, no Pagefind.
 *
 * Two things Pagefind does on its own are not what a reader of this archive
 * expects, so the page works around them here:
 * - A word that is in no story is replaced by the longest prefix of it that
 *   is ('XIII' finds 'XI', 'policexyz' finds 'police'). Searched alone in
 *   quotes, a word is matched by stem and as a prefix of longer words but
 *   never cut short, so each word is checked that way first, and a query
 *   with a word no story holds finds nothing.
 * - An operation's name is words like any other, so 'Cross County' (an
 *   alias in the catalogue) would find only the stories that misspell it.
 *   A catalogue name or alias in the query becomes the operation filter,
 *   which every story that names the operation carries.
 */

/** A name or alias of a catalogue operation, and the operation's filter value (its name). */
export interface OperationAlias {
  alias: string;
  operation: string;
}

export interface QueryPlan {
  /** What Pagefind searches for: the words left once operation names are taken out; '' for none. */
  term: string;
  /** Operations the query named: each story must carry all of them. */
  operations: string[];
  /** Each word of the term, to check alone (in quotes) before searching. */
  words: string[];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The words of a term as Pagefind splits them, without quotes and punctuation at either end. */
export function termWords(term: string): string[] {
  return term
    .split(/\s+/)
    .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((word) => word !== '');
}

/**
 * Plans the search of `query`: operation names and aliases (longest first, whole words, any case) are
 * taken out of the term and become operations every result must name; the rest is searched as words.
 * A query quoted as a whole is a phrase search of Pagefind's own and is left as it is.
 */
export function planQuery(query: string, aliases: readonly OperationAlias[]): QueryPlan {
  const trimmed = query.trim();
  if (/^".+"$/.test(trimmed)) return { term: trimmed, operations: [], words: [] };
  let term = ` ${trimmed} `;
  const operations: string[] = [];
  const longestFirst = [...aliases].sort((a, b) => b.alias.length - a.alias.length);
  for (const { alias, operation } of longestFirst) {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(alias).replace(/\s+/g, '\\s+')}(?![\\p{L}\\p{N}])`, 'giu');
    if (!pattern.test(term)) continue;
    term = term.replace(pattern, ' ');
    if (!operations.includes(operation)) operations.push(operation);
  }
  const rest = term.replace(/\s+/g, ' ').trim();
  return { term: rest, operations, words: termWords(rest) };
}

/** The exact search that checks one word: in quotes, Pagefind does not fall back to a prefix of it. */
export function wordCheck(word: string): string {
  return `"${word}"`;
}

/**
 * The operation filter once the query's operations are added to the reader's choice: a story must name
 * every operation the query names, and one of those the reader chose. Null when no story can pass, or
 * when that would need both an all-of and an any-of on the one filter (a choice none of the named
 * operations is in), which Pagefind's filter of one key cannot say.
 */
export function operationFilter(chosen: readonly string[], named: readonly string[]): { any: string[] } | { all: string[] } | null {
  if (named.length === 0) return { any: [...chosen] };
  if (chosen.length > 0 && !named.some((operation) => chosen.includes(operation))) return null;
  return named.length === 1 ? { any: [...named] } : { all: [...named] };
}
