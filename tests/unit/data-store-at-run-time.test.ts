import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { stringify, unflatten } from 'devalue';
import { afterAll, describe, expect, it } from 'vitest';
import { dataStoreAtRunTimePlugin, dataStoreModule, dataStoreModuleId } from '@/integrations/data-store-at-run-time';
import { projectRoot } from '../support/dist';

const folder = mkdtempSync(path.join(tmpdir(), 'data-store-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** A store as Astro's content sync writes data-store.json: devalue's flattened form of a Map of collections. */
function writeStore(name: string): { file: string; store: Map<string, Map<string, unknown>> } {
  const store = new Map([
    ['articles', new Map<string, unknown>([['a-story', { id: 'a-story', data: { detail: '/cache/a-story.v3.json' }, digest: 'abc', filePath: 'content/articles/a-story.md' }]])],
    ['operations', new Map<string, unknown>([['cross-country', { id: 'cross-country', data: { name: 'Operation </script> "Cross Country"' } }]])],
  ]);
  const file = path.join(folder, name);
  writeFileSync(file, stringify(store));
  return { file, store };
}

type Load = { handler: (id: string) => { code: string } | null };

describe('the content store read at run time', () => {
  it('is the store Astro would have bundled, read back from its file', async () => {
    const { file, store } = writeStore('data-store.json');
    const module = path.join(folder, 'store-module.mjs');
    writeFileSync(module, dataStoreModule(file));
    const { default: flattened } = (await import(pathToFileURL(module).href)) as { default: unknown };
    // What Astro's ImmutableDataStore.fromModule does with the module's default export.
    expect(unflatten(flattened as number)).toEqual(store);
  });

  it("takes Astro's store module only, and only while its file exists", () => {
    const { file } = writeStore('present.json');
    let loads = 0;
    const plugin = dataStoreAtRunTimePlugin(file, () => (loads += 1));
    const load = plugin.load as Load;
    expect(load.handler(dataStoreModuleId)?.code).toContain(JSON.stringify(file));
    expect(load.handler('\0astro:content')).toBeNull();
    expect((dataStoreAtRunTimePlugin(path.join(folder, 'missing.json')).load as Load).handler(dataStoreModuleId)).toBeNull();
    expect(loads).toBe(1);
  });

  it("names the module id Astro's content plugin resolves", () => {
    // Astro's constants are not exported; read them, so that an Astro upgrade that renames the module fails here.
    const consts = readFileSync(path.join(projectRoot, 'node_modules/astro/dist/content/consts.js'), 'utf8');
    expect(consts).toContain('const DATA_STORE_VIRTUAL_ID = "astro:data-layer-content";');
    expect(consts).toContain('const RESOLVED_DATA_STORE_VIRTUAL_ID = "\\0" + DATA_STORE_VIRTUAL_ID;');
    expect(dataStoreModuleId).toBe('\0astro:data-layer-content');
  });
});
