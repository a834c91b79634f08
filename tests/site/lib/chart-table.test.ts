import { describe, expect, it } from 'vitest';
import { joinTables, tableFromMarks, type DrawnMark } from '../../../site/lib/chart-table.js';

const ch = (value: unknown[], label?: string) => ({ value, label });

describe('tableFromMarks', () => {
  it('reads a stacked bar as its category and its length, leaving out axes, paint and the zero end', () => {
    const marks: DrawnMark[] = [
      { ariaLabel: 'y-axis tick', channels: { y: ch([0, 5, 10]) } },
      { ariaLabel: 'bar', channels: { y1: ch([0, 0], 'Frequency'), y2: ch([6, 4], 'Frequency'), x: ch(['CA', 'TX'], 'state'), fill: ch(['#38BDF8', '#38BDF8']) } },
      { ariaLabel: 'rule', channels: { y: ch([0]) } },
    ];
    expect(tableFromMarks(marks)).toEqual({
      columns: [
        { label: 'state', numeric: false },
        { label: 'Frequency', numeric: true },
      ],
      rows: [
        ['CA', 6],
        ['TX', 4],
      ],
    });
  });

  it('prefers the mark the hover card tells about, names a range by its ends, and flattens titles', () => {
    const marks: DrawnMark[] = [
      { ariaLabel: 'dot', channels: { x: ch([1, 2, 3, 4]), y: ch([1, 2, 3, 4]) } },
      { ariaLabel: 'tip', channels: { x1: ch([10], 'length'), x2: ch([20], 'length'), y: ch(['Surgery'], 'specialty'), title: ch(['Surgery\n3 records']) } },
    ];
    expect(tableFromMarks(marks)).toEqual({
      columns: [
        { label: 'length (from)', numeric: true },
        { label: 'length (to)', numeric: true },
        { label: 'specialty', numeric: false },
        { label: 'details', numeric: false },
      ],
      rows: [[10, 20, 'Surgery', 'Surgery · 3 records']],
    });
  });

  it('falls back to text labels only when no shape has figures, and gives null when nothing has', () => {
    expect(tableFromMarks([{ ariaLabel: 'text', channels: { text: ch(['a', 'b']) } }])?.rows).toEqual([['a'], ['b']]);
    expect(tableFromMarks([{ ariaLabel: 'frame', channels: {} }])).toBeNull();
    expect(tableFromMarks([{ ariaLabel: 'dot', channels: { x: ch([NaN, 2]) } }])?.rows).toEqual([[null], [2]]);
  });
});

describe('joinTables', () => {
  it('stacks the tables of small multiples under the union of their columns', () => {
    const a = { columns: [{ label: 'class', numeric: false }, { label: 'n', numeric: true }], rows: [['N', 5]] };
    const b = { columns: [{ label: 'class', numeric: false }, { label: 'mean', numeric: true }], rows: [['V', 0.5]] };
    expect(joinTables([a, b])).toEqual({
      columns: [
        { label: 'class', numeric: false },
        { label: 'n', numeric: true },
        { label: 'mean', numeric: true },
      ],
      rows: [
        ['N', 5, null],
        ['V', null, 0.5],
      ],
    });
    expect(joinTables([])).toBeNull();
    expect(joinTables([a])).toBe(a);
  });
});
