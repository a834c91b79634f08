import * as d3 from 'd3';
import { formatInteger } from '../../lib/format.js';
import { componentColor } from './components.js';
import type { Installation } from './installations.js';
import { findNode, LABEL_ARC_PX, ringsThatFit, type SunburstNode } from './sunburst.js';
import { svgRoot } from '../../lib/svg.js';
import type { Tooltip } from '../../lib/tooltip.js';

const STATE_FILLS = ['#334155', '#475569'];

/** Dark or light text, whichever reads on `fill` (leaves are drawn at 70 % opacity over the dark card). */
function textOn(fill: string, opacity: number): string {
  return d3.lab(fill).l * opacity > 55 ? '#0B0F19' : '#F8FAFC';
}

export interface SunburstOptions {
  root: SunburstNode;
  /** Drill-down path (names below the root); a path the filters removed falls back to the nearest level left. */
  path: string[];
  width: number;
  tooltip: Tooltip;
  onDrill(path: string[]): void;
  onSelect(row: Installation): void;
}

/**
 * BA-9: State → Component → Installation, as many rings as labels fit (ringsThatFit, at most two): clicking a
 * state or component drills into it (the path is kept in the URL) and shows the next level, the centre goes back up
 * one level, and an installation selects it on the map.
 */
export function sunburstChart(options: SunburstOptions): Element | null {
  let path = [...options.path];
  let focus = findNode(options.root, path);
  while (focus === null && path.length > 0) {
    path = path.slice(0, -1);
    focus = findNode(options.root, path);
  }
  if (focus === null || (focus.children?.length ?? 0) === 0) return null;
  const size = Math.min(options.width, 520);
  const radius = size / 2;
  const rings = ringsThatFit(focus, radius);
  // Cut below the rings shown; a node cut there keeps its own value (its installations), so the angles stay true.
  const hierarchy = d3.hierarchy<SunburstNode>(focus, (d) => (d.depth - focus.depth < rings ? d.children : undefined)).sum((d) => (d.depth - focus.depth < rings && d.children ? 0 : d.value));
  const partition = d3.partition<SunburstNode>().size([2 * Math.PI, 1])(hierarchy);
  const ringWidth = radius / (rings + 1);
  const arc = d3
    .arc<d3.HierarchyRectangularNode<SunburstNode>>()
    .startAngle((d) => d.x0)
    .endAngle((d) => d.x1)
    .padAngle((d) => Math.min((d.x1 - d.x0) / 2, 0.004))
    .innerRadius((d) => d.depth * ringWidth)
    .outerRadius((d) => (d.depth + 1) * ringWidth - 1);
  const fill = (d: d3.HierarchyRectangularNode<SunburstNode>): string => {
    if (d.data.depth === 1) return STATE_FILLS[(d.parent?.children?.indexOf(d) ?? 0) % 2] as string;
    const component = d.data.depth === 2 ? d.data.name : (d.data.installation?.component ?? '');
    return componentColor(component);
  };
  const activate = (d: d3.HierarchyRectangularNode<SunburstNode>): void => {
    options.tooltip.hide();
    if (d.data.installation) options.onSelect(d.data.installation);
    else options.onDrill([...path, ...d.ancestors().reverse().slice(1).map((a) => a.data.name)]);
  };
  const svg = svgRoot(size, size, `Hierarchy of ${formatInteger(focus.value)} installations: ${path.length > 0 ? path.join(' › ') : 'top states'}`, { centered: true, interactive: true });
  const nodes = partition.descendants().filter((d) => d.depth > 0);
  svg
    .append('g')
    .selectAll('path')
    .data(nodes)
    .join('path')
    .attr('d', arc)
    .attr('fill', fill)
    .attr('fill-opacity', (d) => (d.data.depth === 3 ? 0.7 : 1))
    .attr('class', 'inst-arc')
    .attr('data-name', (d) => d.data.name)
    .attr('data-depth', (d) => d.data.depth)
    .style('cursor', 'pointer')
    // The ring next to the centre is reachable by keyboard (Enter or Space drills or selects, like a click).
    .attr('tabindex', (d) => (d.depth === 1 ? 0 : null))
    .attr('role', (d) => (d.depth === 1 ? 'button' : null))
    .attr('aria-label', (d) => (d.depth === 1 ? `${d.data.name}, ${formatInteger(d.value ?? 0)} installations: ${d.data.installation ? 'select on the map' : 'drill down'}` : null))
    .on('mousemove', (event: MouseEvent, d) => {
      const trail = d.ancestors().reverse().slice(1).map((a) => a.data.name);
      options.tooltip.show(event, [d.data.name, [...path, ...trail.slice(0, -1)].join(' › ') || 'Top states', d.data.depth === 3 ? 'click to select on the map' : `${formatInteger(d.value ?? 0)} installations · click to drill down`]);
    })
    .on('mouseleave', () => options.tooltip.hide())
    .on('click', (_event, d) => activate(d))
    .on('keydown', (event: KeyboardEvent, d) => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      event.preventDefault();
      activate(d);
    });
  // Labels run along the radius: they need ~11 px of arc for the text height, and are cut to the ring's width.
  const fit = (name: string): string => {
    const chars = Math.max(3, Math.floor((ringWidth - 8) / 6));
    return name.length > chars ? `${name.slice(0, chars - 1)}…` : name;
  };
  svg
    .append('g')
    .attr('pointer-events', 'none')
    .attr('font-size', 10)
    .attr('text-anchor', 'middle')
    .selectAll('text')
    .data(nodes.filter((d) => (d.x1 - d.x0) * (d.depth + 0.5) * ringWidth >= LABEL_ARC_PX))
    .join('text')
    .attr('transform', (d) => {
      const angle = (((d.x0 + d.x1) / 2) * 180) / Math.PI;
      const r = (d.depth + 0.5) * ringWidth;
      return `rotate(${angle - 90}) translate(${r},0) rotate(${angle < 180 ? 0 : 180})`;
    })
    .attr('dy', '0.35em')
    .attr('fill', (d) => textOn(fill(d), d.data.depth === 3 ? 0.7 : 1))
    .text((d) => fit(d.data.name));
  const centre = svg.append('g').style('cursor', path.length > 0 ? 'pointer' : 'default').attr('class', 'inst-sunburst-centre');
  centre.append('circle').attr('r', ringWidth - 2);
  centre.append('text').attr('text-anchor', 'middle').attr('dy', '-0.3em').attr('font-size', 12).attr('fill', 'currentColor').text(focus.depth === 0 ? 'Top states' : focus.name.length > 18 ? `${focus.name.slice(0, 17)}…` : focus.name);
  svg.attr('data-rings', rings);
  centre.append('text').attr('text-anchor', 'middle').attr('dy', '1.1em').attr('font-size', 11).attr('fill', 'currentColor').attr('opacity', 0.8).text(path.length > 0 ? `${formatInteger(focus.value)} · ↑ back` : formatInteger(focus.value));
  if (path.length > 0) {
    centre.attr('role', 'button').attr('aria-label', 'Up one level');
    centre.on('click', () => options.onDrill(path.slice(0, -1)));
  }
  return svg.node();
}
