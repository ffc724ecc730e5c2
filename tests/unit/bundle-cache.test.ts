import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { bundledScript } from '../../scripts/bundle-cache.mjs';

const work = mkdtempSync(path.join(os.tmpdir(), 'bundle-cache-'));
const bundles = path.join(work, 'bundles');
const entry = path.join(work, 'entry.ts');
const dependency = path.join(work, 'nested', 'where.ts');

afterAll(() => rmSync(work, { recursive: true, force: true }));

function writeScripts(greeting: string): void {
  writeFileSync(entry, "import { where } from './nested/where.ts';\nconst own: string = import.meta.url;\nconsole.log(JSON.stringify({ own, where, args: process.argv.slice(2) }));\n");
  execFileSync('mkdir', ['-p', path.dirname(dependency)]);
  writeFileSync(dependency, `export const where: string = ${JSON.stringify(greeting)} + ' ' + import.meta.url;\n`);
}

describe('bundledScript', () => {
  it('bundles a script whose modules each keep their own import.meta.url', async () => {
    writeScripts('from');
    const bundle = await bundledScript(entry, 'esm', bundles);
    expect(path.dirname(bundle)).toBe(bundles);
    const printed = JSON.parse(execFileSync(process.execPath, [bundle, 'a b'], { encoding: 'utf8' })) as Record<string, unknown>;
    expect(printed).toEqual({ own: pathToFileURL(entry).href, where: `from ${pathToFileURL(dependency).href}`, args: ['a b'] });
  });

  it('reuses the bundle while its inputs are unchanged, and rebuilds it when one changes', async () => {
    writeScripts('from');
    const first = await bundledScript(entry, 'esm', bundles);
    // Backdate the bundle: a rebuild would give it a new modification time.
    const backdated = new Date('2020-01-01T00:00:00Z');
    utimesSync(first, backdated, backdated);
    const again = await bundledScript(entry, 'esm', bundles);
    expect(again).toBe(first);
    expect(statSync(again).mtimeMs).toBe(backdated.getTime());

    writeScripts('changed, from');
    const rebuilt = await bundledScript(entry, 'esm', bundles);
    const printed = JSON.parse(execFileSync(process.execPath, [rebuilt], { encoding: 'utf8' })) as { where: string };
    expect(printed.where).toBe(`changed, from ${pathToFileURL(dependency).href}`);
  });

  it('records no manifest when an input is newer than the bundling, so the next start bundles again', async () => {
    writeScripts('from');
    // An input dated in the future stands for one saved while esbuild was running.
    const future = new Date(Date.now() + 60_000);
    utimesSync(dependency, future, future);
    const bundle = await bundledScript(entry, 'esm', bundles);
    expect(existsSync(`${bundle}.inputs.json`)).toBe(false);
    const backdated = new Date('2020-01-01T00:00:00Z');
    utimesSync(bundle, backdated, backdated);
    await bundledScript(entry, 'esm', bundles);
    expect(statSync(bundle).mtimeMs).not.toBe(backdated.getTime());
  });

  it('names the entry when it cannot be bundled', async () => {
    await expect(bundledScript(path.join(work, 'missing.ts'), 'esm', bundles)).rejects.toThrow(/missing\.ts/);
  });
});
