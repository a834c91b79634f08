import type { BranchCount, CategoryValue, StateRow, YearValue } from '../../../src/site/contracts/combined.js';

export interface CombinedFilters {
  /** Regions to keep; empty keeps every region (the filter is unset, not "nothing selected"). */
  regions: readonly string[];
  /** Keep states with at least this many installations; 0 keeps all. */
  minInstallations: number;
}

/** The states the filters leave. An empty result stays empty: charts show an empty state, never all data (weak point 15). */
export function filterStates(states: readonly StateRow[], filters: CombinedFilters): StateRow[] {
  const regions = new Set(filters.regions);
  return states.filter(
    (s) => (regions.size === 0 || regions.has(s.region)) && (filters.minInstallations <= 0 || s.installations >= filters.minInstallations),
  );
}

export interface YearlySeries {
  years: { year: number; value: number }[];
  /** Installations in the selected states: a level, not a time series (bases have no dates). */
  installations: number;
}

/** CI-1: equipment value per ship year over the selected states, with the selection's installation count. */
export function yearlyValue(selected: readonly StateRow[], yearly: readonly YearValue[]): YearlySeries {
  const codes = new Set(selected.map((s) => s.code));
  const byYear = new Map<number, number>();
  for (const row of yearly) {
    if (codes.has(row.code)) byYear.set(row.year, (byYear.get(row.year) ?? 0) + row.value);
  }
  return {
    years: [...byYear].map(([year, value]) => ({ year, value })).sort((a, b) => a.year - b.year),
    installations: selected.reduce((sum, s) => sum + s.installations, 0),
  };
}

export interface Fit {
  slope: number;
  intercept: number;
  /** Coefficient of determination of the fit over the points it was fitted on. */
  r2: number;
  n: number;
}

/** Ordinary least squares y = slope·x + intercept over all points (CI-3: one global fit, not one per region). */
export function leastSquares(points: readonly { x: number; y: number }[]): Fit | null {
  const n = points.length;
  if (n < 2) return null;
  let mx = 0;
  let my = 0;
  for (const p of points) {
    mx += p.x;
    my += p.y;
  }
  mx /= n;
  my /= n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (const p of points) {
    sxx += (p.x - mx) ** 2;
    sxy += (p.x - mx) * (p.y - my);
    syy += (p.y - my) ** 2;
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  return { slope, intercept: my - slope * mx, r2: syy === 0 ? 1 : (sxy * sxy) / (sxx * syy), n };
}

/** States with both installations and equipment: the population of CI-3 and CI-4. */
export function withBoth(selected: readonly StateRow[]): StateRow[] {
  return selected.filter((s) => s.installations > 0 && s.equipmentValue > 0);
}

/** Median (mean of the two middle values for even counts), as numpy and d3 compute it. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export type Quadrant = 'Many installations, high value' | 'Few installations, high value' | 'Many installations, low value' | 'Few installations, low value';

export interface QuadrantPoint {
  state: StateRow;
  quadrant: Quadrant;
}

/** CI-4: each state classified against the medians; a value on a median counts as high/many. */
export function quadrants(points: readonly StateRow[]): { medianInstallations: number; medianValue: number; points: QuadrantPoint[] } {
  const medianInstallations = median(points.map((s) => s.installations));
  const medianValue = median(points.map((s) => s.equipmentValue));
  return {
    medianInstallations,
    medianValue,
    points: points.map((state) => {
      const many = state.installations >= medianInstallations;
      const high = state.equipmentValue >= medianValue;
      const quadrant: Quadrant = high
        ? many
          ? 'Many installations, high value'
          : 'Few installations, high value'
        : many
          ? 'Many installations, low value'
          : 'Few installations, low value';
      return { state, quadrant };
    }),
  };
}

/** Largest first, ties by state name, so rankings are stable. */
function ranked<T extends { state: StateRow }>(rows: T[], key: (row: T) => number, limit: number): T[] {
  return rows.sort((a, b) => key(b) - key(a) || a.state.name.localeCompare(b.state.name)).slice(0, limit);
}

export interface ButterflyRow {
  state: StateRow;
  /** Installations as % of the largest among these rows (drawn to the left). */
  installationsPct: number;
  /** Equipment value as % of the largest among these rows (drawn to the right). */
  valuePct: number;
}

/** CI-5: the top 20 states by equipment value, both sides normalised to their own maximum within the 20. */
export function butterfly(selected: readonly StateRow[], limit = 20): ButterflyRow[] {
  const top = ranked(
    selected.map((state) => ({ state })),
    (r) => r.state.equipmentValue,
    limit,
  );
  const maxInst = Math.max(0, ...top.map((r) => r.state.installations)) || 1;
  const maxValue = Math.max(0, ...top.map((r) => r.state.equipmentValue)) || 1;
  return top.map(({ state }) => ({
    state,
    installationsPct: (state.installations / maxInst) * 100,
    valuePct: (state.equipmentValue / maxValue) * 100,
  }));
}

export interface RatioRow {
  state: StateRow;
  valuePerInstallation: number;
}

/** CI-6: equipment value per installation, top 25, strictly ranked (region is colour only). */
export function valuePerInstallation(selected: readonly StateRow[], limit = 25): RatioRow[] {
  return ranked(
    selected.filter((s) => s.installations > 0).map((state) => ({ state, valuePerInstallation: state.equipmentValue / state.installations })),
    (r) => r.valuePerInstallation,
    limit,
  );
}

export const REGION_MEASURES = ['Equipment value', 'Items shipped', 'Installations', 'Agencies'] as const;
export type RegionMeasure = (typeof REGION_MEASURES)[number];

export interface RegionTotals {
  region: string;
  totals: Record<RegionMeasure, number>;
  /** Each measure as % of the largest region on that measure among the regions shown. */
  normalised: Record<RegionMeasure, number>;
}

/** CI-7: region sums of four measures, each also as % of the largest region shown (0 when all are 0). */
export function regionTotals(selected: readonly StateRow[]): RegionTotals[] {
  const byRegion = new Map<string, Record<RegionMeasure, number>>();
  for (const s of selected) {
    const t = byRegion.get(s.region) ?? { 'Equipment value': 0, 'Items shipped': 0, Installations: 0, Agencies: 0 };
    t['Equipment value'] += s.equipmentValue;
    t['Items shipped'] += s.equipmentQuantity;
    t.Installations += s.installations;
    t.Agencies += s.agencies;
    byRegion.set(s.region, t);
  }
  const max = Object.fromEntries(
    REGION_MEASURES.map((d) => [d, Math.max(0, ...[...byRegion.values()].map((t) => t[d]))]),
  ) as Record<RegionMeasure, number>;
  return [...byRegion]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([region, totals]) => ({
      region,
      totals,
      normalised: Object.fromEntries(REGION_MEASURES.map((d) => [d, max[d] === 0 ? 0 : (totals[d] / max[d]) * 100])) as Record<
        RegionMeasure,
        number
      >,
    }));
}

export interface CompositeRow {
  state: StateRow;
  installationsScore: number;
  valueScore: number;
  /** 0.5 · installations/max · 100 + 0.5 · value/max · 100. */
  composite: number;
}

/** CI-8: composite of installations and equipment value (each normalised to its maximum), top 25, strictly ranked. */
export function compositeRanking(selected: readonly StateRow[], limit = 25): CompositeRow[] {
  const rows = selected.filter((s) => s.installations > 0 || s.equipmentValue > 0);
  const maxInst = Math.max(0, ...rows.map((s) => s.installations)) || 1;
  const maxValue = Math.max(0, ...rows.map((s) => s.equipmentValue)) || 1;
  return ranked(
    rows.map((state) => {
      const installationsScore = (state.installations / maxInst) * 100;
      const valueScore = (state.equipmentValue / maxValue) * 100;
      return { state, installationsScore, valueScore, composite: 0.5 * installationsScore + 0.5 * valueScore };
    }),
    (r) => r.composite,
    limit,
  );
}

export interface HeatCell {
  branch: string;
  category: string;
  /** Equipment value shipped to states where the branch has at least one installation. */
  value: number;
}

/**
 * CI-9: for each branch, the equipment value by category over the selected states where that branch has an
 * installation. Equipment is not attributed to branches by the data: a state's value counts once for every branch
 * present there, which the chart's title and info text say. Top `limit` categories by the sum over branches.
 */
export function branchCategoryHeat(
  selected: readonly StateRow[],
  branches: readonly BranchCount[],
  categories: readonly CategoryValue[],
  limit = 10,
): { branches: string[]; categories: string[]; cells: HeatCell[] } {
  const codes = new Set(selected.map((s) => s.code));
  const statesOf = new Map<string, Set<string>>();
  for (const b of branches) {
    if (b.count <= 0 || !codes.has(b.code)) continue;
    const set = statesOf.get(b.branch) ?? new Set<string>();
    set.add(b.code);
    statesOf.set(b.branch, set);
  }
  const cellMap = new Map<string, HeatCell>();
  const categoryTotals = new Map<string, number>();
  for (const [branch, states] of statesOf) {
    for (const c of categories) {
      if (!states.has(c.code)) continue;
      const id = `${branch}\u0000${c.category}`;
      const cell = cellMap.get(id) ?? { branch, category: c.category, value: 0 };
      cell.value += c.value;
      cellMap.set(id, cell);
      categoryTotals.set(c.category, (categoryTotals.get(c.category) ?? 0) + c.value);
    }
  }
  const topCategories = [...categoryTotals]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([category]) => category);
  const keep = new Set(topCategories);
  return {
    branches: [...statesOf.keys()].sort(),
    categories: topCategories,
    cells: [...cellMap.values()].filter((c) => keep.has(c.category)),
  };
}

/** CI-10: states with agencies and installations; bubble size is equipment value. */
export function agencyReach(selected: readonly StateRow[]): StateRow[] {
  return selected.filter((s) => s.agencies > 0 && s.installations > 0);
}
