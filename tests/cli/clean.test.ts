import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SITE_MARKER } from '../../src/cli/clean.js';
import { pathExists } from '../../src/filesystem.js';
import { dash } from '../support/io.js';
import { tempDir, writeFiles } from '../support/fixtures.js';

describe('dash clean', () => {
  it("removes only dash's own cache files, and a site folder dash made", async () => {
    const cwd = await tempDir();
    await writeFiles(join(cwd, 'c'), {
      'equipment.parquet': 'x',
      'manifest.json': '{}',
      '.demo/military_bases/military-bases.csv': 'x',
      'notes.txt': 'mine',
    });
    await writeFiles(join(cwd, 'dist'), { [SITE_MARKER]: '', 'index.html': '<!doctype html>' });
    const r = await dash(['clean', '--cache', 'c'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`caches: removed equipment.parquet, manifest.json, .demo from ${join(cwd, 'c')}\n`);
    expect(await readdir(join(cwd, 'c'))).toEqual(['notes.txt']);
    expect(await pathExists(join(cwd, 'dist'))).toBe(false);
  });

  it('refuses to delete a site folder without the marker, and --caches leaves the site alone', async () => {
    const cwd = await tempDir();
    await writeFiles(join(cwd, 'dist'), { 'precious.txt': 'x' });
    await writeFiles(join(cwd, 'c'), { 'bases.parquet': 'x' });
    const refused = await dash(['clean', '--cache', 'c'], { cwd });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`dash: ${join(cwd, 'dist')} was not made by \`dash site\` (no ${SITE_MARKER} marker); not deleting it`);
    expect(await pathExists(join(cwd, 'dist', 'precious.txt'))).toBe(true);

    await writeFiles(join(cwd, 'c'), { 'bases.parquet': 'x' });
    const caches = await dash(['clean', '--caches', '--cache', 'c'], { cwd });
    expect(caches.code).toBe(0);
    expect(caches.stderr).toBe(`caches: removed bases.parquet from ${join(cwd, 'c')} (and the folder, now empty)\n`);
    expect(await pathExists(join(cwd, 'c'))).toBe(false);
    expect(await pathExists(join(cwd, 'dist', 'precious.txt'))).toBe(true);
  });

  it('says there was nothing to remove instead of counting zero items, for a missing, empty or foreign folder', async () => {
    const cwd = await tempDir();
    const missing = await dash(['clean', '--cache', 'nope', '--out', 'gone'], { cwd });
    expect(missing.code).toBe(0);
    expect(missing.stderr).toBe(`caches: ${join(cwd, 'nope')} does not exist; nothing to remove\nsite: ${join(cwd, 'gone')} does not exist; nothing to remove\n`);
    expect(await pathExists(join(cwd, 'nope'))).toBe(false);

    await writeFiles(join(cwd, 'mine'), { 'notes.txt': 'x' });
    const foreign = await dash(['clean', '--caches', '--cache', 'mine'], { cwd });
    expect(foreign.stderr).toBe(`caches: no dash cache in ${join(cwd, 'mine')}; nothing to remove\n`);
    expect(await readdir(join(cwd, 'mine'))).toEqual(['notes.txt']);
  });

  it("--help says that both are cleaned unless --caches or --dist is given", async () => {
    const help = await dash(['clean', '--help'], { cwd: await tempDir() });
    expect(help.stdout).toContain("remove dash's caches and the built site (both, unless --caches or --dist)");
  });
});
