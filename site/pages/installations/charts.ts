import * as d3 from 'd3';
import * as Plot from '@observablehq/plot';
import { formatCompact, formatInteger, formatNumber, formatPercent } from '../../lib/format.js';
import { PLOT_DEFAULTS, X_TITLE } from '../../lib/plot-theme.js';
import { componentByStatus, countBy, jointBaseBreakdown, statusShares, topStatesByComponent, withAreaAndPerimeter, type PairCount } from './aggregates.js';
import { areaBoxStats } from './boxplot.js';
import { componentColor, componentScale } from './components.js';
import type { Installation } from './installations.js';
import { svgRoot } from '../../lib/svg.js';
import type { Tooltip } from '../../lib/tooltip.js';
import { withTable } from '../../lib/chart-data.js';

/** Log-axis ticks: 0.01, 0.1, 1, 10, 100, 1,000, 10K … (SI prefixes would read 100m as metres). */
const logTick = (v: number): string => (v >= 1 ? formatCompact(v) : d3.format('~g')(v));

/** Left margin that fits the longest band label at Plot's 12 px font (~6.5 px a character). */
const labelMargin = (labels: readonly string[]): number => Math.min(280, Math.max(60, ...labels.map((l) => l.length * 6.5 + 12)));

/** Count axes: whole numbers only, even when the largest bar is 3. */
const countAxis = (max: number): { label: string; grid: true; ticks?: number; tickFormat: string } => ({ label: 'Installations', grid: true, tickFormat: 'd', ...(max < 10 ? { ticks: max } : {}) });

/** The original's status colours (success, danger, warning, secondary, accent, info), given in count order. */
const STATUS_COLORS = ['#34D399', '#FB7185', '#FBBF24', '#38BDF8', '#818CF8', '#22D3EE'];

/** Status → colour, ranked on all installations so a status keeps its colour while filtering. */
export function statusScale(all: readonly Installation[]): { domain: string[]; range: string[] } {
  const domain = statusShares(all).map((s) => s.status);
  return { domain, range: domain.map((_, i) => STATUS_COLORS[i % STATUS_COLORS.length] as string) };
}

/** BA-3: operational status as a donut (d3: Plot has no arc mark), labels with count and share outside. */
export function statusDonut(rows: Installation[], width: number, scale: { domain: string[]; range: string[] }, tooltip: Tooltip): SVGSVGElement {
  const shares = statusShares(rows);
  const height = 300;
  const radius = Math.min(width / 2 - 110, height / 2 - 24);
  const color = d3.scaleOrdinal<string, string>().domain(scale.domain).range(scale.range).unknown('#94A3B8');
  const arcs = d3
    .pie<(typeof shares)[number]>()
    .value((d) => d.count)
    .sort(null)(shares);
  const arc = d3
    .arc<d3.PieArcDatum<(typeof shares)[number]>>()
    .innerRadius(radius * 0.55)
    .outerRadius(radius);
  const label = d3
    .arc<d3.PieArcDatum<(typeof shares)[number]>>()
    .innerRadius(radius * 1.12)
    .outerRadius(radius * 1.12);
  const svg = svgRoot(width, height, `Operational status: ${shares.map((s) => `${s.status} ${s.count}`).join(', ')}`, { centered: true });
  svg
    .append('g')
    .attr('class', 'inst-donut')
    .selectAll('path')
    .data(arcs)
    .join('path')
    .attr('d', arc)
    .attr('fill', (d) => color(d.data.status))
    .attr('class', 'inst-donut-slice')
    .on('mousemove', (event: MouseEvent, d) => tooltip.show(event, [d.data.status, `${formatInteger(d.data.count)} installations (${formatPercent(d.data.share)})`]))
    .on('mouseleave', () => tooltip.hide());
  svg
    .append('g')
    .attr('font-size', 12)
    .attr('fill', 'currentColor')
    .selectAll('text')
    .data(arcs.filter((d) => d.endAngle - d.startAngle > 0.04))
    .join('text')
    .attr('transform', (d) => `translate(${label.centroid(d)})`)
    .attr('text-anchor', (d) => ((d.startAngle + d.endAngle) / 2 < Math.PI ? 'start' : 'end'))
    .attr('dy', '0.35em')
    .text((d) => `${d.data.status} ${formatInteger(d.data.count)} (${formatPercent(d.data.share, 0)})`);
  svg
    .append('text')
    .attr('text-anchor', 'middle')
    .attr('dy', '-0.2em')
    .attr('font-size', 22)
    .attr('font-weight', 600)
    .attr('fill', 'currentColor')
    .text(formatInteger(rows.length));
  svg.append('text').attr('text-anchor', 'middle').attr('dy', '1.2em').attr('font-size', 11).attr('fill', 'currentColor').attr('opacity', 0.8).text('installations');
  return withTable(svg.node() as SVGSVGElement, { columns: [{ label: 'status', numeric: false }, { label: 'installations', numeric: true }, { label: 'share', numeric: true }], rows: shares.map((s) => [s.status, s.count, s.share]) });
}

const countTip = (cell: PairCount): string => `${cell.component} · ${cell.group}: ${formatInteger(cell.count)}`;

/** BA-4: installations per component, stacked by status (horizontal, so eleven component names stay legible). */
export function componentStatusChart(rows: Installation[], width: number, statuses: { domain: string[]; range: string[] }): Element {
  const cells = componentByStatus(rows);
  const components = componentScale(rows.map((r) => r.component)).domain;
  return Plot.plot({
    ...PLOT_DEFAULTS,
    width,
    height: Math.max(160, components.length * 26 + 60),
    marginLeft: labelMargin(components),
    x: countAxis(Math.max(...countBy(rows, (r) => r.component).map((c) => c.count))),
    y: { label: null, domain: components },
    color: { ...statuses, legend: true },
    marks: [Plot.barX(cells, { y: 'component', x: 'count', fill: 'group', title: countTip, tip: true, order: statuses.domain }), Plot.ruleX([0])],
  });
}

/** BA-5: the 20 states with most installations, stacked by component, largest at the top. */
export function topStatesChart(rows: Installation[], width: number): Element {
  const top = topStatesByComponent(rows, 20);
  return Plot.plot({
    ...PLOT_DEFAULTS,
    width,
    height: Math.max(160, top.order.length * 22 + 50),
    marginLeft: labelMargin(top.order),
    marginRight: 30,
    x: countAxis(top.totals.get(top.order[0] ?? '') ?? 0),
    y: { label: null, domain: top.order },
    color: componentScale(rows.map((r) => r.component)),
    marks: [
      Plot.barX(top.cells, { y: 'group', x: 'count', fill: 'component', title: countTip, tip: true, order: componentScale(rows.map((r) => r.component)).domain }),
      Plot.text(top.order, { y: (d: string) => d, x: (d: string) => top.totals.get(d) ?? 0, text: (d: string) => formatInteger(top.totals.get(d) ?? 0), dx: 4, textAnchor: 'start', fill: 'currentColor' }),
      Plot.ruleX([0]),
    ],
  });
}

/** BA-6: joint bases ranked by installations, stacked by component; how many are not joint is said below. */
export function jointBasesChart(rows: Installation[], width: number): Element | null {
  const joint = jointBaseBreakdown(rows);
  if (joint.order.length === 0) return null;
  const figure = document.createElement('div');
  figure.append(
    Plot.plot({
      ...PLOT_DEFAULTS,
      width,
      height: Math.max(120, joint.order.length * 24 + 50),
      marginLeft: labelMargin(joint.order),
      x: countAxis(joint.totals.get(joint.order[0] ?? '') ?? 0),
      y: { label: null, domain: joint.order },
      color: componentScale(rows.map((r) => r.component)),
      marks: [Plot.barX(joint.cells, { y: 'group', x: 'count', fill: 'component', title: countTip, tip: true }), Plot.ruleX([0])],
    }),
  );
  const note = document.createElement('p');
  note.className = 'chart-note';
  note.textContent = `${formatInteger(rows.length - joint.notJoint)} of ${formatInteger(rows.length)} installations belong to ${formatInteger(joint.order.length)} joint bases; ${formatInteger(joint.notJoint)} are not joint.`;
  figure.append(note);
  return figure;
}

/** BA-7: area per component on a log axis, from areaBoxStats (quartiles and fences in log space). */
export function areaBoxChart(rows: Installation[], width: number): Element | null {
  const stats = areaBoxStats(rows);
  if (stats.length === 0) return null;
  const domain = stats.map((s) => s.component);
  const outliers = stats.flatMap((s) => s.outliers);
  return Plot.plot({
    ...PLOT_DEFAULTS,
    width,
    height: 340,
    marginBottom: 70,
    marginLeft: 60,
    x: { label: null, domain, tickRotate: -35 },
    y: { type: 'log', label: 'Area (log scale)', grid: true, tickFormat: logTick },
    marks: [
      Plot.ruleX(stats, { x: 'component', y1: 'low', y2: 'high', stroke: (s) => componentColor(s.component) }),
      Plot.barY(stats, {
        x: 'component',
        y1: 'q1',
        y2: 'q3',
        fill: (s) => componentColor(s.component),
        fillOpacity: 0.7,
        title: (s) => `${s.component} (n = ${s.n})\nmedian ${formatNumber(s.median, 2)}\nQ1 ${formatNumber(s.q1, 2)} · Q3 ${formatNumber(s.q3, 2)}\nwhiskers ${formatNumber(s.low, 2)} – ${formatNumber(s.high, 2)}`,
        tip: true,
      }),
      Plot.tickY(stats, { x: 'component', y: 'median', stroke: 'white', strokeWidth: 2 }),
      Plot.dot(outliers, { x: 'component', y: 'area', r: 2.5, stroke: (r: Installation) => componentColor(r.component), title: (r: Installation) => `${r.name}: ${formatNumber(r.area, 2)}` }),
    ],
  });
}

/** BA-8: area against perimeter, both log; hover names the installation, a click selects it. */
export function areaPerimeterChart(rows: Installation[], width: number, onSelect: (row: Installation) => void): Element | null {
  const points = withAreaAndPerimeter(rows);
  if (points.length === 0) return null;
  const plot = Plot.plot({
    ...PLOT_DEFAULTS,
    width,
    height: 340,
    marginLeft: 60,
    marginBottom: X_TITLE.marginBottom,
    x: { labelOffset: X_TITLE.labelOffset, type: 'log', label: 'Area (log)', grid: true, tickFormat: logTick },
    y: { type: 'log', label: 'Perimeter (log)', grid: true, tickFormat: logTick },
    color: componentScale(rows.map((r) => r.component)),
    marks: [
      Plot.dot(points, { x: 'area', y: 'perimeter', fill: 'component', r: 3, fillOpacity: 0.8 }),
      Plot.tip(points, Plot.pointer({ x: 'area', y: 'perimeter', title: (r: Installation) => `${r.name}\n${r.component} · ${r.state}\narea ${formatNumber(r.area, 2)} · perimeter ${formatNumber(r.perimeter, 2)}\n(click to select)` })),
    ],
  });
  plot.addEventListener('click', () => {
    const value = (plot as unknown as { value: Installation | null }).value;
    if (value) onSelect(value);
  });
  return plot;
}
