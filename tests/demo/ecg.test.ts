import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ECG_DEMO_COUNTS, printfExponential, writeEcgDemo } from '../../src/demo/ecg.js';
import { detectFiducials } from '../../src/ecg/fiducials.js';
import { ECG_FILES } from '../../src/ecg/files.js';

let dir: string;
let contents: Record<string, string>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dash-demo-ecg-'));
  await writeEcgDemo(dir, { scale: 'small', seed: 5, force: false });
  contents = {};
  for (const file of ECG_FILES) contents[file.name] = await readFile(join(dir, 'ecg_data', `${file.name}.csv`), 'latin1');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const FIELD = /^\d\.\d{18}e[+-]\d{2}$/;

describe('printfExponential', () => {
  it('writes %.18e with at least two exponent digits', () => {
    expect([0, 1, 0.5, 4, 1e-5, 2.5e-100, -0.25].map(printfExponential)).toEqual([
      '0.000000000000000000e+00',
      '1.000000000000000000e+00',
      '5.000000000000000000e-01',
      '4.000000000000000000e+00',
      '1.000000000000000082e-05',
      '2.500000000000000050e-100',
      '-2.500000000000000000e-01',
    ]);
  });
});

describe('writeEcgDemo', () => {
  it('writes 188 %.18e fields a row, the class counts of the scale, and a final newline', () => {
    ECG_FILES.forEach((file, f) => {
      const text = contents[file.name] as string;
      expect(text.endsWith('\n')).toBe(true);
      const rows = text.trimEnd().split('\n').map((line) => line.split(','));
      expect(rows.every((r) => r.length === 188 && r.every((v) => FIELD.test(v)))).toBe(true);
      const perLabel = file.labels.map((label) => rows.filter((r) => Number(r[187]) === label).length);
      expect(perLabel).toEqual(ECG_DEMO_COUNTS.small[f]);
    });
  });

  it('writes each beat in [0, 1] starting near an R peak, then only zero padding', () => {
    const rows = (contents.mitbih_train as string).trimEnd().split('\n').map((line) => line.split(',').slice(0, 187).map(Number));
    for (const beat of rows) {
      const length = beat.reduce((last, v, i) => (v !== 0 ? i + 1 : last), 0);
      expect(length).toBeGreaterThan(60);
      expect(beat.every((v) => v >= 0 && v <= 1)).toBe(true);
      // Min-max normalised: the segment reaches both 0 and 1.
      expect(Math.max(...beat)).toBe(1);
    }
    // Like the real segments, most rows open on a QRS: the first sample is high and an R is found in the first 5 samples
    // or (when the next beat's R is taller) one RR interval later.
    const opening = rows.filter((b) => (b[0] as number) > 0.6).length / rows.length;
    expect(opening).toBeGreaterThan(0.8);
    const rAt = rows.map((b) => detectFiducials(b).r?.index ?? -1);
    expect(rAt.filter((i) => i <= 4 || i >= 60).length).toBe(rows.length);
  });

  it('gives each class its own shape: ventricular beats are wider than normal ones', () => {
    const rows = (contents.mitbih_train as string).trimEnd().split('\n').map((line) => line.split(',').map(Number));
    const width = (label: number): number => {
      const beats = rows.filter((r) => r[187] === label);
      // Samples above half height right after the opening R peak.
      const w = beats.map((b) => {
        let i = 0;
        while (i < 40 && (b[i] as number) > 0.5 * (b[0] as number)) i++;
        return i;
      });
      return w.reduce((a, b) => a + b, 0) / w.length;
    };
    expect(width(2)).toBeGreaterThan(width(0) + 0.5);
  });

  it('is reproducible from the seed and refuses to overwrite without force', async () => {
    const again = await mkdtemp(join(tmpdir(), 'dash-demo-ecg-'));
    try {
      await writeEcgDemo(again, { scale: 'small', seed: 5, force: false });
      const hash = async (d: string): Promise<string> => createHash('sha256').update(await readFile(join(d, 'ecg_data', 'mitbih_test.csv'))).digest('hex');
      expect(await hash(again)).toBe(await hash(dir));
      await expect(writeEcgDemo(again, { scale: 'small', seed: 6, force: false })).rejects.toThrow(/mitbih_train\.csv already exists; pass --force/);
      await writeEcgDemo(again, { scale: 'small', seed: 6, force: true });
      expect(await hash(again)).not.toBe(await hash(dir));
    } finally {
      await rm(again, { recursive: true, force: true });
    }
  });

  it('has the real row counts at full scale', () => {
    expect(ECG_DEMO_COUNTS.full.map((c) => c.reduce((a, b) => a + b, 0))).toEqual([87_554, 21_892, 4_046, 10_506]);
    expect(ECG_DEMO_COUNTS.full[0]).toEqual([72_471, 2_223, 5_788, 641, 6_431]);
    expect(ECG_DEMO_COUNTS.full[1]).toEqual([18_118, 556, 1_448, 162, 1_608]);
  });
});
