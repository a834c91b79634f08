import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASES_FILE, EQUIPMENT_FILE, HEALTHCARE_FILE } from '../../src/datasets/layout.js';
import { buildCommand } from '../../src/cli/demo.js';
import { dash } from '../support/io.js';
import { tempDir } from '../support/fixtures.js';

describe('dash demo', { timeout: 120_000 }, () => {
  it('writes the Kaggle layout, refuses to overwrite without --force, and is reproducible from --seed', async () => {
    const cwd = await tempDir();
    const args = ['demo', '--datasets', 'ds', '--only', 'equipment,bases,healthcare'];
    const first = await dash([...args, '--seed', '42'], { cwd });
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/✔ equipment: wrote 1 file\(s\)/);
    expect(first.stderr.trimEnd().split('\n').at(-1)).toBe(`demo datasets are in ${join(cwd, 'ds')}; run \`dash build --datasets ds\` to build caches and the site`);
    const written = await Promise.all([EQUIPMENT_FILE, BASES_FILE, HEALTHCARE_FILE].map((f) => readFile(join(cwd, 'ds', f), 'utf8')));

    const again = await dash([...args, '--seed', '7'], { cwd });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`✖ equipment: ${join(cwd, 'ds', EQUIPMENT_FILE)} already exists; pass --force to overwrite it`);
    expect(again.stderr.trimEnd().split('\n').at(-1)).toBe('dash: demo data not written for equipment, bases, healthcare (see above)');
    expect(await readFile(join(cwd, 'ds', EQUIPMENT_FILE), 'utf8')).toBe(written[0]);

    expect((await dash([...args, '--seed', '7', '--force'], { cwd })).code).toBe(0);
    expect(await readFile(join(cwd, 'ds', EQUIPMENT_FILE), 'utf8')).not.toBe(written[0]);
    expect((await dash([...args, '--seed', '42', '--force'], { cwd })).code).toBe(0);
    const rewritten = await Promise.all([EQUIPMENT_FILE, BASES_FILE, HEALTHCARE_FILE].map((f) => readFile(join(cwd, 'ds', f), 'utf8')));
    expect(rewritten).toEqual(written);
  });

  it('says in one line per dataset why a folder cannot be written, without a stack trace', async () => {
    const cwd = await tempDir();
    await writeFile(join(cwd, 'file'), '');
    const result = await dash(['demo', '--datasets', 'file/ds', '--only', 'bases'], { cwd });
    expect(result.code).toBe(1);
    expect(result.stderr.trimEnd().split('\n')).toEqual([
      `✖ bases: cannot create the folder ${join(cwd, 'file', 'ds', 'military_bases')}: a part of the path is a file, not a folder (ENOTDIR)`,
      'dash: demo data not written for bases (see above)',
    ]);
  });

  it('ends with the build command for the folder it wrote: the flag as given, quoted for the shell; none for the default or DASH_DATASETS_DIR', () => {
    expect(buildCommand('my data', {})).toBe("dash build --datasets 'my data'");
    expect(buildCommand("it's", {})).toBe("dash build --datasets 'it'\\''s'");
    expect(buildCommand('/srv/raw-data', {})).toBe('dash build --datasets /srv/raw-data');
    expect(buildCommand('datasets', {})).toBe('dash build');
    expect(buildCommand('/srv/in', { DASH_DATASETS_DIR: '/srv/in' })).toBe('dash build');
  });
});
