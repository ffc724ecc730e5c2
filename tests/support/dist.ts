/** Where the built site is, and helpers to read it in build tests. */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
export const distDir = process.env['ARCHIVE_DIST'] ?? path.join(projectRoot, 'dist');

/** Fails with a clear message when the build has not run. */
export function assertBuilt(): void {
  if (!existsSync(path.join(distDir, 'index.html'))) {
    throw new Error(`${distDir}/index.html is missing: run 'npm run build' first ('npm test' does).`);
  }
}

/** The text of a file in dist/, by its path from the site root ('stories/x/index.html'). */
export function readDist(relative: string): string {
  return readFileSync(path.join(distDir, relative), 'utf8');
}

/** Every file under dir, as paths relative to it, sorted. */
export function listFiles(dir: string = distDir): string[] {
  const out: string[] = [];
  const walk = (current: string): void => {
    for (const name of readdirSync(current)) {
      const full = path.join(current, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(path.relative(dir, full));
    }
  };
  walk(dir);
  return out.sort();
}
