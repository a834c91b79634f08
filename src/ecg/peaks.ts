/**
 * scipy.signal.find_peaks with the `distance` and `prominence` arguments (scipy 1.x semantics, which the original's
 * fiducial detection used), in the same order scipy applies them: local maxima, then distance, then prominence.
 */

export interface PeakOptions {
  /** Minimal index distance between kept peaks (scipy rounds it up). */
  distance?: number;
  /** Minimal prominence (inclusive). */
  prominence?: number;
}

/** Indices of the peaks of `x[from, to)`, relative to `from`, ascending. */
export function findPeaks(x: ArrayLike<number>, options: PeakOptions = {}, from = 0, to = x.length): number[] {
  let peaks = localMaxima(x, from, to);
  if (options.distance !== undefined && peaks.length > 1) peaks = selectByDistance(x, from, peaks, Math.ceil(options.distance));
  if (options.prominence !== undefined) {
    const minimum = options.prominence;
    peaks = peaks.filter((p) => prominence(x, from, to, p) >= minimum);
  }
  return peaks;
}

/**
 * scipy's `_local_maxima_1d`: a sample higher than its left neighbour and followed by a run of equal samples that
 * ends in a lower one; the peak of a flat run is its middle (rounded down). The first and last samples never count.
 */
export function localMaxima(x: ArrayLike<number>, from = 0, to = x.length): number[] {
  const peaks: number[] = [];
  const last = to - 1;
  let i = from + 1;
  while (i < last) {
    if ((x[i - 1] as number) < (x[i] as number)) {
      let ahead = i + 1;
      while (ahead < last && x[ahead] === x[i]) ahead++;
      if ((x[ahead] as number) < (x[i] as number)) {
        const left = i;
        const right = ahead - 1;
        peaks.push(((left + right) >> 1) - from);
        i = ahead;
      }
    }
    i++;
  }
  return peaks;
}

/**
 * scipy's `_select_by_peak_distance`: peaks are visited from the highest down (equal heights: the later one first,
 * as numpy's argsort visits them for short arrays) and each kept peak removes its lower neighbours closer than
 * `distance`.
 */
function selectByDistance(x: ArrayLike<number>, from: number, peaks: number[], distance: number): number[] {
  const order = peaks.map((_, i) => i).sort((a, b) => (x[(peaks[a] as number) + from] as number) - (x[(peaks[b] as number) + from] as number) || a - b);
  const keep = peaks.map(() => true);
  for (let n = order.length - 1; n >= 0; n--) {
    const j = order[n] as number;
    if (!keep[j]) continue;
    for (let k = j - 1; k >= 0 && (peaks[j] as number) - (peaks[k] as number) < distance; k--) keep[k] = false;
    for (let k = j + 1; k < peaks.length && (peaks[k] as number) - (peaks[j] as number) < distance; k++) keep[k] = false;
  }
  return peaks.filter((_, i) => keep[i]);
}

/**
 * scipy's `_peak_prominences` with no window: from the peak, walk each way while the signal stays at or below the
 * peak, noting the lowest sample; prominence = peak − the higher of the two minima.
 */
export function prominence(x: ArrayLike<number>, from: number, to: number, peak: number): number {
  const p = peak + from;
  const height = x[p] as number;
  let leftMin = height;
  for (let i = p; i >= from && (x[i] as number) <= height; i--) if ((x[i] as number) < leftMin) leftMin = x[i] as number;
  let rightMin = height;
  for (let i = p; i < to && (x[i] as number) <= height; i++) if ((x[i] as number) < rightMin) rightMin = x[i] as number;
  return height - Math.max(leftMin, rightMin);
}
