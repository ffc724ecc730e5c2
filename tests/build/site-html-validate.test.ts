import { HtmlValidate } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, readDist } from '../support/dist';
import { pageFile, sitePageTypes } from '../support/site-pages';

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // Astro writes `<!DOCTYPE html>` in capitals and void elements without a slash: both valid HTML.
    'doctype-style': 'off',
    'void-style': 'off',
    // Long headlines and sentences are content, not markup problems.
    'long-title': 'off',
  },
});

describe('HTML validity of each page type', () => {
  beforeAll(assertBuilt);

  for (const type of sitePageTypes()) {
    it(`${type.name} (${type.path}) validates`, async () => {
      const report = await validator.validateString(readDist(pageFile(type.path)), pageFile(type.path));
      const messages = report.results.flatMap((result) => result.messages.map((m) => `${m.ruleId}: ${m.message} (line ${m.line})`));
      expect(messages).toEqual([]);
    });
  }
});
