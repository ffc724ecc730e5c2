import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, type LaunchedBrowser } from '../support/browser.ts';
import { countColours, takeScreenshot } from '../support/screenshot.ts';

describe('home page in Chromium', () => {
  let browser: LaunchedBrowser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('shows the archive with its stories and a non-blank screenshot', async () => {
    const page = await browser.context.newPage();
    const response = await page.goto(`${inject('baseUrl')}/`);
    expect(response?.status()).toBe(200);
    await expect(page.locator('h1').textContent()).resolves.toContain('Operations Archive');
    expect(await page.locator('a[href^="/stories/"]').count()).toBeGreaterThan(0);
    const png = await takeScreenshot(page, 'home-desktop');
    expect(countColours(png)).toBeGreaterThan(10);
  });
});
