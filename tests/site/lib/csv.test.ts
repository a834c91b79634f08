import { describe, expect, it } from 'vitest';
import { csvField, csvFileName, toCsv } from '../../../site/lib/csv.js';

describe('CSV export', () => {
  it('quotes only fields that need it and doubles quotes (RFC 4180)', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('Sheriff, County')).toBe('"Sheriff, County"');
    expect(csvField('12" rifle')).toBe('"12"" rifle"');
    expect(csvField('line one\nline two')).toBe('"line one\nline two"');
    expect(csvField('cr\r')).toBe('"cr\r"');
    expect(csvField(' spaced ')).toBe(' spaced ');
  });

  it('writes numbers, empties and dates predictably', () => {
    expect(csvField(1234.5)).toBe('1234.5');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(NaN)).toBe('');
    expect(csvField(new Date(Date.UTC(2014, 2, 1)))).toBe('2014-03-01T00:00:00.000Z');
    expect(csvField(false)).toBe('false');
  });

  it('joins rows with CRLF after a UTF-8 byte-order mark', () => {
    const csv = toCsv(['State', 'Agency'], [['TX', 'Austin PD'], ['CA', 'Café "Grande", LA']]);
    expect(csv).toBe('\uFEFFState,Agency\r\nTX,Austin PD\r\nCA,"Café ""Grande"", LA"\r\n');
    expect(toCsv(['a'], [], { bom: false })).toBe('a\r\n');
  });

  it('names files after the page, an optional filter hint and the date', () => {
    const date = new Date(Date.UTC(2026, 10, 28, 23, 59));
    expect(csvFileName('Equipment', date)).toBe('dash-equipment-2026-11-28.csv');
    expect(csvFileName('medical', date, 'Cardiovascular / Pulmonary')).toBe('dash-medical-cardiovascular-pulmonary-2026-11-28.csv');
    expect(csvFileName('x', date, '!!!')).toBe('dash-x-2026-11-28.csv');
  });
});
