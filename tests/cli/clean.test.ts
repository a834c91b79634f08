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
    expect(r.stderr).toContain(`caches: removed 3 item(s) from ${join(cwd, 'c')}`);
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
    expect((await dash(['clean', '--caches', '--cache', 'c'], { cwd })).code).toBe(0);
    expect(await pathExists(join(cwd, 'c'))).toBe(false);
    expect(await pathExists(join(cwd, 'dist', 'precious.txt'))).toBe(true);
  });
});
