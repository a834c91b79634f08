import { runCaches, type DatasetReport } from '../cache/builder.js';
import { datasetsNamed, isProduction } from '../config.js';
import { loadDatasets, parseOnly } from '../datasets/registry.js';
import { EXIT_FAILURE, EXIT_OK } from '../errors.js';
import { interruptible } from '../interrupt.js';
import { commandContext, writeJson, type CommandContext, type Io } from './io.js';

export interface CacheFlags {
  datasets?: string;
  cache?: string;
  out?: string;
  only?: string[];
  force?: boolean;
  json?: boolean;
  check?: boolean;
  demo?: boolean;
}

/** Shared by `dash cache` and the first half of `dash build`. */
export async function buildCaches(context: CommandContext, flags: CacheFlags): Promise<DatasetReport[]> {
  const modules = await loadDatasets(parseOnly(flags.only));
  return runCaches({
    paths: context.paths,
    modules,
    force: flags.force === true,
    check: flags.check === true,
    reporter: context.reporter,
    now: context.io.now,
    inputs: {
      datasetsNamed: datasetsNamed(flags, context.io.env),
      production: isProduction(context.io.env),
      demo: flags.demo === true,
    },
  });
}

export function cacheExitCode(reports: DatasetReport[]): number {
  return reports.every((r) => r.outcome === 'built' || r.outcome === 'fresh') ? EXIT_OK : EXIT_FAILURE;
}

export function summarize(context: CommandContext, reports: DatasetReport[], check: boolean): void {
  const failed = reports.filter((r) => r.outcome === 'failed');
  const notFresh = reports.filter((r) => r.outcome === 'stale' || r.outcome === 'missing');
  if (failed.length > 0) {
    context.reporter.warn(`${failed.length} of ${reports.length} dataset(s) failed: ${failed.map((r) => r.name).join(', ')}`);
  } else if (check && notFresh.length > 0) {
    context.reporter.warn(`${notFresh.length} cache(s) need a build: ${notFresh.map((r) => `${r.name} (${r.outcome})`).join(', ')}; run \`dash cache\``);
  }
}

export async function run(options: Record<string, unknown>, io: Io): Promise<number> {
  return interruptible(io.stderr, 'the cache build', () => cache(options as CacheFlags, io));
}

async function cache(flags: CacheFlags, io: Io): Promise<number> {
  const context = await commandContext(io, { ...flags, quiet: false });
  const reports = await buildCaches(context, flags);
  if (flags.json) writeJson(io, { caches: reports });
  summarize(context, reports, flags.check === true);
  return cacheExitCode(reports);
}
