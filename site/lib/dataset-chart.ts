import * as Plot from '@observablehq/plot';
import type { DatasetSummary } from '../../src/site/contracts/common.js';
import { PLOT_DEFAULTS } from './plot-theme.js';

/**
 * One horizontal bar (or stick) per built dataset with its value written at the end: the Overview's rows and
 * the Status page's build durations. Null when no dataset is built, so the chart card shows its empty state.
 */
export function perDatasetChart(options: { width: number; datasets: DatasetSummary[]; x: Plot.ScaleOptions; value: (d: DatasetSummary) => number; label: (d: DatasetSummary) => string; bar: (data: DatasetSummary[]) => Plot.Markish }): Element | null {
  if (options.datasets.length === 0) return null;
  return Plot.plot({
    ...PLOT_DEFAULTS,
    width: options.width,
    height: 60 + options.datasets.length * 44,
    marginLeft: 170,
    marginRight: 70,
    x: options.x,
    y: { label: null },
    marks: [options.bar(options.datasets), Plot.text(options.datasets, { y: 'title', x: options.value, text: options.label, dx: 10, textAnchor: 'start', fill: 'currentColor' })],
  });
}
