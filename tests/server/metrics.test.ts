import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { emptySnapshot, mergeInto, metricKey, METRICS, MetricsRegistry, parseKey, toJson, toPrometheus } from '../../src/server/metrics.js';
import { processGauges, uptimeSeconds } from '../../src/server/process-metrics.js';

describe('metric keys', () => {
  it('sorts labels by key, as the original did', () => {
    expect(metricKey('http_requests_total', { status: '200', route: 'page' })).toBe('http_requests_total{route=page,status=200}');
    expect(metricKey('cache_hits')).toBe('cache_hits');
    expect(metricKey('cache_hits', {})).toBe('cache_hits');
    expect(parseKey('x{a=1,b=two}')).toEqual({ name: 'x', labels: [['a', '1'], ['b', 'two']] });
  });
});

describe('MetricsRegistry', () => {
  it('counts and summarises durations with the seed rounding', () => {
    const r = new MetricsRegistry();
    r.increment('cache_hits');
    r.increment('cache_hits');
    r.increment('bytes', { route: 'page' }, 500);
    r.observe('d', 0.0012345678, { route: 'page' });
    r.observe('d', 0.2, { route: 'page' });
    r.observe('d', 3, { route: 'page' });
    const json = toJson(r.snapshot(), {});
    expect(json.counters).toMatchObject({ 'bytes{route=page}': 500, cache_hits: 2, cache_misses: 0 });
    expect(json.histograms['d{route=page}']).toEqual({ count: 3, sum: 3.201235, min: 0.001235, max: 3, avg: 1.067078 });
    const h = r.snapshot().histograms['d{route=page}'];
    // 0.0012 → le 0.0025, 0.2 → le 0.25, 3 → le 5.
    expect(h?.buckets).toEqual([0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0]);
  });

  it('drains deltas that merge back into the same totals', () => {
    const worker1 = new MetricsRegistry();
    const worker2 = new MetricsRegistry();
    const total = new MetricsRegistry();
    worker1.increment('n', { route: 'page' }, 3);
    worker1.observe('d', 0.5);
    total.merge(worker1.drain());
    worker1.increment('n', { route: 'page' }, 1);
    worker2.increment('n', { route: 'page' }, 2);
    worker2.observe('d', 0.01);
    worker2.observe('d', 2);
    total.merge(worker1.drain());
    total.merge(worker2.drain());
    expect(worker1.snapshot()).toEqual(emptySnapshot());
    const json = toJson(total.snapshot(), {});
    expect(json.counters['n{route=page}']).toBe(6);
    expect(json.histograms.d).toEqual({ count: 3, sum: 2.51, min: 0.01, max: 2, avg: 0.836667 });
  });

  it('reports an empty histogram with zeros, never Infinity', () => {
    const snap = emptySnapshot();
    snap.histograms.x = { count: 0, sum: 0, min: Number.POSITIVE_INFINITY, max: 0, buckets: [] };
    expect(toJson(snap, {}).histograms.x).toEqual({ count: 0, sum: 0, min: 0, max: 0, avg: 0 });
  });

  it('merges a histogram into an empty target without sharing arrays', () => {
    const a = emptySnapshot();
    const b = new MetricsRegistry();
    b.observe('d', 1);
    const delta = b.drain();
    mergeInto(a, delta);
    mergeInto(a, delta);
    expect(a.histograms.d?.count).toBe(2);
    expect(delta.histograms.d?.count).toBe(1);
  });
});

describe('Prometheus exposition', () => {
  it('writes counters with _total, cumulative buckets, sum, count and gauges', () => {
    const r = new MetricsRegistry();
    r.increment('http_requests_total', { route: 'page', status: '200' }, 4);
    r.increment('cache_hits', undefined, 2);
    r.observe('http_request_duration_seconds', 0.003, { route: 'page' });
    r.observe('http_request_duration_seconds', 0.02, { route: 'page' });
    const text = toPrometheus(r.snapshot(), [{ name: 'dash_workers', type: 'gauge', help: 'Workers.', value: 2 }]);
    const lines = text.split('\n');
    expect(lines).toContain('# TYPE dash_cache_hits_total counter');
    expect(lines).toContain('dash_cache_hits_total 2');
    expect(lines).toContain('dash_http_requests_total{route="page",status="200"} 4');
    expect(lines).toContain('dash_http_request_duration_seconds_bucket{route="page",le="0.0025"} 0');
    expect(lines).toContain('dash_http_request_duration_seconds_bucket{route="page",le="0.005"} 1');
    expect(lines).toContain('dash_http_request_duration_seconds_bucket{route="page",le="0.025"} 2');
    expect(lines).toContain('dash_http_request_duration_seconds_bucket{route="page",le="+Inf"} 2');
    expect(lines).toContain('dash_http_request_duration_seconds_sum{route="page"} 0.023');
    expect(lines).toContain('dash_http_request_duration_seconds_count{route="page"} 2');
    expect(text.endsWith('# HELP dash_workers Workers.\n# TYPE dash_workers gauge\ndash_workers 2\n')).toBe(true);
  });

  it('escapes label values', () => {
    const r = new MetricsRegistry();
    r.increment('x_total', { path: 'a"b\\c' });
    expect(toPrometheus(r.snapshot(), [])).toContain('dash_x_total{path="a\\"b\\\\c"} 1');
  });
});

describe('before the first request', () => {
  const figures = { processes: [{ rssBytes: 1, heapUsedBytes: 1, cpuSeconds: 0.5 }], workers: 1, startedAtMs: 0, nowMs: 1000 };

  it('every counter series that can be known in advance is there at 0, in JSON and Prometheus', () => {
    const json = toJson(emptySnapshot(), {});
    expect(json.counters).toMatchObject({ cache_hits: 0, cache_misses: 0, errors_total: 0, 'http_response_bytes_total{route=page}': 0, 'http_client_errors_total{status=431}': 0 });
    const text = toPrometheus(emptySnapshot(), processGauges(figures));
    for (const line of ['dash_errors_total 0', 'dash_cache_hits_total 0', 'dash_cache_misses_total 0', 'dash_http_response_bytes_total{route="asset"} 0', 'dash_http_client_errors_total{status="400"} 0']) {
      expect(text.split('\n')).toContain(line);
    }
    // Families whose series depend on traffic (a status, a route's first request) are declared all the same.
    expect(text).toContain('# TYPE dash_http_requests_total counter\n');
    expect(text).toContain('# TYPE dash_http_request_duration_seconds histogram\n');
  });

  it('recorded values replace the zeros, never add a second series', () => {
    const r = new MetricsRegistry();
    r.increment('errors_total');
    const text = toPrometheus(r.snapshot(), []);
    expect(text.split('\n').filter((l) => l.startsWith('dash_errors_total'))).toEqual(['dash_errors_total 1']);
  });

  it.skipIf(spawnSync('promtool', ['--version']).error !== undefined)('passes promtool check metrics, empty and after traffic', () => {
    const r = new MetricsRegistry();
    r.increment('http_requests_total', { route: 'page', status: '200' }, 3);
    r.observe('http_request_duration_seconds', 0.01, { route: 'page' });
    for (const snapshot of [emptySnapshot(), r.snapshot()]) {
      const check = spawnSync('promtool', ['check', 'metrics'], { input: toPrometheus(snapshot, processGauges(figures)), encoding: 'utf8' });
      expect(`${check.status} ${check.stdout}${check.stderr}`.trim()).toBe('0');
    }
  });

  it('README.md documents every dash_ metric with its Prometheus type', () => {
    const text = toPrometheus(emptySnapshot(), processGauges(figures));
    const exposed = Object.fromEntries([...text.matchAll(/^# TYPE (\S+) (\S+)$/gm)].map((m) => [m[1], m[2]]));
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const documented = Object.fromEntries([...readme.matchAll(/^\| `(dash_\w+|process_\w+|nodejs_\w+)` \| (counter|gauge|histogram) \|/gm)].map((m) => [m[1], m[2]]));
    expect(documented).toEqual(exposed);
    expect(Object.keys(exposed).filter((n) => n.startsWith('dash_')).length).toBe(Object.keys(METRICS).length + 2);
  });
});

describe('process gauges', () => {
  it('keeps the CPU time of exited workers, so process_cpu_seconds_total never falls', () => {
    const cpu = (retiredCpuSeconds: number, live: number[]): number | undefined =>
      processGauges({ processes: live.map((c) => ({ rssBytes: 0, heapUsedBytes: 0, cpuSeconds: c })), retiredCpuSeconds, workers: live.length, startedAtMs: 0, nowMs: 0 }).find(
        (g) => g.name === 'process_cpu_seconds_total',
      )?.value;
    // Primary 1 s, workers 2 s and 3 s; the 3 s worker dies and a fresh one starts at 0.1 s.
    expect(cpu(0, [1, 2, 3])).toBe(6);
    expect(cpu(3, [1, 2, 0.1])).toBe(6.1);
  });


  it('sums every process of the server and rounds uptime to 0.1 s', () => {
    const gauges = processGauges({
      processes: [
        { rssBytes: 100, heapUsedBytes: 10, cpuSeconds: 1.5 },
        { rssBytes: 250, heapUsedBytes: 20, cpuSeconds: 0.25 },
      ],
      workers: 2,
      startedAtMs: 1_000_000,
      nowMs: 1_012_345,
    });
    expect(Object.fromEntries(gauges.map((g) => [g.name, g.value]))).toEqual({
      process_resident_memory_bytes: 350,
      nodejs_heap_used_bytes: 30,
      process_cpu_seconds_total: 1.75,
      process_start_time_seconds: 1000,
      dash_uptime_seconds: 12.3,
      dash_workers: 2,
    });
    expect(uptimeSeconds(0, 12_349)).toBe(12.3);
    expect(uptimeSeconds(0, 12_351)).toBe(12.4);
  });
});
