/**
 * Permalink segments. A new article's slug is its headline's lead clause in
 * kebab-case ('operation-cross-country-xi-84-children-recovered'); a taken
 * slug gets -2, -3, … in the order sources are ingested. Once a copy exists
 * its slug is never recomputed (batch.ts), so titles may change freely.
 */

const maxSlugLength = 60;

/** Lower-case ASCII words joined by hyphens, at most 60 characters, cut at a word boundary. */
export function slugify(text: string): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/(\d),(?=\d{3})/g, '$1')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > maxSlugLength) break;
    slug = next;
  }
  return slug || (words[0]?.slice(0, maxSlugLength) ?? '') || 'article';
}

/** The slug for a new article's title: its lead clause, before the first comma. */
export function slugForTitle(title: string): string {
  return slugify(title.split(/,\s/)[0] ?? title);
}

/**
 * `base`, or `base-2`, `base-3`, … : the first that `taken` does not hold.
 * `nextSuffix` remembers where the search for each base stopped, so naming n
 * articles with one headline costs n steps, not n²; the answer is the same.
 */
export function uniqueSlug(base: string, taken: ReadonlySet<string>, nextSuffix: Map<string, number> = new Map()): string {
  if (!taken.has(base)) return base;
  let suffix = nextSuffix.get(base) ?? 2;
  while (taken.has(`${base}-${suffix}`)) suffix += 1;
  nextSuffix.set(base, suffix + 1);
  return `${base}-${suffix}`;
}
