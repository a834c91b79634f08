import * as Plot from '@observablehq/plot';
import { formatCompact, formatCurrency, formatInteger } from '../../lib/format.js';
import { PLOT_DEFAULTS } from '../../lib/plot-theme.js';
import { named } from '../../lib/chart-table.js';
import { h } from '../../lib/dom.js';
import type { RegionMeasure, RegionTotals } from './compute.js';

/** How each measure's figures read: dollars for value, whole counts for the rest. */
const FORMAT: Record<RegionMeasure, { exact: (v: number) => string; axis: (v: number) => string }> = {
  'Equipment value': { exact: formatCurrency, axis: (v) => (v === 0 ? '$0' : `$${formatCompact(v)}`) },
  'Items shipped': { exact: formatInteger, axis: formatCompact },
  Installations: { exact: formatInteger, axis: formatCompact },
  Agencies: { exact: formatInteger, axis: formatCompact },
};

/**
 * CI-7 as small multiples: one bar chart per measure, each on its own scale from 0 with its own unit, regions in the
 * same order and colours in every panel. It replaces a radar whose four spokes had no scale: a reader can now read
 * each region's total, and compare regions along a common baseline instead of across angles.
 */
export function regionSmallMultiples(width: number, regions: readonly RegionTotals[], measures: readonly RegionMeasure[], color: (region: string) => string): HTMLElement {
  const columns = width >= 560 ? 2 : 1;
  const gap = 16;
  const panelWidth = Math.floor((width - gap * (columns - 1)) / columns);
  const names = regions.map((r) => r.region);
  const labelWidth = Math.max(...names.map((n) => n.length)) * 6.5 + 12;
  const panels = measures.map((measure) => {
    const format = FORMAT[measure];
    const max = Math.max(0, ...regions.map((r) => r.totals[measure]));
    const plot = Plot.plot({
      ...PLOT_DEFAULTS,
      width: panelWidth,
      height: names.length * 24 + 44,
      marginLeft: labelWidth,
      marginRight: 64,
      x: { label: null, domain: [0, max || 1], ticks: panelWidth >= 420 ? 4 : 3, tickFormat: format.axis, grid: true },
      y: { label: null, domain: names },
      marks: [
        Plot.barX(regions, {
          // Small multiples share one table: each measure gets a column of its own.
          x: named((r: RegionTotals) => r.totals[measure], measure),
          y: named('region', 'region'),
          fill: (r: RegionTotals) => color(r.region),
          title: (r: RegionTotals) => `${r.region} · ${measure}\n${format.exact(r.totals[measure])} (${Math.round(r.normalised[measure])} % of the largest region)`,
          tip: true,
        }),
        Plot.text(regions, { x: (r: RegionTotals) => r.totals[measure], y: 'region', text: (r: RegionTotals) => format.axis(r.totals[measure]), textAnchor: 'start', dx: 4, fontSize: 10, fill: 'currentColor' }),
        Plot.ruleX([0]),
      ],
    });
    return h('figure', { class: 'region-panel', 'data-measure': measure }, h('figcaption', { class: 'region-panel-title' }, measure), plot);
  });
  const grid = h('div', { class: 'region-multiples' }, ...panels);
  grid.style.display = 'grid';
  grid.style.gridTemplateColumns = `repeat(${columns}, ${panelWidth}px)`;
  grid.style.gap = `${gap}px`;
  return grid;
}
