import { describe, expect, it } from 'vitest';
import { applyFilters, EXPORT_HEADER, exportRow, filterOptions, type Installation, NO_FILTERS, selectionKeys } from '../../../../site/pages/installations/installations.js';
import { FIXTURE } from './fixture.js';

describe('applyFilters', () => {
  it('keeps everything when no filter is set', () => {
    expect(applyFilters(FIXTURE, NO_FILTERS)).toHaveLength(14);
  });

  it('intersects the four filters, each a multi-select', () => {
    const names = (filters: Partial<typeof NO_FILTERS>): string[] => applyFilters(FIXTURE, { ...NO_FILTERS, ...filters }).map((row) => row.name);
    expect(names({ components: ['AF Active'], states: ['Texas'] })).toEqual(['Randolph', 'Lackland']);
    expect(names({ statuses: ['Inactive'] })).toEqual(['Fort Sam Houston', 'Lemoore']);
    expect(names({ joints: ['Joint Region Marianas'], components: ['Navy Active', 'AF Active'] })).toEqual(['Andersen', 'Apra Harbor']);
    expect(names({ states: ['Guam', 'Puerto Rico'] })).toEqual(['Andersen', 'Apra Harbor', 'Fort Buchanan']);
    expect(names({ states: ['Guam'], statuses: ['Inactive'] })).toEqual([]);
  });
});

describe('filterOptions', () => {
  it('lists every value once, components in legend order, the rest alphabetically', () => {
    const options = filterOptions(FIXTURE);
    expect(options.states).toEqual(['California', 'Guam', 'Puerto Rico', 'Texas', 'Virginia']);
    expect(options.statuses).toEqual(['Active', 'Inactive', 'Unknown']);
    expect(options.joints).toEqual(['Joint Base San Antonio', 'Joint Region Marianas', 'Not Joint']);
    expect(options.components).toEqual(['AF Active', 'Army Active', 'Army Guard', 'Army Reserve', 'MC Active', 'Navy Active', 'Navy Reserve', 'WHS', 'DLA']);
  });
});

describe('exportRow', () => {
  it('lines up with the dataset column names and leaves the polygon out', () => {
    const row = exportRow(FIXTURE[0] as Installation);
    expect(Object.fromEntries(EXPORT_HEADER.map((name, i) => [name, row[i]]))).toEqual({
      'Site Name': 'Fort Alpha',
      COMPONENT: 'Army Active',
      'Oper Stat': 'Active',
      'State Terr': 'Texas',
      state_abbrev: 'TX',
      'Joint Base': 'Not Joint',
      lat: 20,
      lon: -100,
      AREA: 100,
      PERIMETER: 40,
      footprint_km2: 100,
      footprint_acres: expect.closeTo(24_710.538, 3) as number,
      footprint_perimeter_km: 40,
      nearest_km: 150,
    });
    // No footprint: blank measures, never 0 or NaN.
    expect(exportRow(FIXTURE[7] as Installation).slice(10)).toEqual(['', '', '', 150]);
  });
});

describe('selectionKeys', () => {
  it('names an installation by its name, and the later ones sharing a name by "name #k" in dataset order', () => {
    const rows = [{ name: 'Fort A' }, { name: 'Unknown' }, { name: 'Camp B' }, { name: 'Unknown' }, { name: 'Unknown' }];
    expect(selectionKeys(rows)).toEqual(['Fort A', 'Unknown', 'Camp B', 'Unknown #2', 'Unknown #3']);
  });
  it('never reuses a real name as a generated key', () => {
    expect(selectionKeys([{ name: 'Depot' }, { name: 'Depot #2' }, { name: 'Depot' }])).toEqual(['Depot', 'Depot #2', 'Depot #3']);
  });
});
