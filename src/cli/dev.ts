import { spawn } from 'node:child_process';
import { existsSync, type FSWatcher } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { delimiter, join } from 'node:path';
import type { Writable } from 'node:stream';
import { datasetsNamed, DEV_DEFAULTS, loadSettings } from '../config.js';
import type { DatasetName } from '../datasets/types.js';
import type { SiteReport } from '../site/build.js';
import { EXIT_OK } from '../errors.js';
import { createLogger } from '../log.js';
import { DEV_PREFIX } from '../dev/client.js';
import { devFiles, LiveReload } from '../dev/live.js';
import { classifyChanges, datasetsTouched, isCheckout, PACKAGE_ROOT, runBuild, runBundle, runTypescript, stopSteps, warmBuildWorker, type StepResult } from '../dev/steps.js';
import { ChangeBatcher, watchTree } from '../dev/watch.js';
import { createApp } from '../server/app.js';
import { MetricsRegistry } from '../server/metrics.js';
import { createErrorTracker } from '../server/sentry.js';
import { createHttpServer } from '../server/server.js';
import { localMetrics, onShutdownSignal, siteUrl, listenError, stopSite, type RunningSite } from '../server/site-server.js';
import { createStaticHandler } from '../server/static.js';
import { commandContext, type Io } from './io.js';

/**
 * `dash dev`: build what is stale, serve the site as `dash serve` does, watch the datasets folder (and, in a
 * checkout, src/ and site/), rebuild what a change touched and tell open pages to reload. Resolves with 0 on Ctrl-C.
 */
export async function run(options: Record<string, unknown>, io: Io): Promise<number> {
  const context = await commandContext(io, options);
  const { paths, reporter } = context;
  const settings = loadSettings(io.env, {
    host: typeof options.host === 'string' ? options.host : DEV_DEFAULTS.host,
    port: typeof options.port === 'string' ? options.port : String(DEV_DEFAULTS.port),
    workers: '1',
  });
  const echo = (text: string): void => void io.stderr.write(text);
  const env = io.env;
  const named = datasetsNamed({ datasets: typeof options.datasets === 'string' ? options.datasets : undefined }, env);
  const checkout = isCheckout();
  const live = new LiveReload();

  /**
   * What a failed rebuild still owes: its steps run again with the next change, and every dataset is checked, so a
   * later good build of something else never clears an error that is still there.
   */
  let owed: { src: boolean; site: boolean } | undefined;

  /**
   * One rebuild: recompile and rebundle first when page code changed, then `dash build` (stale caches, changed pages).
   * Returns the pages it rebuilt, or undefined when it failed.
   */
  const rebuild = async (asked: { src: boolean; site: boolean; only: DatasetName[] | undefined }): Promise<string[] | undefined> => {
    const work = owed ? { src: asked.src || owed.src, site: asked.site || owed.site, only: undefined } : asked;
    owed = undefined;
    const started = performance.now();
    const seconds = (): string => ((performance.now() - started) / 1000).toFixed(2);
    /** Open pages reload as soon as the rebuilt site is in place; its precompressed copies follow once they are drawn. */
    let told: string[] | undefined;
    const tell = async (site: SiteReport | null): Promise<void> => {
      const rebuilt = site?.upToDate === false ? site.rebuilt : [];
      if (told || rebuilt.length === 0) return;
      told = rebuilt;
      const reloaded = live.rebuilt(rebuilt);
      reporter.info(`dev: rebuilt ${rebuilt.join(', ')} in ${seconds()} s; ${live.connected} open page(s) told`);
      await reloaded;
    };
    const steps: (() => Promise<StepResult>)[] = [];
    if (work.src) steps.push(() => runTypescript(env, echo));
    if (work.src || work.site) steps.push(() => runBundle(env, echo));
    steps.push(() => runBuild(paths, work.only, env, echo, tell, named));
    let result: StepResult = { ok: true, site: null };
    for (const step of steps) {
      result = await step();
      if (!result.ok) break;
    }
    if (!result.ok) {
      const where = result.failure.file === null ? '' : ` (${result.failure.file}${result.failure.line === null ? '' : `:${result.failure.line}`})`;
      reporter.warn(`dev: the ${result.failure.step} build failed${where} after ${seconds()} s; still serving the last good site, the error is shown in open pages`);
      live.failed(result.failure);
      owed = { src: work.src, site: work.site };
      return undefined;
    }
    void tell(result.site);
    if (!told) {
      live.unchanged();
      reporter.info(`dev: nothing to rebuild (${seconds()} s)`);
    }
    return told ?? [];
  };

  reporter.info(`dev: building what is stale in ${paths.cache} and ${paths.out}`);
  const builtAtStart = await rebuild({ src: false, site: false, only: undefined });
  if (builtAtStart) {
    warmBuildWorker(paths.cache, builtAtStart);
    reporter.info('dev: the build process warms up in the background for the first edit (nothing is written)');
  }

  const registry = new MetricsRegistry();
  const logger = createLogger({ level: io.env.DASH_LOG_LEVEL === undefined ? 'warn' : settings.logLevel, format: settings.logFormat, name: 'dash.dev', destination: io.stdout as Writable });
  const startedAtMs = io.now().getTime();
  const tracker = await createErrorTracker(settings, logger);
  const handler = createApp({
    paths,
    logger,
    registry,
    metrics: localMetrics(registry, startedAtMs),
    files: devFiles(paths.out, live, createStaticHandler(paths.out)),
    tracker,
    startedAtMs,
    textLogs: settings.logFormat === 'text',
  });
  const http = createHttpServer({ handler, logger, registry, requestTimeoutMs: settings.requestTimeoutSeconds * 1000 });
  await new Promise<void>((resolve, reject) => {
    http.server.once('error', (err: NodeJS.ErrnoException) => void listenError(err, settings.host, settings.port, 'dash dev').then(reject, reject));
    http.server.listen(settings.port, settings.host, () => resolve());
  });
  const address = http.server.address() as AddressInfo;
  const site: RunningSite = { http, registry, tracker, address };
  const url = siteUrl(settings.host, address.port);

  const watchers: FSWatcher[] = [];
  const batcher = new ChangeBatcher(async (changed) => {
    const kinds = classifyChanges(changed, { datasets: paths.datasets, root: PACKAGE_ROOT });
    reporter.info(`dev: ${changed.length} change(s): ${changed.slice(0, 3).join(', ')}${changed.length > 3 ? ', …' : ''}`);
    const only = kinds.datasets.length > 0 && !kinds.src && !kinds.site ? await datasetsTouched(paths.datasets, kinds.datasets) : kinds.datasets.length > 0 ? undefined : [];
    // Only page code changed: the caches need no look (an empty --only would be an error), the site does.
    await rebuild({ src: kinds.src, site: kinds.site, only: only !== undefined && only.length === 0 ? undefined : only });
  });
  const watchFolder = (dir: string, what: string): void => {
    if (!existsSync(dir)) {
      reporter.warn(`dev: ${dir} does not exist, so ${what} is not watched (create it and restart dash dev)`);
      return;
    }
    const { watcher, recursive } = watchTree(dir, (path) => batcher.add(path));
    watcher.on('error', (err) => reporter.warn(`dev: watching ${dir} stopped: ${err.message}`));
    watchers.push(watcher);
    reporter.info(`dev: watching ${dir}${recursive ? '' : ' (this platform watches the top folder only)'}`);
  };
  watchFolder(paths.datasets, 'the datasets folder');
  if (checkout) {
    watchFolder(join(PACKAGE_ROOT, 'src'), 'the pipeline code');
    watchFolder(join(PACKAGE_ROOT, 'site'), 'the page code');
  }

  reporter.info(`dash dev on ${url} (pages reload on change; ${DEV_PREFIX} is the dev server's own; Ctrl-C stops)`);
  if (shouldOpen(options.open, io)) openBrowser(url, io, (text) => reporter.warn(text));

  await new Promise<void>((resolve) => {
    onShutdownSignal(
      async (signal) => {
        for (const watcher of watchers) watcher.close();
        stopSteps();
        await batcher.close();
        live.close();
        await stopSite(site, logger, signal);
        process.removeAllListeners('SIGTERM');
        process.removeAllListeners('SIGINT');
        resolve();
      },
      () => http.server.closeAllConnections(),
    );
  });
  reporter.info('dev: stopped');
  return EXIT_OK;
}

/** --open/--no-open when given; by default only in an interactive terminal. */
function shouldOpen(flag: unknown, io: Io): boolean {
  if (typeof flag === 'boolean') return flag;
  return io.stdout.isTTY === true && (io.env.CI ?? '') === '';
}

const OPENERS: Record<string, string> = { darwin: 'open', win32: 'explorer.exe' };

/** Opens `url` with the platform's opener (xdg-open on Linux) when one is installed; says so when none is. */
function openBrowser(url: string, io: Io, warn: (text: string) => void): void {
  const opener = OPENERS[process.platform] ?? 'xdg-open';
  const found = (io.env.PATH ?? '').split(delimiter).some((dir) => dir !== '' && existsSync(join(dir, opener)));
  if (!found) {
    warn(`dev: no browser opener (${opener}) found; open ${url} yourself`);
    return;
  }
  const child = spawn(opener, [url], { stdio: 'ignore', detached: true });
  child.once('error', (err) => warn(`dev: could not open a browser (${err.message}); open ${url} yourself`));
  child.unref();
}
