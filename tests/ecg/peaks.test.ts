import { describe, expect, it } from 'vitest';
import { findPeaks, localMaxima, prominence } from '../../src/ecg/peaks.js';

// Expected values worked out by hand from scipy.signal.find_peaks' definitions (scipy/signal/_peak_finding_utils.pyx).
const x = [0, 1, 0, 2, 2, 2, 0, 3, 1, 1, 4, 0];

describe('findPeaks (scipy semantics)', () => {
  it('finds strict local maxima and the middle of flat tops, never the end points', () => {
    expect(localMaxima(x)).toEqual([1, 4, 7, 10]);
    expect(localMaxima([3, 1, 2, 2, 1, 5])).toEqual([2]);
    expect(localMaxima([1, 2, 2, 2])).toEqual([]);
  });

  it('keeps the highest peak of each distance neighbourhood', () => {
    expect(findPeaks(x, { distance: 4 })).toEqual([4, 10]);
    expect(findPeaks(x, { distance: 3 })).toEqual([1, 4, 7, 10]);
    // A non-integer distance is rounded up, as scipy does.
    expect(findPeaks(x, { distance: 2.5 })).toEqual([1, 4, 7, 10]);
    // Equal heights: the later peak is visited first and removes the earlier one.
    expect(findPeaks([0, 1, 0, 1, 0], { distance: 3 })).toEqual([3]);
  });

  it('measures prominence against the higher of the two bases and filters inclusively', () => {
    expect([1, 4, 7, 10].map((p) => prominence(x, 0, x.length, p))).toEqual([1, 2, 2, 4]);
    expect(findPeaks(x, { prominence: 2 })).toEqual([4, 7, 10]);
    expect(findPeaks(x, { prominence: 2.5 })).toEqual([10]);
  });

  it('applies distance before prominence, on a sub-range with indices relative to its start', () => {
    expect(findPeaks(x, { distance: 4, prominence: 2.5 })).toEqual([10]);
    // x[3..12) = [2, 2, 2, 0, 3, 1, 1, 4, 0]: the plateau touches the range's start, so it is no peak there.
    expect(findPeaks(x, {}, 3, 12)).toEqual([4, 7]);
  });
});
