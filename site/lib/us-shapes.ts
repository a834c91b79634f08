/**
 * State shapes from us-atlas, bundled (no network at view time): the 50 states and DC pre-projected to Albers USA
 * (Alaska and Hawaii inset by us-atlas), and the five territories in longitude/latitude for insets of their own.
 * Pre-projected shapes draw without spherical clipping and resampling: a map of the 10m states projected in the
 * browser cost ~150 ms before its first path.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import albersJson from 'us-atlas/states-albers-10m.json' with { type: 'json' };
import lonLatJson from 'us-atlas/states-10m.json' with { type: 'json' };
import { stateCodeOf, TERRITORY_CODES } from '../../src/datasets/lookups/states.js';

export type CodedFeature = Feature<Geometry, { name: string }> & { code: string };

export interface Shapes {
  /** The outline the main map is fitted to. */
  readonly nation: Feature | FeatureCollection;
  readonly mainland: readonly CodedFeature[];
  readonly territories: readonly CodedFeature[];
  readonly mainlandCodes: ReadonlySet<string>;
}

/** The projection us-atlas applied to its Albers files (975 × 610): the same one places points and lon/lat shapes. */
export const ATLAS_ALBERS = { scale: 1300, translate: [487.5, 305] } as const;

type StatesTopology = Topology<{ states: GeometryCollection<{ name: string }>; nation: GeometryCollection }>;

function coded(topology: StatesTopology): CodedFeature[] {
  return feature(topology, topology.objects.states).features.flatMap((f) => {
    const code = stateCodeOf(f.properties.name);
    return code === null ? [] : [{ ...f, code }];
  });
}

let cache: Shapes | undefined;

export function loadShapes(): Shapes {
  if (cache) return cache;
  const albers = albersJson as unknown as StatesTopology;
  const lonLat = lonLatJson as unknown as StatesTopology;
  const mainland = coded(albers);
  const territories = coded(lonLat).filter((f) => TERRITORY_CODES.includes(f.code));
  cache = { nation: feature(albers, albers.objects.nation), mainland, territories, mainlandCodes: new Set(mainland.map((f) => f.code)) };
  return cache;
}
