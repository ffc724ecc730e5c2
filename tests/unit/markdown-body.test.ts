import { describe, expect, it } from 'vitest';
import { markdownToParagraphs, paragraphsToMarkdown } from '@/domain/markdown-body';

describe('article bodies survive the Markdown round trip', () => {
  const tricky = [
    '---',
    '# Not a heading',
    '<script>alert(1)</script>',
    'a *b* _c_ `d` [e](f) <img src=x onerror=alert(1)>',
    '1. not a list',
    '- not a list either',
    '> not a quote',
    'title: yaml-looking\n---\nmore',
    '&amp; &copy; \\ backslash',
    'Three children “quoted” — dash',
    '***',
    '| a | b |',
    '[x]: http://example.com',
    'x\n===',
    '```js',
  ];
  it.each(tricky)('keeps %j as plain text', (text) => {
    const markdown = paragraphsToMarkdown([text, 'After.']);
    expect(markdownToParagraphs(markdown)).toEqual([text, 'After.']);
  });

  it('trims the white space around a paragraph, which the source does not mark up', () => {
    expect(markdownToParagraphs(paragraphsToMarkdown(['    indented like code']))).toEqual(['indented like code']);
  });

  it('separates paragraphs by blank lines', () => {
    expect(paragraphsToMarkdown(['One.', 'Two.'])).toBe('One.\n\nTwo.\n');
  });
});
