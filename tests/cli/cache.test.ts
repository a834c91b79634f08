import { createHash } from 'node:crypto';
import { readFile, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASES_FILE, EQUIPMENT_FILE, HEALTHCARE_FILE } from '../../src/datasets/layout.js';
import { dash } from '../support/io.js';
import { tempDir } from '../support/fixtures.js';

const ONLY = ['--only', 'equipment,bases,healthcare'];
const FILES = ['equipment.parquet', 'bases.parquet', 'healthcare.parquet', 'manifest.json'];

/** sha256 and mtime of each cache file, to prove what was (not) rewritten. */
async function snapshot(cache: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of FILES) {
    const path = join(cache, name);
    out[name] = `${createHash('sha256').update(await readFile(path)).digest('hex')} ${(await stat(path)).mtimeMs}`;
  }
  return out;
}

async function demoInputs(): Promise<{ cwd: string; args: string[]; ds: string; cache: string }> {
  const cwd = await tempDir();
  const r = await dash(['demo', '--datasets', 'ds', ...ONLY], { cwd });
  expect(r.code).toBe(0);
  return { cwd, ds: join(cwd, 'ds'), cache: join(cwd, 'c'), args: ['--datasets', 'ds', '--cache', 'c', ...ONLY] };
}

describe('dash cache', { timeout: 120_000 }, () => {
  it('builds once; a second run says fresh and rewrites nothing; a touch rebuilds nothing; one changed byte rebuilds that dataset only', async () => {
    const { cwd, args, ds, cache } = await demoInputs();
    const first = await dash(['cache', ...args], { cwd });
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/✔ equipment: built equipment\.parquet — 12,000 rows, .* \(full data\)/);
    expect(first.stderr).toMatch(/✔ bases: built bases\.parquet — 776 rows/);
    expect(first.stderr).toMatch(/✔ healthcare: built healthcare\.parquet — 600 rows/);
    const built = await snapshot(cache);

    const second = await dash(['cache', ...args], { cwd });
    expect(second.code).toBe(0);
    expect(second.stderr).toContain('✔ equipment: fresh (12,000 rows, full data), not rebuilt');
    expect(second.stderr).toContain('✔ bases: fresh (776 rows, full data), not rebuilt');
    expect(second.stderr).toContain('✔ healthcare: fresh (600 rows, full data), not rebuilt');
    expect(await snapshot(cache)).toEqual(built);

    const later = new Date('2031-05-06T07:08:09Z');
    await utimes(join(ds, EQUIPMENT_FILE), later, later);
    const touched = await dash(['cache', ...args], { cwd });
    expect(touched.stderr.match(/: fresh \(/g)).toHaveLength(3);
    expect(await snapshot(cache)).toEqual(built);

    const path = join(ds, HEALTHCARE_FILE);
    const text = await readFile(path, 'utf8');
    await writeFile(path, text.replace('Surgery', 'Surgerx'));
    const changed = await dash(['cache', ...args, '--json'], { cwd });
    expect(changed.code).toBe(0);
    const report = JSON.parse(changed.stdout) as { caches: { name: string; outcome: string; reason: string }[] };
    expect(report.caches.map((c) => [c.name, c.outcome])).toEqual([
      ['equipment', 'fresh'],
      ['bases', 'fresh'],
      ['healthcare', 'built'],
    ]);
    expect(report.caches[2]?.reason).toBe(`inputs differ (changed: ${HEALTHCARE_FILE})`);
    const after = await snapshot(cache);
    expect(after['equipment.parquet']).toBe(built['equipment.parquet']);
    expect(after['bases.parquet']).toBe(built['bases.parquet']);
    expect(after['healthcare.parquet']).not.toBe(built['healthcare.parquet']);

    const forced = await dash(['cache', ...args, '--force'], { cwd });
    expect(forced.stderr.match(/✔ \w+: built/g)).toHaveLength(3);
  });

  it('--check exits 1 when a cache is missing or stale, builds nothing, and exits 0 when all are fresh', async () => {
    const { cwd, args, ds, cache } = await demoInputs();
    const missing = await dash(['cache', '--check', ...args], { cwd });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('✖ equipment: missing (equipment.parquet does not exist)');
    expect(missing.stderr).toContain('3 cache(s) need a build: equipment (missing), bases (missing), healthcare (missing); run `dash cache`');
    await expect(stat(join(cache, 'equipment.parquet'))).rejects.toThrow();
    // Only reads: not even the folder is made.
    await expect(stat(cache)).rejects.toThrow(/ENOENT/);

    expect((await dash(['cache', ...args], { cwd })).code).toBe(0);
    expect((await dash(['cache', '--check', ...args], { cwd })).code).toBe(0);

    await writeFile(join(ds, BASES_FILE), (await readFile(join(ds, BASES_FILE), 'utf8')).replace('Active', 'Inactive'));
    const before = await snapshot(cache);
    const stale = await dash(['cache', '--check', ...args], { cwd });
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain(`✖ bases: stale (inputs differ (changed: ${BASES_FILE}))`);
    expect(await snapshot(cache)).toEqual(before);
  });

  it('with no datasets folder, builds from the built-in demo data and says so once per dataset', async () => {
    const cwd = await tempDir();
    const r = await dash(['cache', '--cache', 'c', ...ONLY], { cwd });
    expect(r.code).toBe(0);
    for (const name of ['equipment', 'bases', 'healthcare']) {
      expect(r.stderr.split(`${name}: no input under ${join(cwd, 'datasets')}; using the built-in demo data`)).toHaveLength(2);
    }
    expect(r.stderr).toContain('(demo data)');
    const again = await dash(['cache', '--cache', 'c', ...ONLY], { cwd });
    expect(again.stderr).toContain('✔ equipment: fresh (12,000 rows, demo data), not rebuilt');
  });

  it('two concurrent runs on one cache folder leave valid caches and a complete manifest', async () => {
    const { cwd, args, cache } = await demoInputs();
    const [a, b] = await Promise.all([dash(['cache', ...args], { cwd }), dash(['cache', ...args], { cwd })]);
    expect([a.code, b.code]).toEqual([0, 0]);
    const built = `${a.stderr}${b.stderr}`.match(/✔ \w+: built/g) ?? [];
    expect(built).toHaveLength(3);
    const manifest = JSON.parse(await readFile(join(cache, 'manifest.json'), 'utf8')) as { artefacts: Record<string, { rows: number }> };
    expect(Object.fromEntries(Object.entries(manifest.artefacts).map(([k, v]) => [k, v.rows]))).toEqual({ equipment: 12_000, bases: 776, healthcare: 600 });
  });
});
