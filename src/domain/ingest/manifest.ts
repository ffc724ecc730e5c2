/**
 * The ingest manifest, kept next to the copies: for each copy, the source it
 * came from and the SHA-256 of the bytes ingest last wrote. A copy whose bytes
 * differ from that digest was edited by hand, and ingest leaves it alone.
 */
import { z } from 'astro/zod';

/** File name of the manifest inside the output folder; the article loader reads only *.md. */
export const manifestName = 'ingest-manifest.json';

const entrySchema = z.object({
  /** Source file name. */
  source: z.string().min(1),
  /** SHA-256 of the source bytes the copy was made from. */
  sourceSha256: z.string(),
  /** SHA-256 of the article's paragraphs, to refuse the same article under another name. */
  textDigest: z.string(),
  /** SHA-256 of the copy as ingest wrote it. */
  written: z.string(),
});

const manifestSchema = z.object({ about: z.string().optional(), copies: z.record(z.string(), entrySchema) });

export type ManifestEntry = z.infer<typeof entrySchema>;

/** Copy file name → entry. */
export type Manifest = Map<string, ManifestEntry>;

const about = 'Written by `npm run ingest`: the digest of each copy as ingest last wrote it, so that hand edits are detected and kept. Do not edit.';

/** Reads the manifest; a missing one is empty. Throws with a readable message when it is not a manifest. */
export function parseManifest(raw: string | null): Manifest {
  if (raw === null) return new Map();
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new Error(`${manifestName} is not JSON: ${(error as Error).message}`);
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) throw new Error(`${manifestName} is not an ingest manifest: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return new Map(Object.entries(parsed.data.copies));
}

/** Writes the manifest with sorted keys, so unchanged content gives unchanged bytes. */
export function formatManifest(manifest: Manifest): string {
  const copies: Record<string, ManifestEntry> = {};
  for (const name of [...manifest.keys()].sort()) {
    const entry = manifest.get(name)!;
    copies[name] = { source: entry.source, sourceSha256: entry.sourceSha256, textDigest: entry.textDigest, written: entry.written };
  }
  return `${JSON.stringify({ about, copies }, null, 2)}\n`;
}
