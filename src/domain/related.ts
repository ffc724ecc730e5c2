/**
 * 'Other stories that report the same event': stories about the same
 * operation and edition, or that give at least two of the same figures.
 * Built once for the whole archive through keyed buckets, so each story
 * looks only at a bounded window of candidates, never at every story.
 */
import { compareStories, type StoryRecord } from './story-record.ts';

export interface RelatedStory<S extends StoryRecord = StoryRecord> {
  story: S;
  /** Why it is related, for the reader: 'same edition of Operation Cross Country (13th year)', '4 figures in common'. */
  reasons: string[];
}

export interface RelatedOptions {
  /** Most related stories listed per story. */
  limit?: number;
  /** How many neighbours on each side a story considers within one bucket. */
  window?: number;
  /** Shared figures needed to relate two stories without a shared edition. */
  minSharedFigures?: number;
  /** Display name of an operation id. */
  operationName?: (id: string) => string;
}

interface Bucket {
  /** Positions (in date order) of the stories in this bucket, in date order. */
  members: number[];
  /** Set for edition buckets: the reason text. */
  edition: string | null;
}

function editionKeys(story: StoryRecord, operationName: (id: string) => string): [string, string][] {
  const keys: [string, string][] = [];
  for (const mention of story.data.operations) {
    const edition = mention.editionNumber ?? mention.edition;
    if (edition === null) continue;
    const text = mention.edition ?? String(mention.editionNumber);
    keys.push([`e|${mention.id}|${edition}`, `same edition of ${operationName(mention.id)} (${text})`]);
  }
  return keys;
}

function figureKeys(story: StoryRecord): string[] {
  return [...new Set(story.data.figures.map((f) => `f|${f.operation ?? ''}|${f.subject}|${f.value}|${f.scope.kind}|${f.scope.region ?? ''}`))];
}

/**
 * Related stories for every story, keyed by story id. Stories are handled by
 * their position in date order, and each story's candidates are counted in
 * arrays indexed by position: at 10,000 stories a map keyed by slug made
 * this a second of every build.
 */
export function buildRelated<S extends StoryRecord>(stories: readonly S[], options: RelatedOptions = {}): Map<string, RelatedStory<S>[]> {
  const { limit = 5, window = 25, minSharedFigures = 2, operationName = (id: string) => id } = options;
  const ordered = [...stories].sort(compareStories);
  const buckets = new Map<string, Bucket>();
  /** For each story (by position), the buckets it is in and its place in each. */
  const memberships: { bucket: Bucket; at: number }[][] = [];

  ordered.forEach((story, index) => {
    const keys: [string, string | null][] = [...editionKeys(story, operationName), ...figureKeys(story).map((key): [string, null] => [key, null])];
    const seen = new Set<string>();
    const own: { bucket: Bucket; at: number }[] = [];
    for (const [key, edition] of keys) {
      if (seen.has(key)) continue;
      seen.add(key);
      let bucket = buckets.get(key);
      if (!bucket) {
        bucket = { members: [], edition };
        buckets.set(key, bucket);
      }
      own.push({ bucket, at: bucket.members.length });
      bucket.members.push(index);
    }
    memberships.push(own);
  });

  // One story's candidates at a time, by position: figures in common, shared editions, and the order first seen.
  const shared = new Int32Array(ordered.length);
  const editions: (string[] | undefined)[] = new Array<string[] | undefined>(ordered.length);
  const seenAt = new Uint8Array(ordered.length);
  const related = new Map<string, RelatedStory<S>[]>();
  ordered.forEach((story, here) => {
    const candidates: number[] = [];
    for (const { bucket, at } of memberships[here]!) {
      const from = Math.max(0, at - window);
      const to = Math.min(bucket.members.length, at + window + 1);
      for (let i = from; i < to; i += 1) {
        const other = bucket.members[i]!;
        if (other === here) continue;
        if (seenAt[other] === 0) {
          seenAt[other] = 1;
          candidates.push(other);
        }
        if (bucket.edition !== null) (editions[other] ??= []).push(bucket.edition);
        else shared[other] = shared[other]! + 1;
      }
    }
    const chosen = candidates
      .filter((other) => editions[other] !== undefined || shared[other]! >= minSharedFigures)
      .map((other) => ({ other, editions: editions[other] ?? [], shared: shared[other]! }))
      // Ties go to the nearer story, then the newer: positions follow compareStories.
      .sort((a, b) => b.editions.length - a.editions.length || b.shared - a.shared || Math.abs(a.other - here) - Math.abs(b.other - here) || a.other - b.other)
      .slice(0, limit);
    for (const other of candidates) {
      seenAt[other] = 0;
      shared[other] = 0;
      editions[other] = undefined;
    }
    related.set(
      story.id,
      chosen.map(({ other, editions: reasons, shared: count }) => ({
        story: ordered[other]!,
        reasons: [...reasons, ...(count > 0 ? [`${count} ${count === 1 ? 'figure' : 'figures'} in common`] : [])],
      })),
    );
  });
  return related;
}
