import * as Plot from '@observablehq/plot';
import { interpolateBlues, scaleSequentialLog } from 'd3';
import { REGION_COLORS, REGIONS } from '../../../src/datasets/lookups/regions.js';
import type { CombinedData, StateRow } from '../../../src/site/contracts/combined.js';
import { chartCard, inTurns, type ChartCard } from '../../components/chart-card.js';
import { withTable } from '../../lib/chart-data.js';
import { named } from '../../lib/chart-table.js';
import { exportButton } from '../../components/export-button.js';
import { filterPanel } from '../../components/filter-panel.js';
import { kpiCard, kpiRow } from '../../components/kpi-card.js';
import { multiSelect } from '../../components/multi-select.js';
import { numberSlider } from '../../components/number-slider.js';
import { chartBandLabels, chartTextWidth, plotWithSparseLabels, RAMP_LEGEND, slantedLabels, titleShortened } from '../../lib/chart-layout.js';
import { h } from '../../lib/dom.js';
import { formatCompact, formatCurrency, formatInteger, formatNumber } from '../../lib/format.js';
import { ACCENTS, PLOT_DEFAULTS, X_TITLE } from '../../lib/plot-theme.js';
import { startPage } from '../../lib/shell.js';
import { withSizeLegend } from '../../lib/size-legend.js';
import { svgRoot } from '../../lib/svg.js';
import { UrlState } from '../../lib/url-state.js';
import { drawLand, STATE_FEATURES, usMap, type StateFeature } from '../../lib/us-map.js';
import {
  agencyReach,
  branchCategoryHeat,
  butterfly,
  compositeRanking,
  filterStates,
  leastSquares,
  quadrants,
  regionTotals,
  REGION_MEASURES,
  valuePerInstallation,
  withBoth,
  yearlyValue,
  type Quadrant,
} from './compute.js';
import { regionSmallMultiples } from './region-bars.js';

/** Region colours for Plot, with "Other" (a code that is no state or territory) only when the data has one. */
function regionScale(states: readonly StateRow[]): { domain: string[]; range: string[]; legend: true } {
  const domain = [...REGIONS, 'Other'].filter((r) => states.some((s) => s.region === r));
  return { domain, range: domain.map((r) => REGION_COLORS[r] ?? '#94A3B8'), legend: true };
}
const QUADRANT_COLORS: Record<Quadrant, string> = {
  'Many installations, high value': ACCENTS.rose,
  'Few installations, high value': ACCENTS.amber,
  'Many installations, low value': ACCENTS.blue,
  'Few installations, low value': '#94A3B8',
};
const money = (v: number): string => formatCurrency(v);
const moneyAxis = (v: number): string => (v === 0 ? '$0' : `$${formatCompact(v)}`);
const rowHeight = (n: number): number => Math.max(160, n * 22 + 60);
const HEAT_MARGIN = { left: 100, bottom: 140 } as const;
/** Log legends label only powers of ten: the in-between ticks of a log scale crowd into each other. */
const logTick = (v: number): string => (Math.abs(Math.log10(v) - Math.round(Math.log10(v))) < 1e-9 ? moneyAxis(v) : '');
/** Labels for the largest states only, so a cluster of small states does not become a smear of text. */
const labelled = (rows: readonly StateRow[], n = 12): StateRow[] => [...rows].sort((a, b) => b.equipmentValue - a.equipmentValue).slice(0, n);
/** Where a state's code is written on the installations × value scatters (those that would touch are left out). */
const STATE_LABEL = { x: (s: StateRow) => s.installations, y: (s: StateRow) => s.equipmentValue, text: (s: StateRow) => s.code, dy: -12 };

startPage(async ({ root, json }) => {
  const data = await json<CombinedData>('combined');
  const maxInstallations = Math.max(1, ...data.states.map((s) => s.installations));
  const regionColor = regionScale(data.states);
  const url = new UrlState({
    regions: { kind: 'list', values: REGIONS },
    min: { kind: 'number', default: 0, min: 0, max: maxInstallations },
  });

  const regions = multiSelect({
    label: 'Census regions',
    placeholder: 'All regions',
    options: REGIONS.map((r) => ({ value: r, label: r })),
    value: url.state.regions,
    onChange: (v) => url.set({ regions: v }),
  });
  const minimum = numberSlider({
    label: 'Minimum installations',
    min: 0,
    max: Math.min(50, maxInstallations),
    value: url.state.min,
    format: (n) => (n === 0 ? 'any' : `≥ ${n}`),
    onChange: (v) => url.set({ min: v }),
  });
  let selected: StateRow[] = [];
  const exporter = exportButton({
    page: 'combined',
    header: () => ['state', 'state_name', 'region', 'equipment_value', 'equipment_quantity', 'agencies', 'installations'],
    rows: () => selected.map((s) => [s.code, s.name, s.region, s.equipmentValue, s.equipmentQuantity, s.agencies, s.installations]),
    count: () => selected.length,
    hint: () => (url.state.regions.length > 0 ? url.state.regions.join('-').toLowerCase() : undefined),
  });

  const kpis = {
    states: kpiCard({ label: 'States & territories', accent: 'blue' }),
    value: kpiCard({ label: 'Equipment value', accent: 'emerald' }),
    installations: kpiCard({ label: 'Installations', accent: 'amber' }),
    agencies: kpiCard({ label: 'Agencies', accent: 'indigo', info: 'Distinct agencies per state, summed over the states shown.' }),
  };

  const cards: Record<string, ChartCard> = {
    yearly: chartCard({ title: 'Equipment value per ship year', info: 'Acquisition value of the equipment shipped to the selected states, by year of the ship date. Installations have no dates, so their number in the selection is given as a level in the caption, not as a series.' }),
    map: chartCard({ title: 'Equipment value and installations by state', info: 'States coloured by the acquisition value of the equipment they received (log scale); dots are installations. Puerto Rico, the Virgin Islands, Guam, the Northern Mariana Islands and American Samoa are in the insets; a code with no shape is listed under the map.' }),
    fit: chartCard({ title: 'Installations vs equipment value', info: 'States with at least one installation and some equipment. Bubble size is the number of items shipped. The dashed line is one least-squares fit over all states shown (not one per region), with its r².' }),
    quadrant: chartCard({ title: 'Quadrants at the medians', info: 'The same states split at the median number of installations and the median equipment value; a state on a median counts as many/high. Points are coloured by their quadrant.' }),
    butterfly: chartCard({ title: 'Installations vs equipment value, top 20 states', info: 'The 20 states with the most equipment value. Left: installations as % of the largest among them; right: equipment value as % of the largest. Hover for the raw figures.' }),
    ratio: chartCard({ title: 'Equipment value per installation, top 25', info: 'Equipment value divided by the number of installations, for states with at least one installation; ranked, region as colour only.' }),
    radar: chartCard({
      title: 'Regions compared',
      info: 'Each region’s totals of four measures, one small bar chart per measure on its own scale from 0 (dollars for equipment value, counts for the rest), regions in the same order and colour in every panel; hover a bar for the exact figure and its % of the largest region. Replaces a radar whose spokes had no scale.',
    }),
    ranking: chartCard({ title: 'Composite ranking, top 25', info: 'Composite = 50 % × installations ÷ the largest state’s + 50 % × equipment value ÷ the largest state’s, × 100. The bar shows both halves; ranked by the sum.' }),
    heat: chartCard({ title: 'Equipment value in states where each branch has installations', wide: true, info: 'The data does not attribute equipment to military branches. Each cell is the equipment value of one category shipped to the selected states in which the branch has at least one installation, so a state’s equipment counts once for every branch present there. Log colour scale; top 10 categories.' }),
    reach: chartCard({ title: 'Agency reach', info: 'States with agencies and installations: agencies served against installations; bubble size is equipment value.' }),
  };

  const draw = (): void => {
    regions.setValue(url.state.regions);
    minimum.setValue(url.state.min);
    selected = filterStates(data.states, { regions: url.state.regions, minInstallations: url.state.min });
    const none = selected.length === 0;
    kpis.states.set(formatInteger(selected.length), none ? 'no state matches the filters' : `of ${data.states.length}`);
    kpis.value.set(formatCurrency(sum(selected, (s) => s.equipmentValue)), `${formatCompact(sum(selected, (s) => s.equipmentQuantity))} items`);
    kpis.installations.set(formatInteger(sum(selected, (s) => s.installations)));
    kpis.agencies.set(formatInteger(sum(selected, (s) => s.agencies)));
    exporter.refresh();

    const yearly = yearlyValue(selected, data.yearly);
    cards.yearly?.draw((width) =>
      none || yearly.years.length === 0
        ? null
        : Plot.plot({
            ...PLOT_DEFAULTS,
            width,
            height: 320,
            marginLeft: 60,
            caption: `${formatInteger(yearly.installations)} installations in the selected states (no dates: a level, not a series).`,
            marginBottom: X_TITLE.marginBottom,
            x: { labelOffset: X_TITLE.labelOffset, label: 'Ship year', tickFormat: 'd' },
            y: { label: 'Acquisition value', grid: true, tickFormat: moneyAxis },
            marks: [
              Plot.rectY(yearly.years, { x1: (d) => d.year - 0.4, x2: (d) => d.year + 0.4, y: 'value', fill: ACCENTS.cyan, fillOpacity: 0.85 }),
              Plot.tip(yearly.years, Plot.pointerX({ x: 'year', y: 'value', title: (d: { year: number; value: number }) => `${d.year}\n${money(d.value)}` })),
              Plot.ruleY([0]),
            ],
          }),
    );

    cards.map?.draw((width) => (none ? null : valueMap(width, selected, data)));

    const both = withBoth(selected);
    const fit = leastSquares(both.map((s) => ({ x: s.installations, y: s.equipmentValue })));
    cards.fit?.draw((width) => {
      if (both.length === 0) return null;
      const sized = (plot: Element): Element => withSizeLegend(plot, { label: 'Bubble area: items shipped', max: Math.max(...both.map((s) => s.equipmentQuantity)), format: formatCompact });
      const xs = both.map((s) => s.installations);
      const line = fit ? [Math.min(...xs), Math.max(...xs)].map((x) => ({ x, y: fit.slope * x + fit.intercept })) : [];
      const scatter = (labels: StateRow[]) => Plot.plot({
        ...PLOT_DEFAULTS,
        width,
        height: 340,
        marginLeft: 60,
        caption: fit
          ? `Least squares over ${fit.n} states: value ≈ ${money(fit.slope)} × installations ${fit.intercept < 0 ? '−' : '+'} ${money(Math.abs(fit.intercept))}; r² = ${formatNumber(fit.r2, 3)}.`
          : 'Too few states for a fit.',
        marginBottom: X_TITLE.marginBottom,
        x: { labelOffset: X_TITLE.labelOffset, label: 'Installations', grid: true },
        y: { label: 'Equipment value', grid: true, tickFormat: moneyAxis },
        r: { range: [3, 18], label: 'Items shipped' },
        color: regionColor,
        marks: [
          Plot.line(line, { x: 'x', y: 'y', stroke: 'currentColor', strokeDasharray: '6 4', strokeOpacity: 0.7 }),
          Plot.dot(both, { x: 'installations', y: 'equipmentValue', r: 'equipmentQuantity', fill: 'region', fillOpacity: 0.75, stroke: 'currentColor', strokeWidth: 0.5, tip: true, title: stateTip }),
          Plot.text(labels, { x: 'installations', y: 'equipmentValue', text: 'code', dy: -12, fontSize: 10, fill: 'currentColor' }),
        ],
      });
      return sized(plotWithSparseLabels(scatter, labelled(both), STATE_LABEL));
    });

    cards.quadrant?.draw((width) => {
      if (both.length === 0) return null;
      const q = quadrants(both);
      const scatter = (labels: StateRow[]) => Plot.plot({
        ...PLOT_DEFAULTS,
        width,
        height: 340,
        marginLeft: 60,
        marginBottom: X_TITLE.marginBottom,
        x: { labelOffset: X_TITLE.labelOffset, label: 'Installations', grid: true },
        y: { label: 'Equipment value', grid: true, tickFormat: moneyAxis },
        color: { domain: Object.keys(QUADRANT_COLORS), range: Object.values(QUADRANT_COLORS), legend: true },
        marks: [
          Plot.ruleX([q.medianInstallations], { stroke: 'currentColor', strokeDasharray: '4 4', strokeOpacity: 0.6 }),
          Plot.ruleY([q.medianValue], { stroke: 'currentColor', strokeDasharray: '4 4', strokeOpacity: 0.6 }),
          // Each median's label sits on its line: at the top of the vertical one (on the side with more room), at the
          // right end of the horizontal one, just above it.
          Plot.text([q.medianInstallations], {
            x: (m: number) => m,
            frameAnchor: 'top',
            text: (m: number) => `median ${formatNumber(m, Number.isInteger(m) ? 0 : 1)} installations`,
            textAnchor: q.medianInstallations > Math.max(...both.map((s) => s.installations)) / 2 ? 'end' : 'start',
            dx: q.medianInstallations > Math.max(...both.map((s) => s.installations)) / 2 ? -4 : 4,
            dy: 6,
            fontSize: 10,
            fill: 'currentColor',
            className: 'median-label-x',
          }),
          Plot.text([q.medianValue], { y: (m: number) => m, frameAnchor: 'right', text: (m: number) => `median ${money(m)}`, textAnchor: 'end', dx: -4, dy: -7, fontSize: 10, fill: 'currentColor', className: 'median-label-y' }),
          Plot.dot(q.points, { x: (p) => p.state.installations, y: (p) => p.state.equipmentValue, fill: 'quadrant', r: 5, tip: true, title: (p) => `${stateTip(p.state)}\n${p.quadrant}` }),
          Plot.text(labels, { x: 'installations', y: 'equipmentValue', text: 'code', dy: -10, fontSize: 10, fill: 'currentColor' }),
        ],
      });
      return plotWithSparseLabels(scatter, labelled(q.points.map((p) => p.state)), { ...STATE_LABEL, dy: -10 });
    });

    const fly = butterfly(selected);
    cards.butterfly?.draw((width) => {
      if (fly.length === 0) return null;
      const bars = fly.flatMap((r) => [
        { name: r.state.name, side: 'Installations', v: -r.installationsPct, raw: `${formatInteger(r.state.installations)} installations` },
        { name: r.state.name, side: 'Equipment value', v: r.valuePct, raw: money(r.state.equipmentValue) },
      ]);
      const names = fly.map((r) => r.state.name);
      const labels = chartBandLabels(names, width);
      return titleShortened(Plot.plot({
        ...PLOT_DEFAULTS,
        width,
        height: rowHeight(fly.length),
        marginLeft: labels.marginLeft,
        marginBottom: X_TITLE.marginBottom,
        // The long title runs off a phone-sized chart (~6.5 px a character at 12 px).
        x: { labelOffset: X_TITLE.labelOffset, label: width >= 480 ? '← installations (% of max) · equipment value (% of max) →' : '← installations · value (% of max) →', labelAnchor: 'center', tickFormat: (v: number) => `${Math.abs(v)}%`, domain: [-100, 100] },
        y: { label: null, domain: names, tickFormat: labels.format },
        color: { domain: ['Installations', 'Equipment value'], range: [ACCENTS.amber, ACCENTS.emerald], legend: true, label: 'measure' },
        marks: [Plot.barX(bars, { x: 'v', y: named('name', 'state'), fill: 'side', tip: true, title: (d) => `${d.name}\n${d.raw}` }), Plot.ruleX([0])],
      }), names, labels.format);
    });

    const ratios = valuePerInstallation(selected);
    const ratioNames = ratios.map((r) => r.state.name);
    cards.ratio?.draw((width) => {
      if (ratios.length === 0) return null;
      const labels = chartBandLabels(ratioNames, width);
      return titleShortened(Plot.plot({
            ...PLOT_DEFAULTS,
            width,
            height: rowHeight(ratios.length),
            marginLeft: labels.marginLeft,
            marginBottom: X_TITLE.marginBottom,
            x: { labelOffset: X_TITLE.labelOffset, label: 'Equipment value per installation', grid: true, ticks: labels.ticks, tickFormat: moneyAxis },
            y: { label: null, domain: ratioNames, tickFormat: labels.format },
            color: regionColor,
            marks: [Plot.barX(ratios, { x: 'valuePerInstallation', y: named((r: (typeof ratios)[number]) => r.state.name, 'state'), fill: named((r: (typeof ratios)[number]) => r.state.region, 'region'), tip: true, title: (r) => `${r.state.name}\n${money(r.valuePerInstallation)} per installation\n${formatInteger(r.state.installations)} installations` }), Plot.ruleX([0])],
          }), ratioNames, labels.format);
    });

    const regionsShown = regionTotals(selected);
    cards.radar?.draw((width) => (regionsShown.length === 0 ? null : regionSmallMultiples(width, regionsShown, REGION_MEASURES, (r) => REGION_COLORS[r] ?? '#94A3B8')));

    const ranking = compositeRanking(selected);
    cards.ranking?.draw((width) => {
      if (ranking.length === 0) return null;
      const halves = ranking.flatMap((r) => [
        { name: r.state.name, part: '50 % installations', v: r.installationsScore / 2, r },
        { name: r.state.name, part: '50 % equipment value', v: r.valueScore / 2, r },
      ]);
      const names = ranking.map((r) => r.state.name);
      // Room on the right for the score written after the longest bar ("100.0").
      const labels = chartBandLabels(names, width, { marginRight: 36 });
      return titleShortened(Plot.plot({
        ...PLOT_DEFAULTS,
        width,
        height: rowHeight(ranking.length),
        marginLeft: labels.marginLeft,
        marginRight: 36,
        marginBottom: X_TITLE.marginBottom,
        x: { labelOffset: X_TITLE.labelOffset, label: 'Composite score (0–100)', grid: true, domain: [0, 100], ticks: labels.ticks },
        y: { label: null, domain: names, tickFormat: labels.format },
        color: { domain: ['50 % installations', '50 % equipment value'], range: [ACCENTS.amber, ACCENTS.emerald], legend: true, label: 'part of the score' },
        marks: [
          Plot.barX(halves, Plot.stackX({ x: 'v', y: named('name', 'state'), fill: 'part', tip: true, title: (d) => `${d.name}\ncomposite ${formatNumber(d.r.composite, 1)}\ninstallations ${formatNumber(d.r.installationsScore, 1)} · value ${formatNumber(d.r.valueScore, 1)}` })),
          Plot.text(ranking, { x: (r) => r.composite, y: (r) => r.state.name, text: (r) => formatNumber(r.composite, 1), dx: 4, textAnchor: 'start', fontSize: 10, fill: 'currentColor' }),
        ],
      }), names, labels.format);
    });

    const heat = branchCategoryHeat(selected, data.branches, data.categories);
    // Cells in the darker third of the log colour range get white text.
    const heatValues = heat.cells.map((c) => Math.log10(Math.max(1, c.value)));
    const heatDark = 10 ** (Math.min(...heatValues) + (Math.max(...heatValues) - Math.min(...heatValues)) * 0.6);
    cards.heat?.draw((width) => {
      if (heat.cells.length === 0) return null;
      const frame = { plotWidth: width - HEAT_MARGIN.left - 20, marginLeft: HEAT_MARGIN.left, marginBottom: HEAT_MARGIN.bottom };
      const columns = slantedLabels(heat.categories, frame, (t) => chartTextWidth(t));
      // Values are written in the cells only when the widest fits a cell; the tooltip always has them.
      const cellWidth = frame.plotWidth / Math.max(1, heat.categories.length);
      const written = Math.max(...heat.cells.map((c) => chartTextWidth(moneyAxis(c.value), 10))) + 4 <= cellWidth;
      return titleShortened(Plot.plot({
        ...PLOT_DEFAULTS,
        width,
        height: heat.branches.length * 44 + 130,
        marginLeft: HEAT_MARGIN.left,
        marginBottom: HEAT_MARGIN.bottom,
        x: { label: null, domain: heat.categories, tickRotate: columns.rotate, tickFormat: columns.format },
        y: { label: null, domain: heat.branches },
        color: { type: 'log', scheme: 'ylorrd', legend: true, label: 'Equipment value ($, log scale)', tickFormat: logTick, ...RAMP_LEGEND },
        marks: [
          Plot.cell(heat.cells, { x: 'category', y: 'branch', fill: (c) => Math.max(1, c.value), inset: 1, tip: true, title: (c) => `${c.branch} · ${c.category}\n${money(c.value)}` }),
          written ? Plot.text(heat.cells, { x: 'category', y: 'branch', text: (c) => moneyAxis(c.value), fontSize: 10, fill: (c) => (c.value >= heatDark ? 'white' : 'black') }) : null,
        ],
      }), heat.categories, columns.format);
    });

    const reach = agencyReach(selected);
    cards.reach?.draw((width) =>
      reach.length === 0
        ? null
        : withSizeLegend(plotWithSparseLabels((labels) => Plot.plot({
            ...PLOT_DEFAULTS,
            width,
            height: 340,
            marginBottom: X_TITLE.marginBottom,
            x: { labelOffset: X_TITLE.labelOffset, label: 'Agencies served', grid: true },
            y: { label: 'Installations', grid: true },
            r: { range: [3, 24], label: 'Equipment value' },
            color: regionColor,
            marks: [
              Plot.dot(reach, { x: 'agencies', y: 'installations', r: 'equipmentValue', fill: 'region', fillOpacity: 0.7, stroke: 'currentColor', strokeWidth: 0.5, tip: true, title: stateTip }),
              Plot.text(labels, { x: 'agencies', y: 'installations', text: 'code', fontSize: 10, fill: 'currentColor', dy: -12 }),
            ],
          }), labelled(reach), { x: (s) => s.agencies, y: (s) => s.installations, text: (s) => s.code, dy: -12 }), { label: 'Bubble area: equipment value', max: Math.max(...reach.map((s) => s.equipmentValue)), format: moneyAxis }),
    );
  };

  root.replaceChildren(
    filterPanel({ controls: [regions.element, minimum.element], onReset: () => url.reset(), actions: [exporter.element] }),
    kpiRow(Object.values(kpis)),
    h('div', { class: 'grid' }, ...Object.values(cards).map((c) => c.element)),
  );
  url.subscribe(draw);
  inTurns(draw);
});

function sum(rows: readonly StateRow[], f: (s: StateRow) => number): number {
  return rows.reduce((t, s) => t + f(s), 0);
}

function stateTip(s: StateRow): string {
  return `${s.name} (${s.region})\n${money(s.equipmentValue)} · ${formatInteger(s.equipmentQuantity)} items\n${formatInteger(s.installations)} installations · ${formatInteger(s.agencies)} agencies`;
}

/**
 * CI-2: the value choropleth with installation points. Territories are drawn in insets like on the other maps (Albers
 * USA alone cannot place them); a code with no shape at all is listed beneath.
 */
function valueMap(width: number, selected: readonly StateRow[], data: CombinedData): Element {
  const height = Math.round(width * 0.62);
  const map = usMap(width, height);
  const byCode = new Map(selected.map((s) => [s.code, s]));
  const values = selected.map((s) => s.equipmentValue).filter((v) => v > 0);
  const domain: [number, number] = values.length === 0 ? [1, 10] : [Math.min(...values), Math.max(Math.min(...values) * 10, ...values)];
  const color = scaleSequentialLog(interpolateBlues).domain(domain);
  const svg = svgRoot(width, height, 'Equipment value per state and territory, with the installations');
  const land = svg.append('g');
  drawLand(land, map, (code) => {
    const v = code ? byCode.get(code)?.equipmentValue : undefined;
    return v && v > 0 ? color(v) : null;
  });
  land
    .selectAll<SVGPathElement, StateFeature>('path.state')
    .append('title')
    .text((f) => {
      const s = f.properties.code ? byCode.get(f.properties.code) : undefined;
      return s ? stateTip(s) : `${f.properties.name}: not in the selection`;
    });
  svg
    .append('g')
    .selectAll('circle')
    .data(
      data.points.flatMap((p) => {
        const xy = byCode.has(p.code) ? map.project(p.lon, p.lat, p.code) : null;
        return xy ? [{ ...p, x: xy[0], y: xy[1] }] : [];
      }),
    )
    .join('circle')
    .attr('cx', (p) => p.x)
    .attr('cy', (p) => p.y)
    .attr('r', 2)
    .attr('fill', ACCENTS.rose)
    .attr('fill-opacity', 0.7)
    .append('title')
    .text((p) => `${p.name} (${p.branch})`);
  const legend = Plot.legend({ color: { type: 'log', scheme: 'blues', domain, label: 'Equipment value ($, log scale)', tickFormat: logTick }, width: Math.min(320, width), ...RAMP_LEGEND });
  const unplaced = selected.filter((s) => !STATE_FEATURES.some((f) => f.properties.code === s.code));
  const figures = { columns: [{ label: 'state', numeric: false }, { label: 'equipment value ($)', numeric: true }, { label: 'installations', numeric: true }], rows: selected.map((s) => [s.name, s.equipmentValue, s.installations]) };
  return withTable(h(
    'div',
    {},
    legend,
    svg.node() as SVGSVGElement,
    unplaced.length === 0
      ? null
      : h(
          'p',
          { class: 'chart-note' },
          'No shape on the map: ',
          unplaced.map((s, i) => `${i > 0 ? ' · ' : ''}${s.name} ${money(s.equipmentValue)}, ${formatInteger(s.installations)} installations`).join(''),
        ),
  ), figures);
}
