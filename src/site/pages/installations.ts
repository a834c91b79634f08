import { type BasesCacheRow, type ShapedInstallations, shapeInstallations } from '../assets/installations.js';
import type { CacheColumns } from '../caches.js';
import type { InstallationsMeta } from '../contracts/installations.js';
import type { ColumnInput } from '../columnar.js';
import { columnarAsset, jsonAsset, type DataAsset, type PageDefinition } from '../page.js';

const CACHE_COLUMNS = ['Site Name', 'COMPONENT', 'Oper Stat', 'State Terr', 'Joint Base', 'AREA', 'PERIMETER', 'Shape_Area', 'Shape_Leng', 'lat', 'lon', 'state_abbrev', 'Geo Shape'] as const;
type CacheColumn = (typeof CACHE_COLUMNS)[number];

/** Cache columns (as hyparquet gives them) → rows; numbers may come back as bigint from INT64 columns. */
export function cacheRows(columns: CacheColumns<CacheColumn>): BasesCacheRow[] {
  const text = (value: unknown): string => (value === null || value === undefined ? '' : String(value));
  const number = (value: unknown): number => (typeof value === 'bigint' ? Number(value) : typeof value === 'number' ? value : Number.NaN);
  return columns['Site Name'].map((name, i) => ({
    'Site Name': text(name),
    COMPONENT: text(columns.COMPONENT[i]),
    'Oper Stat': text(columns['Oper Stat'][i]),
    'State Terr': text(columns['State Terr'][i]),
    'Joint Base': text(columns['Joint Base'][i]),
    AREA: number(columns.AREA[i]),
    PERIMETER: number(columns.PERIMETER[i]),
    Shape_Area: columns.Shape_Area[i] === null ? null : number(columns.Shape_Area[i]),
    Shape_Leng: columns.Shape_Leng[i] === null ? null : number(columns.Shape_Leng[i]),
    lat: number(columns.lat[i]),
    lon: number(columns.lon[i]),
    state_abbrev: columns.state_abbrev[i] === null ? null : text(columns.state_abbrev[i]),
    'Geo Shape': columns['Geo Shape'][i] === null ? null : text(columns['Geo Shape'][i]),
  }));
}

/** The page's two assets: the rows (columnar, loaded first) and the footprints (fetched when first needed). */
export function installationAssets(shaped: ShapedInstallations): DataAsset[] {
  const rows = shaped.installations;
  const columns: ColumnInput[] = [
    { name: 'name', type: 'dict', values: rows.map((r) => r.name) },
    { name: 'component', type: 'dict', values: rows.map((r) => r.component) },
    { name: 'status', type: 'dict', values: rows.map((r) => r.status) },
    { name: 'state', type: 'dict', values: rows.map((r) => r.state) },
    { name: 'stateAbbrev', type: 'dict', values: rows.map((r) => r.stateAbbrev) },
    { name: 'joint', type: 'dict', values: rows.map((r) => r.joint) },
    { name: 'lat', type: 'float64', values: rows.map((r) => r.lat) },
    { name: 'lon', type: 'float64', values: rows.map((r) => r.lon) },
    { name: 'area', type: 'float64', values: rows.map((r) => r.area) },
    { name: 'perimeter', type: 'float64', values: rows.map((r) => r.perimeter) },
    { name: 'areaKm2', type: 'float64', values: rows.map((r) => r.areaKm2) },
    { name: 'perimeterKm', type: 'float64', values: rows.map((r) => r.perimeterKm) },
    { name: 'nearest', type: 'int32', values: rows.map((r) => r.nearest) },
    { name: 'nearestKm', type: 'float64', values: rows.map((r) => r.nearestKm) },
    { name: 'footprint', type: 'int32', values: rows.map((r) => r.footprint) },
  ];
  const meta: InstallationsMeta = { footprints: shaped.footprints.length, verticesIn: shaped.verticesIn, verticesOut: shaped.verticesOut, warnings: shaped.warnings, units: shaped.units };
  return [columnarAsset('installations', columns, meta), jsonAsset('footprints', shaped.footprints, { preload: false })];
}

export const installations: PageDefinition = {
  id: 'installations',
  title: 'Installations',
  summary: 'US military installations by service component, status and state, with their footprints.',
  guide: [
    'Filter by component, operational status, state or territory and joint base; the filters live in the URL.',
    'Maps of every installation coloured by component (hue = service, shade = Active / Guard / Reserve), territories in insets.',
    'Click an installation (map, scatter or sunburst) to see its footprint; zoom the map to see footprints in place.',
    'Status, component, state and joint-base breakdowns; footprint area (geodesic km² and acres) by component, and against the distance to the nearest other installation.',
    'Sunburst State → Component → Installation with drill-down, and one small map per component.',
    'Export the filtered installations as CSV.',
  ],
  caches: ['bases'],
  async data(context) {
    const columns = await context.caches.columns('bases', CACHE_COLUMNS);
    return installationAssets(shapeInstallations(cacheRows(columns)));
  },
};
