/**
 * One chunk's work, as a worker thread does it: parse the rows, check each label, and either accumulate the
 * per-class statistics and samples (MIT-BIH: the file is the split) or keep the beats (PTB: the split is only known
 * once every row is counted, so the main thread splits them).
 */
import { FileProblem, readChunkRows, type Chunk } from './chunks.js';
import { ecgRanges } from './parse.js';
import { BottomK, beatKey, type SampleSet } from './sampling.js';
import { BEAT_LENGTH, FIELDS_PER_ROW } from './schema.js';
import { addBeat, emptySums, type GroupSums } from './stats.js';

export interface ScanTask {
  chunk: Chunk;
  /** Allowed labels of this file; a label is also the index of its class. */
  labels: readonly number[];
  /** Keep the beats (row-major, BEAT_LENGTH each) instead of accumulating statistics. */
  keepBeats: boolean;
}

export interface ChunkResult {
  id: number;
  rows: number;
  /** Per label (index = label); null for labels with no rows in this chunk or when beats are kept. */
  groups: (GroupSums | null)[];
  beats: Float64Array | null;
}

/** The samples of one file per label, kept across the chunks a worker scans. */
export type FileSamples = Map<number, BottomK[]>;

export function scanChunk(fd: number, fileSize: number, task: ScanTask, seed: number, samples: FileSamples): ChunkResult {
  const values = new Float64Array(FIELDS_PER_ROW);
  const words = new Int32Array(values.buffer);
  const classes = Math.max(...task.labels) + 1;
  const allowed = new Uint8Array(classes);
  for (const label of task.labels) allowed[label] = 1;
  const groups: (GroupSums | null)[] = Array.from({ length: classes }, () => null);
  let kept: BottomK[] | undefined = samples.get(task.chunk.file);
  if (!kept) {
    kept = Array.from({ length: classes }, () => new BottomK());
    samples.set(task.chunk.file, kept);
  }
  const keptSamples = kept;
  let beats = task.keepBeats ? new Float64Array(1024 * BEAT_LENGTH) : null;
  let beatCount = 0;
  const rows = readChunkRows(fd, fileSize, task.chunk, values, (row, rowOffset) => {
    const label = row[BEAT_LENGTH] as number;
    if (!(label >= 0 && label < classes && allowed[label] === 1 && Number.isInteger(label))) {
      throw new FileProblem(rowOffset, -1, `field ${FIELDS_PER_ROW} (the label): expected ${describeLabels(task.labels)}, found ${label}`);
    }
    if (beats) {
      if ((beatCount + 1) * BEAT_LENGTH > beats.length) {
        const larger = new Float64Array(beats.length * 2);
        larger.set(beats);
        beats = larger;
      }
      beats.set(row.subarray(0, BEAT_LENGTH), beatCount * BEAT_LENGTH);
      beatCount++;
      return;
    }
    const group = (groups[label] ??= emptySums());
    addBeat(group, row);
    (keptSamples[label] as BottomK).offer(beatKey(words, seed), row);
  }, ecgRanges(BEAT_LENGTH, task.labels));
  return { id: task.chunk.id, rows, groups, beats: beats ? beats.slice(0, beatCount * BEAT_LENGTH) : null };
}

/** The samples a worker kept, per file and label, in plain data. */
export function sampleResults(samples: FileSamples): Map<number, SampleSet[]> {
  return new Map([...samples].map(([file, perLabel]) => [file, perLabel.map((k) => k.result())]));
}

function describeLabels(labels: readonly number[]): string {
  if (labels.length === 1) return `the label ${labels[0]}`;
  return `a label ${labels.slice(0, -1).join(', ')} or ${labels[labels.length - 1]}`;
}
