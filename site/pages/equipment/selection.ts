/**
 * The page's four filters and the rows they select. Empty multi-selects mean "all"; a year range equal to the
 * data's full extent means "no year filter", so undated rows count until the user narrows the range (the
 * original always dropped them — inventory §8.8).
 */
import { isDated, type DictColumn, type EquipmentColumns } from './columns.js';

export interface EquipmentFilter {
  readonly states: readonly string[];
  /** Inclusive year bounds, or null for the full extent. */
  readonly years: readonly [number, number] | null;
  readonly categories: readonly string[];
  readonly demil: readonly string[];
}

export const NO_FILTER: EquipmentFilter = { states: [], years: null, categories: [], demil: [] };

/** The original's slider bounds when no row has a ship date. */
const FALLBACK_EXTENT: readonly [number, number] = [1990, 2021];

/** First and last ship year over all rows (not the selection): the year slider's bounds. */
export function yearExtent(columns: EquipmentColumns): readonly [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < columns.rows; i++) {
    const year = columns.year[i] as number;
    if (!isDated(year)) continue;
    if (year < min) min = year;
    if (year > max) max = year;
  }
  return min <= max ? [min, max] : FALLBACK_EXTENT;
}

export interface FilterChoices {
  readonly states: readonly string[];
  readonly categories: readonly string[];
  readonly demil: readonly string[];
  readonly extent: readonly [number, number];
}

export interface NormalizedFilter {
  readonly filter: EquipmentFilter;
  /** Values asked for (e.g. in a shared URL) that the data does not hold, so the page can say so. */
  readonly ignored: readonly string[];
}

function keepKnown(asked: readonly string[], known: readonly string[], ignored: string[]): string[] {
  const wanted = new Set(asked);
  for (const value of wanted) if (!known.includes(value)) ignored.push(value);
  return known.filter((value) => wanted.has(value));
}

/**
 * Makes any requested filter valid for the data: unknown values dropped (and reported), values in the options'
 * order without repeats, years rounded, swapped if reversed, clamped to the extent, and null when they span it.
 */
export function normalizeFilter(asked: Partial<EquipmentFilter>, choices: FilterChoices): NormalizedFilter {
  const ignored: string[] = [];
  const states = keepKnown(asked.states ?? [], choices.states, ignored);
  const categories = keepKnown(asked.categories ?? [], choices.categories, ignored);
  const demil = keepKnown(asked.demil ?? [], choices.demil, ignored);
  let years: [number, number] | null = null;
  if (asked.years) {
    const [min, max] = choices.extent;
    const clamp = (y: number): number => Math.min(max, Math.max(min, Math.round(y)));
    const [a, b] = asked.years.map((y) => (Number.isFinite(y) ? clamp(y) : NaN)) as [number, number];
    const lo = Number.isNaN(a) ? min : a;
    const hi = Number.isNaN(b) ? max : b;
    const range: [number, number] = lo <= hi ? [lo, hi] : [hi, lo];
    years = range[0] === min && range[1] === max ? null : range;
  }
  return { filter: { states, years, categories, demil }, ignored };
}

/** A per-code "allowed" mask for a dict column, or null when the selection is empty (everything allowed). */
function allowedCodes(column: DictColumn, selected: readonly string[]): Uint8Array | null {
  if (selected.length === 0) return null;
  const wanted = new Set(selected);
  const mask = new Uint8Array(column.dictionary.length);
  column.dictionary.forEach((value, code) => {
    if (wanted.has(value ?? 'Unknown')) mask[code] = 1;
  });
  return mask;
}

/**
 * Indices of the rows the filter keeps, in row order. With `scratch` (at least `columns.rows` long) the result is
 * a view into it, valid until the next call with the same scratch: the page reuses one buffer across filter
 * changes instead of faulting in half a megabyte of fresh memory each time.
 */
export function selectRows(columns: EquipmentColumns, filter: EquipmentFilter, scratch?: Uint32Array): Uint32Array {
  const states = allowedCodes(columns.state, filter.states);
  const categories = allowedCodes(columns.category, filter.categories);
  const demil = allowedCodes(columns.demil, filter.demil);
  const [lo, hi] = filter.years ?? [-Infinity, Infinity];
  const byYear = filter.years !== null;
  const out = scratch && scratch.length >= columns.rows ? scratch : new Uint32Array(columns.rows);
  let n = 0;
  for (let i = 0; i < columns.rows; i++) {
    if (states && states[columns.state.codes[i] as number] === 0) continue;
    if (categories && categories[columns.category.codes[i] as number] === 0) continue;
    if (demil && demil[columns.demil.codes[i] as number] === 0) continue;
    if (byYear) {
      const year = columns.year[i] as number;
      if (!isDated(year) || year < lo || year > hi) continue;
    }
    out[n++] = i;
  }
  return out === scratch ? out.subarray(0, n) : out.slice(0, n);
}
