import { describe, expect, it } from 'vitest';
import { formatArticleFile, parseArticleFile } from '@/domain/article-file';
import { setFormerSlugs, formerSlugsFor } from '@/domain/ingest/former-slugs';
import { articleSchema, type Article } from '@/domain/schema';
import { expectedFrontmatter } from './support.ts';

const seed: Article = expectedFrontmatter('000_8f2de62f41e94ce4.txt');

describe('formerSlugsFor', () => {
  it('adds the slug ingest last knew when it is no longer the slug, once, after those listed', () => {
    expect(formerSlugsFor([], 'old', 'new')).toEqual(['old']);
    expect(formerSlugsFor(['first'], 'second', 'third')).toEqual(['first', 'second']);
    expect(formerSlugsFor(['old'], 'old', 'new')).toEqual(['old']);
    expect(formerSlugsFor([], 'same', 'same')).toEqual([]);
    // Changed back: the slug in use is not a former one.
    expect(formerSlugsFor(['a'], 'b', 'a')).toEqual(['b']);
  });
});

describe('setFormerSlugs', () => {
  it('gives exactly the bytes ingest writes for the same frontmatter', () => {
    const edited = formatArticleFile({ ...seed, slug: 'new-slug' }, ['Body.']);
    expect(setFormerSlugs(edited, ['old-slug', 'older'])).toBe(formatArticleFile({ ...seed, slug: 'new-slug', formerSlugs: ['old-slug', 'older'] }, ['Body.']));
  });

  it('changes nothing else of an edited copy, its body and other edits included', () => {
    const edited = formatArticleFile({ ...seed, slug: 'new-slug', title: 'An editor’s title' }, ['Body with --- dashes.', '---']).replace(
      'title:',
      '# a comment\ntitle:',
    );
    const patched = setFormerSlugs(edited, ['old-slug'])!;
    const before = parseArticleFile(edited);
    const after = parseArticleFile(patched);
    expect(after.paragraphs).toEqual(before.paragraphs);
    expect(after.data).toEqual({ ...before.data, formerSlugs: ['old-slug'] });
    expect(articleSchema.parse(after.data).formerSlugs).toEqual(['old-slug']);
    expect(patched.replace('formerSlugs:\n  - old-slug\n', '')).toBe(edited);
  });

  it('keeps CRLF line ends', () => {
    const crlf = formatArticleFile({ ...seed, slug: 'new-slug' }, ['Body.']).replace(/\n/g, '\r\n');
    const patched = setFormerSlugs(crlf, ['old'])!;
    expect(patched).toContain('\r\nformerSlugs:\r\n  - old\r\n---\r\n');
    expect(parseArticleFile(patched).data['formerSlugs']).toEqual(['old']);
  });

  it('replaces a list in the form ingest writes it', () => {
    const listed = formatArticleFile({ ...seed, slug: 'third', formerSlugs: ['first'] }, ['Body.']);
    expect(setFormerSlugs(listed, ['first', 'second'])).toBe(formatArticleFile({ ...seed, slug: 'third', formerSlugs: ['first', 'second'] }, ['Body.']));
  });

  it('declines a list written otherwise, or frontmatter that is not a block mapping', () => {
    const flow = formatArticleFile(seed, ['Body.']).replace('\n---\n', '\nformerSlugs: [first]\n---\n');
    expect(parseArticleFile(flow).data['formerSlugs']).toEqual(['first']);
    expect(setFormerSlugs(flow, ['first', 'second'])).toBeNull();
    expect(setFormerSlugs('---\n{title: a, slug: b}\n---\nBody.\n', ['old'])).toBeNull();
    expect(setFormerSlugs('no frontmatter\n', ['old'])).toBeNull();
  });
});
