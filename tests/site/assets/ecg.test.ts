import { describe, expect, it } from 'vitest';
import { emptyFiducials } from '../../../src/ecg/fiducials.js';
import type { BeatFiducials, EcgDataset, EcgPrecomputed, EcgSplit } from '../../../src/ecg/schema.js';
import { shapeEcg } from '../../../src/site/assets/ecg.js';

const none: BeatFiducials = emptyFiducials(187);
const split = (counts: Record<string, number>): EcgSplit => ({
  class_distribution: counts,
  mean_waveforms: Object.fromEntries(Object.keys(counts).map((k) => [k, [0.123456, 0.5]])),
  std_waveforms: Object.fromEntries(Object.keys(counts).map((k) => [k, [0.01, 0.02]])),
  samples: Object.fromEntries(Object.keys(counts).map((k) => [k, [[0.987654321, 0]]])),
  features: Object.fromEntries(Object.keys(counts).map((k) => [k, { beats: 1, heart_rate_bpm: { n: 1, q1: 70, median: 72, q3: 75 }, qrs_ms: null, t_amplitude: null, length_ms: null, energy: null }])),
  sample_fiducials: Object.fromEntries(Object.keys(counts).map((k) => [k, [none]])),
  mean_fiducials: Object.fromEntries(Object.keys(counts).map((k) => [k, none])),
});
const dataset = (names: string[], train: Record<string, number>, test: Record<string, number>): EcgDataset => ({
  class_names: Object.fromEntries(names.map((n, i) => [String(i), n])),
  splits: { train: split(train), test: split(test) },
  correlation_matrix: null,
  pca_embedding: { x: [0.123456789], y: [-1.000049], labels: [names[0] as string], explained_variance: [0.6, 0.2] },
});

describe('shapeEcg', () => {
  const page = shapeEcg({
    schema_version: 2,
    sample_rate_hz: 125,
    beat_length: 187,
    source: 'demo',
    sampling: { seed: 1, samples_per_class: 50, method: 'seeded' },
    mitbih: dataset(['Normal (N)', 'Supraventricular (S)', 'Fusion (F)'], { 'Normal (N)': 10, 'Supraventricular (S)': 3 }, { 'Normal (N)': 4 }),
    ptbdb: dataset(['Normal', 'Abnormal'], { Normal: 8, Abnormal: 20 }, { Normal: 2, Abnormal: 5 }),
  } as EcgPrecomputed);

  it('keeps classes in label order, drops classes with no rows, and carries both splits’ counts', () => {
    const mitbih = page.datasets[0];
    expect(mitbih?.classes.map((c) => [c.name, c.train, c.test])).toEqual([
      ['Normal (N)', 10, 4],
      ['Supraventricular (S)', 3, 0],
    ]);
    expect(page.datasets[1]?.classes.map((c) => [c.name, c.train, c.test])).toEqual([
      ['Normal', 8, 2],
      ['Abnormal', 20, 5],
    ]);
  });

  it('rounds waveforms and PCA coordinates to 4 decimals', () => {
    const normal = page.datasets[0]?.classes[0];
    expect(normal?.mean).toEqual([0.1235, 0.5]);
    expect(normal?.samples).toEqual([[0.9877, 0]]);
    expect(page.datasets[0]?.pca?.x).toEqual([0.1235]);
    expect(page.datasets[0]?.pca?.y).toEqual([-1]);
  });
});
