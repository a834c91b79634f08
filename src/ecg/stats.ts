/**
 * Streaming per-group statistics of beats (D-4): count, per-sample sums and sums of squares in Float64 (mean and
 * population std, numpy's ddof=0). Groups from different chunks
 * merge by addition, so workers accumulate chunk by chunk and the main thread adds the chunks in file order.
 */
import { BEAT_LENGTH, type CorrelationMatrix } from './schema.js';

/** The plain-data form that crosses worker boundaries (structured clone). */
export interface GroupSums {
  count: number;
  sum: Float64Array;
  sumSquares: Float64Array;
}

export function emptySums(): GroupSums {
  return { count: 0, sum: new Float64Array(BEAT_LENGTH), sumSquares: new Float64Array(BEAT_LENGTH) };
}

/** Adds one beat (the first BEAT_LENGTH values of `row`, from `offset`). */
export function addBeat(group: GroupSums, row: ArrayLike<number>, offset = 0): void {
  const { sum, sumSquares } = group;
  for (let i = 0; i < BEAT_LENGTH; i++) {
    const v = row[offset + i] as number;
    sum[i] = (sum[i] as number) + v;
    sumSquares[i] = (sumSquares[i] as number) + v * v;
  }
  group.count++;
}

export function mergeSums(into: GroupSums, from: GroupSums): void {
  for (let i = 0; i < BEAT_LENGTH; i++) {
    into.sum[i] = (into.sum[i] as number) + (from.sum[i] as number);
    into.sumSquares[i] = (into.sumSquares[i] as number) + (from.sumSquares[i] as number);
  }
  into.count += from.count;
}

export function meanWaveform(group: GroupSums): number[] {
  return Array.from(group.sum, (s) => s / group.count);
}

/** Population standard deviation per sample: sqrt(E[x²] − E[x]²), clamped at 0 against rounding. */
export function stdWaveform(group: GroupSums): number[] {
  return Array.from(group.sum, (s, i) => {
    const mean = s / group.count;
    const variance = (group.sumSquares[i] as number) / group.count - mean * mean;
    return variance > 0 ? Math.sqrt(variance) : 0;
  });
}

/** numpy `corrcoef` over rows: Pearson r between every pair of waveforms (r = 1 on the diagonal, symmetric; 0 against a flat one). */
export function correlationMatrix(classes: string[], waveforms: readonly (readonly number[])[]): CorrelationMatrix {
  const centred = waveforms.map((w) => {
    const mean = w.reduce((a, b) => a + b, 0) / w.length;
    const d = w.map((v) => v - mean);
    const norm = Math.sqrt(d.reduce((a, b) => a + b * b, 0));
    // A flat mean waveform has no variation to correlate (numpy gives NaN): it correlates 0 with every other.
    return norm > 0 ? d.map((v) => v / norm) : d.map(() => 0);
  });
  const matrix = centred.map((a, i) =>
    centred.map((b, j) => {
      if (i === j) return 1;
      let dot = 0;
      for (let k = 0; k < a.length; k++) dot += (a[k] as number) * (b[k] as number);
      return Math.max(-1, Math.min(1, dot));
    }),
  );
  return { classes, matrix };
}
