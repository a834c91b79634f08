import { describe, expect, it } from 'vitest';
import { parseDateTime, parseNumber, textOr, textOrNull } from '../../src/datasets/values.js';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

describe('parseNumber', () => {
  it('reads plain decimals and rejects everything else', () => {
    expect(['12', ' 1626.50 ', '-0.25', '.5', '1e3', '+7'].map(parseNumber)).toEqual([12, 1626.5, -0.25, 0.5, 1000, 7]);
    expect(['', '  ', 'n/a', '$12', '1,234', '0x10', 'NaN', 'Infinity', '1.2.3', undefined].map(parseNumber)).toEqual(Array(10).fill(null));
  });
});

describe('parseDateTime', () => {
  it('reads the Kaggle, DLA and US layouts as UTC wall-clock times', () => {
    expect(iso(parseDateTime('2016-09-19 00:00:00.000'))).toBe('2016-09-19T00:00:00.000Z');
    expect(iso(parseDateTime('2016-09-19 13:05:09'))).toBe('2016-09-19T13:05:09.000Z');
    expect(iso(parseDateTime('2016-09-19 13:05:09.123456'))).toBe('2016-09-19T13:05:09.123Z');
    expect(iso(parseDateTime('2016-09-19T13:05'))).toBe('2016-09-19T13:05:00.000Z');
    expect(iso(parseDateTime('2016-09-19'))).toBe('2016-09-19T00:00:00.000Z');
    expect(iso(parseDateTime('9/19/2016'))).toBe('2016-09-19T00:00:00.000Z');
    expect(iso(parseDateTime('12/31/1999 23:59:58'))).toBe('1999-12-31T23:59:58.000Z');
  });

  it('returns null for blanks and impossible dates', () => {
    expect(['', ' ', 'soon', '2016-02-30', '2016-13-01', '2016-01-01 24:00:00', '19/9/2016', undefined].map(parseDateTime)).toEqual(
      Array(8).fill(null),
    );
  });
});

describe('text helpers', () => {
  it('trims, and turns blanks into null or the fallback', () => {
    expect(textOrNull('  a b ')).toBe('a b');
    expect(textOrNull(' ')).toBeNull();
    expect(textOrNull(undefined)).toBeNull();
    expect(textOr('', 'Unknown')).toBe('Unknown');
    expect(textOr(' D ', 'Unknown')).toBe('D');
  });
});
