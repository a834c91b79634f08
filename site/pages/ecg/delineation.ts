/**
 * What the ECG page says about a delineated row (src/ecg/fiducials.ts), apart from drawing so it is tested in Node:
 * the heart rate and intervals with their adult resting normal ranges, and the points in the row's order.
 */
import type { BeatFiducials, FiducialInterval, FiducialPoint, RrInterval } from '../../../src/ecg/schema.js';

export interface Measure {
  name: string;
  /** ms, or bpm for the heart rate; null when not found with confidence. */
  value: number | null;
  unit: 'ms' | 'bpm';
  /** Inclusive normal range of what is judged: the value itself, or what `judged` names (in the same unit). */
  normal: readonly [number, number];
  /** What the range applies to when it is not the value itself: "QTc" for R to T end, judged rate-corrected. */
  judged?: string;
  /** The rate-corrected value the judgement is made on (QTc, ms), when there is one. */
  corrected?: number | null;
  /** What exactly is measured and, for a corrected value, how it is corrected, for the reader. */
  how: string;
  /** null: found but not judged (R to T end without an RR to correct it by): no judgement is better than a wrong one. */
  status: 'normal' | 'low' | 'high' | 'not found' | null;
}

/**
 * Adult resting normal ranges. R–T end has no range of its own: it is judged as the QT interval it is part of,
 * corrected for the heart rate (QTc, see qtcFridericia): normal about 350–450 ms (≤ 450 men, ≤ 460 women).
 */
export const NORMAL_RANGES = {
  heartRate: [60, 100],
  rr: [600, 1000],
  pr: [120, 200],
  qrs: [80, 120],
  qtc: [350, 450],
} as const satisfies Record<string, readonly [number, number]>;

/**
 * The QRS onset-to-R time that lies before the row (each row starts at its R), added to R–T end to estimate the QT
 * interval: about 40 ms in a narrow QRS.
 */
export const QRS_ONSET_TO_R_MS = 40;

export interface CorrectedQt {
  /** Estimated QT: R to T end plus QRS_ONSET_TO_R_MS. */
  qt: number;
  /** Fridericia's QTc: QT / RR^(1/3), RR in seconds, in ms. */
  qtc: number;
  status: 'normal' | 'low' | 'high';
}

/**
 * The QT interval grows with RR and shortens as the heart beats faster, so it is judged corrected for the rate
 * (Fridericia, as clinical practice does): QTc = QT / RR^(1/3), RR in seconds. QT is estimated from R to T end;
 * the judgement is QTc against NORMAL_RANGES.qtc. Null without a usable RR or R–T end: no judgement.
 */
export function qtcFridericia(rtMs: number | null, rrMs: number | null): CorrectedQt | null {
  if (rtMs === null || rrMs === null || !Number.isFinite(rtMs) || !Number.isFinite(rrMs) || rtMs <= 0 || rrMs <= 0) return null;
  const qt = rtMs + QRS_ONSET_TO_R_MS;
  const qtc = qt / Math.cbrt(rrMs / 1000);
  const [low, high] = NORMAL_RANGES.qtc;
  return { qt, qtc, status: qtc < low ? 'low' : qtc > high ? 'high' : 'normal' };
}

/** The R to T end row: the measured interval, judged by its rate-corrected QT (or not judged without an RR). */
function rtMeasure(rtMs: number | null, rr: RrInterval | null): Measure {
  const what = `R to T end: the QT interval less the QRS onset-to-R time (≈ ${QRS_ONSET_TO_R_MS} ms), which lies before the row`;
  const base = { name: 'R to T end', value: rtMs, unit: 'ms' as const, normal: NORMAL_RANGES.qtc, judged: 'QTc' };
  if (rtMs === null) return { ...base, corrected: null, how: what, status: 'not found' };
  const c = qtcFridericia(rtMs, rr?.ms ?? null);
  if (!c || !rr) return { ...base, corrected: null, how: `${what}. Not judged: the beat’s RR is unknown, and the QT interval must be corrected for the heart rate`, status: null };
  const seconds = rr.ms / 1000;
  const from = rr.source === 'length' ? ' (RR from the row length, the next R not being in the row)' : '';
  return {
    ...base,
    corrected: c.qtc,
    how:
      `${what}. Judged corrected for the heart rate (Fridericia): QTc = QT / RR^(1/3), RR in seconds = ` +
      `(${fmt(rtMs)} + ${QRS_ONSET_TO_R_MS}) / ${fmt(seconds, 3)}^(1/3) = ${fmt(c.qtc)} ms${from}; normal QTc ${NORMAL_RANGES.qtc[0]}–${NORMAL_RANGES.qtc[1]} ms (≤ 450 men, ≤ 460 women)`,
    status: c.status,
  };
}

const fmt = (value: number, digits = 0): string => (digits === 0 ? String(Math.round(value)) : value.toFixed(digits).replace(/\.?0+$/, ''));

export function measures(f: BeatFiducials): Measure[] {
  const rrHow = f.rr?.source === 'length' ? 'the next R is not in the row: the row length / 1.2 (the median RR of its 10 s recording)' : 'R at the start to the next beat’s R';
  return [
    measure('Heart rate', f.rr?.bpm ?? null, 'bpm', NORMAL_RANGES.heartRate, `60 000 / RR; ${rrHow}`),
    measure('RR interval', f.rr?.ms ?? null, 'ms', NORMAL_RANGES.rr, rrHow),
    measure('PR interval', msOf(f.pr), 'ms', NORMAL_RANGES.pr, 'next beat’s P onset to its QRS onset'),
    measure('QRS width', msOf(f.qrs), 'ms', NORMAL_RANGES.qrs, 'next beat’s QRS onset to its end (J point), the only QRS with both edges in the row'),
    rtMeasure(msOf(f.rt), f.rr),
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
