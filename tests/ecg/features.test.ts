import { describe, expect, it } from 'vitest';
import { beatFeatures, summarise } from '../../src/ecg/features.js';
import { detectFiducials, emptyFiducials } from '../../src/ecg/fiducials.js';
import { BEAT_LENGTH } from '../../src/ecg/schema.js';

describe('summarise', () => {
  it("gives numpy's linear-interpolation quartiles and the count", () => {
    expect(summarise([4, 1, 3, 2])).toEqual({ n: 4, q1: 1.75, median: 2.5, q3: 3.25 });
    expect(summarise([7])).toEqual({ n: 1, q1: 7, median: 7, q3: 7 });
    expect(summarise([])).toBeNull();
  });
});

/** A row of the given length: R at 0, a T wave of height `t` at 35, the next R at length / 1.2. */
function row(length: number, t: number): number[] {
  const next = Math.round(length / 1.2);
  const wave = (i: number, at: number, amp: number, width: number): number => amp * Math.exp(-((i - at) ** 2) / (2 * width ** 2));
  return Array.from({ length: BEAT_LENGTH }, (_, i) => (i < length ? 0.2 + wave(i, 0, 0.8, 1.6) + wave(i, 35, t, 6) + wave(i, next, 0.8, 1.6) : 0));
}

describe('beatFeatures', () => {
  it('separates a slow class with tall T waves from a fast one with flat T waves', () => {
    const slow = [row(150, 0.3), row(144, 0.32), row(156, 0.28)];
    const fast = [row(72, 0.1), row(78, 0.12), row(66, 0.1)];
    const features = (beats: number[][]) => beatFeatures(beats, beats.map((b) => detectFiducials(b)));
    const a = features(slow);
    const b = features(fast);
    expect(a.beats).toBe(3);
    // 150 samples = 1.2 RR → RR 125 samples = 1000 ms = 60 bpm; the next R is found, so RR is measured between peaks.
    expect(a.heart_rate_bpm?.median).toBe(60);
    expect(b.heart_rate_bpm?.median).toBe(125);
    expect(a.length_ms).toEqual({ n: 3, q1: 1176, median: 1200, q3: 1224 });
    expect(a.t_amplitude?.median).toBeGreaterThan(0.25);
    expect(b.t_amplitude?.median).toBeLessThan(0.15);
    expect(a.energy?.median).toBeGreaterThan(b.energy?.median ?? Infinity);
  });

  it('leaves out beats where a feature is not found, and says so by the count', () => {
    const flat = new Array(BEAT_LENGTH).fill(0.5);
    const f = beatFeatures([flat], [emptyFiducials(BEAT_LENGTH)]);
    expect([f.heart_rate_bpm, f.qrs_ms, f.t_amplitude]).toEqual([null, null, null]);
    expect(f.length_ms).toEqual({ n: 1, q1: 1496, median: 1496, q3: 1496 });
    expect(f.energy?.median).toBeCloseTo(0.25 * BEAT_LENGTH, 10);
  });
});
