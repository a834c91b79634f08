/**
 * P, Q, R, S, T fiducials of one beat and the PR, QT, ST intervals: the original's `detect_ecg_fiducials`
 * (inventory §4.4) step for step, with windows as fractions of the beat length n, plus milliseconds at 125 Hz.
 */
import { findPeaks } from './peaks.js';
import { SAMPLE_RATE_HZ, type BeatFiducials, type FiducialInterval, type FiducialPoint } from './schema.js';

const MS_PER_SAMPLE = 1000 / SAMPLE_RATE_HZ;

export function detectFiducials(signal: ArrayLike<number>): BeatFiducials {
  const n = signal.length;
  const none: BeatFiducials = { p: null, q: null, r: null, s: null, t: null, pr: null, qt: null, st: null };
  if (n === 0) return none;
  const smoothed = movingAverage(signal, 5);
  let max = -Infinity;
  let min = Infinity;
  let r = 0;
  for (let i = 0; i < n; i++) {
    const v = signal[i] as number;
    if (v > max) {
      max = v;
      r = i;
    }
    if (v < min) min = v;
  }
  const range = max - min;
  if (!(range >= 0.15)) return none;

  const window = Math.floor(0.18 * n);
  let q: number | null = argMin(signal, Math.max(0, r - window), r);
  if (q !== null && !(max - (signal[q] as number) > 0.1 * range)) q = null;
  let s: number | null = argMin(signal, r + 1, Math.min(n, r + window));
  if (s !== null && !(max - (signal[s] as number) > 0.1 * range)) s = null;

  let p: number | null = null;
  const pEnd = Math.min(q ?? r, Math.floor(0.4 * n));
  if (pEnd > 5) {
    const peaks = findPeaks(signal, { distance: 3, prominence: 0.01 * range }, 0, pEnd);
    if (peaks.length > 0) p = highest(signal, peaks, 0);
    else {
      const candidate = argMax(signal, 0, pEnd) as number;
      if (candidate > 1 && (signal[candidate] as number) > median(signal, 0, pEnd) + 0.02 * range) p = candidate;
    }
  }

  let t: number | null = null;
  const tStart = Math.min(s !== null ? s + 5 : r + Math.floor(0.12 * n), n - 1);
  if (n - tStart > 5) {
    const peaks = findPeaks(smoothed, { distance: 5, prominence: 0.03 * range }, tStart, n);
    if (peaks.length > 0) t = highest(smoothed, peaks, tStart);
    else {
      const candidate = argMax(smoothed, tStart, n) as number;
      if ((smoothed[candidate] as number) > median(smoothed, tStart, n) + 0.05 * range) t = candidate;
    }
  }

  const point = (index: number | null): FiducialPoint | null =>
    index === null ? null : { index, ms: index * MS_PER_SAMPLE, amplitude: signal[index] as number };
  return {
    p: point(p),
    q: point(q),
    r: point(r),
    s: point(s),
    t: point(t),
    pr: interval(p, r),
    qt: interval(q, t),
    st: interval(s, t),
  };
}

function interval(start: number | null, end: number | null): FiducialInterval | null {
  if (start === null || end === null) return null;
  return { start, end, samples: end - start, ms: (end - start) * MS_PER_SAMPLE };
}

/** numpy `convolve(x, ones(w)/w, 'same')` for odd w: a centred mean with zeros beyond both ends. */
export function movingAverage(x: ArrayLike<number>, width: number): Float64Array {
  const out = new Float64Array(x.length);
  const half = (width - 1) >> 1;
  const weight = 1 / width;
  for (let i = 0; i < x.length; i++) {
    let sum = 0;
    for (let j = Math.max(0, i - half); j <= Math.min(x.length - 1, i + half); j++) sum += (x[j] as number) * weight;
    out[i] = sum;
  }
  return out;
}

/** Index of the first minimum of x[from, to), or null for an empty range. */
function argMin(x: ArrayLike<number>, from: number, to: number): number | null {
  let best: number | null = null;
  for (let i = from; i < to; i++) if (best === null || (x[i] as number) < (x[best] as number)) best = i;
  return best;
}

function argMax(x: ArrayLike<number>, from: number, to: number): number | null {
  let best: number | null = null;
  for (let i = from; i < to; i++) if (best === null || (x[i] as number) > (x[best] as number)) best = i;
  return best;
}

/** The first of `peaks` (relative to `offset`) with the highest value, as an absolute index. */
function highest(x: ArrayLike<number>, peaks: number[], offset: number): number {
  let best = (peaks[0] as number) + offset;
  for (const peak of peaks) if ((x[peak + offset] as number) > (x[best] as number)) best = peak + offset;
  return best;
}

function median(x: ArrayLike<number>, from: number, to: number): number {
  const sorted = Array.from({ length: to - from }, (_, i) => x[from + i] as number).sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
