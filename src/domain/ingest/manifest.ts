/**
 * The ingest manifest, kept next to the copies: for each copy, the source it
 * came from and the SHA-256 of the bytes ingest last wrote. A copy whose bytes
 * differ from that digest was edited by hand, and ingest leaves it alone.
 * It also records the copy's slug as ingest last wrote or saw it and its
 * former slugs, so a trusted copy is rendered with
 * an editor's slug without reading it, and a slug changed by hand since is
 * noticed and its old URL kept (former-slugs.ts).
 */
import { z } from 'zod';
import { slugPattern } from '../schema.ts';

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
  /** The copy's slug as ingest last wrote or saw it (entries written before slugs were recorded have none). */
  slug: z.string().regex(slugPattern).optional(),
  /** The copy's formerSlugs (schema.ts), when it has any. */
  formerSlugs: z.array(z.string().regex(slugPattern)).optional(),
});

const manifestSchema = z.object({ about: z.string().optional(), copies: z.record(z.string(), entrySchema) });

export type ManifestEntry = z.infer<typeof entrySchema>;

/** Copy file name → entry. */
export type Manifest = Map<string, ManifestEntry>;

const about = 'Written by `npm run ingest`: the digest of each copy as ingest last wrote it, so that hand edits are detected and kept. Do not edit.';

/** An entry's fields in a fixed order, the optional ones only when set: a manifest without them reads and writes as before. */
function orderedEntry(entry: ManifestEntry): ManifestEntry {
  const { source, sourceSha256, textDigest, written, slug, formerSlugs } = entry;
  return {
    source,
    sourceSha256,
    textDigest,
    written,
    ...(slug === undefined ? {} : { slug }),
    ...(formerSlugs === undefined || formerSlugs.length === 0 ? {} : { formerSlugs }),
  };
}

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
    copies[name] = orderedEntry(manifest.get(name)!);
  }
  return `${JSON.stringify({ about, copies }, null, 2)}\n`;
}

/**
 * The journal of a run in progress, next to the manifest. The manifest is
 * written once, at the end of a run; a run killed before that had already
 * replaced some copies, whose new bytes the manifest does not know, and they
 * looked hand-edited forever after. So each copy's manifest entry is appended
 * here (one JSON line) before the copy is renamed into place: a copy whose
 * bytes match its journal entry is what ingest wrote, however the run ended.
 * A successful run folds the journal into the manifest and removes it.
 */
export const journalName = '.ingest-journal';

const journalLineSchema = entrySchema.extend({ copy: z.string().min(1) });

/** One journal line: the copy's file name and the entry the manifest will hold for it. */
export function journalLine(copy: string, entry: ManifestEntry): string {
  return `${JSON.stringify({ copy, ...orderedEntry(entry) })}\n`;
}

/**
 * The manifest with a killed run's journal folded in: a journal entry counts only when the copy on disk has
 * exactly the bytes it records (`digestOnDisk`), so a copy edited since, or never reached, is not vouched for.
 * Later lines win; a line cut short by the kill is ignored.
 */
export function applyJournal(manifest: Manifest, journal: string | null, digestOnDisk: (copy: string) => string | undefined): Manifest {
  if (journal === null) return manifest;
  const merged: Manifest = new Map(manifest);
  for (const line of journal.split('\n')) {
    if (line.trim() === '') continue;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      continue;
    }
    const parsed = journalLineSchema.safeParse(json);
    if (!parsed.success) continue;
    const { copy, ...entry } = parsed.data;
    if (digestOnDisk(copy) === entry.written) merged.set(copy, entry);
  }
  return merged;
}
