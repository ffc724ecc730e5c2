/**
 * What a build publishes: only the site, only once it is complete, with
 * permalinks that are the public address or plainly a path, never a
 * placeholder origin.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stagingFolder } from '@/build/site-output';
import { projectRoot } from '../support/dist.ts';
import { buildFixtureArchive, copyOfArticles, filesOf } from '../support/fixture-build.ts';

const articles = copyOfArticles();
const slug = readdirSync(articles.dir)
  .filter((name) => name.endsWith('.md'))
  .sort()[0]!
  .replace(/\.md$/, '');
const permalinkSection = (html: string): string => /<section class="permalink[^"]*"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
afterAll(() => articles.cleanup());

describe('SITE_URL', () => {
  it('unset: the build says so in one line, and a story shows its permalink as a path', () => {
    const build = buildFixtureArchive(articles.dir, { env: { SITE_URL: '' } });
    try {
      expect(build.status, build.output).toBe(0);
      const warnings = build.output.split('\n').filter((line) => line.includes('SITE_URL is not set'));
      expect(warnings).toHaveLength(1);
      const section = permalinkSection(readFileSync(path.join(build.outDir, 'stories', slug, 'index.html'), 'utf8'));
      expect(section).toContain(`>/stories/${slug}/</a>`);
      expect(section).not.toMatch(/https?:|\.example/);
    } finally {
      build.cleanup();
    }
  }, 120_000);

  it('set: every permalink, canonical URL and feed link is absolute on that origin', () => {
    const build = buildFixtureArchive(articles.dir, { env: { SITE_URL: 'https://archive.example.org' } });
    try {
      expect(build.status, build.output).toBe(0);
      expect(build.output).not.toContain('SITE_URL is not set');
      const page = readFileSync(path.join(build.outDir, 'stories', slug, 'index.html'), 'utf8');
      expect(permalinkSection(page)).toContain(`>https://archive.example.org/stories/${slug}/</a>`);
      expect(page).toContain(`<link rel="canonical" href="https://archive.example.org/stories/${slug}/">`);
      expect(readFileSync(path.join(build.outDir, 'rss.xml'), 'utf8')).toContain(`<link>https://archive.example.org/stories/${slug}/</link>`);
      expect(readFileSync(path.join(build.outDir, 'sitemap-0.xml'), 'utf8')).toContain(`https://archive.example.org/stories/${slug}/`);
    } finally {
      build.cleanup();
    }
  }, 120_000);
});

describe('the output folder', () => {
  it("outside the project, holds the site and none of Astro's internals", () => {
    const build = buildFixtureArchive(articles.dir);
    try {
      expect(build.status, build.output).toBe(0);
      const files = filesOf(build.outDir);
      expect(files.filter((file) => /\.mjs$|(^|\/)manifest_|(^|\/)chunks\/|collections\/.*\.schema\.json$|content-assets/.test(file))).toEqual([]);
      expect(files).toContain(path.join('stories', slug, 'index.html'));
      expect(files).toContain(path.join('pagefind', 'pagefind.js'));
      expect(existsSync(stagingFolder(build.outDir))).toBe(false);
    } finally {
      build.cleanup();
    }
  }, 120_000);

  it('is left as it was by a build that fails, and by one killed while it renders', async () => {
    const first = buildFixtureArchive(articles.dir);
    try {
      expect(first.status, first.output).toBe(0);
      const before = filesOf(first.outDir);
      const index = readFileSync(path.join(first.outDir, 'index.html'), 'utf8');

      // A copy the build refuses: the build fails and dist/ keeps the last complete site.
      const broken = mkdtempSync(path.join(tmpdir(), 'archive-broken-'));
      try {
        for (const name of readdirSync(articles.dir)) writeFileSync(path.join(broken, name), readFileSync(path.join(articles.dir, name)));
        writeFileSync(path.join(broken, `${slug}.md`), readFileSync(path.join(broken, `${slug}.md`), 'utf8').replace(/^date: .*$/m, 'date: "2019-02-30"'));
        const failed = buildFixtureArchive(broken, { work: first.work });
        expect(failed.status).not.toBe(0);
        expect(failed.output).toMatch(/is left as it was/);
      } finally {
        rmSync(broken, { recursive: true, force: true });
      }
      expect(filesOf(first.outDir)).toEqual(before);

      // Killed (SIGKILL) once Astro has begun writing pages into the staging folder.
      const staging = stagingFolder(first.outDir);
      const child = spawn(process.execPath, [path.join(projectRoot, 'src', 'build', 'build.ts'), '--root', projectRoot, '--outDir', first.outDir], {
        cwd: projectRoot,
        env: { ...process.env, ARCHIVE_ARTICLES: articles.dir, ARCHIVE_CACHE_DIR: path.join(first.work, 'cache') },
        stdio: 'ignore',
        detached: true,
      });
      const exited = new Promise((resolve) => child.on('exit', resolve));
      const deadline = Date.now() + 90_000;
      while (!existsSync(path.join(staging, 'index.html')) && !existsSync(path.join(staging, '404.html')) && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 50));
      expect(existsSync(staging)).toBe(true);
      process.kill(-child.pid!, 'SIGKILL');
      await exited;
      expect(filesOf(first.outDir)).toEqual(before);
      expect(readFileSync(path.join(first.outDir, 'index.html'), 'utf8')).toBe(index);

      // The next build clears what the killed one left and publishes a complete site.
      const again = buildFixtureArchive(articles.dir, { work: first.work });
      expect(again.status, again.output).toBe(0);
      expect(existsSync(staging)).toBe(false);
      expect(filesOf(first.outDir).filter((file) => file.startsWith('stories/'))).toEqual(before.filter((file) => file.startsWith('stories/')));
    } finally {
      first.cleanup();
    }
  }, 240_000);
});

describe('published addresses never die', () => {
  it("an editor's slug change keeps the old address as a redirect page, out of the sitemap and the search index", () => {
    const edited = copyOfArticles();
    try {
      const file = path.join(edited.dir, `${slug}.md`);
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^slug: .*$/m, `slug: ${slug}-renamed\nformerSlugs:\n  - ${slug}`));
      const build = buildFixtureArchive(edited.dir, { env: { SITE_URL: 'https://archive.example.org' } });
      try {
        expect(build.status, build.output).toBe(0);
        const old = readFileSync(path.join(build.outDir, 'stories', slug, 'index.html'), 'utf8');
        expect(old).toContain(`<meta http-equiv="refresh" content="0; url=/stories/${slug}-renamed/">`);
        expect(old).toContain(`<link rel="canonical" href="https://archive.example.org/stories/${slug}-renamed/">`);
        expect(old).toContain('<meta name="robots" content="noindex">');
        expect(old).not.toContain('data-pagefind-body');
        expect(readFileSync(path.join(build.outDir, 'stories', `${slug}-renamed`, 'index.html'), 'utf8')).toContain('data-pagefind-body');
        const sitemap = readFileSync(path.join(build.outDir, 'sitemap-0.xml'), 'utf8');
        expect(sitemap).toContain(`/stories/${slug}-renamed/`);
        expect(sitemap).not.toContain(`/stories/${slug}/<`);
        expect(readFileSync(path.join(build.outDir, 'rss.xml'), 'utf8')).not.toContain(`/stories/${slug}/<`);
      } finally {
        build.cleanup();
      }
    } finally {
      edited.cleanup();
    }
  }, 120_000);
});

describe('one build at a time', () => {
  it('a second build into the same folder says which build is running and exits 2, and the first completes', async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'archive-two-builds-'));
    try {
      const env = { ...process.env, ARCHIVE_ARTICLES: articles.dir, ARCHIVE_CACHE_DIR: path.join(work, 'cache') };
      const outDir = path.join(work, 'dist');
      const first = spawn(process.execPath, [path.join(projectRoot, 'src', 'build', 'build.ts'), '--root', projectRoot, '--outDir', outDir], {
        cwd: projectRoot,
        env,
        stdio: 'ignore',
      });
      const firstExit = new Promise<number | null>((resolve) => first.on('exit', resolve));
      const deadline = Date.now() + 60_000;
      while (!existsSync(stagingFolder(outDir)) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(existsSync(stagingFolder(outDir))).toBe(true);
      const second = spawnSync(process.execPath, [path.join(projectRoot, 'src', 'build', 'build.ts'), '--root', projectRoot, '--outDir', outDir], {
        cwd: projectRoot,
        env,
        encoding: 'utf8',
      });
      expect(second.status).toBe(2);
      expect(second.stderr).toContain(`another build is running, pid ${first.pid}`);
      expect(await firstExit).toBe(0);
      expect(existsSync(path.join(outDir, 'index.html'))).toBe(true);
      expect(existsSync(`${stagingFolder(outDir)}.lock`)).toBe(false);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }, 180_000);
});
