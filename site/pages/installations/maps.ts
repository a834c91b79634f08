import * as d3 from 'd3';
import * as Plot from '@observablehq/plot';
import { RAMP_LEGEND } from '../../lib/chart-layout.js';
import { decodeFootprint, type EncodedFootprint } from '../../../src/site/geometry/footprint-codec.js';
import { drawLand, usMap, type StateFeature } from '../../lib/us-map.js';
import { formatInteger, formatNumber } from '../../lib/format.js';
import { byComponent, countByState } from './aggregates.js';
import { componentColor } from './components.js';
import { sizeLine } from './measures.js';
import type { Installation } from './installations.js';
import { svgRoot } from '../../lib/svg.js';
import type { Tooltip } from '../../lib/tooltip.js';
import { withTable } from '../../lib/chart-data.js';
import type { ChartTable } from '../../lib/chart-table.js';

/** Footprints are drawn in place from this zoom on (a 5 km base is then ~15 px wide on a 1000 px map). */
export const FOOTPRINT_ZOOM = 6;

export function hoverLines(row: Installation): string[] {
  return [
    row.name,
    `${row.component} · ${row.status}`,
    `${row.state}${row.joint === 'Not Joint' ? '' : ` · ${row.joint}`}`,
    sizeLine(row),
  ];
}

/** The figures behind a map of installations: one row per installation drawn. */
export function installationsTable(rows: readonly Installation[]): ChartTable {
  return {
    // The footprint's geodesic measures, as the charts and hover cards give them (the source's AREA and PERIMETER are
    // in units the file does not state: they are in the CSV export under their own names).
    columns: ['installation', 'component', 'status', 'state', 'joint base', 'footprint area (km²)', 'footprint perimeter (km)'].map((label, i) => ({ label, numeric: i >= 5 })),
    rows: rows.map((r) => [r.name, r.component, r.status, r.state, r.joint, r.areaKm2 > 0 ? r.areaKm2 : null, r.areaKm2 > 0 && r.perimeterKm > 0 ? r.perimeterKm : null]),
  };
}

export interface InstallationMapOptions {
  rows: Installation[];
  width: number;
  selected: Installation | null;
  tooltip: Tooltip;
  footprints: () => Promise<EncodedFootprint[]>;
  onSelect(row: Installation): void;
}

/**
 * BA-1: every installation as a dot in its component colour, with hover details, click to select, and zoom
 * (wheel, drag, or the buttons). From FOOTPRINT_ZOOM on, and always for the selected base, the simplified
 * footprints are drawn in place.
 */
export function installationMap(options: InstallationMapOptions): HTMLElement {
  const { rows, width, tooltip } = options;
  const height = Math.round(width * 0.62);
  const map = usMap(width, height);
  const svg = svgRoot(width, height, `Map of ${rows.length} installations coloured by component`);
  const zoomLayer = svg.append('g');
  drawLand(zoomLayer.append('g'), map, () => null);
  const shapes = zoomLayer.append('g').attr('class', 'footprints');
  const placed = rows.map((row) => ({ row, xy: map.project(row.lon, row.lat, row.stateAbbrev || null) })).filter((p): p is { row: Installation; xy: [number, number] } => p.xy !== null);
  const dots = zoomLayer
    .append('g')
    .selectAll('circle')
    .data(placed)
    .join('circle')
    .attr('class', (p) => (p.row === options.selected ? 'inst-dot selected' : 'inst-dot'))
    .attr('cx', (p) => p.xy[0])
    .attr('cy', (p) => p.xy[1])
    .attr('fill', (p) => componentColor(p.row.component))
    .attr('data-name', (p) => p.row.name)
    .on('mousemove', (event: MouseEvent, p) => tooltip.show(event, hoverLines(p.row)))
    .on('mouseleave', () => tooltip.hide())
    .on('click', (_event, p) => options.onSelect(p.row));

  let k = 1;
  let drawn = false;
  const sizeDots = (): void => {
    dots.attr('r', (p) => (p.row === options.selected ? 6 : 3.2) / k).attr('stroke-width', (p) => (p.row === options.selected ? 2 : 0.6) / k);
  };
  const drawFootprints = (): void => {
    const wanted = rows.filter((row) => row.footprint >= 0 && (k >= FOOTPRINT_ZOOM || row === options.selected));
    if (wanted.length === 0 || (drawn && k >= FOOTPRINT_ZOOM)) return;
    void options.footprints().then((all) => {
      shapes
        .selectAll('path')
        .data(wanted, (row) => (row as Installation).name)
        .join('path')
        .attr('class', (row) => (row === options.selected ? 'inst-footprint selected' : 'inst-footprint'))
        .attr('d', (row) => map.path(decodeFootprint(all[row.footprint] ?? []), row.stateAbbrev || null))
        .attr('fill', (row) => componentColor(row.component))
        .attr('stroke', (row) => componentColor(row.component))
        .attr('data-name', (row) => row.name);
      drawn = k >= FOOTPRINT_ZOOM;
    });
  };
  sizeDots();
  drawFootprints();

  // Buttons step from where the last click is heading, not from the middle of its animation, so three quick
  // clicks on "+" reach 8× instead of being cut short by each other.
  let target = 1;
  const zoom = d3
    .zoom<SVGSVGElement, undefined>()
    .scaleExtent([1, 64])
    .translateExtent([
      [0, 0],
      [width, height],
    ])
    .on('zoom', (event: d3.D3ZoomEvent<SVGSVGElement, undefined>) => {
      zoomLayer.attr('transform', event.transform.toString());
      k = event.transform.k;
      sizeDots();
      if (k >= FOOTPRINT_ZOOM) drawFootprints();
      host.dataset.zoom = k.toFixed(2);
      if (event.sourceEvent) target = k;
    });
  svg.call(zoom);
  const zoomTo = (scale: number): void => {
    target = Math.min(64, Math.max(1, scale));
    svg.transition().duration(250).call(zoom.scaleTo, target);
  };
  const host = document.createElement('div');
  host.className = 'inst-map';
  host.dataset.zoom = '1.00';
  const button = (label: string, text: string, action: () => void): HTMLButtonElement => {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'btn btn-ghost btn-small';
    b.textContent = text;
    b.setAttribute('aria-label', label);
    b.addEventListener('click', action);
    return b;
  };
  const controls = document.createElement('div');
  controls.className = 'inst-zoom';
  controls.append(
    button('Zoom in', '+', () => zoomTo(target * 2)),
    button('Zoom out', '−', () => zoomTo(target / 2)),
    button('Reset zoom', 'Reset', () => {
      target = 1;
      svg.transition().duration(250).call(zoom.transform, d3.zoomIdentity);
    }),
  );
  if (options.selected) {
    const target = placed.find((p) => p.row === options.selected);
    if (target) {
      controls.append(
        button(`Zoom to ${options.selected.name}`, 'Zoom to selection', () => {
          const scale = 24;
          svg
            .transition()
            .duration(400)
            .call(zoom.transform, d3.zoomIdentity.translate(width / 2 - target.xy[0] * scale, height / 2 - target.xy[1] * scale).scale(scale));
        }),
      );
    }
  }
  host.append(controls, svg.node() as SVGSVGElement);
  return withTable(host, installationsTable(rows));
}

/** BA-2: installations per state or territory as a choropleth, every installation as a dark dot over it (white ones vanished on the pale end of the scale). */
export function densityMap(rows: Installation[], width: number, tooltip: Tooltip): HTMLElement {
  const height = Math.round(width * 0.62);
  const map = usMap(width, height);
  const counts = new Map(countByState(rows).map((c) => [c.stateAbbrev, c]));
  const max = Math.max(1, ...[...counts.values()].map((c) => c.count));
  const color = d3.scaleSequential(d3.interpolateYlOrRd).domain([0, max]);
  const svg = svgRoot(width, height, 'Installations per state and territory');
  const land = svg.append('g');
  drawLand(land, map, (code) => {
    const n = code ? counts.get(code)?.count : undefined;
    return n ? color(n) : null;
  });
  land
    .selectAll<SVGPathElement, StateFeature>('path.state')
    .on('mousemove', (event: MouseEvent, f) => tooltip.show(event, [f.properties.name, `${formatInteger(counts.get(f.properties.code ?? '')?.count ?? 0)} installations`]))
    .on('mouseleave', () => tooltip.hide());
  svg
    .append('g')
    .attr('pointer-events', 'none')
    .selectAll('circle')
    .data(rows.map((row) => map.project(row.lon, row.lat, row.stateAbbrev || null)).filter((xy): xy is [number, number] => xy !== null))
    .join('circle')
    .attr('cx', (xy) => xy[0])
    .attr('cy', (xy) => xy[1])
    .attr('r', 1.4)
    .attr('fill', '#0F172A')
    .attr('opacity', 0.55);
  const host = document.createElement('div');
  host.className = 'inst-map';
  const legend = Plot.legend({ color: { type: 'sequential', interpolate: d3.interpolateYlOrRd, domain: [0, max], label: 'Installations per state / territory' }, width: Math.min(320, width), ...RAMP_LEGEND });
  host.append(legend, svg.node() as SVGSVGElement);
  const perState = d3.rollups(rows, (group) => group.length, (r) => r.state).sort((a, b) => b[1] - a[1]);
  return withTable(host, { columns: [{ label: 'state', numeric: false }, { label: 'installations', numeric: true }], rows: perState });
}

/** BA-10: one small map per component present (every one of them; the original stopped at six). */
export function smallMultiples(rows: Installation[], width: number, tooltip: Tooltip): HTMLElement {
  const panels = byComponent(rows);
  const columns = Math.max(2, Math.min(4, Math.floor(width / 250)));
  const panelWidth = Math.floor((width - (columns - 1) * 12) / columns);
  const panelHeight = Math.round(panelWidth * 0.66);
  const grid = document.createElement('div');
  grid.className = 'inst-multiples';
  grid.style.gridTemplateColumns = `repeat(${columns}, ${panelWidth}px)`;
  for (const panel of panels) {
    const map = usMap(panelWidth, panelHeight, { compact: true });
    const figure = document.createElement('figure');
    figure.className = 'inst-multiple';
    const caption = document.createElement('figcaption');
    const swatch = document.createElement('span');
    swatch.className = 'inst-swatch';
    swatch.style.background = componentColor(panel.component);
    caption.append(swatch, `${panel.component} · ${formatInteger(panel.rows.length)}`);
    const svg = svgRoot(panelWidth, panelHeight, `${panel.component}: ${panel.rows.length} installations`);
    drawLand(svg.append('g'), map, () => null, true);
    svg
      .append('g')
      .selectAll('circle')
      .data(panel.rows.map((row) => ({ row, xy: map.project(row.lon, row.lat, row.stateAbbrev || null) })).filter((p): p is { row: Installation; xy: [number, number] } => p.xy !== null))
      .join('circle')
      .attr('cx', (p) => p.xy[0])
      .attr('cy', (p) => p.xy[1])
      .attr('r', 2.2)
      .attr('fill', componentColor(panel.component))
      .attr('fill-opacity', 0.85)
      .on('mousemove', (event: MouseEvent, p) => tooltip.show(event, hoverLines(p.row)))
      .on('mouseleave', () => tooltip.hide());
    figure.append(caption, svg.node() as SVGSVGElement);
    grid.append(figure);
  }
  return withTable(grid, installationsTable(rows));
}

/** The selected installation's footprint on its own, fitted to the panel (a local Mercator: true shape). */
export function footprintView(row: Installation, footprint: EncodedFootprint | null, width: number): SVGSVGElement {
  const height = Math.round(Math.min(width, 420) * 0.75);
  const svg = svgRoot(width, height, `Footprint of ${row.name}`);
  if (footprint === null) {
    svg
      .append('text')
      .attr('x', width / 2)
      .attr('y', height / 2)
      .attr('text-anchor', 'middle')
      .attr('fill', 'currentColor')
      .text('No footprint recorded for this installation');
    return svg.node() as SVGSVGElement;
  }
  const shape = decodeFootprint(footprint);
  const projection = d3.geoMercator().fitExtent(
    [
      [12, 12],
      [width - 12, height - 28],
    ],
    shape,
  );
  svg
    .append('path')
    .attr('class', 'inst-footprint selected')
    .attr('data-name', row.name)
    .attr('d', d3.geoPath(projection)(shape) ?? '')
    .attr('fill', componentColor(row.component))
    .attr('stroke', componentColor(row.component));
  // A scale bar, so the outline reads as a size and not only a shape.
  const [[x0], [x1]] = d3.geoPath(projection).bounds(shape);
  const metresAcross = d3.geoDistance(projection.invert?.([x0, height - 20]) ?? [0, 0], projection.invert?.([x1, height - 20]) ?? [0, 0]) * 6_371_008.8;
  const nice = d3.tickStep(0, metresAcross / 3, 1);
  const barPx = ((x1 - x0) * nice) / metresAcross;
  const bar = svg.append('g').attr('transform', `translate(12, ${height - 10})`);
  bar.append('line').attr('x2', barPx).attr('stroke', 'currentColor').attr('stroke-width', 2);
  bar
    .append('text')
    .attr('x', barPx + 6)
    .attr('dy', '0.32em')
    .attr('fill', 'currentColor')
    .attr('font-size', 11)
    .text(nice >= 1000 ? `${formatNumber(nice / 1000, nice % 1000 === 0 ? 0 : 1)} km` : `${formatInteger(nice)} m`);
  return svg.node() as SVGSVGElement;
}
