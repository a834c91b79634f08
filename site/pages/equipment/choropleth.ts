/**
 * EQ-3 / EQ-5 maps. The state paths are built once (us-atlas ships them pre-projected to Albers USA, so the SVG
 * scales by viewBox and never re-projects); a filter change only recolours them and rewrites their tooltips.
 * The five territories get insets on the same colour scale, and codes no shape can show are listed in words.
 */
import { geoMercator, geoPath, interpolateBlues, interpolateReds, scaleSequentialSqrt, scaleSqrt } from 'd3';
import { h, uid } from '../../lib/dom.js';
import { svgElement as el } from '../../lib/svg.js';
import { stateName } from './charts.js';
import { placeOnMap } from './map.js';
import type { CodedFeature, Shapes } from '../../lib/us-shapes.js';
import { hoverMarks, type Tooltip } from '../../lib/tooltip.js';
import { withTable } from '../../lib/chart-data.js';

/**
 * States outside the selection: a light grey hatch, outside both colour ramps (a dark flat grey read as a high
 * value). Each SVG defines the pattern under its own id.
 */
const NO_DATA_HATCH = { ground: '#e5e7eb', line: '#9ca3af' } as const;
function noDataPattern(svg: SVGSVGElement): string {
  const id = uid('no-data');
  const pattern = el('pattern', { id, width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' }, el('rect', { width: 6, height: 6, fill: NO_DATA_HATCH.ground }), el('line', { x1: 0, y1: 0, x2: 0, y2: 6, stroke: NO_DATA_HATCH.line, 'stroke-width': 2 }));
  svg.prepend(el('defs', {}, pattern));
  return `url(#${id})`;
}
/** us-atlas's Albers USA frame. */
const FRAME = { width: 975, height: 610 };
const INSET = { width: 80, height: 50 };

export interface MapData<T extends { state: string }> {
  readonly totals: readonly T[];
  readonly metric: (d: T) => number;
  readonly legend: string;
  readonly format: (n: number) => string;
  readonly describe: (d: T) => string;
  /** Selected codes without a figure (e.g. no population), listed under the map. */
  readonly unmeasured?: readonly string[];
}

interface Shape {
  code: string;
  path: SVGPathElement;
}

const svg = (width: number, height: number, label: string): SVGSVGElement => el('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': label });

function shape(parent: SVGSVGElement, feature: CodedFeature, d: string): Shape {
  const path = el('path', { d, class: 'map-shape' });
  parent.append(path);
  return { code: feature.code, path };
}

// The ends keep room for half a tick label ("$0.00") each side.
const RAMP = { width: 300, left: 20, right: 280, top: 16, bottom: 26 };

/**
 * The colour ramp legend (square-root scale, like the map), built once: the gradient never changes, only the
 * title and the ticks do. Plot.legend would paint a canvas and encode it as a PNG on every filter change.
 */
function rampLegend(interpolate: (t: number) => string): { element: SVGSVGElement; update(max: number, title: string, format: (n: number) => string): void } {
  const id = uid('map-ramp');
  const element = el('svg', { class: 'map-ramp', width: RAMP.width, height: 44, viewBox: `0 0 ${RAMP.width} 44` });
  const gradient = el('linearGradient', { id, x1: 0, x2: 1, y1: 0, y2: 0 });
  for (let i = 0; i <= 10; i++) gradient.append(el('stop', { offset: i / 10, 'stop-color': interpolate(0.12 + 0.088 * i) }));
  const title = el('text', { x: RAMP.left, y: 11, 'font-size': 11, 'font-weight': 600, fill: 'currentColor' });
  const ticks = el('g', { 'font-size': 10, fill: 'currentColor', 'text-anchor': 'middle' });
  element.append(el('defs'), title, el('rect', { x: RAMP.left, y: RAMP.top, width: RAMP.right - RAMP.left, height: RAMP.bottom - RAMP.top, fill: `url(#${id})` }), ticks);
  element.firstChild?.appendChild(gradient);
  return {
    element,
    update(max, text, format) {
      title.textContent = text;
      const x = scaleSqrt().domain([0, max]).range([RAMP.left, RAMP.right]);
      // The square-root scale crowds round ticks at the top end: keep those at least a label's width apart.
      const kept: number[] = [];
      for (const v of x.ticks(5)) if (kept.length === 0 || x(v) - x(kept[kept.length - 1] as number) >= 52) kept.push(v);
      ticks.replaceChildren(
        ...kept.flatMap((v) => [
          el('line', { x1: x(v), x2: x(v), y1: RAMP.top, y2: RAMP.bottom + 4, stroke: 'currentColor', 'stroke-opacity': 0.6 }),
          el('text', { x: x(v), y: 41 }, format(v)),
        ]),
      );
    },
  };
}

export interface Choropleth<T extends { state: string }> {
  /** Recolours the map for new figures; returns the element, or null when there is nothing to show. */
  update(data: MapData<T>): HTMLElement | null;
}

/**
 * Path data of a shape, made once for both maps (they share the frame). A tenth of a pixel is finer than the maps
 * are ever drawn, and shorter path text is quicker to build and for the browser to parse.
 */
const pathData = new WeakMap<CodedFeature, string>();
function pathOf(feature: CodedFeature, draw: (f: CodedFeature) => string | null): string {
  let d = pathData.get(feature);
  if (d === undefined) pathData.set(feature, (d = draw(feature) ?? ''));
  return d;
}

export function choropleth<T extends { state: string }>(shapes: Shapes, scheme: 'blues' | 'reds', label: string, tooltip: Tooltip): Choropleth<T> {
  const main = svg(FRAME.width, FRAME.height, label);
  const noData = new Map<SVGSVGElement, string>([[main, noDataPattern(main)]]);
  const hover = new Map<Element, string>();
  main.classList.add('map-main');
  const mainPath = geoPath().digits(1);
  const states = shapes.mainland.map((f) => shape(main, f, pathOf(f, mainPath)));
  const insets = shapes.territories.map((f) => {
    const box = svg(INSET.width, INSET.height, `${stateName(f.code)} (inset)`);
    noData.set(box, noDataPattern(box));
    const s = shape(box, f, pathOf(f, (t) => geoPath(geoMercator().fitExtent([[4, 4], [INSET.width - 4, INSET.height - 4]], t)).digits(1)(t)));
    const caption = h('figcaption', {});
    return { ...s, caption, element: h('figure', { class: 'territory-inset' }, box, caption) };
  });
  const interpolate = scheme === 'blues' ? interpolateBlues : interpolateReds;
  const ramp = rampLegend(interpolate);
  const legend = h('div', { class: 'map-legend' }, ramp.element, h('span', { class: 'map-legend-none' }, h('span', { class: 'swatch swatch-no-data' }), 'not in the selection'));
  const notes = h('div', { class: 'map-notes' });
  const element = h('div', { class: 'choropleth' }, legend, main, h('div', { class: 'territory-insets', role: 'group', 'aria-label': 'Territories' }, ...insets.map((i) => i.element)), notes);
  hoverMarks(element, tooltip, (mark) => hover.get(mark)?.split('\n'));

  return {
    update(data) {
      const placement = placeOnMap(data.totals, shapes.mainlandCodes, shapes.territories.map((t) => t.code));
      if (data.totals.length === 0) return null;
      const max = Math.max(0, ...data.totals.map(data.metric)) || 1;
      // Start the ramp a little in so the smallest figures stay distinguishable from "no data" grey.
      const colour = scaleSequentialSqrt((t: number) => interpolate(0.12 + 0.88 * t)).domain([0, max]);
      const paint = (s: Shape, total: T | null | undefined): void => {
        s.path.setAttribute('fill', total ? colour(data.metric(total)) : (noData.get(s.path.ownerSVGElement as SVGSVGElement) as string));
        hover.set(s.path, total ? data.describe(total) : `${stateName(s.code)}\nNo transfers in the selection`);
      };
      for (const s of states) paint(s, placement.mainland.get(s.code));
      for (const inset of insets) {
        const total = placement.territories.find((t) => t.code === inset.code)?.total;
        paint(inset, total);
        inset.caption.textContent = `${inset.code} ${total ? data.format(data.metric(total)) : '—'}`;
      }
      ramp.update(max, data.legend, data.format);
      withTable(element, {
        columns: [{ label: 'state', numeric: false }, { label: data.legend, numeric: true }, { label: 'details', numeric: false }],
        rows: data.totals.map((d) => [stateName(d.state), data.metric(d), data.describe(d).replace(/\n+/g, ' · ')]),
      });
      notes.replaceChildren(
        ...[
          placement.unplaced.length > 0 ? `Not on any map shape: ${placement.unplaced.map((d) => data.describe(d).replace(/\n/g, ' · ')).join('; ')}.` : null,
          data.unmeasured && data.unmeasured.length > 0 ? `No population figure for: ${data.unmeasured.map(stateName).join(', ')}.` : null,
        ]
          .filter((n): n is string => n !== null)
          .map((n) => h('p', { class: 'map-note' }, n)),
      );
      return element;
    },
  };
}
