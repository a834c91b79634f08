import cluster from 'node:cluster';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadSettings, resolvePaths } from '../config.js';
import { EXIT_OK } from '../errors.js';
import { createLogger } from '../log.js';
import { runPrimary, runWorker, STARTED_AT_ENV } from '../server/cluster.js';
import { TurnBatchedLines } from '../server/log-batch.js';
import { onShutdownSignal, rerunCommand, siteUrl, startSite, stopSite, type ServeContext } from '../server/site-server.js';
import type { Writable } from 'node:stream';
import type { Io } from './io.js';

/**
 * `dash serve`: the site in --out with /health and /metrics. One process by default; with --workers N
 * (DASH_WORKERS, or the seed's GUNICORN_WORKERS) a cluster primary keeps N workers running. Resolves with
 * exit code 0 after a graceful stop on SIGTERM/SIGINT.
 */
export async function run(options: Record<string, unknown>, io: Io): Promise<number> {
  // commander also fills these from DASH_HOST/DASH_PORT/DASH_WORKERS/DASH_REQUEST_TIMEOUT; only a real flag is an override, so
  // an invalid value is reported under the name the user set.
  const flag = (name: string, variable: string): string | undefined =>
    options[name] === undefined || options[name] === io.env[variable] ? undefined : String(options[name]);
  const settings = loadSettings(io.env, {
    host: flag('host', 'DASH_HOST'),
    port: flag('port', 'DASH_PORT'),
    workers: flag('workers', 'DASH_WORKERS'),
    timeout: flag('timeout', 'DASH_REQUEST_TIMEOUT'),
  });
  const paths = resolvePaths(options, io.env, io.cwd);
  // JSON lines (production) leave in one system call per turn of the event loop; pino needs only write().
  // Text mode pipes through pino-pretty, which needs a real stream, and is for a terminal anyway.
  const destination = settings.logFormat === 'json' ? (new TurnBatchedLines(io.stdout) as unknown as Writable) : (io.stdout as Writable);
  const logger = createLogger({ level: settings.logLevel, format: settings.logFormat, name: 'dash.serve', destination, env: io.env });
  const startedAt = Number(io.env[STARTED_AT_ENV]);
  const context: ServeContext = {
    settings,
    paths,
    logger,
    startedAtMs: Number.isFinite(startedAt) && startedAt > 0 ? startedAt : io.now().getTime(),
    rerun: rerunCommand(io.env, 'dash serve'),
  };

  if (cluster.isWorker) return runWorker(context);
  if (!existsSync(join(paths.out, 'index.html'))) {
    logger.warn({ site: paths.out }, `no site in ${paths.out} (index.html missing): run \`dash build\`; /health reports degraded until then`);
  }
  if (settings.workers > 1) return runPrimary(context);

  const site = await startSite(context);
  const url = siteUrl(settings.host, site.address.port);
  logger.info({ url, workers: 1, site: paths.out, cache: paths.cache }, `dash serve listening on ${url}`);
  await new Promise<void>((resolve) => {
    onShutdownSignal(
      async (signal) => {
        await stopSite(site, logger, signal);
        process.removeAllListeners('SIGTERM');
        process.removeAllListeners('SIGINT');
        resolve();
      },
      () => site.http.server.closeAllConnections(),
    );
  });
  return EXIT_OK;
}
