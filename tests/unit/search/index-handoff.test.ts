import { describe, expect, it } from 'vitest';
import { formatHandoff, handoffFileFrom, parseHandoff, type IndexHandoff } from '@/lib/index-handoff';

const handoff: IndexHandoff = {
  version: 1,
  siteDir: '/tmp/site/dist',
  shards: [
    { id: 'd0', path: '/pagefind/', slugs: ['a', 'b'], key: 'k0' },
    { id: 'd1', path: '/pagefind/shards/d1/', slugs: ['c'], key: 'k1' },
  ],
  stale: ['d1'],
  manifestFile: '/tmp/site/cache/render-manifest.json',
  manifest: '{"version":2}\n',
};

describe('search index handoff variable', () => {
  it('finds the handoff file only when npm run build set one', () => {
    expect(handoffFileFrom({})).toBeNull();
    expect(handoffFileFrom({ ARCHIVE_SEARCH_INDEX_HANDOFF: '' })).toBeNull();
    expect(handoffFileFrom({ ARCHIVE_SEARCH_INDEX_HANDOFF: '/tmp/x/handoff.json' })).toBe('/tmp/x/handoff.json');
  });
});

describe('search index handoff', () => {
  it('reads back what it wrote', () => {
    expect(parseHandoff(formatHandoff(handoff), 'h.json')).toEqual(handoff);
  });

  it('names the file when it is not JSON', () => {
    expect(() => parseHandoff('{"version":1,', '/tmp/h.json')).toThrow(/handoff \/tmp\/h\.json is not JSON/);
  });

  it('names the file and the field that is wrong', () => {
    const bad = { ...handoff, shards: [{ ...handoff.shards[0], path: '/elsewhere/' }] };
    expect(() => parseHandoff(JSON.stringify(bad), '/tmp/h.json')).toThrow(/handoff \/tmp\/h\.json is not one this build wrote: shards\.0\.path/);
    expect(() => parseHandoff(JSON.stringify({ ...handoff, version: 2 }), 'h.json')).toThrow(/version/);
  });

  it('refuses a stale shard it does not list', () => {
    expect(() => parseHandoff(JSON.stringify({ ...handoff, stale: ['d1', 'd7'] }), 'h.json')).toThrow(/names shards it does not list: d7/);
  });
});
