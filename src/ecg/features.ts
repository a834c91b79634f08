/**
 * Beat features that separate the classes (issue 15 §3), per (split, class): heart rate, QRS width, T amplitude,
 * unpadded length and energy, each summarised by its median and interquartile range. They need the delineation, so
 * they are computed on the seeded feature sample of the group (sampling.ts: the FEATURE_SAMPLES_PER_CLASS beats with
 * the smallest keys, every beat of a smaller group), not on all 123,998 rows: delineating every row would cost more
 * than the whole parse.
 */
import { MS_PER_SAMPLE } from './fiducials.js';
import type { BeatFeatures, BeatFiducials, FeatureSummary } from './schema.js';

/**
 * Features of the beats (rows of 187 samples) with their delineations, in the same order. T amplitude is the T
 * peak's height above the row's median sample (its isoelectric level, which most samples sit at): negative for an
 * inverted T.
 */
export function beatFeatures(beats: readonly ArrayLike<number>[], fiducials: readonly BeatFiducials[]): BeatFeatures {
  const heartRate: number[] = [];
  const qrs: number[] = [];
  const tAmplitude: number[] = [];
  const length: number[] = [];
  const energy: number[] = [];
  beats.forEach((beat, i) => {
    const f = fiducials[i] as BeatFiducials;
    if (f.rr) heartRate.push(f.rr.bpm);
    if (f.qrs) qrs.push(f.qrs.ms);
    if (f.t) tAmplitude.push(f.t.amplitude - medianOf(beat, f.length));
    length.push(f.length * MS_PER_SAMPLE);
    let sum = 0;
    for (let k = 0; k < beat.length; k++) sum += (beat[k] as number) ** 2;
    energy.push(sum);
  });
  return {
    beats: beats.length,
    heart_rate_bpm: summarise(heartRate),
    qrs_ms: summarise(qrs),
    t_amplitude: summarise(tAmplitude),
    length_ms: summarise(length),
    energy: summarise(energy),
  };
}

/** Median and quartiles by numpy's default (linear interpolation between order statistics); null for no values. */
export function summarise(values: readonly number[]): FeatureSummary | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return { n: sorted.length, q1: quantile(sorted, 0.25), median: quantile(sorted, 0.5), q3: quantile(sorted, 0.75) };
}

function quantile(sorted: readonly number[], q: number): number {
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (at - lo);
}

function medianOf(beat: ArrayLike<number>, length: number): number {
  return quantile(
    Array.from({ length }, (_, i) => beat[i] as number).sort((a, b) => a - b),
    0.5,
  );
}
