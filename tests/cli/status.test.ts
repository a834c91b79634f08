import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HEALTHCARE_FILE } from '../../src/datasets/layout.js';
import { dash } from '../support/io.js';
import { tempDir, writeFiles } from '../support/fixtures.js';

interface StatusJson {
  datasetsDir: string;
  cacheDir: string;
  datasets: { name: string; source: string; cache: string; rows: number | null; bytes: number | null; builtAt: string | null; builtFrom: string | null; reason: string }[];
}

describe('dash status', { timeout: 120_000 }, () => {
  it('--json reports source, freshness, rows, bytes and built-at per dataset on stdout', async () => {
    const cwd = await tempDir();
    const before = JSON.parse((await dash(['status', '--json', '--cache', 'c'], { cwd })).stdout) as StatusJson;
    expect(before.cacheDir).toBe(join(cwd, 'c'));
    expect(before.datasets.map((d) => [d.name, d.source, d.cache, d.rows])).toEqual([
      ['equipment', 'demo', 'missing', null],
      ['bases', 'demo', 'missing', null],
      ['healthcare', 'demo', 'missing', null],
      ['ecg', 'demo', 'missing', null],
    ]);

    expect((await dash(['cache', '--cache', 'c', '--only', 'bases,healthcare'], { cwd })).code).toBe(0);
    const after = JSON.parse((await dash(['status', '--json', '--cache', 'c'], { cwd })).stdout) as StatusJson;
    const bases = after.datasets.find((d) => d.name === 'bases');
    expect(bases).toMatchObject({ source: 'demo', cache: 'fresh', rows: 776, builtAt: '2026-01-02T03:04:05.000Z', builtFrom: 'demo' });
    expect(bases?.bytes).toBeGreaterThan(100_000);

    // Real input appears: the cache built from the demo goes stale, and status says why.
    await writeFiles(join(cwd, 'datasets'), { [HEALTHCARE_FILE]: 'medical_specialty,keywords,cleaned_transcription\nA,b,c\n' });
    const real = JSON.parse((await dash(['status', '--json', '--cache', 'c'], { cwd })).stdout) as StatusJson;
    expect(real.datasets.find((d) => d.name === 'healthcare')).toMatchObject({ source: 'full', cache: 'stale', builtFrom: 'demo', rows: 600 });
  });

  it('prints a table for people, with the reason of anything not fresh', async () => {
    const cwd = await tempDir();
    expect((await dash(['cache', '--cache', 'c', '--only', 'healthcare'], { cwd })).code).toBe(0);
    const r = await dash(['status', '--cache', 'c'], { cwd });
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^dataset\s+source\s+cache\s+rows\s+size\s+built at \(UTC\)\s+took$/);
    expect(lines.find((l) => l.startsWith('healthcare'))).toMatch(/^healthcare\s+demo\s+fresh\s+600\s+[\d.]+ KiB\s+2026-01-02 03:04:05\s+/);
    expect(lines.find((l) => l.startsWith('equipment'))).toMatch(/^equipment\s+demo\s+missing\s+—\s+—\s+—\s+—$/);
    expect(r.stdout).toContain('  equipment: missing — equipment.parquet does not exist');
    expect(r.stdout).toContain(`cache:    ${join(cwd, 'c')}`);
  });
});
