/** The meta description of a story: its opening words, cut at a word boundary. */

/** The first sentences of the body up to about `max` characters, ending in '…' when cut; the title when the body is empty. */
export function storyDescription(paragraphs: readonly (readonly string[])[], title: string, max = 160): string {
  const text = paragraphs.flat().join(' ').replace(/\s+/g, ' ').trim();
  if (text.length === 0) return title;
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}
