/** One representative built page per page type, for the validators and browser tests. */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { distDir } from './dist.ts';

export interface PageType {
  /** Short name used in test titles and screenshot files. */
  name: string;
  /** URL path on the site. */
  path: string;
}

function firstDir(under: string): string {
  const names = readdirSync(path.join(distDir, under), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== '2')
    .map((entry) => entry.name)
    .sort();
  if (names.length === 0) throw new Error(`dist/${under}/ has no pages`);
  return names[0]!;
}

/** Every page type the site builds (search has its own tests), with one real path each. */
export function sitePageTypes(): PageType[] {
  return [
    { name: 'home', path: '/' },
    { name: 'story', path: `/stories/${firstDir('stories')}/` },
    { name: 'operations', path: '/operations/' },
    { name: 'operation', path: '/operations/operation-cross-country/' },
    { name: 'timeline', path: '/timeline/' },
    { name: 'timeline-operation', path: `/timeline/${firstDir('timeline')}/` },
    { name: 'figures', path: '/figures/' },
    { name: 'open-data', path: '/data/' },
    { name: 'about', path: '/about/' },
    { name: 'not-found', path: '/404.html' },
  ];
}

/** The dist/ file of a page path. */
export function pageFile(urlPath: string): string {
  return urlPath.endsWith('/') ? `${urlPath.slice(1)}index.html` : urlPath.slice(1);
}
