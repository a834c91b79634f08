/**
 * Equipment Transfers page (P-2): four filters in the URL, KPI cards, charts EQ-1 … EQ-10 and CSV export of the
 * filtered rows. Every figure comes from view.ts; this module wires controls and draws.
 */
import './equipment.css';
import { demilLabel } from '../../../src/datasets/lookups/demil.js';
import { POPULATION_2020 } from '../../../src/datasets/lookups/populations.js';
import { regionOf } from '../../../src/datasets/lookups/regions.js';
import { stateCodeOf } from '../../../src/datasets/lookups/states.js';
import { COLUMN, DETAIL_COLUMNS } from '../../../src/site/assets/equipment.js';
import type { DecodedTable } from '../../../src/site/columnar.js';
import { chartCard, inTurns } from '../../components/chart-card.js';
import { exportButton } from '../../components/export-button.js';
import { filterPanel } from '../../components/filter-panel.js';
import { kpiCard, kpiRow } from '../../components/kpi-card.js';
import { multiSelect } from '../../components/multi-select.js';
import { radioGroup } from '../../components/radio-group.js';
import { rangeSlider } from '../../components/range-slider.js';
import { h } from '../../lib/dom.js';
import { formatCompact, formatInteger, formatNumber } from '../../lib/format.js';
import { startPage } from '../../lib/shell.js';
import { createTooltip } from '../../lib/tooltip.js';
import { UrlState } from '../../lib/url-state.js';
import {
  averageValueChart,
  demilChart,
  dollars,
  growthChart,
  stateName,
  timelineChart,
  topAgenciesChart,
  topItemsChart,
  topStatesChart,
  treemapChart,
} from './charts.js';
import { choropleth } from './choropleth.js';
import { equipmentColumns, nsnReader } from './columns.js';
import { normalizeFilter, yearExtent } from './selection.js';
import type { EquipmentLookups, PerCapita, StateTotal } from './series.js';
import { loadShapes } from '../../lib/us-shapes.js';
import { computeView, type EquipmentView } from './view.js';

const EXPORT_COLUMNS = [
  COLUMN.state,
  COLUMN.agency,
  COLUMN.nsn,
  COLUMN.item,
  COLUMN.quantity,
  COLUMN.ui,
  COLUMN.value,
  COLUMN.demil,
  COLUMN.demilIc,
  COLUMN.shipDate,
  COLUMN.stationType,
  COLUMN.year,
  COLUMN.category,
];

const LOOKUPS: EquipmentLookups = {
  demilLabel,
  population: (state) => POPULATION_2020[state],
  region: (state) => regionOf(state) ?? 'Other',
};

const present = (values: readonly (string | null)[]): string[] => values.map((v) => v ?? 'Unknown');

startPage(async ({ root, table }) => {
  const asset = await table('rows');
  const columns = equipmentColumns(asset);
  // The export-only columns (NSN, UI, DEMIL IC, Station Type) arrive on the first export; a failed fetch is retried.
  let details: Promise<DecodedTable> | undefined;
  const loadDetails = (): Promise<DecodedTable> =>
    (details ??= table('details').catch((err: unknown) => {
      details = undefined;
      throw err;
    }));
  const extent = yearExtent(columns);
  const selected = new Uint32Array(columns.rows);
  const choices = {
    states: present(columns.state.dictionary),
    categories: present(columns.category.dictionary),
    demil: present(columns.demil.dictionary),
    extent,
  };
  const url = new UrlState({
    // A state may be given by its name (?state=Guam), as people type it.
    state: { kind: 'list', values: choices.states, resolve: stateCodeOf },
    years: { kind: 'range', default: [extent[0], extent[1]] },
    category: { kind: 'list', values: choices.categories },
    demil: { kind: 'list', values: choices.demil },
    map: { kind: 'enum', values: ['value', 'quantity'], default: 'value' },
    drill: { kind: 'string' },
  });
  const shapes = loadShapes();
  const tooltip = createTooltip(root);
  const stateMap = choropleth<StateTotal>(shapes, 'blues', 'Map of the United States coloured by the selected figure per state', tooltip);
  const perCapitaMap = choropleth<PerCapita['rows'][number]>(shapes, 'reds', 'Map of the United States coloured by acquisition value per resident', tooltip);

  // Filters
  const states = multiSelect({
    label: 'States & territories',
    options: choices.states.map((code) => ({ value: code, label: `${code} — ${stateName(code)}` })),
    value: url.state.state,
    placeholder: 'All states — type to search',
    onChange: (v) => url.set({ state: v }),
  });
  const years = rangeSlider({ label: 'Ship year', min: extent[0], max: extent[1], value: url.state.years, onChange: (v) => url.set({ years: v }) });
  const categories = multiSelect({ label: 'Category', options: choices.categories.map((c) => ({ value: c, label: c })), value: url.state.category, placeholder: 'All categories', onChange: (v) => url.set({ category: v }) });
  const demil = multiSelect({ label: 'DEMIL code', options: choices.demil.map((c) => ({ value: c, label: demilLabel(c) })), value: url.state.demil, placeholder: 'All codes', onChange: (v) => url.set({ demil: v }) });
  const ignoredNote = h('p', { class: 'filter-note', role: 'status', hidden: true });
  let view: EquipmentView | undefined;
  const exporter = exportButton({
    page: 'equipment',
    header: () => EXPORT_COLUMNS,
    count: () => view?.rows.length ?? 0,
    hint: () => url.state.state.join('-') || undefined,
    rows: async () => {
      const extra = await loadDetails();
      const nsn = nsnReader(extra);
      const from = (name: string): DecodedTable => (DETAIL_COLUMNS.includes(name) ? extra : asset);
      return (function* () {
        for (const row of view?.rows ?? []) {
          yield EXPORT_COLUMNS.map((name) =>
            name === COLUMN.year ? (columns.year[row] as number) || null : name === COLUMN.nsn ? nsn(row) : name === COLUMN.value ? (columns.value[row] as number) : from(name).value(name, row),
          );
        }
      })();
    },
  });

  // KPIs
  const kpiItems = kpiCard({ label: 'Total items', accent: 'blue', info: 'Sum of Quantity over the selected transfer lines.' });
  const kpiValue = kpiCard({ label: 'Total value', accent: 'emerald', info: 'Sum of Acquisition Value (US dollars) over the selected transfer lines.' });
  const kpiAgencies = kpiCard({ label: 'Agencies served', accent: 'amber', info: 'Number of distinct agencies among the selected lines. An agency is a state and agency name together: the same name in two states is two agencies. Lines without an agency name count in the sums, not as an agency.' });
  const kpiStates = kpiCard({ label: 'States & territories', accent: 'cyan', info: 'Number of distinct state and territory codes among the selected lines.' });

  // Charts
  const timelineCard = chartCard({
    title: 'Transfers over time',
    info: 'Quantity shipped per year (not cumulative) for the five categories with the largest dated quantity. Play animates the years; the slider picks one. Lines without a ship date are left out of this chart only.',
  });
  const topItemsCard = chartCard({ title: 'Top 15 items by quantity', info: 'Sum of Quantity per item name; the 15 largest, largest at the top.' });
  const mapMetric = radioGroup({
    label: 'Colour by',
    choices: [
      { value: 'value', label: 'Acquisition value' },
      { value: 'quantity', label: 'Quantity (sum of items)' },
    ],
    value: url.state.map,
    onChange: (v) => url.set({ map: v }),
  });
  const mapCard = chartCard({
    title: 'Transfers by state',
    info: 'Acquisition value, or the sum of Quantity, per state. Grey states have no selected lines. Territories are drawn as insets below the map, on the same colour scale.',
  });
  const growthCard = chartCard({
    title: 'Year-over-year growth of value',
    info: 'Change of the yearly acquisition value on the previous calendar year. × marks a year with no transfers, a year after one, or a year after a $0 year: no growth figure exists there. A bar beyond the axis is cut, with a break mark (≈) across its end; its true value is in its hover card and in View data.',
  });
  const perCapitaCard = chartCard({ title: 'Value per resident', wide: true, info: 'Acquisition value divided by the 2020 census population of the state or territory.' });
  const demilCard = chartCard({ title: 'DEMIL codes within the top 8 categories', info: 'Acquisition value per DEMIL code (official DoD meanings), for the 8 categories with the largest value.' });
  const topStatesCard = chartCard({ title: 'Top 10 states by value', info: 'The 10 states with the largest acquisition value, ranked; the colour shows the census region.' });
  const treemapCard = chartCard({ title: 'Acquisition value by category and item', wide: true, info: 'Each category holds its 10 items of largest value. Click a category (or focus it and press Enter) to see only its items.' });
  const averageCard = chartCard({ title: 'Average value per item by state', info: 'Total value ÷ total quantity per state (states with quantity > 0); the 25 largest.' });
  const agenciesCard = chartCard({ title: 'Top 20 agencies by value', info: 'Sum of acquisition value per agency (agency name within its state, labelled NAME, ST); the 20 largest. Lines without an agency name are left out.' });
  mapCard.element.querySelector('.chart-body')?.before(h('div', { class: 'card-controls' }, mapMetric.element));

  // EQ-1 animation: play/pause and a year slider; the frame is view state, not a filter, so it stays out of the URL.
  const playButton = h('button', { type: 'button', class: 'btn btn-small', 'aria-pressed': 'false' }, 'Play');
  const frameSlider = h('input', { type: 'range', class: 'frame-slider', min: 0, max: 0, step: 1, 'aria-label': 'Timeline year' });
  const frameLabel = h('output', { class: 'frame-label', 'aria-live': 'off' });
  timelineCard.element.querySelector('.chart-body')?.before(h('div', { class: 'card-controls timeline-controls' }, playButton, frameSlider, frameLabel));
  let frame: number | null = null;
  let timer: ReturnType<typeof setInterval> | undefined;
  const drawTimeline = (): void => {
    const series = view?.timeline;
    const yearsShown = series?.years ?? [];
    const last = yearsShown[yearsShown.length - 1];
    if (frame !== null && (yearsShown.length === 0 || !yearsShown.includes(frame))) frame = null;
    const shown = frame ?? last ?? 0;
    frameSlider.min = String(yearsShown[0] ?? 0);
    frameSlider.max = String(last ?? 0);
    frameSlider.value = String(shown);
    frameSlider.disabled = playButton.disabled = yearsShown.length < 2;
    frameLabel.textContent = yearsShown.length ? `Year: ${shown}` : '';
    timelineCard.draw((width) => (series ? timelineChart(series, shown, width) : null));
  };
  const stop = (): void => {
    if (timer !== undefined) clearInterval(timer);
    timer = undefined;
    playButton.textContent = 'Play';
    playButton.setAttribute('aria-pressed', 'false');
  };
  const step = (): void => {
    const yearsShown = view?.timeline.years ?? [];
    const next = yearsShown[yearsShown.indexOf(frame ?? -1) + 1];
    if (next === undefined) return stop();
    frame = next;
    drawTimeline();
    if (next === yearsShown[yearsShown.length - 1]) stop();
  };
  playButton.addEventListener('click', () => {
    if (timer !== undefined) return stop();
    const yearsShown = view?.timeline.years ?? [];
    // From the start when nothing is playing or the last year is shown; otherwise continue from the shown year.
    if (frame === null || frame === yearsShown[yearsShown.length - 1]) frame = yearsShown[0] ?? null;
    drawTimeline();
    playButton.textContent = 'Pause';
    playButton.setAttribute('aria-pressed', 'true');
    timer = setInterval(step, 400);
  });
  frameSlider.addEventListener('input', () => {
    stop();
    frame = Number(frameSlider.value);
    drawTimeline();
  });

  const mapDescribe = (d: StateTotal): string => `${stateName(d.state)}\nValue: ${dollars(d.value)}\nQuantity: ${formatInteger(d.quantity)}`;

  // Each part of a re-render is measured (equipment:<part>) so the benchmark can say where the time goes.
  const timed = (part: string, work: () => void): void => {
    const start = performance.now();
    work();
    performance.measure(`equipment:${part}`, { start, end: performance.now() });
  };

  const render = (): void => {
    const started = performance.now();
    const asked = { states: url.state.state, years: url.state.years, categories: url.state.category, demil: url.state.demil };
    const { filter, ignored } = normalizeFilter(asked, choices);
    let current!: EquipmentView;
    timed('compute', () => (current = computeView(columns, filter, LOOKUPS, extent, selected)));
    view = current;

    states.setValue(filter.states);
    years.setValue(filter.years ?? extent);
    categories.setValue(filter.categories);
    demil.setValue(filter.demil);
    mapMetric.setValue(url.state.map);
    ignoredNote.hidden = ignored.length === 0;
    ignoredNote.textContent = ignored.length ? `Ignored from the link (not in the data): ${ignored.join(', ')}` : '';
    exporter.refresh();

    const k = current.kpis;
    const undated = filter.years === null ? '' : ' · undated lines excluded by the year range';
    kpiItems.set(formatInteger(k.items), `${formatInteger(k.rows)} transfer lines${undated}`);
    kpiValue.set(dollars(k.value), k.items > 0 ? `${dollars(k.value / k.items)} per item on average` : '');
    kpiAgencies.set(formatInteger(k.agencies), k.agencies > 0 ? `${formatNumber(k.items / k.agencies)} items per agency` : '');
    kpiStates.set(formatInteger(k.states), '');

    timed('timeline', drawTimeline);
    timed('top items', () => topItemsCard.draw((width) => topItemsChart(current.topItems, width, tooltip)));
    const byQuantity = url.state.map === 'quantity';
    timed('state map', () => {
      const shown = stateMap.update({
        totals: current.states,
        metric: (d) => (byQuantity ? d.quantity : d.value),
        legend: byQuantity ? 'Quantity (sum of items)' : 'Acquisition value ($)',
        format: byQuantity ? formatCompact : (n) => `$${formatCompact(n)}`,
        describe: mapDescribe,
      });
      mapCard.draw(() => shown);
    });
    timed('growth', () => growthCard.draw((width) => growthChart(current.growth, width)));
    timed('per-capita map', () => {
      const shown = perCapitaMap.update({
        totals: current.perCapita.rows,
        metric: (d) => d.perCapita,
        legend: 'Value per resident ($)',
        format: (n) => `$${formatNumber(n, 2)}`,
        describe: (d) => `${stateName(d.state)}\n$${formatNumber(d.perCapita, 2)} per resident\nValue: ${dollars(d.value)}\nPopulation (2020): ${formatInteger(d.population)}`,
        unmeasured: current.perCapita.withoutPopulation,
      });
      perCapitaCard.draw(() => shown);
    });
    timed('demil', () => demilCard.draw((width) => demilChart(current.demil, width, tooltip)));
    timed('top states', () => topStatesCard.draw((width) => topStatesChart(current.topStates, width, tooltip)));
    const drill = current.treemap.some((l) => l.category === url.state.drill) ? url.state.drill : null;
    timed('treemap', () =>
      treemapCard.draw((width) => {
        const chart = treemapChart(current.treemap, drill, width, (category) => url.set({ drill: category ?? '' }), tooltip);
        if (chart === null || drill === null) return chart;
        const back = h('button', { type: 'button', class: 'btn btn-small treemap-back' }, '← All categories');
        back.addEventListener('click', () => url.set({ drill: '' }));
        return h('div', {}, h('p', { class: 'treemap-path' }, back, ` ${drill}`), chart);
      }),
    );
    timed('average', () => averageCard.draw((width) => averageValueChart(current.averageValue, width, tooltip)));
    timed('agencies', () => agenciesCard.draw((width) => topAgenciesChart(current.topAgencies, width, tooltip)));
    performance.measure('equipment:render', { start: started, end: performance.now() });
  };

  url.subscribe(render);
  root.replaceChildren(
    filterPanel({ controls: [states.element, years.element, categories.element, demil.element, ignoredNote], onReset: () => url.reset(), actions: [exporter.element] }),
    kpiRow([kpiItems, kpiValue, kpiAgencies, kpiStates]),
    h(
      'div',
      { class: 'grid' },
      timelineCard.element,
      topItemsCard.element,
      mapCard.element,
      growthCard.element,
      perCapitaCard.element,
      demilCard.element,
      topStatesCard.element,
      treemapCard.element,
      averageCard.element,
      agenciesCard.element,
    ),
  );
  root.classList.add('equipment-page');
  inTurns(render);
});
