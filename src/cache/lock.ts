import { link, open, readFile, rename, rm, stat, utimes } from 'node:fs/promises';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { DashError } from '../errors.js';
import { hold, release } from '../interrupt.js';

/**
 * An exclusive lock file recording its owner: `{"pid","host","since"}`. While held, its mtime is refreshed every
 * HEARTBEAT_MS (as proper-lockfile does), because a cache folder may be shared between hosts (NFS, a CI cache volume)
 * where a pid means nothing. A lock is stale, and taken over, when its owner is on this host and no longer runs, or
 * when its heartbeat is older than STALE_MS; a lock of another host with a fresh heartbeat is never taken over.
 *
 * The owner is written to a private claim file first and then hard-linked to the lock path: link() fails with EEXIST
 * atomically, and a contender can never read a lock file that exists but is still empty.
 */
export const HEARTBEAT_MS = 10_000;
export const STALE_MS = 60_000;

export interface LockOwner {
  pid: number;
  host: string;
  since: string;
}

export interface LockOptions {
  waitMs?: number;
  /** Called once when the lock is held by a live owner and this call starts to wait for it. */
  onWait?: (owner: LockOwner | undefined, path: string) => void;
  /** For tests: how old a heartbeat may be. */
  staleMs?: number;
  heartbeatMs?: number;
}

export const THIS_HOST = hostname();

export async function withLock<T>(path: string, fn: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const deadline = Date.now() + (options.waitMs ?? 10 * 60_000);
  const staleMs = options.staleMs ?? STALE_MS;
  const me: LockOwner = { pid: process.pid, host: THIS_HOST, since: new Date().toISOString() };
  const claim = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  hold(claim);
  let told = false;
  const heartbeatMs = options.heartbeatMs ?? HEARTBEAT_MS;
  let touched = Date.now();
  try {
    const handle = await open(claim, 'wx');
    await handle.writeFile(JSON.stringify(me));
    await handle.close();
    for (;;) {
      try {
        await link(claim, path);
        hold(path);
        break;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
        const held = await lookAt(path);
        if (held === undefined) continue; // released meanwhile
        if (isStale(held, staleMs)) {
          await takeOver(path, held.raw);
          continue;
        }
        if (!told) {
          told = true;
          options.onWait?.(held.owner, path);
        }
        if (Date.now() - touched > heartbeatMs) {
          // The claim's heartbeat: a cleaner on another host sees this waiting build is alive (cache/leftovers.ts).
          touched = Date.now();
          await utimes(claim, new Date(), new Date()).catch(() => undefined);
        }
        if (Date.now() > deadline) {
          throw new DashError(`timed out waiting for lock ${path}, held by ${describeOwner(held.owner)}; if that build is gone, delete the file`);
        }
        await sleep(50);
      }
    }
  } finally {
    await rm(claim, { force: true });
    release(claim);
  }
  const heartbeat = setInterval(() => {
    const now = new Date();
    utimes(path, now, now).catch(() => undefined);
  }, heartbeatMs);
  heartbeat.unref();
  try {
    return await fn();
  } finally {
    clearInterval(heartbeat);
    // Only our own lock is removed: one taken over from us (our heartbeat stalled) now belongs to someone else.
    const still = await lookAt(path);
    if (still?.owner?.pid === me.pid && still.owner.host === me.host && still.owner.since === me.since) await rm(path, { force: true });
    release(path);
  }
}

export interface Held {
  raw: string;
  /** undefined when the content is not an owner record (a damaged file). */
  owner: LockOwner | undefined;
  ageMs: number;
}

export async function lookAt(path: string): Promise<Held | undefined> {
  try {
    const [raw, info] = await Promise.all([readFile(path, 'utf8'), stat(path)]);
    return { raw, owner: parseOwner(raw), ageMs: Date.now() - info.mtimeMs };
  } catch {
    return undefined;
  }
}

/** The owner record; a bare pid is a lock of dash ≤ 0.1, always written on the host that reads it. */
export function parseOwner(raw: string): LockOwner | undefined {
  const text = raw.trim();
  if (/^\d+$/.test(text)) return { pid: Number(text), host: THIS_HOST, since: '' };
  try {
    const o = JSON.parse(text) as Partial<LockOwner>;
    if (Number.isInteger(o.pid) && typeof o.host === 'string' && typeof o.since === 'string') return o as LockOwner;
  } catch {
    // not JSON: damaged
  }
  return undefined;
}

export function isStale(held: Held, staleMs: number = STALE_MS): boolean {
  if (held.owner === undefined) return true;
  if (held.owner.host === THIS_HOST) return !isRunning(held.owner.pid);
  return held.ageMs > staleMs;
}

export function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

export function describeOwner(owner: LockOwner | undefined): string {
  if (owner === undefined) return 'an unknown owner';
  return `pid ${owner.pid} on ${owner.host}${owner.since === '' ? '' : ` since ${owner.since.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')}`}`;
}

/**
 * Moves a stale lock aside (rename is atomic, so of two contenders only one gets it) and puts it back if, between
 * reading it and moving it, a live process had already replaced it.
 */
export async function takeOver(path: string, staleContent: string): Promise<void> {
  const aside = `${path}.stale.${process.pid}.${Math.random().toString(36).slice(2)}`;
  try {
    await rename(path, aside);
  } catch {
    return; // another contender moved it first
  }
  const moved = await readFile(aside, 'utf8').catch(() => undefined);
  if (moved !== staleContent) await link(aside, path).catch(() => undefined);
  await rm(aside, { force: true });
}
