/**
 * Tells the build which page Astro starts rendering next, so the search
 * index can be built for finished shards while the rest still render
 * (src/integrations/pagefind.ts). Outside `astro build` it does nothing.
 */
import { defineMiddleware } from 'astro:middleware';
import { getBuildState } from './lib/build-state';

export const onRequest = defineMiddleware((context, next) => {
  getBuildState()?.pageStarted?.(context.url.pathname);
  return next();
});
