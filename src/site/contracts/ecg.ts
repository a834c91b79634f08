/**
 * The ECG page's data asset: what the browser needs of ecg_precomputed.json (src/ecg/schema.ts), with waveforms
 * rounded to 4 decimals (the data are 0–1 normalised; 1e-4 is far below a pixel) and only the train split's
 * sample beats (the browser and the playback monitor use one set of 50 beats per class).
 */
import type { BeatFeatures, BeatFiducials, CorrelationMatrix, EcgDatasetKey, PcaEmbedding } from '../../ecg/schema.js';

export interface EcgPageClass {
  name: string;
  /** Rows per split. */
  train: number;
  test: number;
  mean: number[];
  std: number[];
  meanFiducials: BeatFiducials | null;
  /** Up to 50 sampled train beats of 187 values, with their fiducials in the same order. */
  samples: number[][];
  fiducials: BeatFiducials[];
  features: BeatFeatures | null;
}

export interface EcgPageDataset {
  key: EcgDatasetKey;
  title: string;
  classes: EcgPageClass[];
  correlation: CorrelationMatrix | null;
  pca: PcaEmbedding | null;
}

export interface EcgPageData {
  sampleRateHz: number;
  source: 'full' | 'sample' | 'demo';
  datasets: EcgPageDataset[];
}
