import { spawnSync } from 'node:child_process';
import { mkdir, readdir, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeLeftovers } from '../../src/cache/leftovers.js';
import { tempDir } from '../support/fixtures.js';

const owner = (pid: number, host = hostname()): string => JSON.stringify({ pid, host, since: '2026-01-01T00:00:00.000Z' });

describe('removeLeftovers', () => {
  it('removes what a gone owner left (locks, claims, stale-asides, temps, temp folders) and keeps what a live owner holds', async () => {
    const dir = await tempDir();
    const dead = spawnSync('true').pid as number;
    const live = process.pid;
    const files: Record<string, string> = {
      '.bases.lock': owner(dead),
      [`.bases.lock.${dead}.k2j3`]: owner(dead),
      [`.bases.lock.stale.${dead}.zz9`]: owner(dead),
      [`.bases.parquet.${dead}.0badc0de.tmp`]: 'half',
      '.equipment.lock': owner(live),
      [`.equipment.lock.${live}.abc`]: owner(live),
      [`.equipment.parquet.${live}.01234567.tmp`]: 'writing',
      // another host's build: its pid means nothing here; its fresh heartbeat keeps its lock, claim and temp
      '.ecg.lock': owner(dead + 1, 'other-host'),
      [`.ecg.lock.${dead + 1}.q1`]: owner(dead + 1, 'other-host'),
      [`.ecg_precomputed.json.${dead + 1}.89abcdef.tmp`]: 'writing',
      // another host's claim with a stale heartbeat: gone
      [`.healthcare.lock.${dead + 2}.q2`]: owner(dead + 2, 'other-host'),
      'manifest.json': '{}',
      '.demo': '',
    };
    for (const [name, content] of Object.entries(files)) {
      if (name === '.demo') await mkdir(join(dir, name));
      else await writeFile(join(dir, name), content);
    }
    await mkdir(join(dir, `.dist.${dead}.fedcba98.tmp`, 'data'), { recursive: true });
    const old = new Date(Date.now() - 10 * 60_000);
    await utimes(join(dir, `.healthcare.lock.${dead + 2}.q2`), old, old);

    const removed = await removeLeftovers(dir);
    expect(removed.sort()).toEqual(
      ['.bases.lock', `.bases.lock.${dead}.k2j3`, `.bases.lock.stale.${dead}.zz9`, `.bases.parquet.${dead}.0badc0de.tmp`, `.dist.${dead}.fedcba98.tmp`, `.healthcare.lock.${dead + 2}.q2`].sort(),
    );
    expect((await readdir(dir)).sort()).toEqual(
      ['.demo', '.ecg.lock', `.ecg.lock.${dead + 1}.q1`, `.ecg_precomputed.json.${dead + 1}.89abcdef.tmp`, '.equipment.lock', `.equipment.lock.${live}.abc`, `.equipment.parquet.${live}.01234567.tmp`, 'manifest.json'].sort(),
    );
  });

  it('looks only at names with the given prefix (the site temp beside --out)', async () => {
    const dir = await tempDir();
    const dead = spawnSync('true').pid as number;
    await mkdir(join(dir, `.dist.${dead}.fedcba98.tmp`));
    await mkdir(join(dir, `.other.${dead}.fedcba98.tmp`));
    expect(await removeLeftovers(dir, '.dist.')).toEqual([`.dist.${dead}.fedcba98.tmp`]);
  });
});
