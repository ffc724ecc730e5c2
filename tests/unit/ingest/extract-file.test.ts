import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { extractFile } from '../../../scripts/ingest/extract-file.ts';
import { catalogue } from './support.ts';
import { extractArticle } from '@/domain/ingest/build-article';
import { maxSourceBytes, oversizeReason } from '@/domain/ingest/read-source';
import { loadPageReader, maxPageBytes, oversizePageReason } from '@/domain/ingest/page-reader';

const work = mkdtempSync(path.join(os.tmpdir(), 'extract-file-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const entry = (name: string) => ({ file: name, path: `given/${name}`, location: path.join(work, name) });

describe('extractFile', () => {
  it('reads a source and gives exactly what extractArticle gives for its bytes', () => {
    const text = ' date 2015-06-29 Operation Cross Country rescued 149 children in 2015, the FBI said.\n\nIt was the ninth sweep.\n';
    writeFileSync(path.join(work, 'one.txt'), text);
    const source = { file: 'one.txt', path: 'given/one.txt', bytes: Buffer.from(text) };
    expect(extractFile(entry('one.txt'), catalogue)).toEqual({ extracted: extractArticle(source, catalogue) });
  });

  it('refuses, unread and by the path as given, a folder, a file too large and a file that is not there', () => {
    writeFileSync(path.join(work, 'big.txt'), Buffer.alloc(maxSourceBytes + 1, 0x61));
    expect(extractFile({ file: 'sub', path: 'given/sub', location: work }, catalogue)).toEqual({
      unread: { path: 'given/sub', reason: 'is not a regular file' },
    });
    expect(extractFile(entry('big.txt'), catalogue)).toEqual({ unread: { path: 'given/big.txt', reason: oversizeReason(maxSourceBytes + 1) } });
    expect(extractFile(entry('gone.txt'), catalogue)).toEqual({ unread: { path: 'given/gone.txt', reason: 'cannot be read (ENOENT)' } });
  });
});

describe('extractFile on saved pages', () => {
  it('reads a page above the text limit and refuses one above the page limit, unread', async () => {
    await loadPageReader();
    const padding = `<!-- ${'x'.repeat(maxSourceBytes)} -->`;
    const article =
      '<p>The FBI said 84 children were recovered and 120 traffickers were arrested in Operation Cross Country XI, a nationwide sweep that ran for several days.</p>'.repeat(
        2,
      );
    writeFileSync(
      path.join(work, 'large.html'),
      `<!doctype html><html><head><title>T</title></head><body>${padding}<article>${article}</article></body></html>`,
    );
    const read = extractFile(entry('large.html'), catalogue);
    expect('extracted' in read && read.extracted.ok).toBe(true);
    writeFileSync(path.join(work, 'huge.html'), Buffer.alloc(maxPageBytes + 1, 0x61));
    expect(extractFile(entry('huge.html'), catalogue)).toEqual({ unread: { path: 'given/huge.html', reason: oversizePageReason(maxPageBytes + 1) } });
  });
});
