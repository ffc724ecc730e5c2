// @ts-check
/**
 * `node scripts/launch.mjs <script.ts> [arguments...]`: runs one of this
 * project's TypeScript scripts (`npm run ingest`, `npm run build`) from its
 * cached bundle (scripts/bundle-cache.mjs). The script sees `process.argv`
 * as if Node had run it directly. Stack traces name the bundle's lines;
 * NODE_OPTIONS=--enable-source-maps maps them to the TypeScript (reading the
 * maps takes 0.2 s, so it is not the default).
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundledScript } from './bundle-cache.mjs';

const [entry, ...args] = process.argv.slice(2);
if (entry === undefined || !entry.endsWith('.ts')) {
  console.error('usage: node scripts/launch.mjs <script.ts> [arguments...]');
  process.exit(2);
}
const bundle = await bundledScript(entry, 'esm').catch((/** @type {Error} */ error) => {
  console.error(`launch: could not bundle ${entry}: ${error.message}`);
  process.exit(1);
});
process.argv = [process.argv[0] ?? process.execPath, path.resolve(entry), ...args];
await import(pathToFileURL(bundle).href);
