/**
 * What a killed run leaves in the output folder: temporary files, written
 * before each rename and named `.<name>.<pid>.tmp` by ingest and by the
 * copy-stats cache alike. The next ingest removes those whose process is
 * gone; one whose process is alive may belong to a build saving its stats
 * in the folder right now, and is left alone.
 */
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

const temporaryName = /^\..+\.(\d+)\.tmp$/;

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the temporary files that dead processes left in `folder`; returns their names. */
export function removeLeftoverTemporaries(folder: string): string[] {
  const names = readdirSync(folder).filter((name) => {
    const pid = temporaryName.exec(name)?.[1];
    return pid !== undefined && Number(pid) > 0 && !isAlive(Number(pid));
  });
  for (const name of names) rmSync(path.join(folder, name), { force: true });
  return names;
}
