import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/io.js';
import { ecg } from '../../src/ecg/dataset.js';
import type { EcgPrecomputed } from '../../src/ecg/schema.js';
import { fixtureRows, writeFixture } from './fixture.js';

// The CLI runs the compiled ECG worker from lib/ (npm test builds first).
let dir: string;
let datasets: string;
let cache: string;
/** A fixture with a good cache built from it, copied by the bad-input cases. */
let built: string;

beforeAll(async () => {
  built = await mkdtemp(join(tmpdir(), 'dash-ecg-built-'));
  await writeFixture(join(built, 'datasets'), fixtureRows());
  dir = built;
  datasets = join(built, 'datasets');
  cache = join(built, 'cache');
  const { code, stderr } = await dash('cache', '--only', 'ecg');
  if (code !== 0) throw new Error(stderr);
});
afterAll(() => rm(built, { recursive: true, force: true }));

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dash-ecg-cli-'));
  datasets = join(dir, 'datasets');
  cache = join(dir, 'cache');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function dash(...args: string[]): Promise<{ code: number; stderr: string; stdout: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on('data', (d: Buffer) => out.push(d.toString()));
  stderr.on('data', (d: Buffer) => err.push(d.toString()));
  const io: Io = { stdout, stderr, env: { CI: 'true' }, cwd: dir, now: () => new Date('2026-01-02T03:04:05Z') };
  const code = await main(['node', 'dash', ...args, '--datasets', datasets, '--cache', cache], io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

/** Replaces line `line` (1-based) of a fixture file with `text`. */
async function editLine(file: string, line: number, edit: (fields: string[]) => string[]): Promise<void> {
  const path = join(datasets, 'ecg_data', file);
  const lines = (await readFile(path, 'latin1')).split('\n');
  lines[line - 1] = edit((lines[line - 1] as string).split(',')).join(',');
  await writeFile(path, lines.join('\n'), 'latin1');
}

describe('ecg dataset module', () => {
  it('locates each file or its _sample fallback and reports the source kind', async () => {
    expect(await ecg.locate(datasets)).toBeNull();
    await writeFixture(datasets, fixtureRows(), { sample: true });
    await writeFile(join(datasets, 'ecg_data', 'mitbih_train.csv'), '');
    expect(await ecg.locate(datasets)).toEqual({
      kind: 'sample',
      root: datasets,
      files: ['ecg_data/mitbih_train.csv', 'ecg_data/mitbih_test_sample.csv', 'ecg_data/ptbdb_normal_sample.csv', 'ecg_data/ptbdb_abnormal_sample.csv'],
    });
  });

  it('builds ecg_precomputed.json through `dash cache`, recorded in the manifest', async () => {
    await cp(built, dir, { recursive: true });
    const document = JSON.parse(await readFile(join(cache, 'ecg_precomputed.json'), 'utf8')) as EcgPrecomputed;
    expect([document.schema_version, document.source, document.mitbih.splits.train.class_distribution['Fusion (F)']]).toEqual([2, 'full', 3]);
    const manifest = JSON.parse(await readFile(join(cache, 'manifest.json'), 'utf8'));
    expect(manifest.artefacts.ecg).toMatchObject({ rows: 313, source: 'full', pipelineVersion: ecg.version });
    expect((await dash('cache', '--only', 'ecg', '--check')).code).toBe(0);
  });

  describe.each([
    ['a value that is not a number', 'mitbih_test.csv', 3, (f: string[]) => [...f.slice(0, 9), 'n/a', ...f.slice(10)], 'ecg_data/mitbih_test.csv:3:'],
    ['a row with a missing field', 'mitbih_train.csv', 17, (f: string[]) => f.slice(1), 'ecg_data/mitbih_train.csv:17:4651: expected 188 fields, found 187'],
    ['a label outside the classes', 'ptbdb_normal.csv', 5, (f: string[]) => [...f.slice(0, -1), '1.000000000000000000e+00'], 'ecg_data/ptbdb_normal.csv:5: field 188 (the label): expected the label 0, found 1'],
    ['a MIT-BIH label 5', 'mitbih_train.csv', 1, (f: string[]) => [...f.slice(0, -1), '5.000000000000000000e+00'], 'expected a label 0, 1, 2, 3 or 4, found 5'],
  ])('bad input: %s', (_, file, line, edit, message) => {
    it('fails with exit 1 naming file and line, and leaves the previous cache untouched', async () => {
      await cp(built, dir, { recursive: true });
      const before = await readFile(join(cache, 'ecg_precomputed.json'), 'utf8');
      const manifestBefore = await readFile(join(cache, 'manifest.json'), 'utf8');
      await editLine(file, line, edit);
      const { code, stderr } = await dash('cache', '--only', 'ecg', '--force');
      expect(code).toBe(1);
      expect(stderr).toContain(message);
      // Strings, not Buffers: vitest compares Buffers byte by byte as object keys, which takes seconds.
      expect(await readFile(join(cache, 'ecg_precomputed.json'), 'utf8')).toBe(before);
      expect(await readFile(join(cache, 'manifest.json'), 'utf8')).toBe(manifestBefore);
    });
  });

  it('names the column of a bad value', async () => {
    await writeFixture(datasets, fixtureRows());
    await editLine('mitbih_test.csv', 3, (f) => [...f.slice(0, 9), 'n/a', ...f.slice(10)]);
    const { stderr } = await dash('cache', '--only', 'ecg');
    expect(stderr).toContain('ecg_data/mitbih_test.csv:3:226: field 10: expected a number, found "n/a"');
  });

  it('names the files that are missing', async () => {
    await writeFixture(datasets, fixtureRows());
    await rm(join(datasets, 'ecg_data', 'ptbdb_abnormal.csv'));
    const { code, stderr } = await dash('cache', '--only', 'ecg');
    expect(code).toBe(1);
    expect(stderr).toContain('missing ecg_data/ptbdb_abnormal.csv (or ptbdb_abnormal_sample.csv)');
  });
});
