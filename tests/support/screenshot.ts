/** Screenshots that tests keep under tests/screenshots/ and check are not blank. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { projectRoot } from './dist.ts';

export const screenshotDir = path.join(projectRoot, 'tests', 'screenshots');

/** How many distinct colours a PNG holds: a blank page has one or two. */
export function countColours(png: Buffer): number {
  const image = PNG.sync.read(png);
  const colours = new Set<number>();
  for (let i = 0; i < image.data.length; i += 4) {
    colours.add((image.data[i]! << 16) | (image.data[i + 1]! << 8) | image.data[i + 2]!);
    if (colours.size > 1000) break;
  }
  return colours.size;
}

/** Takes a full-page screenshot, writes it as tests/screenshots/<name>.png, returns its bytes. */
export async function takeScreenshot(page: Page, name: string): Promise<Buffer> {
  const png = await page.screenshot({ fullPage: true });
  mkdirSync(screenshotDir, { recursive: true });
  writeFileSync(path.join(screenshotDir, `${name}.png`), png);
  return png;
}
