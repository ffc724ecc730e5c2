import { defineCollection } from 'astro:content';
import { file } from 'astro/loaders';
import { articleLoader } from '@/lib/article-loader';
import { articlesFolder } from '@/lib/content-folders';
import { operationSchema, storyPointerSchema } from '@/domain/schema';

const articlesDirectory = articlesFolder(process.env);

export const collections = {
  articles: defineCollection({ loader: articleLoader({ directory: articlesDirectory }), schema: storyPointerSchema }),
  operations: defineCollection({ loader: file('content/operations.json'), schema: operationSchema }),
};
