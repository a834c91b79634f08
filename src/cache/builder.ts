import { mkdir, rm, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { Paths } from '../config.js';
import { sha256OfFile } from '../filesystem.js';
import type { DatasetModule, DatasetName, ResolvedSource, SourceKind } from '../datasets/types.js';
import type { Reporter } from '../log.js';
import { InputError } from '../errors.js';
import { DASH_VERSION } from '../version.js';
import { commitTemp, tempPathFor } from './atomic.js';
import { DEMO_SEED, inputIdentity, judgeFreshness, type Freshness } from './freshness.js';
import { checkDatasetsFolder, chooseInput, DEFAULT_INPUT_POLICY, type InputPolicy } from './input-policy.js';
import { removeLeftovers } from './leftovers.js';
import { loadDatasets } from '../datasets/registry.js';
import { buildOnThread } from './threaded-build.js';
import { describeOwner, withLock } from './lock.js';
import { readManifest, updateManifestEntry, type ManifestEntry } from './manifest.js';

/** Where `dash build` writes the built-in demo inputs of datasets that have none (inside the cache, git-ignored). */
export const DEMO_DIR = '.demo';

export interface DatasetReport {
  name: DatasetName;
  /** `built` or `fresh` on success; `failed` with `error`; `stale`/`missing` only from `--check`. */
  outcome: 'built' | 'fresh' | 'failed' | Exclude<Freshness, 'fresh'>;
  source: SourceKind | undefined;
  reason: string;
  rows: number | undefined;
  bytes: number | undefined;
  durationMs: number | undefined;
  warnings: string[];
  error: string | undefined;
  /** Where a bad input is (file relative to its source folder, 1-based line), when the error names one. */
  location?: { file: string; line: number | undefined; column: number | undefined };
}

export interface CacheRunOptions {
  paths: Paths;
  modules: DatasetModule[];
  force: boolean;
  /** Only judge freshness; build nothing. */
  check: boolean;
  reporter: Reporter;
  now?: () => Date;
  concurrency?: number;
  /** When demo data may stand in for a missing input; by default as on a fresh clone in development. */
  inputs?: InputPolicy;
}

/**
 * Brings every requested cache up to date. Datasets run concurrently (bounded by the CPU count); a failure is
 * reported and the others still finish. Each artefact is written to a temp file and renamed into place only after
 * its build succeeded, and the manifest entry is updated after that, so a failed build leaves both untouched.
 */
export async function runCaches(options: CacheRunOptions): Promise<DatasetReport[]> {
  const now = options.now ?? (() => new Date());
  await checkDatasetsFolder(options.paths.datasets, options.inputs ?? DEFAULT_INPUT_POLICY);
  // --check only reads: it must not leave a cache folder behind where there was none.
  if (!options.check) {
    await mkdir(options.paths.cache, { recursive: true });
    await removeLeftovers(options.paths.cache);
  }
  const limit = Math.max(1, Math.min(options.concurrency ?? availableParallelism(), options.modules.length));
  const reports: DatasetReport[] = new Array(options.modules.length);
  let next = 0;
  // When several datasets build side by side, each of dash's own builds on a thread of its own. One alone (`dash dev`
  // after an edit) builds here: a thread would only add its start-up (~0.1 s of module loading).
  const threads = options.modules.length > 1 && limit > 1;
  const worker = async (): Promise<void> => {
    while (next < options.modules.length) {
      const index = next++;
      reports[index] = await runOne(options.modules[index] as DatasetModule, options, now, threads);
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return reports;
}

async function runOne(module: DatasetModule, options: CacheRunOptions, now: () => Date, threads: boolean): Promise<DatasetReport> {
  const { paths, reporter } = options;
  const step = reporter.start(`${module.name}: checking inputs`);
  const report: DatasetReport = {
    name: module.name,
    outcome: 'failed',
    source: undefined,
    reason: '',
    rows: undefined,
    bytes: undefined,
    durationMs: undefined,
    warnings: [],
    error: undefined,
  };
  try {
    const { located, demoNote } = await chooseInput(module, paths.datasets, options.inputs ?? DEFAULT_INPUT_POLICY);
    report.source = located?.kind ?? 'demo';
    // --force rebuilds whatever the verdict, so the inputs are hashed (all of them) while the build runs (~0.4 s
    // for the ECG input); otherwise files whose size and mtime the manifest recorded are not read again.
    const forced = options.force && !options.check;
    const known = forced ? [] : ((await readManifest(paths.cache).catch(() => undefined))?.artefacts[module.name]?.inputs ?? []);
    const hashing = inputIdentity(module, located, known);
    hashing.catch(() => undefined); // awaited below; this only keeps a failure during the build from going unhandled
    const judge = async (): Promise<{ state: Freshness; reason: string; entry: ManifestEntry | undefined }> => {
      const entry = (await readManifest(paths.cache)).artefacts[module.name];
      if (forced) return { state: 'stale', reason: 'forced', entry };
      return { ...(await judgeFreshness(module, entry, await hashing, paths.cache)), entry };
    };
    let verdict = await judge();
    if (options.check) {
      fillFromEntry(report, verdict.entry);
      report.outcome = verdict.state === 'fresh' ? 'fresh' : verdict.state;
      report.reason = verdict.reason;
      const line = `${module.name}: ${verdict.state} (${verdict.reason})`;
      if (verdict.state === 'fresh') step.succeed(line);
      else step.fail(line);
      return report;
    }
    if (!options.force && verdict.state === 'fresh') {
      fillFromEntry(report, verdict.entry);
      report.outcome = 'fresh';
      report.reason = verdict.reason;
      step.succeed(`${module.name}: fresh (${formatRows(report.rows)}, ${describeSource(report.source)}), not rebuilt`);
      return report;
    }
    await withLock(join(paths.cache, `.${module.name}.lock`), async () => {
      // Another build may have finished this artefact while we waited for the lock.
      verdict = await judge();
      if (!options.force && verdict.state === 'fresh') {
        fillFromEntry(report, verdict.entry);
        report.outcome = 'fresh';
        report.reason = 'built by a concurrent run';
        step.succeed(`${module.name}: fresh (built by a concurrent run)`);
        return;
      }
      if (demoNote !== undefined) reporter.info(demoNote);
      const source = located ?? (await demoSource(module, paths.cache));
      const started = performance.now();
      const target = join(paths.cache, module.artefact);
      const temp = tempPathFor(target);
      try {
        step.update(`${module.name}: building from ${describeSource(source.kind)}`);
        const context = { source, tempPath: temp, progress: (text: string) => step.update(`${module.name}: ${text}`) };
        // A module from elsewhere (a test's) cannot be loaded in a thread by name: it builds here.
        const threaded = threads && (await loadDatasets([module.name]))[0] === module;
        const outcome = threaded ? await buildOnThread(module, context) : await module.build(context);
        await commitTemp(temp, target);
        const durationMs = Math.round(performance.now() - started);
        const bytes = (await stat(target)).size;
        const entry: ManifestEntry = {
          artefact: module.artefact,
          pipelineVersion: module.version,
          dashVersion: DASH_VERSION,
          source: source.kind,
          inputs: await hashing,
          rows: outcome.rows,
          bytes,
          sha256: (await sha256OfFile(target)).digest('hex'),
          durationMs,
          builtAt: now().toISOString(),
          warnings: outcome.warnings,
          ...(outcome.details ? { details: outcome.details } : {}),
        };
        await updateManifestEntry(paths.cache, module.name, entry, now());
        fillFromEntry(report, entry);
        report.outcome = 'built';
        report.reason = verdict.reason;
        for (const warning of outcome.warnings) reporter.warn(`${module.name}: ${warning}`);
        step.succeed(
          `${module.name}: built ${module.artefact} — ${formatRows(outcome.rows)}, ${formatBytes(bytes)} in ${formatMs(durationMs)} (${describeSource(source.kind)})`,
        );
      } finally {
        await rm(temp, { force: true });
      }
    }, {
      onWait: (owner, path) => reporter.info(`${module.name}: waiting for ${path}, held by ${describeOwner(owner)} (another dash build); it continues when that build ends`),
    });
    return report;
  } catch (err) {
    report.outcome = 'failed';
    report.error = err instanceof Error ? err.message : String(err);
    if (err instanceof InputError) report.location = { file: err.file, line: err.line, column: err.column };
    step.fail(`${module.name}: failed — ${report.error}; the previous cache (if any) is unchanged`);
    return report;
  }
}

async function demoSource(module: DatasetModule, cacheDir: string): Promise<ResolvedSource> {
  const root = join(cacheDir, DEMO_DIR);
  await module.writeDemo(root, { scale: 'small', seed: DEMO_SEED, force: true });
  const located = await module.locate(root);
  if (!located) throw new Error(`the demo generator wrote no input that ${module.name} can find under ${root}`);
  return { ...located, kind: 'demo' };
}

function fillFromEntry(report: DatasetReport, entry: ManifestEntry | undefined): void {
  if (!entry) return;
  report.rows = entry.rows;
  report.bytes = entry.bytes;
  report.durationMs = entry.durationMs;
  report.warnings = entry.warnings;
}

export function describeSource(kind: SourceKind | undefined): string {
  return kind === 'full' ? 'full data' : kind === 'sample' ? 'sample files' : kind === 'demo' ? 'demo data' : 'unknown source';
}

export function formatRows(rows: number | undefined): string {
  return rows === undefined ? '? rows' : `${rows.toLocaleString('en-US')} rows`;
}

export function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined) return '?';
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

export function formatMs(ms: number | undefined): string {
  if (ms === undefined) return '?';
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}
