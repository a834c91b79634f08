import * as Plot from '@observablehq/plot';
import type { OverviewData } from '../../src/site/contracts/overview.js';
import { chartCard } from '../components/chart-card.js';
import { bindTableToUrl, dataTable } from '../components/data-table.js';
import { kpiCard, kpiRow } from '../components/kpi-card.js';
import { h, withCode } from '../lib/dom.js';
import { formatBytes, formatCompact, formatDuration, formatInteger, formatTimestamp } from '../lib/format.js';
import { DATASET, perDatasetChart } from '../lib/dataset-chart.js';
import { ACCENTS } from '../lib/plot-theme.js';
import { section, startPage } from '../lib/shell.js';

type Dataset = OverviewData['datasets'][number];

const SOURCE_TEXT: Record<string, string> = { full: 'Full data', sample: 'Sample files', demo: 'Demo data' };

startPage(async ({ root, json }) => {
  const data = await json<OverviewData>('overview');
  const built = data.datasets.filter((d) => d.source !== null);
  const totalRows = built.reduce((sum, d) => sum + (d.rows ?? 0), 0);
  const demo = built.filter((d) => d.source === 'demo');

  const welcome = h(
    'section',
    { class: 'card prose', 'aria-label': 'Welcome' },
    h('p', {}, 'dash turns four public datasets — US military surplus transfers to police, US military installations, medical transcriptions and ECG heartbeats — into an interactive, offline dashboard. Every chart is drawn in your browser from data files built with this site; nothing is fetched from anywhere else.'),
    demo.length > 0 ? h('p', {}, h('span', { class: 'badge badge-warn' }, 'Demo data'), ...withCode(` ${demo.map((d) => d.title).join(', ')} ${demo.length === 1 ? 'uses' : 'use'} dash's synthetic demo data: place the real files under \`datasets/\` and run \`dash build\` to replace ${demo.length === 1 ? 'it' : 'them'}.`)) : null,
  );

  const kpis = kpiRow([
    kpiCard({ label: 'Rows in this build', value: formatCompact(totalRows), detail: `${formatInteger(totalRows)} rows across ${built.length} datasets`, accent: 'blue' }),
    kpiCard({ label: 'Datasets', value: `${built.length} / ${data.datasets.length}`, detail: built.length === data.datasets.length ? 'all caches built' : 'some caches missing', accent: 'emerald' }),
    kpiCard({ label: 'Pages', value: String(data.pages.length + 1), detail: 'including this overview', accent: 'indigo' }),
    kpiCard({ label: 'Built', value: formatTimestamp(data.builtAt).slice(0, 10), detail: formatTimestamp(data.builtAt).slice(11), accent: 'amber' }),
  ]);

  const guide = section(
    'Guide to the pages',
    h(
      'div',
      { class: 'card-grid' },
      ...data.pages.map((p) => h('article', { class: 'card guide-card' }, h('h3', { class: 'card-title' }, h('a', { href: p.href }, p.title)), h('p', {}, withCode(p.summary)), p.guide.length > 0 ? h('ul', {}, ...p.guide.map((g) => h('li', {}, withCode(g)))) : null)),
    ),
  );

  const howTo = h(
    'section',
    { class: 'card prose', 'aria-label': 'How to use' },
    h('h3', { class: 'card-title' }, 'How to use'),
    h(
      'div',
      {},
      h(
        'ul',
        {},
        h('li', {}, 'Filters at the top of a page update every chart and table on it at once.'),
        h('li', {}, 'Every filter is kept in the address bar: reload, bookmark or share the link to reproduce the view; Back and Forward step through your changes.'),
        h('li', {}, 'The ', h('strong', {}, 'i'), ' button next to a chart title explains what the chart shows; SVG and PNG download the chart.'),
        h('li', {}, 'Export CSV writes the rows the filters leave, as a UTF-8 file that spreadsheets open directly.'),
        h('li', {}, 'Everything works from the keyboard: Tab moves between controls, arrow keys move within lists and sliders, Enter selects, Escape closes.'),
      ),
    ),
  );

  const table = dataTable<Dataset>({
    caption: 'Data sources of this build',
    pageSize: 10,
    columns: [
      { key: 'title', label: 'Dataset', value: (d) => d.title },
      { key: 'source', label: 'Source', value: (d) => (d.source === null ? 'not built' : (SOURCE_TEXT[d.source] ?? d.source)) },
      { key: 'rows', label: 'Rows', value: (d) => d.rows, align: 'right' },
      { key: 'bytes', label: 'Cache size', value: (d) => d.bytes, format: (d) => formatBytes(d.bytes), align: 'right' },
      { key: 'duration', label: 'Build time', value: (d) => d.durationMs, format: (d) => formatDuration(d.durationMs), align: 'right' },
      { key: 'builtAt', label: 'Built at', value: (d) => d.builtAt, format: (d) => formatTimestamp(d.builtAt), nowrap: true },
    ],
    rows: data.datasets,
  });
  bindTableToUrl(table, { sort: '', direction: 'asc' });

  const rowsChart = chartCard({
    title: 'Rows per dataset',
    empty: 'No cache has been built yet: run `dash build`.',
    info: 'Rows in each cache of this build, from the cache manifest (ECG counts heartbeats across all four files). Log scale: the datasets differ by orders of magnitude.',
    render: (width) =>
      perDatasetChart({
        width,
        datasets: built,
        x: { type: 'log', label: 'rows (log scale)', grid: true, tickFormat: '~s' },
        value: (d) => d.rows ?? 0,
        label: (d) => formatInteger(d.rows),
        bar: (data) => Plot.ruleY(data, { y: DATASET, x1: 1, x2: 'rows', stroke: ACCENTS.blue, strokeWidth: 10, strokeLinecap: 'round' }),
      }),
  });

  root.replaceChildren(welcome, kpis, section('Data sources', table.element), h('div', { class: 'grid' }, rowsChart.element, howTo), guide);
});
