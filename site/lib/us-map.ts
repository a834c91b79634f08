import { geoAlbersUsa, geoIdentity, geoMercator, geoPath, type GeoPermissibleObjects, type GeoProjection, type Selection } from 'd3';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { chartTextWidth, fitLabel } from './chart-layout.js';
import { ATLAS_ALBERS, loadShapes, type CodedFeature } from './us-shapes.js';

/**
 * The United States with its territories. d3's Albers USA draws the 50 states and DC (Alaska and Hawaii as
 * insets) and returns null for everything else, which is how the original's USA-scope maps lost Puerto Rico,
 * Guam and the rest (inventory §8.11). Here each territory gets its own Mercator inset in a row under the
 * main map, and every shape and point is routed to the projection of its state or territory code.
 *
 * The states are us-atlas's pre-projected Albers shapes, scaled to the map; points and longitude/latitude shapes
 * (footprints) go through Albers USA scaled the same way, so both line up.
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

const asState = (f: CodedFeature): StateFeature => ({ type: 'Feature', geometry: f.geometry, properties: { name: f.properties.name, code: f.code } });

const SHAPES = loadShapes();

/** The states and DC in Albers pixels (975 × 610), then the territories in longitude/latitude. */
export const STATE_FEATURES: readonly StateFeature[] = [...SHAPES.mainland.map(asState), ...SHAPES.territories.map(asState)];
let mainlandBounds: [[number, number], [number, number]] | undefined;

/** Inset labels are small: the frames are a fifth of the map's width. */
const INSET_FONT_PX = 10;

export interface Inset {
  label: string;
  /** The territory's full name (the <title> of a shortened label). */
  fullLabel: string;
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
  /** SVG path data of a longitude/latitude shape that belongs to `code` (a state or territory). */
  path(shape: GeoPermissibleObjects, code: string | null): string;
  /** SVG path data of one of STATE_FEATURES. */
  landPath(state: StateFeature): string;
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
  // Fitted as d3's fitExtent would, from the bounds of the pre-projected states (computed once a page).
  const [[bx0, by0], [bx1, by1]] = (mainlandBounds ??= geoPath().bounds(SHAPES.nation) as [[number, number], [number, number]]);
  const fitWidth = width - 4;
  const fitHeight = height - insetHeight - gap - 2;
  const k = Math.min(fitWidth / (bx1 - bx0), fitHeight / (by1 - by0));
  const tx = 2 + (fitWidth - k * (bx1 + bx0)) / 2;
  const ty = 2 + (fitHeight - k * (by1 + by0)) / 2;
  const main = geoAlbersUsa()
    .scale(ATLAS_ALBERS.scale * k)
    .translate([ATLAS_ALBERS.translate[0] * k + tx, ATLAS_ALBERS.translate[1] * k + ty]);
  // A tenth of a pixel: finer than any map here is drawn, and shorter path text to build and parse.
  const planarPath = geoPath(geoIdentity().scale(k).translate([tx, ty])).digits(1);
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
    // The full name if it fits the frame at the 10 px label size, else the short one, cut to fit if need be.
    const room = insetWidth - 8;
    const fits = (text: string): boolean => chartTextWidth(text, INSET_FONT_PX) <= room;
    const label = fits(spec.label) ? spec.label : fitLabel(spec.short, room, (t) => chartTextWidth(t, INSET_FONT_PX));
    return { label, fullLabel: spec.label, codes: spec.codes, box, projection };
  });
  const insetFor = (code: string | null | undefined, lon?: number, lat?: number): Inset | undefined =>
    insets.find((inset, i) => (code ? inset.codes.includes(code) : lon !== undefined && lat !== undefined && inBounds(INSETS[i] as InsetSpec, lon, lat)));
  const mainPath = geoPath(main);
  const path = (shape: GeoPermissibleObjects, code: string | null): string => {
    const inset = insetFor(code);
    return (inset ? geoPath(inset.projection) : mainPath)(shape) ?? '';
  };
  return {
    width,
    height,
    insets,
    project(lon, lat, code) {
      const inset = insetFor(code) ?? (code ? undefined : insetFor(null, lon, lat));
      const xy = (inset?.projection ?? main)([lon, lat]);
      return xy ? [xy[0], xy[1]] : null;
    },
    path,
    landPath(state) {
      const code = state.properties.code;
      return code !== null && SHAPES.mainlandCodes.has(code) ? (planarPath(state) ?? '') : path(state, code);
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
    .attr('d', (f) => map.landPath(f))
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
      .attr('font-size', INSET_FONT_PX)
      .attr('opacity', 0.8)
      .text((d) => d.label)
      .filter((d) => d.label !== d.fullLabel)
      .append('title')
      .text((d) => d.fullLabel);
  }
}
