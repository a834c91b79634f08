import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { withLock } from '../../src/cache/lock.js';
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
        expect(await readFile(lock, 'utf8')).toBe(String(process.pid));
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
    expect(await withLock(lock, async () => readFile(lock, 'utf8'), { waitMs: 1000 })).toBe(String(process.pid));
    expect(await readdir(dir)).toEqual([]);
  });

  it('times out with a clear message while a live process holds the lock', async () => {
    const dir = await tempDir();
    const lock = join(dir, '.x.lock');
    await writeFile(lock, String(process.ppid));
    await expect(withLock(lock, async () => 'never', { waitMs: 100 })).rejects.toThrow(
      `timed out waiting for lock ${lock} (another dash build is running; delete the file if not)`,
    );
  });
});
