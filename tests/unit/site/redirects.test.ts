import { describe, expect, it } from 'vitest';
import { storyRedirects } from '@/domain/redirects';

describe('storyRedirects', () => {
  it('gives one redirect page per former slug, old permalink to new, sorted', () => {
    const redirects = storyRedirects([
      { id: 'renamed-twice', data: { formerSlugs: ['first-name', 'b-second-name'] } },
      { id: 'never-renamed', data: {} },
      { id: 'renamed', data: { formerSlugs: ['a-old'] } },
    ]);
    expect(redirects).toEqual([
      { from: '/stories/a-old/', to: '/stories/renamed/', formerSlug: 'a-old', slug: 'renamed' },
      { from: '/stories/b-second-name/', to: '/stories/renamed-twice/', formerSlug: 'b-second-name', slug: 'renamed-twice' },
      { from: '/stories/first-name/', to: '/stories/renamed-twice/', formerSlug: 'first-name', slug: 'renamed-twice' },
    ]);
  });

  it('is empty when no story was renamed', () => {
    expect(
      storyRedirects([
        { id: 'a', data: {} },
        { id: 'b', data: { formerSlugs: [] } },
      ]),
    ).toEqual([]);
  });

  it('refuses an old permalink that is a live story, or the old permalink of two stories', () => {
    expect(() =>
      storyRedirects([
        { id: 'a', data: { formerSlugs: ['b'] } },
        { id: 'b', data: {} },
      ]),
    ).toThrow("story 'a' lists 'b' in formerSlugs, but that is the slug of another story");
    expect(() =>
      storyRedirects([
        { id: 'a', data: { formerSlugs: ['old'] } },
        { id: 'c', data: { formerSlugs: ['old'] } },
      ]),
    ).toThrow("stories 'a' and 'c' both list 'old'");
  });
});
