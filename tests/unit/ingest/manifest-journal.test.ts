import { describe, expect, it } from 'vitest';
import { applyJournal, formatManifest, journalLine, parseManifest, type Manifest, type ManifestEntry } from '@/domain/ingest/manifest';

const entry = (written: string, extra: Partial<ManifestEntry> = {}): ManifestEntry => ({
  source: 'a.txt',
  sourceSha256: 's',
  textDigest: 't',
  written,
  ...extra,
});

describe('the ingest journal', () => {
  const manifest: Manifest = new Map([['a.md', entry('old')]]);

  it('vouches for a copy only when its bytes are the ones the line records', () => {
    const journal = journalLine('a.md', entry('new')) + journalLine('b.md', entry('other'));
    const onDisk = new Map([
      ['a.md', 'new'],
      ['b.md', 'edited since'],
    ]);
    const merged = applyJournal(manifest, journal, (name) => onDisk.get(name));
    expect(merged.get('a.md')).toEqual(entry('new'));
    expect(merged.has('b.md')).toBe(false);
    // The manifest it was given is left as it was.
    expect(manifest.get('a.md')).toEqual(entry('old'));
  });

  it('keeps the manifest entry for a copy the killed run never reached', () => {
    const merged = applyJournal(manifest, journalLine('a.md', entry('new')), () => 'old');
    expect(merged.get('a.md')).toEqual(entry('old'));
  });

  it('takes the later of two lines, and ignores a line cut short by the kill', () => {
    const line = journalLine('a.md', entry('third'));
    const journal = journalLine('a.md', entry('second')) + line + line.slice(0, 20);
    expect(applyJournal(manifest, journal, () => 'third').get('a.md')).toEqual(entry('third'));
    expect(applyJournal(manifest, journal, () => 'second').get('a.md')).toEqual(entry('second'));
  });

  it('carries the slugs an entry records', () => {
    const withSlugs = entry('new', { slug: 'b', formerSlugs: ['a'] });
    expect(applyJournal(new Map(), journalLine('a.md', withSlugs), () => 'new').get('a.md')).toEqual(withSlugs);
  });
});

describe('the manifest', () => {
  it('writes an entry without slugs exactly as before slugs were recorded', () => {
    const text = formatManifest(new Map([['a.md', entry('w')]]));
    expect(text).toContain('"written": "w"\n    }');
    expect(parseManifest(text).get('a.md')).toEqual(entry('w'));
  });

  it('refuses a recorded slug that is not a slug', () => {
    const text = formatManifest(new Map([['a.md', entry('w', { slug: 'Not A Slug' })]]));
    expect(() => parseManifest(text)).toThrow('is not an ingest manifest');
  });
});
