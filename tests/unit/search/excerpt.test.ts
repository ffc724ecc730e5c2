import { describe, expect, it } from 'vitest';
import { decodeEntities, excerptParts } from '@/scripts/search/excerpt';

describe('excerptParts', () => {
  it('splits an excerpt into plain and marked parts', () => {
    expect(excerptParts('operations in Raleigh, <mark>Charlotte</mark> and <mark>Lumberton</mark>.')).toEqual([
      { text: 'operations in Raleigh, ', marked: false },
      { text: 'Charlotte', marked: true },
      { text: ' and ', marked: false },
      { text: 'Lumberton', marked: true },
      { text: '.', marked: false },
    ]);
  });

  it('decodes the entities Pagefind escapes, so text shows as written', () => {
    expect(excerptParts('Hello &lt;b&gt; <mark>world</mark> &amp; Missing & Exploited')).toEqual([
      { text: 'Hello <b> ', marked: false },
      { text: 'world', marked: true },
      { text: ' & Missing & Exploited', marked: false },
    ]);
  });

  it('keeps any other tag as literal text: only <mark> is structure', () => {
    const parts = excerptParts('<img src=x onerror=alert(1)><mark><b>x</b></mark><script>y</script>');
    expect(parts).toEqual([
      { text: '<img src=x onerror=alert(1)>', marked: false },
      { text: '<b>x</b>', marked: true },
      { text: '<script>y</script>', marked: false },
    ]);
  });

  it('copes with an unclosed mark and with empty excerpts', () => {
    expect(excerptParts('a <mark>b')).toEqual([
      { text: 'a ', marked: false },
      { text: 'b', marked: true },
    ]);
    expect(excerptParts('')).toEqual([]);
  });
});

describe('decodeEntities', () => {
  it('decodes named and numeric references and leaves unknown ones', () => {
    expect(decodeEntities('&quot;a&quot; &#39;b&#x27; &#8217; &bogus; &#0; &#x110000;')).toBe('"a" \'b\' \u2019 &bogus; &#0; &#x110000;');
  });
});
