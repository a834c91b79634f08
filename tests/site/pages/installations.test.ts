import { describe, expect, it } from 'vitest';
import { shapeInstallations } from '../../../src/site/assets/installations.js';
import type { CacheColumns } from '../../../src/site/caches.js';
import { decodeTable, encodeTable } from '../../../src/site/columnar.js';
import type { InstallationsMeta } from '../../../src/site/contracts/installations.js';
import { cacheRows, installationAssets } from '../../../src/site/pages/installations.js';
import { installationsFromTable } from '../../../site/pages/installations/installations.js';

type Column = 'Site Name' | 'COMPONENT' | 'Oper Stat' | 'State Terr' | 'Joint Base' | 'AREA' | 'PERIMETER' | 'Shape_Area' | 'Shape_Leng' | 'lat' | 'lon' | 'state_abbrev' | 'Geo Shape';

const square = JSON.stringify({
  type: 'Polygon',
  coordinates: [
    [
      [-66.1, 18.4],
      [-66.09, 18.4],
      [-66.09, 18.41],
      [-66.1, 18.41],
      [-66.1, 18.4],
    ],
  ],
});

// Three cache rows as hyparquet returns them: one in a territory with a footprint, one without a shape
// and an unknown state, one with an INT64 area (bigint).
const columns: CacheColumns<Column> = {
  'Site Name': ['Fort Buchanan', 'Camp Nowhere', 'Depot <b>X</b>'],
  COMPONENT: ['Army Reserve', 'Army Guard', 'WHS'],
  'Oper Stat': ['Active', 'Inactive', 'Active'],
  'State Terr': ['Puerto Rico', 'Atlantis', 'Virginia'],
  'Joint Base': ['Not Joint', 'Not Joint', 'Joint Base Myer-Henderson Hall'],
  AREA: [1.25, 0, 7n],
  PERIMETER: [4.5, 0, 12],
  Shape_Area: [null, null, 3.5],
  Shape_Leng: [null, null, 9n],
  lat: [18.41, 40, 38.88],
  lon: [-66.1, -100, -77.08],
  state_abbrev: ['PR', null, 'VA'],
  'Geo Shape': [square, null, null],
};

describe('installations page data', () => {
  it('turns cache columns into rows, numbers from bigint and nulls into blanks', () => {
    const rows = cacheRows(columns);
    expect(rows[2]).toMatchObject({ 'Site Name': 'Depot <b>X</b>', AREA: 7, state_abbrev: 'VA', 'Geo Shape': null });
    expect(rows[1]?.state_abbrev).toBeNull();
  });

  it('writes a columnar asset the page reads back row for row, and the footprints apart', () => {
    const shaped = shapeInstallations(cacheRows(columns));
    const [table, footprints] = installationAssets(shaped);
    if (table?.kind !== 'columnar' || footprints?.kind !== 'json') throw new Error('expected a columnar and a json asset');
    expect(footprints.preload).toBe(false);
    expect(footprints.value).toEqual(shaped.footprints);
    const decoded = decodeTable(encodeTable(table.columns, table.meta));
    expect(installationsFromTable(decoded)).toEqual(shaped.installations);
    expect(installationsFromTable(decoded).map((r) => [r.name, r.stateAbbrev, r.footprint, r.area])).toEqual([
      ['Fort Buchanan', 'PR', 0, 1.25],
      ['Camp Nowhere', '', -1, 0],
      ['Depot <b>X</b>', 'VA', -1, 7],
    ]);
    const meta = decoded.meta as InstallationsMeta;
    expect(meta).toMatchObject({ footprints: 1, verticesIn: 5, verticesOut: 5, warnings: [] });
    expect(meta.units.map((u) => u.field)).toEqual(['AREA', 'Shape_Area', 'PERIMETER', 'Shape_Leng']);
  });
});
