import { formatBytes, formatMs } from '../cache/builder.js';
import { inspectDatasets, type DatasetStatus } from '../cache/inspect.js';
import { loadDatasets } from '../datasets/registry.js';
import { EXIT_OK } from '../errors.js';
import { commandContext, writeJson, type Io } from './io.js';

export async function run(options: Record<string, unknown>, io: Io): Promise<number> {
  const context = await commandContext(io, options);
  const statuses = await inspectDatasets(context.paths, await loadDatasets());
  if (options.json) {
    writeJson(io, { datasetsDir: context.paths.datasets, cacheDir: context.paths.cache, datasets: statuses });
  } else {
    io.stdout.write(renderStatusTable(statuses));
    io.stdout.write(`\ndatasets: ${context.paths.datasets}\ncache:    ${context.paths.cache}\n`);
  }
  return EXIT_OK;
}

export function renderStatusTable(statuses: DatasetStatus[]): string {
  const header = ['dataset', 'source', 'cache', 'rows', 'size', 'built at (UTC)', 'took'];
  const rows = statuses.map((s) => [
    s.name,
    s.source,
    s.cache,
    s.rows === null ? '—' : s.rows.toLocaleString('en-US'),
    s.bytes === null ? '—' : formatBytes(s.bytes),
    s.builtAt === null ? '—' : s.builtAt.replace('T', ' ').replace(/\.\d+Z$/, ''),
    s.durationMs === null ? '—' : formatMs(s.durationMs),
  ]);
  const numeric = new Set([3, 4, 6]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (numeric.has(i) ? c.padStart(widths[i] as number) : c.padEnd(widths[i] as number)))
      .join('  ')
      .trimEnd();
  const notes = statuses.filter((s) => s.cache !== 'fresh').map((s) => `  ${s.name}: ${s.cache} — ${s.reason}`);
  return [line(header), line(widths.map((w) => '─'.repeat(w))), ...rows.map(line), ...(notes.length ? ['', ...notes] : [])].join('\n') + '\n';
}
