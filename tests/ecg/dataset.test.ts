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
    ['a label outside the classes', 'ptbdb_normal.csv', 5, (f: string[]) => [...f.slice(0, -1), '1.000000000000000000e+00'], 'field 188: expected the label 0, found 1.000000000000000000e+00'],
    ['a MIT-BIH label 5', 'mitbih_train.csv', 1, (f: string[]) => [...f.slice(0, -1), '5.000000000000000000e+00'], 'field 188: expected a label from 0 to 4, found 5.000000000000000000e+00'],
    ['a value that overflows (1e400)', 'mitbih_test.csv', 4, (f: string[]) => [...f.slice(0, 2), '1e400', ...f.slice(3)], 'ecg_data/mitbih_test.csv:4:51: field 3: expected a number in [0, 1]'],
    ['a value whose square overflows (1e308)', 'ptbdb_abnormal.csv', 2, (f: string[]) => ['1e308', ...f.slice(1)], 'ecg_data/ptbdb_abnormal.csv:2:1: field 1: expected a number in [0, 1]'],
    ['NaN', 'mitbih_train.csv', 6, (f: string[]) => [...f.slice(0, 5), 'NaN', ...f.slice(6)], 'ecg_data/mitbih_train.csv:6:126: field 6: expected a number, found "NaN"'],
    ['inf', 'mitbih_train.csv', 7, (f: string[]) => [...f.slice(0, 5), 'inf', ...f.slice(6)], 'field 6: expected a number, found "inf"'],
    ['a sample above 1', 'ptbdb_normal.csv', 3, (f: string[]) => [...f.slice(0, 5), '1.5', ...f.slice(6)], 'ecg_data/ptbdb_normal.csv:3:126: field 6: expected a number in [0, 1] (the beats are min-max normalised; ±0.000001 for rounding), found 1.5'],
    ['an empty file', 'ptbdb_normal.csv', 0, () => [], 'ecg_data/ptbdb_normal.csv:1: the file has no rows'],
  ])('bad input: %s', (_, file, line, edit, message) => {
    it('fails with exit 1 naming file and line, and leaves the previous cache untouched', async () => {
      await cp(built, dir, { recursive: true });
      const before = await readFile(join(cache, 'ecg_precomputed.json'), 'utf8');
      const manifestBefore = await readFile(join(cache, 'manifest.json'), 'utf8');
      if (line === 0) await writeFile(join(datasets, 'ecg_data', file), '');
      else await editLine(file, line, edit);
      const { code, stderr } = await dash('cache', '--only', 'ecg', '--force');
      expect(code).toBe(1);
      expect(stderr).toContain(message);
      // Strings, not Buffers: vitest compares Buffers byte by byte as object keys, which takes seconds.
      expect(await readFile(join(cache, 'ecg_precomputed.json'), 'utf8')).toBe(before);
      expect(await readFile(join(cache, 'manifest.json'), 'utf8')).toBe(manifestBefore);
    });
  });

  it('reads -0 as 0 and writes only finite numbers: nulls only where the schema allows them (undetected fiducials)', async () => {
    const rows = fixtureRows();
    const flat = (label: number): number[] => [...Array.from({ length: 187 }, () => 0), label];
    // -0 everywhere a 0 stands in the first rows, a flat class (every beat of class 3 constant) and a flat beat.
    rows.mitbih_train = [...(rows.mitbih_train ?? []).filter((r) => r[187] !== 3), flat(3), flat(3), flat(0)];
    await writeFixture(datasets, rows);
    const path = join(datasets, 'ecg_data', 'mitbih_train.csv');
    const text = await readFile(path, 'latin1');
    await writeFile(path, text.replaceAll(/(^|,)0\.000000000000000000e\+00/gm, '$1-0'), 'latin1');
    expect((await readFile(path, 'latin1')).match(/(^|,)-0(?=,)/gm)?.length).toBeGreaterThan(1000);
    const { code, stderr } = await dash('cache', '--only', 'ecg');
    expect([code, stderr]).toEqual([0, expect.any(String)]);
    const json = await readFile(join(cache, 'ecg_precomputed.json'), 'utf8');
    const misplaced: string[] = [];
    // The schema's nullable fields (schema.ts): fiducials and intervals not found with confidence, a feature no
    // sampled beat has, and the cross-class figures of a dataset without enough classes.
    const NULLABLE = new Set([
      ...['r', 's', 't', 't_end', 'p_onset', 'p', 'qrs_onset', 'q', 'next_r', 'qrs_end', 'rr', 'pr', 'qrs', 'rt'],
      ...['heart_rate_bpm', 'qrs_ms', 't_amplitude', 'length_ms', 'energy'],
      ...['correlation_matrix', 'pca_embedding'],
    ]);
    const walk = (value: unknown, path: string, key: string): void => {
      if (value === null && !NULLABLE.has(key)) misplaced.push(path);
      else if (typeof value === 'number' && !Number.isFinite(value)) misplaced.push(path);
      else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`, key));
      else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`, k);
    };
    const document = JSON.parse(json) as EcgPrecomputed;
    walk(document, '$', '');
    expect(misplaced).toEqual([]);
    expect(json).not.toMatch(/NaN|Infinity|-0[,\]]/);
    const correlation = document.mitbih.correlation_matrix?.matrix ?? [];
    expect(correlation.flat().every((r) => Number.isFinite(r) && r >= -1 && r <= 1)).toBe(true);
    expect(document.mitbih.splits.train.class_distribution['Fusion (F)']).toBe(2);

    // The same beats written with 0 instead of -0 give the same document.
    await writeFixture(datasets, rows);
    await dash('cache', '--only', 'ecg', '--force');
    expect(await readFile(join(cache, 'ecg_precomputed.json'), 'utf8')).toBe(json);
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
