import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, readDist } from '../support/dist.ts';
import { htmlProblems } from '../support/html-validator.ts';
import { pageFile, sitePageTypes } from '../support/site-pages.ts';

describe('HTML validity of each page type', () => {
  beforeAll(assertBuilt);

  for (const type of sitePageTypes()) {
    it(`${type.name} (${type.path}) validates`, async () => {
      expect(await htmlProblems(readDist(pageFile(type.path)), pageFile(type.path))).toEqual([]);
    });
  }
});
