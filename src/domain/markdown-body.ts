/**
 * The body of an article copy is Markdown, but its content is plain text: the
 * article's paragraphs. remark escapes whatever Markdown would read as syntax
 * (`---`, `#`, `<script>`, `*`), so reading the file back gives the same words.
 */
import { remark } from 'remark';
import type { Root, RootContent } from 'mdast';

const processor = remark().data('settings', { bullet: '-', emphasis: '_', rule: '-' });

/** Writes paragraphs as a Markdown body that reads back to exactly these paragraphs. */
export function paragraphsToMarkdown(paragraphs: readonly string[]): string {
  const tree: Root = {
    type: 'root',
    children: paragraphs.map((text) => ({ type: 'paragraph', children: [{ type: 'text', value: text }] })),
  };
  return processor.stringify(tree);
}

/** The plain text of a node: hand edits may add emphasis or links; the archive keeps only the words. */
function plainText(node: RootContent): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if (node.type === 'break') return '\n';
  if ('children' in node) return (node.children as RootContent[]).map(plainText).join('');
  return '';
}

/** Reads a Markdown body back into its paragraphs of plain text. */
export function markdownToParagraphs(markdown: string): string[] {
  const tree = processor.parse(markdown);
  return tree.children.map((node) => plainText(node).trim()).filter((text) => text.length > 0);
}
