import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precomputeEcg, type PrecomputeResult } from '../../src/ecg/precompute.js';
import { ptbTrainMask } from '../../src/ecg/sampling.js';
import { BEAT_LENGTH, MITBIH_CLASSES, PTBDB_CLASSES, type EcgSplit } from '../../src/ecg/schema.js';
import { fixtureRows, writeFixture } from './fixture.js';

// precomputeEcg runs the compiled worker from lib/ (npm test builds first).
const rows = fixtureRows();
let dir: string;
let result: PrecomputeResult;
let files: string[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dash-ecg-'));
  files = await writeFixture(dir, rows);
  // Tiny chunks: many row boundaries fall inside chunks and inside read blocks.
  result = await precomputeEcg({ root: dir, files, source: 'full' }, { workers: 2, chunkBytes: 7_000 });
});
afterAll(() => rm(dir, { recursive: true, force: true }));

function classRows(name: string, label: number): number[][] {
  return (rows[name] as number[][]).filter((r) => r[BEAT_LENGTH] === label).map((r) => r.slice(0, BEAT_LENGTH));
}

function expectStats(split: EcgSplit, className: string, beats: number[][]): void {
  expect(split.class_distribution[className]).toBe(beats.length);
  const mean = split.mean_waveforms[className] as number[];
  const std = split.std_waveforms[className] as number[];
  for (let i = 0; i < BEAT_LENGTH; i += 31) {
    const m = beats.reduce((s, b) => s + (b[i] as number), 0) / beats.length;
    expect(mean[i]).toBeCloseTo(m, 12);
    expect(std[i]).toBeCloseTo(Math.sqrt(beats.reduce((s, b) => s + ((b[i] as number) - m) ** 2, 0) / beats.length), 12);
  }
  // Samples: min(50, n) distinct rows of this very class.
  const own = new Set(beats.map((b) => b.join()));
  const samples = split.samples[className] as number[][];
  expect(samples.length).toBe(Math.min(50, beats.length));
  expect(samples.every((s) => own.has(s.join()))).toBe(true);
  expect(new Set(samples.map((s) => s.join())).size).toBe(samples.length);
  expect((split.sample_fiducials[className] as unknown[]).length).toBe(samples.length);
}

describe('precomputeEcg on a generated fixture', () => {
  it('counts every row of every file', () => {
    expect(result.rows).toBe(70 + 12 + 20 + 3 + 55 + 30 + 5 + 8 + 9 + 40 + 61);
    expect(result.rowsPerFile).toEqual({ 'ecg_data/mitbih_train.csv': 160, 'ecg_data/mitbih_test.csv': 52, 'ecg_data/ptbdb_normal.csv': 40, 'ecg_data/ptbdb_abnormal.csv': 61 });
  });

  it('gives MIT-BIH per-split, per-class counts, means, stds and samples of the right class', () => {
    const { mitbih } = result.document;
    MITBIH_CLASSES.forEach((name, label) => expectStats(mitbih.splits.train, name, classRows('mitbih_train', label)));
    // A class with no rows in a split is left out of that split.
    expect(Object.keys(mitbih.splits.test.class_distribution)).toEqual(['Normal (N)', 'Supraventricular (S)', 'Ventricular (V)', 'Unknown (Q)']);
    expectStats(mitbih.splits.test, 'Ventricular (V)', classRows('mitbih_test', 2));
    expect(mitbih.class_names).toEqual({ '0': 'Normal (N)', '1': 'Supraventricular (S)', '2': 'Ventricular (V)', '3': 'Fusion (F)', '4': 'Unknown (Q)' });
  });

  it('splits PTB 80/20 by the seeded permutation of normal-then-abnormal rows', () => {
    const all = [...classRows('ptbdb_normal', 0).map((b) => ({ b, label: 0 })), ...classRows('ptbdb_abnormal', 1).map((b) => ({ b, label: 1 }))];
    const mask = ptbTrainMask(all.length, 42);
    const { ptbdb } = result.document;
    for (const [split, flag] of [['train', 1], ['test', 0]] as const) {
      PTBDB_CLASSES.forEach((name, label) => {
        expectStats(ptbdb.splits[split], name, all.filter((r, i) => r.label === label && mask[i] === flag).map((r) => r.b));
      });
    }
    const train = ptbdb.splits.train.class_distribution;
    expect((train.Normal as number) + (train.Abnormal as number)).toBe(80);
  });

  it('correlates the train class means and embeds the train samples in 2-D', () => {
    const { mitbih } = result.document;
    expect(mitbih.correlation_matrix?.classes).toEqual([...MITBIH_CLASSES]);
    expect(mitbih.correlation_matrix?.matrix.map((r, i) => r[i])).toEqual([1, 1, 1, 1, 1]);
    expect(mitbih.pca_embedding?.x.length).toBe(50 + 12 + 20 + 3 + 50);
    expect(mitbih.pca_embedding?.labels.filter((l) => l === 'Fusion (F)').length).toBe(3);
    const [pc1, pc2] = mitbih.pca_embedding?.explained_variance ?? [0, 0];
    expect(pc1).toBeGreaterThan(pc2);
    expect(pc1 + pc2).toBeLessThanOrEqual(1);
  });

  it('is the same whatever the chunking, worker count and number format', async () => {
    const other = await mkdtemp(join(tmpdir(), 'dash-ecg-'));
    try {
      const otherFiles = await writeFixture(other, rows, { numbers: 'short', eol: '\r\n', finalNewline: false, sample: true });
      const again = await precomputeEcg({ root: other, files: otherFiles, source: 'sample' }, { workers: 1, chunkBytes: 1 << 30 });
      for (const key of ['mitbih', 'ptbdb'] as const) {
        for (const split of ['train', 'test'] as const) {
          const a = result.document[key].splits[split];
          const b = again.document[key].splits[split];
          expect(b.samples).toEqual(a.samples);
          expect(b.class_distribution).toEqual(a.class_distribution);
          expect(b.sample_fiducials).toEqual(a.sample_fiducials);
          for (const [name, mean] of Object.entries(a.mean_waveforms)) mean.forEach((v, i) => expect(b.mean_waveforms[name]?.[i]).toBeCloseTo(v, 13));
        }
      }
      expect(again.document.source).toBe('sample');
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });
});
