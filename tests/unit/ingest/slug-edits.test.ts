import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseArticleFile } from '@/domain/article-file';
import { checkCopy } from '@/domain/ingest/copy-check';
import { formatManifest, manifestName, parseManifest } from '@/domain/ingest/manifest';
import { sha256 } from '@/domain/sha256';
import { storyRedirects } from '@/domain/redirects';
import { articleSchema, type Article } from '@/domain/schema';
import { runIngest } from './processes.ts';
import { ingestInto, source, sourcesDir, type Folder } from './support.ts';

function articleIn(folder: Folder, name: string): Article {
  return articleSchema.parse(parseArticleFile(folder.get(name)!).data);
}

function editSlug(folder: Folder, name: string, slug: string, also: (text: string) => string = (text) => text): void {
  const raw = folder.get(name)!;
  const edited = also(raw.replace(/^slug: .*$/m, `slug: ${slug}`));
  expect(edited).not.toBe(raw);
  folder.set(name, edited);
}

const a = source('a.txt', ' date 2020-01-02 Agents arrested 12 traffickers in Operation Cross Country.');
const aChanged = source('a.txt', ' date 2020-01-02 Agents arrested 13 traffickers in Operation Cross Country.');
const name = 'operation-cross-country-12-traffickers-arrested.md';

describe('a slug changed by hand', () => {
  it('is kept on every later run, and the old slug is recorded in formerSlugs', () => {
    const folder: Folder = new Map();
    ingestInto(folder, [a]);
    expect(folder.has(name)).toBe(true);
    editSlug(folder, name, 'sweep-arrests');
    const first = ingestInto(folder, [a]);
    expect(first.outcomes[0]).toMatchObject({ copy: name, status: 'kept' });
    expect(first.notes.join('\n')).toContain("its slug was changed by hand from 'operation-cross-country-12-traffickers-arrested' to 'sweep-arrests'");
    expect(articleIn(folder, name)).toMatchObject({ slug: 'sweep-arrests', formerSlugs: ['operation-cross-country-12-traffickers-arrested'] });
    // The second run used to put the old slug back.
    for (let run = 0; run < 2; run += 1) {
      const again = ingestInto(folder, [a]);
      expect(again.outcomes[0]!.status).toBe('unchanged');
      expect(articleIn(folder, name)).toMatchObject({ slug: 'sweep-arrests', formerSlugs: ['operation-cross-country-12-traffickers-arrested'] });
    }
    // A changed source updates the copy, under the editor's slug and the same file name.
    const updated = ingestInto(folder, [aChanged]);
    expect(updated.outcomes[0]).toMatchObject({ copy: name, status: 'updated' });
    expect(articleIn(folder, name)).toMatchObject({
      slug: 'sweep-arrests',
      formerSlugs: ['operation-cross-country-12-traffickers-arrested'],
      title: 'Operation Cross Country: 13 traffickers arrested',
    });
  });

  it('is kept with the editor’s other edits, and every slug it had is listed', () => {
    const folder: Folder = new Map();
    ingestInto(folder, [a]);
    editSlug(folder, name, 'second-slug', (text) => text.replace(/^title: .*$/m, 'title: "An editor’s title"'));
    ingestInto(folder, [a]);
    editSlug(folder, name, 'third-slug');
    const plan = ingestInto(folder, [aChanged]);
    expect(plan.outcomes[0]).toMatchObject({ status: 'kept', sourceChanged: true });
    expect(articleIn(folder, name)).toMatchObject({
      title: 'An editor’s title',
      slug: 'third-slug',
      formerSlugs: ['operation-cross-country-12-traffickers-arrested', 'second-slug'],
    });
    expect(plan.refusals).toEqual([]);
  });

  it('is kept when an earlier ingest had already taken the edited copy as its own', () => {
    // What the old code left: a manifest entry, without a slug, whose digest is the slug-edited copy's.
    const folder: Folder = new Map();
    ingestInto(folder, [a]);
    editSlug(folder, name, 'sweep-arrests');
    const manifest = parseManifest(folder.get(manifestName)!);
    const { slug: _slug, ...entry } = manifest.get(name)!;
    manifest.set(name, { ...entry, written: sha256(new TextEncoder().encode(folder.get(name))) });
    folder.set(manifestName, formatManifest(manifest));
    const plan = ingestInto(folder, [a]);
    expect(plan.outcomes[0]!.status).toBe('updated');
    expect(articleIn(folder, name)).toMatchObject({ slug: 'sweep-arrests', formerSlugs: ['operation-cross-country-12-traffickers-arrested'] });
  });

  it('is refused, saying what to write, when ingest cannot add the old slug itself', () => {
    const folder: Folder = new Map();
    ingestInto(folder, [a]);
    // A list written by hand in flow style: ingest does not rewrite an editor's YAML.
    editSlug(folder, name, 'sweep-arrests', (text) => text.replace(/\n---\n/, '\nformerSlugs: [older-one]\n---\n'));
    const edited = folder.get(name);
    const plan = ingestInto(folder, [a]);
    expect(plan.refusals).toEqual([
      {
        path: name,
        reason:
          "its slug was changed by hand from 'operation-cross-country-12-traffickers-arrested' to 'sweep-arrests': set formerSlugs: [older-one, operation-cross-country-12-traffickers-arrested] in it, so every old URL keeps working",
      },
    ]);
    expect(folder.get(name)).toBe(edited);
  });

  it('leaves its old slug to no new article', () => {
    const folder: Folder = new Map();
    ingestInto(folder, [a]);
    editSlug(folder, name, 'sweep-arrests');
    ingestInto(folder, [a]);
    const plan = ingestInto(folder, [a, source('b.txt', ' date 2020-01-03 In all, agents arrested 12 traffickers in Operation Cross Country.')]);
    expect(plan.outcomes[1]!.copy).toBe('operation-cross-country-12-traffickers-arrested-2.md');
  });

  it('that collides with another copy’s slug or former slug is refused, naming both copies', () => {
    const folder: Folder = new Map();
    const b = source('b.txt', ' date 2020-01-03 Agents rescued 40 children in Operation Cross Country.');
    ingestInto(folder, [a, b]);
    const other = 'operation-cross-country-40-children-rescued.md';
    editSlug(folder, other, 'operation-cross-country-12-traffickers-arrested');
    const same = ingestInto(folder, [a, b]);
    expect(same.refusals).toEqual([
      {
        path: other,
        reason: `has the slug 'operation-cross-country-12-traffickers-arrested', but ${name} has it as its slug: two copies cannot both claim /stories/operation-cross-country-12-traffickers-arrested/`,
      },
    ]);
    // A former slug is a published URL too.
    editSlug(folder, other, 'operation-cross-country-40-children-rescued');
    editSlug(folder, name, 'renamed');
    ingestInto(folder, [a, b]);
    editSlug(folder, other, 'operation-cross-country-12-traffickers-arrested');
    const former = ingestInto(folder, [a, b]);
    expect(former.refusals.map((refusal) => [refusal.path, refusal.reason])).toEqual([
      [
        other,
        expect.stringContaining(`but ${name} lists it in formerSlugs: two copies cannot both claim /stories/operation-cross-country-12-traffickers-arrested/`),
      ],
    ]);
  });
});

describe('npm run ingest, with a slug changed by hand', () => {
  const temporary = mkdtempSync(path.join(tmpdir(), 'ingest-slugs-'));
  afterAll(() => rmSync(temporary, { recursive: true, force: true }));

  it('keeps the new slug run after run, and the old URL redirects to it', async () => {
    const out = path.join(temporary, 'out');
    expect((await runIngest({}, '--out', out, sourcesDir)).code).toBe(0);
    const copy = 'operation-independence-day-67-traffickers-arrested.md';
    const file = path.join(out, copy);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^slug: .*$/m, 'slug: independence-day-2019'));
    for (let run = 0; run < 3; run += 1) {
      const result = await runIngest({}, '--out', out, sourcesDir);
      expect(result.code).toBe(0);
      const check = checkCopy(readFileSync(file, 'utf8'));
      expect(check).toMatchObject({
        ok: true,
        article: { slug: 'independence-day-2019', formerSlugs: ['operation-independence-day-67-traffickers-arrested'] },
      });
    }
    const stories = readdirSync(out)
      .filter((name) => name.endsWith('.md'))
      .map((name) => articleSchema.parse(parseArticleFile(readFileSync(path.join(out, name), 'utf8')).data))
      .map((article) => ({ id: article.slug, data: article }));
    expect(storyRedirects(stories)).toEqual([
      {
        from: '/stories/operation-independence-day-67-traffickers-arrested/',
        to: '/stories/independence-day-2019/',
        formerSlug: 'operation-independence-day-67-traffickers-arrested',
        slug: 'independence-day-2019',
      },
    ]);
  }, 30_000);

  it('refuses a slug another copy has, naming both files, and exits 1', async () => {
    const out = path.join(temporary, 'collide');
    expect((await runIngest({}, '--out', out, sourcesDir)).code).toBe(0);
    const file = path.join(out, 'operation-independence-day-67-traffickers-arrested.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^slug: .*$/m, 'slug: operation-cross-country-xi-84-children-recovered'));
    const result = await runIngest({}, '--out', out, sourcesDir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^refused +\S*\/operation-independence-day-67-traffickers-arrested\.md: has the slug 'operation-cross-country-xi-84-children-recovered', but \S*\/operation-cross-country-xi-84-children-recovered\.md has it as its slug/m,
    );
  }, 30_000);
});
