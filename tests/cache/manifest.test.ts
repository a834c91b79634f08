import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyManifest, readManifest, removeManifestEntries, updateManifestEntry, type ManifestEntry } from '../../src/cache/manifest.js';
import { tempDir } from '../support/fixtures.js';

function entry(rows: number): ManifestEntry {
  return {
    artefact: 'x.parquet',
    pipelineVersion: '1',
    dashVersion: '0.1.0',
    source: 'demo',
    inputs: [{ path: 'a.csv', size: 3, mtimeMs: 1, sha256: 'ab' }],
    rows,
    bytes: 10,
    sha256: 'cd',
    durationMs: 5,
    builtAt: '2026-01-01T00:00:00.000Z',
    warnings: [],
  };
}

describe('manifest.json', () => {
  it('reads as empty when absent', async () => {
    expect(await readManifest(await tempDir())).toEqual(emptyManifest());
  });

  it('keeps every entry when concurrent updates land at once', async () => {
    const dir = await tempDir();
    const now = new Date('2026-02-03T04:05:06.000Z');
    await Promise.all([
      updateManifestEntry(dir, 'equipment', entry(1), now),
      updateManifestEntry(dir, 'bases', entry(2), now),
      updateManifestEntry(dir, 'healthcare', entry(3), now),
      updateManifestEntry(dir, 'ecg', entry(4), now),
    ]);
    const manifest = await readManifest(dir);
    expect(Object.fromEntries(Object.entries(manifest.artefacts).map(([k, v]) => [k, v?.rows]))).toEqual({ equipment: 1, bases: 2, healthcare: 3, ecg: 4 });
    expect(manifest.updatedAt).toBe('2026-02-03T04:05:06.000Z');
    await removeManifestEntries(dir, ['bases', 'ecg'], now);
    expect(Object.keys((await readManifest(dir)).artefacts).sort()).toEqual(['equipment', 'healthcare']);
    expect((await readFile(join(dir, 'manifest.json'), 'utf8')).endsWith('}\n')).toBe(true);
  });

  it('says how to recover from a corrupt manifest', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'manifest.json'), '{"artefacts": ');
    await expect(readManifest(dir)).rejects.toThrow(/manifest\.json: not valid JSON .*; delete it or run with --force$/);
    await writeFile(join(dir, 'manifest.json'), '[]');
    await expect(readManifest(dir)).rejects.toThrow(/manifest\.json: expected an object with "artefacts"/);
  });

  it('an update replaces a corrupt manifest instead of failing the build', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'manifest.json'), 'garbage');
    await updateManifestEntry(dir, 'bases', entry(7), new Date(0));
    expect((await readManifest(dir)).artefacts.bases?.rows).toBe(7);
  });
});
