import { describe, expect, it } from 'vitest';
import {
  formatRenderManifest,
  manifestMismatch,
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
  const manifest: RenderManifest = { version: 1, fingerprint: 'f', outDir: '/out', stories: { a: 'k' }, otherPages: ['index.html'], searchShards: { all: 's' } };

  it('reads back what it writes', () => {
    expect(parseRenderManifest(formatRenderManifest(manifest))).toEqual(manifest);
  });

  it('reads anything else as no manifest', () => {
    expect(parseRenderManifest(null)).toBeNull();
    expect(parseRenderManifest('{')).toBeNull();
    expect(parseRenderManifest(JSON.stringify({ ...manifest, version: 2 }))).toBeNull();
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
