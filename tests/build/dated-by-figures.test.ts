/**
 * The two undated seeds state no year, so the archive shows their edition as
 * 'year not stated' rather than a year from memory. This checks the other
 * half of that promise: once a dated article reporting the same figures is
 * ingested, ingest infers their date from it (saying so), and the operation
 * page places the edition in that year. The dated article is a test fixture
 * written here, not content.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseArticleFile } from '@/domain/article-file';
import { articleSchema, type Article } from '@/domain/schema';
import { projectRoot } from '../support/dist.ts';
import { buildFixtureArchive, type FixtureBuild } from '../support/fixture-build.ts';

const fixtureDate = '2031-08-02';
const datedSource = [
  ` date ${fixtureDate} WASHINGTON — More than 200 victims of sex trafficking were rescued last month during a nationwide FBI-led enforcement campaign, Operation Cross Country.`,
  'The campaign included the identification and arrest of more than five dozen suspected human traffickers and 126 individuals accused of child sexual exploitation and trafficking offenses.',
  'They also located 59 minor victims of child sex trafficking and sexual exploitation, and another 59 children who had been reported missing.',
].join('\n\n');

const work = mkdtempSync(path.join(tmpdir(), 'archive-dated-'));
const sources = path.join(work, 'sources');
const articles = path.join(work, 'articles');
let build: FixtureBuild;
let copies: Article[];

beforeAll(() => {
  cpSync(path.join(projectRoot, 'content', 'sources'), sources, { recursive: true });
  writeFileSync(path.join(sources, 'zz-test-fixture-dated-report.txt'), datedSource);
  const ingest = spawnSync(process.execPath, ['scripts/ingest.ts', '--out', articles, sources], { cwd: projectRoot, encoding: 'utf8' });
  if (ingest.status !== 0) throw new Error(`ingest failed:\n${ingest.stdout}\n${ingest.stderr}`);
  copies = readdirSync(articles)
    .filter((name) => name.endsWith('.md'))
    .map((name) => articleSchema.parse(parseArticleFile(readFileSync(path.join(articles, name), 'utf8')).data));
  build = buildFixtureArchive(articles);
  if (build.status !== 0) throw new Error(`build failed:\n${build.output}`);
}, 150_000);

afterAll(() => {
  build?.cleanup();
  rmSync(work, { recursive: true, force: true });
});

describe('an undated story is dated by a dated report of the same figures', () => {
  it('infers the date of both undated seeds from the dated report, with the evidence', () => {
    const undated = copies.filter((copy) => copy.source.file.startsWith('002_') || copy.source.file.startsWith('003_'));
    expect(undated).toHaveLength(2);
    for (const copy of undated) {
      expect(copy.dateSource).toBe('inferred');
      expect(copy.date).toBe(fixtureDate);
      expect(copy.dateEvidence).toContain('zz-test-fixture-dated-report.txt');
    }
  });

  it('places the edition in that year on the operation page, with its stories', () => {
    const page = readFileSync(path.join(build.outDir, 'operations', 'operation-cross-country', 'index.html'), 'utf8');
    const entries = page.split('<li class="timeline-entry').slice(1);
    const edition = entries.find((entry) => entry.includes('id="edition-13"')) ?? '';
    expect(edition).toMatch(/<h3>2031 \(year inferred\) — Edition 13/);
    const editionStory = copies.find((copy) => copy.operations.some((mention) => mention.editionNumber === 13))!;
    expect(edition).toContain(`href="/stories/${editionStory.slug}/"`);
    // Every story of that year, inferred or stated, sits under a 2031 heading.
    const year = entries.filter((entry) => /<h3>2031\b/.test(entry)).join('');
    for (const copy of copies.filter((item) => item.date === fixtureDate)) expect(year).toContain(`href="/stories/${copy.slug}/"`);
    expect(page).not.toContain('year not stated');
  });
});
