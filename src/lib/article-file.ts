/**
 * Reading and writing one article copy: gray-matter frontmatter over a
 * Markdown body of plain paragraphs. Pure: no file system here.
 */
import matter from 'gray-matter';
import { markdownToParagraphs, paragraphsToMarkdown } from './markdown-body';
import type { Article } from './schema';

/** The frontmatter keys in the order ingest writes them, so files diff cleanly. */
const keyOrder: readonly (keyof Article)[] = [
  'title', 'slug', 'date', 'dateSource', 'dateEvidence', 'dateline', 'outlet', 'operations', 'figures', 'source',
];

export interface ParsedArticleFile {
  /** The frontmatter as YAML gave it: not yet validated. */
  data: Record<string, unknown>;
  /** The body's paragraphs as plain text. */
  paragraphs: string[];
}

/** Splits a copy into its unvalidated frontmatter and its paragraphs. Throws on malformed YAML. */
export function parseArticleFile(raw: string): ParsedArticleFile {
  // Passing options turns off gray-matter's unbounded cache keyed by file text.
  const { data, content } = matter(raw, { excerpt: false });
  return { data, paragraphs: markdownToParagraphs(content) };
}

/**
 * Only the unvalidated frontmatter of a copy, without reading the body: what
 * ingest needs to know about the copies already in its output folder.
 * Throws on malformed YAML.
 */
export function readFrontmatter(raw: string): Record<string, unknown> {
  return matter(raw, { excerpt: false }).data;
}

/** Writes a copy: ordered frontmatter, then the paragraphs escaped as Markdown. */
export function formatArticleFile(article: Article, paragraphs: readonly string[]): string {
  const ordered: Record<string, unknown> = {};
  for (const key of keyOrder) ordered[key] = article[key];
  return matter.stringify(paragraphsToMarkdown(paragraphs), ordered);
}
