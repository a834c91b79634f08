import * as d3 from 'd3';
import * as Plot from '@observablehq/plot';
import { formatCompact, formatInteger, formatPercent } from '../../lib/format.js';
import { chartBandLabels, titleShortened } from '../../lib/chart-layout.js';
import { PLOT_DEFAULTS, X_TITLE } from '../../lib/plot-theme.js';
import { componentByStatus, countBy, jointBaseBreakdown, statusShares, topStatesByComponent, type PairCount } from './aggregates.js';
import { areaBoxStats } from './boxplot.js';
import { componentColor, componentScale } from './components.js';
import type { Installation } from './installations.js';
import { formatArea, formatLength, formatSignificant, withAreaAndNearest } from './measures.js';
import { svgRoot } from '../../lib/svg.js';
import type { Tooltip } from '../../lib/tooltip.js';
import { withTable } from '../../lib/chart-data.js';
import { named } from '../../lib/chart-table.js';

/** Log-axis ticks: 0.01, 0.1, 1, 10, 100, 1,000, 10K … (SI prefixes would read 100m as metres). */
const logTick = (v: number): string => (v >= 1 ? formatCompact(v) : d3.format('~g')(v));

/**
 * Count axes: whole numbers only, even when the largest bar is 3; as many ticks as the width left by the labels
 * carries; the title one line below the tick labels (spread X_TITLE.marginBottom into the plot).
 */
const countAxis = (max: number, room: number): { label: string; grid: true; ticks: number; tickFormat: string; labelOffset: number } => ({ label: 'Installations', grid: true, tickFormat: 'd', ticks: Math.max(1, Math.min(max, room)), labelOffset: X_TITLE.labelOffset });

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
  const labels = chartBandLabels(components, width);
  return titleShortened(Plot.plot({
    ...PLOT_DEFAULTS,
    width,
    height: Math.max(160, components.length * 26 + 60),
    marginLeft: labels.marginLeft,
    marginBottom: X_TITLE.marginBottom,
    x: countAxis(Math.max(...countBy(rows, (r) => r.component).map((c) => c.count)), labels.ticks),
    y: { label: null, domain: components, tickFormat: labels.format },
    color: { ...statuses, legend: true },
    marks: [Plot.barX(cells, { y: 'component', x: 'count', fill: named('group', 'operational status'), title: countTip, tip: true, order: statuses.domain }), Plot.ruleX([0])],
  }), components, labels.format);
}

/** BA-5: the 20 states with most installations, stacked by component, largest at the top. */
export function topStatesChart(rows: Installation[], width: number): Element {
  const top = topStatesByComponent(rows, 20);
  const labels = chartBandLabels(top.order, width, { marginRight: 30 });
  return titleShortened(Plot.plot({
    ...PLOT_DEFAULTS,
    width,
    height: Math.max(160, top.order.length * 22 + 50),
    marginLeft: labels.marginLeft,
    marginRight: 30,
    marginBottom: X_TITLE.marginBottom,
    x: countAxis(top.totals.get(top.order[0] ?? '') ?? 0, labels.ticks),
    y: { label: null, domain: top.order, tickFormat: labels.format },
    color: componentScale(rows.map((r) => r.component)),
    marks: [
      Plot.barX(top.cells, { y: named('group', 'state or territory'), x: 'count', fill: 'component', title: countTip, tip: true, order: componentScale(rows.map((r) => r.component)).domain }),
      Plot.text(top.order, { y: (d: string) => d, x: (d: string) => top.totals.get(d) ?? 0, text: (d: string) => formatInteger(top.totals.get(d) ?? 0), dx: 4, textAnchor: 'start', fill: 'currentColor' }),
      Plot.ruleX([0]),
    ],
  }), top.order, labels.format);
}

/** BA-6: joint bases ranked by installations, stacked by component; how many are not joint is said below. */
export function jointBasesChart(rows: Installation[], width: number): Element | null {
  const joint = jointBaseBreakdown(rows);
  if (joint.order.length === 0) return null;
  const figure = document.createElement('div');
  const labels = chartBandLabels(joint.order, width);
  figure.append(
    titleShortened(Plot.plot({
      ...PLOT_DEFAULTS,
      width,
      height: Math.max(120, joint.order.length * 24 + 50),
      marginLeft: labels.marginLeft,
      marginBottom: X_TITLE.marginBottom,
      x: countAxis(joint.totals.get(joint.order[0] ?? '') ?? 0, labels.ticks),
      y: { label: null, domain: joint.order, tickFormat: labels.format },
      color: componentScale(rows.map((r) => r.component)),
      marks: [Plot.barX(joint.cells, { y: named('group', 'joint base'), x: 'count', fill: 'component', title: countTip, tip: true }), Plot.ruleX([0])],
    }), joint.order, labels.format),
  );
  const note = document.createElement('p');
  note.className = 'chart-note';
  note.textContent = `${formatInteger(rows.length - joint.notJoint)} of ${formatInteger(rows.length)} installations belong to ${formatInteger(joint.order.length)} joint bases; ${formatInteger(joint.notJoint)} are not joint.`;
  figure.append(note);
  return figure;
}

/** BA-7: footprint area per component on a log axis, from areaBoxStats (quartiles and fences in log space). */
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
    y: { type: 'log', label: 'Footprint area (km², log scale)', grid: true, tickFormat: logTick },
    marks: [
      Plot.ruleX(stats, { x: 'component', y1: 'low', y2: 'high', stroke: (s) => componentColor(s.component) }),
      Plot.barY(stats, {
        x: 'component',
        y1: named('q1', 'first quartile (km²)'),
        y2: named('q3', 'third quartile (km²)'),
        fill: (s) => componentColor(s.component),
        fillOpacity: 0.7,
        title: (s) => `${s.component} (n = ${s.n})\nmedian ${formatArea(s.median)}\nQ1 ${formatSignificant(s.q1)} · Q3 ${formatSignificant(s.q3)} km²\nwhiskers ${formatSignificant(s.low)} – ${formatSignificant(s.high)} km²`,
        tip: true,
      }),
      Plot.tickY(stats, { x: 'component', y: 'median', stroke: 'white', strokeWidth: 2 }),
      Plot.dot(outliers, { x: 'component', y: 'areaKm2', r: 2.5, stroke: (r: Installation) => componentColor(r.component), title: (r: Installation) => `${r.name}: ${formatArea(r.areaKm2)}` }),
    ],
  });
}

/**
 * Footprint area against the distance to the nearest other installation, both log: does a large site sit alone
 * (room for ranges, buffer against encroachment) and which small sites are far from any support? Nearest is
 * among all installations, not only the filtered ones, so filtering never moves a dot.
 */
export function areaIsolationChart(rows: Installation[], all: readonly Installation[], width: number, onSelect: (row: Installation) => void): Element | null {
  const points = withAreaAndNearest(rows);
  if (points.length === 0) return null;
  const nearestName = (r: Installation): string => all[r.nearest]?.name ?? '—';
  const plot = Plot.plot({
    ...PLOT_DEFAULTS,
    width,
    height: 340,
    marginLeft: 60,
    marginBottom: X_TITLE.marginBottom,
    x: { labelOffset: X_TITLE.labelOffset, type: 'log', label: 'Distance to the nearest other installation (km, log)', grid: true, tickFormat: logTick },
    y: { type: 'log', label: 'Footprint area (km², log)', grid: true, tickFormat: logTick },
    color: componentScale(rows.map((r) => r.component)),
    marks: [
      Plot.dot(points, { x: 'nearestKm', y: 'areaKm2', fill: 'component', r: 3, fillOpacity: 0.8 }),
      Plot.tip(
        points,
        Plot.pointer({
          x: 'nearestKm',
          y: 'areaKm2',
          title: (r: Installation) => `${r.name}\n${r.component} · ${r.state}\nfootprint ${formatArea(r.areaKm2)}\nnearest: ${nearestName(r)}, ${formatLength(r.nearestKm)}\n(click to select)`,
        }),
      ),
    ],
  });
  plot.addEventListener('click', () => {
    const value = (plot as unknown as { value: Installation | null }).value;
    if (value) onSelect(value);
  });
  return plot;
}
