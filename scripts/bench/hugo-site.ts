/**
 * The Hugo yardstick: lays out a minimal Hugo site (the template set beside
 * this file) over the same article copies the archive builds from. Hugo is
 * never installed from here: `npm test` must not need apt, and the bench
 * says how to get Hugo instead.
 */
import { execFileSync } from 'node:child_process';
import { cp, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const templateDir = fileURLToPath(new URL('./hugo', import.meta.url));

/** Copies the template set to `siteDir` and the article copies to its content/stories/. */
export async function prepareHugoSite(siteDir: string, articlesDir: string): Promise<void> {
  await cp(templateDir, siteDir, { recursive: true });
  const stories = path.join(siteDir, 'content', 'stories');
  await mkdir(path.dirname(stories), { recursive: true });
  // gray-matter writes YAML frontmatter Hugo reads as is; a null date is simply no date.
  await cp(articlesDir, stories, { recursive: true });
}

/** Hugo's version line; throws with the way to install it when hugo is missing. */
export function hugoVersion(): string {
  try {
    return execFileSync('hugo', ['version'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('hugo not found: install it (Debian/Ubuntu: apt-get install -y hugo) or run with --skip hugo');
  }
}
