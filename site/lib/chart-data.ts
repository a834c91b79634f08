/**
 * Where a chart card finds the figures of the chart it just drew (site/lib/chart-table.ts): a hand-drawn chart
 * attaches its table to the element it returns; a Plot chart is read while it is drawn, from its marks as Plot
 * initialises them, so no page has to describe its Plot charts twice.
 */
import * as Plot from '@observablehq/plot';
import { joinTables, tableFromMarks, type ChartTable, type DrawnMark } from './chart-table.js';

const attached = new WeakMap<Element, ChartTable>();

/** Gives a hand-drawn chart's figures to its card; returns the element (or null, untouched), to wrap a builder's result. */
export function withTable<E extends Element | null>(element: E, table: ChartTable): E {
  if (element !== null) attached.set(element, table);
  return element;
}

/** The marks of the Plot charts drawn during `capture`, one list per plot. */
let captured: DrawnMark[][] | null = null;
let current: DrawnMark[] | null = null;
/** The options object of the plot being drawn: Plot passes the same one to every mark of a plot. */
let plotOptions: unknown = null;

type Initialize = (this: Plot.Mark & { ariaLabel?: string }, ...args: unknown[]) => { channels: DrawnMark['channels'] };
const proto = Plot.Mark.prototype as unknown as { initialize: Initialize };
const initialize = proto.initialize;
proto.initialize = function (this: Plot.Mark & { ariaLabel?: string }, ...args: unknown[]) {
  const state = initialize.apply(this, args);
  if (captured) {
    if (!current || args[2] !== plotOptions) captured.push((current = []));
    plotOptions = args[2];
    current.push({ ariaLabel: this.ariaLabel, channels: state.channels, scaleLabels: scaleLabels(args[2]) });
  }
  return state;
};

/** The titles a plot's options give its scales ({ x: { label: 'Installations' } }), by scale name. */
function scaleLabels(options: unknown): Record<string, string> {
  const labels: Record<string, string> = {};
  if (typeof options !== 'object' || options === null) return labels;
  for (const [scale, value] of Object.entries(options as Record<string, unknown>)) {
    const label = typeof value === 'object' && value !== null ? (value as { label?: unknown }).label : undefined;
    if (typeof label === 'string') labels[scale] = label.replace(/[↑↓→←]/g, '').trim();
  }
  return labels;
}

/** Runs `draw` and returns what it drew with the figures of its chart(s), or null if none were found. */
export function drawWithTable<T extends Element | null>(draw: () => T): { chart: T; table: ChartTable | null } {
  captured = [];
  current = null;
  plotOptions = null;
  try {
    const chart = draw();
    if (chart === null) return { chart, table: null };
    // A hand-drawn chart may come back wrapped (a note above it, a key beside it): its table travels with it.
    const own = attached.get(chart) ?? [...chart.querySelectorAll('*')].map((e) => attached.get(e)).find((t) => t !== undefined);
    if (own) return { chart, table: own };
    const tables = captured.map(tableFromMarks).filter((t): t is ChartTable => t !== null);
    return { chart, table: joinTables(tables) };
  } finally {
    captured = null;
    current = null;
    plotOptions = null;
  }
}
