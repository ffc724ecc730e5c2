/**
 * A bad article copy fails the build with the copy's name and what is wrong
 * with it, before any page is written.
 */
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFixtureArchive, copyOfArticles } from '../support/fixture-build.ts';

/** Breaks the first copy with `edit`, builds, and returns the failed build's output and the copy's name. */
function buildWithBrokenCopy(edit: (text: string) => string): { status: number | null; output: string; name: string; pages: boolean } {
  const articles = copyOfArticles();
  try {
    const name = readdirSync(articles.dir)
      .filter((file) => file.endsWith('.md'))
      .sort()[0]!;
    const file = path.join(articles.dir, name);
    writeFileSync(file, edit(readFileSync(file, 'utf8')));
    const build = buildFixtureArchive(articles.dir);
    let pages = true;
    try {
      readdirSync(path.join(build.outDir, 'stories'));
    } catch {
      pages = false;
    }
    build.cleanup();
    return { status: build.status, output: build.output, name, pages };
  } finally {
    articles.cleanup();
  }
}

describe('a bad article copy fails the build and names the file', () => {
  it('a figure value that is not a number', () => {
    const result = buildWithBrokenCopy((text) => text.replace(/^(\s*- value:) \d+$/m, '$1 "many"'));
    expect(result.status).not.toBe(0);
    expect(result.output).toContain(result.name);
    expect(result.output).toMatch(/figures\.0\.value: Expected type `"number"`/);
    expect(result.pages).toBe(false);
  }, 120_000);

  it('a figure whose sentence is not in the body, so it could not cite it', () => {
    const result = buildWithBrokenCopy((text) => text.replace(/^(\s*sentence:) .*$/m, '$1 "A sentence nobody wrote."'));
    expect(result.status).not.toBe(0);
    expect(result.output).toContain(result.name);
    expect(result.output).toContain('figures.0.sentence is not a sentence of the body');
    expect(result.pages).toBe(false);
  }, 120_000);

  it('a date that is not a calendar day', () => {
    const result = buildWithBrokenCopy((text) => text.replace(/^date: .*$/m, 'date: "2019-13-45"\ndateSourceX: 1').replace('dateSourceX: 1\n', ''));
    expect(result.status).not.toBe(0);
    expect(result.output).toContain(result.name);
    expect(result.output).toMatch(/date: must be a real date written YYYY-MM-DD/);
  }, 120_000);

  it('frontmatter in another language than YAML, which gray-matter would evaluate', () => {
    const marker = 'frontmatterEvaluatedByTheBuild';
    const result = buildWithBrokenCopy((text) => text.replace(/^---\n/, `---js\n{ title: (console.log('${marker}'), 'x') }\n---\n`));
    expect(result.status).not.toBe(0);
    expect(result.output).toContain(result.name);
    expect(result.output).toContain('only YAML frontmatter');
    expect(result.output).not.toContain(`\n${marker}`);
    expect(result.pages).toBe(false);
  }, 120_000);
});
