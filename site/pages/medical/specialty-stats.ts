// The specialty analytics of the Medical Records page (HC-1 … HC-5, original-inventory.md §4.5), computed
// in the browser over the records left by the filters. DOM-free, so Node tests check the figures.

/** The record columns the analytics read (src/site/assets/medical.ts), as arrays or decoded columns. */
export interface SpecialtyColumns {
  specialties: readonly (string | null)[];
  specialty: ArrayLike<number>;
  length: ArrayLike<number>;
}

export interface SpecialtyStat {
  specialty: string;
  /** Records of the specialty (HC-1 count, HC-2 volume). */
  volume: number;
  /** Mean transcription_length of those records: the original's "complexity" in characters. */
  avgComplexity: number;
}

/** Per specialty present in `rows`: volume and mean length, largest volume first (ties by name). */
export function specialtyStats(records: SpecialtyColumns, rows: ArrayLike<number>): SpecialtyStat[] {
  const volume = new Array<number>(records.specialties.length).fill(0);
  const lengthSum = new Array<number>(records.specialties.length).fill(0);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const s = records.specialty[row]!;
    volume[s]!++;
    lengthSum[s]! += records.length[row]!;
  }
  const stats: SpecialtyStat[] = [];
  records.specialties.forEach((specialty, s) => {
    if (volume[s]! > 0) stats.push({ specialty: specialty ?? '', volume: volume[s]!, avgComplexity: lengthSum[s]! / volume[s]! });
  });
  return stats.sort((a, b) => b.volume - a.volume || (a.specialty < b.specialty ? -1 : 1));
}

/** The median as numpy computes it (mean of the two middle values for an even count); NaN when empty. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export const QUADRANTS = ['High Volume + Complex', 'High Volume', 'Complex Cases', 'Low Priority'] as const;
export type Quadrant = (typeof QUADRANTS)[number];

export interface DemandPoint extends SpecialtyStat {
  quadrant: Quadrant;
}

export interface DemandQuadrant {
  medianVolume: number;
  medianComplexity: number;
  points: DemandPoint[];
}

/** HC-2: each shown specialty placed against the medians of volume and complexity (at the median counts as high). */
export function demandQuadrant(stats: readonly SpecialtyStat[]): DemandQuadrant {
  const medianVolume = median(stats.map((s) => s.volume));
  const medianComplexity = median(stats.map((s) => s.avgComplexity));
  const points = stats.map((s): DemandPoint => {
    const busy = s.volume >= medianVolume;
    const complex = s.avgComplexity >= medianComplexity;
    const quadrant: Quadrant = busy && complex ? 'High Volume + Complex' : busy ? 'High Volume' : complex ? 'Complex Cases' : 'Low Priority';
    return { ...s, quadrant };
  });
  return { medianVolume, medianComplexity, points };
}

/** HC-3: the `n` specialties with the most records, in that order. */
export function topSpecialties(stats: readonly SpecialtyStat[], n: number): string[] {
  return stats.slice(0, n).map((s) => s.specialty);
}

export interface ParetoBar {
  label: string;
  records: number;
  /** Share of all filtered records, in percent. */
  percent: number;
  /** Running share of all filtered records up to and including this bar, in percent. */
  cumulativePercent: number;
  /** How many specialties the bar stands for: 1, or the number folded into the final "Other" bar. */
  specialties: number;
}

/**
 * HC-4. The original drew the 20 largest specialties with a cumulative line computed over all of them, so
 * the line stopped short of 100 % without saying why (weak point 23). Here the specialties after the first
 * `top` are folded into one final "Other (k specialties)" bar, so every record is shown and the line ends
 * at exactly 100 %.
 */
export function paretoBars(stats: readonly SpecialtyStat[], top = 20): ParetoBar[] {
  const total = stats.reduce((sum, s) => sum + s.volume, 0);
  if (total === 0) return [];
  const shown = stats.slice(0, top).map((s) => ({ label: s.specialty, records: s.volume, specialties: 1 }));
  const rest = stats.slice(top);
  if (rest.length > 0) {
    shown.push({
      label: `Other (${rest.length} specialties)`,
      records: rest.reduce((sum, s) => sum + s.volume, 0),
      specialties: rest.length,
    });
  }
  let running = 0;
  return shown.map((bar, i) => {
    running += bar.records;
    const cumulativePercent = i === shown.length - 1 ? 100 : (running / total) * 100;
    return { ...bar, percent: (bar.records / total) * 100, cumulativePercent };
  });
}

export interface ResourceScore extends SpecialtyStat {
  normVolume: number;
  normComplexity: number;
  /** (0.5 · normVolume + 0.5 · normComplexity) × 100. */
  score: number;
}

/**
 * Specialties with fewer records than this are left out of the resource allocation index: a mean length over a
 * handful of records is noise (on the demo two one-record specialties ranked 4th and 5th), and the index's
 * volume half cannot speak for them either. The chart says how many were left out.
 */
export const MIN_RECORDS_FOR_INDEX = 20;

export interface ResourceIndex {
  /** The `top` highest scores among the specialties with at least `minRecords` records, highest first. */
  scores: ResourceScore[];
  minRecords: number;
  /** Specialties shown by the filters but left out for having fewer records. */
  excluded: number;
}

/** HC-5: the resource allocation index over the shown specialties with at least `minRecords` records; maxima over those. */
export function resourceIndex(stats: readonly SpecialtyStat[], top = 20, minRecords = MIN_RECORDS_FOR_INDEX): ResourceIndex {
  const eligible = stats.filter((s) => s.volume >= minRecords);
  const maxVolume = Math.max(0, ...eligible.map((s) => s.volume));
  const maxComplexity = Math.max(0, ...eligible.map((s) => s.avgComplexity));
  const scores = eligible
    .map((s): ResourceScore => {
      const normVolume = maxVolume > 0 ? s.volume / maxVolume : 0;
      const normComplexity = maxComplexity > 0 ? s.avgComplexity / maxComplexity : 0;
      return { ...s, normVolume, normComplexity, score: (0.5 * normVolume + 0.5 * normComplexity) * 100 };
    })
    .sort((a, b) => b.score - a.score || (a.specialty < b.specialty ? -1 : 1))
    .slice(0, top);
  return { scores, minRecords, excluded: stats.length - eligible.length };
}
