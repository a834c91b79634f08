import { compareComponents } from './components.js';
import type { Installation } from './installations.js';

export interface Count<K extends string = string> {
  key: K;
  count: number;
}

/** Counts rows per key, largest first; ties alphabetical so every chart and test sees one stable order. */
export function countBy(rows: readonly Installation[], key: (row: Installation) => string): Count[] {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const k = key(row);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts].map(([k, count]) => ({ key: k, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

export interface StateCount {
  state: string;
  stateAbbrev: string;
  count: number;
}

/** BA-2: installations per state or territory (territories included: they get insets on the map). */
export function countByState(rows: readonly Installation[]): StateCount[] {
  const abbrev = new Map(rows.map((row) => [row.state, row.stateAbbrev]));
  return countBy(rows, (row) => row.state).map(({ key, count }) => ({ state: key, stateAbbrev: abbrev.get(key) ?? '', count }));
}

export interface StatusShare {
  status: string;
  count: number;
  /** Fraction of the rows, 0–1. */
  share: number;
}

/** BA-3: count per operational status, descending, with its share of the total. */
export function statusShares(rows: readonly Installation[]): StatusShare[] {
  return countBy(rows, (row) => row.status).map(({ key, count }) => ({ status: key, count, share: count / rows.length }));
}

export interface PairCount {
  component: string;
  group: string;
  count: number;
}

function countPairs(rows: readonly Installation[], group: (row: Installation) => string): PairCount[] {
  const counts = new Map<string, PairCount>();
  for (const row of rows) {
    const g = group(row);
    const id = `${row.component}\u0000${g}`;
    const cell = counts.get(id) ?? { component: row.component, group: g, count: 0 };
    cell.count += 1;
    counts.set(id, cell);
  }
  return [...counts.values()].sort((a, b) => compareComponents(a.component, b.component) || a.group.localeCompare(b.group));
}

/** BA-4: installations per (component, operational status). */
export function componentByStatus(rows: readonly Installation[]): PairCount[] {
  return countPairs(rows, (row) => row.status);
}

export interface RankedStack {
  /** The ranked categories, largest first (the chart puts the first at the top). */
  order: string[];
  totals: Map<string, number>;
  cells: PairCount[];
}

function rankStack(rows: readonly Installation[], key: (row: Installation) => string, limit: number): RankedStack {
  const ranked = countBy(rows, key).slice(0, limit);
  const keep = new Set(ranked.map((entry) => entry.key));
  return {
    order: ranked.map((entry) => entry.key),
    totals: new Map(ranked.map((entry) => [entry.key, entry.count])),
    cells: countPairs(
      rows.filter((row) => keep.has(key(row))),
      key,
    ),
  };
}

/** BA-5: the top `limit` states by installations, each split by component. */
export function topStatesByComponent(rows: readonly Installation[], limit = 20): RankedStack {
  return rankStack(rows, (row) => row.state, limit);
}

export const NOT_JOINT = 'Not Joint';

/**
 * BA-6: joint bases ranked by installations, split by component. "Not Joint" is left out of the bars (it
 * would dwarf them) and reported as a count beside the chart.
 */
export function jointBaseBreakdown(rows: readonly Installation[]): RankedStack & { notJoint: number } {
  const joint = rows.filter((row) => row.joint !== NOT_JOINT);
  return { ...rankStack(joint, (row) => row.joint, Number.POSITIVE_INFINITY), notJoint: rows.length - joint.length };
}

/** BA-10: one panel for every component present (the original capped this at six), in legend order. */
export function byComponent(rows: readonly Installation[]): { component: string; rows: Installation[] }[] {
  const groups = new Map<string, Installation[]>();
  for (const row of rows) {
    const list = groups.get(row.component) ?? [];
    list.push(row);
    groups.set(row.component, list);
  }
  return [...groups.keys()].sort(compareComponents).map((component) => ({ component, rows: groups.get(component) ?? [] }));
}
