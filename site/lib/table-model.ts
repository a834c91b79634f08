/** Sorting and paging of a data table, apart from the DOM so it is tested in Node. */

export type SortDirection = 'asc' | 'desc';
export type Cell = string | number | null | undefined;

export function isEmptyCell(v: Cell): boolean {
  return v === null || v === undefined || v === '' || (typeof v === 'number' && Number.isNaN(v));
}

/** Numbers numerically, strings naturally ("item 2" before "item 10"); empty cells after everything. */
export function compareCells(a: Cell, b: Cell): number {
  const aEmpty = isEmptyCell(a);
  const bEmpty = isEmptyCell(b);
  if (aEmpty || bEmpty) return aEmpty === bEmpty ? 0 : aEmpty ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'en', { numeric: true, sensitivity: 'base' });
}

/** Row indices ordered by `value(row)`; stable, so equal cells keep the input order. Empty cells stay last. */
export function sortRows(rows: readonly number[], value: (row: number) => Cell, direction: SortDirection): number[] {
  const keyed = rows.map((row, i) => ({ row, i, v: value(row) }));
  const sign = direction === 'asc' ? 1 : -1;
  keyed.sort((x, y) => {
    const xEmpty = isEmptyCell(x.v);
    const yEmpty = isEmptyCell(y.v);
    if (xEmpty !== yEmpty) return xEmpty ? 1 : -1;
    return sign * compareCells(x.v, y.v) || x.i - y.i;
  });
  return keyed.map((k) => k.row);
}

export interface PageSlice {
  /** 0-based page actually shown (clamped into range). */
  page: number;
  pageCount: number;
  /** 1-based positions of the first and last row shown, 0 and 0 when empty. */
  first: number;
  last: number;
  rows: number[];
}

export function pageOf(rows: readonly number[], page: number, pageSize: number): PageSlice {
  const pageCount = Math.max(1, Math.ceil(rows.length / pageSize));
  const shown = Math.min(Math.max(0, Math.floor(page)), pageCount - 1);
  const start = shown * pageSize;
  const slice = rows.slice(start, start + pageSize);
  return { page: shown, pageCount, first: slice.length === 0 ? 0 : start + 1, last: start + slice.length, rows: slice };
}
