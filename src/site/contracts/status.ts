import type { CacheFile, DatasetSummary } from './common.js';

/** The Status page's data asset, "status"; live figures come from the server's /health and /metrics. */
export interface StatusData {
  builtAt: string;
  dashVersion: string;
  datasets: DatasetSummary[];
  /** Every visible file of the cache folder, by name. */
  files: CacheFile[];
  totalBytes: number;
}

/** `/health` as `dash serve` answers it (the seed deployment guide's fields). */
export interface HealthResponse {
  status: 'healthy' | 'degraded' | string;
  uptime_seconds: number;
  cache: Record<string, { exists: boolean; size_bytes: number }>;
  cache_directory: boolean;
  data_available: boolean;
  all_caches_warm: boolean;
}

/** `/metrics` JSON: counters and histograms keyed `name` or `name{label=value,…}`. */
export interface MetricsResponse {
  counters: Record<string, number>;
  histograms: Record<string, { count: number; sum: number; min: number; max: number; avg: number }>;
}

/** The response header by which `dash serve` tells the Status page that /health and /metrics exist. */
export const SERVER_HEADER = 'x-dash-server';
