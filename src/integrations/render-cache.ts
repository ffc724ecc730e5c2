/**
 * Incremental builds. When the output folder holds a complete earlier build
 * of the same code and configuration, Astro is told not to empty it and the
 * story route (and each list route that keys its pages) renders only the
 * pages whose inputs changed (render-plan.ts); everything else is rendered
 * as usual. After the build, pages the archive no longer has are deleted,
 * kept pages are added to the sitemap, and
 * the manifest for the next build is written once the search index is done
 * (when indexing after the build, it is handed to that step: index-handoff.ts).
 *
 * Two integrations around the others: `plan` goes first, `record` last.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { getBuildState, setBuildState } from '../lib/build-state';
import { formatHandoff, handoffFileFrom } from '../lib/index-handoff';
import { storyPath } from '../domain/paths';
import type { ShardedIndexPlan } from './search-index';
import { formatRenderManifest, manifestMismatch, pageFile, parseRenderManifest, staleFiles, type RenderManifest } from '../lib/render-plan';

/** Inputs of every page besides the content: a change to any of them renders everything again. */
const codeInputs = ['src', 'public', 'content/operations.json', 'astro.config.mjs', 'package-lock.json', 'tsconfig.json'];

function filesUnder(root: string, entry: string): string[] {
  const full = path.join(root, entry);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [entry];
  return readdirSync(full, { withFileTypes: true })
    .map((child) => path.join(entry, child.name))
    .flatMap((child) => filesUnder(root, child))
    .sort();
}

/** Digest of the code, configuration and catalogue the pages are rendered with. */
export function codeFingerprint(root: string, settings: Record<string, unknown>): string {
  const hash = createHash('sha256').update(JSON.stringify(settings));
  for (const file of codeInputs.flatMap((entry) => filesUnder(root, entry))) {
    hash.update(`\0${file}\0`).update(readFileSync(path.join(root, file)));
  }
  return hash.digest('base64url').slice(0, 22);
}

/** Removes a file and the folders it leaves empty, up to (not including) `root`. */
function removeFile(root: string, file: string): void {
  rmSync(path.join(root, file), { force: true });
  for (let dir = path.dirname(file); dir !== '.' && dir !== ''; dir = path.dirname(dir)) {
    try {
      rmdirSync(path.join(root, dir));
    } catch {
      return;
    }
  }
}

export interface RenderCache {
  /** First integration: decides whether this build can reuse the last one's pages. */
  plan: () => AstroIntegration;
  /** Last integration: writes the manifest for the next build. */
  record: () => AstroIntegration;
  /** Absolute URLs of kept story pages, filled in before the sitemap integration runs: pass it as its customPages. */
  sitemapPages: string[];
  /** The search shards and which of them must be built again; null until the story route has planned its pages. */
  searchIndexPlan: () => ShardedIndexPlan | null;
}

export function renderCache(): RenderCache {
  const sitemapPages: string[] = [];
  let manifestFile = '';
  let fingerprint = '';
  let previousShards: Record<string, string> = {};
  let otherPages: string[] = [];
  let indexPlan: ShardedIndexPlan | null = null;
  let siteUrl = new URL('http://localhost/');

  const plan = (): AstroIntegration => ({
    name: 'archive-render-cache',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig, logger }) => {
        if (command !== 'build') return;
        indexPlan = null;
        const root = fileURLToPath(config.root);
        const outDir = path.resolve(fileURLToPath(config.outDir));
        siteUrl = new URL(config.base, config.site ?? 'http://localhost/');
        manifestFile = path.join(fileURLToPath(config.cacheDir), 'render-manifest.json');
        fingerprint = codeFingerprint(root, { site: config.site ?? null, base: config.base, trailingSlash: config.trailingSlash });
        const previous = parseRenderManifest(existsSync(manifestFile) ? readFileSync(manifestFile, 'utf8') : null);
        // From here until the build succeeds, the folder is in flux: no manifest may vouch for it.
        rmSync(manifestFile, { force: true });
        const mismatch = existsSync(outDir) ? manifestMismatch(previous, { fingerprint, outDir }) : 'no earlier output';
        if (mismatch === null && previous !== null) {
          updateConfig({ vite: { build: { emptyOutDir: false } } });
          previousShards = previous.searchShards;
          otherPages = previous.otherPages;
          logger.info(`incremental build: story pages whose inputs are unchanged are kept from the last build in ${outDir}`);
        } else {
          logger.info(`full build (${mismatch})`);
        }
        setBuildState({ outDir, previous: mismatch === null ? previous : null, stories: null });
      },
      'astro:build:done': ({ dir, pages, logger }) => {
        const state = getBuildState();
        if (!state?.stories) throw new Error('render cache: the story route did not plan its pages (getStoriesToRender was not called)');
        const outDir = fileURLToPath(dir);
        const storyFiles = new Set([...state.stories.keys.keys()].map((slug) => pageFile(storyPath({ id: slug }))));
        const listPages = [...(state.listPages ?? new Map()).entries()];
        const keptList = listPages.filter(([, page]) => page.kept);
        // Kept list pages were not written this time but stay: they are this build's pages too.
        const written = new Set([...pages.map((page) => pageFile(page.pathname)).filter((file) => !storyFiles.has(file)), ...keptList.map(([file]) => file)]);
        const gone = [...state.stories.remove.map((slug) => pageFile(storyPath({ id: slug }))), ...staleFiles(otherPages, written)];
        for (const file of gone) removeFile(outDir, file);
        // The sitemap integration writes sitemap-index.xml and sitemap-<n>.xml right after this hook; an archive
        // that shrank would keep a stale sitemap-<n>.xml from the last build otherwise.
        for (const name of readdirSync(outDir)) if (/^sitemap-\d+\.xml$/.test(name)) rmSync(path.join(outDir, name), { force: true });
        if (gone.length > 0) logger.info(`removed ${gone.length} pages the archive no longer has`);
        otherPages = [...written].sort();
        const kept = state.stories.reuse;
        logger.info(`${state.stories.render.length} story pages rendered, ${kept.length} kept from the last build`);
        if (listPages.length > 0) logger.info(`${listPages.length - keptList.length} keyed list pages rendered, ${keptList.length} kept from the last build`);
        sitemapPages.push(...kept.map((slug) => new URL(storyPath({ id: slug }).slice(1), siteUrl).href));
        sitemapPages.push(...keptList.map(([, page]) => new URL(page.path.slice(1), siteUrl).href));
      },
    },
  });

  const record = (): AstroIntegration => ({
    name: 'archive-render-cache-record',
    hooks: {
      'astro:build:done': ({ dir }) => {
        const state = getBuildState();
        if (!state?.stories) return;
        const manifest: RenderManifest = {
          version: 2,
          fingerprint,
          outDir: path.resolve(fileURLToPath(dir)),
          stories: Object.fromEntries(state.stories.keys),
          otherPages,
          listPages: Object.fromEntries([...(state.listPages ?? new Map()).entries()].map(([file, page]) => [file, page.key])),
          searchShards: Object.fromEntries(state.stories.searchShards.map((shard) => [shard.id, shard.key])),
        };
        const handoffFile = handoffFileFrom(process.env);
        const indexPlan = searchIndexPlan();
        if (handoffFile && indexPlan) {
          // The index is not built yet: the step that builds it writes the manifest once it has succeeded.
          const { shards, stale } = indexPlan;
          const text = formatRenderManifest(manifest);
          writeFileSync(handoffFile, formatHandoff({ version: 1, siteDir: manifest.outDir, shards, stale: [...stale], manifestFile, manifest: text }));
        } else {
          writeFileSync(manifestFile, formatRenderManifest(manifest));
        }
        setBuildState(undefined);
      },
    },
  });

  // Known as soon as the story route has planned its pages, before any is rendered.
  const searchIndexPlan = (): ShardedIndexPlan | null => {
    const state = getBuildState();
    if (indexPlan === null && state?.stories) {
      const shards = state.stories.searchShards;
      const built = (shard: (typeof shards)[number]): boolean =>
        previousShards[shard.id] === shard.key && existsSync(path.join(state.outDir, shard.path, 'pagefind-entry.json'));
      const stale = new Set(shards.filter((shard) => !built(shard)).map((shard) => shard.id));
      indexPlan = { shards, stale, rendered: state.stories.render };
    }
    return indexPlan;
  };
  return { plan, record, sitemapPages, searchIndexPlan };
}
