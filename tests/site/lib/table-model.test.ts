import { describe, expect, it } from 'vitest';
import { compareCells, pageOf, sortRows } from '../../../site/lib/table-model.js';

describe('table sorting', () => {
  const values = [30, null, 5, 30, 100];
  const names = ['item 10', 'Item 2', 'item 1', '', 'alpha'];

  it('sorts numbers numerically, stable for ties, empties last in both directions', () => {
    expect(sortRows([0, 1, 2, 3, 4], (i) => values[i], 'asc')).toEqual([2, 0, 3, 4, 1]);
    expect(sortRows([0, 1, 2, 3, 4], (i) => values[i], 'desc')).toEqual([4, 0, 3, 2, 1]);
  });

  it('sorts strings naturally and case-insensitively', () => {
    expect(sortRows([0, 1, 2, 3, 4], (i) => names[i], 'asc').map((i) => names[i])).toEqual(['alpha', 'item 1', 'Item 2', 'item 10', '']);
    expect(compareCells('a', 'A')).toBe(0);
  });
});

describe('table paging', () => {
  const rows = Array.from({ length: 23 }, (_, i) => i);

  it('slices a page and reports its 1-based row positions', () => {
    expect(pageOf(rows, 1, 10)).toEqual({ page: 1, pageCount: 3, first: 11, last: 20, rows: [10, 11, 12, 13, 14, 15, 16, 17, 18, 19] });
    expect(pageOf(rows, 2, 10).rows).toEqual([20, 21, 22]);
  });

  it('clamps a page past the end (e.g. after a filter shrank the rows)', () => {
    const slice = pageOf(rows, 9, 10);
    expect(slice.page).toBe(2);
    expect(slice.first).toBe(21);
    expect(pageOf(rows, -3, 10).page).toBe(0);
  });

  it('has one empty page for no rows', () => {
    expect(pageOf([], 0, 10)).toEqual({ page: 0, pageCount: 1, first: 0, last: 0, rows: [] });
  });
});
