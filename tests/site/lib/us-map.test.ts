import type { FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import lonLatJson from 'us-atlas/states-10m.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import { STATE_FEATURES, usMap } from '../../../site/lib/us-map.js';

type Box = [number, number, number, number];

/** Bounding box of SVG path data made of absolute M/L commands (what d3's geoPath writes). */
function box(d: string): Box {
  const n = (d.match(/-?\d+(?:\.\d+)?(?:e-?\d+)?/g) ?? []).map(Number);
  const xs = n.filter((_, i) => i % 2 === 0);
  const ys = n.filter((_, i) => i % 2 === 1);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

const topology = lonLatJson as unknown as Topology<{ states: GeometryCollection<{ name: string }> }>;
const lonLat = new Map((feature(topology, topology.objects.states) as FeatureCollection<Geometry, { name: string }>).features.map((f) => [f.properties.name, f]));

describe('usMap', () => {
  const map = usMap(975, 700);

  it('has every state, DC and the five territories, each with its code', () => {
    expect(STATE_FEATURES).toHaveLength(56);
    expect(new Set(STATE_FEATURES.map((f) => f.properties.code)).size).toBe(56);
    expect(STATE_FEATURES.filter((f) => ['PR', 'VI', 'GU', 'MP', 'AS'].includes(f.properties.code ?? ''))).toHaveLength(5);
  });

  it('draws the pre-projected states where Albers USA puts their longitude/latitude shapes (points and footprints line up)', () => {
    for (const state of STATE_FEATURES) {
      const code = state.properties.code;
      const source = lonLat.get(state.properties.name);
      expect(source, state.properties.name).toBeDefined();
      const drawn = box(map.landPath(state));
      const projected = box(map.path(source!, code));
      // Different simplifications of the same boundary: the boxes agree to a pixel or two.
      for (let i = 0; i < 4; i++) expect(Math.abs((drawn[i] as number) - (projected[i] as number)), `${code} edge ${i}`).toBeLessThan(2.5);
    }
  });

  it('fits the states inside the map above the inset row, centred', () => {
    const all = STATE_FEATURES.filter((f) => !['PR', 'VI', 'GU', 'MP', 'AS'].includes(f.properties.code ?? '')).map((f) => box(map.landPath(f)));
    const [x0, y0, x1, y1] = [Math.min(...all.map((b) => b[0])), Math.min(...all.map((b) => b[1])), Math.max(...all.map((b) => b[2])), Math.max(...all.map((b) => b[3]))];
    const insetTop = Math.min(...map.insets.map((i) => i.box[0][1]));
    expect(x0).toBeGreaterThanOrEqual(1.9);
    expect(x1).toBeLessThanOrEqual(975 - 1.9);
    expect(y0).toBeGreaterThanOrEqual(1.9);
    expect(y1).toBeLessThanOrEqual(insetTop);
    // Width-bound here: the shapes span the whole width.
    expect(x1 - x0).toBeCloseTo(971, 0);
  });

  it('places a point by its code: Washington DC inside DC, San Juan in the Puerto Rico inset', () => {
    const dc = box(map.landPath(STATE_FEATURES.find((f) => f.properties.code === 'DC')!));
    const [x, y] = map.project(-77.0369, 38.9072, 'DC')!;
    expect(x).toBeGreaterThanOrEqual(dc[0] - 1);
    expect(x).toBeLessThanOrEqual(dc[2] + 1);
    expect(y).toBeGreaterThanOrEqual(dc[1] - 1);
    expect(y).toBeLessThanOrEqual(dc[3] + 1);
    const pr = map.insets.find((i) => i.codes.includes('PR'))!;
    const [px, py] = map.project(-66.1057, 18.4655, 'PR')!;
    expect(px).toBeGreaterThan(pr.box[0][0]);
    expect(px).toBeLessThan(pr.box[1][0]);
    expect(py).toBeGreaterThan(pr.box[0][1]);
    expect(py).toBeLessThan(pr.box[1][1]);
  });
});
