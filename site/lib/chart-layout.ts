/**
 * Fitting chart text to the room a chart has, so the same chart reads at 1280 px and on a 400 px phone: how many
 * ticks an axis of a given length can carry, how wide the label margin of a ranked bar chart may be, and how a
 * label too long for it is cut (at a word where it can, with an ellipsis; the full text stays in a <title>, the
 * hover tooltip). Widths are measured, not guessed from a character count: upper-case agency names are far wider
 * than lower-case keywords.
 */

/** The width in px of `text` as a chart draws it. */
export type Measure = (text: string) => number;

/** Room a tick label needs beside its neighbours: the widest money or count label at 12 px, plus a gap. */
const TICK_SPACING = 64;
/** The tick mark and its padding between a band label and the plot (Plot: tickSize 6 + tickPadding 3). */
const LABEL_GAP = 12;

/** How many ticks an axis `length` px long can carry without its labels touching (at least 2). */
export function tickCount(length: number, spacing = TICK_SPACING): number {
  return Math.max(2, Math.floor(length / spacing));
}

/**
 * `label` cut to fit `maxPx`: whole if it fits; else at the last word break that keeps at least half the room,
 * or mid-word when no break does, with an ellipsis.
 */
export function fitLabel(label: string, maxPx: number, measure: Measure): string {
  if (measure(label) <= maxPx) return label;
  let lo = 0;
  let hi = label.length;
  // The longest prefix that fits with its ellipsis.
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(`${label.slice(0, mid).trimEnd()}…`) <= maxPx) lo = mid;
    else hi = mid - 1;
  }
  const prefix = label.slice(0, lo);
  const space = prefix.search(/[\s,/-][^\s,/-]*$/);
  const cut = space > 0 && measure(label.slice(0, space)) >= maxPx / 2 ? prefix.slice(0, space) : prefix;
  return `${cut.replace(/[\s,/-]+$/, '')}…`;
}

export interface BandLabels {
  /** The plot's left margin: the longest label's width, within a share of the chart. */
  marginLeft: number;
  /** The label as drawn (tickFormat). */
  format: (label: string) => string;
  /** Ticks the value axis can carry in the width the labels leave. */
  ticks: number;
}

/**
 * Labels of a horizontal bar chart (one band per label): room for the longest, but at most 40 % of the chart and
 * `maxPx`, so a phone keeps room for the bars and their axis; longer labels are cut to fit (see fitLabel).
 */
export function bandLabels(labels: readonly string[], width: number, measure: Measure, options: { maxPx?: number; marginRight?: number } = {}): BandLabels {
  const room = Math.min(options.maxPx ?? 240, Math.round(width * 0.4));
  const longest = Math.max(0, ...labels.map(measure));
  const marginLeft = Math.ceil(Math.min(room, longest + LABEL_GAP));
  const cache = new Map<string, string>();
  const format = (label: string): string => {
    let fitted = cache.get(label);
    if (fitted === undefined) cache.set(label, (fitted = fitLabel(label, marginLeft - LABEL_GAP, measure)));
    return fitted;
  };
  return { marginLeft, format, ticks: tickCount(width - marginLeft - (options.marginRight ?? 20)) };
}

let context: CanvasRenderingContext2D | null | undefined;
let family = '';

/**
 * Measures text in the font charts use (Plot draws 12 px text in the card's inherited font), on a canvas. Without
 * a canvas (Node tests) it estimates 0.62 em a character.
 */
export function chartTextWidth(text: string, fontSize = 12): number {
  if (context === undefined) {
    context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
    family = typeof document === 'undefined' ? '' : getComputedStyle(document.body).fontFamily;
  }
  if (!context) return text.length * 0.62 * fontSize;
  context.font = `${fontSize}px ${family}`;
  return context.measureText(text).width;
}

/** Ranked-bar labels measured in the chart font (see bandLabels). */
export function chartBandLabels(labels: readonly string[], width: number, options?: { maxPx?: number; marginRight?: number }): BandLabels {
  return bandLabels(labels, width, (t) => chartTextWidth(t), options);
}

/**
 * Gives every text of a drawn chart that a formatter shortened its full label as a <title> (the browser's
 * tooltip, and what a screen reader can reach). `labels` are the full labels the chart was drawn with.
 */
export function titleShortened<T extends Element>(chart: T, labels: Iterable<string>, format: (label: string) => string): T {
  const full = new Map<string, string>();
  for (const label of labels) {
    const shown = format(label);
    if (shown !== label && !full.has(shown)) full.set(shown, label);
  }
  if (full.size === 0) return chart;
  for (const text of chart.querySelectorAll('text')) {
    const label = full.get(text.textContent ?? '');
    if (label === undefined || text.querySelector('title')) continue;
    const title = document.createElementNS('http://www.w3.org/2000/svg', 'title');
    title.textContent = label;
    text.append(title);
  }
  return chart;
}

/**
 * Spread into a continuous colour scale with `legend: true` (Plot's ramp legend, which gets the scale's options):
 * its end tick labels are centred on the ramp's ends, so with Plot's zero margins half of "0" and "100" fall
 * outside the legend.
 */
export const RAMP_LEGEND = { marginLeft: 14, marginRight: 20 } as const;

export interface SlantedLabels {
  /** Plot's tickRotate: -40 where the bands are wide enough for slanted labels, else upright (-90). */
  rotate: number;
  /** The label as drawn: cut to the room its angle leaves (see fitLabel). */
  format: (label: string) => string;
}

/**
 * Labels under vertical bands (bars, heatmap columns), in band order: slanted while a band is at least 40 px wide,
 * so neighbours do not touch, else upright; each cut to the room it has: down to the chart's bottom edge and,
 * slanted, left to the chart's left edge from its band's centre (only the first few are short of room there).
 */
export function slantedLabels(labels: readonly string[], frame: { plotWidth: number; marginLeft: number; marginBottom: number }, measure: Measure): SlantedLabels {
  const step = frame.plotWidth / Math.max(1, labels.length);
  const slant = step >= 40;
  const angle = ((slant ? 40 : 90) * Math.PI) / 180;
  // Below the tick (6 px) and its padding, less the label's own height across the slant; left, a little margin.
  const down = (frame.marginBottom - 12 - 14 * Math.cos(angle)) / Math.sin(angle);
  const fitted = new Map(labels.map((label, i) => [label, fitLabel(label, Math.min(down, slant ? (frame.marginLeft + step * (i + 0.5) - 8) / Math.cos(angle) : Infinity), measure)]));
  return { rotate: slant ? -40 : -90, format: (label) => fitted.get(label) ?? fitLabel(label, down, measure) };
}

/**
 * The labels of a scatter that can be written without touching one another: taken in the order given (put the
 * most important first), a label is kept when its box, `at` its anchor (centred, baseline), meets no kept one.
 */
export function sparseLabels<T>(items: readonly T[], at: (item: T) => [number, number], text: (item: T) => string, measure: Measure, lineHeight = 12): T[] {
  const kept: { item: T; x0: number; x1: number; y0: number; y1: number }[] = [];
  for (const item of items) {
    const [x, y] = at(item);
    const half = measure(text(item)) / 2 + 1;
    const box = { item, x0: x - half, x1: x + half, y0: y - lineHeight, y1: y + 2 };
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    if (kept.every((k) => box.x1 <= k.x0 || box.x0 >= k.x1 || box.y1 <= k.y0 || box.y0 >= k.y1)) kept.push(box);
  }
  return kept.map((k) => k.item);
}

/** What Plot.plot returns, as far as relabelling needs it. */
interface ScaledChart extends Element {
  scale(name: 'x' | 'y'): { apply(value: unknown): number } | undefined;
}

/**
 * A Plot scatter whose point labels must not collide: drawn once without labels to learn its scales, then with the
 * candidates (most important first) that sparseLabels keeps, their text `dy` px off the point at `fontSize`.
 */
export function plotWithSparseLabels<T, C extends ScaledChart>(draw: (labels: T[]) => C, candidates: readonly T[], point: { x: (d: T) => unknown; y: (d: T) => unknown; text: (d: T) => string; dy: number; fontSize?: number }): C {
  const probe = draw([]);
  const x = probe.scale('x');
  const y = probe.scale('y');
  if (!x || !y) return probe;
  const size = point.fontSize ?? 10;
  // The mark centres text on its anchor (dominant-baseline middle): the baseline sits ~0.35 em below it.
  const kept = sparseLabels(candidates, (d) => [x.apply(point.x(d)), y.apply(point.y(d)) + point.dy + size * 0.35], point.text, (t) => chartTextWidth(t, size), size * 1.2);
  return draw(kept);
}
