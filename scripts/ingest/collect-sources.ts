/**
 * Which files a run reads. A source is a regular file inside the folder it
 * is found in: a symbolic link is followed only when its target resolves
 * inside that folder, so a link to /etc/passwd or to a file elsewhere on the
 * machine is refused (naming the link and its target), never published.
 */
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Refusal } from '../../src/domain/ingest/batch.ts';

/** A source accepted for reading: the path it was given or found under, and the real file to open. */
export interface CollectedSource {
  /** The path as given or listed (its base name is the source's file name). */
  given: string;
  /** The file to open: the path itself, or a link's target inside the folder. */
  location: string;
}

function isInside(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/** Accepts one entry of `folder` (given as `given`), or returns why not. */
async function accept(given: string, folder: string): Promise<CollectedSource | Refusal> {
  const info = await lstat(given).catch(() => undefined);
  if (!info) return { path: given, reason: 'does not exist' };
  if (info.isSymbolicLink()) {
    const target = await realpath(given).catch(() => undefined);
    if (target === undefined) return { path: given, reason: 'is a symbolic link whose target does not exist' };
    const realFolder = await realpath(folder);
    if (!isInside(realFolder, target)) {
      return { path: given, reason: `is a symbolic link to ${target}, outside ${folder}; a source must be a regular file inside its sources folder` };
    }
    const targetInfo = await stat(target);
    if (!targetInfo.isFile()) return { path: given, reason: `is a symbolic link to ${target}, which is not a regular file` };
    return { given, location: target };
  }
  if (!info.isFile()) return { path: given, reason: 'is not a regular file' };
  return { given, location: given };
}

/**
 * The sources the arguments name: a file as given, a folder as its files ending in one of `extensions`
 * (sorted by name). Anything missing, not a regular file, or a link leading out of its folder is refused.
 */
export async function collectSources(inputs: readonly string[], extensions: readonly string[], refusals: Refusal[]): Promise<CollectedSource[]> {
  const accepted: CollectedSource[] = [];
  const take = (result: CollectedSource | Refusal): void => {
    if ('reason' in result) refusals.push(result);
    else accepted.push(result);
  };
  for (const input of inputs) {
    const info = await lstat(input).catch(() => undefined);
    if (!info) refusals.push({ path: input, reason: 'does not exist' });
    else if (info.isDirectory()) {
      const names = (await readdir(input)).filter((name) => extensions.some((extension) => name.endsWith(extension))).sort();
      for (const name of names) take(await accept(path.join(input, name), input));
    } else if (info.isSymbolicLink() && (await stat(input).catch(() => undefined))?.isDirectory()) {
      refusals.push({ path: input, reason: `is a symbolic link to a folder (${await realpath(input)}); name the folder itself` });
    } else take(await accept(input, path.dirname(input)));
  }
  return accepted;
}
