import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { launchBrowser, type LaunchedBrowser } from '../support/browser.ts';
import { sitePageTypes } from '../support/site-pages.ts';

for (const colorScheme of ['light', 'dark'] as const) {
  describe(`axe-core on every page type, ${colorScheme} scheme`, () => {
    let browser: LaunchedBrowser;
    beforeAll(async () => {
      browser = await launchBrowser({ colorScheme });
    });
    afterAll(async () => {
      await browser.close();
    });

    for (const type of sitePageTypes()) {
      it(`${type.name} (${type.path}) has no violations`, async () => {
        const page = await browser.context.newPage();
        await page.goto(`${inject('baseUrl')}${type.path}`);
        // Dark scheme really applies: the body is dark there and light otherwise.
        const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
        const channels = background.match(/\d+/g)!.slice(0, 3).map(Number);
        const luminance = channels.reduce((a, b) => a + b, 0) / 3;
        expect(colorScheme === 'dark' ? luminance < 80 : luminance > 200).toBe(true);
        expect(await axeViolations(page)).toEqual([]);
        await page.close();
      });
    }
  });
}
