/**
 * The KPI figures and the data series of charts EQ-1 … EQ-10 (formulas and cut-offs: original-inventory §4.2,
 * with the fixes of FEATURES P-2), read off the one-pass totals. Rankings are largest first; bar charts of sums
 * leave out zero entries, which carry no information.
 */
import { label, type EquipmentColumns } from './columns.js';
import { topN } from './rank.js';
import type { Totals } from './totals.js';

/** What the page's lookup tables (src/datasets/lookups) tell these computations. */
export interface EquipmentLookups {
  /** Official DEMIL code meaning; the raw code when there is none. */
  demilLabel(code: string): string;
  /** 2020 census population, undefined when the table has none for the code. */
  population(state: string): number | undefined;
  /** Census region, or the group the lookup gives territories and unknown codes. */
  region(state: string): string;
}

export interface Kpis {
  readonly rows: number;
  readonly items: number;
  readonly value: number;
  readonly agencies: number;
  readonly states: number;
}

const countPositive = (counts: ArrayLike<number>, keep: (code: number) => boolean = () => true): number => {
  let n = 0;
  for (let i = 0; i < counts.length; i++) if ((counts[i] as number) > 0 && keep(i)) n++;
  return n;
};

/** Codes of real agencies: the null entry gathers the lines without an agency name (src/site/agency.ts). */
const isAgency = (columns: EquipmentColumns) => (code: number): boolean => columns.agency.dictionary[code] !== null;

/** Agencies are (state, name) pairs, so a name used in two states counts twice. */
export function kpis(t: Totals, columns: EquipmentColumns): Kpis {
  return { rows: t.rows, items: t.quantity, value: t.value, agencies: countPositive(t.agencyRows, isAgency(columns)), states: countPositive(t.stateRows) };
}

/** EQ-1: yearly (not cumulative) quantity of the top 5 categories, one point per category and year, gaps as 0. */
export interface Timeline {
  readonly categories: readonly string[];
  readonly years: readonly number[];
  readonly points: readonly { category: string; year: number; quantity: number }[];
  /** Fixed y maximum (1.1 × the largest point) so the axis stands still while the animation plays. */
  readonly yMax: number;
}

export function timeline(t: Totals, columns: EquipmentColumns, top = 5): Timeline {
  const nCat = columns.category.dictionary.length;
  const dated: number[] = [];
  t.yearRows.forEach((rows, y) => {
    if (rows > 0) dated.push(y);
  });
  const first = dated[0];
  const last = dated[dated.length - 1];
  if (first === undefined || last === undefined) return { categories: [], years: [], points: [], yMax: 0 };
  const ranked = topN(t.categoryDatedQuantity, (c) => label(columns.category, c), top, (c) => (t.categoryDatedQuantity[c] as number) > 0);
  const years: number[] = [];
  for (let y = first; y <= last; y++) years.push(t.firstYear + y);
  const points = ranked.flatMap(({ code, name }) =>
    years.map((year) => ({ category: name, year, quantity: t.yearCategoryQuantity[(year - t.firstYear) * nCat + code] as number })),
  );
  const max = points.reduce((m, p) => Math.max(m, p.quantity), 0);
  return { categories: ranked.map((r) => r.name), years, points, yMax: 1.1 * max };
}

/** The animation frame at `year`: every point up to and including that year. */
export function timelineFrame(series: Timeline, year: number): Timeline['points'] {
  return series.points.filter((p) => p.year <= year);
}

export interface Bar {
  readonly name: string;
  readonly value: number;
}

/** EQ-2: the 15 items with the largest total quantity. */
export function topItems(t: Totals, columns: EquipmentColumns, n = 15): Bar[] {
  return topN(t.itemQuantity, (c) => label(columns.item, c), n, (c) => (t.itemQuantity[c] as number) > 0).map((r) => ({ name: r.name, value: r.score }));
}

/** EQ-10: the 20 (state, name) agencies with the largest total acquisition value, labelled "NAME, ST". */
export function topAgencies(t: Totals, columns: EquipmentColumns, n = 20): Bar[] {
  const agency = isAgency(columns);
  return topN(t.agencyValue, (c) => label(columns.agency, c), n, (c) => (t.agencyValue[c] as number) > 0 && agency(c)).map((r) => ({ name: r.name, value: r.score }));
}

export interface StateTotal {
  readonly state: string;
  readonly rows: number;
  readonly value: number;
  readonly quantity: number;
}

/** EQ-3: value and quantity per state, only for states with selected rows (never filtered-out states at 0). */
export function stateTotals(t: Totals, columns: EquipmentColumns): StateTotal[] {
  const out: StateTotal[] = [];
  t.stateRows.forEach((rows, s) => {
    if (rows > 0) out.push({ state: label(columns.state, s), rows, value: t.stateValue[s] as number, quantity: t.stateQuantity[s] as number });
  });
  return out.sort((a, b) => (a.state < b.state ? -1 : a.state > b.state ? 1 : 0));
}

/**
 * EQ-4 status of one year: `ok` has a growth figure; `no-transfers` years have no rows at all; `no-prior-year`
 * follows such a year (the original silently compared with an older year); `zero-base` follows a year whose
 * value was 0 (the original drew ±∞).
 */
export type GrowthStatus = 'ok' | 'no-transfers' | 'no-prior-year' | 'zero-base';

export interface Growth {
  readonly year: number;
  readonly value: number;
  readonly previous: number;
  /** Percent change on the previous calendar year; null unless status is ok. */
  readonly growth: number | null;
  readonly status: GrowthStatus;
}

/** EQ-4: year-over-year change of acquisition value, for every year after the first dated year of the selection. */
export function growth(t: Totals): Growth[] {
  let first = -1;
  let last = -1;
  t.yearRows.forEach((rows, y) => {
    if (rows === 0) return;
    if (first < 0) first = y;
    last = y;
  });
  const out: Growth[] = [];
  for (let y = first + 1; first >= 0 && y <= last; y++) {
    const value = t.yearValue[y] as number;
    const previous = t.yearValue[y - 1] as number;
    const year = t.firstYear + y;
    if (t.yearRows[y] === 0) out.push({ year, value, previous, growth: null, status: 'no-transfers' });
    else if (t.yearRows[y - 1] === 0) out.push({ year, value, previous, growth: null, status: 'no-prior-year' });
    else if (previous === 0) out.push({ year, value, previous, growth: null, status: 'zero-base' });
    else out.push({ year, value, previous, growth: ((value - previous) / previous) * 100, status: 'ok' });
  }
  return out;
}

export interface PerCapita {
  readonly rows: readonly { state: string; value: number; population: number; perCapita: number }[];
  /** Selected states the population table lacks: listed by the chart, never silently dropped. */
  readonly withoutPopulation: readonly string[];
}

/** EQ-5: acquisition value per resident (2020 census). */
export function perCapita(states: readonly StateTotal[], lookups: Pick<EquipmentLookups, 'population'>): PerCapita {
  const rows: PerCapita['rows'][number][] = [];
  const withoutPopulation: string[] = [];
  for (const { state, value } of states) {
    const population = lookups.population(state);
    if (population === undefined || !(population > 0)) withoutPopulation.push(state);
    else rows.push({ state, value, population, perCapita: value / population });
  }
  return { rows, withoutPopulation };
}

export interface DemilBreakdown {
  /** The top categories by value, largest first. */
  readonly categories: readonly string[];
  /** Labels in the legend's order (by DEMIL code). */
  readonly labels: readonly string[];
  readonly segments: readonly { category: string; code: string; label: string; value: number }[];
}

/** EQ-6: acquisition value per DEMIL code within the 8 categories of largest value. */
export function demilBreakdown(t: Totals, columns: EquipmentColumns, lookups: Pick<EquipmentLookups, 'demilLabel'>, top = 8): DemilBreakdown {
  const nDemil = columns.demil.dictionary.length;
  const ranked = topN(t.categoryValue, (c) => label(columns.category, c), top, (c) => (t.categoryValue[c] as number) > 0);
  const segments: DemilBreakdown['segments'][number][] = [];
  const used = new Set<number>();
  for (const { code: c, name: category } of ranked) {
    for (let d = 0; d < nDemil; d++) {
      const value = t.categoryDemilValue[c * nDemil + d] as number;
      if (value === 0) continue;
      const code = label(columns.demil, d);
      used.add(d);
      segments.push({ category, code, label: lookups.demilLabel(code), value });
    }
  }
  const labels = [...used].sort((a, b) => a - b).map((d) => lookups.demilLabel(label(columns.demil, d)));
  return { categories: ranked.map((r) => r.name), labels: [...new Set(labels)], segments };
}

/** EQ-7: the 10 states of largest value, strictly ranked; the region only colours the bar (fix of §8.12). */
export function topStates(states: readonly StateTotal[], lookups: Pick<EquipmentLookups, 'region'>, n = 10): { state: string; value: number; region: string; rank: number }[] {
  return states
    .filter((s) => s.value > 0)
    .sort((a, b) => b.value - a.value || (a.state < b.state ? -1 : 1))
    .slice(0, n)
    .map((s, i) => ({ state: s.state, value: s.value, region: lookups.region(s.state), rank: i + 1 }));
}

export interface TreemapLeaf {
  readonly category: string;
  readonly item: string;
  readonly value: number;
  readonly quantity: number;
}

/** EQ-8: per category, its 10 items of largest positive value; categories by total of their shown items. */
export function treemap(t: Totals, columns: EquipmentColumns, perCategory = 10): TreemapLeaf[] {
  const nCat = columns.category.dictionary.length;
  // One scan of the item × category sums, splitting the positive ones by category, then a small ranking each.
  const byCategory: number[][] = Array.from({ length: nCat }, () => []);
  for (let ic = 0; ic < t.itemCategoryValue.length; ic++) {
    if ((t.itemCategoryValue[ic] as number) > 0) byCategory[ic % nCat]!.push(ic);
  }
  const groups: { category: string; total: number; leaves: TreemapLeaf[] }[] = [];
  byCategory.forEach((cells, c) => {
    if (cells.length === 0) return;
    const category = label(columns.category, c);
    const scores = cells.map((ic) => t.itemCategoryValue[ic] as number);
    const itemOf = (k: number): number => Math.floor((cells[k] as number) / nCat);
    const leaves = topN(scores, (k) => label(columns.item, itemOf(k)), perCategory).map((r) => ({
      category,
      item: r.name,
      value: r.score,
      quantity: t.itemCategoryQuantity[cells[r.code] as number] as number,
    }));
    groups.push({ category, total: leaves.reduce((s, l) => s + l.value, 0), leaves });
  });
  groups.sort((a, b) => b.total - a.total || (a.category < b.category ? -1 : 1));
  return groups.flatMap((g) => g.leaves);
}

/** EQ-9: total value ÷ total quantity per state (states with quantity > 0), the 25 largest. */
export function averageValue(states: readonly StateTotal[], n = 25): { state: string; value: number; quantity: number; average: number }[] {
  return states
    .filter((s) => s.quantity > 0)
    .map((s) => ({ state: s.state, value: s.value, quantity: s.quantity, average: s.value / s.quantity }))
    .sort((a, b) => b.average - a.average || (a.state < b.state ? -1 : 1))
    .slice(0, n);
}

/**
 * EQ-4 y domain: tiny early bases give growth of thousands of percent that would flatten every other bar
 * (inventory §8.10), so the axis stops at the larger of ±100 % and 4 × the median |growth|; bars beyond it are
 * drawn to the edge and labelled with their true value.
 */
export function growthDomain(rows: readonly Growth[]): { domain: [number, number]; clipped: Growth[] } {
  const values = rows.filter((g) => g.growth !== null).map((g) => g.growth as number);
  if (values.length === 0) return { domain: [-100, 100], clipped: [] };
  const magnitudes = values.map(Math.abs).sort((a, b) => a - b);
  const mid = magnitudes.length / 2;
  const median = magnitudes.length % 2 ? (magnitudes[Math.floor(mid)] as number) : ((magnitudes[mid - 1] as number) + (magnitudes[mid] as number)) / 2;
  const cap = Math.max(100, 4 * median);
  const lo = Math.max(-cap, Math.min(0, ...values));
  const hi = Math.min(cap, Math.max(0, ...values));
  return { domain: [lo, hi], clipped: rows.filter((g) => g.growth !== null && (g.growth < lo || g.growth > hi)) };
}
