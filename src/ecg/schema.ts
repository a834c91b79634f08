/**
 * The layout of `ecg_precomputed.json` (DESIGN §4): the original's (inventory §2.5) plus `schema_version` and the
 * D-5 extensions. Types and constants only, no Node imports, so the browser code of the ECG page imports it too.
 *
 * ```
 * {
 *   schema_version: 2, sample_rate_hz: 125, beat_length: 187, source: "full" | "sample" | "demo",
 *   sampling: { seed, samples_per_class, method },
 *   mitbih: EcgDataset,            // 5 classes; train = mitbih_train.csv, test = mitbih_test.csv
 *   ptbdb: EcgDataset              // 2 classes; normal + abnormal concatenated, split 80/20 by a seeded permutation
 * }
 * EcgDataset = {
 *   class_names: { "0": "Normal (N)", ... },           // label → name, in label order
 *   splits: { train: EcgSplit, test: EcgSplit },
 *   correlation_matrix: { classes, matrix } | null,    // Pearson r of the train split's class mean waveforms
 *   pca_embedding: { x, y, labels, explained_variance } | null   // the train split's stored samples, 2 components
 * }
 * EcgSplit = every map keyed by class name, in label order, classes with no rows left out:
 *   class_distribution (rows), mean_waveforms and std_waveforms (187 values; population std),
 *   samples (≤ 50 beats of 187 values), features (median and IQR of heart rate, QRS width, T amplitude, length, energy
 *   over ≤ 500 sampled beats),
 *   sample_fiducials (one BeatFiducials per stored sample, same order), mean_fiducials (of the mean waveform)
 * ```
 * Fiducial indices are 0-based positions in the 187-sample row as stored, which starts at the beat's R peak.
 * schema_version 2: fiducials in the rows' framing (R at the start; the next beat's P, QRS and R; RR, PR, QRS, R–T end),
 * and features that separate the classes, with their spread.
 */

export const ECG_SCHEMA_VERSION = 2;
/** Both datasets were resampled to 125 Hz: one sample every 8 ms. */
export const SAMPLE_RATE_HZ = 125;
/** Samples per beat; each CSV row holds these plus the label. */
export const BEAT_LENGTH = 187;
export const FIELDS_PER_ROW = BEAT_LENGTH + 1;
export const SAMPLES_PER_CLASS = 50;
/** Beats per (split, class) the features are computed on; the SAMPLES_PER_CLASS shown are the first of them. */
export const FEATURE_SAMPLES_PER_CLASS = 500;

export const MITBIH_CLASSES = ['Normal (N)', 'Supraventricular (S)', 'Ventricular (V)', 'Fusion (F)', 'Unknown (Q)'] as const;
export const PTBDB_CLASSES = ['Normal', 'Abnormal'] as const;

export type EcgDatasetKey = 'mitbih' | 'ptbdb';
export type SplitName = 'train' | 'test';

export interface EcgPrecomputed {
  schema_version: typeof ECG_SCHEMA_VERSION;
  sample_rate_hz: number;
  beat_length: number;
  /** Where the inputs came from: the full Kaggle files, their `*_sample.csv` fallbacks, or dash's demo data. */
  source: 'full' | 'sample' | 'demo';
  sampling: SamplingInfo;
  mitbih: EcgDataset;
  ptbdb: EcgDataset;
}

export interface SamplingInfo {
  seed: number;
  samples_per_class: number;
  /** How samples and the PTB split were drawn, in words (reproducible from this and the input files). */
  method: string;
}

export interface EcgDataset {
  /** Label (as a string, e.g. "0") → class name. */
  class_names: Record<string, string>;
  splits: Record<SplitName, EcgSplit>;
  correlation_matrix: CorrelationMatrix | null;
  pca_embedding: PcaEmbedding | null;
}

export interface EcgSplit {
  class_distribution: Record<string, number>;
  mean_waveforms: Record<string, number[]>;
  std_waveforms: Record<string, number[]>;
  samples: Record<string, number[][]>;
  features: Record<string, BeatFeatures>;
  sample_fiducials: Record<string, BeatFiducials[]>;
  mean_fiducials: Record<string, BeatFiducials>;
}

/** A feature over the beats where it was found: how many, and its quartiles. */
export interface FeatureSummary {
  n: number;
  q1: number;
  median: number;
  q3: number;
}

/**
 * Per (split, class), over its feature sample (FEATURE_SAMPLES_PER_CLASS beats at most, see sampling.ts); each
 * summary is null when no beat of the sample has the feature (e.g. no QRS width found).
 */
export interface BeatFeatures {
  /** Beats in the feature sample. */
  beats: number;
  /** From the RR interval (the two R peaks, or the row length / 1.2). */
  heart_rate_bpm: FeatureSummary | null;
  /** The next beat's QRS onset to end. */
  qrs_ms: FeatureSummary | null;
  /** T peak above the row's median sample, in normalised units (negative: inverted T). */
  t_amplitude: FeatureSummary | null;
  /** The row before its zero padding, in ms (1.2 × the median RR of the row's 10 s recording). */
  length_ms: FeatureSummary | null;
  /** Σ x² over the row. */
  energy: FeatureSummary | null;
}

export interface CorrelationMatrix {
  /** Class names, the order of the matrix's rows and columns. */
  classes: string[];
  matrix: number[][];
}

export interface PcaEmbedding {
  x: number[];
  y: number[];
  /** The class name of each point. */
  labels: string[];
  /** Share of the total variance of PC1 and PC2. */
  explained_variance: [number, number];
}

/** A fiducial point: position in samples, the same in ms from the beat's start, and the signal value there. */
export interface FiducialPoint {
  index: number;
  ms: number;
  amplitude: number;
}

/** An interval between two fiducials, in samples and ms. */
export interface FiducialInterval {
  start: number;
  end: number;
  samples: number;
  ms: number;
}

/**
 * The RR interval and heart rate. `source` "r-peaks": from this R (the row's start) to the next beat's R;
 * "length": the next R was not found (cut off by the row's end, or no clear peak), so the unpadded length / 1.2,
 * which is the median RR of the 10 s window the row was cut from.
 */
export interface RrInterval {
  samples: number;
  ms: number;
  bpm: number;
  source: 'r-peaks' | 'length';
}

/**
 * The delineation of one row (src/ecg/fiducials.ts): the row starts at its R peak, holds its S and T, then the NEXT
 * beat's P, QRS onset, Q, R and QRS end. Every point is null unless found with confidence.
 */
export interface BeatFiducials {
  /** Samples before the trailing zero padding. */
  length: number;
  r: FiducialPoint | null;
  s: FiducialPoint | null;
  /** T peak (upright or inverted) and T end. */
  t: FiducialPoint | null;
  t_end: FiducialPoint | null;
  /** The next beat's P onset and peak, QRS onset, Q trough, R peak and QRS end (J point). */
  p_onset: FiducialPoint | null;
  p: FiducialPoint | null;
  qrs_onset: FiducialPoint | null;
  q: FiducialPoint | null;
  next_r: FiducialPoint | null;
  qrs_end: FiducialPoint | null;
  rr: RrInterval | null;
  /** Next P onset → next QRS onset. */
  pr: FiducialInterval | null;
  /** Next QRS onset → next QRS end. */
  qrs: FiducialInterval | null;
  /** R → T end: the QT interval less the QRS-onset-to-R time, which lies before the row. */
  rt: FiducialInterval | null;
}
