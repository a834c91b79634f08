import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { hold } from '../interrupt.js';

/** A temp path in the same folder as `target`, so the final rename never crosses file systems. */
export function tempPathFor(target: string): string {
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  hold(temp); // removed if the build is interrupted; once renamed into place, nothing is left at this path
  return temp;
}

/**
 * Writes `data` to `target` atomically: temp file in the same folder, fsync, rename, fsync of the folder.
 * Readers see the old file or the new one, never a half-written one; on failure the temp file is removed.
 */
export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  const temp = tempPathFor(target);
  try {
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await commitTemp(temp, target);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
}

/** Renames an already-written and synced temp file over `target`, then syncs the folder entry. */
export async function commitTemp(temp: string, target: string): Promise<void> {
  const file = await open(temp, 'r+');
  try {
    await file.sync();
  } finally {
    await file.close();
  }
  await rename(temp, target);
  await syncDir(dirname(target));
}

async function syncDir(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some file systems refuse fsync on a directory; the rename itself is still atomic.
  }
}
