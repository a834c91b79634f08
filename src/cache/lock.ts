import { link, open, readFile, rename, rm } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { DashError } from '../errors.js';

/**
 * An exclusive lock file holding the owner's pid. A lock whose owner no longer runs is stale and taken over,
 * so a killed build never blocks the next one.
 *
 * The pid is written to a private file first and then hard-linked to the lock path: link() fails with EEXIST
 * atomically, and a contender can never read a lock file that exists but is still empty (an empty file would look
 * stale and be taken over while its owner holds it).
 */
export async function withLock<T>(path: string, fn: () => Promise<T>, options: { waitMs?: number } = {}): Promise<T> {
  const deadline = Date.now() + (options.waitMs ?? 10 * 60_000);
  const claim = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  const handle = await open(claim, 'wx');
  await handle.writeFile(String(process.pid));
  await handle.close();
  try {
    for (;;) {
      try {
        await link(claim, path);
        break;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
        const owner = await ownerOf(path);
        if (owner !== undefined && !isRunning(owner)) {
          await takeOver(path, owner);
          continue;
        }
        if (Date.now() > deadline) {
          throw new DashError(`timed out waiting for lock ${path} (another dash build is running; delete the file if not)`);
        }
        await sleep(50);
      }
    }
  } finally {
    await rm(claim, { force: true });
  }
  try {
    return await fn();
  } finally {
    await rm(path, { force: true });
  }
}

/** The pid in a lock file; NaN for content that is not a pid, undefined when the file vanished meanwhile. */
async function ownerOf(path: string): Promise<number | undefined> {
  try {
    return Number((await readFile(path, 'utf8')).trim());
  } catch {
    return undefined;
  }
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/**
 * Moves a stale lock aside (rename is atomic, so of two contenders only one gets it) and puts it back if, between
 * reading it and moving it, a live process had already replaced it.
 */
async function takeOver(path: string, staleOwner: number): Promise<void> {
  const aside = `${path}.stale.${process.pid}.${Math.random().toString(36).slice(2)}`;
  try {
    await rename(path, aside);
  } catch {
    return; // another contender moved it first
  }
  const moved = await ownerOf(aside);
  if (moved !== staleOwner && !(Number.isNaN(moved) && Number.isNaN(staleOwner))) {
    await link(aside, path).catch(() => undefined);
  }
  await rm(aside, { force: true });
}
