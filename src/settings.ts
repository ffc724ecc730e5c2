/**
 * Every setting the archive reads from the environment, parsed and checked
 * once. astro.config.mjs, the content config, the data module and the build
 * script all take their settings from here, so a bad value fails the build
 * with one clear message instead of surfacing as a broken page.
 */

/** Where a build without SITE_URL points its absolute URLs: the address `npm start` serves. */
export const localOrigin = 'http://localhost:4321';

export interface Settings {
  /** The public origin (SITE_URL): permalinks, canonical URLs, the feed and the sitemap are built from it. */
  site: string;
  /** False when SITE_URL is unset and `site` is the local preview's address. */
  siteConfigured: boolean;
  /** The folder of article copies (ARCHIVE_ARTICLES), relative to the project or absolute. */
  articles: string;
  /** Astro's cache folder (ARCHIVE_CACHE_DIR), or null for Astro's default. */
  cacheDir: string | null;
  /** Entries on one timeline or figures page before it is cut by year (ARCHIVE_LIST_PAGE_SIZE). */
  listPageSize: number;
}

type Environment = Readonly<Record<string, string | undefined>>;

function readSite(value: string | undefined): Pick<Settings, 'site' | 'siteConfigured'> {
  if (value === undefined || value.trim() === '') return { site: localOrigin, siteConfigured: false };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`SITE_URL must be an absolute http(s) address such as https://archive.example.org, not '${value}'`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`SITE_URL must use http or https, not '${url.protocol}'`);
  if (url.search || url.hash) throw new Error(`SITE_URL must not carry a query or fragment: '${value}'`);
  return { site: url.href.replace(/\/$/, ''), siteConfigured: true };
}

function readPositive(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new Error(`${name} must be a positive whole number, not '${value}'`);
  return number;
}

/** Parses the settings from an environment; throws naming the variable when a value is unusable. */
export function readSettings(env: Environment): Settings {
  return {
    ...readSite(env['SITE_URL']),
    articles: env['ARCHIVE_ARTICLES'] || 'content/articles',
    cacheDir: env['ARCHIVE_CACHE_DIR'] || null,
    listPageSize: readPositive('ARCHIVE_LIST_PAGE_SIZE', env['ARCHIVE_LIST_PAGE_SIZE'], 1000),
  };
}

/** One line for the build log when SITE_URL is unset, else null. */
export function siteWarning(settings: Settings): string | null {
  return settings.siteConfigured
    ? null
    : `SITE_URL is not set: permalinks, canonical URLs, the feed and the sitemap point to ${settings.site}; set SITE_URL to the public origin before deploying`;
}

let current: Settings | undefined;

/** This process's settings, parsed on first use. */
export function settings(): Settings {
  return (current ??= readSettings(process.env));
}
