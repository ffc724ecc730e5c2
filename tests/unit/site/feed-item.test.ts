import { describe, expect, it } from 'vitest';
import { escapeXml, feedDescription, feedItemExtras } from '@/domain/feed-item';
import { datedStory, story } from './story-factory.ts';

describe('feed items', () => {
  const paragraphs = [['The FBI announced a sweep.']];

  it('says in the description when a date is not stated or only inferred', () => {
    expect(feedDescription(datedStory('a', '2017-10-19', { paragraphs }))).toBe('The FBI announced a sweep.');
    expect(feedDescription(story('b', { paragraphs }))).toBe('Date not stated. The FBI announced a sweep.');
    expect(feedDescription(story('c', { paragraphs, date: '2019-08-01', dateSource: 'inferred', dateEvidence: 'x' }))).toBe(
      'Date inferred, not stated by the source. The FBI announced a sweep.',
    );
  });

  it('adds the readable date and a followable link, escaped', () => {
    expect(feedItemExtras(datedStory('a', '2017-10-19'), 'https://a.test/stories/a/?x=1&y="2"')).toBe(
      '<h:p class="item-date">October 19, 2017</h:p><h:p class="item-link"><h:a href="https://a.test/stories/a/?x=1&amp;y=&quot;2&quot;">Read the story</h:a></h:p>',
    );
    expect(feedItemExtras(story('b'), 'https://a.test/stories/b/')).toContain('<h:p class="item-date">Date not stated</h:p>');
    expect(escapeXml(`<a href='x'>&</a>`)).toBe('&lt;a href=&apos;x&apos;&gt;&amp;&lt;/a&gt;');
  });
});
