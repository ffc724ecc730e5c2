/** Builds the site from another folder of article copies into a temporary folder, as the benchmark does. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { projectRoot } from './dist';

export interface FixtureBuild {
  status: number | null;
  output: string;
  outDir: string;
  /** Deletes the temporary folder. */
  cleanup: () => void;
}

/**
 * Runs `npm run build`'s script (astro build with the heap limit it sets)
 * over `articlesDir` with its own content cache and output folder. Pass the
 * `work` folder of an earlier build to build into it again.
 */
export function buildFixtureArchive(articlesDir: string, options: { work?: string; env?: Record<string, string> } = {}): FixtureBuild & { work: string } {
  const work = options.work ?? mkdtempSync(path.join(tmpdir(), 'archive-fixture-'));
  const outDir = path.join(work, 'dist');
  // With outDir outside the working directory Astro stages server chunks in <cwd>/.astro/; a folder of
  // this build's own (in the git-ignored tmp/, so chunks still resolve node_modules) keeps builds that
  // tests run side by side from deleting each other's chunks.
  mkdirSync(path.join(projectRoot, 'tmp'), { recursive: true });
  const staging = mkdtempSync(path.join(projectRoot, 'tmp', 'fixture-'));
  try {
    const result = spawnSync(process.execPath, [path.join(projectRoot, 'scripts', 'launch.mjs'), path.join(projectRoot, 'scripts', 'build.ts'), '--root', projectRoot, '--outDir', outDir], {
      cwd: staging,
      env: { ...process.env, ...options.env, ARCHIVE_ARTICLES: path.resolve(projectRoot, articlesDir), ARCHIVE_CACHE_DIR: path.join(work, 'cache') },
      encoding: 'utf8',
      timeout: 110_000,
    });
    return {
      work,
      status: result.status,
      output: `${result.stdout}\n${result.stderr}`,
      outDir,
      cleanup: () => rmSync(work, { recursive: true, force: true }),
    };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** A temporary copy of the real content/articles, to break one file of it in a test. */
export function copyOfArticles(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'archive-articles-'));
  cpSync(path.join(projectRoot, 'content', 'articles'), dir, { recursive: true });
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
