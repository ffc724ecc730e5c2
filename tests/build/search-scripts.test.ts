/**
 * Search costs nothing off the search page: other pages carry one small
 * inline script (the shortcut and highlight loader), and the search script
 * is bundled for /search/ alone.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, listFiles, readDist } from '../support/dist.ts';

interface ScriptTag {
  attributes: string;
  body: string;
}

function scripts(html: string): ScriptTag[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].map((match) => ({ attributes: match[1] ?? '', body: match[2] ?? '' }));
}

/** Scripts a browser runs: not JSON-LD or other data blocks. */
const runs = (script: ScriptTag): boolean => !/type="(application\/ld\+json|application\/json)"/.test(script.attributes);

describe('search scripts in the real build', () => {
  let pages: string[];
  beforeAll(() => {
    assertBuilt();
    pages = listFiles().filter((file) => file.endsWith('.html'));
  });

  it('gives every other page one inline script under 2 KB, story pages also their copy buttons, and no search bundle', () => {
    const others = pages.filter((file) => file !== path.join('search', 'index.html'));
    expect(others.length).toBeGreaterThan(1);
    for (const file of others) {
      const running = scripts(readDist(file)).filter(runs);
      expect(
        running.filter((script) => /\bsrc=/.test(script.attributes)),
        file,
      ).toEqual([]);
      const story = file.startsWith(`stories${path.sep}`);
      expect(running.length, file).toBe(story ? 2 : 1);
      for (const script of running) expect(Buffer.byteLength(script.body), file).toBeLessThan(2048);
      expect(
        running.filter((script) => script.body.includes('pagefind-highlight.js')),
        file,
      ).toHaveLength(1);
      if (story)
        expect(
          running.filter((script) => script.body.includes('data-copy-target')),
          file,
        ).toHaveLength(1);
    }
  });

  it('loads the search script as a module on /search/', () => {
    const running = scripts(readDist(path.join('search', 'index.html'))).filter(runs);
    expect(running.some((script) => /type="module"/.test(script.attributes) && /src="\/_astro\/[^"]+\.js"/.test(script.attributes))).toBe(true);
  });
});
