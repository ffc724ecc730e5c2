/** Serves the built dist/ once for all browser tests and hands its URL to them. */
import type { TestProject } from 'vitest/node';
import { assertBuilt, distDir } from './dist.ts';
import { serveStatic } from './static-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  assertBuilt();
  const server = await serveStatic(distDir);
  project.provide('baseUrl', server.url);
  return server.close;
}
