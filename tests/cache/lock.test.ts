import { readdir, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { describeOwner, withLock } from '../../src/cache/lock.js';
import { pathExists } from '../../src/filesystem.js';
import { tempDir } from '../support/fixtures.js';

describe('withLock', () => {
  it('runs one holder at a time and releases the lock file afterwards', async () => {
    const dir = await tempDir();
    const lock = join(dir, '.x.lock');
    const events: string[] = [];
    const holder = (name: string) =>
      withLock(lock, async () => {
        events.push(`${name} in`);
        expect(JSON.parse(await readFile(lock, 'utf8'))).toMatchObject({ pid: process.pid, host: hostname() });
        await sleep(30);
        events.push(`${name} out`);
        return name;
      });
    expect(await Promise.all([holder('a'), holder('b'), holder('c'), holder('d'), holder('e')])).toEqual(['a', 'b', 'c', 'd', 'e']);
    for (let i = 0; i < events.length; i += 2) expect(events[i + 1]).toBe(events[i]?.replace('in', 'out'));
    expect(await pathExists(lock)).toBe(false);
  });

  it('releases the lock when the holder throws', async () => {
    const dir = await tempDir();
    const lock = join(dir, '.x.lock');
    await expect(withLock(lock, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await pathExists(lock)).toBe(false);
    expect(await withLock(lock, async () => 1)).toBe(1);
  });

  it('takes over a lock left by a process that no longer runs', async () => {
    const dir = await tempDir();
    const lock = join(dir, '.x.lock');
    await writeFile(lock, '999999999');
    expect(await withLock(lock, async () => 'taken', { waitMs: 1000 })).toBe('taken');
  });

  it('takes over a lock whose content is not a pid, and leaves no claim files behind', async () => {
    const dir = await tempDir();
    const lock = join(dir, '.x.lock');
    await writeFile(lock, 'garbage');
    expect(JSON.parse(await withLock(lock, async () => readFile(lock, 'utf8'), { waitMs: 1000 }))).toMatchObject({ pid: process.pid });
    expect(await readdir(dir)).toEqual([]);
  });

  it('says once who holds it and that it waits, and times out naming the holder while a live process holds it', async () => {
    const dir = await tempDir();
    const lock = join(dir, '.x.lock');
    await writeFile(lock, JSON.stringify({ pid: process.ppid, host: hostname(), since: '2026-01-02T03:04:05.000Z' }));
    const told: string[] = [];
    await expect(withLock(lock, async () => 'never', { waitMs: 200, onWait: (owner) => told.push(describeOwner(owner)) })).rejects.toThrow(
      `timed out waiting for lock ${lock}, held by pid ${process.ppid} on ${hostname()} since 2026-01-02 03:04:05 UTC; if that build is gone, delete the file`,
    );
    expect(told).toEqual([`pid ${process.ppid} on ${hostname()} since 2026-01-02 03:04:05 UTC`]);
  });

  it('never takes over a lock of another host while its heartbeat is fresh, whatever its pid; a stale heartbeat is taken over', async () => {
    const dir = await tempDir();
    const lock = join(dir, '.x.lock');
    // A pid that does not run here: on its own host it may well run, and only the heartbeat can tell.
    const other = JSON.stringify({ pid: 999999999, host: 'build-host-2', since: new Date().toISOString() });
    await writeFile(lock, other);
    await expect(withLock(lock, async () => 'taken', { waitMs: 300, staleMs: 5_000 })).rejects.toThrow(/held by pid 999999999 on build-host-2/);
    expect(await readFile(lock, 'utf8')).toBe(other);
    const old = new Date(Date.now() - 6_000);
    await utimes(lock, old, old);
    expect(await withLock(lock, async () => 'taken', { waitMs: 300, staleMs: 5_000 })).toBe('taken');
    expect(await readdir(dir)).toEqual([]);
  });

  it('refreshes the mtime of the lock while held (the heartbeat)', async () => {
    const dir = await tempDir();
    const lock = join(dir, '.x.lock');
    const mtimes = await withLock(
      lock,
      async () => {
        const old = new Date(Date.now() - 60_000);
        await utimes(lock, old, old);
        const before = (await stat(lock)).mtimeMs;
        await sleep(120);
        return [before, (await stat(lock)).mtimeMs];
      },
      { heartbeatMs: 20 },
    );
    expect((mtimes[1] as number) - (mtimes[0] as number)).toBeGreaterThan(50_000);
  });
});
