import { geoAlbersUsa, geoMercator, geoPath, type GeoPermissibleObjects, type GeoProjection, type Selection } from 'd3';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import statesTopology from 'us-atlas/states-10m.json' with { type: 'json' };
import { stateCodeOf } from '../../src/datasets/lookups/states.js';

/**
 * The United States with its territories. d3's Albers USA draws the 50 states and DC (Alaska and Hawaii as
 * insets) and returns null for everything else, which is how the original's USA-scope maps lost Puerto Rico,
 * Guam and the rest (inventory §8.11). Here each territory gets its own Mercator inset in a row under the
 * main map, and every shape and point is routed to the projection of its state or territory code.
 */

/** State borders: readable on both the light and the dark theme. */
const BORDER = 'rgba(148, 163, 184, 0.45)';

export type StateFeature = Feature<Geometry, { name: string; code: string | null }>;

interface InsetSpec {
  label: string;
  /** For insets too narrow for the label. */
  short: string;
  codes: readonly string[];
  /** [[west, south], [east, north]] of the points that belong in this inset. */
  bounds: [[number, number], [number, number]];
}

const INSETS: readonly InsetSpec[] = [
  { label: 'Puerto Rico & U.S. Virgin Is.', short: 'PR & VI', codes: ['PR', 'VI'], bounds: [[-68.5, 17.3], [-64.2, 19]] },
  { label: 'Guam', short: 'Guam', codes: ['GU'], bounds: [[144.4, 13], [145.2, 13.9]] },
  { label: 'N. Mariana Is.', short: 'N. Mariana', codes: ['MP'], bounds: [[144.9, 14], [146.3, 20.6]] },
  { label: 'American Samoa', short: 'Am. Samoa', codes: ['AS'], bounds: [[-171.2, -14.7], [-168, -11]] },
];

export const STATE_FEATURES: readonly StateFeature[] = (() => {
  const topology = statesTopology as unknown as Topology<{ states: GeometryCollection<{ name: string }> }>;
  const collection = feature(topology, topology.objects.states) as FeatureCollection<Geometry, { name: string }>;
  return collection.features.map((f) => ({ ...f, properties: { name: f.properties.name, code: stateCodeOf(f.properties.name) } }));
})();

export interface Inset {
  label: string;
  codes: readonly string[];
  /** [[x0, y0], [x1, y1]] in SVG pixels. */
  box: [[number, number], [number, number]];
  projection: GeoProjection;
}

export interface UsMap {
  width: number;
  height: number;
  insets: Inset[];
  /** SVG position of a point, from its code when known, else from where it lies; null when off every panel. */
  project(lon: number, lat: number, code?: string | null): [number, number] | null;
  /** SVG path data of a shape that belongs to `code` (a state or territory). */
  path(shape: GeoPermissibleObjects, code: string | null): string;
}

const inBounds = (spec: InsetSpec, lon: number, lat: number): boolean =>
  lon >= spec.bounds[0][0] && lon <= spec.bounds[1][0] && lat >= spec.bounds[0][1] && lat <= spec.bounds[1][1];

/**
 * Lays out the map in width × height: the states in the top ~84 %, the territory insets in a row beneath
 * (right-aligned, since Alaska and Hawaii take the bottom left of Albers USA). `compact` drops the inset
 * labels for small multiples.
 */
export function usMap(width: number, height: number, options: { compact?: boolean } = {}): UsMap {
  const insetHeight = Math.max(28, Math.round(height * 0.16));
  const gap = options.compact ? 2 : 6;
  const main = geoAlbersUsa();
  const states: FeatureCollection = { type: 'FeatureCollection', features: STATE_FEATURES.filter((f) => !INSETS.some((i) => i.codes.includes(f.properties.code ?? ''))) };
  main.fitExtent(
    [
      [2, 2],
      [width - 2, height - insetHeight - gap],
    ],
    states,
  );
  const rowWidth = Math.min(width, Math.max(width * 0.6, insetHeight * 4 * 1.6));
  const insetWidth = (rowWidth - gap * (INSETS.length - 1)) / INSETS.length;
  const labelSpace = options.compact ? 2 : 16;
  const insets: Inset[] = INSETS.map((spec, i) => {
    const x0 = width - rowWidth + i * (insetWidth + gap);
    const y0 = height - insetHeight;
    const box: Inset['box'] = [
      [x0, y0],
      [x0 + insetWidth, height],
    ];
    const shapes: FeatureCollection = { type: 'FeatureCollection', features: STATE_FEATURES.filter((f) => spec.codes.includes(f.properties.code ?? '')) };
    const projection = geoMercator().fitExtent(
      [
        [x0 + 4, y0 + labelSpace],
        [x0 + insetWidth - 4, height - 4],
      ],
      shapes,
    );
    projection.clipExtent(box);
    // ~6 px per character at the 10 px label size.
    return { label: spec.label.length * 6 + 8 <= insetWidth ? spec.label : spec.short, codes: spec.codes, box, projection };
  });
  const insetFor = (code: string | null | undefined, lon?: number, lat?: number): Inset | undefined =>
    insets.find((inset, i) => (code ? inset.codes.includes(code) : lon !== undefined && lat !== undefined && inBounds(INSETS[i] as InsetSpec, lon, lat)));
  const mainPath = geoPath(main);
  return {
    width,
    height,
    insets,
    project(lon, lat, code) {
      const inset = insetFor(code) ?? (code ? undefined : insetFor(null, lon, lat));
      const xy = (inset?.projection ?? main)([lon, lat]);
      return xy ? [xy[0], xy[1]] : null;
    },
    path(shape, code) {
      const inset = insetFor(code);
      return (inset ? geoPath(inset.projection) : mainPath)(shape) ?? '';
    },
  };
}

/** States and territories (filled by `fill`, or in the theme's land colour for null), and the inset frames with their labels. */
export function drawLand(layer: Selection<SVGGElement, undefined, null, undefined>, map: UsMap, fill: (code: string | null) => string | null, compact = false): void {
  layer
    .selectAll('path.state')
    .data(STATE_FEATURES)
    .join('path')
    .attr('class', (f) => (fill(f.properties.code) === null ? 'state inst-land' : 'state'))
    .attr('d', (f) => map.path(f, f.properties.code))
    .attr('fill', (f) => fill(f.properties.code))
    .attr('stroke', BORDER)
    .attr('stroke-width', 0.5)
    .attr('vector-effect', 'non-scaling-stroke');
  const frames = layer.selectAll('g.inset').data(map.insets).join('g').attr('class', 'inset');
  frames
    .append('rect')
    .attr('x', (d) => d.box[0][0])
    .attr('y', (d) => d.box[0][1])
    .attr('width', (d) => d.box[1][0] - d.box[0][0])
    .attr('height', (d) => d.box[1][1] - d.box[0][1])
    .attr('fill', 'none')
    .attr('stroke', BORDER)
    .attr('vector-effect', 'non-scaling-stroke');
  if (!compact) {
    frames
      .append('text')
      .attr('x', (d) => d.box[0][0] + 4)
      .attr('y', (d) => d.box[0][1] + 11)
      .attr('fill', 'currentColor')
      .attr('font-size', 10)
      .attr('opacity', 0.8)
      .text((d) => d.label);
  }
}
