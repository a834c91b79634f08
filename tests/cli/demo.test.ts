import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASES_FILE, EQUIPMENT_FILE, HEALTHCARE_FILE } from '../../src/datasets/layout.js';
import { dash } from '../support/io.js';
import { tempDir } from '../support/fixtures.js';

describe('dash demo', { timeout: 120_000 }, () => {
  it('writes the Kaggle layout, refuses to overwrite without --force, and is reproducible from --seed', async () => {
    const cwd = await tempDir();
    const args = ['demo', '--datasets', 'ds', '--only', 'equipment,bases,healthcare'];
    const first = await dash([...args, '--seed', '42'], { cwd });
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/✔ equipment: wrote 1 file\(s\)/);
    const written = await Promise.all([EQUIPMENT_FILE, BASES_FILE, HEALTHCARE_FILE].map((f) => readFile(join(cwd, 'ds', f), 'utf8')));

    const again = await dash([...args, '--seed', '7'], { cwd });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`dash: ${join(cwd, 'ds', EQUIPMENT_FILE)} already exists; pass --force to overwrite it`);
    expect(await readFile(join(cwd, 'ds', EQUIPMENT_FILE), 'utf8')).toBe(written[0]);

    expect((await dash([...args, '--seed', '7', '--force'], { cwd })).code).toBe(0);
    expect(await readFile(join(cwd, 'ds', EQUIPMENT_FILE), 'utf8')).not.toBe(written[0]);
    expect((await dash([...args, '--seed', '42', '--force'], { cwd })).code).toBe(0);
    const rewritten = await Promise.all([EQUIPMENT_FILE, BASES_FILE, HEALTHCARE_FILE].map((f) => readFile(join(cwd, 'ds', f), 'utf8')));
    expect(rewritten).toEqual(written);
  });
});
