import { readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, projectRoot, readDist } from '../support/dist.ts';

describe('home page in the real build', () => {
  beforeAll(assertBuilt);

  it('links every article copy in content/articles', () => {
    const html = readDist('index.html');
    const copies = readdirSync(path.join(projectRoot, 'content', 'articles')).filter((name) => name.endsWith('.md'));
    const storyLinks = new Set(html.match(/href="\/stories\/[^"]+\/"/g) ?? []);
    expect(copies.length).toBeGreaterThan(0);
    expect(storyLinks.size).toBeGreaterThanOrEqual(copies.length);
  });
});
