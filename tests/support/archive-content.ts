/** The article copies in content/articles, read and validated, for build tests that compare the site with its sources. */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseArticleFile } from '@/domain/article-file';
import { articleSchema, type Article } from '@/domain/schema';
import { projectRoot } from './dist.ts';

/** Every copy's validated frontmatter, keyed by slug. */
export function readArticles(directory = path.join(projectRoot, 'content', 'articles')): Map<string, Article> {
  const articles = new Map<string, Article>();
  for (const name of readdirSync(directory)
    .filter((file) => file.endsWith('.md'))
    .sort()) {
    const article = articleSchema.parse(parseArticleFile(readFileSync(path.join(directory, name), 'utf8')).data);
    articles.set(article.slug, article);
  }
  return articles;
}

const entities: Record<string, string> = { '&amp;': '&', '&quot;': '"', '&#39;': "'", '&#x27;': "'", '&lt;': '<', '&gt;': '>' };

/** The text of an HTML fragment: tags dropped, the entities Astro writes decoded. */
export function htmlText(fragment: string): string {
  return fragment.replace(/<[^>]*>/g, '').replace(/&(?:amp|quot|#39|#x27|lt|gt);/g, (entity) => entities[entity] ?? entity);
}
