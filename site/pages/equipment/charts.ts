/**
 * The Equipment page's charts: each takes the series computed in view.ts and the card's width, and returns an
 * element, or null for the empty state. Nothing here aggregates rows.
 */
import * as Plot from '@observablehq/plot';
import { hierarchy, treemap as d3treemap, treemapSquarify, type HierarchyRectangularNode } from 'd3';
import { REGION_COLORS } from '../../../src/datasets/lookups/regions.js';
import { STATE_NAMES } from '../../../src/datasets/lookups/states.js';
import { h } from '../../lib/dom.js';
import { formatCompact, formatInteger } from '../../lib/format.js';
import { svgElement as el } from '../../lib/svg.js';
import { ACCENTS, CATEGORICAL, PLOT_DEFAULTS, X_TITLE } from '../../lib/plot-theme.js';
import { hoverMarks, type Tooltip } from '../../lib/tooltip.js';
import { withTable } from '../../lib/chart-data.js';
import { barChart, shortenTo, swatchLegend } from './bars.js';
import { growthDomain, timelineFrame, type Bar, type DemilBreakdown, type Growth, type Timeline, type TreemapLeaf } from './series.js';

/** Whole dollars with thousands separators: tooltips and KPIs show exact figures, axes compact ones. */
export const dollars = (n: number): string => `$${formatInteger(Math.round(n))}`;
const compactDollars = (n: number): string => `$${formatCompact(n)}`;
// Axis ticks all in one notation ("$2K … $12K", not "$2,000 … $10K"): formatCompact keeps figures under 10,000 exact.
const shortNumber = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
const axisNumber = (n: number): string => shortNumber.format(n);
const axisDollars = (n: number): string => (n < 0 ? `−$${shortNumber.format(-n)}` : `$${shortNumber.format(n)}`);
export const stateName = (code: string): string => STATE_NAMES[code] ?? code;

const shorten = shortenTo(30);

interface RankedBars<T> {
  width: number;
  tooltip: Tooltip;
  /** The chart in words, for screen readers. */
  label: string;
  name: (d: T) => string;
  /** What a row is, for View data. */
  rowLabel: string;
  value: (d: T) => number;
  axis: string;
  format: (n: number) => string;
  tip: (d: T) => string;
  fill: string | ((d: T) => string);
  legend?: readonly { label: string; color: string }[];
  partLabel?: string;
}

/** A ranked horizontal bar chart, largest at the top. */
function rankedBars<T>(rows: readonly T[], options: RankedBars<T>): Element | null {
  if (rows.length === 0) return null;
  const fill = options.fill;
  return barChart({
    width: options.width,
    height: Math.max(160, 44 + rows.length * 20),
    rows: rows.map(options.name),
    rowLabel: options.rowLabel,
    segments: rows.map((d, row) => ({ row, x0: 0, x1: options.value(d), fill: typeof fill === 'string' ? fill : fill(d), tip: options.tip(d) })),
    axis: options.axis,
    format: options.format,
    label: options.label,
    tooltip: options.tooltip,
    ...(options.legend ? { legend: options.legend } : {}),
    ...(options.partLabel ? { partLabel: options.partLabel } : {}),
  });
}

export function topItemsChart(rows: readonly Bar[], width: number, tooltip: Tooltip): Element | null {
  return rankedBars(rows, {
    width,
    tooltip,
    label: 'Items with the largest quantity transferred, ranked',
    name: (d) => d.name,
    rowLabel: 'item',
    value: (d) => d.value,
    axis: 'Quantity →',
    format: axisNumber,
    tip: (d) => `${d.name}\nQuantity: ${formatInteger(d.value)}`,
    fill: ACCENTS.blue,
  });
}

export function topAgenciesChart(rows: readonly Bar[], width: number, tooltip: Tooltip): Element | null {
  return rankedBars(rows, {
    width,
    tooltip,
    label: 'Agencies with the largest acquisition value, ranked',
    name: (d) => d.name,
    rowLabel: 'agency',
    value: (d) => d.value,
    axis: 'Acquisition value →',
    format: axisDollars,
    tip: (d) => `${d.name}\nValue: ${dollars(d.value)}`,
    fill: ACCENTS.emerald,
  });
}

const regionColour = (region: string): string => REGION_COLORS[region] ?? ACCENTS.indigo;

export function topStatesChart(rows: readonly { state: string; value: number; region: string; rank: number }[], width: number, tooltip: Tooltip): Element | null {
  const regions = Object.keys(REGION_COLORS).filter((r) => rows.some((d) => d.region === r));
  return rankedBars(rows, {
    width,
    tooltip,
    label: 'States with the largest acquisition value, ranked, coloured by census region',
    name: (d) => `${d.rank}. ${stateName(d.state)}`,
    rowLabel: 'state',
    partLabel: 'census region',
    value: (d) => d.value,
    axis: 'Acquisition value →',
    format: axisDollars,
    tip: (d) => `#${d.rank} ${stateName(d.state)} (${d.region})\nValue: ${dollars(d.value)}`,
    fill: (d) => regionColour(d.region),
    legend: regions.map((label) => ({ label, color: regionColour(label) })),
  });
}

export function averageValueChart(rows: readonly { state: string; value: number; quantity: number; average: number }[], width: number, tooltip: Tooltip): Element | null {
  return rankedBars(rows, {
    width,
    tooltip,
    label: 'States with the largest average value per item, ranked',
    name: (d) => stateName(d.state),
    rowLabel: 'state',
    value: (d) => d.average,
    axis: 'Average value per item →',
    format: axisDollars,
    tip: (d) => `${stateName(d.state)}\nAverage: ${dollars(d.average)} per item\nValue: ${dollars(d.value)}\nQuantity: ${formatInteger(d.quantity)}`,
    fill: ACCENTS.indigo,
  });
}

/** Years on a band axis, labelled every `step` years so labels never collide. */
function yearTicks(years: readonly number[], width: number): number[] {
  const step = Math.max(1, Math.ceil(years.length / Math.max(2, Math.floor(width / 48))));
  return years.filter((_, i) => i % step === 0);
}

/** EQ-1 at one animation frame (`year`), axes fixed to the whole series so nothing jumps while it plays. */
export function timelineChart(series: Timeline, year: number, width: number): Element | null {
  if (series.points.length === 0) return null;
  const first = series.years[0] as number;
  const last = series.years[series.years.length - 1] as number;
  const points = timelineFrame(series, year);
  const chart = Plot.plot({
    ...PLOT_DEFAULTS,
    width,
    height: 360,
    marginLeft: 56,
    marginBottom: X_TITLE.marginBottom,
    x: { domain: [first - 0.5, last + 0.5], ticks: yearTicks(series.years, width), tickFormat: 'd', label: 'Ship year', labelAnchor: 'right', labelOffset: X_TITLE.labelOffset },
    y: { domain: [0, series.yMax || 1], label: '↑ Quantity shipped that year', tickFormat: axisNumber, grid: true },
    color: { domain: series.categories, range: CATEGORICAL },
    marks: [
      Plot.ruleY([0]),
      Plot.line(points, { x: 'year', y: 'quantity', stroke: 'category', strokeWidth: 2 }),
      Plot.dot(points, { x: 'year', y: 'quantity', fill: 'category', r: 3, title: (d: { category: string; year: number; quantity: number }) => `${d.category}\n${d.year}: ${formatInteger(d.quantity)} items`, tip: true }),
    ],
  });
  // The legend in HTML: Plot's swatch legend is rebuilt on every animation frame and filter change.
  return h('div', {}, swatchLegend(series.categories.map((label, i) => ({ label, color: CATEGORICAL[i % CATEGORICAL.length] as string }))), chart);
}

const STATUS_TEXT: Record<Growth['status'], string> = {
  ok: '',
  'no-transfers': 'no transfers this year',
  'no-prior-year': 'no transfers the year before: no growth figure',
  'zero-base': 'previous year’s value was $0: growth undefined',
};

/** EQ-4: growth bars, runaway bars clipped to the axis with their true figure printed, gaps marked ×. */
export function growthChart(rows: readonly Growth[], width: number): Element | null {
  if (rows.length === 0) return null;
  const { domain, clipped } = growthDomain(rows);
  const years = rows.map((g) => g.year);
  const ok = rows.filter((g) => g.status === 'ok');
  const gaps = rows.filter((g) => g.status !== 'ok');
  const clamp = (g: Growth): number => Math.max(domain[0], Math.min(domain[1], g.growth as number));
  const percent = (n: number): string => `${n > 0 ? '+' : ''}${formatInteger(Math.round(n))}%`;
  return Plot.plot({
    ...PLOT_DEFAULTS,
    width,
    height: 360,
    marginLeft: 56,
    marginTop: 24,
    marginBottom: X_TITLE.marginBottom,
    x: { domain: years, ticks: yearTicks(years, width), tickFormat: 'd', label: 'Ship year →', labelAnchor: 'right', labelOffset: X_TITLE.labelOffset, padding: 0.15 },
    y: { domain, label: '↑ Change in value on the year before (%)', tickFormat: (n: number) => percent(n), grid: true, nice: true },
    marks: [
      Plot.barY(ok, {
        x: 'year',
        y: clamp,
        fill: (g: Growth) => ((g.growth as number) >= 0 ? ACCENTS.emerald : ACCENTS.rose),
        title: (g: Growth) => `${g.year}: ${percent(g.growth as number)}\n${dollars(g.value)} vs ${dollars(g.previous)} in ${g.year - 1}`,
        tip: true,
      }),
      // A bar cut at the end of the axis says so with a break across its end, in the card's colour; its full
      // value is in its hover card and in View data.
      Plot.text(clipped, { x: 'year', y: (g: Growth) => clamp(g) - Math.sign(g.growth as number) * (domain[1] - domain[0]) * 0.05, text: () => '≈', fontSize: 20, fontWeight: 800, fill: 'var(--card)', ariaHidden: 'true' }),
      Plot.dot(gaps, { x: 'year', y: 0, symbol: 'times', r: 4, stroke: '#94A3B8', title: (g: Growth) => `${g.year}: ${STATUS_TEXT[g.status]}`, tip: true }),
      Plot.ruleY([0]),
    ],
  });
}

const UNKNOWN_GREY = '#94A3B8';
const demilColours = (labels: readonly string[]): string[] => {
  const palette = CATEGORICAL.filter((c) => c !== UNKNOWN_GREY);
  let next = 0;
  return labels.map((label) => (label === 'Unknown' ? UNKNOWN_GREY : (palette[next++ % palette.length] as string)));
};

/** EQ-6: value by DEMIL code, stacked inside the top categories (largest at the top). */
export function demilChart(data: DemilBreakdown, width: number, tooltip: Tooltip): Element | null {
  if (data.segments.length === 0) return null;
  const palette = demilColours(data.labels);
  const colours = new Map(data.labels.map((label, i) => [label, palette[i] as string]));
  const row = new Map(data.categories.map((category, i) => [category, i]));
  const stacked = new Map<string, number>();
  const segments = data.segments.map((d) => {
    const x0 = stacked.get(d.category) ?? 0;
    stacked.set(d.category, x0 + d.value);
    return { row: row.get(d.category) ?? 0, x0, x1: x0 + d.value, fill: colours.get(d.label) ?? UNKNOWN_GREY, tip: `${d.category}\n${d.label}\nValue: ${dollars(d.value)}` };
  });
  return barChart({
    width,
    height: Math.max(200, 58 + data.categories.length * 34),
    rows: data.categories,
    rowLabel: 'category',
    partLabel: 'DEMIL code',
    segments,
    axis: 'Acquisition value →',
    format: axisDollars,
    label: 'Acquisition value by DEMIL code within the categories of largest value',
    // Lines without a code in grey, apart from the palette (its cyan was hard to tell from code A's blue).
    legend: data.labels.map((label) => ({ label, color: colours.get(label) ?? UNKNOWN_GREY })),
    tooltip,
  });
}

interface TreeNode {
  name: string;
  value?: number;
  quantity?: number;
  children?: TreeNode[];
}

/**
 * EQ-8: Category → Item treemap. At the top level each category is a labelled block of its items; clicking a
 * block (or pressing Enter on it) drills into that category, and `onDrill(null)` goes back.
 */
export function treemapChart(leaves: readonly TreemapLeaf[], drill: string | null, width: number, onDrill: (category: string | null) => void, tooltip: Tooltip): Element | null {
  const shown = drill === null ? leaves : leaves.filter((l) => l.category === drill);
  if (shown.length === 0) return null;
  const categories = [...new Set(shown.map((l) => l.category))];
  const root: TreeNode = {
    name: 'All',
    children: categories.map((category) => ({
      name: category,
      children: shown.filter((l) => l.category === category).map((l) => ({ name: l.item, value: l.value, quantity: l.quantity })),
    })),
  };
  const height = 440;
  const layout = d3treemap<TreeNode>()
    .tile(treemapSquarify)
    .size([width, height])
    .paddingOuter(3)
    .paddingTop(drill === null ? 18 : 3)
    .paddingInner(1)
    .round(true)(
    hierarchy(root)
      .sum((d) => d.value ?? 0)
      .sort((a, b) => (b.value ?? 0) - (a.value ?? 0)),
  );
  const maxValue = Math.max(...shown.map((l) => l.value));
  const colour = Plot.scale({ color: { type: 'sqrt', domain: [0, maxValue], scheme: 'blues' } });
  // A group, not an image: at the top level it holds one button per category.
  const svg = el('svg', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'group', 'aria-label': drill === null ? 'Acquisition value by category and item' : `Acquisition value of ${drill} items` });
  const hover = new Map<Element, string[]>();
  hoverMarks(svg, tooltip, (mark) => hover.get(mark));
  const fits = (node: HierarchyRectangularNode<TreeNode>, text: string, size: number): boolean => node.x1 - node.x0 > text.length * size * 0.58 + 6 && node.y1 - node.y0 > size + 6;
  for (const group of layout.children ?? []) {
    const g = el('g', { class: 'treemap-group' });
    if (drill === null) {
      // The button is the category's block and its title only, named by that title: the item names drawn over
      // the block are not part of it. A click anywhere on the block opens it too.
      const title = `${group.data.name} · ${compactDollars(group.value ?? 0)}`;
      const button = el('g', { class: 'treemap-button', tabindex: 0, role: 'button', 'aria-label': `${title}: ${dollars(group.value ?? 0)}, open to see its items` });
      button.append(el('rect', { x: group.x0, y: group.y0, width: group.x1 - group.x0, height: group.y1 - group.y0, fill: '#334155' }));
      if (fits(group, title, 11)) button.append(el('text', { x: group.x0 + 4, y: group.y0 + 13, 'font-size': 11, 'font-weight': 600, fill: '#F8FAFC' }, title));
      button.addEventListener('keydown', (event) => {
        if ((event as KeyboardEvent).key === 'Enter' || (event as KeyboardEvent).key === ' ') {
          event.preventDefault();
          onDrill(group.data.name);
        }
      });
      g.style.cursor = 'zoom-in';
      g.addEventListener('click', () => onDrill(group.data.name));
      g.append(button);
    }
    for (const leaf of group.children ?? []) {
      const value = leaf.value ?? 0;
      const rect = el('rect', { x: leaf.x0, y: leaf.y0, width: Math.max(0, leaf.x1 - leaf.x0), height: Math.max(0, leaf.y1 - leaf.y0), fill: String(colour.apply(value)) });
      hover.set(rect, [`${group.data.name} › ${leaf.data.name}`, `Value: ${dollars(value)}`, `Quantity: ${formatInteger(leaf.data.quantity ?? 0)}`]);
      g.append(rect);
      const name = shorten(leaf.data.name);
      if (fits(leaf, name, 10)) {
        const dark = value > maxValue * 0.35;
        g.append(el('text', { x: leaf.x0 + 3, y: leaf.y0 + 12, 'font-size': 10, fill: dark ? '#F8FAFC' : '#0F172A', 'pointer-events': 'none' }, name));
      }
    }
    svg.append(g);
  }
  return withTable(svg, {
    columns: [{ label: 'category', numeric: false }, { label: 'item', numeric: false }, { label: 'value ($)', numeric: true }, { label: 'quantity', numeric: true }],
    rows: shown.map((l) => [l.category, l.item, l.value, l.quantity]),
  });
}
