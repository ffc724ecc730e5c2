import { describe, expect, it } from 'vitest';
import { citeFigures } from '@/domain/citations';
import { storedArticleSchema } from '@/domain/schema';
import { storyOriginal } from '@/domain/story-original';
import { buildStoryView } from '@/domain/story-view';
import { firstPublishedHtml, headlineNoteHtml } from '@/html/story-original';
import { datedStory, story } from './story-factory.ts';

const site = new URL('https://archive.example');
const view = (record: ReturnType<typeof story>) => buildStoryView(record, [['First sentence.']], { citations: citeFigures, operationById: new Map(), site });
const original = {
  url: 'https://www.wncn.example/news/fbi-84-children/',
  outlet: 'WNCN CBS 17',
  headline: 'FBI: 84 children recovered',
  author: 'Sarah Krueger',
  published: '2017-10-19',
};

describe("the story page's original", () => {
  it('says where and when a story with a recorded original was first published, linked, with its author and headline', () => {
    const shown = view(datedStory('a', '2017-10-19', { original }));
    expect(firstPublishedHtml(shown.original).value).toBe(
      '<p class="story-original" data-pagefind-ignore>First published by <span class="original-outlet">WNCN CBS 17</span> on <time datetime="2017-10-19">October 19, 2017</time> at <a class="original-url" href="https://www.wncn.example/news/fbi-84-children/" rel="noopener noreferrer">https://www.wncn.example/news/fbi-84-children/</a>. Written by <span class="original-author">Sarah Krueger</span>.</p>',
    );
    expect(headlineNoteHtml(shown.original).value).toBe(
      '<p class="headline-note" data-pagefind-ignore>Headline written by the archive. Original headline: <q class="original-headline">FBI: 84 children recovered</q></p>',
    );
  });

  it("says 'original address not recorded' for a copy without one, with the outlet and stated day the text gives", () => {
    const seedLike = view(datedStory('b', '2017-10-19', { outlet: 'CBS/WNCN' }));
    expect(firstPublishedHtml(seedLike.original).value).toBe(
      '<p class="story-original" data-pagefind-ignore>First published by <span class="original-outlet">CBS/WNCN</span> on <time datetime="2017-10-19">October 19, 2017</time>; <span class="original-missing">original address not recorded</span>.</p>',
    );
    expect(headlineNoteHtml(seedLike.original).value).toContain('Headline written by the archive; the original headline is not recorded.');
    const nothing = view(story('c'));
    expect(firstPublishedHtml(nothing.original).value).toBe(
      '<p class="story-original" data-pagefind-ignore>First published: <span class="original-missing">original address not recorded</span>.</p>',
    );
  });

  it('never gives an inferred date as the day of first publication', () => {
    const inferred = story('d', { date: '2017-10-19', dateSource: 'inferred', dateEvidence: 'the same figures' });
    expect(storyOriginal(inferred).published).toBeNull();
  });

  it('escapes everything the original holds, and links no address but http(s)', () => {
    const hostile = datedStory('e', '2017-10-19', {
      original: {
        url: "https://example.com/a?x='onmouseover=alert(1)&y=2",
        outlet: '<img src=x onerror=alert(3)>',
        headline: '</q><script>alert("h")</script>',
        author: 'A & "B"',
        published: null,
      },
    });
    const shown = view(hostile);
    const markup = firstPublishedHtml(shown.original).value + headlineNoteHtml(shown.original).value;
    expect(markup).not.toMatch(/<script|<img/);
    expect(markup).toContain('&lt;img src=x onerror=alert(3)&gt;');
    expect(markup).toContain('href="https://example.com/a?x=&#39;onmouseover=alert(1)&amp;y=2"');
    expect(markup).toContain('A &amp; &quot;B&quot;');
    // The schema refuses any other scheme; the view checks again for a copy that reached it some other way.
    expect(storedArticleSchema.safeParse({ ...hostile.data, paragraphs: [['x']], original: { ...original, url: 'javascript:alert(1)' } }).success).toBe(false);
    const smuggled = { ...hostile, data: { ...hostile.data, original: { ...original, url: 'javascript:alert(1)' } } };
    expect(storyOriginal(smuggled).url).toBeNull();
    expect(firstPublishedHtml(storyOriginal(smuggled)).value).not.toContain('javascript:');
  });

  it('gives JSON-LD isBasedOn the original when its address is known, and none otherwise', () => {
    const withUrl = JSON.parse(view(datedStory('f', '2017-10-19', { original })).jsonLd) as Record<string, unknown>;
    expect(withUrl['isBasedOn']).toEqual({
      '@type': 'NewsArticle',
      url: 'https://www.wncn.example/news/fbi-84-children/',
      headline: 'FBI: 84 children recovered',
      author: { '@type': 'Person', name: 'Sarah Krueger' },
      publisher: { '@type': 'Organization', name: 'WNCN CBS 17' },
      datePublished: '2017-10-19',
    });
    const without = JSON.parse(view(datedStory('g', '2017-10-19', { outlet: 'CBS/WNCN' })).jsonLd) as Record<string, unknown>;
    expect(without).not.toHaveProperty('isBasedOn');
  });
});
