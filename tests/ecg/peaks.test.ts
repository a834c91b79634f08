import { describe, expect, it } from 'vitest';
import { localMaxima, prominence } from '../../src/ecg/peaks.js';

// Expected values worked out by hand from scipy.signal.find_peaks' definitions (scipy/signal/_peak_finding_utils.pyx).
const x = [0, 1, 0, 2, 2, 2, 0, 3, 1, 1, 4, 0];

describe('localMaxima and prominence (scipy semantics)', () => {
  it('finds strict local maxima and the middle of flat tops, never the end points', () => {
    expect(localMaxima(x)).toEqual([1, 4, 7, 10]);
    expect(localMaxima([3, 1, 2, 2, 1, 5])).toEqual([2]);
    expect(localMaxima([1, 2, 2, 2])).toEqual([]);
  });

  it('measures prominence against the higher of the two bases', () => {
    expect([1, 4, 7, 10].map((p) => prominence(x, 0, x.length, p))).toEqual([1, 2, 2, 4]);
  });

  it('works on a sub-range, with indices relative to its start', () => {
    // x[3..12) = [2, 2, 2, 0, 3, 1, 1, 4, 0]: the plateau touches the range's start, so it is no peak there.
    expect(localMaxima(x, 3, 12)).toEqual([4, 7]);
    expect(prominence(x, 3, 12, 7)).toBe(4);
  });
});
