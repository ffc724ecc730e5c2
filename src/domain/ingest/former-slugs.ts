/**
 * A slug changed by hand. Published URLs never die: when an editor changes a
 * copy's `slug`, ingest keeps the new slug like any other edit and records
 * the old one in the copy's `formerSlugs`, from which the site serves a
 * redirect page at the old URL (src/domain/redirects.ts). Pure.
 */
import { isDeepStrictEqual } from 'node:util';
import { readFrontmatter } from '../article-file.ts';

/**
 * The former slugs a copy should list: those it lists, then the slug ingest last knew it by when that is no
 * longer its slug; never its own slug, never one twice.
 */
export function formerSlugsFor(listed: readonly string[], previous: string, slug: string): string[] {
  const former: string[] = [];
  for (const candidate of [...listed, previous]) if (candidate !== slug && !former.includes(candidate)) former.push(candidate);
  return former;
}

/** The YAML lines of a formerSlugs list, as the copy writer (article-file.ts) writes them. */
function formerSlugLines(formerSlugs: readonly string[], newline: string): string {
  return `formerSlugs:${newline}${formerSlugs.map((slug) => `  - ${slug}${newline}`).join('')}`;
}

/**
 * A hand-edited copy with its `formerSlugs` set, everything else exactly as the editor left it. The list goes
 * where ingest itself writes it, just before the frontmatter's closing fence; a list already there in the
 * form ingest writes is replaced. Null when that cannot be done safely (a list written otherwise, or
 * frontmatter that would not read back to the same data with the new list): the caller then refuses the
 * copy and says what to write.
 */
export function setFormerSlugs(raw: string, formerSlugs: readonly string[]): string | null {
  const open = /^(\uFEFF?)---(\r?\n)/.exec(raw);
  if (!open) return null;
  const newline = open[2]!;
  const close = new RegExp(`${newline}---(?:\\r?\\n|$)`).exec(raw.slice(open[0].length - newline.length));
  if (!close) return null;
  const end = open[0].length - newline.length + close.index + newline.length;
  let before: Record<string, unknown>;
  try {
    before = readFrontmatter(raw);
  } catch {
    return null;
  }
  let start = end;
  if ('formerSlugs' in before) {
    const listed = before['formerSlugs'];
    if (!Array.isArray(listed) || !listed.every((slug) => typeof slug === 'string')) return null;
    const block = formerSlugLines(listed, newline);
    if (raw.slice(end - block.length, end) !== block || raw[end - block.length - 1] !== '\n') return null;
    start = end - block.length;
  }
  const patched = `${raw.slice(0, start)}${formerSlugLines(formerSlugs, newline)}${raw.slice(end)}`;
  try {
    if (!isDeepStrictEqual(readFrontmatter(patched), { ...before, formerSlugs: [...formerSlugs] })) return null;
  } catch {
    return null;
  }
  return patched;
}
