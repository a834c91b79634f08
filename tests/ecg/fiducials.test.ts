import { describe, expect, it } from 'vitest';
import { detectFiducials, movingAverage } from '../../src/ecg/fiducials.js';
import { syntheticBeat } from '../../src/ecg/synthetic.js';

type Row = [string, [number, number][], [number, number, number]];

// Inventory §4.4 reference outputs of the original (numpy + scipy) on the synthetic 200-point beats:
// P, Q, R, S, T as [index, amplitude], then the PR, QT, ST lengths in samples.
const REFERENCE: Row[] = [
  ['Normal (N)', [[40, 0.12], [63, -0.0258], [72, 0.9827], [79, -0.0691], [109, 0.2498]], [32, 46, 30]],
  ['Normal', [[40, 0.12], [63, -0.0258], [72, 0.9827], [79, -0.0691], [109, 0.2498]], [32, 46, 30]],
  ['Supraventricular (S)', [[40, 0.1799], [63, -0.0276], [72, 0.981], [79, -0.0769], [109, 0.1998]], [32, 46, 30]],
  ['Ventricular (V)', [[40, 0.12], [56, 0.0223], [72, 0.9789], [88, 0.0259], [119, 0.15]], [32, 63, 31]],
  ['Fusion (F)', [[40, 0.12], [57, 0.0152], [72, 0.9823], [85, 0.03], [109, 0.1799]], [32, 52, 24]],
  ['Unknown (Q)', [[40, 0.06], [58, 0.0058], [72, 0.6364], [80, -0.0136], [109, 0.1199]], [32, 51, 29]],
  ['Abnormal', [[40, 0.12], [64, -0.0532], [72, 0.9902], [79, -0.0773], [99, 0.3496]], [32, 35, 20]],
];

describe('detectFiducials', () => {
  it.each(REFERENCE)('reproduces the reference table for %s', (className, points, lengths) => {
    const f = detectFiducials(syntheticBeat(className));
    const found = [f.p, f.q, f.r, f.s, f.t].map((p) => (p ? [p.index, Number(p.amplitude.toFixed(4))] : null));
    expect(found).toEqual(points);
    expect([f.pr?.samples, f.qt?.samples, f.st?.samples]).toEqual(lengths);
  });

  it('gives intervals by their end points and in milliseconds at 125 Hz (8 ms a sample)', () => {
    const f = detectFiducials(syntheticBeat('Normal (N)'));
    expect(f.pr).toEqual({ start: 40, end: 72, samples: 32, ms: 256 });
    expect(f.qt).toEqual({ start: 63, end: 109, samples: 46, ms: 368 });
    expect(f.st).toEqual({ start: 79, end: 109, samples: 30, ms: 240 });
    expect(f.r?.ms).toBe(576);
  });

  it('finds nothing in a flat beat (range below 0.15)', () => {
    const f = detectFiducials(Array.from({ length: 187 }, (_, i) => 0.5 + 0.07 * Math.sin(i / 10)));
    expect(Object.values(f).every((v) => v === null)).toBe(true);
  });

  it('finds no Q and no P when the beat starts at its R peak, as the real segments do', () => {
    const beat = Array.from({ length: 187 }, (_, i) => (i === 0 ? 1 : 0.2 + 0.3 * Math.exp(-((i - 40) ** 2) / 50)));
    const f = detectFiducials(beat);
    expect([f.r?.index, f.q, f.p, f.pr, f.qt]).toEqual([0, null, null, null, null]);
    expect(f.t?.index).toBe(40);
  });
});

describe('movingAverage', () => {
  it('is numpy convolve "same" with zero padding at the edges', () => {
    expect(Array.from(movingAverage([5, 5, 5, 5, 5, 5], 5), (v) => Number(v.toFixed(12)))).toEqual([3, 4, 5, 5, 4, 3]);
  });
});
