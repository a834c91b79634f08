/**
 * The ECG precompute (D-4, D-5; inventory §2.5): one pass over the four files on worker threads, then the small
 * computations (means, stds, samples, fiducials and features of the sampled beats, correlation, PCA) on the main thread.
 */
import { open, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { SourceKind } from '../datasets/types.js';
import { InputError } from '../errors.js';
import { beatFeatures } from './features.js';
import { detectFiducials } from './fiducials.js';
import { ECG_FILES } from './files.js';
import { pcaEmbedding } from './pca.js';
import { scanFiles, ScanProblem, type ScanOutput } from './pool.js';
import { BottomK, ECG_SEED, SAMPLING_METHOD, beatKey, ptbTrainMask, type SampleSet } from './sampling.js';
import {
  BEAT_LENGTH,
  ECG_SCHEMA_VERSION,
  FIELDS_PER_ROW,
  MITBIH_CLASSES,
  PTBDB_CLASSES,
  SAMPLE_RATE_HZ,
  SAMPLES_PER_CLASS,
  type EcgDataset,
  type EcgPrecomputed,
  type EcgSplit,
  type SplitName,
} from './schema.js';
import { addBeat, correlationMatrix, emptySums, meanWaveform, mergeSums, stdWaveform, type GroupSums } from './stats.js';

export interface PrecomputeInput {
  /** The folder the files are relative to. */
  root: string;
  /** The four files relative to `root`, in ECG_FILES order (mitbih train, test, ptbdb normal, abnormal). */
  files: readonly string[];
  source: SourceKind;
}

export interface PrecomputeOptions {
  seed?: number;
  workers?: number;
  /** Bytes per unit of work handed to a worker. */
  chunkBytes?: number;
  progress?: (text: string) => void;
}

export interface PrecomputeResult {
  document: EcgPrecomputed;
  /** Rows read from all four files. */
  rows: number;
  rowsPerFile: Record<string, number>;
}

/** 8 MiB: ~70 chunks for the full 555 MiB, small enough to balance two to four workers. */
const CHUNK_BYTES = 8 << 20;

/** One split's accumulated groups and samples, per label. */
interface SplitData {
  groups: GroupSums[];
  samples: SampleSet[];
}

export async function precomputeEcg(input: PrecomputeInput, options: PrecomputeOptions = {}): Promise<PrecomputeResult> {
  const seed = options.seed ?? ECG_SEED;
  const paths = input.files.map((f) => join(input.root, f));
  const sizes = await Promise.all(paths.map(async (p) => (await stat(p)).size));
  const scanList = ECG_FILES.map((file, i) => ({ path: paths[i] as string, size: sizes[i] as number, labels: file.labels, keepBeats: file.dataset === 'ptbdb' }));
  let scan: ScanOutput;
  try {
    scan = await scanFiles(scanList, {
      seed,
      workers: options.workers ?? Math.min(4, availableParallelism()),
      chunkBytes: options.chunkBytes ?? CHUNK_BYTES,
      onProgress: (done, total) => options.progress?.(`parsing ${Math.round((100 * done) / total)} % of ${(total / 2 ** 20).toFixed(0)} MiB`),
    });
  } catch (err) {
    if (err instanceof ScanProblem) throw await locateProblem(input.files[err.file] as string, paths[err.file] as string, err);
    throw err;
  }
  options.progress?.('statistics, fiducials, PCA');

  const rowsPerFile: Record<string, number> = {};
  ECG_FILES.forEach((file, i) => {
    rowsPerFile[input.files[i] as string] = scan.chunks.filter((c) => chunkFile(scan, c.id) === i).reduce((sum, c) => sum + c.rows, 0);
  });

  const mitbihSplit = (file: number): SplitData => {
    const groups = MITBIH_CLASSES.map(() => emptySums());
    for (const chunk of scan.chunks) {
      if (chunkFile(scan, chunk.id) !== file) continue;
      chunk.groups.forEach((g, label) => g && mergeSums(groups[label] as GroupSums, g));
    }
    const perLabel = scan.samples.get(file) ?? [];
    const samples = MITBIH_CLASSES.map((_, label) => {
      const merged = new BottomK();
      for (const set of perLabel[label] ?? []) merged.offerAll(set);
      return merged.result();
    });
    return { groups, samples };
  };
  const mitbih = datasetDocument(MITBIH_CLASSES, { train: mitbihSplit(0), test: mitbihSplit(1) });
  const ptbdb = datasetDocument(PTBDB_CLASSES, ptbSplits(scan, seed));

  const document: EcgPrecomputed = {
    schema_version: ECG_SCHEMA_VERSION,
    sample_rate_hz: SAMPLE_RATE_HZ,
    beat_length: BEAT_LENGTH,
    source: input.source,
    sampling: { seed, samples_per_class: SAMPLES_PER_CLASS, method: SAMPLING_METHOD },
    mitbih,
    ptbdb,
  };
  const rows = Object.values(rowsPerFile).reduce((a, b) => a + b, 0);
  return { document, rows, rowsPerFile };
}

/** The PTB rows (normal file, then abnormal, in file order) split 80/20 by the seeded permutation. */
function ptbSplits(scan: ScanOutput, seed: number): Record<SplitName, SplitData> {
  const parts: { beats: Float64Array; label: number }[] = [];
  for (const chunk of scan.chunks) {
    const file = chunkFile(scan, chunk.id);
    if (chunk.beats && chunk.beats.length > 0) parts.push({ beats: chunk.beats, label: file === 2 ? 0 : 1 });
  }
  const total = parts.reduce((sum, p) => sum + p.beats.length / BEAT_LENGTH, 0);
  const train = ptbTrainMask(total, seed);
  const splits: Record<SplitName, { groups: GroupSums[]; kept: BottomK[] }> = {
    train: { groups: PTBDB_CLASSES.map(() => emptySums()), kept: PTBDB_CLASSES.map(() => new BottomK()) },
    test: { groups: PTBDB_CLASSES.map(() => emptySums()), kept: PTBDB_CLASSES.map(() => new BottomK()) },
  };
  const row = new Float64Array(FIELDS_PER_ROW);
  const words = new Int32Array(row.buffer);
  let index = 0;
  for (const part of parts) {
    for (let offset = 0; offset < part.beats.length; offset += BEAT_LENGTH, index++) {
      row.set(part.beats.subarray(offset, offset + BEAT_LENGTH));
      row[BEAT_LENGTH] = part.label;
      const split = splits[train[index] === 1 ? 'train' : 'test'];
      addBeat(split.groups[part.label] as GroupSums, row);
      (split.kept[part.label] as BottomK).offer(beatKey(words, seed), row);
    }
  }
  const finish = (s: { groups: GroupSums[]; kept: BottomK[] }): SplitData => ({ groups: s.groups, samples: s.kept.map((k) => k.result()) });
  return { train: finish(splits.train), test: finish(splits.test) };
}

function datasetDocument(classNames: readonly string[], splits: Record<SplitName, SplitData>): EcgDataset {
  const train = splitDocument(classNames, splits.train);
  const test = splitDocument(classNames, splits.test);
  const present = Object.keys(train.class_distribution);
  const pcaRows: number[][] = [];
  const pcaLabels: string[] = [];
  for (const name of present) {
    for (const beat of train.samples[name] ?? []) {
      pcaRows.push(beat);
      pcaLabels.push(name);
    }
  }
  return {
    class_names: Object.fromEntries(classNames.map((name, label) => [String(label), name])),
    splits: { train, test },
    correlation_matrix: present.length > 0 ? correlationMatrix(present, present.map((name) => train.mean_waveforms[name] as number[])) : null,
    pca_embedding: pcaEmbedding(pcaRows, pcaLabels),
  };
}

function splitDocument(classNames: readonly string[], data: SplitData): EcgSplit {
  const split: EcgSplit = {
    class_distribution: {},
    mean_waveforms: {},
    std_waveforms: {},
    samples: {},
    features: {},
    sample_fiducials: {},
    mean_fiducials: {},
  };
  classNames.forEach((name, label) => {
    const group = data.groups[label] as GroupSums;
    if (group.count === 0) return;
    const mean = meanWaveform(group);
    const set = data.samples[label] as SampleSet;
    // The kept beats are the feature sample, in key order; the first SAMPLES_PER_CLASS of them are the shown samples.
    const kept = Array.from({ length: set.keys.length }, (_, i) => set.beats.subarray(i * BEAT_LENGTH, (i + 1) * BEAT_LENGTH));
    const fiducials = kept.map((beat) => detectFiducials(beat));
    split.class_distribution[name] = group.count;
    split.mean_waveforms[name] = mean;
    split.std_waveforms[name] = stdWaveform(group);
    split.samples[name] = kept.slice(0, SAMPLES_PER_CLASS).map((beat) => Array.from(beat));
    split.features[name] = beatFeatures(kept, fiducials);
    split.sample_fiducials[name] = fiducials.slice(0, SAMPLES_PER_CLASS);
    split.mean_fiducials[name] = detectFiducials(mean, { rrFromLength: false });
  });
  return split;
}

function chunkFile(scan: ScanOutput, id: number): number {
  return scan.plan[id]?.file ?? -1;
}

/** Turns byte offsets into a line (counting LFs before the row) and a column, for the user's error message. */
async function locateProblem(relative: string, absolute: string, problem: ScanProblem): Promise<InputError> {
  let line = 1;
  const handle = await open(absolute, 'r');
  try {
    const block = Buffer.alloc(1 << 20);
    for (let position = 0; position < problem.rowOffset; ) {
      const { bytesRead } = await handle.read(block, 0, Math.min(block.length, problem.rowOffset - position), position);
      if (bytesRead === 0) break;
      for (let at = block.indexOf(10); at >= 0 && at < bytesRead; at = block.indexOf(10, at + 1)) line++;
      position += bytesRead;
    }
  } finally {
    await handle.close();
  }
  const column = problem.fieldOffset >= 0 ? problem.fieldOffset - problem.rowOffset + 1 : undefined;
  return new InputError(relative, problem.problem, column === undefined ? { line } : { line, column });
}
