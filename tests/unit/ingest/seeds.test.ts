import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticleFile } from '@/domain/article-file';
import { articleSchema } from '@/domain/schema';
import { expectedFrontmatter, ingestInto, seedSources, sourcesDir } from './support.ts';

describe('the four seeds ingest to the hand-written expected frontmatter', () => {
  const folder = new Map<string, string>();
  const plan = ingestInto(folder, seedSources());

  it('refuses none of them', () => {
    expect(plan.refusals).toEqual([]);
    expect(plan.outcomes.map((outcome) => outcome.status)).toEqual(['written', 'written', 'written', 'written']);
  });

  it.each(seedSources().map((seed) => seed.file))('%s matches its fixture in full', (file) => {
    const outcome = plan.outcomes.find((candidate) => candidate.article.source.file === file)!;
    const written = articleSchema.parse(parseArticleFile(folder.get(outcome.copy)!).data);
    expect(written).toEqual(expectedFrontmatter(file));
    expect(outcome.copy).toBe(`${written.slug}.md`);
  });

  it.each(seedSources().map((seed) => seed.file))('%s keeps every paragraph, only the date prefix removed', (file) => {
    const outcome = plan.outcomes.find((candidate) => candidate.article.source.file === file)!;
    const raw = readFileSync(path.join(sourcesDir, file), 'utf8');
    const expected = raw
      .replace(/^\s*date \d{4}-\d{2}-\d{2}\s+/, '')
      .split(/\n\s*\n/)
      .map((paragraph) => paragraph.trim())
      .filter(Boolean);
    expect(parseArticleFile(folder.get(outcome.copy)!).paragraphs).toEqual(expected);
  });

  it('gives the same frontmatter when each seed is ingested alone', () => {
    for (const seed of seedSources()) {
      const alone = ingestInto(new Map(), [seed]);
      expect(alone.outcomes[0]!.article).toEqual(expectedFrontmatter(seed.file));
    }
  });

  it('keeps the dateline words in the body', () => {
    const washington = plan.outcomes.find((outcome) => outcome.article.dateline === 'WASHINGTON')!;
    expect(parseArticleFile(folder.get(washington.copy)!).paragraphs[0]).toMatch(/^WASHINGTON \(CBS\/WNCN\) — The FBI/);
  });
});
