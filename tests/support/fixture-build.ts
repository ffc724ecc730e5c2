/** Builds the site from another folder of article copies into a temporary folder, as the benchmark does. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArticleFile } from '@/domain/article-file';
import { articleSchema, type Article } from '@/domain/schema';
import { writeSources } from '../../scripts/bench/generate-sources.ts';
import { projectRoot } from './dist.ts';

export interface FixtureBuild {
  status: number | null;
  output: string;
  outDir: string;
  /** Deletes the temporary folder. */
  cleanup: () => void;
}

/**
 * Runs `npm run build`'s script (astro build into a staging folder, the search index, the swap)
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
    const result = spawnSync(process.execPath, [path.join(projectRoot, 'src', 'build', 'build.ts'), '--root', projectRoot, '--outDir', outDir], {
      cwd: staging,
      env: {
        ...process.env,
        NO_COLOR: '1',
        FORCE_COLOR: '0',
        ...options.env,
        ARCHIVE_ARTICLES: path.resolve(projectRoot, articlesDir),
        ARCHIVE_CACHE_DIR: path.join(work, 'cache'),
      },
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

/**
 * Generates `count` sources (the benchmark's generator, seeded) into `<work>/sources` and ingests
 * them with the CLI into `<work>/articles`; returns the articles folder, ready for buildFixtureArchive.
 */
export async function generateArchive(work: string, options: { count: number; seed: number }): Promise<string> {
  const sources = path.join(work, 'sources');
  const articles = path.join(work, 'articles');
  await writeSources(sources, options);
  const ingest = spawnSync(process.execPath, ['scripts/ingest.ts', '--out', articles, sources], { cwd: projectRoot, encoding: 'utf8' });
  if (ingest.status !== 0) throw new Error(`ingest failed:\n${ingest.stdout}\n${ingest.stderr}`);
  return articles;
}

/** The articles of a folder of copies, validated by the schema, in file name order. */
export function readArticles(dir: string): Article[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => articleSchema.parse(parseArticleFile(readFileSync(path.join(dir, name), 'utf8')).data));
}

/** Every file under `root`, as paths relative to it: to compare two builds' folders. */
export function filesOf(root: string, prefix = ''): string[] {
  return readdirSync(path.join(root, prefix)).flatMap((name) => {
    const relative = path.join(prefix, name);
    return statSync(path.join(root, relative)).isDirectory() ? filesOf(root, relative) : [relative];
  });
}
