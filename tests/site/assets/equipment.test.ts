import { describe, expect, it } from 'vitest';
import { shapeEquipmentAsset, shipDay } from '../../../src/site/assets/equipment.js';

describe('shipDay', () => {
  it('reads Date objects, ISO strings and epoch milliseconds as UTC days', () => {
    expect(shipDay(new Date(Date.UTC(2014, 0, 31, 23, 59)))).toBe('2014-01-31');
    expect(shipDay('2009-06-01 00:00:00.000')).toBe('2009-06-01');
    expect(shipDay(BigInt(Date.UTC(1999, 11, 31)))).toBe('1999-12-31');
  });
  it('gives null for missing or unreadable dates', () => {
    expect([shipDay(null), shipDay(undefined), shipDay(''), shipDay('not a date')]).toEqual([null, null, null, null]);
  });
});

describe('shapeEquipmentAsset', () => {
  const row = (state: string, agency: string, day: string | null, quantity: unknown, value: unknown) => ({
    State: state, 'Agency Name': agency, NSN: '1005-01', 'Item Name': 'RIFLE', Quantity: quantity, UI: 'Each',
    'Acquisition Value': value, 'DEMIL Code': 'D', 'DEMIL IC': null, 'Ship Date': day, 'Station Type': 'State', Year: null, Category: 'Weapons & Firearms',
  });
  const rows = [
    row('TX', 'B', '2010-01-02', 3, 10.5),
    row('CA', 'Z', null, 7n, 2n),
    row('CA', 'Z', '2001-05-05', 1, 'bad'),
    row('CA', 'A', '2012-01-01', null, 1),
  ];
  const columns = shapeEquipmentAsset(Object.fromEntries(Object.keys(rows[0]!).map((k) => [k, rows.map((r) => r[k as keyof typeof r])])));
  const col = (name: string) => columns.find((c) => c.name === name)?.values;

  it('sorts by state, agency and day, undated last', () => {
    expect(col('State')).toEqual(['CA', 'CA', 'CA', 'TX']);
    expect(col('Agency Name')).toEqual(['A', 'Z', 'Z', 'B']);
    expect(col('Ship Date')).toEqual(['2012-01-01', '2001-05-05', null, '2010-01-02']);
  });
  it('turns bigint and unreadable numbers into numbers and 0', () => {
    expect(col('Quantity')).toEqual([0, 1, 7, 3]);
    expect(col('Acquisition Value')).toEqual([1, 0, 2, 10.5]);
  });
  it('names a missing cache column', () => {
    expect(() => shapeEquipmentAsset({ State: ['CA'] })).toThrow('equipment asset: the cache has no column "Agency Name"');
  });
  it('keeps every cache column the CSV export needs except Year, which the page derives', () => {
    expect(columns.map((c) => c.name)).toEqual(['State', 'Agency Name', 'NSN', 'Item Name', 'Quantity', 'UI', 'Acquisition Value', 'DEMIL Code', 'DEMIL IC', 'Ship Date', 'Station Type', 'Category']);
  });
});
