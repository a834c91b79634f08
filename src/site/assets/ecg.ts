import type { EcgDataset, EcgPrecomputed } from '../../ecg/schema.js';
import type { EcgPageData, EcgPageDataset } from '../contracts/ecg.js';

const round4 = (v: number): number => Math.round(v * 1e4) / 1e4;
const wave = (values: readonly number[] | undefined): number[] => (values ?? []).map(round4);

const TITLES = { mitbih: 'MIT-BIH arrhythmia (5 classes)', ptbdb: 'PTB diagnostic (2 classes)' } as const;

function dataset(key: 'mitbih' | 'ptbdb', d: EcgDataset): EcgPageDataset {
  const { train, test } = d.splits;
  const names = Object.keys(d.class_names)
    .sort((a, b) => Number(a) - Number(b))
    .map((label) => d.class_names[label] as string)
    .filter((name) => (train.class_distribution[name] ?? 0) + (test.class_distribution[name] ?? 0) > 0);
  return {
    key,
    title: TITLES[key],
    classes: names.map((name) => ({
      name,
      train: train.class_distribution[name] ?? 0,
      test: test.class_distribution[name] ?? 0,
      mean: wave(train.mean_waveforms[name]),
      std: wave(train.std_waveforms[name]),
      meanFiducials: train.mean_fiducials[name] ?? null,
      samples: (train.samples[name] ?? []).map((beat) => wave(beat)),
      fiducials: train.sample_fiducials[name] ?? [],
      features: train.features[name] ?? null,
    })),
    correlation: d.correlation_matrix,
    pca: d.pca_embedding && { ...d.pca_embedding, x: d.pca_embedding.x.map(round4), y: d.pca_embedding.y.map(round4) },
  };
}

export function shapeEcg(ecg: EcgPrecomputed): EcgPageData {
  return {
    sampleRateHz: ecg.sample_rate_hz,
    source: ecg.source,
    datasets: [dataset('mitbih', ecg.mitbih), dataset('ptbdb', ecg.ptbdb)],
  };
}
