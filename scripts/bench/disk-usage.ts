/** Sizes of built output: bytes and file counts of a folder tree. */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

export interface FolderSize {
  bytes: number;
  files: number;
}

/** Apparent size (sum of file lengths) and number of files under `dir`; zero when it does not exist. */
export async function folderSize(dir: string): Promise<FolderSize> {
  const total: FolderSize = { bytes: 0, files: 0 };
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return total;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      const inner = await folderSize(full);
      total.bytes += inner.bytes;
      total.files += inner.files;
    } else if (entry.isFile()) {
      total.bytes += (await stat(full)).size;
      total.files += 1;
    }
  }
  return total;
}
