import { describe, expect, it } from 'vitest';
import { newsArticle, serializeJsonLd } from '@/domain/json-ld';
import { datedStory, story } from './story-factory.ts';

const base = {
  url: 'https://x.example/stories/a/',
  description: 'd',
  operations: [{ name: 'Operation Cross Country', url: 'https://x.example/operations/operation-cross-country/' }],
};

describe('NewsArticle JSON-LD', () => {
  it('states datePublished, dateline and publisher only when the article does', () => {
    const full = newsArticle({ ...base, story: datedStory('a', '2017-10-19', { dateline: 'WASHINGTON', outlet: 'CBS/WNCN' }) });
    expect(full).toMatchObject({
      '@type': 'NewsArticle',
      headline: 'Story a',
      datePublished: '2017-10-19',
      dateline: 'WASHINGTON',
      publisher: { '@type': 'Organization', name: 'CBS/WNCN' },
      about: [{ '@type': 'Thing', name: 'Operation Cross Country' }],
    });
    const bare = newsArticle({ ...base, operations: [], story: story('b') });
    expect(bare).not.toHaveProperty('datePublished');
    expect(bare).not.toHaveProperty('dateline');
    expect(bare).not.toHaveProperty('publisher');
    expect(bare).not.toHaveProperty('about');
  });

  it('never publishes an inferred date as datePublished', () => {
    const inferred = story('c', { date: '2023-08-01', dateSource: 'inferred', dateEvidence: 'Aug. 1 release' });
    expect(newsArticle({ ...base, story: inferred })).not.toHaveProperty('datePublished');
  });

  it('serialises so that text cannot close the script element, and parses back unchanged', () => {
    const value = { headline: '</script><script>alert(1)</script> & <!-- \u2028' };
    const json = serializeJsonLd(value);
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual(value);
  });
});
