/**
 * `npm run build`: Astro builds the site into a staging folder beside the
 * output folder, Pagefind indexes it there, and only then does the staging
 * folder replace the output folder. A build that fails or is killed
 * therefore never leaves a half-written site where a complete one is
 * expected, and only the site's own files are ever published.
 *
 *   npm run build [-- --outDir <dir>] [-- --root <dir>]
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { settings, siteWarning } from '../settings.ts';
import { acquireRunLock, RunLockHeld } from './run-lock.ts';
import { indexSite } from './search-index.ts';
import { stagingFolder, stagingVariable, storyPageCount, strayFiles } from './site-output.ts';

interface BuildArguments {
  root: string;
  outDir: string;
  /** Arguments for astro build other than --root and --outDir. */
  rest: string[];
}

function parseArguments(argv: readonly string[]): BuildArguments {
  let root = process.cwd();
  let outDir: string | undefined;
  const rest: string[] = [];
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index]!;
    const value = argv[index + 1];
    if ((argument === '--root' || argument === '--outDir') && value === undefined) throw new Error(`${argument} needs a folder`);
    if (argument === '--root') root = path.resolve(value!);
    else if (argument === '--outDir') outDir = value!;
    else {
      rest.push(argument);
      continue;
    }
    index += 1;
  }
  return { root, outDir: path.resolve(root, outDir ?? 'dist'), rest };
}

/** Astro's CLI, as its package.json's "bin" names it (the file itself is not in its exports). */
function astroCli(): string {
  const manifest = createRequire(import.meta.url).resolve('astro/package.json');
  return path.join(path.dirname(manifest), (JSON.parse(readFileSync(manifest, 'utf8')) as { bin: { astro: string } }).bin.astro);
}

function run(command: string, args: readonly string[], cwd: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

async function main(): Promise<number> {
  const started = performance.now();
  const args = parseArguments(process.argv.slice(2));
  // One build at a time into an output folder: two would share the staging folder and swap each other's sites.
  try {
    acquireRunLock(`${stagingFolder(args.outDir)}.lock`, 'build');
  } catch (error) {
    if (!(error instanceof RunLockHeld)) throw error;
    console.error(`build: ${error.message}`);
    return 2;
  }
  const warning = siteWarning(settings());
  if (warning !== null) console.warn(`build: ${warning}`);
  const staging = stagingFolder(args.outDir);
  // What a killed build left behind is never served: it was only ever in the staging folder.
  await rm(staging, { recursive: true, force: true });
  // The sitemap leaves out the redirect pages it finds in the staging folder (see site-output.ts).
  process.env[stagingVariable] = staging;
  const code = await run(process.execPath, [astroCli(), 'build', '--root', args.root, '--outDir', staging, ...args.rest], process.cwd());
  if (code !== 0) {
    await rm(staging, { recursive: true, force: true });
    console.error(`build: astro build failed (exit ${code}); ${path.relative(process.cwd(), args.outDir) || args.outDir} is left as it was`);
    return code;
  }
  const stray = await strayFiles(staging);
  if (stray.length > 0) throw new Error(`astro build left files that are not part of the site in ${staging}: ${stray.join(', ')}`);
  const stories = await storyPageCount(staging);
  const indexStarted = performance.now();
  const summary = await indexSite(staging, stories);
  console.log(`build: search index of ${summary.indexedPages} story pages in ${((performance.now() - indexStarted) / 1000).toFixed(1)} s`);
  // Swap: the complete site replaces the old one in two renames.
  const old = `${args.outDir}.old-${process.pid}`;
  if (existsSync(args.outDir)) await rename(args.outDir, old);
  await rename(staging, args.outDir);
  await rm(old, { recursive: true, force: true });
  console.log(`build: ${stories} stories into ${args.outDir} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`build failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
