/**
 * The two building blocks of scipy.signal.find_peaks that the delineation (fiducials.ts) uses, with scipy 1.x
 * semantics: local maxima (flat tops included) and peak prominence, on a sub-range of a signal.
 */

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
