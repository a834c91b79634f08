/**
 * The figures a chart draws, as a table: what "View data" under every chart card shows and exports. Pure: Plot
 * charts are read from their marks' channels once Plot has computed them (after grouping, stacking, binning), so
 * the table holds exactly what was drawn; hand-drawn charts give their rows themselves.
 */
export type ChartCell = string | number | null;

export interface ChartTable {
  columns: { label: string; numeric: boolean }[];
  rows: ChartCell[][];
}

/** One mark as Plot initialised it: its name ("bar", "x-axis tick" …) and channels of computed values. */
export interface DrawnMark {
  ariaLabel?: string;
  channels: Record<string, { value?: ArrayLike<unknown> | null; label?: string | null; scale?: string | null } | undefined>;
  /** The plot's axis and legend titles by scale (x: "Installations"), for channels computed by a function. */
  scaleLabels?: Record<string, string>;
}

/** Marks that frame the chart rather than show its data (Plot names them "x-axis tick", "y-grid", "frame"). */
const FRAMING = /axis|grid|frame/;
/** Channels that are not figures. */
const HIDDEN = new Set(['ariaLabel', 'href', 'src', 'ariaDescription', 'fillOpacity', 'strokeOpacity', 'opacity', 'strokeWidth', 'rotate', 'fontSize']);
/**
 * What a channel holds, for a channel that neither the chart nor Plot labelled (a value computed by a function on a
 * scale without a title): never the channel's own name ("fill", "y2"), which means nothing to a reader.
 */
const CHANNEL_NAMES: Record<string, string> = {
  fx: 'facet (across)',
  fy: 'facet (down)',
  x: 'horizontal value',
  x1: 'horizontal value',
  x2: 'horizontal value',
  y: 'vertical value',
  y1: 'vertical value',
  y2: 'vertical value',
  fill: 'colour',
  stroke: 'colour',
  r: 'size',
  z: 'series',
  symbol: 'marker',
  text: 'label',
  title: 'details',
};

/** Plot's channel names: a column must never be headed by one (they name how a value is drawn, not what it is). */
const PLOT_CHANNELS: ReadonlySet<string> = new Set([
  'x', 'y', 'x1', 'x2', 'y1', 'y2', 'fx', 'fy', 'z', 'fill', 'stroke', 'r', 'symbol', 'opacity', 'fillOpacity', 'strokeOpacity',
  'strokeWidth', 'text', 'title', 'href', 'src', 'rotate', 'fontSize', 'ariaLabel', 'ariaDescription',
]);

function cell(value: unknown): ChartCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'string') return value.replace(/\n+/g, ' · ');
  return typeof value === 'boolean' || typeof value === 'bigint' ? String(value) : null;
}

/** Position channels first (facets, x, y), then the rest in Plot's order, the title last. */
const ORDER = ['fx', 'fy', 'x', 'x1', 'x2', 'y', 'y1', 'y2'];
const rank = (name: string): number => (name === 'title' ? 99 : ORDER.includes(name) ? ORDER.indexOf(name) : 50);

/**
 * A mark's columns: one per channel with values, named in words (see labelOf), never by the channel. A bar
 * from zero (x1 or y1 all 0, as Plot stacks a single series) is its other end alone; other from/to pairs of one
 * label say which end they are.
 */
function markTable(mark: DrawnMark): ChartTable | null {
  const columns: Column[] = [];
  const channels = Object.entries(mark.channels).sort(([a], [b]) => rank(a) - rank(b));
  const valuesOf = (name: string): ChartCell[] | null => {
    const value = mark.channels[name]?.value;
    return value ? Array.from(value, cell) : null;
  };
  // A name the chart gave the channel (named()) first; then the chart's title for the scale (its axis or legend):
  // what a reader sees next to the picture, where Plot's label is only the field name ("nearestKm", or "x" for a
  // field called x); then Plot's label, then what the channel holds in words. A channel's name is never a header.
  const labelOf = (name: string): string => {
    const channel = mark.channels[name];
    const own = channel?.label ?? undefined;
    const label = (own !== undefined && NAMED.has(own) ? own : undefined) ?? (channel?.scale ? mark.scaleLabels?.[channel.scale] : undefined) ?? own;
    // A channel the chart named itself (channels: { Share: … }) is headed by that name.
    return label && !PLOT_CHANNELS.has(label) ? label : (CHANNEL_NAMES[name] ?? (PLOT_CHANNELS.has(name) ? 'value' : name));
  };
  for (const [name, channel] of channels) {
    if (!channel?.value || HIDDEN.has(name)) continue;
    const values = Array.from(channel.value, cell);
    const pair = /^([xy])([12])$/.exec(name);
    let label = labelOf(name);
    if (pair) {
      const other = `${pair[1]}${pair[2] === '1' ? '2' : '1'}`;
      const from = pair[2] === '1' ? values : valuesOf(other);
      if (from?.every((v) => v === 0) && valuesOf(other)) {
        if (pair[2] === '1') continue;
      } else if (mark.channels[other]?.value && labelOf(other) === label) label = `${label} (${pair[2] === '1' ? 'from' : 'to'})`;
    }
    // Colours given as constants or computed colours (fill: '#38BDF8') are paint, not figures.
    if (values.every((v) => typeof v === 'string' && /^(#|rgb|hsl|var\()/.test(v))) continue;
    if (columns.some((c) => c.values.every((v, i) => v === values[i]))) continue;
    // Two channels of one title (a fill and a stroke by the colour legend) say which is which.
    if (columns.some((c) => c.label === label)) label = `${label} (${CHANNEL_NAMES[name] ?? name})`;
    columns.push({ channel: name, label, values });
  }
  segmentsAsLengths(columns, mark);
  const length = columns[0]?.values.length ?? 0;
  if (columns.length === 0 || length === 0) return null;
  return {
    columns: columns.map((c) => ({ label: c.label, numeric: c.values.every((v) => v === null || typeof v === 'number') })),
    rows: Array.from({ length }, (_, i) => columns.map((c) => c.values[i] ?? null)),
  };
}

/** A column of a mark's table and the channel it was read from. */
interface Column {
  channel: string;
  label: string;
  values: ChartCell[];
}

/**
 * A stack's segments as their lengths. Stacked bars are drawn from/to, and "Installations (from) 12, (to) 19" makes
 * a reader subtract to get the 7 the segment stands for. A from/to pair is a stack when, within each category (the
 * other position and the facets), its intervals abut one another from 0 up (or down), one after the other; its two
 * columns then become one, the segment's length, under the pair's label. Any other interval (a range, a box) keeps
 * its ends.
 */
function segmentsAsLengths(columns: Column[], mark: DrawnMark): void {
  for (const axis of ['x', 'y'] as const) {
    // The pair's two columns, when both ends were kept and read as "(from)" and "(to)" of one label.
    const fromAt = columns.findIndex((c) => c.channel === `${axis}1` && c.label.endsWith(' (from)'));
    const toAt = columns.findIndex((c) => c.channel === `${axis}2` && c.label.endsWith(' (to)'));
    if (fromAt < 0 || toAt < 0) continue;
    const from = (columns[fromAt] as Column).values;
    const to = (columns[toAt] as Column).values;
    if (!from.every((v) => typeof v === 'number') || !to.every((v) => typeof v === 'number')) continue;
    const keys = ['fx', 'fy', axis === 'x' ? 'y' : 'x'].map((name) => mark.channels[name]?.value).filter((v) => v != null).map((v) => Array.from(v as ArrayLike<unknown>));
    const groups = new Map<string, number[]>();
    from.forEach((_, i) => {
      const key = JSON.stringify(keys.map((k) => k[i] ?? null));
      const group = groups.get(key);
      if (group) group.push(i);
      else groups.set(key, [i]);
    });
    const abut = (indices: number[], sign: 1 | -1): boolean => {
      const sorted = [...indices].sort((a, b) => sign * ((from[a] as number) - (from[b] as number)));
      let end = 0;
      for (const i of sorted) {
        if (Math.abs((from[i] as number) - end) > 1e-9 * Math.max(1, Math.abs(end))) return false;
        end = to[i] as number;
      }
      return true;
    };
    const stacked = [...groups.values()].every((indices) => abut(indices.filter((i) => (to[i] as number) >= (from[i] as number)), 1) && abut(indices.filter((i) => (to[i] as number) < (from[i] as number)), -1));
    if (!stacked || ![...groups.values()].some((indices) => indices.length > 1)) continue;
    const label = (columns[fromAt] as Column).label.slice(0, -' (from)'.length);
    columns[fromAt] = { channel: axis, label, values: from.map((v, i) => (to[i] as number) - (v as number)) };
    columns.splice(toAt, 1);
  }
}

/**
 * The table of a Plot chart's data. Of the marks that show data (not axes, grids or the frame): those with a title
 * (what the hover card says, a tip's included) first, then shapes, then text labels; within the first group that
 * has any, the mark with the most rows. Null when no mark has figures.
 */
export function tableFromMarks(marks: readonly DrawnMark[]): ChartTable | null {
  const candidates = marks.filter((m) => !FRAMING.test(m.ariaLabel ?? '')).map((m) => ({ mark: m, table: markTable(m) }));
  const usable = candidates.filter((c): c is { mark: DrawnMark; table: ChartTable } => c.table !== null);
  const titled = usable.filter((c) => c.mark.channels.title?.value);
  const shapes = usable.filter((c) => c.mark.ariaLabel !== 'text');
  const pool = [titled, shapes, usable].find((group) => group.length > 0) ?? [];
  let best: ChartTable | null = null;
  for (const { table } of pool) if (!best || table.rows.length > best.rows.length || (table.rows.length === best.rows.length && table.columns.length > best.columns.length)) best = table;
  return best;
}

/** Tables of several charts drawn in one card (small multiples) as one: a column per label, rows one after another. */
export function joinTables(tables: readonly ChartTable[]): ChartTable | null {
  if (tables.length <= 1) return tables[0] ?? null;
  const labels = [...new Set(tables.flatMap((t) => t.columns.map((c) => c.label)))];
  const columns = labels.map((label) => ({ label, numeric: tables.every((t) => t.columns.find((c) => c.label === label)?.numeric ?? true) }));
  const rows = tables.flatMap((t) => t.rows.map((row) => labels.map((label) => {
    const i = t.columns.findIndex((c) => c.label === label);
    return i < 0 ? null : (row[i] ?? null);
  })));
  return { columns, rows };
}

/** Labels charts gave their channels through named(): they head their columns even where the scale has a title. */
const NAMED = new Set<string>();

/**
 * A Plot channel that carries its name in words: the field (or accessor) `value`, labelled `label`. For a channel
 * whose scale shows no title (`y: { label: null }`), that has no scale, or that holds one part of what the scale's
 * title names (a box's first quartile), so that "View data" heads its column with what it holds rather than the
 * field's code name ("title", "cls").
 */
export function named<T extends object = Record<string, unknown>>(value: string | ((d: T, i: number) => unknown), label: string): { transform: (data: T[]) => unknown[]; label: string } {
  NAMED.add(label);
  const read = typeof value === 'function' ? value : (d: T) => (d as Record<string, unknown>)[value];
  return { transform: (data) => Array.from(data, (d, i) => read(d, i)), label };
}
