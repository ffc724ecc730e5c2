import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, distDir } from '../support/dist.ts';
import { checkLinks } from '../support/link-check.ts';

const origin = process.env['SITE_URL'] ?? 'https://operations-archive.example';

describe('links in the real build', () => {
  beforeAll(assertBuilt);

  it('every internal href, src and #anchor in every HTML file resolves', () => {
    const { pages, links, broken } = checkLinks(distDir, origin);
    console.log(`link check: ${links} internal links on ${pages} pages, ${broken.length} broken`);
    expect(pages).toBeGreaterThan(10);
    expect(links).toBeGreaterThan(pages * 10);
    expect(broken).toEqual([]);
  });
});
