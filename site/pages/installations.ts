import type { EncodedFootprint } from '../../src/site/geometry/footprint-codec.js';
import type { InstallationsMeta } from '../../src/site/contracts/installations.js';
import { chartCard, inTurns, type ChartCard } from '../components/chart-card.js';
import { exportButton } from '../components/export-button.js';
import { filterPanel } from '../components/filter-panel.js';
import { multiSelect, type MultiSelect } from '../components/multi-select.js';
import { h } from '../lib/dom.js';
import { formatInteger } from '../lib/format.js';
import { emptyState, loadingState, section, startPage } from '../lib/shell.js';
import { UrlState, type StateOf } from '../lib/url-state.js';
import { areaBoxChart, areaIsolationChart, componentStatusChart, jointBasesChart, statusDonut, statusScale, topStatesChart } from './installations/charts.js';
import { applyFilters, EXPORT_HEADER, exportRow, filterOptions, installationsFromTable, selectionKeys, type Installation, type InstallationFilters } from './installations/installations.js';
import { componentLegend } from './installations/legend.js';
import { describeUnits } from './installations/measures.js';
import { densityMap, footprintView, hoverLines, installationMap, installationsTable, smallMultiples } from './installations/maps.js';
import { sunburstHierarchy } from './installations/sunburst.js';
import { sunburstChart } from './installations/sunburst-chart.js';
import { createTooltip } from '../lib/tooltip.js';
import { stateCodeOf } from '../../src/datasets/lookups/states.js';
import { withTable } from '../lib/chart-data.js';
import './installations.css';

const SCHEMA = {
  component: { kind: 'list' },
  status: { kind: 'list' },
  state: { kind: 'list' },
  joint: { kind: 'list' },
  /** The selected installation, by name. */
  base: { kind: 'string' },
  /** Sunburst drill-down path. */
  drill: { kind: 'list' },
} as const;

type PageState = StateOf<typeof SCHEMA>;

const filtersOf = (state: PageState): InstallationFilters => ({ components: state.component, statuses: state.status, states: state.state, joints: state.joint });

startPage(async (context) => {
  const table = await context.table('installations');
  const all = installationsFromTable(table);
  const meta = table.meta as InstallationsMeta;
  const options = filterOptions(all);
  // The lists accept only what the data holds; a state may be given by its name (?state=Guam).
  const url = new UrlState({
    ...SCHEMA,
    component: { kind: 'list', values: options.components },
    status: { kind: 'list', values: options.statuses },
    state: { kind: 'list', values: options.states, resolve: stateCodeOf },
    joint: { kind: 'list', values: options.joints },
  });
  const statuses = statusScale(all);
  let footprintData: EncodedFootprint[] | null = null;
  let footprintLoad: Promise<EncodedFootprint[]> | null = null;
  const footprints = (): Promise<EncodedFootprint[]> =>
    (footprintLoad ??= context.json<EncodedFootprint[]>('footprints').then((data) => {
      footprintData = data;
      return data;
    }));

  const root = context.root;
  root.classList.add('inst-page');
  const tooltip = createTooltip(root);
  let rows: Installation[] = [];
  let selected: Installation | null = null;
  const keys = selectionKeys(all);
  const keyOf = new Map(all.map((row, i) => [row, keys[i] as string]));
  const byKey = new Map(all.map((row, i) => [keys[i] as string, row]));
  const select = (row: Installation): void => url.set({ base: keyOf.get(row) ?? row.name });

  const count = (values: string[], pick: (row: Installation) => string) => values.map((value) => ({ value, label: value, hint: formatInteger(all.filter((row) => pick(row) === value).length) }));
  const controls: Record<'component' | 'status' | 'state' | 'joint', MultiSelect> = {
    component: multiSelect({ label: 'Component', options: count(options.components, (r) => r.component), value: url.state.component, placeholder: 'All components', onChange: (v) => url.set({ component: v }) }),
    status: multiSelect({ label: 'Operational status', options: count(options.statuses, (r) => r.status), value: url.state.status, placeholder: 'All statuses', onChange: (v) => url.set({ status: v }) }),
    state: multiSelect({ label: 'State / territory', options: count(options.states, (r) => r.state), value: url.state.state, placeholder: 'All states and territories', onChange: (v) => url.set({ state: v }) }),
    joint: multiSelect({ label: 'Joint base', options: count(options.joints, (r) => r.joint), value: url.state.joint, placeholder: 'All', onChange: (v) => url.set({ joint: v }) }),
  };
  const exporter = exportButton({
    page: 'installations',
    header: () => EXPORT_HEADER,
    rows: () => rows.map(exportRow),
    count: () => rows.length,
  });
  const summary = h('p', { class: 'inst-summary', 'aria-live': 'polite' });

  /** Each card's drawing, in the order the cards are made. */
  const cards: (() => void)[] = [];
  const card = (title: string, info: string, render: (width: number) => Element | null, wide = false): ChartCard => {
    const c = chartCard({ title, info, wide });
    cards.push(() => c.draw(render));
    return c;
  };

  const mapCard = card(
    'Installations map',
    'Every installation as a dot in its component colour (hue = service, shade = Active / Guard / Reserve); territories in insets under the states. Hover for details, click to select; zoom with the wheel or the buttons: from 6× on, and for the selected installation, the footprints are drawn.',
    (width) => (rows.length === 0 ? null : installationMap({ rows, width, selected: selected && rows.includes(selected) ? selected : null, tooltip, footprints, onSelect: select })),
    true,
  );
  const selectionCard = chartCard({
    title: 'Selected installation',
    info: `The footprint from the dataset's Geo Shape, simplified in the pipeline (Douglas–Peucker, tolerance 0.4 % of the footprint's size, at least 5 m: ${formatInteger(meta.verticesIn)} vertices → ${formatInteger(meta.verticesOut)}).`,
    render: () => null,
  });
  const renderSelection = (): void => {
    selectionCard.draw((width) => {
      if (selected === null) return emptyState('Click an installation on the map, the scatter plot or the sunburst to see its footprint here.');
      const row = selected;
      if (row.footprint >= 0 && footprintData === null) {
        void footprints().then(() => renderSelection());
        return loadingState('Loading the footprint…');
      }
      const details = h('dl', { class: 'inst-details' }, ...hoverLines(row).slice(1).map((line) => h('dd', {}, line)));
      const clear = h('button', { type: 'button', class: 'btn btn-ghost btn-small' }, 'Clear selection');
      clear.addEventListener('click', () => url.set({ base: '' }));
      return h('div', { class: 'inst-selection', 'data-selected': row.name }, h('h3', {}, row.name), details, footprintView(row, row.footprint >= 0 ? (footprintData?.[row.footprint] ?? null) : null, Math.min(width, 520)), clear);
    });
  };

  const densityCard = card('Installations per state and territory', 'Count of installations per state or territory (colour), every installation as a white dot over it. Territories are in the insets.', (width) => (rows.length === 0 ? null : densityMap(rows, width, tooltip)));
  const donutCard = card('Operational status', 'Installations per operational status, with their share of the filtered total.', (width) => (rows.length === 0 ? null : statusDonut(rows, width, statuses, tooltip)));
  const branchCard = card('Installations by component and status', 'Installations per component, stacked by operational status.', (width) => (rows.length === 0 ? null : componentStatusChart(rows, width, statuses)));
  const statesCard = card('Top 20 states by installations', 'The 20 states or territories with most installations (largest at the top), stacked by component.', (width) => (rows.length === 0 ? null : topStatesChart(rows, width)));
  const jointCard = card('Joint bases', 'Installations that belong to a joint base, per joint base and component. Installations outside joint bases are counted below the chart.', (width) => (rows.length === 0 ? null : jointBasesChart(rows, width)));
  const measured = `Areas are geodesic: the footprint polygon (the dataset's Geo Shape, before simplification) measured on a sphere of radius 6,371.0088 km at site build, in km² (1 km² = 247.1 acres). The source's own figures are not used: ${describeUnits(meta.units ?? [])}.`;
  const boxCard = card(
    'Footprint area by component (log scale)',
    `Box plot of footprint area per component; installations without a footprint are left out. Quartiles and the 1.5 × IQR whiskers are computed on log10(area), so they mean the same at every height of the log axis; dots are outliers. ${measured}`,
    (width) => areaBoxChart(rows, width),
  );
  const scatterCard = card(
    'Footprint area vs distance to the nearest installation',
    `Does a large site sit alone, and which small sites are far from any other? Each installation's footprint area (km², log) against the great-circle distance from its Geo Point to the nearest other installation's (km, log; nearest among all installations, so filters never move a dot). Top right: large, isolated ranges and training areas; bottom right: small sites that support must travel to. This replaces area vs perimeter, a straight line by construction (perimeter grows as √area for shapes alike). ${measured} Hover for details, click to select.`,
    (width) => areaIsolationChart(rows, all, width, select),
  );
  const sunburstCard = card('State → component → installation', 'The 15 states with most installations, and as many rings as have room for their labels (at most two: states and components from the top, components and installations in a state); deeper levels are a drill away. Click a segment, or Tab to it and press Enter, to drill down; the centre goes back up; an installation selects it. The drill path is kept in the URL.', (width) =>
    rows.length === 0 ? null : withTable(sunburstChart({ root: sunburstHierarchy(rows, 15), path: url.state.drill, width, tooltip, onDrill: (path) => url.set({ drill: path }), onSelect: select }), installationsTable(rows)),
  );
  const multiplesCard = card('Installations by component', 'One map for every component present in the filtered installations, with its count.', (width) => (rows.length === 0 ? null : smallMultiples(rows, width, tooltip)), true);

  const reset = (): void => url.set({ component: [], status: [], state: [], joint: [], base: '', drill: [] });
  root.replaceChildren(
    filterPanel({ controls: Object.values(controls).map((c) => c.element), onReset: reset, actions: [exporter.element] }),
    summary,
    h('div', { class: 'card inst-legend-card' }, h('h2', { class: 'section-title' }, 'Colours'), componentLegend(options.components)),
    section('Where they are', h('div', { class: 'grid inst-map-grid' }, mapCard.element, selectionCard.element, densityCard.element)),
    section('Status and components', h('div', { class: 'grid' }, donutCard.element, branchCard.element, statesCard.element, jointCard.element)),
    section('Size', h('div', { class: 'grid' }, boxCard.element, scatterCard.element)),
    section('Hierarchy and components', h('div', { class: 'grid' }, sunburstCard.element, multiplesCard.element)),
  );

  /** Filters, selection, summary and export for a state; the cards are drawn by the caller. */
  const apply = (state: PageState): void => {
    for (const [key, control] of Object.entries(controls)) control.setValue(state[key as keyof typeof controls]);
    rows = applyFilters(all, filtersOf(state));
    selected = state.base === '' ? null : (byKey.get(state.base) ?? null);
    summary.textContent = `${formatInteger(rows.length)} of ${formatInteger(all.length)} installations match the filters.`;
    exporter.refresh();
  };
  // The map card is the first card made, so it is drawn first, then its selection panel, then the rest. The first
  // view draws them one per task (the small multiples and the sunburst alone took longer than the 1.5 s first-chart
  // budget), so the map is painted while the rest is drawn.
  const drawAll = (): void => {
    const [map, ...others] = cards;
    map?.();
    renderSelection();
    for (const render of others) render();
  };
  url.subscribe((state) => {
    apply(state);
    drawAll();
  });
  apply(url.state);
  inTurns(drawAll);
});
