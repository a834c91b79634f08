import type { GaugeHelp } from './metrics.js';

/** One process's resource figures; the primary sums its own and every live worker's. */
export interface ProcessStats {
  rssBytes: number;
  heapUsedBytes: number;
  cpuSeconds: number;
}

export function readProcessStats(): ProcessStats {
  const memory = process.memoryUsage();
  const cpu = process.cpuUsage();
  return { rssBytes: memory.rss, heapUsedBytes: memory.heapUsed, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
}

export interface ServerFigures {
  /** Every process of the server: the primary (in cluster mode) and each worker. */
  processes: ProcessStats[];
  /** CPU seconds of the workers that have exited (cluster mode), kept so the CPU counter never falls. */
  retiredCpuSeconds?: number;
  workers: number;
  startedAtMs: number;
  nowMs: number;
}

/** Process metrics under the names Prometheus client libraries use, summed over the server's processes. */
export function processGauges(figures: ServerFigures): GaugeHelp[] {
  const sum = (pick: (p: ProcessStats) => number): number => figures.processes.reduce((acc, p) => acc + pick(p), 0);
  return [
    { name: 'process_resident_memory_bytes', type: 'gauge', help: 'Resident memory of all server processes.', value: sum((p) => p.rssBytes) },
    { name: 'nodejs_heap_used_bytes', type: 'gauge', help: 'V8 heap in use, all server processes.', value: sum((p) => p.heapUsedBytes) },
    {
      name: 'process_cpu_seconds_total',
      type: 'counter',
      help: 'User and system CPU time of all server processes, including workers that have exited.',
      value: Math.round((sum((p) => p.cpuSeconds) + (figures.retiredCpuSeconds ?? 0)) * 1e6) / 1e6,
    },
    { name: 'process_start_time_seconds', type: 'gauge', help: 'Start of the server (Unix time).', value: Math.floor(figures.startedAtMs / 1000) },
    { name: 'dash_uptime_seconds', type: 'gauge', help: 'Seconds since the server started.', value: uptimeSeconds(figures.startedAtMs, figures.nowMs) },
    { name: 'dash_workers', type: 'gauge', help: 'Worker processes answering requests.', value: figures.workers },
  ];
}

/** The seed rounds uptime to 0.1 s. */
export function uptimeSeconds(startedAtMs: number, nowMs: number): number {
  return Math.round((nowMs - startedAtMs) / 100) / 10;
}
