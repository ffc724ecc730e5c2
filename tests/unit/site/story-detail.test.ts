import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { detailFileName, digestInDetailFile, readStoryDetail, writeStoryDetail } from '@/lib/story-detail';
import { storyDetail } from '@/domain/story-record';
import { storedArticle } from './story-factory';

let dir = '';
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = '';
});

describe('story detail files', () => {
  it('names a file by slug and digest, and reads the digest back', () => {
    const name = detailFileName('operation-cross-country-xi', 'abc123');
    expect(name).toBe('operation-cross-country-xi.abc123.v3.json');
    expect(digestInDetailFile('operation-cross-country-xi', path.join('/cache', name))).toBe('abc123');
  });

  it('writes a story that reads back equal, leaving no temporary file', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'archive-detail-'));
    const story = storyDetail(storedArticle('xi', { date: '2017-10-19', dateSource: 'source', paragraphs: [['Opening.', 'Close.']] }));
    const file = path.join(dir, detailFileName('xi', 'd1'));
    await writeStoryDetail(file, story);
    expect(await readStoryDetail(file)).toEqual(story);
    expect(readdirSync(dir)).toEqual([path.basename(file)]);
  });
});
