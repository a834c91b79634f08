/**
 * The /metrics registry (S-3): counters and histograms keyed like the original (`name` or `name{k1=v1,k2=v2}`,
 * labels sorted by key), so the JSON keeps the seed's shape. Snapshots are plain data: a worker sends its
 * deltas to the cluster primary, which merges them, so the figures are the whole server's.
 */

import { CLIENT_ERROR_REASONS, ROUTE_CLASSES } from './routes.js';

export type Labels = Record<string, string>;

/** Upper bounds (seconds) of the Prometheus histogram buckets; the JSON keeps the seed's count/sum/min/max/avg. */
export const DURATION_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;

export interface HistogramData {
  count: number;
  sum: number;
  min: number;
  max: number;
  /** Non-cumulative counts per bucket of DURATION_BUCKETS, plus one for +Inf. */
  buckets: number[];
}

export interface MetricsSnapshot {
  counters: Record<string, number>;
  histograms: Record<string, HistogramData>;
}

export interface HistogramSummary {
  count: number;
  sum: number;
  min: number;
  max: number;
  avg: number;
}

/** The JSON body of GET /metrics: the seed's two sections plus process gauges (memory, CPU, workers). */
export interface MetricsJson {
  counters: Record<string, number>;
  histograms: Record<string, HistogramSummary>;
  gauges: Record<string, number>;
}

export function metricKey(name: string, labels?: Labels): string {
  if (!labels) return name;
  const keys = Object.keys(labels).sort();
  if (keys.length === 0) return name;
  return `${name}{${keys.map((k) => `${k}=${labels[k]}`).join(',')}}`;
}

export function emptySnapshot(): MetricsSnapshot {
  return { counters: {}, histograms: {} };
}

export class MetricsRegistry {
  private data: MetricsSnapshot = emptySnapshot();

  increment(name: string, labels?: Labels, value = 1): void {
    const key = metricKey(name, labels);
    this.data.counters[key] = (this.data.counters[key] ?? 0) + value;
  }

  observe(name: string, seconds: number, labels?: Labels): void {
    const key = metricKey(name, labels);
    let h = this.data.histograms[key];
    if (!h) {
      h = { count: 0, sum: 0, min: Number.POSITIVE_INFINITY, max: 0, buckets: new Array<number>(DURATION_BUCKETS.length + 1).fill(0) };
      this.data.histograms[key] = h;
    }
    h.count++;
    h.sum += seconds;
    if (seconds < h.min) h.min = seconds;
    if (seconds > h.max) h.max = seconds;
    let i = 0;
    while (i < DURATION_BUCKETS.length && seconds > (DURATION_BUCKETS[i] as number)) i++;
    h.buckets[i] = (h.buckets[i] as number) + 1;
  }

  snapshot(): MetricsSnapshot {
    return structuredClone(this.data);
  }

  /** Returns what was recorded since the last drain and starts afresh: a worker's delta for the primary. */
  drain(): MetricsSnapshot {
    const out = this.data;
    this.data = emptySnapshot();
    return out;
  }

  /** Adds another registry's snapshot (a worker's delta) into this one. */
  merge(other: MetricsSnapshot): void {
    mergeInto(this.data, other);
  }
}

export function mergeInto(target: MetricsSnapshot, other: MetricsSnapshot): void {
  for (const [key, value] of Object.entries(other.counters)) target.counters[key] = (target.counters[key] ?? 0) + value;
  for (const [key, h] of Object.entries(other.histograms)) {
    const t = target.histograms[key];
    if (!t) {
      target.histograms[key] = { ...h, buckets: [...h.buckets] };
      continue;
    }
    t.count += h.count;
    t.sum += h.sum;
    t.min = Math.min(t.min, h.min);
    t.max = Math.max(t.max, h.max);
    h.buckets.forEach((n, i) => (t.buckets[i] = (t.buckets[i] ?? 0) + n));
  }
}

const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

/** The seed's JSON: sum, min, max and avg rounded to 6 decimals, avg 0 and min 0 for an empty histogram. */
export function toJson(snapshot: MetricsSnapshot, gauges: Record<string, number>): MetricsJson {
  const histograms: Record<string, HistogramSummary> = {};
  for (const key of Object.keys(snapshot.histograms).sort()) {
    const h = snapshot.histograms[key] as HistogramData;
    histograms[key] = {
      count: h.count,
      sum: round6(h.sum),
      min: h.count === 0 ? 0 : round6(h.min),
      max: round6(h.max),
      avg: h.count === 0 ? 0 : round6(h.sum / h.count),
    };
  }
  const all = countersWithInitial(snapshot.counters);
  const counters: Record<string, number> = {};
  for (const key of Object.keys(all).sort()) counters[key] = all[key] as number;
  return { counters, histograms, gauges };
}

/** Splits `name{a=1,b=2}` back into its name and labels. */
export function parseKey(key: string): { name: string; labels: [string, string][] } {
  const brace = key.indexOf('{');
  if (brace === -1) return { name: key, labels: [] };
  const labels = key
    .slice(brace + 1, -1)
    .split(',')
    .map((pair) => {
      const eq = pair.indexOf('=');
      return [pair.slice(0, eq), pair.slice(eq + 1)] as [string, string];
    });
  return { name: key.slice(0, brace), labels };
}

const PREFIX = 'dash_';

function promLabels(labels: [string, string][], extra?: [string, string]): string {
  const all = extra ? [...labels, extra] : labels;
  if (all.length === 0) return '';
  const escape = (v: string): string => v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
  return `{${all.map(([k, v]) => `${k}="${escape(v)}"`).join(',')}}`;
}

const promName = (name: string): string => PREFIX + name.replace(/[^a-zA-Z0-9_:]/g, '_');

export interface GaugeHelp {
  /** Prometheus name without the prefix rules applied (process_* names follow the client libraries' conventions). */
  name: string;
  type: 'gauge' | 'counter';
  help: string;
  value: number;
  labels?: Labels;
}

const SOURCE_KINDS = ['full', 'sample', 'demo'] as const;

/**
 * `dash_dataset_source{dataset,source}`: 1 for the source each cache was built from, 0 for the others (all 0 for a
 * cache not recorded), so `dash_dataset_source{source="demo"} == 1` can alert on demo data in production.
 */
export function sourceGauges(sources: Record<string, string | null>): GaugeHelp[] {
  return Object.entries(sources).flatMap(([dataset, current]) =>
    SOURCE_KINDS.map((source) => ({
      name: 'dash_dataset_source',
      type: 'gauge' as const,
      help: 'Where each cache was built from (full data, sample files or demo data): 1 for its source.',
      value: current === source ? 1 : 0,
      labels: { dataset, source },
    })),
  );
}

export interface MetricInfo {
  type: 'counter' | 'histogram';
  help: string;
  /**
   * Series that exist at 0 before anything happened, so a scraper sees them from the first scrape (rate() and
   * alerts on a counter need its 0; an absent series looks like a missing target).
   */
  initial: Labels[];
}

const byRoute = ROUTE_CLASSES.map((route) => ({ route }));

/** Every metric the server records. http_requests_total's series appear with their first status. */
export const METRICS: Readonly<Record<string, MetricInfo>> = {
  http_requests_total: { type: 'counter', help: 'HTTP requests answered, by route class and status.', initial: [] },
  http_response_bytes_total: { type: 'counter', help: 'Response body bytes sent, by route class.', initial: byRoute },
  http_request_duration_seconds: { type: 'histogram', help: 'Time from request to response end, by route class.', initial: [] },
  cache_hits: { type: 'counter', help: 'Static responses answered 304 Not Modified (the client cache was current).', initial: [{}] },
  cache_misses: { type: 'counter', help: 'Static responses sent in full (200 or 206).', initial: [{}] },
  http_client_errors_total: {
    type: 'counter',
    help: 'Connections rejected before routing (malformed or oversized request, timeout), by status.',
    initial: Object.keys(CLIENT_ERROR_REASONS).map((status) => ({ status })),
  },
  errors_total: { type: 'counter', help: 'Unexpected server errors (500).', initial: [{}] },
};

/** The counters with every declared series present: recorded values, and 0 for what has not happened yet. */
export function countersWithInitial(counters: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, info] of Object.entries(METRICS)) {
    if (info.type === 'counter') for (const labels of info.initial) out[metricKey(name, labels)] = 0;
  }
  return Object.assign(out, counters);
}

/** Keys grouped by metric name (sorted), since Prometheus wants one HELP/TYPE block per name. */
function groupByName(entries: Record<string, unknown>, type: MetricInfo['type']): Map<string, string[]> {
  const byName = new Map<string, string[]>();
  // Declared families first get their block even before their first series, so every name is listed from the start.
  for (const name of Object.keys(METRICS).sort()) if (METRICS[name]?.type === type) byName.set(name, []);
  for (const key of Object.keys(entries).sort()) {
    const { name } = parseKey(key);
    byName.set(name, [...(byName.get(name) ?? []), key]);
  }
  return new Map([...byName].sort(([a], [b]) => a.localeCompare(b)));
}

/** Prometheus text exposition (format 0.0.4): the registry under a `dash_` prefix, then the process gauges. */
export function toPrometheus(snapshot: MetricsSnapshot, gauges: GaugeHelp[]): string {
  const lines: string[] = [];
  const counters = countersWithInitial(snapshot.counters);
  for (const [name, keys] of groupByName(counters, 'counter')) {
    const metric = promName(name.endsWith('_total') ? name : `${name}_total`);
    lines.push(`# HELP ${metric} ${METRICS[name]?.help ?? name}`, `# TYPE ${metric} counter`);
    for (const key of keys) lines.push(`${metric}${promLabels(parseKey(key).labels)} ${counters[key]}`);
  }
  for (const [name, keys] of groupByName(snapshot.histograms, 'histogram')) {
    const metric = promName(name);
    lines.push(`# HELP ${metric} ${METRICS[name]?.help ?? name}`, `# TYPE ${metric} histogram`);
    for (const key of keys) {
      const h = snapshot.histograms[key] as HistogramData;
      const labels = parseKey(key).labels;
      let cumulative = 0;
      DURATION_BUCKETS.forEach((le, i) => {
        cumulative += h.buckets[i] ?? 0;
        lines.push(`${metric}_bucket${promLabels(labels, ['le', String(le)])} ${cumulative}`);
      });
      lines.push(`${metric}_bucket${promLabels(labels, ['le', '+Inf'])} ${h.count}`);
      lines.push(`${metric}_sum${promLabels(labels)} ${round6(h.sum)}`);
      lines.push(`${metric}_count${promLabels(labels)} ${h.count}`);
    }
  }
  let previous: string | undefined;
  for (const g of gauges) {
    // One HELP/TYPE block per name: labelled gauges of one name follow each other.
    if (g.name !== previous) lines.push(`# HELP ${g.name} ${g.help}`, `# TYPE ${g.name} ${g.type}`);
    previous = g.name;
    lines.push(`${g.name}${promLabels(g.labels ? Object.entries(g.labels) : [])} ${g.value}`);
  }
  return `${lines.join('\n')}\n`;
}
