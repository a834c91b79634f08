import { describe, expect, it } from 'vitest';
import { formatNsn, shapeEquipmentAsset, shipDay, splitEquipmentAsset, type CacheColumns } from '../../../src/site/assets/equipment.js';

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
  it('turns bigint and unreadable numbers into numbers and 0; whole cents travel as cents', () => {
    expect(col('Quantity')).toEqual([0, 1, 7, 3]);
    expect(col('Acquisition Value (cents)')).toEqual([100, 0, 200, 1050]);
  });
  it('names a missing cache column', () => {
    expect(() => shapeEquipmentAsset({ State: ['CA'] })).toThrow('equipment asset: the cache has no column "Agency Name"');
  });
  it('keeps every cache column the CSV export needs except Year, which the page derives', () => {
    // '1005-01' is no full NSN, so the NSN stays a dictionary.
    expect(columns.map((c) => c.name)).toEqual(['State', 'Agency Name', 'NSN', 'Item Name', 'Quantity', 'UI', 'Acquisition Value (cents)', 'DEMIL Code', 'DEMIL IC', 'Ship Date', 'Station Type', 'Category']);
  });

  const withColumn = (name: string, values: unknown[]): CacheColumns => {
    const base = Object.fromEntries(Object.keys(rows[0]!).map((k) => [k, rows.map((r) => r[k as keyof typeof r])]));
    return { ...base, [name]: values };
  };
  it('stores NSNs as FSC and NIIN numbers when all are complete, in row order', () => {
    const shaped = shapeEquipmentAsset(withColumn('NSN', ['1005-01-234-5678', '2320-00-000-0001', '0000-01-999-9999', '8465-99-123-0456']));
    const fsc = shaped.find((c) => c.name === 'NSN FSC')?.values as number[];
    const niin = shaped.find((c) => c.name === 'NSN NIIN')?.values as number[];
    // Sorted rows: CA/A (4th input), CA/Z undated-last order: 3rd then 2nd, then TX (1st).
    expect(fsc).toEqual([8465, 0, 2320, 1005]);
    expect(niin).toEqual([991230456, 19999999, 1, 12345678]);
    expect(fsc.map((f, i) => formatNsn(f, niin[i]!))).toEqual(['8465-99-123-0456', '0000-01-999-9999', '2320-00-000-0001', '1005-01-234-5678']);
    expect(shaped.some((c) => c.name === 'NSN')).toBe(false);
  });
  it('puts the export-only columns in the details asset, every other column with the charts, rows in the same order', () => {
    const split = splitEquipmentAsset(shapeEquipmentAsset(withColumn('NSN', ['1005-01-234-5678', '2320-00-000-0001', '0000-01-999-9999', '8465-99-123-0456'])));
    expect(split.rows.map((c) => c.name)).toEqual(['State', 'Agency Name', 'Item Name', 'Quantity', 'Acquisition Value (cents)', 'DEMIL Code', 'Ship Date', 'Category']);
    expect(split.details.map((c) => c.name)).toEqual(['NSN FSC', 'NSN NIIN', 'UI', 'DEMIL IC', 'Station Type']);
    expect(split.details.every((c) => c.values.length === 4)).toBe(true);
    expect(split.details.find((c) => c.name === 'NSN FSC')?.values).toEqual([8465, 0, 2320, 1005]);
    // The dictionary form of the NSN goes with the details too.
    expect(splitEquipmentAsset(columns).details.map((c) => c.name)).toEqual(['NSN', 'UI', 'DEMIL IC', 'Station Type']);
  });
  it('keeps float dollars when a value is not whole cents or is negative', () => {
    expect(shapeEquipmentAsset(withColumn('Acquisition Value', [10.5, 2, 0.125, 1])).find((c) => c.name === 'Acquisition Value')?.values).toEqual([1, 0.125, 2, 10.5]);
    expect(shapeEquipmentAsset(withColumn('Acquisition Value', [10.5, 2, -3, 1])).find((c) => c.name === 'Acquisition Value')?.values).toEqual([1, -3, 2, 10.5]);
  });
});
