import { describe, expect, it } from 'vitest';
import { bases, parseGeoPoint } from '../../src/datasets/bases.js';
import { branchOf } from '../../src/datasets/lookups/branches.js';
import { buildFrom, tempDir, writeFiles } from '../support/fixtures.js';

const FILE = 'military_bases/military-bases.csv';
const HEADER = 'Geo Point;Geo Shape;OBJECTID_1;OBJECTID;COMPONENT;Site Name;Joint Base;State Terr;COUNTRY;Oper Stat;PERIMETER;AREA;Shape_Leng;Shape_Area\r\n';
const SHAPE = '"{""coordinates"": [[[-98.4, 29.4], [-98.3, 29.4], [-98.3, 29.5], [-98.4, 29.4]]], ""type"": ""Polygon""}"';

describe('bases ingest (D-2)', () => {
  it('reads the BOM + semicolon file, splits Geo Point, fills, and derives branch and state_abbrev', async () => {
    const root = await tempDir();
    await writeFiles(root, {
      [FILE]:
        '\uFEFF' +
        HEADER +
        `29.45, -98.35;${SHAPE};1;10;AF Active ;Randolph AFB;Joint Base San Antonio;Texas;United States;Active;12.5;3.25;0.1;0.001\r\n` +
        `13.5, 144.8;;2;11;Navy Active;;;Guam;United States;;abc;;;\r\n` +
        `;;3;12;Army Guard;Nowhere Armory;;Ohio;United States;Active;1;1;;\r\n` +
        `38.9, -77.0;;4;13;WHS;Pentagon;;District of Columbia;United States;Active;2;0.5;;\r\n` +
        `33.3, -117.3;;5;14;MC Reserve;Camp X;;Atlantis;United States;Inactive;4;2;;\r\n`,
    });
    const { outcome, rows } = await buildFrom(bases, root, [FILE]);
    expect(outcome.rows).toBe(4);
    expect(outcome.details).toMatchObject({ droppedRows: 1 });
    expect(outcome.warnings).toEqual([
      `${FILE}: PERIMETER: 1 non-numeric values set to 0 (line 3 "abc")`,
      `${FILE}: Geo Point: 1 rows without a usable "lat, lon" dropped (line 4 "")`,
      `${FILE}: State Terr: 1 names that are no US state or territory (kept as written, state_abbrev left empty) (line 6 "Atlantis")`,
    ]);
    const [tx, gu, dc, mc] = rows as Record<string, unknown>[] as [Record<string, unknown>, Record<string, unknown>, Record<string, unknown>, Record<string, unknown>];
    expect([tx.lat, tx.lon]).toEqual([29.45, -98.35]);
    expect(tx.COMPONENT).toBe('AF Active');
    expect(tx.branch).toBe('Air Force');
    expect(tx.state_abbrev).toBe('TX');
    expect(tx.AREA).toBe(3.25);
    expect(JSON.parse(tx['Geo Shape'] as string).type).toBe('Polygon');
    expect(gu['Site Name']).toBe('Unknown');
    expect(gu['Joint Base']).toBe('Not Joint');
    expect(gu['Oper Stat']).toBe('Unknown');
    expect(gu.PERIMETER).toBe(0);
    expect(gu.AREA).toBe(0);
    expect(gu.branch).toBe('Navy');
    expect(gu.state_abbrev).toBe('GU');
    expect(gu['Geo Shape']).toBeNull();
    expect(dc.branch).toBe('Other');
    expect(dc.state_abbrev).toBe('DC');
    expect(mc.branch).toBe('Marine Corps');
    expect(mc.state_abbrev).toBeNull();
  });

  it('drops a Geo Shape that is no usable polygon, keeps the installation and its point, and warns per kind with lines', async () => {
    const q = (json: string): string => `"${json.replaceAll('"', '""')}"`;
    const ring = '[[-98.4, 29.4], [-98.3, 29.4], [-98.3, 29.5], [-98.4, 29.4]]';
    const shapes = [
      q(`{"type": "Polygon", "coordinates": [${ring}]}`),
      q(`{"type": "MultiPolygon", "coordinates": [[${ring}], [${ring}]]}`),
      q('{"type": "Polygon", "coordinates": [[[-98.4, 29.4], [-98.3'),
      q(`{"type": "LineString", "coordinates": ${ring}}`),
      q(`{"type": "Point", "coordinates": [-98.4, 29.4]}`),
      q(`{"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [${ring}]}}`),
      q('{"type": "Polygon", "coordinates": [[[-98.4, 29.4], [-98.3, 29.4], [-98.4, 29.4]]]}'),
      q(`{"type": "MultiPolygon", "coordinates": [[${ring}], [[[1, 2], [1, 2]]]]}`),
      q('{"type": "Polygon", "coordinates": [[[-98.4, 29.4], [-98.3, 29.4], [-98.3, 29.5], [-98.4, 29.5]]]}'),
      q('{"type": "Polygon", "coordinates": [[[-98.4, 29.4], [-298.3, 29.4], [-98.3, 29.5], [-98.4, 29.4]]]}'),
      q('[1, 2]'),
      q('null'),
    ];
    const root = await tempDir();
    await writeFiles(root, { [FILE]: HEADER + shapes.map((shape, i) => `29.45, -98.35;${shape};${i};${i};Army Active;Site ${i};;Texas;United States;Active;1;1;;\r\n`).join('') });
    const { outcome, rows } = await buildFrom(bases, root, [FILE]);
    expect(outcome.rows).toBe(12);
    expect((rows as Record<string, unknown>[]).map((r) => r['Geo Shape'] !== null)).toEqual([true, true, false, false, false, false, false, false, false, false, false, false]);
    expect((rows as Record<string, unknown>[]).every((r) => r.lat === 29.45 && r.lon === -98.35)).toBe(true);
    const kinds = outcome.warnings.map((w) => w.replace(/^.*shapes dropped \((.*); the installation keeps its point\) \((.*)\)$/, '$1 @ $2').replace(/ "(?:[^"\\]|\\.)*"/g, ''));
    expect(kinds).toEqual([
      'not valid JSON @ line 4',
      'not a Polygon or MultiPolygon @ line 5, line 6, line 7, line 12, line 13',
      'a ring with fewer than 4 positions @ line 8, line 9',
      'a ring that is not closed @ line 10',
      'a position that is not [longitude, latitude] in range @ line 11',
    ]);
  });

  it('parses Geo Point strictly', () => {
    expect(parseGeoPoint('29.45, -98.35')).toEqual([29.45, -98.35]);
    expect(parseGeoPoint('29.45,-98.35')).toEqual([29.45, -98.35]);
    expect(parseGeoPoint('95, 10')).toBeNull();
    expect(parseGeoPoint('29.45')).toBeNull();
    expect(parseGeoPoint('a, b')).toBeNull();
    expect(parseGeoPoint(undefined)).toBeNull();
  });

  it('maps every real component code to its branch', () => {
    const codes = ['AF Active', 'AF Guard', 'AF Reserve', 'Army Active', 'Army Guard', 'Army Reserve', 'MC Active', 'MC Reserve', 'Navy Active', 'Navy Reserve', 'WHS'];
    expect(codes.map(branchOf)).toEqual([
      'Air Force',
      'Air Force',
      'Air Force',
      'Army',
      'Army',
      'Army',
      'Marine Corps',
      'Marine Corps',
      'Navy',
      'Navy',
      'Other',
    ]);
  });
});
