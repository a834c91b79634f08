import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isRunning, isStale, lookAt, parseOwner, STALE_MS, takeOver, THIS_HOST, type LockOwner } from './lock.js';

/**
 * What a killed build leaves beside its files (an interrupted one removes them itself, see interrupt.ts):
 * - temp files and folders `.<name>.<pid>.<8 hex>.tmp` (and `.tmp.old`, the site moved aside during its swap);
 * - locks `.<name>.lock` whose owner is gone (lock.ts's rule), lock claims `.<name>.lock.<pid>.<random>` and stale
 *   locks moved aside `.<name>.lock.stale.<pid>.<random>`.
 * Each is removed when its owner is gone. Claims record their owner's host: on another host, "gone" means its
 * heartbeat (the claim's mtime, refreshed while it waits) is older than STALE_MS. Temps carry only a pid, so a temp
 * whose pid is not running here is kept while a lock of another host, held by that pid, is alive: on a cache folder
 * shared between hosts, a build there writes its temps under such a lock.
 */
const TEMP = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp(?:\.old)?$/;
const CLAIM = /^\..+\.lock\.(?:stale\.)?(\d+)\.[0-9a-z]*$/;
const LOCK = /^\..+\.lock$/;

interface Entry {
  name: string;
  path: string;
  ageMs: number;
}

export async function removeLeftovers(dir: string, prefix = '.'): Promise<string[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.startsWith(prefix));
  } catch {
    return [];
  }
  const entries = (
    await Promise.all(
      names.map(async (name): Promise<Entry | undefined> => {
        const path = join(dir, name);
        const info = await stat(path).catch(() => undefined);
        return info && { name, path, ageMs: Date.now() - info.mtimeMs };
      }),
    )
  ).filter((e): e is Entry => e !== undefined);

  const removed: string[] = [];
  const foreignLive = new Set<number>();
  for (const e of entries.filter((x) => LOCK.test(x.name))) {
    const held = await lookAt(e.path);
    if (held === undefined) continue;
    if (isStale(held)) {
      await takeOver(e.path, held.raw);
      removed.push(e.name);
    } else if (held.owner && held.owner.host !== THIS_HOST) foreignLive.add(held.owner.pid);
  }

  for (const e of entries) {
    const temp = TEMP.exec(e.name);
    const claim = temp ? null : CLAIM.exec(e.name);
    let gone = false;
    if (temp) {
      const pid = Number(temp[1]);
      gone = !isRunning(pid) && !foreignLive.has(pid);
    } else if (claim) {
      const owner = (await ownerIn(e.path)) ?? { pid: Number(claim[1]), host: THIS_HOST, since: '' };
      gone = owner.host === THIS_HOST ? !isRunning(owner.pid) : e.ageMs > STALE_MS;
    }
    if (gone) {
      await rm(e.path, { recursive: true, force: true });
      removed.push(e.name);
    }
  }
  return removed;
}

async function ownerIn(path: string): Promise<LockOwner | undefined> {
  return parseOwner(await readFile(path, 'utf8').catch(() => ''));
}
