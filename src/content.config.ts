import { defineCollection } from 'astro:content';
import { file } from 'astro/loaders';
import { articleLoader } from '@/lib/article-loader';
import { operationSchema, storyPointerSchema } from '@/lib/schema';

/** ARCHIVE_ARTICLES lets the benchmark build a generated archive with the same site. */
const articlesDirectory = process.env['ARCHIVE_ARTICLES'] ?? 'content/articles';

export const collections = {
  articles: defineCollection({ loader: articleLoader({ directory: articlesDirectory }), schema: storyPointerSchema }),
  operations: defineCollection({ loader: file('content/operations.json'), schema: operationSchema }),
};
