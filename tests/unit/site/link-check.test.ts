import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkLinks, extractLinks } from '../../support/link-check.ts';

const root = mkdtempSync(path.join(tmpdir(), 'link-check-'));
function page(relative: string, html: string): void {
  mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
  writeFileSync(path.join(root, relative), html);
}
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('link checker', () => {
  page(
    'index.html',
    '<a href="/a/">a</a><a href="/a/#s-1">s1</a><a href="https://site.example/a/">abs</a><a href="https://elsewhere.example/">x</a><link href="/style.css">',
  );
  page('a/index.html', '<p><span id="s-1">One</span></p><a href="../b/">rel</a><a href="/missing/">m</a><a href="/a/#s-9">bad</a><a href="#s-1">self</a>');
  page('b/index.html', '<p>&lt;a href=&quot;/not-a-link/&quot;&gt; is text</p><script type="application/ld+json">{"url":"/nowhere/"}</script>');
  page('style.css', 'body{}');

  it('finds exactly the broken paths and anchors', () => {
    const result = checkLinks(root, 'https://site.example');
    expect(result.pages).toBe(3);
    expect(result.broken).toEqual([
      { page: 'a/index.html', href: '/missing/', reason: 'no such file' },
      { page: 'a/index.html', href: '/a/#s-9', reason: "no element with id 's-9'" },
    ]);
    expect(result.links).toBe(8);
  });

  it('reads no links from escaped text or scripts', () => {
    expect(extractLinks('<p>&lt;a href=&quot;/x/&quot;&gt;</p><script>const a = " href="</script>')).toEqual([]);
  });
});
