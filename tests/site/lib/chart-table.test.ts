import { describe, expect, it } from 'vitest';
import { joinTables, named, tableFromMarks, type DrawnMark } from '../../../site/lib/chart-table.js';

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

  it('reads the segments of a stack as their lengths, and keeps the ends of ranges that are no stack', () => {
    // Top states as Installations draws them: per state (y), one bar per component stacked along x.
    const stack: DrawnMark = {
      ariaLabel: 'bar',
      channels: { x1: ch([0, 12, 0], 'Installations'), x2: ch([12, 19, 5], 'Installations'), y: ch(['CA', 'CA', 'TX'], 'state'), fill: ch(['Army', 'Navy', 'Army'], 'component') },
    };
    expect(tableFromMarks([stack])).toEqual({
      columns: [
        { label: 'Installations', numeric: true },
        { label: 'state', numeric: false },
        { label: 'component', numeric: false },
      ],
      rows: [
        [12, 'CA', 'Army'],
        [7, 'CA', 'Navy'],
        [5, 'TX', 'Army'],
      ],
    });
    // Negative segments stack down from 0 (a diverging stack); ranges that overlap are no stack.
    const diverging: DrawnMark = { ariaLabel: 'bar', channels: { y1: ch([0, -3, 0], 'n'), y2: ch([-3, -5, 4], 'n'), x: ch(['a', 'a', 'a']) } };
    expect(tableFromMarks([diverging])?.rows.map((r) => r[1])).toEqual([-3, -2, 4]);
    const ranges: DrawnMark = { ariaLabel: 'bar', channels: { x1: ch([2, 3], 'km'), x2: ch([6, 8], 'km'), y: ch(['N', 'N']) } };
    expect(tableFromMarks([ranges])?.columns.map((c) => c.label)).toEqual(['km (from)', 'km (to)', 'vertical value']);
    // Each axis's pair is judged on its own: a range across (rects of years) over a stack up (counts).
    const both: DrawnMark = { ariaLabel: 'rect', channels: { x1: ch([2000, 2000], 'year'), x2: ch([2005, 2005], 'year'), y1: ch([0, 4], 'n'), y2: ch([4, 9], 'n') } };
    const table = tableFromMarks([both]);
    expect(table?.columns.map((c) => c.label)).toEqual(['year (from)', 'year (to)', 'n']);
    expect(table?.rows.map((r) => r[2])).toEqual([4, 5]);
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

describe('column names', () => {
  const scaled = (value: unknown[], scale: string, label?: string) => ({ value, scale, label });

  it('heads every column with words, never with a Plot channel name', () => {
    // A scatter as Combined draws it: fields given by name, a size scale titled by the chart, a colour computed by a
    // function on an untitled legend, a custom channel, and the hover text.
    const marks: DrawnMark[] = [
      {
        ariaLabel: 'dot',
        channels: {
          x: scaled([3, 5], 'x', 'installations'),
          y: scaled([10, 20], 'y', 'equipmentValue'),
          r: scaled([7, 9], 'r', 'equipmentQuantity'),
          fill: scaled(['South', 'West'], 'color'),
          stroke: scaled(['a', 'b'], 'color'),
          Share: ch(['4 %', '6 %']),
          title: ch(['TX', 'CA']),
        },
        scaleLabels: { x: 'Installations', y: 'Equipment value', r: 'Items shipped' },
      },
    ];
    const table = tableFromMarks(marks);
    expect(table?.columns.map((c) => c.label)).toEqual(['Installations', 'Equipment value', 'Items shipped', 'colour', 'colour (colour)', 'Share', 'details']);
    expect(table?.rows[0]).toEqual([3, 10, 7, 'South', 'a', '4 %', 'TX']);
  });

  it('reads an unlabelled from/to pair and a field named like a channel in words', () => {
    const marks: DrawnMark[] = [{ ariaLabel: 'bar', channels: { x1: scaled([1, 2], 'x'), x2: scaled([4, 5], 'x'), y: scaled(['Dash', 'ECG'], 'y', 'title') } }];
    expect(tableFromMarks(marks)?.columns.map((c) => c.label)).toEqual(['horizontal value (from)', 'horizontal value (to)', 'vertical value']);
  });

  it('prefers a name the chart gave the channel, then the scale title, over the field name', () => {
    const first = named('q1', 'first quartile (km²)');
    expect(first.transform([{ q1: 2 }, { q1: 3 }])).toEqual([2, 3]);
    expect(named((d: { v: number }) => d.v * 2, 'double').transform([{ v: 2 }])).toEqual([4]);
    const marks: DrawnMark[] = [
      {
        ariaLabel: 'bar',
        channels: { x: scaled(['Navy'], 'x', 'component'), y1: scaled([1], 'y', first.label), y2: scaled([9], 'y', named('q3', 'third quartile (km²)').label), title: ch(['Navy (n = 3)']) },
        scaleLabels: { x: 'Component', y: 'Footprint area (km²)' },
      },
    ];
    expect(tableFromMarks(marks)?.columns.map((c) => c.label)).toEqual(['Component', 'first quartile (km²)', 'third quartile (km²)', 'details']);
  });
});
