import { Argument, Command, CommanderError, Option } from 'commander';
import { DEFAULT_PATHS, DEV_DEFAULTS, SERVE_DEFAULTS } from '../config.js';
import { DashError, EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from '../errors.js';
import { DASH_VERSION } from '../version.js';
import { SHELLS } from './completion-script.js';
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
    .addOption(new Option('--datasets <dir>', 'raw datasets folder').env('DASH_DATASETS_DIR').default(DEFAULT_PATHS.datasets))
    .addOption(new Option('--cache <dir>', 'cache folder (Parquet, ECG JSON, manifest)').env('DASH_CACHE_DIR').default(DEFAULT_PATHS.cache))
    .addOption(new Option('--out <dir>', 'site output folder').env('DASH_DIST_DIR').default(DEFAULT_PATHS.out));
}

/** Repeated `--only` flags add up instead of the last one winning. */
const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

function withBuildOptions(command: Command): Command {
  return command
    .option('--only <datasets>', 'comma-separated subset: equipment,bases,healthcare,ecg (repeatable)', collect)
    .option('--force', 'rebuild even when fresh', false)
    .option('--demo', 'build the built-in demo data instead of reading --datasets (never chosen silently in production)', false)
    .option('--json', 'print a JSON report on stdout', false);
}

/**
 * One voice for every error: commander's own ("error: unknown option …") are reworded to the `dash: ` prefix the
 * command errors use, and main() adds the usage hint to both kinds.
 */
const voice = (message: string): string => message.replace(/^error: /, 'dash: ');

/** The line after a usage error: the command's usage and where its options are listed. */
export function usageHint(command: Command): string {
  const path = command.parent ? `dash ${command.name()}` : 'dash';
  return `Usage: ${path} ${command.usage()}; \`${path} --help\` lists the ${command.commands.length > 0 ? 'commands' : 'options'}\n`;
}

export function createProgram(io: Io, setExit: (code: number) => void, setCommand: (command: Command) => void = () => undefined): Command {
  const program = new Command('dash')
    .description('Build Parquet caches and a static analytics site from four public datasets, and serve it.')
    .version(DASH_VERSION, '-V, --version')
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, write) => write(voice(s)),
    })
    .exitOverride()
    // The subcommand is known before its options are parsed, so even its parse errors name it.
    .hook('preSubcommand', (_program, command) => setCommand(command));

  const register = (command: Command, action: Action): void => {
    // Output, exit handling and help settings as the program's (addCommand, unlike .command(), copies none).
    command.copyInheritedSettings(program);
    // commander passes the positional arguments first and the command last; actions get them as `args`.
    command.action(async (...received: unknown[]) => {
      const self = received[received.length - 1] as Command;
      // Defaults are left to resolvePaths, so a command can tell a folder the user named (never replaced by demo
      // data) from the default one, and DASH_*_DIR is read from the command's own environment (by resolvePaths, where
      // an empty variable means unset: commander would pass DASH_DATASETS_DIR= on as '', the current folder).
      const options = self.opts();
      for (const key of ['datasets', 'cache', 'out']) if (['default', 'env'].includes(self.getOptionValueSource(key) ?? '')) delete options[key];
      setExit(await action({ ...options, args: self.processedArgs }, io));
    });
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
      // Shown, not set, as defaults: a value commander filled in would hide DASH_ENV=production's host and the
      // GUNICORN_* aliases, which loadSettings resolves.
      .addOption(new Option('--host <host>', `bind address (default: ${SERVE_DEFAULTS.host}, ${SERVE_DEFAULTS.productionHost} when DASH_ENV=production)`).env('DASH_HOST'))
      .addOption(new Option('--port <port>', `listen port (default: ${SERVE_DEFAULTS.port}; 0 picks a free one)`).env('DASH_PORT'))
      .addOption(new Option('--workers <n>', `worker processes (default: ${SERVE_DEFAULTS.workers}; alias GUNICORN_WORKERS)`).env('DASH_WORKERS'))
      .addOption(
        new Option('--timeout <seconds>', `longest time a request may take (default: ${SERVE_DEFAULTS.requestTimeoutSeconds}; alias GUNICORN_TIMEOUT)`).env('DASH_REQUEST_TIMEOUT'),
      ),
    lazy(() => import('./serve.js')),
  );
  register(
    withPaths(new Command('dev').description('build what is stale, serve the site, rebuild on change and reload open pages'))
      .addOption(new Option('--host <host>', 'bind address').default(DEV_DEFAULTS.host))
      .addOption(new Option('--port <port>', 'listen port (0 picks a free one)').default(String(DEV_DEFAULTS.port)))
      .option('--open', 'open the site in a browser (default: when run in a terminal and a browser opener exists)')
      .option('--no-open', 'do not open a browser'),
    lazy(() => import('./dev.js')),
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
      .option('--only <datasets>', 'comma-separated subset: equipment,bases,healthcare,ecg (repeatable)', collect)
      .option('--force', 'overwrite existing files', false),
    lazy(() => import('./demo.js')),
  );
  register(
    withPaths(new Command('clean').description("remove dash's caches and the built site (both, unless --caches or --dist)"))
      .option('--caches', 'remove the caches only')
      .option('--dist', 'remove the site folder only'),
    lazy(() => import('./clean.js')),
  );
  register(
    new Command('completion')
      .description('print a shell completion script (e.g. `source <(dash completion bash)`)')
      .addArgument(new Argument('<shell>', 'the shell to complete in').choices(SHELLS)),
    lazy(() => import('./completion.js')),
  );
  return program;
}

/** Runs the CLI and returns the exit code; every error is caught here once. */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  let exitCode = EXIT_OK;
  let program: Command | undefined;
  let command: Command | undefined;
  try {
    loadEnvFile(io);
    program = createProgram(
      io,
      (code) => {
        exitCode = code;
      },
      (c) => {
        command = c;
      },
    );
    if (argv.length <= 2) {
      // No command is a usage error (exit 2), so the help goes where errors go; `dash --help` prints it on stdout.
      program.outputHelp({ error: true });
      return EXIT_USAGE;
    }
    await program.parseAsync(argv);
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return EXIT_OK;
      if (program) io.stderr.write(usageHint(command ?? program));
      return EXIT_USAGE;
    }
    if (err instanceof DashError) {
      io.stderr.write(`dash: ${err.message}\n`);
      if (err.exitCode === EXIT_USAGE && program) io.stderr.write(usageHint(command ?? program));
      return err.exitCode;
    }
    io.stderr.write(`dash: ${describeFailure(err, debugRequested(io.env))}\n`);
    return EXIT_FAILURE;
  }
}
