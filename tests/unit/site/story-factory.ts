/** Hand-built stories for the site's unit tests: valid per the schema, small enough to read. */
import { storedArticleSchema, type Figure, type OperationMention, type StoredArticle } from '@/domain/schema';
import { summariseStory, type StoryRecord } from '@/domain/story-record';

/** A figure with defaults: a national operation figure about children. */
export function figure(overrides: Partial<Figure> & Pick<Figure, 'sentence'>): Figure {
  return {
    value: 10,
    text: '10',
    qualifier: null,
    subject: 'children',
    action: 'recovered',
    scope: { kind: 'operation', since: null, until: null, region: null },
    operation: 'operation-cross-country',
    ...overrides,
  };
}

/** A mention of an operation, by default Operation Cross Country without edition. */
export function mention(overrides: Partial<OperationMention> = {}): OperationMention {
  return { id: 'operation-cross-country', text: 'Operation Cross Country', edition: null, editionNumber: null, ...overrides };
}

/** A story as the loader caches it, validated by the real schema, so tests cannot build what the build would reject. */
export function storedArticle(id: string, overrides: Partial<StoredArticle> = {}): StoredArticle {
  return storedArticleSchema.parse({
    title: `Story ${id}`,
    slug: id,
    date: null,
    dateSource: 'unknown',
    dateEvidence: null,
    dateline: null,
    outlet: null,
    operations: [mention()],
    figures: [],
    source: { file: `${id}.txt`, sha256: '0'.repeat(64) },
    paragraphs: [['First sentence.']],
    ...overrides,
  });
}

/** A story as the archive keeps it for every page (see summariseStory). */
export function story(id: string, overrides: Partial<StoredArticle> = {}): StoryRecord {
  return { id, data: summariseStory(storedArticle(id, overrides)) };
}

/** A dated story (date stated by the source). */
export function datedStory(id: string, date: string, overrides: Partial<StoredArticle> = {}): StoryRecord {
  return story(id, { date, dateSource: 'source', ...overrides });
}
