import { describe, expect, it } from 'vitest';
import {
  formatRenderManifest,
  keptListPages,
  manifestMismatch,
  pageFile,
  parseRenderManifest,
  planStoryPages,
  staleFiles,
  storyPageKey,
  type RenderManifest,
} from '@/lib/render-plan';

const inputs = { digest: 'a', older: 'b', newer: null, related: [{ digest: 'c', reasons: ['same edition'] }] };

describe('storyPageKey', () => {
  it('changes when any input of the page changes', () => {
    const key = storyPageKey(inputs);
    expect(storyPageKey({ ...inputs })).toBe(key);
    expect(storyPageKey({ ...inputs, digest: 'x' })).not.toBe(key);
    expect(storyPageKey({ ...inputs, older: null })).not.toBe(key);
    expect(storyPageKey({ ...inputs, newer: 'b' })).not.toBe(key);
    expect(storyPageKey({ ...inputs, related: [] })).not.toBe(key);
    expect(storyPageKey({ ...inputs, related: [{ digest: 'c', reasons: ['2 figures in common'] }] })).not.toBe(key);
  });
});

describe('planStoryPages', () => {
  const current = new Map([
    ['kept', 'k1'],
    ['changed', 'k2'],
    ['new', 'k3'],
    ['missing-file', 'k4'],
  ]);
  const previous = { kept: 'k1', changed: 'old', gone: 'k5', 'missing-file': 'k4' };

  it('renders new, changed and missing pages, keeps the rest, removes what is gone', () => {
    const plan = planStoryPages(current, previous, (slug) => slug !== 'missing-file');
    expect(plan).toEqual({ render: ['changed', 'new', 'missing-file'], reuse: ['kept'], remove: ['gone'] });
  });

  it('renders everything without a previous build', () => {
    expect(planStoryPages(current, null, () => true)).toEqual({ render: [...current.keys()], reuse: [], remove: [] });
  });

  it('is not fooled by inherited property names', () => {
    const plan = planStoryPages(new Map([['constructor', 'k']]), {}, () => true);
    expect(plan.render).toEqual(['constructor']);
  });
});

describe('render manifest', () => {
  const manifest: RenderManifest = {
    version: 2,
    fingerprint: 'f',
    outDir: '/out',
    stories: { a: 'k' },
    otherPages: ['index.html', 'timeline/2019/index.html'],
    listPages: { 'timeline/2019/index.html': 'y' },
    searchShards: { all: 's' },
  };

  it('reads back what it writes', () => {
    expect(parseRenderManifest(formatRenderManifest(manifest))).toEqual(manifest);
  });

  it('reads anything else as no manifest', () => {
    expect(parseRenderManifest(null)).toBeNull();
    expect(parseRenderManifest('{')).toBeNull();
    // A manifest of the first version (no list pages) means a full build, not a guess.
    const { listPages: _listPages, ...first } = manifest;
    expect(parseRenderManifest(JSON.stringify({ ...first, version: 1 }))).toBeNull();
    expect(parseRenderManifest(JSON.stringify({ ...manifest, version: 3 }))).toBeNull();
    expect(parseRenderManifest(JSON.stringify({ ...manifest, stories: { a: 1 } }))).toBeNull();
  });

  it('says why a manifest cannot be used', () => {
    expect(manifestMismatch(manifest, { fingerprint: 'f', outDir: '/out' })).toBeNull();
    expect(manifestMismatch(null, { fingerprint: 'f', outDir: '/out' })).toMatch(/no record/);
    expect(manifestMismatch(manifest, { fingerprint: 'f', outDir: '/elsewhere' })).toMatch(/\/out/);
    expect(manifestMismatch(manifest, { fingerprint: 'g', outDir: '/out' })).toMatch(/code, configuration or catalogue changed/);
  });
});

describe('staleFiles', () => {
  it('lists files of the last build this one did not write', () => {
    expect(staleFiles(['a', 'b', 'c'], new Set(['a', 'c', 'd']))).toEqual(['b']);
  });
});

describe('keptListPages', () => {
  const current = new Map([
    ['timeline/2018/index.html', 'same'],
    ['timeline/2019/index.html', 'new-key'],
    ['timeline/2020/index.html', 'same'],
    ['timeline/2021/index.html', 'k'],
  ]);
  const previous = { 'timeline/2018/index.html': 'same', 'timeline/2019/index.html': 'old-key', 'timeline/2020/index.html': 'same', 'timeline/2017/index.html': 'k' };

  it('keeps a page whose key is unchanged and whose file is still there, nothing else', () => {
    const kept = keptListPages(current, previous, (file) => file !== 'timeline/2020/index.html');
    expect([...kept]).toEqual(['timeline/2018/index.html']);
  });

  it('keeps nothing without a previous build, and is not fooled by inherited property names', () => {
    expect(keptListPages(current, null, () => true).size).toBe(0);
    expect(keptListPages(new Map([['constructor', 'k']]), {}, () => true).size).toBe(0);
  });
});

describe('pageFile', () => {
  it('names the file a page path is written to', () => {
    expect(pageFile('/')).toBe('index.html');
    expect(pageFile('/timeline/2019/2/')).toBe('timeline/2019/2/index.html');
    expect(pageFile('/rss.xml')).toBe('rss.xml');
  });
});
