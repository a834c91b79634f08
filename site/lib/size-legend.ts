// The size key of a bubble chart: Plot draws legends for colour, not for r, so a reader of a bubble could not tell
// 200 records from 2,000. The key draws a few reference circles at exactly the radii of the chart's own r scale.
import { svgElement } from './svg.js';

/** The largest 1, 2 or 5 × 10^k not above `value` (0 for non-positive values). */
export function niceBelow(value: number): number {
  if (!(value > 0)) return 0;
  const power = 10 ** Math.floor(Math.log10(value));
  const base = [5, 2, 1].find((m) => m * power <= value * (1 + 1e-9)) ?? 1;
  return base * power;
}

/** Up to three distinct reference values for a size key over [0, max]: nice numbers near max, max/5 and max/25. */
export function sizeLegendValues(max: number): number[] {
  const values = [max, max / 5, max / 25].map(niceBelow).filter((v) => v > 0);
  return [...new Set(values)].sort((a, b) => a - b);
}

interface RScale {
  apply(value: number): number;
  domain?: readonly unknown[];
}

/**
 * "Bubble size: ○ 10 ◯ 50 ◯ 200 records" under `plot`, radii from its r scale (null when the plot has none).
 * `max` is the largest value drawn, `format` how the values read.
 */
export function sizeLegend(plot: Element, options: { label: string; max: number; format: (v: number) => string }): SVGSVGElement | null {
  const scale = (plot as unknown as { scale?: (name: string) => RScale | undefined }).scale?.('r');
  if (scale === undefined) return null;
  const values = sizeLegendValues(options.max);
  if (values.length === 0) return null;
  const radii = values.map((v) => scale.apply(v));
  const height = Math.ceil(2 * Math.max(...radii)) + 6;
  const labelWidth = options.label.length * 6.5 + 8;
  let x = labelWidth;
  const items: SVGElement[] = [];
  values.forEach((value, i) => {
    const r = radii[i] as number;
    const text = options.format(value);
    x += r;
    items.push(svgElement('circle', { cx: x, cy: height / 2, r, fill: 'none', stroke: 'currentColor', 'stroke-opacity': 0.7 }));
    items.push(svgElement('text', { x: x + r + 4, y: height / 2, dy: '0.35em', 'font-size': 11, fill: 'currentColor' }, text));
    x += r + 4 + text.length * 6.5 + 14;
  });
  const svg = svgElement(
    'svg',
    { class: 'size-legend', width: Math.ceil(x), height, viewBox: `0 0 ${Math.ceil(x)} ${height}`, role: 'img', 'aria-label': `${options.label} ${values.map(options.format).join(', ')}` },
    svgElement('text', { x: 0, y: height / 2, dy: '0.35em', 'font-size': 11, fill: 'currentColor' }, options.label),
    ...items,
  );
  svg.dataset.values = values.join(',');
  return svg;
}

/** The plot with its size key under it, in one element (the card's download and resize treat them as one figure). */
export function withSizeLegend(plot: Element, options: { label: string; max: number; format: (v: number) => string }): Element {
  const legend = sizeLegend(plot, options);
  if (legend === null) return plot;
  const figure = document.createElement('div');
  figure.className = 'bubble-figure';
  figure.append(plot, legend);
  return figure;
}
