/**
 * 'Other stories that report the same event': stories about the same
 * operation and edition, or that give at least two of the same figures.
 * Built once for the whole archive through keyed buckets, so each story
 * looks only at a bounded window of candidates, never at every story.
 */
import { compareStories, type StoryRecord } from './story-record';

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

interface Bucket<S> {
  members: S[];
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

/** Related stories for every story, keyed by story id. */
export function buildRelated<S extends StoryRecord>(stories: readonly S[], options: RelatedOptions = {}): Map<string, RelatedStory<S>[]> {
  const { limit = 5, window = 25, minSharedFigures = 2, operationName = (id: string) => id } = options;
  const ordered = [...stories].sort(compareStories);
  const position = new Map(ordered.map((story, index) => [story.id, index]));
  const buckets = new Map<string, Bucket<S>>();
  const memberships = new Map<string, { bucket: Bucket<S>; at: number }[]>();

  for (const story of ordered) {
    const keys: [string, string | null][] = [...editionKeys(story, operationName), ...figureKeys(story).map((key): [string, null] => [key, null])];
    const seen = new Set<string>();
    const own: { bucket: Bucket<S>; at: number }[] = [];
    for (const [key, edition] of keys) {
      if (seen.has(key)) continue;
      seen.add(key);
      let bucket = buckets.get(key);
      if (!bucket) {
        bucket = { members: [], edition };
        buckets.set(key, bucket);
      }
      own.push({ bucket, at: bucket.members.length });
      bucket.members.push(story);
    }
    memberships.set(story.id, own);
  }

  const related = new Map<string, RelatedStory<S>[]>();
  for (const story of ordered) {
    const candidates = new Map<string, { story: S; editions: string[]; shared: number }>();
    for (const { bucket, at } of memberships.get(story.id) ?? []) {
      const from = Math.max(0, at - window);
      const to = Math.min(bucket.members.length, at + window + 1);
      for (let i = from; i < to; i += 1) {
        const other = bucket.members[i]!;
        if (other.id === story.id) continue;
        const entry = candidates.get(other.id) ?? { story: other, editions: [], shared: 0 };
        if (bucket.edition !== null) entry.editions.push(bucket.edition);
        else entry.shared += 1;
        candidates.set(other.id, entry);
      }
    }
    const here = position.get(story.id)!;
    const list = [...candidates.values()]
      .filter((candidate) => candidate.editions.length > 0 || candidate.shared >= minSharedFigures)
      .sort(
        (a, b) =>
          b.editions.length - a.editions.length ||
          b.shared - a.shared ||
          Math.abs(position.get(a.story.id)! - here) - Math.abs(position.get(b.story.id)! - here) ||
          compareStories(a.story, b.story),
      )
      .slice(0, limit)
      .map(({ story: other, editions, shared }) => ({
        story: other,
        reasons: [...editions, ...(shared > 0 ? [`${shared} ${shared === 1 ? 'figure' : 'figures'} in common`] : [])],
      }));
    related.set(story.id, list);
  }
  return related;
}
