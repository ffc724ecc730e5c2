/**
 * What may be published: the output folder holds the site (pages, assets,
 * feeds, the search bundle) and nothing Astro uses internally. Astro stages
 * its server chunks inside the output folder when it sits outside the
 * project; a build that finds any such file refuses to publish.
 */
import { readFileSync } from 'node:fs';
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

/** The variable by which the build script tells the astro process (and its sitemap) where it writes. */
export const stagingVariable = 'ARCHIVE_STAGING_DIR';

/** The mark of a redirect page (RedirectPage.astro): an old story address that sends readers to the new one. */
export const redirectMark = '<meta name="archive-redirect"';

/**
 * For the sitemap's filter: false for a redirect page, which is no page of its own. The page is read from
 * the folder the build writes (pages are written before the sitemap); outside the build script every page counts.
 */
export function isSitemapPage(url: string, siteDir: string | undefined = process.env[stagingVariable]): boolean {
  if (siteDir === undefined) return true;
  const { pathname } = new URL(url);
  if (!pathname.startsWith('/stories/')) return true;
  try {
    return !readFileSync(path.join(siteDir, decodeURIComponent(pathname), 'index.html'), 'utf8').includes(redirectMark);
  } catch {
    return true;
  }
}

/** The story pages in a built site: every page under stories/ but the redirect pages. */
export async function storyPageCount(siteDir: string): Promise<number> {
  const folder = path.join(siteDir, 'stories');
  const names = await readdir(folder).catch(() => [] as string[]);
  return names.filter((name) => isSitemapPage(`http://site/stories/${encodeURIComponent(name)}/`, siteDir)).length;
}
