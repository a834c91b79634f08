import { BASES_FILE } from '../datasets/layout.js';
import { STATE_CODES, STATE_NAMES } from '../datasets/lookups/states.js';
import type { DemoOptions } from '../datasets/types.js';
import { csvLine, writeDemoFiles } from './files.js';
import { Random } from './random.js';

export const BASES_ROWS = 776;

const HEADER = ['Geo Point', 'Geo Shape', 'OBJECTID_1', 'OBJECTID', 'COMPONENT', 'Site Name', 'Joint Base', 'State Terr', 'COUNTRY', 'Oper Stat', 'PERIMETER', 'AREA', 'Shape_Leng', 'Shape_Area'];

// The real component codes and roughly their share of the 776 installations.
const COMPONENTS: ReadonlyArray<readonly [string, number]> = [
  ['Army Active', 92],
  ['Army Guard', 168],
  ['Army Reserve', 112],
  ['AF Active', 78],
  ['AF Guard', 90],
  ['AF Reserve', 30],
  ['Navy Active', 102],
  ['Navy Reserve', 42],
  ['MC Active', 28],
  ['MC Reserve', 18],
  ['WHS', 16],
];

const SITE_PATTERNS: Readonly<Record<string, readonly string[]>> = {
  'Army Active': ['Fort {}', 'Camp {}', '{} Army Depot', '{} Proving Ground'],
  'Army Guard': ['{} Armory', 'Camp {}', '{} Training Site', '{} Army Aviation Support Facility'],
  'Army Reserve': ['{} Army Reserve Center', '{} USARC', '{} Area Maintenance Support Activity'],
  'AF Active': ['{} Air Force Base', '{} Air Force Station', '{} Air Force Range'],
  'AF Guard': ['{} Air National Guard Base', '{} ANG Station', '{} Combat Readiness Training Center'],
  'AF Reserve': ['{} Air Reserve Base', '{} Air Reserve Station'],
  'Navy Active': ['Naval Station {}', 'Naval Air Station {}', 'Naval Support Activity {}', 'Naval Weapons Station {}'],
  'Navy Reserve': ['Navy Operational Support Center {}', 'Navy Reserve Center {}'],
  'MC Active': ['Marine Corps Base {}', 'Marine Corps Air Station {}', 'Marine Corps Logistics Base {}'],
  'MC Reserve': ['Marine Corps Reserve Center {}', 'Marine Corps Reserve Training Center {}'],
  WHS: ['{} Federal Center', 'Pentagon Reservation {}', '{} Defense Office Complex'],
};

const NAMES = [
  'Anderson', 'Bailey', 'Barrett', 'Benning', 'Blanding', 'Bragg', 'Buckley', 'Campbell', 'Carson', 'Chaffee', 'Cooper', 'Dix', 'Drum',
  'Edwards', 'Ellsworth', 'Gordon', 'Grafton', 'Grayling', 'Greely', 'Hale', 'Hood', 'Hunter', 'Irwin', 'Jackson', 'Keller', 'Knox',
  'Lee', 'Leonard', 'Lewis', 'Maxwell', 'McCoy', 'Meade', 'Miller', 'Moody', 'Moore', 'Nellis', 'Norton', 'Osborne', 'Pendleton',
  'Polk', 'Quantico', 'Riley', 'Ripley', 'Robins', 'Rucker', 'Shafter', 'Shelby', 'Sill', 'Stewart', 'Tyndall', 'Vance', 'Walker',
  'Warren', 'Whiteman', 'Wood', 'Yuma', 'Eagle Pass', 'Pine Bluff', 'Red Hill', 'Stone Creek', 'Cedar Ridge', 'Clear Lake',
  'Fox Hollow', 'Granite Falls', 'Iron Mountain', 'Maple Grove', 'Oak Harbor', 'Silver Springs', 'Twin Rivers', 'Willow Run',
];

const JOINT_BASES: Readonly<Record<string, string>> = {
  MD: 'Joint Base Andrews',
  TX: 'Joint Base San Antonio',
  GU: 'Joint Region Marianas',
  WA: 'Joint Base Lewis-McChord',
  NJ: 'Joint Base McGuire-Dix-Lakehurst',
  VA: 'Joint Base Langley-Eustis',
  HI: 'Joint Base Pearl Harbor-Hickam',
  AK: 'Joint Base Elmendorf-Richardson',
  DC: 'Joint Base Anacostia-Bolling',
  SC: 'Joint Base Charleston',
  NC: 'Joint Base Camp Lejeune-Cherry Point',
  FL: 'Joint Base Jacksonville-Mayport',
};

/** [lat, lon, half-height, half-width] in degrees: a box well inside each state or territory (Oahu, Saipan, St. Croix, Tutuila for the islands). */
const AREAS: Readonly<Record<string, readonly [number, number, number, number]>> = {
  AL: [32.8, -86.8, 1.2, 0.8], AK: [61.6, -149.5, 0.8, 2.0], AZ: [34.2, -111.7, 1.5, 1.5], AR: [34.9, -92.4, 1.0, 1.3],
  CA: [36.5, -119.5, 1.5, 1.2], CO: [39.0, -105.5, 1.3, 2.4], CT: [41.6, -72.7, 0.25, 0.6], DE: [39.0, -75.55, 0.3, 0.1],
  DC: [38.9, -77.02, 0.03, 0.03], FL: [28.3, -81.7, 1.2, 0.6], GA: [32.7, -83.4, 1.2, 1.0], HI: [21.45, -157.98, 0.08, 0.1],
  ID: [43.8, -114.9, 1.0, 1.4], IL: [40.0, -89.2, 1.5, 0.8], IN: [39.9, -86.3, 1.2, 0.8], IA: [42.0, -93.5, 0.9, 2.5],
  KS: [38.5, -98.4, 0.9, 3.0], KY: [37.5, -85.5, 0.5, 2.0], LA: [31.0, -92.2, 0.7, 1.0], ME: [45.2, -69.2, 1.0, 0.8],
  MD: [39.3, -76.8, 0.25, 0.6], MA: [42.35, -71.9, 0.2, 0.8], MI: [43.2, -84.6, 1.0, 0.9], MN: [45.8, -94.3, 1.5, 1.5],
  MS: [32.7, -89.7, 1.3, 0.7], MO: [38.4, -92.5, 1.0, 1.6], MT: [47.0, -109.6, 1.3, 4.5], NE: [41.5, -99.8, 0.8, 3.5],
  NV: [39.3, -116.6, 1.8, 1.2], NH: [43.5, -71.6, 0.6, 0.3], NJ: [40.2, -74.6, 0.5, 0.3], NM: [34.4, -106.1, 1.8, 1.8],
  NY: [42.8, -75.5, 0.7, 2.0], NC: [35.6, -79.4, 0.5, 2.5], ND: [47.5, -100.5, 0.8, 3.0], OH: [40.3, -82.8, 1.0, 1.3],
  OK: [35.4, -97.3, 0.8, 2.2], OR: [44.0, -120.5, 1.2, 2.2], PA: [40.9, -77.8, 0.6, 2.0], RI: [41.7, -71.5, 0.1, 0.07],
  SC: [33.9, -80.9, 0.7, 1.0], SD: [44.4, -100.2, 1.0, 2.8], TN: [35.85, -86.4, 0.45, 2.5], TX: [31.1, -99.3, 2.5, 3.0],
  UT: [39.3, -111.7, 1.5, 1.2], VT: [44.0, -72.7, 0.6, 0.3], VA: [37.5, -78.7, 0.4, 1.6], WA: [47.4, -120.5, 0.8, 1.8],
  WV: [38.6, -80.6, 0.5, 0.8], WI: [44.6, -89.9, 1.3, 1.2], WY: [43.0, -107.5, 1.5, 2.5], PR: [18.22, -66.45, 0.08, 0.4],
  GU: [13.45, 144.78, 0.05, 0.04], VI: [17.73, -64.78, 0.02, 0.1], AS: [-14.3, -170.72, 0.01, 0.04], MP: [15.19, 145.75, 0.03, 0.02],
};

// Installations per state follow the real concentration (many in TX, CA, VA, …), with every state and territory present.
const BIG: Readonly<Record<string, number>> = { TX: 6, CA: 7, VA: 5, FL: 4, NC: 3, GA: 3, NY: 3, PA: 3, WA: 3, MD: 3, HI: 2, OH: 2, IL: 2, AL: 2, SC: 2, CO: 2, AZ: 2, OK: 2 };

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** A closed ring of `n` vertices around (lon, lat) with a wobbly radius: a small, irregular footprint. */
function ring(rng: Random, lat: number, lon: number, radiusDeg: number, n: number): number[][] {
  const points: number[][] = [];
  const kx = 1 / Math.max(0.2, Math.cos((lat * Math.PI) / 180));
  const phase = rng.uniform(0, Math.PI * 2);
  const wobble = rng.uniform(0.05, 0.3);
  for (let i = 0; i < n; i++) {
    const a = (i / n) * Math.PI * 2;
    const r = radiusDeg * (1 + wobble * Math.sin(3 * a + phase) + rng.uniform(-0.03, 0.03));
    points.push([round(lon + r * Math.cos(a) * kx, 12), round(lat + r * Math.sin(a), 12)]);
  }
  points.push(points[0] as number[]);
  return points;
}

function polygonArea(points: number[][]): number {
  let s = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const [x1, y1] = points[i] as [number, number];
    const [x2, y2] = points[i + 1] as [number, number];
    s += x1 * y2 - x2 * y1;
  }
  return Math.abs(s) / 2;
}

function ringLength(points: number[][]): number {
  let s = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const [x1, y1] = points[i] as [number, number];
    const [x2, y2] = points[i + 1] as [number, number];
    s += Math.hypot(x2 - x1, y2 - y1);
  }
  return s;
}

/**
 * The Kaggle `military-bases.csv`: semicolon-delimited, UTF-8 with a BOM, GeoJSON footprints quoted with doubled quotes.
 * `full` draws detailed outlines (hundreds to tens of thousands of vertices) so the file reaches the real ~27 MB.
 */
export function basesDemoCsv(options: Pick<DemoOptions, 'scale' | 'seed'>): string {
  const rng = Random.derive(options.seed, 'bases');
  const states = [...STATE_CODES];
  const stateWeights = states.map((c) => BIG[c] ?? 1);
  const componentWeights = COMPONENTS.map((c) => c[1]);
  const objectIds = rng.shuffle(Array.from({ length: BASES_ROWS }, (_, i) => 1000 + i * 3 + rng.int(0, 2)));
  const usedNames = new Set<string>();
  const jointUsed = new Map<string, number>();
  const lines = ['\uFEFF' + csvLine(HEADER, ';')];
  for (let i = 0; i < BASES_ROWS; i++) {
    const code = (i < states.length ? states[i] : states[rng.weightedIndex(stateWeights)]) as string;
    const component = (COMPONENTS[rng.weightedIndex(componentWeights)] as readonly [string, number])[0];
    let site = '';
    for (let tries = 0; tries < 50 && (site === '' || usedNames.has(site)); tries++) {
      site = rng.pick(SITE_PATTERNS[component] as readonly string[]).replace('{}', rng.pick(NAMES));
    }
    if (usedNames.has(site)) site = `${site} ${i}`;
    usedNames.add(site);
    const [cLat, cLon, dLat, dLon] = AREAS[code] as readonly [number, number, number, number];
    const lat = cLat + rng.uniform(-0.9, 0.9) * dLat;
    const lon = cLon + rng.uniform(-0.9, 0.9) * dLon;
    // AREA in square miles, heavy-tailed: most sites are a few acres, a few ranges cover hundreds of square miles.
    const area = round(Math.min(3500, rng.logNormal(-1.2, 2.0)), 6);
    const radiusDeg = Math.min(Math.sqrt(area / Math.PI) / 69, 0.4 * Math.min(dLat, dLon) + 0.002);
    const vertices = options.scale === 'full' ? Math.min(60_000, Math.max(40, Math.round(rng.logNormal(6.3, 1.15)))) : rng.int(8, 28);
    const outline = ring(rng, lat, lon, radiusDeg, vertices);
    const shape = JSON.stringify({ coordinates: [outline], type: 'Polygon' }).replaceAll(',', ', ').replaceAll(':', ': ');
    const perimeter = round(2 * Math.sqrt(Math.PI * area) * rng.uniform(1.05, 1.6), 6);
    const jointName = JOINT_BASES[code];
    const joint = jointName !== undefined && (jointUsed.get(code) ?? 0) < 3 && rng.chance(0.5) ? jointName : '';
    if (joint !== '') jointUsed.set(code, (jointUsed.get(code) ?? 0) + 1);
    lines.push(
      csvLine(
        [
          `${round(lat, 9)}, ${round(lon, 9)}`,
          shape,
          i + 1,
          objectIds[i] as number,
          component,
          site,
          joint,
          STATE_NAMES[code] as string,
          'United States',
          rng.chance(0.9) ? 'Active' : 'Inactive',
          perimeter,
          area,
          round(ringLength(outline), 12),
          round(polygonArea(outline), 15),
        ],
        ';',
      ),
    );
  }
  return lines.join('');
}

export async function writeBasesDemo(datasetsDir: string, options: DemoOptions): Promise<string[]> {
  return writeDemoFiles(datasetsDir, [{ relative: BASES_FILE, content: basesDemoCsv(options) }], options.force);
}
