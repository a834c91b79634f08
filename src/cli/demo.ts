import { DEFAULT_PATHS } from '../config.js';
import { loadDatasets, parseOnly } from '../datasets/registry.js';
import { DashError, EXIT_OK, EXIT_USAGE, usageError } from '../errors.js';
import { debugRequested, describeFailure } from './failure.js';
import { commandContext, type Io } from './io.js';

/** A word the shell reads back unchanged: as it is when safe, else single-quoted. */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The build that reads what demo just wrote: the folder given as a flag is given again (the environment's applies by itself). */
export function buildCommand(datasets: unknown, env: NodeJS.ProcessEnv): string {
  const fromFlag = typeof datasets === 'string' && datasets !== DEFAULT_PATHS.datasets && datasets !== env.DASH_DATASETS_DIR;
  return fromFlag ? `dash build --datasets ${shellWord(datasets)}` : 'dash build';
}

export async function run(options: Record<string, unknown>, io: Io): Promise<number> {
  const context = await commandContext(io, options);
  const seed = Number(options.seed);
  if (!Number.isSafeInteger(seed) || seed < 0) throw usageError(`--seed must be a whole number ≥ 0 (found "${String(options.seed)}")`);
  const scale = options.scale === 'full' ? 'full' : 'small';
  const modules = await loadDatasets(parseOnly(options.only as string[] | undefined));
  const failed: string[] = [];
  for (const module of modules) {
    const step = context.reporter.start(`${module.name}: writing ${scale} demo data`);
    const started = performance.now();
    try {
      const files = await module.writeDemo(context.paths.datasets, { scale, seed, force: options.force === true });
      step.succeed(`${module.name}: wrote ${files.length} file(s) in ${Math.round(performance.now() - started)} ms`);
    } catch (err) {
      if (err instanceof DashError && err.exitCode === EXIT_USAGE) throw err;
      step.fail(`${module.name}: ${err instanceof DashError ? err.message : describeFailure(err, debugRequested(io.env))}`);
      failed.push(module.name);
    }
  }
  if (failed.length > 0) throw new DashError(`demo data not written for ${failed.join(', ')} (see above)`);
  context.reporter.info(`demo datasets are in ${context.paths.datasets}; run \`${buildCommand(options.datasets, io.env)}\` to build caches and the site`);
  return EXIT_OK;
}
