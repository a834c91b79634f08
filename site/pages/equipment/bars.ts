/**
 * The page's horizontal bar charts (EQ-2, EQ-6, EQ-7, EQ-9, EQ-10) drawn straight into SVG. A filter change
 * redraws all five, and Plot's general machinery (scale and channel inference, d3 selections, a tip mark per
 * chart) cost 2.5–4 ms a chart where these few elements take a fraction of that; the look follows Plot's.
 */
import { scaleLinear } from 'd3';
import { chartBandLabels } from '../../lib/chart-layout.js';
import { h } from '../../lib/dom.js';
import { svgElement as node } from '../../lib/svg.js';
import { hoverMarks, type Tooltip } from '../../lib/tooltip.js';
import { withTable } from '../../lib/chart-data.js';
import type { ChartTable } from '../../lib/chart-table.js';

const MARGIN = { top: 8, right: 16, bottom: 44 } as const;
/** Distance of the axis title below the plot area: one line under the tick labels. */
const LABEL_OFFSET = 38;

export const shortenTo =
  (max: number) =>
  (label: string): string =>
    label.length > max ? `${label.slice(0, max - 1)}…` : label;

/** One bar, or one piece of a stacked bar: row `row`, from `x0` to `x1` in data units. */
export interface BarSegment {
  row: number;
  x0: number;
  x1: number;
  fill: string;
  /** The hover card: first line bold. */
  tip: string;
}

export interface BarFrame {
  width: number;
  height: number;
  /** Row labels, top to bottom. */
  rows: readonly string[];
  /** What a row is ("item", "state"): the heading of the rows' column in View data. */
  rowLabel: string;
  /** What the legend's colours tell apart ("census region"), when there is a legend. */
  partLabel?: string;
  segments: readonly BarSegment[];
  /** Title of the value axis, e.g. "Acquisition value →". */
  axis: string;
  format: (n: number) => string;
  /** The chart in words, for screen readers. */
  label: string;
  legend?: readonly { label: string; color: string }[];
  tooltip: Tooltip;
}

/** Horizontal bars on a band per row with a linear value axis from zero: ranked bars, or stacked when rows repeat. */
export function barChart(frame: BarFrame): Element {
  // Measured label widths (upper-case agency names are wide), at most 240 px and 40 % of the chart.
  const layout = chartBandLabels(frame.rows, frame.width, { marginRight: MARGIN.right });
  const { width, height } = frame;
  const left = layout.marginLeft;
  const bottom = height - MARGIN.bottom;
  let lo = 0;
  let hi = 0;
  for (const s of frame.segments) {
    lo = Math.min(lo, s.x0, s.x1);
    hi = Math.max(hi, s.x0, s.x1);
  }
  const x = scaleLinear()
    .domain([lo, hi || 1])
    .range([left, width - MARGIN.right]);
  const step = (bottom - MARGIN.top) / Math.max(1, frame.rows.length);
  const svg = node('svg', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': frame.label, fill: 'currentColor', 'font-size': 12, class: 'bar-chart', style: 'overflow: visible' });

  const grid = node('g', { stroke: 'currentColor', 'stroke-opacity': 0.1 });
  const ticks = node('g', { 'text-anchor': 'middle', 'font-variant-numeric': 'tabular-nums' });
  for (const value of x.ticks(layout.ticks)) {
    const at = Math.round(x(value)) + 0.5;
    grid.append(node('line', { x1: at, x2: at, y1: MARGIN.top, y2: bottom }));
    ticks.append(node('line', { x1: at, x2: at, y1: bottom, y2: bottom + 6, stroke: 'currentColor' }), node('text', { x: at, y: bottom + 9, dy: '0.71em' }, frame.format(value)));
  }
  const axisTitle = node('text', { x: width - MARGIN.right, y: bottom + LABEL_OFFSET, 'text-anchor': 'end' }, frame.axis);

  const labels = node('g', { 'text-anchor': 'end', class: 'bar-labels' });
  frame.rows.forEach((row, i) => {
    const text = node('text', { x: left - 9, y: MARGIN.top + (i + 0.5) * step, dy: '0.32em' }, layout.format(row));
    if (layout.format(row) !== row) text.append(node('title', {}, row));
    labels.append(text);
  });

  const bars = node('g', { class: 'bars' });
  const pad = step * 0.1;
  frame.segments.forEach((s, i) => {
    const a = x(Math.min(s.x0, s.x1));
    const b = x(Math.max(s.x0, s.x1));
    bars.append(node('rect', { x: a, y: MARGIN.top + s.row * step + pad, width: Math.max(0, b - a), height: Math.max(0, step - 2 * pad), fill: s.fill, 'data-tip': i }));
  });
  const zero = Math.round(x(0)) + 0.5;
  svg.append(grid, ticks, axisTitle, labels, bars, node('line', { x1: zero, x2: zero, y1: MARGIN.top, y2: bottom, stroke: 'currentColor' }));

  hoverMarks(svg, frame.tooltip, (mark) => {
    const index = mark.getAttribute('data-tip');
    return index === null ? null : frame.segments[Number(index)]?.tip.split('\n');
  });

  const chart = frame.legend ? h('div', {}, swatchLegend(frame.legend), svg) : svg;
  return withTable(chart, barTable(frame));
}

/** The figures of the bars: one row per bar or stacked piece, with its part (by legend colour) when there is a legend. */
function barTable(frame: BarFrame): ChartTable {
  const part = new Map(frame.legend?.map((l) => [l.color, l.label]));
  const stacked = part.size > 0;
  const value = frame.axis.replace(/[→←]/g, '').trim() || 'value';
  return {
    columns: [{ label: frame.rowLabel, numeric: false }, ...(stacked ? [{ label: frame.partLabel ?? 'colour', numeric: false }] : []), { label: value, numeric: true }, { label: 'details', numeric: false }],
    rows: frame.segments.map((s) => [frame.rows[s.row] ?? '', ...(stacked ? [part.get(s.fill) ?? ''] : []), s.x1 - s.x0, s.tip.replace(/\n+/g, ' · ')]),
  };
}

/** Colour swatches with their labels above a chart, built once in HTML instead of by Plot's legend. */
export function swatchLegend(items: readonly { label: string; color: string }[]): HTMLElement {
  return h(
    'div',
    { class: 'bar-legend' },
    items.map((item) => {
      const swatch = h('span', { class: 'swatch' });
      swatch.style.background = item.color;
      return h('span', { class: 'bar-legend-item' }, swatch, item.label);
    }),
  );
}
