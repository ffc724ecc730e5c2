// @ts-check
/**
 * This project's TypeScript scripts as single esbuild bundles, cached under
 * node_modules/.cache. Run through tsx, the ingest CLI took about a second to
 * start (every module compiled through Node's loader hooks) and a worker
 * thread could not use tsx at all; a bundle starts in a third of that.
 *
 * A bundle is rebuilt when any file it was built from changes size or
 * modification time, or disappears; this file is one of those inputs, so a
 * change to how scripts are bundled rebuilds them too.
 *
 * Plain JavaScript because it must run before anything can compile TypeScript.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cacheFolder = path.join(projectRoot, 'node_modules', '.cache', 'operations-archive', 'bundles');
const thisFile = fileURLToPath(import.meta.url);
// Spelt in pieces: this file is bundled into the scripts too, and the plugin below rewrites the whole word.
const importMetaUrl = ['import', 'meta', 'url'].join('.');

/**
 * Gives every module its own `import.meta.url`, as when Node loads it from its file: in one bundle
 * they would all get the bundle's URL, and the scripts find files relative to their own.
 * @type {import('esbuild').Plugin}
 */
const ownImportMetaUrl = {
  name: 'own-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.[cm]?[jt]s$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      if (!text.includes(importMetaUrl)) return undefined;
      const contents = text.replaceAll(importMetaUrl, JSON.stringify(pathToFileURL(args.path).href));
      return { contents, loader: /\.[cm]?ts$/.test(args.path) ? 'ts' : 'js' };
    });
  },
};

/**
 * @typedef {{ file: string, size: number, mtimeMs: number }} Input
 * @typedef {'esm' | 'cjs'} Format
 */

/** @param {string} file @returns {Input | null} */
function fingerprint(file) {
  try {
    const stats = statSync(file);
    return { file, size: stats.size, mtimeMs: stats.mtimeMs };
  } catch {
    return null;
  }
}

/** @param {string} manifestFile @returns {boolean} */
function isFresh(manifestFile) {
  /** @type {Input[]} */
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(manifestFile, 'utf8')).inputs;
  } catch {
    return false;
  }
  return inputs.every((input) => {
    const now = fingerprint(input.file);
    return now !== null && now.size === input.size && now.mtimeMs === input.mtimeMs;
  });
}

/** Writes through a temporary name, so a script started meanwhile never reads half a bundle. @param {string} file @param {string | Uint8Array} contents */
function writeWhole(file, contents) {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, file);
}

/**
 * The bundle of `entry` (a path to a .ts script), built if it is missing or out of date; returns its path.
 * @param {string} entry
 * @param {Format} format esm for a script run by the launcher, cjs for a worker thread's program
 * @param {string} [folder] where bundles are kept (tests use their own)
 * @returns {Promise<string>}
 */
export async function bundledScript(entry, format, folder = cacheFolder) {
  const absolute = path.resolve(entry);
  const key = createHash('sha256').update(`${absolute}\0${format}`).digest('hex').slice(0, 16);
  const bundleFile = path.join(folder, `${path.basename(absolute, path.extname(absolute))}-${key}.${format === 'esm' ? 'mjs' : 'cjs'}`);
  const manifestFile = `${bundleFile}.inputs.json`;
  if (isFresh(manifestFile)) return bundleFile;

  const { build } = await import('esbuild');
  const startedAt = Date.now();
  const result = await build({
    entryPoints: [absolute],
    absWorkingDir: projectRoot,
    outfile: bundleFile,
    bundle: true,
    platform: 'node',
    format,
    target: 'node20',
    sourcemap: 'linked',
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins: [ownImportMetaUrl],
    // esbuild's own API finds its binary next to its files; it stays a package Node loads.
    external: ['esbuild'],
    // Bundled CommonJS packages (gray-matter) call require for Node's built-ins.
    banner: format === 'esm' ? { js: `import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(${importMetaUrl});` } : {},
  });
  const inputs = [thisFile, ...Object.keys(result.metafile.inputs).map((input) => path.resolve(projectRoot, input))].map((file) => {
    const input = fingerprint(file);
    if (input === null) throw new Error(`bundling ${entry}: its input ${file} disappeared while it was bundled`);
    return input;
  });
  mkdirSync(folder, { recursive: true });
  // The map first: the bundle names it, and a bundle is only used once its manifest is written.
  for (const output of [...result.outputFiles].sort((a, b) => Number(b.path.endsWith('.map')) - Number(a.path.endsWith('.map')))) {
    writeWhole(output.path, output.contents);
  }
  // A file saved while esbuild ran may or may not be in this bundle: use it this once, but record no manifest,
  // so the next start bundles again.
  if (inputs.every((input) => input.mtimeMs < startedAt)) writeWhole(manifestFile, JSON.stringify({ entry: absolute, inputs }));
  else rmSync(manifestFile, { force: true });
  return bundleFile;
}
