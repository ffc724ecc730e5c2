/**
 * What a killed run leaves in the output folder: temporary files (written
 * before each rename, `.<name>.<pid>.tmp`). Removed by the next run, which
 * holds the folder's lock, so none of them can belong to a live run.
 */
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

const temporaryName = /^\..+\.\d+\.tmp$/;

/** Removes the temporary files a killed run left in `folder`; returns their names. */
export function removeLeftoverTemporaries(folder: string): string[] {
  const names = readdirSync(folder).filter((name) => temporaryName.test(name));
  for (const name of names) rmSync(path.join(folder, name), { force: true });
  return names;
}
