/** The built /search/ page before any script runs: valid HTML, a working form, a noscript message. */
import { HtmlValidate } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, readDist } from '../support/dist.ts';

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  // As for the other pages: Astro's doctype and void elements are valid HTML.
  rules: { 'doctype-style': 'off', 'void-style': 'off' },
});

describe('/search/ in the real build', () => {
  let html = '';
  beforeAll(() => {
    assertBuilt();
    html = readDist('search/index.html');
  });

  it('validates', async () => {
    const report = await validator.validateString(html, 'search/index.html');
    expect(report.results.flatMap((result) => result.messages.map((m) => `${m.ruleId}: ${m.message} (line ${m.line})`))).toEqual([]);
  });

  it('has a plain GET form to /search/ with the query box the shortcut focuses', () => {
    const form = /<form\b[^>]*data-search-form[^>]*>/.exec(html)?.[0] ?? '';
    expect(form).toContain('action="/search/"');
    expect(form).toContain('method="get"');
    expect(html).toMatch(/<input\b[^>]*name="q"[^>]*data-search-box|<input\b[^>]*data-search-box[^>]*name="q"/);
  });

  it('tells a reader without JavaScript that search needs it, and where to browse instead', () => {
    const noscript = /<noscript>([\s\S]*?)<\/noscript>/.exec(html)?.[1] ?? '';
    expect(noscript).toContain('Search needs JavaScript');
    expect(noscript).toContain('href="/operations/"');
    expect(noscript).toContain('href="/timeline/"');
  });

  it('is not itself in the index', () => {
    expect(html).not.toMatch(/<[a-z][^>]*\sdata-pagefind-body[\s>=]/);
  });
});
