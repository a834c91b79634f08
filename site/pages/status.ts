import * as Plot from '@observablehq/plot';
import { SERVER_HEADER, type HealthResponse, type MetricsResponse, type StatusData } from '../../src/site/contracts/status.js';
import { chartCard } from '../components/chart-card.js';
import { bindTableToUrl, dataTable } from '../components/data-table.js';
import { kpiCard, kpiRow } from '../components/kpi-card.js';
import { h } from '../lib/dom.js';
import { formatBytes, formatClock, formatDuration, formatInteger, formatSeconds, formatTimestamp } from '../lib/format.js';
import { metricName } from '../lib/metric-names.js';
import { DATASET, perDatasetChart } from '../lib/dataset-chart.js';
import { ACCENTS } from '../lib/plot-theme.js';
import { section, startPage } from '../lib/shell.js';

type Dataset = StatusData['datasets'][number];

const REFRESH_MS = 10_000;
const SOURCE_TEXT: Record<string, string> = { full: 'Full data', sample: 'Sample files', demo: 'Demo data' };

function freshnessBadge(d: Dataset): HTMLElement {
  const tone = d.freshness === 'fresh' ? 'badge-good' : d.freshness === 'stale' ? 'badge-warn' : 'badge-bad';
  return h('span', { class: `badge ${tone}`, title: d.reason }, d.freshness);
}

function sourceBadge(d: Dataset): HTMLElement {
  if (d.source === null) return h('span', { class: 'badge badge-bad' }, 'not built');
  return h('span', { class: `badge ${d.source === 'demo' ? 'badge-warn' : 'badge-info'}` }, SOURCE_TEXT[d.source] ?? d.source);
}

/** The readable name, with the raw key under it for whoever writes the Prometheus query. */
function metricCell(key: string): HTMLElement {
  return h('span', {}, metricName(key).label, h('code', { class: 'metric-key' }, key));
}

startPage(async ({ root, json }) => {
  const data = await json<StatusData>('status');
  const built = data.datasets.filter((d) => d.source !== null);

  const kpis = kpiRow([
    kpiCard({ label: 'Caches built', value: `${built.length} / ${data.datasets.length}`, detail: `${data.datasets.filter((d) => d.freshness === 'fresh').length} fresh`, accent: built.length === data.datasets.length ? 'emerald' : 'rose' }),
    kpiCard({ label: 'Cache size', value: formatBytes(data.totalBytes), detail: `${data.files.length} files`, accent: 'blue' }),
    kpiCard({ label: 'Rows', value: formatInteger(built.reduce((s, d) => s + (d.rows ?? 0), 0)), detail: 'across all caches', accent: 'indigo' }),
    kpiCard({ label: 'Site built', value: formatTimestamp(data.builtAt).slice(0, 10), detail: `${formatTimestamp(data.builtAt).slice(11)} · dash ${data.dashVersion}`, accent: 'amber' }),
  ]);

  const table = dataTable<Dataset>({
    caption: 'Datasets',
    columns: [
      { key: 'title', label: 'Dataset', value: (d) => d.title },
      { key: 'source', label: 'Source', value: (d) => d.source ?? '', format: sourceBadge, nowrap: true },
      { key: 'freshness', label: 'Cache', value: (d) => d.freshness, format: freshnessBadge },
      { key: 'rows', label: 'Rows', value: (d) => d.rows, align: 'right' },
      { key: 'bytes', label: 'Size', value: (d) => d.bytes, format: (d) => formatBytes(d.bytes), align: 'right' },
      { key: 'builtAt', label: 'Built at', value: (d) => d.builtAt, format: (d) => formatTimestamp(d.builtAt), nowrap: true },
      { key: 'duration', label: 'Build duration', value: (d) => d.durationMs, format: (d) => formatDuration(d.durationMs), align: 'right' },
      { key: 'warnings', label: 'Input warnings', value: (d) => d.warnings, align: 'right' },
      { key: 'artefact', label: 'File', value: (d) => d.artefact, format: (d) => h('code', {}, d.artefact) },
    ],
    rows: data.datasets,
  });
  bindTableToUrl(table, { sort: '', direction: 'asc' });

  const largest = Math.max(1, ...data.files.map((f) => f.bytes));
  const files = h(
    'div',
    { class: 'card' },
    data.files.length === 0
      ? h('p', { class: 'state state-empty' }, 'No cache files found.')
      : h(
          'ul',
          { class: 'bar-list', 'aria-label': 'Cache files by size' },
          ...data.files.map((f) => {
            const bar = h('span');
            bar.style.width = `${Math.max(0.5, (f.bytes / largest) * 100)}%`;
            return h('li', { class: 'bar-row' }, h('span', {}, h('code', {}, f.name), ' ', h('span', { class: 'badge' }, f.name.split('.').pop()?.toUpperCase() ?? '')), h('span', { class: 'bar', role: 'img', 'aria-label': `${((f.bytes / Math.max(1, data.totalBytes)) * 100).toFixed(1)} % of the cache` }, bar), h('span', { class: 'bar-value' }, formatBytes(f.bytes)));
          }),
          h('li', { class: 'bar-row bar-total' }, h('span', {}, 'Total cache size'), h('span'), h('span', { class: 'bar-value' }, formatBytes(data.totalBytes))),
        ),
  );

  const durations = chartCard({
    title: 'Build duration by dataset',
    empty: 'No cache has been built yet: run `dash build`.',
    info: 'Wall-clock time each cache took to build, from the cache manifest. A cache that was fresh keeps the duration of the build that made it.',
    render: (width) =>
      perDatasetChart({
        width,
        datasets: built,
        x: { label: 'seconds', grid: true },
        value: (d) => (d.durationMs ?? 0) / 1000,
        label: (d) => formatDuration(d.durationMs),
        bar: (data) => [Plot.barX(data, { y: DATASET, x: (d: Dataset) => (d.durationMs ?? 0) / 1000, fill: ACCENTS.indigo, rx: 4 }), Plot.ruleX([0])],
      }),
  });

  // Odd input the build accepted (rows skipped, values replaced, shapes dropped), as the manifest words it.
  const warned = data.datasets.filter((d) => d.warningText.length > 0);
  const warnings = h(
    'div',
    { class: 'card' },
    warned.length === 0
      ? h('p', { class: 'state state-empty' }, 'No warnings: every input row was read as written.')
      : h('ul', { class: 'warning-list', 'aria-label': 'Input warnings by dataset' }, ...warned.flatMap((d) => d.warningText.map((w) => h('li', {}, h('strong', {}, d.title), ': ', w)))),
  );

  const live = h('div', { class: 'live' }, h('p', { class: 'state state-loading', role: 'status' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), 'Checking for a dash server…'));

  root.replaceChildren(
    kpis,
    section('Datasets', table.element),
    section('Input warnings', warnings),
    h('div', { class: 'grid' }, section('Cache files', files), durations.element),
    section('Live server', live),
  );
  await startLive(live);
});

/**
 * Live figures exist only under `dash serve`. A static host has no /health, and fetching it there would log a
 * 404 in the console, so the page first asks for itself (which always exists) and looks for dash's header.
 */
async function startLive(container: HTMLElement): Promise<void> {
  let served = false;
  try {
    const self = await fetch(window.location.href, { cache: 'no-cache' });
    served = self.headers.has(SERVER_HEADER);
  } catch {
    served = false;
  }
  if (!served) {
    container.replaceChildren(
      h('div', { class: 'card prose', role: 'status' }, h('p', {}, h('span', { class: 'badge' }, 'Static host'), ' Live figures are unavailable: this copy of the site is served by a plain static host.'), h('p', {}, 'Run ', h('code', {}, 'dash serve'), ' to see uptime, requests and cache health from /health and /metrics here.')),
    );
    return;
  }
  const uptime = kpiCard({ label: 'Uptime', accent: 'emerald' });
  const health = kpiCard({ label: 'Health', accent: 'blue' });
  const requests = kpiCard({ label: 'Requests', accent: 'indigo', info: 'Sum of the server’s request counters since it started (this process).' });
  const caches = kpiCard({ label: 'Caches warm', accent: 'amber' });
  // Every counter on one page: dash serve records about a dozen, and splitting them hides half of them.
  const counters = dataTable<[string, number]>({
    caption: 'Counters',
    pageSize: 100,
    sort: { key: 'value', direction: 'desc' },
    columns: [
      { key: 'name', label: 'Counter', value: (c) => metricName(c[0]).label, format: (c) => metricCell(c[0]) },
      { key: 'value', label: 'Value', value: (c) => c[1], format: (c) => (metricName(c[0]).unit === 'bytes' ? formatBytes(c[1]) : formatInteger(c[1])), align: 'right' },
    ],
  });
  const histograms = dataTable<[string, MetricsResponse['histograms'][string]]>({
    caption: 'Timings',
    pageSize: 100,
    sort: { key: 'count', direction: 'desc' },
    columns: [
      { key: 'name', label: 'Histogram', value: (e) => metricName(e[0]).label, format: (e) => metricCell(e[0]) },
      { key: 'count', label: 'Count', value: (e) => e[1].count, align: 'right' },
      { key: 'avg', label: 'Average', value: (e) => e[1].avg, format: (e) => formatDuration(e[1].avg * 1000), align: 'right' },
      { key: 'max', label: 'Max', value: (e) => e[1].max, format: (e) => formatDuration(e[1].max * 1000), align: 'right' },
    ],
  });
  const updated = h('p', { class: 'kpi-detail', 'aria-live': 'polite' });
  container.replaceChildren(h('div', { class: 'page-section' }, kpiRow([uptime, health, requests, caches]), h('div', { class: 'grid' }, counters.element, histograms.element), updated));

  const refresh = async (): Promise<void> => {
    try {
      const [healthResponse, metricsResponse] = await Promise.all([fetch('health', { cache: 'no-store' }), fetch('metrics', { cache: 'no-store' })]);
      const body = (await healthResponse.json()) as HealthResponse;
      const metrics = (await metricsResponse.json()) as MetricsResponse;
      const warm = Object.values(body.cache ?? {}).filter((c) => c.exists).length;
      uptime.set(formatSeconds(body.uptime_seconds));
      health.set(body.status, `HTTP ${healthResponse.status}${body.data_available ? '' : ' · no datasets folder'}`);
      const counterEntries = Object.entries(metrics.counters ?? {});
      const requestTotal = counterEntries.filter(([name]) => /request/i.test(name)).reduce((s, [, v]) => s + v, 0);
      requests.set(formatInteger(requestTotal));
      caches.set(`${warm} / ${Object.keys(body.cache ?? {}).length}`, body.all_caches_warm ? 'all cache files present' : 'some cache files missing');
      counters.setRows(counterEntries, { keepPage: true });
      histograms.setRows(Object.entries(metrics.histograms ?? {}), { keepPage: true });
      updated.textContent = `Updated ${formatClock(new Date())} · refreshes every ${REFRESH_MS / 1000} s`;
    } catch {
      updated.textContent = 'The server did not answer; retrying.';
    }
  };
  await refresh();
  setInterval(() => void refresh(), REFRESH_MS);
}
