/**
 * What may be published: the output folder holds the site (pages, assets,
 * feeds, the search bundle) and nothing Astro uses internally. Astro stages
 * its server chunks inside the output folder when it sits outside the
 * project; a build that finds any such file refuses to publish.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';

/** Where a build writes before the result replaces `outDir`: beside it, so the swap is a rename. */
export function stagingFolder(outDir: string): string {
  return path.join(path.dirname(outDir), `.${path.basename(outDir)}.staging`);
}

/** Files of Astro's own machinery: server chunks, manifests, content internals. */
const internalFile = /(?:^|\/)(?:chunks|collections|\.prerender)\/|\.mjs$|(?:^|\/)manifest_[^/]*$|(?:^|\/)content-assets\.mjs$|(?:^|\/)content-modules\.mjs$/;

/** Every file below `root`, relative to it. */
async function filesBelow(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

/** Files in the built site that are Astro internals, not pages or assets: none may be published. */
export async function strayFiles(siteDir: string): Promise<string[]> {
  return (await filesBelow(siteDir)).filter((file) => internalFile.test(file) && !file.startsWith('pagefind/'));
}
