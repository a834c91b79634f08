import { describe, expect, it } from 'vitest';
import { emptyFiducials } from '../../../../src/ecg/fiducials.js';
import type { BeatFiducials } from '../../../../src/ecg/schema.js';
import { intervalBands, measures, NORMAL_RANGES, pointRows, qtcFridericia } from '../../../../site/pages/ecg/delineation.js';

const interval = (start: number, end: number) => ({ start, end, samples: end - start, ms: (end - start) * 8 });

describe('measures', () => {
  const f: BeatFiducials = {
    ...emptyFiducials(120),
    rr: { samples: 100, ms: 800, bpm: 75, source: 'r-peaks' },
    pr: interval(76, 94),
    qrs: interval(94, 109),
    rt: null,
  };

  it('gives heart rate and intervals with their normal ranges and where each value falls', () => {
    expect(measures(f).map((m) => [m.name, m.value, m.unit, m.normal, m.status])).toEqual([
      ['Heart rate', 75, 'bpm', NORMAL_RANGES.heartRate, 'normal'],
      ['RR interval', 800, 'ms', NORMAL_RANGES.rr, 'normal'],
      ['PR interval', 144, 'ms', [120, 200], 'normal'],
      ['QRS width', 120, 'ms', [80, 120], 'normal'],
      ['R to T end', null, 'ms', [350, 450], 'not found'],
    ]);
  });

  it('flags values outside the range, and says when the RR comes from the row length', () => {
    const slow = measures({ ...f, rr: { samples: 150, ms: 1200, bpm: 50, source: 'length' }, qrs: interval(90, 110) });
    expect(slow.map((m) => m.status)).toEqual(['low', 'high', 'normal', 'high', 'not found']);
    expect(slow[0]?.how).toContain('row length / 1.2');
  });
});

describe('R to T end, judged corrected for the heart rate (Fridericia)', () => {
  const at = (rtMs: number | null, bpm: number | null, source: 'r-peaks' | 'length' = 'r-peaks'): BeatFiducials => ({
    ...emptyFiducials(120),
    rr: bpm === null ? null : { samples: Math.round(60_000 / bpm / 8), ms: 60_000 / bpm, bpm, source },
    rt: rtMs === null ? null : interval(1, 1 + rtMs / 8),
  });
  const rt = (f: BeatFiducials) => measures(f).find((m) => m.name === 'R to T end');

  it('QTc = (R–T end + 40 ms) / RR^(1/3), RR in seconds, against 350–450 ms', () => {
    // 96 bpm: RR 625 ms; QT ≈ 280 + 40 = 320 ms; 320 / 0.625^(1/3) = 320 / 0.8550 = 374.27 ms.
    expect(qtcFridericia(280, 625)?.qt).toBe(320);
    expect(qtcFridericia(280, 625)?.qtc).toBeCloseTo(374.27, 2);
    expect(qtcFridericia(280, 625)?.status).toBe('normal');
    // 60 bpm: RR 1 s, no correction: QTc = QT = 320 ms, short.
    expect(qtcFridericia(280, 1000)).toEqual({ qt: 320, qtc: 320, status: 'low' });
    // 50 bpm: RR 1.2 s; 440 / 1.2^(1/3) = 414.1 ms, normal, where 400 ms of R–T end read "high" (> 410) uncorrected.
    expect(qtcFridericia(400, 1200)?.qtc).toBeCloseTo(414.06, 2);
    expect(qtcFridericia(400, 1200)?.status).toBe('normal');
    // 120 bpm: RR 0.5 s; 420 / 0.7937 = 529.2 ms, long.
    expect(qtcFridericia(380, 500)?.status).toBe('high');
    expect(qtcFridericia(null, 625)).toBeNull();
    expect(qtcFridericia(280, null)).toBeNull();
    expect(qtcFridericia(280, 0)).toBeNull();
  });

  it('a normal beat at 96 bpm reads normal, with its QTc and the formula in the explanation', () => {
    const m = rt(at(280, 96));
    expect(m?.value).toBe(280);
    expect(m?.status).toBe('normal');
    expect(m?.judged).toBe('QTc');
    expect(m?.normal).toEqual([350, 450]);
    expect(m?.corrected).toBeCloseTo(374.27, 2);
    expect(m?.how).toContain('QTc = QT / RR^(1/3), RR in seconds = (280 + 40) / 0.625^(1/3) = 374 ms');
    expect(m?.how).toContain('normal QTc 350–450 ms');
  });

  it('the same R–T end at 60 bpm is low; at 50 bpm with an RR from the row length the explanation says so', () => {
    expect(rt(at(280, 60))?.status).toBe('low');
    expect(rt(at(280, 60))?.corrected).toBeCloseTo(320, 6);
    const slow = rt(at(400, 50, 'length'));
    expect(slow?.status).toBe('normal');
    expect(slow?.how).toContain('(400 + 40) / 1.2^(1/3) = 414 ms (RR from the row length');
  });

  it('without an RR the value is shown but not judged', () => {
    const m = rt(at(280, null));
    expect(m?.value).toBe(280);
    expect(m?.status).toBeNull();
    expect(m?.corrected).toBeNull();
    expect(m?.how).toContain('Not judged: the beat’s RR is unknown');
  });
});

describe('pointRows and intervalBands', () => {
  it("lists the points in the row's order, the next beat's last, and only the intervals found", () => {
    const point = (index: number) => ({ index, ms: index * 8, amplitude: 0.5 });
    const f: BeatFiducials = { ...emptyFiducials(120), r: point(0), t: point(35), next_r: point(100), qrs: interval(94, 109) };
    expect(pointRows(f).map((r) => [r.key, r.point?.index ?? null])).toEqual([
      ['r', 0],
      ['s', null],
      ['t', 35],
      ['t_end', null],
      ['p_onset', null],
      ['p', null],
      ['qrs_onset', null],
      ['q', null],
      ['next_r', 100],
      ['qrs_end', null],
    ]);
    expect(intervalBands(f).map((b) => b.label)).toEqual(['QRS']);
  });
});
