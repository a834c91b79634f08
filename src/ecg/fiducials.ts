/**
 * Delineation of one beat in the framing of the Kaggle heartbeat datasets (Kachuee et al. 2018, "ECG Heartbeat
 * Classification: A Deep Transferable Representation"): each row is cut from a [0, 1]-normalised 10 s window at 125 Hz
 * from an R peak, for 1.2 × the window's median RR interval, then zero-padded to 187 samples. So a row starts AT its
 * R peak and holds that beat's S and T, then the NEXT beat's P, QRS onset and R (at about 1/1.2 ≈ 83 % of the
 * unpadded length) and the start of its S. The beat's own P, Q and QRS onset lie before the row and are never sought.
 *
 * Every point is reported only when found with confidence, null otherwise: the next R must be a sharp peak (a T wave
 * is broad), the T peak must be broad and end before the next QRS starts, QRS edges must be reached within
 * physiological widths. Intervals follow from the points:
 * - RR: this R to the next R; when the next R is not found (cut off by the window, or not a clear peak) the row's
 *   unpadded length / 1.2, which is the median RR of the 10 s window the row came from;
 * - QRS: the next beat's QRS onset to its end (J point), the only QRS whose both edges are in the row;
 * - PR: the next beat's P onset to its QRS onset;
 * - RT: this R to the T end. The QT interval starts at the QRS onset, before the row; RT is QT less the
 *   onset-to-R time (about 40–60 ms).
 */
import { localMaxima, prominence } from './peaks.js';
import { SAMPLE_RATE_HZ, type BeatFiducials, type FiducialInterval, type FiducialPoint, type RrInterval } from './schema.js';

export const MS_PER_SAMPLE = 1000 / SAMPLE_RATE_HZ;

/** The R peak is at the row's start; allow the peak detector of the source a sample or two of slack. */
const R_SEARCH = 3;
/** Half-width (samples, 40 ms) over which a peak's sharpness is measured: a QRS falls most of its height within it. */
const SHARP_HALF = 5;
/** The earliest next R: 240 ms after this one (250 bpm). */
const MIN_RR = 30;
/** Furthest the QRS onset and end lie from their R (80 ms): beyond it the edge is not found. */
const QRS_REACH = 10;
/** Share of the QRS's steepest slope under which the signal counts as off the QRS. */
const QRS_SLOPE_SHARE = 0.05;
/** T peak at most 480 ms after R, and at most 70 % of the RR interval. */
const MAX_R_TO_T = 60;
/** The P window: up to 240 ms before the next QRS onset. */
const P_REACH = 30;

/** Samples before the trailing zero padding. */
export function unpaddedLength(x: ArrayLike<number>): number {
  let end = x.length;
  while (end > 0 && x[end - 1] === 0) end--;
  return end;
}

export function emptyFiducials(length: number): BeatFiducials {
  return { length, r: null, s: null, t: null, t_end: null, p_onset: null, p: null, qrs_onset: null, q: null, next_r: null, qrs_end: null, rr: null, pr: null, qrs: null, rt: null };
}

export interface DelineationOptions {
  /**
   * Fall back to RR = unpadded length / 1.2 when the next R is not found (default). Off for a class's mean waveform:
   * its length is the longest of its beats', and its next R is smeared over every beat's RR.
   */
  rrFromLength?: boolean;
}

export function detectFiducials(signal: ArrayLike<number>, options: DelineationOptions = {}): BeatFiducials {
  const n = unpaddedLength(signal);
  const out = emptyFiducials(n);
  if (n < MIN_RR + SHARP_HALF) return out;
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = signal[i] as number;
  let min = Infinity;
  let max = -Infinity;
  for (const v of x) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const range = max - min;
  if (!(range >= 0.15)) return out;
  const point = (index: number | null): FiducialPoint | null => (index === null ? null : { index, ms: index * MS_PER_SAMPLE, amplitude: x[index] as number });

  // This beat's R: the start, when the signal falls from it like a QRS does.
  const r0 = argMax(x, 0, R_SEARCH);
  const ownDrop = (x[r0] as number) - (x[argMin(x, r0, r0 + SHARP_HALF + 1)] as number);
  const hasR = ownDrop >= 0.25 * range;

  const nextR = findNextR(x, r0, range);
  const qrsEdges = nextR === null ? null : qrsEdgesOf(x, nextR, true);

  const own = hasR ? qrsEdgesOf(x, r0, false) : null;
  const s = own?.s ?? null;
  const j = own?.end ?? null;

  // The T and P waves are sought on a lightly smoothed copy: at 125 Hz a noisy sample would make its own peak.
  const smoothed = smooth(x, 3);
  const rr: RrInterval | null = nextR !== null ? rrInterval(nextR - r0, 'r-peaks') : options.rrFromLength === false ? null : rrInterval(n / 1.2, 'length');
  const rrSamples = nextR !== null ? nextR - r0 : n / 1.2;

  let t: number | null = null;
  let tEnd: number | null = null;
  if (hasR) {
    const from = Math.max(r0 + 8, (j ?? r0 + 6) + 2);
    const limit = qrsEdges?.onset ?? (nextR !== null ? nextR - 5 : n);
    const to = Math.min(limit - 6, r0 + Math.min(MAX_R_TO_T, Math.round(0.7 * rrSamples)));
    const found = findT(x, smoothed, from, to, limit, range);
    if (found) {
      t = found.peak;
      tEnd = found.end;
    }
  }

  let p: number | null = null;
  let pOnset: number | null = null;
  if (qrsEdges?.onset !== undefined && qrsEdges.onset !== null) {
    const onset = qrsEdges.onset;
    const from = Math.max(onset - P_REACH, tEnd ?? (t !== null ? t + 6 : r0 + 10));
    const found = findP(smoothed, from, onset - 1, range);
    if (found) {
      p = found.peak;
      pOnset = found.onset;
    }
  }

  out.r = hasR ? point(r0) : null;
  out.s = point(s);
  out.t = point(t);
  out.t_end = point(tEnd);
  out.p_onset = point(pOnset);
  out.p = point(p);
  out.qrs_onset = point(qrsEdges?.onset ?? null);
  out.q = point(qrsEdges?.q ?? null);
  out.next_r = point(nextR);
  out.qrs_end = point(qrsEdges?.end ?? null);
  out.rr = hasR || nextR === null ? rr : null;
  out.pr = interval(pOnset, qrsEdges?.onset ?? null);
  out.qrs = interval(qrsEdges?.onset ?? null, qrsEdges?.end ?? null);
  out.rt = hasR ? interval(r0, tEnd) : null;
  return out;
}

function rrInterval(samples: number, source: RrInterval['source']): RrInterval | null {
  const ms = samples * MS_PER_SAMPLE;
  const bpm = 60_000 / ms;
  // Outside 20–300 bpm the "interval" is not a heart beat's.
  if (!(bpm >= 20 && bpm <= 300)) return null;
  return { samples, ms, bpm, source };
}

/**
 * The next beat's R: the sharpest local maximum after MIN_RR, sharpness being how far the signal falls within
 * SHARP_HALF samples on BOTH sides (so a peak cut by the end of the row does not count). It must fall at least a
 * third of the range on both sides, which no T or P wave does at 125 Hz.
 */
function findNextR(x: Float64Array, r0: number, range: number): number | null {
  const n = x.length;
  let best: number | null = null;
  let bestScore = 0;
  for (const c of localMaxima(x, r0 + MIN_RR, n)) {
    const at = c + r0 + MIN_RR;
    if (at + 2 >= n) continue;
    const v = x[at] as number;
    const left = v - (x[argMin(x, at - SHARP_HALF, at)] as number);
    const right = v - (x[argMin(x, at + 1, Math.min(n, at + SHARP_HALF + 1))] as number);
    const score = Math.min(left, right);
    if (score > bestScore) {
      bestScore = score;
      best = at;
    }
  }
  return best !== null && bestScore >= range / 3 ? best : null;
}

interface QrsEdges {
  onset: number | null;
  q: number | null;
  s: number | null;
  end: number | null;
}

/**
 * The edges of the QRS around the R peak `r`. Onset: from the steepest step of the upstroke, walk left down it; if
 * the signal rose into the foot (a Q trough), walk on down the Q wave's slope. End (J point) likewise to the right,
 * through the S trough. A walk that is still steep after QRS_REACH samples, or runs off the row, finds no edge.
 */
function qrsEdgesOf(x: Float64Array, r: number, withOnset: boolean): QrsEdges {
  const n = x.length;
  const threshold = slopeThreshold(x, r - QRS_REACH, r + QRS_REACH);
  let onset: number | null = null;
  let q: number | null = null;
  if (withOnset) {
    let up = Math.max(1, r - 6);
    for (let i = up; i < r; i++) if ((x[i + 1] as number) - (x[i] as number) > (x[up + 1] as number) - (x[up] as number)) up = i;
    const foot = throughTrough(x, descend(x, up + 1, -1, threshold, r - QRS_REACH), -1, threshold, r - QRS_REACH);
    onset = foot.edge;
    q = foot.trough;
  }
  let down = r;
  for (let i = r; i < Math.min(n - 1, r + 6); i++) if ((x[i] as number) - (x[i + 1] as number) > (x[down] as number) - (x[down + 1] as number)) down = i;
  const tail = throughTrough(x, descend(x, down, 1, threshold, Math.min(n - 1, r + QRS_REACH)), 1, threshold, Math.min(n - 1, r + QRS_REACH));
  const s = tail.trough;
  const end = tail.edge;
  return { onset, q, s, end };
}

/**
 * From the foot of the R wave's slope: the lowest sample within 2 more steps (the sampled trough's bottom), then, if
 * the signal rises steeply beyond it, a Q or S trough and the QRS edge where that rise flattens.
 */
function throughTrough(x: Float64Array, foot: number | null, direction: 1 | -1, threshold: number, bound: number): { trough: number | null; edge: number | null } {
  if (foot === null) return { trough: null, edge: null };
  const bottom = direction < 0 ? argMin(x, foot - 2, foot + 1) : argMin(x, foot, foot + 3);
  const edge = ascend(x, bottom, direction, threshold, bound);
  return edge === null || edge === bottom ? { trough: null, edge: edge === null ? null : foot } : { trough: bottom, edge };
}

/** Steps from `i` in `direction` while the signal falls by more than `threshold` a step; null on reaching `bound`. */
function descend(x: Float64Array, i: number, direction: 1 | -1, threshold: number, bound: number): number | null {
  return walk(x, i, direction, -threshold, bound);
}

/** Steps from `i` in `direction` while the signal rises by more than `threshold` a step; null on reaching `bound`. */
function ascend(x: Float64Array, i: number, direction: 1 | -1, threshold: number, bound: number): number | null {
  return walk(x, i, direction, threshold, bound);
}

/**
 * Walks while (x[i + direction] − x[i]) · sign(step) exceeds |step|; one flatter step followed by a steep one (a notch,
 * or the sampling straddling a bend) does not end the walk.
 */
function walk(x: Float64Array, start: number, direction: 1 | -1, step: number, bound: number): number | null {
  const sign = Math.sign(step);
  const size = Math.abs(step);
  const steep = (i: number): boolean => {
    const next = i + direction;
    return next >= 0 && next < x.length && sign * ((x[next] as number) - (x[i] as number)) > size;
  };
  let i = start;
  for (;;) {
    const next = i + direction;
    if (next < 0 || next >= x.length) return null;
    if (!steep(i) && !(steep(next) && sign * ((x[next] as number) - (x[i] as number)) >= 0)) return i;
    i = next;
    if (direction < 0 ? i <= bound : i >= bound) return null;
  }
}

/** QRS_SLOPE_SHARE of the steepest step in [from, to). */
function slopeThreshold(x: Float64Array, from: number, to: number): number {
  let steepest = 0;
  for (let i = Math.max(0, from); i < Math.min(x.length - 1, to); i++) steepest = Math.max(steepest, Math.abs((x[i + 1] as number) - (x[i] as number)));
  return QRS_SLOPE_SHARE * steepest;
}

/**
 * The T wave in [from, to): the most prominent local maximum of the lightly smoothed signal (or minimum, for an
 * inverted T that clearly dominates), broad (it falls less than 70 % of its prominence within SHARP_HALF samples,
 * unlike a QRS). Its end: where the tangent at the steepest slope after the peak meets the level the wave returns
 * to, before `limit` (the next QRS onset).
 */
function findT(x: Float64Array, y: Float64Array, from: number, to: number, limit: number, range: number): { peak: number; end: number | null } | null {
  if (to - from < 3) return null;
  // An upright T's prominence may use the ST level just before the window; an inverted T's is measured inside the
  // window only, or the fall from R and the rise to the next R would make any trough between them look deep.
  const upright = mostProminent(y, from, to, Math.max(0, from - 10), limit);
  const inverted = mostProminent(y.map((v) => -v), from, to, from, to + 1);
  const uprightOk = upright !== null && upright.prominence >= 0.04 * range;
  // An inverted T must rise from a shoulder (the ST level) inside the window: a trough the signal only descends into
  // from the R wave is the end of the QRS or a sloping ST, not a T wave.
  const invertedOk =
    inverted !== null &&
    inverted.prominence >= 0.08 * range &&
    argMax(y, from, inverted.peak + 1) > from + 1 &&
    (!uprightOk || inverted.prominence > 2 * upright.prominence);
  const pick = invertedOk ? { ...inverted, sign: -1 } : uprightOk ? { ...upright, sign: 1 } : null;
  if (!pick) return null;
  const peak = pick.peak;
  const signed = (i: number): number => pick.sign * (y[i] as number);
  // Broad, unlike a QRS: within SHARP_HALF samples it falls less than 70 % of its height above the window's lowest.
  let lowest = signed(peak);
  for (let i = from; i <= to; i++) lowest = Math.min(lowest, signed(i));
  const fall = signed(peak) - Math.min(signed(Math.max(0, peak - SHARP_HALF)), signed(Math.min(x.length - 1, peak + SHARP_HALF)));
  if (fall > 0.7 * (signed(peak) - lowest)) return null;
  return { peak, end: waveEnd(y, peak, pick.sign, Math.min(limit, peak + 25)) };
}

/** The local maximum of y in [from, to] with the largest prominence, measured within [lo, hi). */
function mostProminent(y: Float64Array, from: number, to: number, lo: number, hi: number): { peak: number; prominence: number } | null {
  let best: { peak: number; prominence: number } | null = null;
  for (const c of localMaxima(y, from, Math.min(to + 1, y.length))) {
    const peak = c + from;
    const prom = prominence(y, lo, Math.min(y.length, hi), peak - lo);
    if (!best || prom > best.prominence) best = { peak, prominence: prom };
  }
  return best;
}

/**
 * Tangent method: the tangent at the steepest point of the wave's descent after `peak`, extended to the level where
 * that descent stops (the first rise, so a following P wave is not taken for the T's tail) or `bound`. Null when
 * the signal does not descend after the peak.
 */
function waveEnd(y: Float64Array, peak: number, sign: number, bound: number): number | null {
  const end = Math.min(bound, y.length - 1);
  const value = (i: number): number => sign * (y[i] as number);
  let trough = peak;
  while (trough < end && value(trough + 1) <= value(trough)) trough++;
  if (trough === peak) return null;
  let steepAt = peak;
  for (let i = peak; i < trough; i++) if (value(i) - value(i + 1) > value(steepAt) - value(steepAt + 1)) steepAt = i;
  const steepest = value(steepAt) - value(steepAt + 1);
  if (steepest <= 0) return null;
  return Math.min(trough, Math.round(steepAt + (value(steepAt) - value(trough)) / steepest));
}

/**
 * The next beat's P wave in [from, to): the most prominent local maximum, at least 3 % of the range, and its onset by
 * the tangent method on its upstroke (down to the lowest level in the 80 ms before the peak).
 */
function findP(y: Float64Array, from: number, to: number, range: number): { peak: number; onset: number | null } | null {
  if (to - from < 4) return null;
  let best: { peak: number; prominence: number } | null = null;
  for (const c of localMaxima(y, from, to)) {
    const peak = c + from;
    const prom = prominence(y, from, to, c);
    if (!best || prom > best.prominence) best = { peak, prominence: prom };
  }
  if (!best || best.prominence < 0.03 * range) return null;
  const peak = best.peak;
  const lo = Math.max(from, peak - 10);
  let base = y[peak] as number;
  let steepest = 0;
  let steepAt = -1;
  for (let i = peak - 1; i >= lo; i--) {
    base = Math.min(base, y[i] as number);
    const rise = (y[i + 1] as number) - (y[i] as number);
    if (rise > steepest) {
      steepest = rise;
      steepAt = i;
    }
  }
  if (steepAt < 0) return { peak, onset: null };
  const crossing = steepAt + 1 - ((y[steepAt + 1] as number) - base) / steepest;
  return { peak, onset: crossing < lo ? null : Math.round(crossing) };
}

function interval(start: number | null, end: number | null): FiducialInterval | null {
  if (start === null || end === null || end <= start) return null;
  return { start, end, samples: end - start, ms: (end - start) * MS_PER_SAMPLE };
}

/** Centred moving average over `width` (odd) samples, averaging only the samples that exist at the ends. */
export function smooth(x: ArrayLike<number>, width: number): Float64Array {
  const out = new Float64Array(x.length);
  const half = (width - 1) >> 1;
  for (let i = 0; i < x.length; i++) {
    let sum = 0;
    const lo = Math.max(0, i - half);
    const hi = Math.min(x.length - 1, i + half);
    for (let j = lo; j <= hi; j++) sum += x[j] as number;
    out[i] = sum / (hi - lo + 1);
  }
  return out;
}

/** Index of the first minimum of x[from, to) (clamped to x), or `from` for an empty range. */
function argMin(x: ArrayLike<number>, from: number, to: number): number {
  const lo = Math.max(0, from);
  let best = lo;
  for (let i = lo; i < Math.min(x.length, to); i++) if ((x[i] as number) < (x[best] as number)) best = i;
  return best;
}

function argMax(x: ArrayLike<number>, from: number, to: number): number {
  const lo = Math.max(0, from);
  let best = lo;
  for (let i = lo; i < Math.min(x.length, to); i++) if ((x[i] as number) > (x[best] as number)) best = i;
  return best;
}
