import { Command, CommanderError, Option } from 'commander';
import { DashError, EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from '../errors.js';
import { DASH_VERSION } from '../version.js';
import { debugRequested, describeFailure } from './failure.js';
import { loadEnvFile, processIo, type Io } from './io.js';

type Action = (options: Record<string, unknown>, io: Io) => Promise<number>;

/** Each command's module is imported only when that command runs, so `dash status` never loads the site bundler. */
const lazy =
  (load: () => Promise<{ run: Action }>) =>
  async (options: Record<string, unknown>, io: Io): Promise<number> =>
    (await load()).run(options, io);

function withPaths(command: Command): Command {
  return command
    .addOption(new Option('--datasets <dir>', 'raw datasets folder').env('DASH_DATASETS_DIR').default('datasets'))
    .addOption(new Option('--cache <dir>', 'cache folder (Parquet, ECG JSON, manifest)').env('DASH_CACHE_DIR').default('data_cache'))
    .addOption(new Option('--out <dir>', 'site output folder').env('DASH_DIST_DIR').default('dist'));
}

function withBuildOptions(command: Command): Command {
  return command
    .option('--only <datasets>', 'comma-separated subset: equipment,bases,healthcare,ecg')
    .option('--force', 'rebuild even when fresh', false)
    .option('--json', 'print a JSON report on stdout', false);
}

export function createProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command('dash')
    .description('Build Parquet caches and a static analytics site from four public datasets, and serve it.')
    .version(DASH_VERSION, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    })
    .exitOverride();

  const register = (command: Command, action: Action): void => {
    command.exitOverride();
    command.configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
    command.action(async (options: Record<string, unknown>) => setExit(await action(options, io)));
    program.addCommand(command);
  };

  register(
    withBuildOptions(withPaths(new Command('build').description('build stale caches, then the static site (the main job)'))),
    lazy(() => import('./build.js')),
  );
  register(
    withBuildOptions(withPaths(new Command('cache').description('build stale caches only (what CI pre-builds)'))).option(
      '--check',
      'build nothing; exit 1 if any cache is stale or missing',
      false,
    ),
    lazy(() => import('./cache.js')),
  );
  register(
    withPaths(new Command('site').description('build the static site from existing caches')).option('--json', 'print a JSON report on stdout', false),
    lazy(() => import('./site.js')),
  );
  register(
    withPaths(new Command('serve').description('serve the site with /health and /metrics'))
      .addOption(new Option('--host <host>', 'bind address').env('DASH_HOST'))
      .addOption(new Option('--port <port>', 'listen port').env('DASH_PORT'))
      .addOption(new Option('--workers <n>', 'worker processes').env('DASH_WORKERS')),
    lazy(() => import('./serve.js')),
  );
  register(
    withPaths(new Command('status').description('show every dataset: source, cache freshness, rows, size, built-at')).option(
      '--json',
      'print JSON on stdout',
      false,
    ),
    lazy(() => import('./status.js')),
  );
  register(
    withPaths(new Command('demo').description('write deterministic synthetic datasets in the raw Kaggle layout'))
      .addOption(new Option('--scale <scale>', 'small, or full for the real sizes (555 MB ECG)').choices(['small', 'full']).default('small'))
      .option('--seed <n>', 'random seed', '20240101')
      .option('--only <datasets>', 'comma-separated subset: equipment,bases,healthcare,ecg')
      .option('--force', 'overwrite existing files', false),
    lazy(() => import('./demo.js')),
  );
  register(
    withPaths(new Command('clean').description('remove caches and/or the built site'))
      .option('--caches', 'remove the cache folder only')
      .option('--dist', 'remove the site folder only'),
    lazy(() => import('./clean.js')),
  );
  return program;
}

/** Runs the CLI and returns the exit code; every error is caught here once. */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  let exitCode = EXIT_OK;
  try {
    loadEnvFile(io);
    const program = createProgram(io, (code) => {
      exitCode = code;
    });
    if (argv.length <= 2) {
      program.outputHelp();
      return EXIT_USAGE;
    }
    await program.parseAsync(argv);
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return EXIT_OK;
      return EXIT_USAGE;
    }
    if (err instanceof DashError) {
      io.stderr.write(`dash: ${err.message}\n`);
      return err.exitCode;
    }
    io.stderr.write(`dash: ${describeFailure(err, debugRequested(io.env))}\n`);
    return EXIT_FAILURE;
  }
}
