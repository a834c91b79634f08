import * as Plot from '@observablehq/plot';
import type { DatasetSummary } from '../../src/site/contracts/common.js';
import { named } from './chart-table.js';
import { PLOT_DEFAULTS, X_TITLE } from './plot-theme.js';

/** The y channel of every mark of these charts: the dataset's title, which the axis shows untitled. */
export const DATASET = named<DatasetSummary>('title', 'dataset');

/**
 * One horizontal bar (or stick) per built dataset with its value written at the end: the Overview's rows and
 * the Status page's build durations. Null when no dataset is built, so the chart card shows its empty state.
 */
export function perDatasetChart(options: { width: number; datasets: DatasetSummary[]; x: Plot.ScaleOptions; value: (d: DatasetSummary) => number; label: (d: DatasetSummary) => string; bar: (data: DatasetSummary[]) => Plot.Markish }): Element | null {
  if (options.datasets.length === 0) return null;
  // Room for the longest title (≈7 px a character at 12 px), but never more than 40 % of the chart: longer
  // titles are shortened with an ellipsis (the tables beside these charts carry the full names).
  const longest = Math.max(...options.datasets.map((d) => d.title.length));
  const marginLeft = Math.min(Math.round(options.width * 0.4), 16 + 7 * longest);
  const fits = Math.floor((marginLeft - 16) / 7);
  return Plot.plot({
    ...PLOT_DEFAULTS,
    width: options.width,
    height: 60 + options.datasets.length * 44,
    marginLeft,
    marginRight: 70,
    marginBottom: X_TITLE.marginBottom,
    x: { ...options.x, labelOffset: X_TITLE.labelOffset },
    // Registry order, the same as the tables beside the chart (Plot would sort names alphabetically).
    y: { label: null, domain: options.datasets.map((d) => d.title), tickFormat: (t: string) => (t.length > fits ? `${t.slice(0, fits - 1)}…` : t) },
    marks: [
      options.bar(options.datasets),
      Plot.text(options.datasets, { y: DATASET, x: options.value, text: options.label, dx: 10, textAnchor: 'start', fill: 'currentColor' }),
      // The hover card gives the whole title, which the axis may have shortened.
      Plot.tip(options.datasets, Plot.pointerY({ y: DATASET, x: options.value, title: (d: DatasetSummary) => `${d.title}\n${options.label(d)}` })),
    ],
  });
}
