/**
 * Indexing after the build (chosen by src/lib/index-schedule.ts): `npm run
 * build` runs Astro without Pagefind, and indexes the stale search shards
 * once the astro process has exited, so the two never hold memory at once.
 * Astro's side writes this handoff at the end of its build: what to index,
 * and the render manifest, which may be written only once the index is
 * complete (a manifest vouches for the whole of dist/, index included).
 */
import { z } from 'astro/zod';

/** Where `npm run build` asks the astro process to write its handoff; set only when indexing after the build. */
export const handoffVariable = 'ARCHIVE_SEARCH_INDEX_HANDOFF';

export function handoffFileFrom(env: Readonly<Record<string, string | undefined>>): string | null {
  const file = env[handoffVariable];
  return file === undefined || file === '' ? null : file;
}

const shardSchema = z.object({
  id: z.string().min(1),
  path: z.string().startsWith('/pagefind/'),
  slugs: z.array(z.string()),
  key: z.string(),
});

const handoffSchema = z.object({
  version: z.literal(1),
  /** Absolute output folder. */
  siteDir: z.string().min(1),
  /** Every shard of the archive; the bundles of the others are deleted. */
  shards: z.array(shardSchema),
  /** Ids of the shards to index again. */
  stale: z.array(z.string()),
  /** Where the render manifest goes once the index is complete, and its text. */
  manifestFile: z.string().min(1),
  manifest: z.string(),
});

export type IndexHandoff = z.infer<typeof handoffSchema>;

export function formatHandoff(handoff: IndexHandoff): string {
  return `${JSON.stringify(handoff)}\n`;
}

/** Parses a handoff; the error names the file and says what is wrong with it. */
export function parseHandoff(text: string, file: string): IndexHandoff {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new Error(`search index handoff ${file} is not JSON: ${(error as Error).message}`);
  }
  const parsed = handoffSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(top)'}: ${issue.message}`).join('; ');
    throw new Error(`search index handoff ${file} is not one this build wrote: ${problems}`);
  }
  const ids = new Set(parsed.data.shards.map((shard) => shard.id));
  const unknown = parsed.data.stale.filter((id) => !ids.has(id));
  if (unknown.length > 0) throw new Error(`search index handoff ${file} names shards it does not list: ${unknown.join(', ')}`);
  return parsed.data;
}

/**
 * What the astro process tells `npm run build` (over the IPC channel it opens when indexing after Astro)
 * when every page of a stale shard is written, so Pagefind can read them while Astro renders the rest.
 */
const shardReadySchema = z.object({ kind: z.literal('search-shard-ready'), siteDir: z.string().min(1), shard: shardSchema });

export type ShardReadyMessage = z.infer<typeof shardReadySchema>;

/** The message, or null for anything else on the channel. */
export function shardReadyMessage(value: unknown): ShardReadyMessage | null {
  const parsed = shardReadySchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
