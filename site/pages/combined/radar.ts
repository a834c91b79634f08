import { withTable } from '../../lib/chart-data.js';
import { svgElement as el } from '../../lib/svg.js';
import type { RadarRegion } from './compute.js';


/**
 * CI-7: one closed polygon per region over the four normalised dimensions (0–100 on every spoke). Plot has no polar
 * coordinates, so this is plain SVG; text is set as text nodes.
 */
export function radarChart(width: number, regions: readonly RadarRegion[], dimensions: readonly string[], color: (region: string) => string): SVGSVGElement {
  // Legend entries left to right, wrapping onto a new row when the next would pass the right edge.
  const legendItems: { region: string; x: number; y: number }[] = [];
  let lx = 8;
  let ly = 8;
  for (const r of regions) {
    const itemWidth = 24 + r.region.length * 7;
    if (lx > 8 && lx + itemWidth > width) {
      lx = 8;
      ly += 20;
    }
    legendItems.push({ region: r.region, x: lx, y: ly });
    lx += itemWidth;
  }
  const legendHeight = ly + 20;
  const height = Math.min(520, Math.max(280, width * 0.85)) + legendHeight - 28;
  const cx = width / 2;
  const cy = (height - legendHeight) / 2 + legendHeight;
  const angle = (i: number): number => (Math.PI * 2 * i) / dimensions.length - Math.PI / 2;
  // Labels sit at 114 % of the radius: leave room beside the web for the longest one off the vertical axis
  // (~6.5 px a character at 11 px), or it is cut at the card's edge ("Items shipp").
  const sideLabel = Math.max(0, ...dimensions.filter((_, i) => Math.abs(Math.cos(angle(i))) > 0.01).map((d) => d.length * 6.5));
  const radius = Math.max(40, Math.min((width / 2 - sideLabel - 6) / 1.14, (height - legendHeight) / 2 - 26));
  const at = (i: number, pct: number): [number, number] => [cx + Math.cos(angle(i)) * radius * (pct / 100), cy + Math.sin(angle(i)) * radius * (pct / 100)];
  const svg = el('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': 'Radar of regions on four normalised measures', fill: 'currentColor', 'font-size': 11 });
  for (const ring of [25, 50, 75, 100]) {
    svg.append(el('polygon', { points: dimensions.map((_, i) => at(i, ring).join(',')).join(' '), fill: 'none', stroke: 'currentColor', 'stroke-opacity': 0.15 }));
  }
  dimensions.forEach((d, i) => {
    const [x, y] = at(i, 100);
    const [lx, ly] = at(i, 114);
    svg.append(el('line', { x1: cx, y1: cy, x2: x, y2: y, stroke: 'currentColor', 'stroke-opacity': 0.25 }));
    const anchor = Math.abs(lx - cx) < 1 ? 'middle' : lx > cx ? 'start' : 'end';
    svg.append(el('text', { x: lx, y: ly, 'text-anchor': anchor, 'dominant-baseline': 'middle' }, d));
  });
  for (const r of regions) {
    const points = dimensions.map((d, i) => at(i, r.normalised[d as keyof RadarRegion['normalised']]).join(',')).join(' ');
    const poly = el('polygon', { points, fill: color(r.region), 'fill-opacity': 0.18, stroke: color(r.region), 'stroke-width': 2 });
    poly.append(el('title', {}, `${r.region}\n${dimensions.map((d) => `${d}: ${r.normalised[d as keyof RadarRegion['normalised']].toFixed(0)} %`).join('\n')}`));
    svg.append(poly);
  }
  for (const item of legendItems) {
    svg.append(el('rect', { x: item.x, y: item.y, width: 12, height: 12, rx: 2, fill: color(item.region) }));
    svg.append(el('text', { x: item.x + 16, y: item.y + 10 }, item.region));
  }
  return withTable(svg, {
    columns: [{ label: 'region', numeric: false }, ...dimensions.map((d) => ({ label: `${d} (% of the largest)`, numeric: true }))],
    rows: regions.map((r) => [r.region, ...dimensions.map((d) => r.normalised[d as keyof RadarRegion['normalised']])]),
  });
}
