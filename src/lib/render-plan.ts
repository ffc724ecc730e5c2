/**
 * Incremental builds: which story pages (and pages of list routes that key
 * theirs, see listPagesToRender) a build must render, and which it can keep
 * from the last build into the same folder.
 *
 * A story page is a function of its own copy, its older and newer
 * neighbours and its related stories (plus code and configuration, which
 * the manifest's fingerprint covers). Its key digests exactly those inputs,
 * so a page is rendered again when, and only when, one of them changed.
 * The manifest is written after a build succeeds and removed when the next
 * one starts, so a failed build can never leave a manifest that vouches
 * for a half-written folder.
 */
import { createHash } from 'node:crypto';
import { z } from 'astro/zod';

/** The inputs of one story page, each story named by the digest of its copy. */
export interface StoryPageInputs {
  digest: string;
  older: string | null;
  newer: string | null;
  related: readonly { digest: string; reasons: readonly string[] }[];
}

/** A short digest of a story page's inputs. */
export function storyPageKey(inputs: StoryPageInputs): string {
  return digestOf([inputs.digest, inputs.older, inputs.newer, inputs.related.map((item) => [item.digest, item.reasons])]);
}

export function digestOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 22);
}

const manifestSchema = z.object({
  version: z.literal(2),
  /** Digest of the code, configuration and catalogue the pages were rendered with. */
  fingerprint: z.string(),
  /** The absolute output folder the pages are in. */
  outDir: z.string(),
  /** Story slug → key of the inputs its page was rendered from. */
  stories: z.record(z.string(), z.string()),
  /** Every other file the build wrote for a page or endpoint ('index.html', 'figures/2/index.html'), relative to outDir, kept ones included. */
  otherPages: z.array(z.string()),
  /** File of a list route's page → key of the inputs it was rendered from (see keptListPages). */
  listPages: z.record(z.string(), z.string()),
  /** Search shard id → key of the stories its bundle in outDir was built from (see search-shards.ts). */
  searchShards: z.record(z.string(), z.string()),
});

export type RenderManifest = z.infer<typeof manifestSchema>;

/** Reads a manifest; anything unreadable or of another version reads as no manifest. */
export function parseRenderManifest(raw: string | null): RenderManifest | null {
  if (raw === null) return null;
  try {
    const parsed = manifestSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function formatRenderManifest(manifest: RenderManifest): string {
  return `${JSON.stringify(manifest)}\n`;
}

/** Why the last build's pages cannot be reused, or null when they can. */
export function manifestMismatch(manifest: RenderManifest | null, expected: { fingerprint: string; outDir: string }): string | null {
  if (manifest === null) return 'no record of an earlier complete build';
  if (manifest.outDir !== expected.outDir) return `the last build wrote to ${manifest.outDir}`;
  if (manifest.fingerprint !== expected.fingerprint) return 'code, configuration or catalogue changed since the last build';
  return null;
}

export interface StoryPagePlan {
  /** Slugs whose pages must be rendered. */
  render: string[];
  /** Slugs whose pages the last build wrote from the same inputs. */
  reuse: string[];
  /** Slugs of pages the last build wrote for stories that are gone. */
  remove: string[];
}

/**
 * Splits the current stories into pages to render and pages to keep.
 * `onDisk` guards against a folder changed by hand since the manifest was written.
 */
export function planStoryPages(
  current: ReadonlyMap<string, string>,
  previous: Readonly<Record<string, string>> | null,
  onDisk: (slug: string) => boolean,
): StoryPagePlan {
  const render: string[] = [];
  const reuse: string[] = [];
  for (const [slug, key] of current) {
    if (previous !== null && Object.hasOwn(previous, slug) && previous[slug] === key && onDisk(slug)) reuse.push(slug);
    else render.push(slug);
  }
  const remove = previous === null ? [] : Object.keys(previous).filter((slug) => !current.has(slug));
  return { render, reuse, remove };
}

/** The file a built page lives in, relative to the output folder ('/figures/2/' → 'figures/2/index.html'). */
export function pageFile(pathname: string): string {
  const trimmed = pathname.replace(/^\/+/, '');
  return trimmed === '' || trimmed.endsWith('/') ? `${trimmed}index.html` : trimmed;
}

/**
 * The files of a list route's pages (file → key of the inputs it renders from) this build can keep:
 * those the last build wrote from the same key, still on disk. A route that keys its pages must
 * digest everything they show besides code and configuration, as storyPageKey does for a story.
 */
export function keptListPages(
  current: ReadonlyMap<string, string>,
  previous: Readonly<Record<string, string>> | null,
  onDisk: (file: string) => boolean,
): Set<string> {
  const kept = new Set<string>();
  if (previous === null) return kept;
  for (const [file, key] of current) if (Object.hasOwn(previous, file) && previous[file] === key && onDisk(file)) kept.add(file);
  return kept;
}

/** Files the last build wrote that this one did not write and does not keep. */
export function staleFiles(previous: readonly string[], written: ReadonlySet<string>): string[] {
  return previous.filter((file) => !written.has(file));
}
