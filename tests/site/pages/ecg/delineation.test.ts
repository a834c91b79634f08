import { describe, expect, it } from 'vitest';
import { emptyFiducials } from '../../../../src/ecg/fiducials.js';
import type { BeatFiducials } from '../../../../src/ecg/schema.js';
import { intervalBands, measures, NORMAL_RANGES, pointRows } from '../../../../site/pages/ecg/delineation.js';

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
      ['R to T end', null, 'ms', NORMAL_RANGES.rt, 'not found'],
    ]);
  });

  it('flags values outside the range, and says when the RR comes from the row length', () => {
    const slow = measures({ ...f, rr: { samples: 150, ms: 1200, bpm: 50, source: 'length' }, qrs: interval(90, 110) });
    expect(slow.map((m) => m.status)).toEqual(['low', 'high', 'normal', 'high', 'not found']);
    expect(slow[0]?.how).toContain('row length / 1.2');
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
