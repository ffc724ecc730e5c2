import { defineCollection } from 'astro:content';
import { file } from 'astro/loaders';
import { articleLoader } from '@/data/article-loader';
import { operationSchema, storedArticleSchema } from '@/domain/schema';
import { settings } from '@/settings';

export const collections = {
  /** One story per copy in content/articles/ (or ARCHIVE_ARTICLES): frontmatter and the body's sentences. */
  articles: defineCollection({ loader: articleLoader({ directory: settings().articles }), schema: storedArticleSchema }),
  /** The curated catalogue of operations and initiatives. */
  operations: defineCollection({ loader: file('content/operations.json'), schema: operationSchema }),
};
