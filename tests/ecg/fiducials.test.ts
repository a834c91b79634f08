import { describe, expect, it } from 'vitest';
import { detectFiducials, smooth, unpaddedLength } from '../../src/ecg/fiducials.js';
import { BEAT_LENGTH } from '../../src/ecg/schema.js';

interface Wave {
  at: number;
  amp: number;
  width: number;
}

/**
 * A row in the Kaggle framing, built from Gaussian waves at known sample positions: it starts at this beat's R
 * (a wave centred at 0, of which only the falling half is in the row), then S, T, the next beat's P, Q, R and S; the
 * row is `length` samples long, min-max normalised, then zero-padded to 187.
 */
function constructedBeat(waves: Wave[], length: number, baseline = 0.1): number[] {
  const raw = Array.from({ length }, (_, i) => baseline + waves.reduce((v, w) => v + w.amp * Math.exp(-((i - w.at) ** 2) / (2 * w.width ** 2)), 0));
  const min = Math.min(...raw);
  const max = Math.max(...raw);
  return Array.from({ length: BEAT_LENGTH }, (_, i) => (i < length ? ((raw[i] as number) - min) / (max - min) : 0));
}

/** One beat of 75 bpm: RR = 100 samples (800 ms), so the row is 120 samples (1.2 RR). */
const NORMAL: Wave[] = [
  { at: 0, amp: 1, width: 1.6 },
  { at: 4, amp: -0.2, width: 1.2 },
  { at: 35, amp: 0.3, width: 6 },
  { at: 82, amp: 0.12, width: 3.5 },
  { at: 96, amp: -0.1, width: 1.2 },
  { at: 100, amp: 1, width: 1.6 },
  { at: 104, amp: -0.2, width: 1.2 },
];

describe('detectFiducials in the rows framing (R at the start, the next beat at ≈ 83 %)', () => {
  const beat = constructedBeat(NORMAL, 120);
  const f = detectFiducials(beat);

  it('measures the unpadded length', () => {
    expect(unpaddedLength(beat)).toBe(120);
    expect(f.length).toBe(120);
  });

  it('puts R at the start, S after it, the T peak on the T wave and never on the next R', () => {
    expect(f.r?.index).toBe(0);
    expect(f.s?.index).toBe(4);
    expect(f.t?.index).toBe(35);
    expect(f.t_end?.index).toBeGreaterThanOrEqual(42);
    expect(f.t_end?.index).toBeLessThanOrEqual(50);
  });

  it("finds the next beat's P, Q and R and the edges of its QRS", () => {
    expect(f.p?.index).toBe(82);
    expect(f.p_onset?.index).toBeGreaterThanOrEqual(74);
    expect(f.p_onset?.index).toBeLessThanOrEqual(79);
    // The Q wave is centred at 96; the R's upstroke added to it puts the sampled trough at 95.
    expect(f.q?.index).toBe(95);
    expect(f.next_r?.index).toBe(100);
    expect(f.qrs_onset?.index).toBeGreaterThanOrEqual(92);
    expect(f.qrs_onset?.index).toBeLessThanOrEqual(95);
    expect(f.qrs_end?.index).toBeGreaterThanOrEqual(106);
    expect(f.qrs_end?.index).toBeLessThanOrEqual(109);
  });

  it('derives RR and heart rate from the two R peaks, and PR, QRS and R–T end from the points', () => {
    expect(f.rr).toEqual({ samples: 100, ms: 800, bpm: 75, source: 'r-peaks' });
    expect(f.pr).toEqual({ start: f.p_onset?.index, end: f.qrs_onset?.index, samples: (f.qrs_onset?.index ?? 0) - (f.p_onset?.index ?? 0), ms: ((f.qrs_onset?.index ?? 0) - (f.p_onset?.index ?? 0)) * 8 });
    expect(f.pr?.ms).toBeGreaterThanOrEqual(104);
    expect(f.pr?.ms).toBeLessThanOrEqual(168);
    expect(f.qrs?.ms).toBeGreaterThanOrEqual(88);
    expect(f.qrs?.ms).toBeLessThanOrEqual(136);
    expect(f.rt?.start).toBe(0);
    expect(f.rt?.end).toBe(f.t_end?.index);
  });

  it('follows the waves when the rhythm is faster (RR 60 samples, 125 bpm)', () => {
    const fast = detectFiducials(
      constructedBeat(
        [
          { at: 0, amp: 1, width: 1.6 },
          { at: 4, amp: -0.2, width: 1.2 },
          { at: 26, amp: 0.3, width: 5 },
          { at: 47, amp: 0.12, width: 3 },
          { at: 60, amp: 1, width: 1.6 },
        ],
        72,
      ),
    );
    expect([fast.r?.index, fast.t?.index, fast.p?.index, fast.next_r?.index]).toEqual([0, 26, 47, 60]);
    expect(fast.rr?.bpm).toBe(125);
  });

  it('when the next R is cut off by the row, gives RR from the length / 1.2 and no next-beat QRS, PR or QRS width', () => {
    // RR 125 samples but a row of 120 (the window's median RR was 100): the next R at 125 is beyond the row.
    const cut = detectFiducials(
      constructedBeat(
        [
          { at: 0, amp: 1, width: 1.6 },
          { at: 4, amp: -0.2, width: 1.2 },
          { at: 38, amp: 0.3, width: 6 },
          { at: 107, amp: 0.12, width: 3.5 },
          { at: 125, amp: 1, width: 1.6 },
        ],
        120,
      ),
    );
    expect(cut.length).toBe(120);
    expect(cut.r?.index).toBe(0);
    expect(cut.t?.index).toBe(38);
    expect([cut.next_r, cut.qrs_onset, cut.qrs_end, cut.pr, cut.qrs]).toEqual([null, null, null, null, null]);
    expect(cut.rr).toEqual({ samples: 100, ms: 800, bpm: 75, source: 'length' });
  });

  it('gives no RR from the length when told not to (a class mean waveform, whose length is its longest beat’s)', () => {
    const mean = constructedBeat([{ at: 0, amp: 1, width: 1.6 }, { at: 4, amp: -0.2, width: 1.2 }, { at: 35, amp: 0.3, width: 6 }], 150);
    expect(detectFiducials(mean).rr?.source).toBe('length');
    const f = detectFiducials(mean, { rrFromLength: false });
    expect([f.rr, f.next_r, f.t?.index]).toEqual([null, null, 35]);
  });

  it('never reports the next R (a sharp peak) as the T wave when there is no T', () => {
    const noT = detectFiducials(
      constructedBeat(
        [
          { at: 0, amp: 1, width: 1.6 },
          { at: 4, amp: -0.2, width: 1.2 },
          { at: 100, amp: 1, width: 1.6 },
        ],
        120,
      ),
    );
    expect(noT.next_r?.index).toBe(100);
    expect(noT.t).toBeNull();
    expect(noT.rt).toBeNull();
  });

  it('finds nothing in a flat row or an all-padding row', () => {
    const flat = detectFiducials(Array.from({ length: 187 }, (_, i) => 0.5 + 0.07 * Math.sin(i / 10)));
    expect(Object.entries(flat).filter(([key, v]) => key !== 'length' && v !== null)).toEqual([]);
    expect(detectFiducials(new Array(187).fill(0)).length).toBe(0);
  });

  it('reports no R when the row does not open on a falling QRS', () => {
    const rising = detectFiducials(constructedBeat([{ at: 25, amp: 1, width: 8 }, { at: 100, amp: 1, width: 1.6 }], 120));
    expect([rising.r, rising.s, rising.t, rising.rt]).toEqual([null, null, null, null]);
    expect(rising.next_r?.index).toBe(100);
  });
});

describe('smooth', () => {
  it('averages the samples that exist, so the ends are not pulled toward zero', () => {
    expect(Array.from(smooth([5, 5, 5, 5, 5, 5], 5))).toEqual([5, 5, 5, 5, 5, 5]);
    expect(Array.from(smooth([0, 3, 6], 3))).toEqual([1.5, 3, 4.5]);
  });
});
