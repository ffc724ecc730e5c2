/**
 * Launches Debian's Chromium through playwright-core: never a downloaded
 * browser. A missing Chromium is an error that says how to install it.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

export const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

const flags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface LaunchedBrowser {
  context: BrowserContext;
  close: () => Promise<void>;
}

/** A fresh headless Chromium with its own empty profile. */
export async function launchBrowser(
  options: { colorScheme?: 'light' | 'dark'; width?: number; height?: number; javaScriptEnabled?: boolean } = {},
): Promise<LaunchedBrowser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(`Chromium not found at ${chromiumPath}. Install it with 'apt-get update && apt-get install -y chromium', or set CHROMIUM_PATH.`);
  }
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'archive-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    args: flags,
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    javaScriptEnabled: options.javaScriptEnabled ?? true,
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export type { Browser };
