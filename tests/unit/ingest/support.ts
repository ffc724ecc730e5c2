/** Shared helpers for the ingest tests: the real catalogue and seeds, synthetic sources, an in-memory output folder. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { planIngest, type ExistingCopy, type IngestPlan } from '@/domain/ingest/batch';
import { prepareCatalogue, sha256, type Catalogue, type SourceFile } from '@/domain/ingest/build-article';
import { formatManifest, manifestName, parseManifest } from '@/domain/ingest/manifest';
import { operationSchema, type Article } from '@/domain/schema';
import { projectRoot } from '../../support/dist.ts';

export const sourcesDir = path.join(projectRoot, 'content/sources');
export const fixturesDir = path.join(projectRoot, 'tests/fixtures/seeds-expected');

/** The project's operations catalogue. */
export const catalogue: Catalogue = prepareCatalogue(
  operationSchema.array().parse(JSON.parse(readFileSync(path.join(projectRoot, 'content/operations.json'), 'utf8'))),
);

/** A source from text (or bytes) under a file name. */
export function source(file: string, content: string | Uint8Array): SourceFile {
  return { file, path: `in/${file}`, bytes: typeof content === 'string' ? new TextEncoder().encode(content) : content };
}

/** The four seeds as sources. */
export function seedSources(): SourceFile[] {
  return readdirSync(sourcesDir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => ({ file: name, path: `content/sources/${name}`, bytes: readFileSync(path.join(sourcesDir, name)) }));
}

/** The hand-written expected frontmatter of a seed. */
export function expectedFrontmatter(sourceFile: string): Article {
  return JSON.parse(readFileSync(path.join(fixturesDir, sourceFile.replace(/\.txt$/, '.json')), 'utf8')) as Article;
}

/** An output folder in memory: file name → text, the manifest included. */
export type Folder = Map<string, string>;

/** A copy in the folder as the CLI hands it to the plan. */
export function existingCopy(name: string, raw: string): ExistingCopy {
  const bytes = new TextEncoder().encode(raw);
  return { name, sha256: sha256(bytes), bytes: () => bytes };
}

/** Plans a run against the folder and applies it as the CLI would; returns the plan. */
export function ingestInto(folder: Folder, sources: readonly SourceFile[]): IngestPlan {
  const existing = [...folder].filter(([name]) => name.endsWith('.md')).map(([name, raw]) => existingCopy(name, raw));
  const plan = planIngest({ sources, existing, manifest: parseManifest(folder.get(manifestName) ?? null), catalogue });
  for (const outcome of plan.outcomes) if (outcome.content !== null) folder.set(outcome.copy, outcome.content);
  folder.set(manifestName, formatManifest(plan.manifest));
  return plan;
}

/** Ingests sources into an empty folder and returns the generated frontmatter by source file name. */
export function ingestFresh(sources: readonly SourceFile[]): Map<string, Article> {
  const plan = ingestInto(new Map(), sources);
  if (plan.refusals.length > 0) throw new Error(plan.refusals.map((refusal) => `${refusal.path}: ${refusal.reason}`).join('\n'));
  return new Map(plan.outcomes.map((outcome) => [outcome.article.source.file, outcome.article]));
}
