/**
 * Readable names for dash serve's metrics on the Status page. The raw keys (`http_response_bytes_total{route=asset}`)
 * are what Prometheus queries use, so the page keeps them beside the name; people read "Bytes sent · assets".
 */
import { parseKey } from '../../src/server/metrics.js';

const NAMES: Record<string, string> = {
  http_requests_total: 'Requests',
  http_response_bytes_total: 'Bytes sent',
  http_client_errors_total: 'Malformed requests refused',
  http_request_duration_seconds: 'Response time',
  cache_hits: 'Cache hits (304 revalidations)',
  cache_misses: 'Cache misses (full responses)',
  errors_total: 'Server errors (500)',
};

/** How each route class of src/server/security.ts reads in a sentence. */
const ROUTES: Record<string, string> = {
  page: 'pages',
  asset: 'assets',
  file: 'other files',
  health: '/health',
  metrics: '/metrics',
  invalid: 'invalid requests',
};

export type MetricUnit = 'bytes' | 'seconds' | 'count';

export interface MetricName {
  /** The raw key, as /metrics sends it. */
  key: string;
  /** "Bytes sent · assets". */
  label: string;
  unit: MetricUnit;
}

/** `some_thing_total` → "Some thing": for metrics added later that have no name here yet. */
function fallbackName(name: string): string {
  const words = name.replace(/_total$/, '').replace(/_/g, ' ').trim();
  return words === '' ? name : words[0]!.toUpperCase() + words.slice(1);
}

function labelText(label: string, value: string): string {
  if (label === 'route') return ROUTES[value] ?? value;
  if (label === 'status') return `HTTP ${value}`;
  return `${label} ${value}`;
}

export function metricName(key: string): MetricName {
  const { name, labels } = parseKey(key);
  const unit: MetricUnit = /bytes/.test(name) ? 'bytes' : /seconds/.test(name) ? 'seconds' : 'count';
  const label = [NAMES[name] ?? fallbackName(name), ...labels.map(([k, v]) => labelText(k, v))].join(' · ');
  return { key, label, unit };
}
