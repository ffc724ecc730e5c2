import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, type LaunchedBrowser } from '../support/browser.ts';
import { countColours, takeScreenshot } from '../support/screenshot.ts';
import { sitePageTypes } from '../support/site-pages.ts';

const storyPath = sitePageTypes().find((type) => type.name === 'story')!.path;

describe('layout of every page type in Chromium', () => {
  let phone: LaunchedBrowser;
  let desktop: LaunchedBrowser;
  beforeAll(async () => {
    phone = await launchBrowser({ width: 320, height: 640 });
    desktop = await launchBrowser({ width: 1280, height: 900 });
  });
  afterAll(async () => {
    await phone.close();
    await desktop.close();
  });

  for (const type of sitePageTypes()) {
    it(`${type.name}: no horizontal scroll at 320 px, and a non-blank screenshot at both widths`, async () => {
      const small = await phone.context.newPage();
      await small.goto(`${inject('baseUrl')}${type.path}`);
      const overflow = await small.evaluate(() => ({ scroll: document.documentElement.scrollWidth, viewport: window.innerWidth }));
      expect(overflow.scroll).toBeLessThanOrEqual(overflow.viewport);
      expect(countColours(await takeScreenshot(small, `site-${type.name}-320`))).toBeGreaterThan(10);
      await small.close();

      const wide = await desktop.context.newPage();
      await wide.goto(`${inject('baseUrl')}${type.path}`);
      expect(countColours(await takeScreenshot(wide, `site-${type.name}-desktop`))).toBeGreaterThan(10);
      await wide.close();
    });
  }

  it('a figure link jumps to its sentence, which is marked and styled as the target', async () => {
    const page = await desktop.context.newPage();
    await page.goto(`${inject('baseUrl')}${storyPath}`);
    const link = page.locator('.figures-panel a[href^="#s-"]').first();
    const target = (await link.getAttribute('href'))!;
    const figureText = (await link.textContent())!;
    const before = await page.locator(target).evaluate((el) => getComputedStyle(el).backgroundColor);
    await link.click();
    await page.waitForFunction((hash) => location.hash === hash, target);
    const sentence = page.locator(target);
    expect(await sentence.getAttribute('class')).toBe('cited');
    const after = await sentence.evaluate((el) => ({
      background: getComputedStyle(el).backgroundColor,
      outline: getComputedStyle(el).outlineStyle,
      matches: el.matches(':target'),
    }));
    expect(after.matches).toBe(true);
    expect(after.background).not.toBe(before);
    expect(after.outline).not.toBe('none');
    expect(await sentence.isVisible()).toBe(true);
    // The number in the panel is in the sentence it links to.
    expect(await sentence.textContent()).toContain(figureText.split(' ')[0]);
    await page.close();
  });

  it('shows visible keyboard focus', async () => {
    const page = await desktop.context.newPage();
    await page.goto(`${inject('baseUrl')}/`);
    await page.keyboard.press('Tab');
    const skip = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      return { text: el.textContent, outline: style.outlineStyle, width: style.outlineWidth, left: el.getBoundingClientRect().left };
    });
    expect(skip.text).toBe('Skip to content');
    expect(skip.left).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Tab');
    const next = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(skip.outline).toBe('solid');
    expect(skip.width).toBe('3px');
    expect(next).toBe('solid');
    await page.close();
  });

  it('prints a story without the site chrome', async () => {
    const page = await desktop.context.newPage();
    await page.goto(`${inject('baseUrl')}${storyPath}`);
    await page.emulateMedia({ media: 'print' });
    const shown = await page.evaluate(() =>
      Object.fromEntries(
        ['.site-header', '.site-footer', '.story-neighbours', '.story-body', '.figures-panel'].map((selector) => [
          selector,
          getComputedStyle(document.querySelector(selector)!).display !== 'none',
        ]),
      ),
    );
    expect(shown).toEqual({ '.site-header': false, '.site-footer': false, '.story-neighbours': false, '.story-body': true, '.figures-panel': true });
    await page.close();
  });
});
