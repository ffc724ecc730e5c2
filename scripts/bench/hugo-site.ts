/**
 * The Hugo yardstick: lays out a minimal Hugo site (the template set beside
 * this file) over the same article copies the archive builds from, and finds
 * or installs Debian's hugo.
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

function hugoVersion(): string | null {
  try {
    return execFileSync('hugo', ['version'], { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

/** Hugo's version line, installing Debian's package first when hugo is missing. */
export function ensureHugo(log: (message: string) => void): string {
  const found = hugoVersion();
  if (found) return found;
  log('hugo not found: installing Debian’s package (apt-get install -y hugo)');
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', 'hugo'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  const installed = hugoVersion();
  if (!installed) throw new Error('hugo is still missing after apt-get install -y hugo');
  return installed;
}
