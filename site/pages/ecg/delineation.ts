/**
 * What the ECG page says about a delineated row (src/ecg/fiducials.ts), apart from drawing so it is tested in Node:
 * the heart rate and intervals with their adult resting normal ranges, and the points in the row's order.
 */
import type { BeatFiducials, FiducialInterval, FiducialPoint } from '../../../src/ecg/schema.js';

export interface Measure {
  name: string;
  /** ms, or bpm for the heart rate; null when not found with confidence. */
  value: number | null;
  unit: 'ms' | 'bpm';
  /** Inclusive normal range, in the same unit. */
  normal: readonly [number, number];
  /** What exactly is measured, for the reader. */
  how: string;
  status: 'normal' | 'low' | 'high' | 'not found';
}

/**
 * Adult resting normal ranges. R–T end has no textbook range: it is the QT interval (350–450 ms) less the QRS
 * onset-to-R time that lies before the row (about 40–60 ms).
 */
export const NORMAL_RANGES = {
  heartRate: [60, 100],
  rr: [600, 1000],
  pr: [120, 200],
  qrs: [80, 120],
  rt: [300, 410],
} as const satisfies Record<string, readonly [number, number]>;

export function measures(f: BeatFiducials): Measure[] {
  const rrHow = f.rr?.source === 'length' ? 'the next R is not in the row: the row length / 1.2 (the median RR of its 10 s recording)' : 'R at the start to the next beat’s R';
  return [
    measure('Heart rate', f.rr?.bpm ?? null, 'bpm', NORMAL_RANGES.heartRate, `60 000 / RR; ${rrHow}`),
    measure('RR interval', f.rr?.ms ?? null, 'ms', NORMAL_RANGES.rr, rrHow),
    measure('PR interval', msOf(f.pr), 'ms', NORMAL_RANGES.pr, 'next beat’s P onset to its QRS onset'),
    measure('QRS width', msOf(f.qrs), 'ms', NORMAL_RANGES.qrs, 'next beat’s QRS onset to its end (J point), the only QRS with both edges in the row'),
    measure('R to T end', msOf(f.rt), 'ms', NORMAL_RANGES.rt, 'R to T end: the QT interval less the QRS onset-to-R time, which lies before the row (QT normal 350–450 ms)'),
  ];
}

function msOf(interval: FiducialInterval | null): number | null {
  return interval?.ms ?? null;
}

function measure(name: string, value: number | null, unit: Measure['unit'], normal: readonly [number, number], how: string): Measure {
  const status = value === null ? 'not found' : value < normal[0] ? 'low' : value > normal[1] ? 'high' : 'normal';
  return { name, value, unit, normal, how, status };
}

export interface PointRow {
  key: keyof BeatFiducials;
  name: string;
  /** A short label drawn next to the point on charts, or '' for edges (shown by their tooltip only). */
  mark: string;
  point: FiducialPoint | null;
}

/** The points of a row in the order they occur in it. */
export const POINTS: readonly { key: keyof BeatFiducials & string; name: string; mark: string }[] = [
  { key: 'r', name: 'R (this beat, the row’s start)', mark: 'R' },
  { key: 's', name: 'S', mark: 'S' },
  { key: 't', name: 'T peak', mark: 'T' },
  { key: 't_end', name: 'T end', mark: '' },
  { key: 'p_onset', name: 'P onset (next beat)', mark: '' },
  { key: 'p', name: 'P peak (next beat)', mark: 'P' },
  { key: 'qrs_onset', name: 'QRS onset (next beat)', mark: '' },
  { key: 'q', name: 'Q (next beat)', mark: 'Q' },
  { key: 'next_r', name: 'R (next beat)', mark: 'R' },
  { key: 'qrs_end', name: 'QRS end (next beat)', mark: '' },
];

export function pointRows(f: BeatFiducials): PointRow[] {
  return POINTS.map((p) => ({ key: p.key as keyof BeatFiducials, name: p.name, mark: p.mark, point: (f[p.key as keyof BeatFiducials] as FiducialPoint | null) ?? null }));
}

/** The intervals drawn as bands over a beat: PR, QRS and R–T end. */
export function intervalBands(f: BeatFiducials): { label: string; interval: FiducialInterval }[] {
  const bands: { label: string; interval: FiducialInterval | null }[] = [
    { label: 'R–T end', interval: f.rt },
    { label: 'PR', interval: f.pr },
    { label: 'QRS', interval: f.qrs },
  ];
  return bands.filter((b): b is { label: string; interval: FiducialInterval } => b.interval !== null);
}
