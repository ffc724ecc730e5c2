import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleFields } from '@/domain/schema';
import { projectRoot } from '../support/dist.ts';

const readme = readFileSync(path.join(projectRoot, 'README.md'), 'utf8');

describe('README', () => {
  it('opens with the two commands a newcomer runs', () => {
    const firstBlock = /```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    expect(firstBlock).toContain('npm install && npm start');
    expect(firstBlock).toContain('npm test');
    expect(readme.indexOf('```sh')).toBeLessThan(200);
  });

  it('documents exactly the frontmatter keys the schema defines, in order', () => {
    const table = /<!-- frontmatter-table[^>]*-->([\s\S]*?)<!-- \/frontmatter-table -->/.exec(readme)?.[1] ?? '';
    const documented = [...table.matchAll(/^\| `([a-zA-Z]+)` \|/gm)].map((match) => match[1]);
    expect(documented).toEqual(Object.keys(articleFields.shape));
  });
});
