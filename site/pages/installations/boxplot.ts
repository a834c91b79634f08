import { compareComponents } from './components.js';
import type { Installation } from './installations.js';

export interface BoxStats {
  component: string;
  n: number;
  q1: number;
  median: number;
  q3: number;
  /** Whisker ends: the most extreme areas within 1.5 IQR of the box (in log10 space, see below). */
  low: number;
  high: number;
  outliers: Installation[];
}

/** Linear-interpolation quantile of sorted values (R type 7, the default of d3.quantile and numpy). */
export function quantileSorted(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new Error('quantile of an empty list');
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo] as number;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)] as number;
  return a + (h - lo) * (b - a);
}

/**
 * BA-7: area distribution per component on a log axis. Areas span five orders of magnitude, so quartiles
 * and Tukey's 1.5 IQR fences are taken on log10(area): the whiskers then mean the same thing at every
 * height of the log axis, where fences on raw areas would flag nothing below the box and half the data
 * above it. Areas are the geodesic km² of each footprint polygon (computed at site build), reported back in km²;
 * installations without a footprint are left out.
 */
export function areaBoxStats(rows: readonly Installation[]): BoxStats[] {
  const groups = new Map<string, Installation[]>();
  for (const row of rows) {
    if (!(row.areaKm2 > 0)) continue;
    const list = groups.get(row.component) ?? [];
    list.push(row);
    groups.set(row.component, list);
  }
  return [...groups.keys()].sort(compareComponents).map((component) => {
    const members = (groups.get(component) ?? []).slice().sort((a, b) => a.areaKm2 - b.areaKm2);
    const logs = members.map((row) => Math.log10(row.areaKm2));
    const q1 = quantileSorted(logs, 0.25);
    const median = quantileSorted(logs, 0.5);
    const q3 = quantileSorted(logs, 0.75);
    const fence = 1.5 * (q3 - q1);
    const inside = logs.filter((value) => value >= q1 - fence && value <= q3 + fence);
    const pow = (value: number): number => 10 ** value;
    return {
      component,
      n: members.length,
      q1: pow(q1),
      median: pow(median),
      q3: pow(q3),
      low: pow(inside[0] as number),
      high: pow(inside[inside.length - 1] as number),
      outliers: members.filter((_, i) => (logs[i] as number) < q1 - fence || (logs[i] as number) > q3 + fence),
    };
  });
}
